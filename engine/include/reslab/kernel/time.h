#pragma once

#include <cmath>
#include <cstdint>
#include <string>

namespace reslab {

/// Virtual time in integer microseconds (DESIGN rule 1).
using SimTime = std::int64_t;

inline constexpr SimTime kMicrosPerMilli = 1000;
inline constexpr SimTime kMicrosPerSecond = 1000000;
/// Saturation bound for durations computed from user numbers (~35.7 years).
inline constexpr SimTime kMaxDuration = SimTime{1} << 50;

/// Milliseconds (double) to microseconds, rounded to nearest and saturated.
inline SimTime fromMillis(double ms)
{
    if (!(ms > 0.0))
        return 0;
    const double us = ms * 1000.0 + 0.5; // round half up (ms > 0 here); cheaper than std::round
    if (us >= static_cast<double>(kMaxDuration))
        return kMaxDuration;
    return static_cast<SimTime>(us);
}

inline SimTime fromSeconds(double s)
{
    return fromMillis(s * 1000.0);
}

inline double toMillis(SimTime t)
{
    return static_cast<double>(t) / 1000.0;
}
inline double toSeconds(SimTime t)
{
    return static_cast<double>(t) / 1e6;
}

/// Formats microseconds as milliseconds with up to three decimals ("1500" -> "1.5").
std::string formatMillis(SimTime us);
/// Formats microseconds as seconds with up to three decimals (bucket starts in CSV files).
std::string formatSeconds(SimTime us);
/// Formats a double with up to three decimals, trailing zeros removed ("0.25", "12", "-1.5").
std::string formatDecimal3(double v);

} // namespace reslab
