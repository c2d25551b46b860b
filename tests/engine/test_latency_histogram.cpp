// The log-bucketed latency histogram: exact below 256, percentiles within a small relative error
// of the exact nearest-rank order statistic above, exact count/min/max/mean, merge, empty.

#include "reslab/metrics/latency_histogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace reslab {
namespace {

/// SplitMix64, top 53 bits: an independent source of test values.
struct TestRng
{
    std::uint64_t x;
    double next()
    {
        std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        z ^= z >> 31;
        return static_cast<double>(z >> 11) * std::ldexp(1.0, -53);
    }
};

/// The exact nearest-rank quantile: the smallest value with at least ceil(q n) values at or
/// below it, i.e. the (ceil(q n))-th smallest (rank at least 1).
std::int64_t exactQuantile(std::vector<std::int64_t> values, double q)
{
    const auto n = values.size();
    auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(n)));
    rank = std::clamp<std::size_t>(rank, 1, n);
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(rank - 1),
                     values.end());
    return values[rank - 1];
}

/// Two histograms that must hold the same values: same count, min, max, mean and quantiles.
void expectSameHistogram(const LatencyHistogram &h, const LatencyHistogram &expected)
{
    EXPECT_EQ(h.count(), expected.count());
    EXPECT_EQ(h.min(), expected.min());
    EXPECT_EQ(h.max(), expected.max());
    EXPECT_DOUBLE_EQ(h.mean(), expected.mean());
    for (double q : {0.0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 0.9999, 1.0})
        EXPECT_EQ(h.quantile(q), expected.quantile(q)) << q;
}

const std::vector<double> kQuantiles = {0.0, 0.001, 0.01, 0.05,  0.1,    0.25,    0.5, 0.75,
                                        0.9, 0.95,  0.99, 0.999, 0.9999, 0.99999, 1.0};

TEST(LatencyHistogramTest, EmptyIsAllZero)
{
    LatencyHistogram h;
    EXPECT_EQ(h.count(), 0u);
    EXPECT_EQ(h.mean(), 0.0);
    EXPECT_EQ(h.min(), 0);
    EXPECT_EQ(h.max(), 0);
    for (double q : kQuantiles)
        EXPECT_EQ(h.quantile(q), 0.0) << q;
}

TEST(LatencyHistogramTest, ExactBelow256)
{
    LatencyHistogram h;
    for (std::int64_t v = 0; v < 256; ++v)
        h.record(v);
    ASSERT_EQ(h.count(), 256u);
    // With n = 256, q = (i+1)/256 has rank exactly i+1 (powers of two: no rounding): value i.
    for (int i = 0; i < 256; ++i)
        EXPECT_EQ(h.quantile((i + 1) / 256.0), static_cast<double>(i)) << i;
    EXPECT_EQ(h.min(), 0);
    EXPECT_EQ(h.max(), 255);
    EXPECT_DOUBLE_EQ(h.mean(), 127.5); // (0 + 255) / 2
}

TEST(LatencyHistogramTest, NearestRankRoundsTheRankUp)
{
    // Values 1..10: quantile q is the ceil(10 q)-th smallest value (at least the first).
    LatencyHistogram h;
    for (std::int64_t v = 10; v >= 1; --v)
        h.record(v);
    EXPECT_EQ(h.quantile(0.0), 1.0);   // rank 0 -> 1
    EXPECT_EQ(h.quantile(0.05), 1.0);  // ceil(0.5) = 1
    EXPECT_EQ(h.quantile(0.15), 2.0);  // ceil(1.5) = 2
    EXPECT_EQ(h.quantile(0.5), 5.0);   // ceil(5) = 5
    EXPECT_EQ(h.quantile(0.51), 6.0);  // ceil(5.1) = 6
    EXPECT_EQ(h.quantile(0.95), 10.0); // ceil(9.5) = 10
    EXPECT_EQ(h.quantile(1.0), 10.0);
}

TEST(LatencyHistogramTest, RandomSmallValuesMatchTheExactOrderStatistic)
{
    TestRng rng{7};
    std::vector<std::int64_t> values;
    LatencyHistogram h;
    for (int i = 0; i < 5000; ++i) {
        const auto v = static_cast<std::int64_t>(rng.next() * 256.0); // 0..255
        values.push_back(v);
        h.record(v);
    }
    for (double q : kQuantiles)
        EXPECT_EQ(h.quantile(q), static_cast<double>(exactQuantile(values, q))) << q;
}

TEST(LatencyHistogramTest, SingleValueIsReportedExactly)
{
    // One value: every quantile is that value (the bucket midpoint is clamped to min and max).
    for (std::int64_t v :
         {std::int64_t{0}, std::int64_t{300}, std::int64_t{123457}, std::int64_t{1} << 40}) {
        LatencyHistogram h;
        h.record(v);
        EXPECT_EQ(h.quantile(0.5), static_cast<double>(v));
        EXPECT_EQ(h.quantile(0.99), static_cast<double>(v));
        EXPECT_EQ(h.min(), v);
        EXPECT_EQ(h.max(), v);
    }
}

TEST(LatencyHistogramTest, BucketMidpointWithinOneIn256AboveTheExactRange)
{
    // Bracket v by far smaller and larger values so clamping cannot help: the median (rank 2 of
    // 3) is v's bucket midpoint, which the header promises within 1/256 of v.
    TestRng rng{11};
    for (int i = 0; i < 20000; ++i) {
        const auto v = static_cast<std::int64_t>(
            std::exp(std::log(256.0) + rng.next() * (std::log(1e12) - std::log(256.0))));
        LatencyHistogram h;
        h.record(0);
        h.record(v);
        h.record(std::int64_t{1} << 50);
        const double got = h.quantile(0.5);
        ASSERT_LE(std::abs(got - static_cast<double>(v)), static_cast<double>(v) / 256.0)
            << "v = " << v;
    }
}

TEST(LatencyHistogramTest, LogUniformQuantilesWithinOnePercent)
{
    // 100 000 values log-uniform over 1 µs .. 1e9 µs.
    TestRng rng{2024};
    std::vector<std::int64_t> values;
    values.reserve(100000);
    LatencyHistogram h;
    std::int64_t sum = 0;
    for (int i = 0; i < 100000; ++i) {
        const auto v =
            static_cast<std::int64_t>(std::llround(std::exp(rng.next() * std::log(1e9))));
        values.push_back(v);
        h.record(v);
        sum += v;
    }
    ASSERT_EQ(h.count(), 100000u);
    std::vector<double> qs = kQuantiles;
    for (int i = 1; i < 100; ++i)
        qs.push_back(i / 100.0);
    for (double q : qs) {
        const auto exact = static_cast<double>(exactQuantile(values, q));
        EXPECT_NEAR(h.quantile(q), exact, 0.01 * exact) << "q = " << q;
    }
    EXPECT_EQ(h.min(), *std::min_element(values.begin(), values.end()));
    EXPECT_EQ(h.max(), *std::max_element(values.begin(), values.end()));
    EXPECT_DOUBLE_EQ(h.mean(), static_cast<double>(sum) / 100000.0);
}

TEST(LatencyHistogramTest, ClusteredValuesWithinOnePercent)
{
    // A tight lognormal-like cluster around 40 ms plus a slow tail: quantiles inside one octave.
    TestRng rng{99};
    std::vector<std::int64_t> values;
    LatencyHistogram h;
    for (int i = 0; i < 50000; ++i) {
        const double base = 40000.0 * (1.0 + 0.05 * (rng.next() - 0.5));
        const double v = i % 100 == 0 ? base * 25.0 : base;
        values.push_back(static_cast<std::int64_t>(v));
        h.record(static_cast<std::int64_t>(v));
    }
    for (double q : kQuantiles) {
        const auto exact = static_cast<double>(exactQuantile(values, q));
        EXPECT_NEAR(h.quantile(q), exact, 0.01 * exact) << "q = " << q;
    }
}

TEST(LatencyHistogramTest, MinMaxMeanAreExact)
{
    LatencyHistogram h;
    h.record(1000003);
    h.record(7);
    h.record(250001);
    h.record(999999999);
    EXPECT_EQ(h.count(), 4u);
    EXPECT_EQ(h.min(), 7);
    EXPECT_EQ(h.max(), 999999999);
    // (1000003 + 7 + 250001 + 999999999) / 4 = 1001250010 / 4 = 250312502.5
    EXPECT_DOUBLE_EQ(h.mean(), 250312502.5);
}

TEST(LatencyHistogramTest, MergeEqualsRecordingEverythingInOne)
{
    TestRng rng{5};
    LatencyHistogram a, b, all;
    std::vector<std::int64_t> values;
    for (int i = 0; i < 30000; ++i) {
        const auto v = static_cast<std::int64_t>(std::exp(rng.next() * std::log(1e7)));
        values.push_back(v);
        (i % 3 == 0 ? a : b).record(v);
        all.record(v);
    }
    LatencyHistogram merged = a;
    merged.merge(b);
    expectSameHistogram(merged, all);
    for (double q : kQuantiles) {
        const auto exact = static_cast<double>(exactQuantile(values, q));
        EXPECT_NEAR(merged.quantile(q), exact, 0.01 * exact) << q;
    }
}

TEST(LatencyHistogramTest, DrainIntoGivesTheQuantilesMergesAndClears)
{
    // A time bucket's close in one pass: the same quantiles as quantile(), the same counts as
    // merge(), and an empty histogram afterwards (here: every one of kQuantiles at once, over
    // values spread across many powers of two, into a histogram that already holds others).
    TestRng rng{11};
    LatencyHistogram live, total, all;
    std::vector<std::int64_t> liveValues;
    for (int i = 0; i < 20000; ++i) {
        const auto v = static_cast<std::int64_t>(std::exp(rng.next() * std::log(1e6)));
        if (i % 4 == 0) {
            total.record(v + 5000000); // older buckets, above everything live
        } else {
            live.record(v);
            liveValues.push_back(v);
        }
        all.record(i % 4 == 0 ? v + 5000000 : v);
    }
    std::vector<double> out(kQuantiles.size(), -1.0);
    live.drainInto(total, kQuantiles.data(), out.data(), kQuantiles.size());
    for (std::size_t k = 0; k < kQuantiles.size(); ++k) {
        const auto exact = static_cast<double>(exactQuantile(liveValues, kQuantiles[k]));
        EXPECT_NEAR(out[k], exact, 0.01 * exact + 0.5) << kQuantiles[k];
    }
    expectSameHistogram(total, all);
    EXPECT_EQ(live.count(), 0u);
    EXPECT_EQ(live.quantile(0.5), 0.0);
    live.record(42); // a fresh start
    EXPECT_EQ(live.min(), 42);
    EXPECT_EQ(live.quantile(1.0), 42.0);

    LatencyHistogram empty; // an empty bucket reports zeros and changes nothing
    const std::uint64_t before = total.count();
    empty.drainInto(total, kQuantiles.data(), out.data(), kQuantiles.size());
    EXPECT_EQ(total.count(), before);
    for (double v : out)
        EXPECT_EQ(v, 0.0);
}

TEST(LatencyHistogramTest, MergeTakesTheSmallerMinAndLargerMax)
{
    LatencyHistogram low, high;
    low.record(10);
    low.record(20);
    high.record(5000);
    high.record(9000);
    LatencyHistogram h = high;
    h.merge(low); // the other one holds the min
    EXPECT_EQ(h.min(), 10);
    EXPECT_EQ(h.max(), 9000);
    EXPECT_EQ(h.count(), 4u);
    EXPECT_DOUBLE_EQ(h.mean(), (10 + 20 + 5000 + 9000) / 4.0);
    EXPECT_EQ(h.quantile(0.5), 20.0); // rank 2 of {10, 20, 5000, 9000}
}

TEST(LatencyHistogramTest, MergeWithEmptySides)
{
    LatencyHistogram empty, h;
    h.record(300);
    h.record(40);
    LatencyHistogram copy = h;
    copy.merge(empty); // nothing changes
    EXPECT_EQ(copy.count(), 2u);
    EXPECT_EQ(copy.min(), 40);
    EXPECT_EQ(copy.max(), 300);
    EXPECT_DOUBLE_EQ(copy.mean(), 170.0);

    LatencyHistogram into; // an empty one takes the other's min (not its own 0)
    into.merge(h);
    EXPECT_EQ(into.count(), 2u);
    EXPECT_EQ(into.min(), 40);
    EXPECT_EQ(into.max(), 300);
    EXPECT_EQ(into.quantile(0.0), 40.0);
    EXPECT_EQ(into.quantile(1.0), 300.0);
}

TEST(LatencyHistogramTest, ClearEmptiesIt)
{
    LatencyHistogram h;
    h.record(12345);
    h.record(3);
    h.clear();
    EXPECT_EQ(h.count(), 0u);
    EXPECT_EQ(h.quantile(0.5), 0.0);
    EXPECT_EQ(h.mean(), 0.0);
    EXPECT_EQ(h.max(), 0);
    h.record(77); // a fresh start: the old min 3 is gone
    EXPECT_EQ(h.min(), 77);
    EXPECT_EQ(h.max(), 77);
    EXPECT_EQ(h.quantile(0.0), 77.0);
}

} // namespace
} // namespace reslab
