#pragma once

#include "reslab/kernel/time.h"
#include "reslab/model/scenario.h"

namespace reslab {

/// Per-execution state of a backoff sequence (the decorrelated jitters remember the previous
/// value). A retry stage keeps one per request it is retrying; it starts fresh for every request.
struct BackoffState
{
    double prev = 0;      ///< decorrelated: previous delay in ms (0 = not started)
    double pollyPrev = 0; ///< polly_v2: Polly's `prev` (starts at 0.0)
};

/// Delay before retry k (k = 0 for the first retry), before jitter, in ms, capped at max_delay_ms.
/// fixed: base; linear: base*(k+1); exponential: base*multiplier^k.
double baseDelayMs(const RetrySpec &spec, int k);

/// Delay before retry k with the spec's jitter applied, in microseconds. `u` is one uniform draw
/// in [0, 1) (the caller's counter-based stream supplies it, so delays are reproducible).
/// The exact formulas (resilience4j `randomized`, Polly `polly_v2`, AWS `decorrelated`, ...) are
/// documented in docs/retry-backoff.md.
SimTime retryDelay(const RetrySpec &spec, int k, BackoffState &state, double u);

} // namespace reslab
