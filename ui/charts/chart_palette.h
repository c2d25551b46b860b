#pragma once

#include <QColor>

namespace reslab::ui::chart_palette {

// The charts' colours. Outcomes and breaker states use the same colours as the animated views
// (views/view_palette.h), so that a colour means one thing everywhere.
inline constexpr QColor kSuccess{0x2e, 0x7d, 0x32};
inline constexpr QColor kFallback{0x15, 0x65, 0xc0};
inline constexpr QColor kFailure{0xc6, 0x28, 0x28};
inline constexpr QColor kRetries{0xef, 0x6c, 0x00};
inline constexpr QColor kRejected{0x6a, 0x1b, 0x9a};
inline constexpr QColor kArrivals{0x61, 0x61, 0x61};
inline constexpr QColor kAttempts{0x00, 0x83, 0x8f};
inline constexpr QColor kP50{0x00, 0x89, 0x7b};
inline constexpr QColor kP99{0x88, 0x0e, 0x4f};
inline constexpr QColor kQueue{0x5d, 0x40, 0x37};
inline constexpr QColor kUtilization{0x00, 0x83, 0x8f};
inline constexpr QColor kBreakerClosed{0x2e, 0x7d, 0x32};
inline constexpr QColor kBreakerOpen{0xc6, 0x28, 0x28};
inline constexpr QColor kBreakerHalfOpen{0xf9, 0xa8, 0x25};
inline constexpr QColor kHotApply{0x21, 0x21, 0x21};
inline constexpr QColor kNote{0x61, 0x61, 0x61};

} // namespace reslab::ui::chart_palette
