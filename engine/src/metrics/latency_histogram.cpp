#include "reslab/metrics/latency_histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace reslab {
namespace {
constexpr std::int64_t kSub = std::int64_t{1} << LatencyHistogram::kSubBits; // 128
constexpr std::size_t kBuckets = static_cast<std::size_t>(2 * kSub + (63 - 8) * kSub);
} // namespace

LatencyHistogram::LatencyHistogram()
    : m_counts(kBuckets, 0)
{}

std::int64_t LatencyHistogram::bucketLow(std::size_t index)
{
    if (index < static_cast<std::size_t>(2 * kSub))
        return static_cast<std::int64_t>(index);
    const std::size_t rel = index - static_cast<std::size_t>(2 * kSub);
    const int shift = static_cast<int>(rel / kSub) + 1;
    const std::int64_t sub = static_cast<std::int64_t>(rel % kSub);
    return (kSub + sub) << shift;
}

std::int64_t LatencyHistogram::bucketHigh(std::size_t index)
{
    if (index < static_cast<std::size_t>(2 * kSub))
        return static_cast<std::int64_t>(index) + 1;
    const std::size_t rel = index - static_cast<std::size_t>(2 * kSub);
    const int shift = static_cast<int>(rel / kSub) + 1;
    return bucketLow(index) + (std::int64_t{1} << shift);
}

void LatencyHistogram::clear()
{
    if (m_count == 0)
        return;
    std::fill(m_counts.begin() + static_cast<std::ptrdiff_t>(lowIndex()),
              m_counts.begin() + static_cast<std::ptrdiff_t>(highIndex()) + 1, 0);
    m_count = 0;
    m_sum = 0;
    m_max = 0;
    m_min = std::numeric_limits<std::int64_t>::max();
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    if (other.m_count == 0)
        return;
    for (std::size_t i = other.lowIndex(), high = other.highIndex(); i <= high; ++i)
        m_counts[i] += other.m_counts[i];
    m_min = std::min(m_min, other.m_min);
    m_max = std::max(m_max, other.m_max);
    m_count += other.m_count;
    m_sum += other.m_sum;
}

std::uint64_t LatencyHistogram::rankOf(double q) const
{
    q = std::clamp(q, 0.0, 1.0);
    // Nearest rank: the smallest value with at least ceil(q * n) values at or below it.
    const auto rank = static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(m_count)));
    return std::clamp<std::uint64_t>(rank, 1, m_count);
}

double LatencyHistogram::valueAt(std::size_t index) const
{
    const double lo = static_cast<double>(bucketLow(index));
    const double hi = static_cast<double>(bucketHigh(index));
    const double mid = index < static_cast<std::size_t>(2 * kSub) ? lo : (lo + hi - 1) / 2.0;
    return std::clamp(mid, static_cast<double>(m_min), static_cast<double>(m_max));
}

double LatencyHistogram::quantile(double q) const
{
    if (m_count == 0)
        return 0.0;
    const std::uint64_t rank = rankOf(q);
    std::uint64_t seen = 0;
    for (std::size_t i = lowIndex(), high = highIndex(); i <= high; ++i) {
        seen += m_counts[i];
        if (seen >= rank)
            return valueAt(i);
    }
    return static_cast<double>(m_max);
}

void LatencyHistogram::drainInto(LatencyHistogram &into, const double *qs, double *out,
                                 std::size_t n)
{
    if (m_count == 0) {
        std::fill(out, out + n, 0.0);
        return;
    }
    std::size_t k = 0; // the next quantile to find
    std::uint64_t rank = n > 0 ? rankOf(qs[0]) : 0;
    std::uint64_t seen = 0;
    for (std::size_t i = lowIndex(), high = highIndex(); i <= high; ++i) {
        const std::uint64_t c = m_counts[i];
        seen += c; // no test for c == 0: most buckets are empty in no predictable pattern
        while (k < n && seen >= rank) {
            out[k] = valueAt(i);
            if (++k < n)
                rank = rankOf(qs[k]);
        }
        into.m_counts[i] += c;
        m_counts[i] = 0;
    }
    for (; k < n; ++k) // unreachable for q <= 1 (rank <= count), kept as quantile() does
        out[k] = static_cast<double>(m_max);
    into.m_min = std::min(into.m_min, m_min);
    into.m_max = std::max(into.m_max, m_max);
    into.m_count += m_count;
    into.m_sum += m_sum;
    m_count = 0;
    m_sum = 0;
    m_max = 0;
    m_min = std::numeric_limits<std::int64_t>::max();
}

} // namespace reslab
