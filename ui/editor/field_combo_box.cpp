#include "editor/field_combo_box.h"

#include <QWheelEvent>

namespace reslab::ui {

FieldComboBox::FieldComboBox(QWidget *parent)
    : QComboBox(parent)
{
    setFocusPolicy(Qt::StrongFocus);
}

void FieldComboBox::wheelEvent(QWheelEvent *event)
{
    if (!hasFocus()) {
        event->ignore();
        return;
    }
    QComboBox::wheelEvent(event);
}

} // namespace reslab::ui
