#pragma once

#include <cstdint>
#include <string_view>

namespace reslab {

/// SplitMix64 finaliser: a bijective 64-bit mixer with full avalanche.
constexpr std::uint64_t mix64(std::uint64_t z)
{
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/// FNV-1a of a stream name, so that streams are named in code and scenario files alike.
constexpr std::uint64_t streamId(std::string_view name)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : name) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return mix64(h);
}

/// A random word's top 53 bits as a double in [0, 1).
constexpr double unitInterval(std::uint64_t word)
{
    return static_cast<double>(word >> 11) * 0x1.0p-53;
}

/// A random word's top 53 bits as a double in (0, 1]: safe for log().
constexpr double unitIntervalPositive(std::uint64_t word)
{
    return static_cast<double>((word >> 11) + 1) * 0x1.0p-53;
}

/// Counter-based random numbers (DESIGN rule 2): every draw is a pure function of
/// (seed, stream, request id, attempt, draw index). Two runs that differ only in their
/// pipeline see the same arrivals and the same per-attempt luck (common random numbers).
///
///     RandomStream rs(seed, streamId("service:payments"));
///     double u = rs.uniform(requestId, attempt, 0);   // in [0, 1)
class RandomStream
{
public:
    constexpr RandomStream() = default;
    constexpr RandomStream(std::uint64_t seed, std::uint64_t stream)
        : m_key(mix64(seed ^ mix64(stream)))
    {}

    constexpr std::uint64_t bits(std::uint64_t id, std::uint64_t attempt, std::uint64_t index) const
    {
        // Two SplitMix64 rounds: the request id, then (attempt, index) folded into one word.
        // attempt * A + index * B is injective over the coordinates the engine uses (attempt
        // and index below 2^24; tests/engine/test_random.cpp checks it), and the last round
        // avalanches every bit of it.
        const std::uint64_t h = mix64(m_key ^ id);
        return mix64(h ^ (attempt * kAttemptMul + index * kIndexMul));
    }

    /// Uniform in [0, 1) with 53 random bits.
    constexpr double uniform(std::uint64_t id, std::uint64_t attempt, std::uint64_t index) const
    {
        return unitInterval(bits(id, attempt, index));
    }

    /// Uniform in (0, 1]: safe for log().
    constexpr double uniformPositive(std::uint64_t id, std::uint64_t attempt,
                                     std::uint64_t index) const
    {
        return unitIntervalPositive(bits(id, attempt, index));
    }

    static constexpr std::uint64_t kAttemptMul = 0xd6e8feb86659fd93ULL;
    static constexpr std::uint64_t kIndexMul = 0xa0761d6478bd642fULL;

private:
    std::uint64_t m_key = 0;
};

/// Samplers of our own (never std::*_distribution: their output differs across libraries).
/// Each variate is a pure function of one 64-bit word from RandomStream::bits(): the ziggurat
/// method (Marsaglia & Tsang 2000, 256 layers) accepts ~99 % of words at once with a multiply
/// and a compare; a rejected word continues with mix64(word), so the rare extra draws never
/// touch another coordinate (common random numbers are kept).
namespace sample {
namespace detail {
/// A 256-layer ziggurat (random.cpp): x[i] the layers' right edges (x[0] the base layer's
/// equal-area width, x[1] = R, x[256] = 0), xs[i] = x[i] * 2^-53 so that the fast path needs one
/// multiply ((word >> 11) * xs[i] equals ((word >> 11) * 2^-53) * x[i] exactly), fx[i] = f(x[i]).
struct Ziggurat
{
    double x[257];
    double xs[257];
    double fx[257];
};
extern const Ziggurat kExpZiggurat;
extern const Ziggurat kNormalZiggurat;
double standardExponentialSlow(std::uint64_t word);
double standardNormalSlow(std::uint64_t word);
} // namespace detail

/// Exponential with mean 1. The inner-rectangle test (98.9 % of words) is inline; the rest is
/// detail::standardExponentialSlow, which starts again from the same word.
inline double standardExponential(std::uint64_t word)
{
    const unsigned i = static_cast<unsigned>(word & 0xff);
    const double x = static_cast<double>(word >> 11) * detail::kExpZiggurat.xs[i];
    if (x < detail::kExpZiggurat.x[i + 1]) [[likely]]
        return x;
    return detail::standardExponentialSlow(word);
}
/// Standard normal (mean 0, variance 1); bit 8 of the word is the sign.
inline double standardNormal(std::uint64_t word)
{
    const unsigned i = static_cast<unsigned>(word & 0xff);
    const double x = static_cast<double>(word >> 11) * detail::kNormalZiggurat.xs[i];
    if (x < detail::kNormalZiggurat.x[i + 1]) [[likely]]
        return (word & 0x100) != 0 ? -x : x;
    return detail::standardNormalSlow(word);
}
/// Exponential with the given mean.
inline double exponential(double mean, std::uint64_t word)
{
    return mean * standardExponential(word);
}
// A uniform double is not a word: without these, it would convert to 0 or 1 silently.
double standardExponential(double) = delete;
double standardNormal(double) = delete;
double exponential(double, double) = delete;
} // namespace sample

/// z such that P(Z <= z) = 0.99 for a standard normal.
inline constexpr double kZ99 = 2.3263478740408408;

} // namespace reslab
