#include "policies/polly/polly_breaker.h"

#include "policies/policy_pattern.h"

namespace reslab {

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

PollyBreaker::PollyBreaker(const PollyOptions &options, BreakerHost &host)
    : BreakerPolicy(host)
    , m_options(options)
    , m_break(fromMillis(options.breakDurationMs))
    , m_metrics(fromMillis(options.samplingDurationMs))
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
        const bool shouldBreak = m_metrics.throughput(now) >= m_options.minimumThroughput &&
                                 m_metrics.failureRate(now) >= m_options.failureRatio;
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
    const PollyOptions &options = spec.as<PollyOptions>();
    if (options.samplingDurationMs != m_options.samplingDurationMs) {
        // New health metrics, created now (a single window starts at its creation).
        m_metrics = PollyHealthMetrics(fromMillis(options.samplingDurationMs));
        m_metrics.reset();
        m_metrics.throughput(now);
    }
    m_options = options;
    m_break = fromMillis(options.breakDurationMs);
    if (m_state == BreakerState::Open)
        m_blockedUntil = m_openedAt + m_break;
}

BreakerView PollyBreaker::view(SimTime now)
{
    BreakerView v;
    v.state = m_state;
    v.policy = PollyOptions::pattern().key;
    const int n = m_metrics.throughput(now);
    v.bufferedCalls = n;
    v.minimumCalls = m_options.minimumThroughput;
    v.failureRate = n >= m_options.minimumThroughput ? m_metrics.failureRate(now) * 100.0 : -1.0;
    v.failureRateThreshold = m_options.failureRatio * 100.0;
    v.halfOpenPermits = 1;
    v.halfOpenInFlight = m_state == BreakerState::HalfOpen ? 1 : 0;
    if (m_state == BreakerState::Open) {
        v.openedAt = m_openedAt;
        v.openUntil = m_blockedUntil;
    }
    return v;
}

} // namespace reslab
