// Retry delays: the base sequences and the jitters. The formulas, with their sources, are in
// docs/retry-backoff.md; each function below names the one it implements.

#include "reslab/stages/backoff.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace reslab {
namespace {

/// kMaxDuration in milliseconds: every ms value handed around here is saturated to it.
constexpr double kMaxDurationMs = static_cast<double>(kMaxDuration) / 1000.0;

/// Clamps a ms value to [0, kMaxDurationMs]; NaN becomes 0.
double saturateMs(double ms)
{
    if (!(ms > 0.0))
        return 0.0;
    return std::min(ms, kMaxDurationMs);
}

/// Java's `(long) x` (JLS 5.1.3): NaN -> 0, out of range -> Long.MIN_VALUE / Long.MAX_VALUE,
/// otherwise truncation toward zero. A plain static_cast would be undefined out of range.
std::int64_t javaLong(double x)
{
    constexpr double kTwo63 = 9223372036854775808.0; // 2^63, exactly representable
    if (std::isnan(x))
        return 0;
    if (x >= kTwo63)
        return std::numeric_limits<std::int64_t>::max();
    if (x < -kTwo63)
        return std::numeric_limits<std::int64_t>::min();
    return static_cast<std::int64_t>(x);
}

/// Java's `long * long` would wrap; resilience4j never multiplies longs, but our `linear` does
/// (initial * (k + 1), with k + 1 >= 1), so it saturates instead.
std::int64_t saturatingMul(std::int64_t a, std::int64_t positive)
{
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
    if (a > kMax / positive)
        return kMax;
    if (a < kMin / positive)
        return kMin;
    return a * positive;
}

/// Whole milliseconds to microseconds, saturated at kMaxDuration.
SimTime fromWholeMillis(std::int64_t ms)
{
    if (ms <= 0)
        return 0;
    if (ms >= kMaxDuration / kMicrosPerMilli)
        return kMaxDuration;
    return ms * kMicrosPerMilli;
}

/// Applies `max_delay_ms` (if set) to a delay in microseconds.
SimTime capMicros(const RetrySpec &spec, SimTime us)
{
    if (spec.maxDelayMs)
        us = std::min(us, fromMillis(*spec.maxDelayMs));
    return std::clamp<SimTime>(us, 0, kMaxDuration);
}

// ---- resilience4j: IntervalFunction.ofExponentialRandomBackoff ---------------------------------

/// resilience4j's base interval for attempt k+1 in whole ms: `initial` is (long) base_ms;
/// exponential iterates base(n) = (long)(base(n-1) * multiplier); fixed is `initial`; linear is
/// initial * (k+1) (what IntervalFunction.of(initial, x -> x + initial) gives).
std::int64_t resilience4jBase(const RetrySpec &spec, int k)
{
    const std::int64_t initial = javaLong(spec.baseMs);
    switch (spec.backoff) {
    case RetrySpec::Backoff::Fixed:
        return initial;
    case RetrySpec::Backoff::Linear:
        return saturatingMul(initial, static_cast<std::int64_t>(k) + 1);
    case RetrySpec::Backoff::Exponential:
        break;
    }
    std::int64_t b = initial;
    for (int n = 0; n < k; ++n) {
        const std::int64_t next = javaLong(static_cast<double>(b) * spec.multiplier);
        if (next == b)
            break; // a fixed point of the iteration stays one (e.g. saturated at Long.MAX_VALUE)
        b = next;
    }
    return b;
}

/// IntervalFunctionCompanion.randomize (resilience4j >= 2.3, PR #2152):
/// lo + u * (hi - lo + 1), at least 1.0.
double resilience4jRandomize(double current, double factor, double u)
{
    const double delta = factor * current;
    const double lo = current - delta;
    const double hi = current + delta;
    const double r = lo + u * (hi - lo + 1.0);
    return std::max(1.0, r);
}

SimTime randomizedDelay(const RetrySpec &spec, int k, double u)
{
    const auto base = static_cast<double>(resilience4jBase(spec, k));
    std::int64_t interval = javaLong(resilience4jRandomize(base, spec.randomizationFactor, u));
    if (spec.maxDelayMs)
        interval = std::min(interval, javaLong(*spec.maxDelayMs));
    return fromWholeMillis(interval);
}

// ---- AWS "Exponential Backoff and Jitter": decorrelated ----------------------------------------

SimTime decorrelatedDelay(const RetrySpec &spec, BackoffState &state, double u)
{
    const double base = saturateMs(spec.baseMs);
    const double prev = state.prev > 0.0 ? state.prev : base;
    double sleep = base + u * (3.0 * prev - base);
    if (spec.maxDelayMs)
        sleep = std::min(*spec.maxDelayMs, sleep);
    sleep = saturateMs(sleep);
    state.prev = sleep;
    return fromMillis(sleep);
}

// ---- Polly v8: RetryHelper.GetRetryDelay with UseJitter = true ---------------------------------

/// RetryHelper.ApplyJitter (JitterFactor 0.5): uniform in [0.75 ms, 1.25 ms).
double pollyApplyJitterMs(double ms, double u)
{
    constexpr double kJitterFactor = 0.5;
    const double offset = (ms * kJitterFactor) / 2.0;
    const double randomDelay = (ms * kJitterFactor * u) - offset;
    return ms + randomDelay;
}

/// RetryHelper.DecorrelatedJitterBackoffV2, in 100-ns ticks.
std::int64_t pollyDecorrelatedJitterBackoffV2Ticks(int attempt, double baseTicks, double &prev,
                                                   double u)
{
    constexpr double kPFactor = 4.0;
    constexpr double kRpScalingFactor = 1 / 1.4;
    // (double)TimeSpan.MaxValue.Ticks - 1_000: rounds to 2^63 - 1024, which converts exactly.
    const double maxTimeSpanTicks =
        static_cast<double>(std::numeric_limits<std::int64_t>::max()) - 1000.0;

    const double t = attempt + u;
    const double next = std::pow(2.0, t) * std::tanh(std::sqrt(kPFactor * t));
    if (std::isinf(next)) { // t >= 1024 (Polly issue #2163)
        prev = next;
        return static_cast<std::int64_t>(maxTimeSpanTicks);
    }
    const double formulaIntrinsicValue = next - prev;
    prev = next;
    const double ticks =
        std::min(formulaIntrinsicValue * kRpScalingFactor * baseTicks, maxTimeSpanTicks);
    // Polly asserts ticks >= 0 (true while attempts increase); clamp rather than go negative.
    return std::max<std::int64_t>(0, javaLong(ticks));
}

SimTime pollyDelay(const RetrySpec &spec, int k, BackoffState &state, double u)
{
    // TimeSpan.FromMilliseconds(base_ms).Ticks: truncated to 100-ns ticks.
    const std::int64_t baseTicks = javaLong(spec.baseMs * 10000.0);
    if (baseTicks <= 0)
        return 0; // baseDelay == TimeSpan.Zero -> Zero (before MaxDelay)

    SimTime us = 0;
    switch (spec.backoff) {
    case RetrySpec::Backoff::Fixed:
        us = fromMillis(pollyApplyJitterMs(spec.baseMs, u));
        break;
    case RetrySpec::Backoff::Linear:
        us = fromMillis(pollyApplyJitterMs((k + 1.0) * spec.baseMs, u));
        break;
    case RetrySpec::Backoff::Exponential: {
        const std::int64_t ticks = pollyDecorrelatedJitterBackoffV2Ticks(
            k, static_cast<double>(baseTicks), state.pollyPrev, u);
        us = std::min<std::int64_t>(ticks / 10, kMaxDuration);
        break;
    }
    }
    return capMicros(spec, us); // MaxDelay: delay > MaxDelay -> MaxDelay
}

} // namespace

double baseDelayMs(const RetrySpec &spec, int k)
{
    k = std::max(k, 0);
    double d = 0.0;
    switch (spec.backoff) {
    case RetrySpec::Backoff::Fixed:
        d = spec.baseMs;
        break;
    case RetrySpec::Backoff::Linear:
        d = spec.baseMs * (static_cast<double>(k) + 1.0);
        break;
    case RetrySpec::Backoff::Exponential:
        // pow may reach +inf for large k; saturateMs turns that (and a NaN from 0 * inf) into a
        // finite value.
        d = spec.baseMs * std::pow(spec.multiplier, static_cast<double>(k));
        break;
    }
    d = saturateMs(d);
    if (spec.maxDelayMs)
        d = std::min(d, saturateMs(*spec.maxDelayMs));
    return d;
}

SimTime retryDelay(const RetrySpec &spec, int k, BackoffState &state, double u)
{
    k = std::max(k, 0);
    switch (spec.jitter) {
    case RetrySpec::Jitter::None:
        return fromMillis(baseDelayMs(spec, k));
    case RetrySpec::Jitter::Proportional: {
        // The design notes': d + U * (ratio * d), after the cap, so it may exceed max_delay_ms.
        const double d = baseDelayMs(spec, k);
        return fromMillis(d + u * (spec.jitterRatio * d));
    }
    case RetrySpec::Jitter::Randomized:
        return randomizedDelay(spec, k, u);
    case RetrySpec::Jitter::Full:
        return fromMillis(u * baseDelayMs(spec, k));
    case RetrySpec::Jitter::Equal: {
        const double d = baseDelayMs(spec, k);
        return fromMillis(d / 2.0 + u * (d / 2.0));
    }
    case RetrySpec::Jitter::Decorrelated:
        return decorrelatedDelay(spec, state, u);
    case RetrySpec::Jitter::PollyV2:
        return pollyDelay(spec, k, state, u);
    }
    return fromMillis(baseDelayMs(spec, k));
}

} // namespace reslab
