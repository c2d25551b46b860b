#pragma once

#include <QComboBox>

namespace reslab::ui {

/// A combo box that ignores the mouse wheel unless focused (scrolling the editor must never
/// switch a policy or a distribution by accident).
class FieldComboBox final : public QComboBox
{
    Q_OBJECT

public:
    explicit FieldComboBox(QWidget *parent = nullptr);

protected:
    void wheelEvent(QWheelEvent *event) override;
};

} // namespace reslab::ui
