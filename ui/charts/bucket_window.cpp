#include "bucket_window.h"

#include <algorithm>
#include <cmath>

namespace reslab::ui {

std::size_t closedRowCount(const Simulation &sim)
{
    const RunRecorder &rec = sim.recorder();
    const std::vector<BucketRow> &rows = rec.rows();
    if (rows.empty())
        return 0;
    // The recorder keeps the live bucket last until the last one closes; then every row is final.
    if (sim.finished() || sim.now() >= rows.back().start + rec.bucket())
        return rows.size();
    return rows.size() - 1;
}

BucketWindow makeBucketWindow(const Simulation &sim, double spanS, std::size_t maxPoints)
{
    BucketWindow w;
    w.sim = &sim;
    w.rows = &sim.recorder().rows();
    w.bucketS = toSeconds(sim.recorder().bucket());
    w.end = closedRowCount(sim);
    const double endS = toSeconds(sim.end());
    if (spanS > 0) {
        w.xHi = std::max(spanS, std::min(toSeconds(sim.now()), endS));
        w.xLo = w.xHi - spanS;
        // Only buckets that start inside the window: nothing is drawn outside the plot area
        // (SVG export has no clipping).
        const double firstBucket = std::ceil(w.xLo / w.bucketS - 1e-9);
        w.first = std::min(w.end, static_cast<std::size_t>(std::max(0.0, firstBucket)));
    } else {
        w.xLo = 0;
        w.xHi = endS > 0 ? endS : 1;
        w.first = 0;
    }
    const std::size_t n = w.end - w.first;
    maxPoints = std::max<std::size_t>(maxPoints, 1);
    w.stride = n > maxPoints ? (n + maxPoints - 1) / maxPoints : 1;
    // Sample the same buckets from frame to frame while the window scrolls.
    w.first -= w.first % w.stride;
    return w;
}

} // namespace reslab::ui
