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
        std::uint64_t h = mix64(m_key ^ id);
        h = mix64(h ^ (attempt * 0xd6e8feb86659fd93ULL));
        return mix64(h ^ (index * 0xa0761d6478bd642fULL));
    }

    /// Uniform in [0, 1) with 53 random bits.
    constexpr double uniform(std::uint64_t id, std::uint64_t attempt, std::uint64_t index) const
    {
        return static_cast<double>(bits(id, attempt, index) >> 11) * 0x1.0p-53;
    }

    /// Uniform in (0, 1]: safe for log().
    constexpr double uniformPositive(std::uint64_t id, std::uint64_t attempt,
                                     std::uint64_t index) const
    {
        return static_cast<double>((bits(id, attempt, index) >> 11) + 1) * 0x1.0p-53;
    }

private:
    std::uint64_t m_key = 0;
};

/// Samplers of our own (never std::*_distribution: their output differs across libraries).
namespace sample {
/// Exponential with the given mean, by inverse CDF from u in (0, 1].
double exponential(double mean, double uPositive);
/// Standard normal by Box–Muller from u1 in (0, 1] and u2 in [0, 1).
double standardNormal(double u1Positive, double u2);
} // namespace sample

/// z such that P(Z <= z) = 0.99 for a standard normal.
inline constexpr double kZ99 = 2.3263478740408408;

} // namespace reslab
