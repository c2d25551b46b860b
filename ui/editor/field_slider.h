#pragma once

#include <QSlider>

namespace reslab::ui {

/// A slider that ignores the mouse wheel unless focused.
class FieldSlider final : public QSlider
{
    Q_OBJECT

public:
    explicit FieldSlider(QWidget *parent = nullptr);

protected:
    void wheelEvent(QWheelEvent *event) override;
};

} // namespace reslab::ui
