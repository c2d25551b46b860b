#pragma once

#include <QDoubleSpinBox>

namespace reslab::ui {

/// A spin box that sizes itself for a few digits (not for its huge range), shows numbers
/// without trailing zeros, and ignores the mouse wheel unless focused (so the editor scrolls).
class FieldSpinBox final : public QDoubleSpinBox
{
    Q_OBJECT

public:
    explicit FieldSpinBox(QWidget *parent = nullptr);
    QString textFromValue(double value) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }
    /// Marks the shown value as a default / inherited one (grey, italic).
    void setDefaultLook(bool on);

protected:
    void wheelEvent(QWheelEvent *event) override;
};

} // namespace reslab::ui
