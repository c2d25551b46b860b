#include "reslab/kernel/time.h"

#include <cinttypes>
#include <cstdio>

namespace reslab {
namespace {
// "<whole>.<frac>" with the fraction's trailing zeros removed; frac in [0, 1000).
std::string formatFixed3(std::int64_t whole, std::int64_t frac, bool negative)
{
    char buf[48];
    if (frac == 0) {
        std::snprintf(buf, sizeof buf, "%s%" PRId64, negative ? "-" : "", whole);
        return buf;
    }
    int digits = 3;
    while (frac % 10 == 0) {
        frac /= 10;
        --digits;
    }
    std::snprintf(buf, sizeof buf, "%s%" PRId64 ".%0*" PRId64, negative ? "-" : "", whole, digits,
                  frac);
    return buf;
}
} // namespace

std::string formatMillis(SimTime us)
{
    const bool negative = us < 0;
    const std::uint64_t a =
        negative ? 0 - static_cast<std::uint64_t>(us) : static_cast<std::uint64_t>(us);
    return formatFixed3(static_cast<std::int64_t>(a / 1000), static_cast<std::int64_t>(a % 1000),
                        negative);
}

std::string formatSeconds(SimTime us)
{
    // Seconds with three decimals: round to whole milliseconds first.
    const bool negative = us < 0;
    std::uint64_t a =
        negative ? 0 - static_cast<std::uint64_t>(us) : static_cast<std::uint64_t>(us);
    a = (a + 500) / 1000; // ms
    return formatFixed3(static_cast<std::int64_t>(a / 1000), static_cast<std::int64_t>(a % 1000),
                        negative);
}

std::string formatDecimal3(double v)
{
    if (!(v == v))
        return "nan";
    const bool negative = v < 0;
    const double a = negative ? -v : v;
    if (a >= 9.0e15) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.0f", v);
        return buf;
    }
    const auto thousandths = static_cast<std::int64_t>(a * 1000.0 + 0.5);
    if (thousandths == 0)
        return "0";
    return formatFixed3(thousandths / 1000, thousandths % 1000, negative);
}

} // namespace reslab
