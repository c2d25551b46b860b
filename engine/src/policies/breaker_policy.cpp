#include "reslab/policies/breaker_policy.h"

#include "reslab/policies/policy_pattern.h"

#include <algorithm>
#include <cmath>

namespace reslab {

std::unique_ptr<BreakerPolicy> BreakerPolicy::create(const BreakerSpec &spec, BreakerHost &host)
{
    return breakerPolicy(spec.policy).create(spec, host);
}

// ---------------------------------------------------------------------------------------------
// consecutive

namespace {
constexpr std::uint32_t kTrialBit = 1;
std::uint32_t makeTicket(std::uint32_t epoch, bool trial)
{
    return (epoch << 1) | (trial ? 1 : 0);
}
} // namespace

ConsecutiveBreaker::ConsecutiveBreaker(const BreakerSpec &spec, BreakerHost &host)
    : BreakerPolicy(host)
    , m_spec(spec)
    , m_reset(fromMillis(spec.resetTimeoutMs))
{}

void ConsecutiveBreaker::open(SimTime now)
{
    ++m_epoch;
    m_openedAt = now;
    m_trials = 0;
    m_successes = 0;
    moveTo(BreakerState::Open);
    if (m_spec.automaticTransition)
        m_host.armTimer(now + m_reset);
}

void ConsecutiveBreaker::halfOpen()
{
    ++m_epoch;
    m_trials = 0;
    m_successes = 0;
    moveTo(BreakerState::HalfOpen);
}

void ConsecutiveBreaker::close()
{
    ++m_epoch;
    m_failures = 0;
    m_trials = 0;
    m_successes = 0;
    moveTo(BreakerState::Closed);
}

BreakerPolicy::Permit ConsecutiveBreaker::tryAcquire(SimTime now)
{
    if (m_state == BreakerState::Open) {
        if (now < m_openedAt + m_reset) // half-open at or after the deadline
            return {false, 0};
        m_host.cancelTimer();
        halfOpen();
    }
    if (m_state == BreakerState::HalfOpen) {
        if (m_trials >= m_spec.halfOpenMaxCalls)
            return {false, 0};
        ++m_trials;
        return {true, makeTicket(m_epoch, true)};
    }
    return {true, makeTicket(m_epoch, false)};
}

void ConsecutiveBreaker::onResult(SimTime now, std::uint32_t ticket, bool failure, SimTime)
{
    if ((ticket >> 1) != m_epoch)
        return; // started in another state: a late answer does not count
    if (m_state == BreakerState::HalfOpen) {
        if (ticket & kTrialBit)
            --m_trials;
        if (failure) {
            open(now);
        } else if (++m_successes >= m_spec.successThreshold) {
            close();
        }
        return;
    }
    if (m_state == BreakerState::Closed) {
        if (!failure) {
            m_failures = 0;
        } else if (++m_failures >= m_spec.failureThreshold) {
            open(now);
        }
    }
}

void ConsecutiveBreaker::onCancel(SimTime, std::uint32_t ticket)
{
    if ((ticket >> 1) == m_epoch && (ticket & kTrialBit) && m_state == BreakerState::HalfOpen)
        --m_trials;
}

void ConsecutiveBreaker::onTimer(SimTime)
{
    if (m_state == BreakerState::Open)
        halfOpen();
}

void ConsecutiveBreaker::reconfigure(const BreakerSpec &spec, SimTime now)
{
    m_spec = spec;
    m_reset = fromMillis(spec.resetTimeoutMs);
    if (m_state == BreakerState::Closed && m_failures >= m_spec.failureThreshold)
        open(now);
    else if (m_state == BreakerState::Open && m_spec.automaticTransition)
        m_host.armTimer(m_openedAt + m_reset);
    else if (m_state == BreakerState::Open)
        m_host.cancelTimer();
}

BreakerView ConsecutiveBreaker::view(SimTime)
{
    BreakerView v;
    v.state = m_state;
    v.policy = BreakerSpec::Policy::Consecutive;
    v.consecutiveFailures = m_failures;
    v.failureThreshold = m_spec.failureThreshold;
    v.halfOpenSuccesses = m_successes;
    v.successThreshold = m_spec.successThreshold;
    v.halfOpenInFlight = m_trials;
    v.halfOpenPermits = m_spec.halfOpenMaxCalls;
    if (m_state == BreakerState::Open) {
        v.openedAt = m_openedAt;
        v.openUntil = m_openedAt + m_reset;
    }
    return v;
}

// ---------------------------------------------------------------------------------------------
// resilience4j

namespace {
/// Duration.toMillis(): resilience4j keeps the open wait (IntervalFunction.of(duration) =
/// of(duration.toMillis())) and the half-open max wait (scheduled in MILLISECONDS) in whole
/// milliseconds, truncated.
SimTime wholeMillis(double ms)
{
    return fromMillis(std::floor(ms));
}
} // namespace

Resilience4jWindow::Resilience4jWindow(BreakerSpec::WindowType type, int size, int minimumCalls)
    : m_type(type)
    , m_size(std::max(1, size))
    , m_minCalls(type == BreakerSpec::WindowType::Count ? std::min(minimumCalls, m_size)
                                                        : minimumCalls)
    , m_buckets(static_cast<std::size_t>(m_size))
{}

void Resilience4jWindow::moveTo(SimTime now)
{
    if (m_type != BreakerSpec::WindowType::Time)
        return;
    // SlidingTimeWindowMetrics: one partial aggregation per epoch second; buckets older than
    // `size` seconds are reset as the head moves on.
    const std::int64_t second = now / kMicrosPerSecond;
    Agg &head = m_buckets[m_head];
    const std::int64_t diff = second - head.second;
    if (diff <= 0)
        return;
    const std::int64_t steps = std::min<std::int64_t>(diff, m_size);
    for (std::int64_t i = 0; i < steps; ++i) {
        m_head = (m_head + 1) % m_buckets.size();
        Agg &b = m_buckets[m_head];
        m_total.calls -= b.calls;
        m_total.failed -= b.failed;
        m_total.slow -= b.slow;
        b = Agg{};
        b.second = second - steps + 1 + i;
    }
}

void Resilience4jWindow::record(SimTime now, bool failure, bool slow)
{
    if (m_type == BreakerSpec::WindowType::Count) {
        // FixedSizeSlidingWindowMetrics: a ring of `size` measurements; each record evicts the
        // oldest.
        m_head = (m_head + 1) % m_buckets.size();
        Agg &b = m_buckets[m_head];
        m_total.calls -= b.calls;
        m_total.failed -= b.failed;
        m_total.slow -= b.slow;
        b = Agg{1, failure ? 1 : 0, slow ? 1 : 0, 0};
    } else {
        moveTo(now);
        Agg &b = m_buckets[m_head];
        ++b.calls;
        b.failed += failure ? 1 : 0;
        b.slow += slow ? 1 : 0;
    }
    ++m_total.calls;
    m_total.failed += failure ? 1 : 0;
    m_total.slow += slow ? 1 : 0;
}

int Resilience4jWindow::buffered(SimTime now)
{
    moveTo(now);
    return m_total.calls;
}

float Resilience4jWindow::failureRate(SimTime now)
{
    const int n = buffered(now);
    if (n == 0 || n < m_minCalls)
        return -1.0f;
    return static_cast<float>(m_total.failed) * 100.0f / static_cast<float>(n);
}

float Resilience4jWindow::slowCallRate(SimTime now)
{
    const int n = buffered(now);
    if (n == 0 || n < m_minCalls)
        return -1.0f;
    return static_cast<float>(m_total.slow) * 100.0f / static_cast<float>(n);
}

Resilience4jWindow::Result Resilience4jWindow::check(SimTime now, float failureThreshold,
                                                     float slowThreshold)
{
    const float failure = failureRate(now);
    const float slow = slowCallRate(now);
    if (failure < 0 || slow < 0)
        return Result::BelowMinimumCalls;
    if (failure >= failureThreshold || slow >= slowThreshold)
        return Result::Exceeded;
    return Result::BelowThresholds;
}

Resilience4jBreaker::Resilience4jBreaker(const BreakerSpec &spec, BreakerHost &host)
    : BreakerPolicy(host)
    , m_spec(spec)
    , m_wait(wholeMillis(spec.waitDurationInOpenStateMs))
    , m_maxHalfOpen(wholeMillis(spec.maxWaitDurationInHalfOpenStateMs))
    , m_slow(fromMillis(spec.slowCallDurationThresholdMs))
    , m_window(closedWindow())
{}

Resilience4jWindow Resilience4jBreaker::closedWindow() const
{
    return {m_spec.slidingWindowType, m_spec.slidingWindowSize, m_spec.minimumNumberOfCalls};
}

void Resilience4jBreaker::toOpen(SimTime now)
{
    // OPEN keeps the metrics of the state it came from (late results still land there).
    m_openedAt = now;
    m_retryAfter = now + m_wait;
    moveTo(BreakerState::Open);
    if (m_spec.automaticTransition)
        m_host.armTimer(now + m_wait);
    else
        m_host.cancelTimer();
}

void Resilience4jBreaker::toHalfOpen(SimTime now)
{
    m_window = Resilience4jWindow(BreakerSpec::WindowType::Count,
                                  m_spec.permittedNumberOfCallsInHalfOpenState,
                                  m_spec.minimumNumberOfCalls);
    m_permits = m_spec.permittedNumberOfCallsInHalfOpenState;
    moveTo(BreakerState::HalfOpen);
    if (m_maxHalfOpen >= kMicrosPerMilli)
        m_host.armTimer(now + m_maxHalfOpen);
    else
        m_host.cancelTimer();
}

void Resilience4jBreaker::toClosed()
{
    m_window = closedWindow();
    m_host.cancelTimer();
    moveTo(BreakerState::Closed);
}

BreakerPolicy::Permit Resilience4jBreaker::tryAcquire(SimTime now)
{
    if (m_state == BreakerState::Open) {
        if (!(now > m_retryAfter)) // clock.instant().isAfter(retryAfter): strictly after
            return {false, 0};
        toHalfOpen(now);
    }
    if (m_state == BreakerState::HalfOpen) {
        if (m_permits == 0)
            return {false, 0};
        --m_permits;
        return {true, 1};
    }
    return {true, 0};
}

void Resilience4jBreaker::onResult(SimTime now, std::uint32_t, bool failure, SimTime duration)
{
    // Results go to the *current* state, whenever the call started (as the state machine does).
    m_window.record(now, failure, duration > m_slow);
    if (m_state == BreakerState::Open)
        return; // recorded, but OPEN never transitions on a result
    const auto result = m_window.check(now, static_cast<float>(m_spec.failureRateThreshold),
                                       static_cast<float>(m_spec.slowCallRateThreshold));
    if (result == Resilience4jWindow::Result::Exceeded)
        toOpen(now);
    else if (m_state == BreakerState::HalfOpen &&
             result == Resilience4jWindow::Result::BelowThresholds)
        toClosed();
}

void Resilience4jBreaker::onCancel(SimTime, std::uint32_t)
{
    // releasePermission(): only HALF_OPEN counts permits.
    if (m_state == BreakerState::HalfOpen)
        ++m_permits;
}

void Resilience4jBreaker::onTimer(SimTime now)
{
    if (m_state == BreakerState::Open)
        toHalfOpen(now); // automatic transition after the wait duration
    else if (m_state == BreakerState::HalfOpen)
        toOpen(now); // max wait in half-open elapsed: transitionToStateAfterWaitDuration = OPEN
}

void Resilience4jBreaker::reconfigure(const BreakerSpec &spec, SimTime now)
{
    const bool windowChanged =
        spec.slidingWindowType != m_spec.slidingWindowType ||
        spec.slidingWindowSize != m_spec.slidingWindowSize ||
        spec.minimumNumberOfCalls != m_spec.minimumNumberOfCalls ||
        spec.permittedNumberOfCallsInHalfOpenState != m_spec.permittedNumberOfCallsInHalfOpenState;
    m_spec = spec;
    m_wait = wholeMillis(spec.waitDurationInOpenStateMs);
    m_maxHalfOpen = wholeMillis(spec.maxWaitDurationInHalfOpenStateMs);
    m_slow = fromMillis(spec.slowCallDurationThresholdMs);
    if (windowChanged) {
        // A window of another shape starts empty (as a new CircuitBreakerConfig would).
        if (m_state == BreakerState::HalfOpen) {
            m_window = Resilience4jWindow(BreakerSpec::WindowType::Count,
                                          m_spec.permittedNumberOfCallsInHalfOpenState,
                                          m_spec.minimumNumberOfCalls);
            m_permits = m_spec.permittedNumberOfCallsInHalfOpenState;
        } else {
            m_window = closedWindow();
        }
    }
    if (m_state == BreakerState::Open) {
        m_retryAfter = m_openedAt + m_wait;
        if (m_spec.automaticTransition)
            m_host.armTimer(m_retryAfter);
        else
            m_host.cancelTimer();
    }
    (void)now;
}

BreakerView Resilience4jBreaker::view(SimTime now)
{
    BreakerView v;
    v.state = m_state;
    v.policy = BreakerSpec::Policy::Resilience4j;
    v.failureRate = m_window.failureRate(now);
    v.slowCallRate = m_window.slowCallRate(now);
    v.failureRateThreshold = m_spec.failureRateThreshold;
    v.slowCallRateThreshold = m_spec.slowCallRateThreshold;
    v.bufferedCalls = m_window.buffered(now);
    v.windowSize = m_window.size();
    v.minimumCalls = m_window.minimumCalls();
    v.halfOpenPermits = m_spec.permittedNumberOfCallsInHalfOpenState;
    v.halfOpenInFlight = m_state == BreakerState::HalfOpen ? v.halfOpenPermits - m_permits : 0;
    if (m_state == BreakerState::Open) {
        v.openedAt = m_openedAt;
        v.openUntil = m_retryAfter;
    }
    return v;
}

// ---------------------------------------------------------------------------------------------
// polly

PollyHealthMetrics::PollyHealthMetrics(SimTime samplingDuration)
    : m_sampling(samplingDuration)
    , m_windowLength(samplingDuration / 10)
    , m_single(samplingDuration < 200 * kMicrosPerMilli)
{
    // SingleHealthMetrics starts its window when it is created: the breaker is built at t = 0.
    if (m_single)
        m_windows.push_back({0, 0, 0});
}

PollyHealthMetrics::Window &PollyHealthMetrics::update(SimTime now)
{
    if (m_single) {
        // SingleHealthMetrics: one window that restarts once it is sampling_duration old.
        if (m_windows.empty() || now - m_windows.front().start >= m_sampling) {
            m_windows.clear();
            m_windows.push_back({now, 0, 0});
            m_successes = m_failures = 0;
        }
        return m_windows.front();
    }
    if (m_windows.empty() || now - m_windows.back().start >= m_windowLength)
        m_windows.push_back({now, 0, 0});
    while (now - m_windows.front().start >= m_sampling) {
        m_successes -= m_windows.front().successes;
        m_failures -= m_windows.front().failures;
        m_windows.pop_front();
    }
    return m_windows.back();
}

void PollyHealthMetrics::increment(SimTime now, bool failure)
{
    Window &w = update(now);
    if (failure) {
        ++w.failures;
        ++m_failures;
    } else {
        ++w.successes;
        ++m_successes;
    }
}

void PollyHealthMetrics::reset()
{
    m_windows.clear();
    m_successes = m_failures = 0;
}

// Reads count the windows an update at `now` would keep, without starting or dropping one: Polly
// reads its metrics only right after counting a failure (same instant), so looking at the breaker
// between events (the GUI's view) must not move the windows.
int PollyHealthMetrics::throughput(SimTime now)
{
    if (m_single && m_windows.empty())
        update(now); // SingleHealthMetrics.Reset(): the window restarts at the reset (PollyBreaker)
    int n = 0;
    for (const Window &w : m_windows) {
        if (now - w.start < m_sampling)
            n += w.successes + w.failures;
    }
    return n;
}

int PollyHealthMetrics::failures(SimTime now)
{
    int n = 0;
    for (const Window &w : m_windows) {
        if (now - w.start < m_sampling)
            n += w.failures;
    }
    return n;
}

double PollyHealthMetrics::failureRate(SimTime now)
{
    const int n = throughput(now);
    return n == 0 ? 0.0 : static_cast<double>(failures(now)) / n;
}

PollyBreaker::PollyBreaker(const BreakerSpec &spec, BreakerHost &host)
    : BreakerPolicy(host)
    , m_spec(spec)
    , m_break(fromMillis(spec.breakDurationMs))
    , m_metrics(fromMillis(spec.samplingDurationMs))
{}

void PollyBreaker::open(SimTime now)
{
    m_blockedUntil = now + m_break;
    m_openedAt = now;
    moveTo(BreakerState::Open);
}

BreakerPolicy::Permit PollyBreaker::tryAcquire(SimTime now)
{
    if (m_state == BreakerState::Open && now >= m_blockedUntil) {
        // PermitHalfOpenCircuitTest: this call is the one probe.
        m_blockedUntil = now + m_break;
        moveTo(BreakerState::HalfOpen);
        return {true, 1};
    }
    if (m_state == BreakerState::Closed)
        return {true, 0};
    return {false, 0}; // Open, or HalfOpen with its probe under way
}

void PollyBreaker::onResult(SimTime now, std::uint32_t, bool failure, SimTime)
{
    if (!failure) {
        // OnActionSuccess: count it in any state; HalfOpen closes (metrics reset).
        m_metrics.increment(now, false);
        if (m_state == BreakerState::HalfOpen) {
            m_metrics.reset();
            m_metrics.throughput(now); // a single window restarts now, as Reset() does
            m_blockedUntil = -1;
            moveTo(BreakerState::Closed);
        }
        return;
    }
    switch (m_state) {
    case BreakerState::Closed: {
        m_metrics.increment(now, true);
        const bool shouldBreak = m_metrics.throughput(now) >= m_spec.minimumThroughput &&
                                 m_metrics.failureRate(now) >= m_spec.failureRatio;
        if (shouldBreak)
            open(now);
        break;
    }
    case BreakerState::Open:
        m_metrics.increment(now, true); // a late failure: counted, no re-signal, no extension
        break;
    case BreakerState::HalfOpen:
        open(now);
        break;
    }
}

void PollyBreaker::onCancel(SimTime now, std::uint32_t ticket)
{
    // Cancellation surfaces as OperationCanceledException, which the default ShouldHandle does
    // not handle: it takes the success path.
    onResult(now, ticket, false, 0);
}

void PollyBreaker::onTimer(SimTime) {}

void PollyBreaker::reconfigure(const BreakerSpec &spec, SimTime now)
{
    if (spec.samplingDurationMs != m_spec.samplingDurationMs) {
        // New health metrics, created now (a single window starts at its creation).
        m_metrics = PollyHealthMetrics(fromMillis(spec.samplingDurationMs));
        m_metrics.reset();
        m_metrics.throughput(now);
    }
    m_spec = spec;
    m_break = fromMillis(spec.breakDurationMs);
    if (m_state == BreakerState::Open)
        m_blockedUntil = m_openedAt + m_break;
}

BreakerView PollyBreaker::view(SimTime now)
{
    BreakerView v;
    v.state = m_state;
    v.policy = BreakerSpec::Policy::Polly;
    const int n = m_metrics.throughput(now);
    v.bufferedCalls = n;
    v.minimumCalls = m_spec.minimumThroughput;
    v.failureRate = n >= m_spec.minimumThroughput ? m_metrics.failureRate(now) * 100.0 : -1.0;
    v.failureRateThreshold = m_spec.failureRatio * 100.0;
    v.halfOpenPermits = 1;
    v.halfOpenInFlight = m_state == BreakerState::HalfOpen ? 1 : 0;
    if (m_state == BreakerState::Open) {
        v.openedAt = m_openedAt;
        v.openUntil = m_blockedUntil;
    }
    return v;
}

} // namespace reslab
