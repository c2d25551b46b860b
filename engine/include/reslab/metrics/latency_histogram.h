#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace reslab {

/// Log-bucketed histogram of non-negative integer values (microseconds), HdrHistogram-style:
/// values below 256 are exact; above, each power of two is split in 128 linear sub-buckets, so a
/// percentile is reported within 1/256 (0.4 %) of the true value. Recording is a few bit ops.
class LatencyHistogram
{
public:
    LatencyHistogram();

    void record(std::int64_t value);
    void clear();
    void merge(const LatencyHistogram &other);

    std::uint64_t count() const { return m_count; }
    double mean() const { return m_count ? static_cast<double>(m_sum) / m_count : 0.0; }
    std::int64_t max() const { return m_max; }
    std::int64_t min() const { return m_count ? m_min : 0; }
    /// The value at quantile q in [0, 1] (nearest rank), as the midpoint of its bucket clamped
    /// to the recorded min and max; 0 when empty.
    double quantile(double q) const;
    /// In one pass over the recorded range: out[k] = quantile(qs[k]) for ascending qs, the
    /// counts merged into `into` (as into.merge(*this)), and this histogram cleared. A time
    /// bucket's close: four passes in one.
    void drainInto(LatencyHistogram &into, const double *qs, double *out, std::size_t n);

    static constexpr int kSubBits = 7; ///< 128 sub-buckets per power of two
    static constexpr std::int64_t kSubCount = std::int64_t{1} << kSubBits;
    static std::size_t bucketIndex(std::int64_t value);
    static std::int64_t bucketLow(std::size_t index);
    static std::int64_t bucketHigh(std::size_t index); ///< exclusive

private:
    std::uint64_t rankOf(double q) const; ///< needs m_count > 0
    double valueAt(std::size_t index) const;

    std::vector<std::uint64_t> m_counts;
    std::uint64_t m_count = 0;
    std::int64_t m_sum = 0;
    std::int64_t m_max = 0;                                        ///< values are >= 0
    std::int64_t m_min = std::numeric_limits<std::int64_t>::max(); ///< when empty
    // The touched bucket range, [bucketIndex(m_min), bucketIndex(m_max)] (bucketIndex is
    // monotone), bounds every scan: clear, merge and quantiles cost what was recorded.
    std::size_t lowIndex() const { return bucketIndex(m_min); }
    std::size_t highIndex() const { return bucketIndex(m_max); }
};

// Inline: recorded twice per request (the bucket's and the run's histograms).
inline std::size_t LatencyHistogram::bucketIndex(std::int64_t value)
{
    if (value < 0)
        value = 0;
    const auto v = static_cast<std::uint64_t>(value);
    if (v < static_cast<std::uint64_t>(2 * kSubCount))
        return static_cast<std::size_t>(v); // exact below 256
    const int width = std::bit_width(v);    // >= 9
    const int shift = width - 1 - kSubBits; // keep the leading one + 7 bits
    const std::uint64_t sub = (v >> shift) - static_cast<std::uint64_t>(kSubCount); // 0..127
    return static_cast<std::size_t>(2 * kSubCount + (shift - 1) * kSubCount) +
           static_cast<std::size_t>(sub);
}

inline void LatencyHistogram::record(std::int64_t value)
{
    if (value < 0)
        value = 0;
    const std::size_t index = bucketIndex(value);
    // The scalars first, the count last: a store into m_counts (uint64_t) may alias the size_t
    // and uint64_t members as far as the compiler knows, and would force them to be reloaded.
    m_min = std::min(m_min, value);
    m_max = std::max(m_max, value);
    ++m_count;
    m_sum += value;
    ++m_counts[index];
}

} // namespace reslab
