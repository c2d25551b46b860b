#pragma once

#include "reslab/metrics/event_log.h"
#include "reslab/model/outcome.h"

#include <QColor>
#include <QFont>
#include <QString>

class QPainter;
class QRectF;

namespace reslab::ui::view_palette {

// One palette for every animated view, so that a colour means the same thing everywhere.
inline constexpr QColor kBackground{0xfb, 0xfb, 0xfc};
inline constexpr QColor kText{0x21, 0x21, 0x21};
inline constexpr QColor kMutedText{0x61, 0x61, 0x61};
inline constexpr QColor kFrame{0x9e, 0x9e, 0x9e};
inline constexpr QColor kTrack{0xe3, 0xe5, 0xe8};
inline constexpr QColor kDimFill{0xee, 0xee, 0xee};
inline constexpr QColor kDimText{0x9e, 0x9e, 0x9e};

inline constexpr QColor kClosed{0x2e, 0x7d, 0x32};   ///< breaker closed, success
inline constexpr QColor kOpen{0xc6, 0x28, 0x28};     ///< breaker open, failure
inline constexpr QColor kHalfOpen{0xf9, 0xa8, 0x25}; ///< breaker half-open

inline constexpr QColor kInFlight{0x54, 0x6e, 0x7a}; ///< a request on its way
inline constexpr QColor kSuccess{0x2e, 0x7d, 0x32};
inline constexpr QColor kRetrying{0xef, 0x6c, 0x00};
inline constexpr QColor kFailed{0xc6, 0x28, 0x28};
inline constexpr QColor kTimeout{0x7f, 0x00, 0x00};
inline constexpr QColor kFallback{0x15, 0x65, 0xc0};
inline constexpr QColor kRejected{0x6a, 0x1b, 0x9a};

/// The colour of a breaker state (closed green, open red, half-open amber).
QColor stateColor(BreakerState s);
/// "Closed", "Open", "Half-open".
QString stateLabel(BreakerState s);
/// A request's outcome in words ("success", "circuit open"), for the views.
QString outcomeLabel(Outcome o);
/// The colour of a request or attempt outcome (ok green, fallback blue, timeout dark red,
/// circuit_open / rejected / overloaded purple, other failures red).
QColor outcomeColor(Outcome o);

/// The views' fonts: body text (10 pt), small annotations (9 pt), titles (10.5 pt bold).
QFont bodyFont();
QFont smallFont();
QFont titleFont();

/// Draws a view's title line at the top of `area`; returns the height it took.
qreal drawTitle(QPainter &p, const QRectF &area, const QString &title,
                const QString &right = QString());

/// A number of milliseconds as "250 ms", "1.5 s", "12 s".
QString formatDurationMs(double ms);

} // namespace reslab::ui::view_palette
