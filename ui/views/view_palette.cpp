#include "view_palette.h"

#include <QFontMetricsF>
#include <QPainter>

#include <QCoreApplication>
#include <QObject>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace reslab::ui::view_palette {

QColor stateColor(BreakerState s)
{
    switch (s) {
    case BreakerState::Closed:
        return kClosed;
    case BreakerState::Open:
        return kOpen;
    case BreakerState::HalfOpen:
        return kHalfOpen;
    }
    return kFrame;
}

QString stateLabel(BreakerState s)
{
    switch (s) {
    case BreakerState::Closed:
        return QObject::tr("Closed");
    case BreakerState::Open:
        return QObject::tr("Open");
    case BreakerState::HalfOpen:
        return QObject::tr("Half-open");
    }
    return {};
}

QString outcomeLabel(Outcome o)
{
    // The names events.csv writes, as the English text; translated for the views.
    static constexpr const char *kLabels[] = {QT_TRANSLATE_NOOP("Outcome", "ok"),
                                              QT_TRANSLATE_NOOP("Outcome", "fallback"),
                                              QT_TRANSLATE_NOOP("Outcome", "error"),
                                              QT_TRANSLATE_NOOP("Outcome", "timeout"),
                                              QT_TRANSLATE_NOOP("Outcome", "circuit_open"),
                                              QT_TRANSLATE_NOOP("Outcome", "overloaded"),
                                              QT_TRANSLATE_NOOP("Outcome", "rejected"),
                                              QT_TRANSLATE_NOOP("Outcome", "fallback_failed")};
    const auto i = static_cast<std::size_t>(o);
    return i < std::size(kLabels) ? QCoreApplication::translate("Outcome", kLabels[i]) : QString();
}

QColor outcomeColor(Outcome o)
{
    switch (o) {
    case Outcome::Ok:
        return kSuccess;
    case Outcome::Fallback:
        return kFallback;
    case Outcome::Timeout:
        return kTimeout;
    case Outcome::CircuitOpen:
    case Outcome::Rejected:
    case Outcome::Overloaded:
        return kRejected;
    case Outcome::Error:
    case Outcome::FallbackFailed:
        return kFailed;
    }
    return kFailed;
}

QFont bodyFont()
{
    QFont f;
    f.setPointSizeF(10);
    return f;
}

QFont smallFont()
{
    QFont f;
    f.setPointSizeF(9);
    return f;
}

QFont titleFont()
{
    QFont f;
    f.setPointSizeF(10.5);
    f.setBold(true);
    return f;
}

qreal drawTitle(QPainter &p, const QRectF &area, const QString &title, const QString &right)
{
    p.save();
    const QFont tf = titleFont();
    const QFontMetricsF tm(tf);
    const qreal h = tm.height() + 6;
    // The title comes first; the right-hand note takes what is left.
    const QString t = tm.elidedText(title, Qt::ElideRight, area.width());
    const qreal titleWidth = tm.horizontalAdvance(t);
    if (!right.isEmpty()) {
        const QFont sf = smallFont();
        const QFontMetricsF sm(sf);
        const QString shown = sm.elidedText(right, Qt::ElideRight,
                                            std::max<qreal>(0, area.width() - titleWidth - 16));
        p.setFont(sf);
        p.setPen(kMutedText);
        p.drawText(QRectF(area.left(), area.top(), area.width(), h),
                   Qt::AlignRight | Qt::AlignVCenter, shown);
    }
    p.setFont(tf);
    p.setPen(kText);
    p.drawText(QRectF(area.left(), area.top(), area.width(), h), Qt::AlignLeft | Qt::AlignVCenter,
               t);
    p.setPen(QPen(kTrack, 1));
    p.drawLine(QPointF(area.left(), area.top() + h - 0.5),
               QPointF(area.right(), area.top() + h - 0.5));
    p.restore();
    return h;
}

QString formatDurationMs(double ms)
{
    if (ms < 1000)
        return QObject::tr("%1 ms").arg(std::round(ms));
    const double s = ms / 1000.0;
    if (std::fabs(s - std::round(s)) < 1e-9)
        return QObject::tr("%1 s").arg(std::round(s));
    return QObject::tr("%1 s").arg(s, 0, 'f', s < 10 ? 2 : 1);
}

} // namespace reslab::ui::view_palette
