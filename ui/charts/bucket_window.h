#pragma once

#include "reslab/metrics/metrics.h"
#include "reslab/model/simulation.h"

#include <cstddef>
#include <vector>

namespace reslab::ui {

/// Which of a run's closed buckets the charts draw, and the time span they show. Charts draw the
/// engine's BucketRow fields as they are; the only transformations are unit conversions (counts
/// per bucket to per second) and stacking for display.
struct BucketWindow
{
    const Simulation *sim = nullptr;
    const std::vector<BucketRow> *rows = nullptr;
    std::size_t first = 0;  ///< first row drawn
    std::size_t end = 0;    ///< one past the last row drawn (all closed)
    std::size_t stride = 1; ///< every stride-th row: long runs stay within a bounded point count
    double bucketS = 1;     ///< bucket length in seconds
    double xLo = 0;         ///< time axis range in seconds
    double xHi = 60;

    double startS(std::size_t i) const { return static_cast<double>(i) * bucketS; }
    const BucketRow &row(std::size_t i) const { return (*rows)[i]; }
    /// Points each drawn series will hold.
    std::size_t pointCount() const { return end > first ? (end - first + stride - 1) / stride : 0; }
};

/// The number of buckets of `sim` that are closed (final): every row but the live one, or all of
/// them once the run is over.
std::size_t closedRowCount(const Simulation &sim);

/// The rows to draw: the last `spanS` seconds up to now, or (spanS <= 0) the whole run, with at
/// most `maxPoints` points per series.
BucketWindow makeBucketWindow(const Simulation &sim, double spanS, std::size_t maxPoints);

} // namespace reslab::ui
