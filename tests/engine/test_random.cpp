// The counter-based random numbers (DESIGN rule 2) and our own samplers. Expected values come
// from the distributions' definitions (moments, CDFs, chi-square quantiles), never from the code
// under test. 10^6 draws per statistical test; each tolerance is >= 5 standard errors wide, and
// the seeds are fixed so the outcome is reproducible.

#include "reslab/kernel/random.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <set>
#include <vector>

namespace reslab {
namespace {

constexpr std::uint64_t kDraws = 1'000'000;
/// 99.9 % quantile of the chi-square distribution with 99 degrees of freedom.
constexpr double kChi2Crit99Dof = 148.23;

double normalCdf(double z)
{
    return 0.5 * std::erfc(-z / std::numbers::sqrt2);
}

/// Chi-square statistic of values in [0, 1) against 100 equiprobable bins.
double chiSquare100(const std::vector<double> &values)
{
    std::array<double, 100> counts{};
    for (double v : values)
        counts[std::min<std::size_t>(static_cast<std::size_t>(v * 100.0), 99)] += 1;
    const double expected = static_cast<double>(values.size()) / 100.0;
    double chi2 = 0;
    for (double c : counts)
        chi2 += (c - expected) * (c - expected) / expected;
    return chi2;
}

struct Moments
{
    double mean = 0;
    double variance = 0;
};

Moments moments(const std::vector<double> &v)
{
    Moments m;
    for (double x : v)
        m.mean += x;
    m.mean /= static_cast<double>(v.size());
    for (double x : v)
        m.variance += (x - m.mean) * (x - m.mean);
    m.variance /= static_cast<double>(v.size() - 1);
    return m;
}

/// Lag-1 autocorrelation of a sequence.
double lag1(const std::vector<double> &v)
{
    const Moments m = moments(v);
    double num = 0;
    double den = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        den += (v[i] - m.mean) * (v[i] - m.mean);
        if (i + 1 < v.size())
            num += (v[i] - m.mean) * (v[i + 1] - m.mean);
    }
    return num / den;
}

std::vector<double> uniformsOverIds(const RandomStream &rs, std::uint64_t attempt = 0,
                                    std::uint64_t index = 0)
{
    std::vector<double> v(kDraws);
    for (std::uint64_t i = 0; i < kDraws; ++i)
        v[i] = rs.uniform(i, attempt, index);
    return v;
}

// --- counter-based: a pure function of (seed, stream, id, attempt, index) -------------------

TEST(RandomStream, SameCoordinatesGiveTheSameValue)
{
    const RandomStream a(42, streamId("service:payments"));
    const RandomStream b(42, streamId("service:payments"));
    for (std::uint64_t id = 0; id < 100; ++id) {
        for (std::uint64_t attempt = 0; attempt < 4; ++attempt) {
            for (std::uint64_t index = 0; index < 4; ++index) {
                EXPECT_EQ(a.bits(id, attempt, index), b.bits(id, attempt, index));
                EXPECT_EQ(a.uniform(id, attempt, index), b.uniform(id, attempt, index));
                // The order of draws does not matter: asking again gives the same value.
                EXPECT_EQ(a.bits(id, attempt, index), a.bits(id, attempt, index));
            }
        }
    }
    // It is constexpr, so it is the same at compile time.
    static_assert(RandomStream(7, streamId("x")).bits(1, 2, 3) ==
                  RandomStream(7, streamId("x")).bits(1, 2, 3));
    static_assert(streamId("load:arrivals") == streamId("load:arrivals"));
    static_assert(streamId("load:arrivals") != streamId("load:think"));
}

TEST(RandomStream, EveryCoordinateChangesTheValue)
{
    // 4 seeds x 4 streams x 50 ids x 5 attempts x 5 indices = 20000 coordinates, 20000 distinct
    // 64-bit values (a chance collision has probability ~1e-11).
    std::set<std::uint64_t> seen;
    std::size_t n = 0;
    for (std::uint64_t seed : {0ULL, 1ULL, 2ULL, 0xffffffffffffffffULL}) {
        for (const char *name : {"load:arrivals", "load:think", "service:a", "service:b"}) {
            const RandomStream rs(seed, streamId(name));
            for (std::uint64_t id = 0; id < 50; ++id) {
                for (std::uint64_t attempt = 0; attempt < 5; ++attempt) {
                    for (std::uint64_t index = 0; index < 5; ++index) {
                        seen.insert(rs.bits(id, attempt, index));
                        ++n;
                    }
                }
            }
        }
    }
    EXPECT_EQ(seen.size(), n);

    // Swapping coordinates gives other values too.
    const RandomStream rs(1, streamId("s"));
    EXPECT_NE(rs.bits(1, 2, 3), rs.bits(2, 1, 3));
    EXPECT_NE(rs.bits(1, 2, 3), rs.bits(1, 3, 2));
    EXPECT_NE(rs.bits(1, 2, 3), rs.bits(3, 2, 1));
    EXPECT_NE(rs.bits(0, 0, 0), RandomStream(0, streamId("s")).bits(0, 0, 0));
}

TEST(RandomStream, OneBitFlipInAnyCoordinateFlipsHalfTheOutput)
{
    // Avalanche: flipping input bit b of id, attempt or index flips each output bit with
    // probability 1/2, i.e. 32 of 64 on average (popcount s.d. 4; mean over 2000 inputs has
    // s.e. 0.09, so +-0.6 is > 6 sigma).
    const RandomStream rs(2024, streamId("avalanche"));
    for (int coordinate = 0; coordinate < 3; ++coordinate) {
        for (int b = 0; b < 64; ++b) {
            double flips = 0;
            constexpr int kInputs = 2000;
            for (std::uint64_t x = 0; x < kInputs; ++x) {
                const std::uint64_t base = x * 0x9e3779b97f4a7c15ULL; // spread-out inputs
                const std::uint64_t other = base ^ (std::uint64_t{1} << b);
                std::uint64_t v0 = 0;
                std::uint64_t v1 = 0;
                switch (coordinate) {
                case 0:
                    v0 = rs.bits(base, 1, 2);
                    v1 = rs.bits(other, 1, 2);
                    break;
                case 1:
                    v0 = rs.bits(7, base, 2);
                    v1 = rs.bits(7, other, 2);
                    break;
                default:
                    v0 = rs.bits(7, 1, base);
                    v1 = rs.bits(7, 1, other);
                    break;
                }
                flips += std::popcount(v0 ^ v1);
            }
            EXPECT_NEAR(flips / kInputs, 32.0, 0.6) << "coordinate " << coordinate << " bit " << b;
        }
    }
}

TEST(RandomStream, OutputBitsAreFair)
{
    // Each of the 64 output bits is set with probability 1/2: s.e. 0.0005 at 10^6, +-0.003.
    const RandomStream rs(3, streamId("bits"));
    std::array<double, 64> ones{};
    for (std::uint64_t i = 0; i < kDraws; ++i) {
        const std::uint64_t v = rs.bits(i, 0, 0);
        for (int b = 0; b < 64; ++b)
            ones[static_cast<std::size_t>(b)] += static_cast<double>((v >> b) & 1U);
    }
    for (int b = 0; b < 64; ++b)
        EXPECT_NEAR(ones[static_cast<std::size_t>(b)] / kDraws, 0.5, 0.003) << "bit " << b;
}

// --- uniform in [0, 1) ------------------------------------------------------------------------

TEST(RandomUniform, MomentsOfAMillionDraws)
{
    // U[0,1): mean 1/2 (s.e. 0.00029), variance 1/12 (s.e. sqrt(1/80 - 1/144) / 1000 = 7.5e-5).
    const std::vector<double> v = uniformsOverIds(RandomStream(1, streamId("service:svc")));
    const Moments m = moments(v);
    EXPECT_NEAR(m.mean, 0.5, 0.002);
    EXPECT_NEAR(m.variance, 1.0 / 12.0, 0.0005);
    EXPECT_LT(*std::max_element(v.begin(), v.end()), 1.0);
    EXPECT_GE(*std::min_element(v.begin(), v.end()), 0.0);
}

TEST(RandomUniform, ChiSquareOver100Bins)
{
    // Along each coordinate: over ids, over attempts and over draw indices.
    const RandomStream rs(5, streamId("chi2"));
    EXPECT_LT(chiSquare100(uniformsOverIds(rs)), kChi2Crit99Dof);
    std::vector<double> overAttempts(kDraws);
    std::vector<double> overIndices(kDraws);
    for (std::uint64_t i = 0; i < kDraws; ++i) {
        overAttempts[i] = rs.uniform(17, i, 0);
        overIndices[i] = rs.uniform(17, 3, i);
    }
    EXPECT_LT(chiSquare100(overAttempts), kChi2Crit99Dof);
    EXPECT_LT(chiSquare100(overIndices), kChi2Crit99Dof);
    // Seeds 0, 1, 2, ... as the ids 0, 1, 2, ... of one seed: a different seed per run must not
    // give correlated first draws either.
    std::vector<double> overSeeds(kDraws / 10);
    for (std::uint64_t s = 0; s < overSeeds.size(); ++s)
        overSeeds[s] = RandomStream(s, streamId("load:arrivals")).uniform(0, 0, 0);
    // 10^5 draws: same 99 dof critical value.
    EXPECT_LT(chiSquare100(overSeeds), kChi2Crit99Dof);
}

TEST(RandomUniform, ConsecutivePairsAreUniformInTheSquare)
{
    // Serial test: (u_i, u_{i+1}) over a 10 x 10 grid, 99 dof.
    const std::vector<double> v = uniformsOverIds(RandomStream(6, streamId("pairs")));
    std::array<double, 100> counts{};
    for (std::size_t i = 0; i + 1 < v.size(); i += 2)
        counts[static_cast<std::size_t>(v[i] * 10) * 10 +
               static_cast<std::size_t>(v[i + 1] * 10)] += 1;
    const double expected = static_cast<double>(v.size() / 2) / 100.0;
    double chi2 = 0;
    for (double c : counts)
        chi2 += (c - expected) * (c - expected) / expected;
    EXPECT_LT(chi2, kChi2Crit99Dof);
}

TEST(RandomUniform, Lag1AutocorrelationIsNearZero)
{
    // s.e. of a lag-1 autocorrelation of N independent draws: 1 / sqrt(N) = 0.001; +-0.005.
    const RandomStream rs(7, streamId("service:svc"));
    EXPECT_NEAR(lag1(uniformsOverIds(rs)), 0.0, 0.005);
    std::vector<double> overAttempts(kDraws);
    for (std::uint64_t i = 0; i < kDraws; ++i)
        overAttempts[i] = rs.uniform(99, i, 0);
    EXPECT_NEAR(lag1(overAttempts), 0.0, 0.005);
    // Across draw indices of one attempt (the service draws failure, then latency, from index
    // 0, 1, 2 of the same attempt): the correlation of index 0 with index 1 is near zero.
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (std::uint64_t i = 0; i < kDraws; ++i) {
        const double x = rs.uniform(i, 1, 0) - 0.5;
        const double y = rs.uniform(i, 1, 1) - 0.5;
        sxy += x * y;
        sxx += x * x;
        syy += y * y;
    }
    EXPECT_NEAR(sxy / std::sqrt(sxx * syy), 0.0, 0.005);
    // And two streams on the same coordinates (common random numbers must not couple streams).
    const RandomStream other(7, streamId("service:other"));
    sxy = sxx = syy = 0;
    for (std::uint64_t i = 0; i < kDraws; ++i) {
        const double x = rs.uniform(i, 1, 0) - 0.5;
        const double y = other.uniform(i, 1, 0) - 0.5;
        sxy += x * y;
        sxx += x * x;
        syy += y * y;
    }
    EXPECT_NEAR(sxy / std::sqrt(sxx * syy), 0.0, 0.005);
}

TEST(RandomUniform, PositiveVariantIsInTheHalfOpenUnitInterval)
{
    const RandomStream rs(8, streamId("positive"));
    double sum = 0;
    double lo = 2;
    double hi = -1;
    for (std::uint64_t i = 0; i < kDraws; ++i) {
        const double u = rs.uniformPositive(i, 0, 1);
        lo = std::min(lo, u);
        hi = std::max(hi, u);
        sum += u;
    }
    EXPECT_GT(lo, 0.0);
    EXPECT_LE(hi, 1.0);
    EXPECT_NEAR(sum / kDraws, 0.5, 0.002);
    // The grid is 2^-53: the smallest possible positive value is 2^-53, safe for log().
    EXPECT_GE(lo, 0x1.0p-53);
}

TEST(RandomStream, AttemptAndIndexFoldInjectively)
{
    // bits() folds (attempt, index) into attempt * A + index * B (mod 2^64) before its last
    // round. Two pairs collide iff index' - index = (attempt - attempt') * A * B^-1 (mod 2^64),
    // so the fold is injective for coordinates below 2^24 iff for every |d| < 2^24 the value
    // d * A * B^-1 is not within 2^24 of 0 (mod 2^64). Checked for all d here.
    constexpr std::uint64_t kA = RandomStream::kAttemptMul;
    constexpr std::uint64_t kB = RandomStream::kIndexMul;
    static_assert((kB & 1) == 1, "B must be odd to be invertible mod 2^64");
    std::uint64_t inv = kB; // Newton: each step doubles the correct low bits
    for (int i = 0; i < 6; ++i)
        inv *= 2 - kB * inv;
    ASSERT_EQ(kB * inv, 1u);
    const std::uint64_t k = kA * inv;
    constexpr std::uint64_t kLimit = std::uint64_t{1} << 24;
    std::uint64_t v = 0;
    std::uint64_t nearest = ~std::uint64_t{0};
    for (std::uint64_t d = 1; d < kLimit; ++d) {
        v += k; // d * k
        nearest = std::min({nearest, v, std::uint64_t{0} - v});
    }
    EXPECT_GE(nearest, kLimit);
}

// --- samplers ---------------------------------------------------------------------------------
// The ziggurat samplers take one word from bits(); their rare rejections continue with mix64 of
// the word. Checked against the distributions' CDFs and moments over 10^6 words, including the
// tails beyond the ziggurat's base layer (R = 7.697 for the exponential, 3.654 for the normal),
// which a wrong tail method would get visibly wrong.

std::vector<double> exponentials(std::uint64_t seed)
{
    const RandomStream rs(seed, streamId("exp"));
    std::vector<double> v(kDraws);
    for (std::uint64_t i = 0; i < kDraws; ++i)
        v[i] = sample::standardExponential(rs.bits(i, 0, 0));
    return v;
}

TEST(RandomSample, ExponentialMomentsAndCdf)
{
    // Mean 1 (s.e. 0.001), variance 1 (s.e. sqrt(8 / N) = 0.0028), P(X > 1) = 1/e (s.e.
    // 0.00048); the CDF transform 1 - e^-x is uniform (chi-square over 100 bins).
    const std::vector<double> v = exponentials(9);
    const Moments m = moments(v);
    EXPECT_NEAR(m.mean, 1.0, 0.005);
    EXPECT_NEAR(m.variance, 1.0, 0.015);
    double above = 0;
    std::vector<double> cdf(kDraws);
    for (std::size_t i = 0; i < v.size(); ++i) {
        above += v[i] > 1.0 ? 1 : 0;
        cdf[i] = -std::expm1(-v[i]);
    }
    EXPECT_NEAR(above / kDraws, std::exp(-1.0), 0.0025);
    EXPECT_LT(chiSquare100(cdf), kChi2Crit99Dof);
    EXPECT_GE(*std::min_element(v.begin(), v.end()), 0.0);
    // Consecutive arrivals' gaps are uncorrelated.
    EXPECT_NEAR(lag1(v), 0.0, 0.005);
}

TEST(RandomSample, ExponentialTailBeyondTheBaseLayer)
{
    // P(X > 7.5) = e^-7.5 = 5.53e-4: 553 expected in 10^6 (s.d. 23.5); P(X > 9) = 1.23e-4:
    // 123 (s.d. 11.1). The largest of 10^6 is about ln(10^6) = 13.8 (P(max > 20) ~ 2e-3).
    const std::vector<double> v = exponentials(11);
    double above75 = 0;
    double above9 = 0;
    for (double x : v) {
        above75 += x > 7.5 ? 1 : 0;
        above9 += x > 9.0 ? 1 : 0;
    }
    EXPECT_NEAR(above75, kDraws * std::exp(-7.5), 5 * 23.5);
    EXPECT_NEAR(above9, kDraws * std::exp(-9.0), 5 * 11.1);
    const double mx = *std::max_element(v.begin(), v.end());
    EXPECT_GT(mx, 9.0);
    EXPECT_LT(mx, 25.0);
}

TEST(RandomSample, ExponentialScalesByItsMean)
{
    const RandomStream rs(3, streamId("exp"));
    for (std::uint64_t i = 0; i < 1000; ++i) {
        const std::uint64_t w = rs.bits(i, 0, 0);
        EXPECT_DOUBLE_EQ(sample::exponential(40.0, w), 40.0 * sample::standardExponential(w));
    }
}

TEST(RandomSample, StandardNormalMoments)
{
    // Fed as the services feed it (service stream, index 1). Mean 0 (s.e. 0.001), variance 1
    // (s.e. 0.0014), E[Z^4] = 3 (s.e. 0.0098), P(|Z| <= 1) = 0.682689 (s.e. 0.00047),
    // P(Z <= z_0.99) = 0.99 (s.e. 0.0001).
    const RandomStream rs(10, streamId("service:svc"));
    std::vector<double> z(kDraws);
    double m4 = 0;
    double within1 = 0;
    double below99 = 0;
    std::vector<double> cdf(kDraws);
    for (std::uint64_t i = 0; i < kDraws; ++i) {
        z[i] = sample::standardNormal(rs.bits(i, 1, 1));
        m4 += z[i] * z[i] * z[i] * z[i];
        within1 += std::abs(z[i]) <= 1.0 ? 1 : 0;
        below99 += z[i] <= kZ99 ? 1 : 0;
        cdf[i] = normalCdf(z[i]);
    }
    const Moments m = moments(z);
    EXPECT_NEAR(m.mean, 0.0, 0.005);
    EXPECT_NEAR(m.variance, 1.0, 0.007);
    EXPECT_NEAR(m4 / kDraws, 3.0, 0.05);
    EXPECT_NEAR(within1 / kDraws, std::erf(1.0 / std::numbers::sqrt2), 0.0025);
    EXPECT_NEAR(below99 / kDraws, 0.99, 0.0005);
    // Probability integral transform: Phi(Z) is uniform; chi-square over 100 bins.
    EXPECT_LT(chiSquare100(cdf), kChi2Crit99Dof);
    // Consecutive requests' normals are uncorrelated.
    EXPECT_NEAR(lag1(z), 0.0, 0.005);
}

TEST(RandomSample, StandardNormalTailsAndSymmetry)
{
    // P(Z > 3.5) = 2.326e-4 per side: 233 expected in 10^6 per side (s.d. 15.3); beyond
    // 4: 31.7 (s.d. 5.6). Both signs alike; the tail beyond the base layer (R = 3.654) is
    // sampled by Marsaglia's method, which these counts would expose if it were wrong.
    const RandomStream rs(12, streamId("service:svc"));
    double high35 = 0;
    double low35 = 0;
    double beyond4 = 0;
    double negative = 0;
    for (std::uint64_t i = 0; i < kDraws; ++i) {
        const double z = sample::standardNormal(rs.bits(i, 1, 1));
        high35 += z > 3.5 ? 1 : 0;
        low35 += z < -3.5 ? 1 : 0;
        beyond4 += std::abs(z) > 4.0 ? 1 : 0;
        negative += z < 0 ? 1 : 0;
    }
    const double p35 = 1.0 - normalCdf(3.5);
    EXPECT_NEAR(high35, kDraws * p35, 5 * 15.3);
    EXPECT_NEAR(low35, kDraws * p35, 5 * 15.3);
    EXPECT_NEAR(beyond4, kDraws * 2 * (1.0 - normalCdf(4.0)), 5 * 8.0);
    EXPECT_NEAR(negative / kDraws, 0.5, 0.0025);
}

TEST(RandomSample, SamplersArePureFunctionsOfTheirWord)
{
    // The same word gives the same variate, whatever was drawn in between (no hidden state),
    // and extreme words give finite values.
    const RandomStream rs(5, streamId("pure"));
    std::vector<double> first;
    for (std::uint64_t i = 0; i < 10000; ++i)
        first.push_back(sample::standardNormal(rs.bits(i, 0, 0)) +
                        sample::standardExponential(rs.bits(i, 0, 1)));
    for (std::uint64_t i = 10000; i-- > 0;)
        EXPECT_EQ(first[i], sample::standardNormal(rs.bits(i, 0, 0)) +
                                sample::standardExponential(rs.bits(i, 0, 1)));
    for (std::uint64_t w : {std::uint64_t{0}, ~std::uint64_t{0}, std::uint64_t{0xff},
                            std::uint64_t{0x1ff}, std::uint64_t{0xffffffffffffff00ULL}}) {
        EXPECT_TRUE(std::isfinite(sample::standardNormal(w))) << w;
        EXPECT_TRUE(std::isfinite(sample::standardExponential(w))) << w;
        EXPECT_GE(sample::standardExponential(w), 0.0) << w;
    }
}

TEST(RandomSample, Z99IsTheNormal99thPercentile)
{
    EXPECT_NEAR(normalCdf(kZ99), 0.99, 1e-13);
}

} // namespace
} // namespace reslab
