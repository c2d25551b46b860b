#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
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

    static constexpr int kSubBits = 7; ///< 128 sub-buckets per power of two
    static std::size_t bucketIndex(std::int64_t value);
    static std::int64_t bucketLow(std::size_t index);
    static std::int64_t bucketHigh(std::size_t index); ///< exclusive

private:
    std::vector<std::uint64_t> m_counts;
    std::uint64_t m_count = 0;
    std::int64_t m_sum = 0;
    std::int64_t m_max = 0;
    std::int64_t m_min = 0;
    std::size_t m_lowIndex = SIZE_MAX; ///< touched bucket range, so clear() is cheap
    std::size_t m_highIndex = 0;
};

} // namespace reslab
