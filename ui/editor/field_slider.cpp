#include "editor/field_slider.h"

#include <QWheelEvent>

namespace reslab::ui {

FieldSlider::FieldSlider(QWidget *parent)
    : QSlider(Qt::Horizontal, parent)
{
    setFocusPolicy(Qt::StrongFocus);
}

void FieldSlider::wheelEvent(QWheelEvent *event)
{
    if (!hasFocus()) {
        event->ignore();
        return;
    }
    QSlider::wheelEvent(event);
}

} // namespace reslab::ui
