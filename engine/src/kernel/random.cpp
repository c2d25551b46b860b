#include "reslab/kernel/random.h"

#include <array>
#include <cmath>

namespace reslab::sample {

namespace {

// Ziggurat tables (Marsaglia & Tsang, "The Ziggurat Method for Generating Random Variables",
// J. Stat. Software 5(8), 2000), 256 layers of equal area kV under the unnormalised density f.
// x[0] = kV / f(kR) is the width of the base layer's rectangle that has the same area as the base
// strip plus the tail; x[1] = kR; x[i+1] solves f(x[i+1]) = f(x[i]) + kV / x[i]; x[256] = 0.
// fx[i] = f(x[i]); xs[i] = x[i] * 2^-53 (exact: a power of two). A draw picks layer i and a
// point x = u * x[i]: inside the inner rectangle (x < x[i+1], 98.8 % of draws for the
// exponential, 98.9 % for the normal) it is accepted at once (inline, random.h); otherwise
// layer 0 samples the tail and the other layers test the wedge against f (here). The tables
// are built during static initialisation; nothing samples before main().
template <typename F, typename FInverse>
detail::Ziggurat makeZiggurat(double r, double v, F f, FInverse fInverse)
{
    detail::Ziggurat z{};
    z.x[0] = v / f(r);
    z.x[1] = r;
    for (int i = 1; i < 255; ++i)
        z.x[i + 1] = fInverse(f(z.x[i]) + v / z.x[i]);
    z.x[256] = 0.0;
    for (int i = 0; i < 257; ++i) {
        z.fx[i] = f(z.x[i]);
        z.xs[i] = z.x[i] * 0x1.0p-53;
    }
    z.fx[0] = 0.0; // never read: layer 0 has no wedge (its overflow is the tail)
    return z;
}

// Layer area and base-layer edge for 256 layers (Marsaglia & Tsang 2000, section 3).
constexpr double kNormalR = 3.6541528853610088;
constexpr double kNormalV = 0.00492867323399;
constexpr double kExpR = 7.69711747013104972;
constexpr double kExpV = 0.0039496598225815571993;

} // namespace

namespace detail {
const Ziggurat kNormalZiggurat = makeZiggurat(
    kNormalR, kNormalV, [](double x) { return std::exp(-0.5 * x * x); },
    [](double y) { return std::sqrt(-2.0 * std::log(y)); });
const Ziggurat kExpZiggurat = makeZiggurat(
    kExpR, kExpV, [](double x) { return std::exp(-x); }, [](double y) { return -std::log(y); });
} // namespace detail

namespace {

/// The next word of a rejected draw: a SplitMix64 step, so a variate stays a pure function of
/// its first word.
inline std::uint64_t nextWord(std::uint64_t w)
{
    return mix64(w);
}

} // namespace

namespace detail {

double standardExponentialSlow(std::uint64_t w)
{
    for (;;) {
        const unsigned i = static_cast<unsigned>(w & 0xff);
        const double x = unitInterval(w) * kExpZiggurat.x[i];
        if (x < kExpZiggurat.x[i + 1])
            return x;
        w = nextWord(w);
        if (i == 0) // the tail beyond R: R + Exp(1), the exponential being memoryless
            return kExpR - std::log(unitIntervalPositive(w));
        if (kExpZiggurat.fx[i] + unitInterval(w) * (kExpZiggurat.fx[i + 1] - kExpZiggurat.fx[i]) <
            std::exp(-x))
            return x;
        w = nextWord(w);
    }
}

double standardNormalSlow(std::uint64_t w)
{
    for (;;) {
        const unsigned i = static_cast<unsigned>(w & 0xff);
        const bool negative = ((w >> 8) & 1) != 0;
        const double x = unitInterval(w) * kNormalZiggurat.x[i];
        if (x < kNormalZiggurat.x[i + 1])
            return negative ? -x : x;
        w = nextWord(w);
        if (i == 0) {
            // The tail beyond R (Marsaglia 1964): a = -ln(u1) / R, b = -ln(u2), accept if
            // 2b >= a^2; the variate is R + a.
            for (;;) {
                const double a = -std::log(unitIntervalPositive(w)) / kNormalR;
                w = nextWord(w);
                const double b = -std::log(unitIntervalPositive(w));
                w = nextWord(w);
                if (b + b >= a * a)
                    return negative ? -(kNormalR + a) : kNormalR + a;
            }
        }
        if (kNormalZiggurat.fx[i] +
                unitInterval(w) * (kNormalZiggurat.fx[i + 1] - kNormalZiggurat.fx[i]) <
            std::exp(-0.5 * x * x))
            return negative ? -x : x;
        w = nextWord(w);
    }
}

} // namespace detail

} // namespace reslab::sample
