#include "editor/field_spin_box.h"

#include <QStyle>
#include <QStyleOptionSpinBox>
#include <QWheelEvent>

namespace reslab::ui {

FieldSpinBox::FieldSpinBox(QWidget *parent)
    : QDoubleSpinBox(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setKeyboardTracking(false);
    setAccelerated(true);
}

QString FieldSpinBox::textFromValue(double value) const
{
    QLocale loc = locale();
    loc.setNumberOptions(loc.numberOptions() | QLocale::OmitGroupSeparator);
    QString s = loc.toString(value, 'f', decimals());
    if (decimals() > 0) {
        const QString point = loc.decimalPoint();
        if (s.contains(point)) {
            while (s.endsWith('0'))
                s.chop(1);
            if (s.endsWith(point))
                s.chop(point.size());
        }
    }
    return s;
}

QSize FieldSpinBox::sizeHint() const
{
    ensurePolished();
    const QFontMetrics fm(font());
    const int h = QDoubleSpinBox::sizeHint().height();
    const int w = fm.horizontalAdvance(QStringLiteral("0000000.0")) + 4;
    QStyleOptionSpinBox opt;
    initStyleOption(&opt);
    return style()
        ->sizeFromContents(QStyle::CT_SpinBox, &opt, QSize(w, h), this)
        .expandedTo(QSize(0, h));
}

void FieldSpinBox::setDefaultLook(bool on)
{
    if (property("isDefault").toBool() == on && property("isDefault").isValid())
        return;
    setProperty("isDefault", on);
    QFont f = font();
    f.setItalic(on);
    setFont(f);
    QPalette pal = palette();
    pal.setColor(QPalette::Text, on ? pal.color(QPalette::Disabled, QPalette::Text)
                                    : QPalette().color(QPalette::Active, QPalette::Text));
    setPalette(pal);
}

void FieldSpinBox::wheelEvent(QWheelEvent *event)
{
    if (!hasFocus()) {
        event->ignore();
        return;
    }
    QDoubleSpinBox::wheelEvent(event);
}

} // namespace reslab::ui
