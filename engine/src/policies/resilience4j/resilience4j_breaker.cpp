#include "policies/resilience4j/resilience4j_breaker.h"

#include "policies/policy_pattern.h"

#include <algorithm>
#include <cmath>

namespace reslab {

namespace {
/// Duration.toMillis(): resilience4j keeps the open wait (IntervalFunction.of(duration) =
/// of(duration.toMillis())) and the half-open max wait (scheduled in MILLISECONDS) in whole
/// milliseconds, truncated.
SimTime wholeMillis(double ms)
{
    return fromMillis(std::floor(ms));
}
} // namespace

Resilience4jWindow::Resilience4jWindow(Resilience4jOptions::WindowType type, int size,
                                       int minimumCalls)
    : m_type(type)
    , m_size(std::max(1, size))
    , m_minCalls(type == Resilience4jOptions::WindowType::Count ? std::min(minimumCalls, m_size)
                                                                : minimumCalls)
    , m_buckets(static_cast<std::size_t>(m_size))
{}

void Resilience4jWindow::moveTo(SimTime now)
{
    if (m_type != Resilience4jOptions::WindowType::Time)
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
    if (m_type == Resilience4jOptions::WindowType::Count) {
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

Resilience4jBreaker::Resilience4jBreaker(const Resilience4jOptions &options, BreakerHost &host)
    : BreakerPolicy(host)
    , m_options(options)
    , m_wait(wholeMillis(options.waitDurationInOpenStateMs))
    , m_maxHalfOpen(wholeMillis(options.maxWaitDurationInHalfOpenStateMs))
    , m_slow(fromMillis(options.slowCallDurationThresholdMs))
    , m_window(closedWindow())
{}

Resilience4jWindow Resilience4jBreaker::closedWindow() const
{
    return {m_options.slidingWindowType, m_options.slidingWindowSize,
            m_options.minimumNumberOfCalls};
}

void Resilience4jBreaker::toOpen(SimTime now)
{
    // OPEN keeps the metrics of the state it came from (late results still land there).
    m_openedAt = now;
    m_retryAfter = now + m_wait;
    moveTo(BreakerState::Open);
    if (m_options.automaticTransition)
        m_host.armTimer(now + m_wait);
    else
        m_host.cancelTimer();
}

void Resilience4jBreaker::toHalfOpen(SimTime now)
{
    m_window = Resilience4jWindow(Resilience4jOptions::WindowType::Count,
                                  m_options.permittedNumberOfCallsInHalfOpenState,
                                  m_options.minimumNumberOfCalls);
    m_permits = m_options.permittedNumberOfCallsInHalfOpenState;
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
    const auto result = m_window.check(now, static_cast<float>(m_options.failureRateThreshold),
                                       static_cast<float>(m_options.slowCallRateThreshold));
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
    const Resilience4jOptions &options = spec.as<Resilience4jOptions>();
    const bool windowChanged = options.slidingWindowType != m_options.slidingWindowType ||
                               options.slidingWindowSize != m_options.slidingWindowSize ||
                               options.minimumNumberOfCalls != m_options.minimumNumberOfCalls ||
                               options.permittedNumberOfCallsInHalfOpenState !=
                                   m_options.permittedNumberOfCallsInHalfOpenState;
    m_options = options;
    m_wait = wholeMillis(options.waitDurationInOpenStateMs);
    m_maxHalfOpen = wholeMillis(options.maxWaitDurationInHalfOpenStateMs);
    m_slow = fromMillis(options.slowCallDurationThresholdMs);
    if (windowChanged) {
        // A window of another shape starts empty (as a new CircuitBreakerConfig would).
        if (m_state == BreakerState::HalfOpen) {
            m_window = Resilience4jWindow(Resilience4jOptions::WindowType::Count,
                                          m_options.permittedNumberOfCallsInHalfOpenState,
                                          m_options.minimumNumberOfCalls);
            m_permits = m_options.permittedNumberOfCallsInHalfOpenState;
        } else {
            m_window = closedWindow();
        }
    }
    if (m_state == BreakerState::Open) {
        m_retryAfter = m_openedAt + m_wait;
        if (m_options.automaticTransition)
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
    v.policy = Resilience4jOptions::pattern().key;
    v.failureRate = m_window.failureRate(now);
    v.slowCallRate = m_window.slowCallRate(now);
    v.failureRateThreshold = m_options.failureRateThreshold;
    v.slowCallRateThreshold = m_options.slowCallRateThreshold;
    v.bufferedCalls = m_window.buffered(now);
    v.windowSize = m_window.size();
    v.minimumCalls = m_window.minimumCalls();
    v.halfOpenPermits = m_options.permittedNumberOfCallsInHalfOpenState;
    v.halfOpenInFlight = m_state == BreakerState::HalfOpen ? v.halfOpenPermits - m_permits : 0;
    if (m_state == BreakerState::Open) {
        v.openedAt = m_openedAt;
        v.openUntil = m_retryAfter;
    }
    return v;
}

} // namespace reslab
