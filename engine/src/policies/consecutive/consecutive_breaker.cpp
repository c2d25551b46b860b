#include "policies/consecutive/consecutive_breaker.h"

#include "policies/policy_pattern.h"

namespace reslab {

namespace {
constexpr std::uint32_t kTrialBit = 1;
std::uint32_t makeTicket(std::uint32_t epoch, bool trial)
{
    return (epoch << 1) | (trial ? 1 : 0);
}
} // namespace

ConsecutiveBreaker::ConsecutiveBreaker(const ConsecutiveOptions &options, BreakerHost &host)
    : BreakerPolicy(host)
    , m_options(options)
    , m_reset(fromMillis(options.resetTimeoutMs))
{}

void ConsecutiveBreaker::open(SimTime now)
{
    ++m_epoch;
    m_openedAt = now;
    m_trials = 0;
    m_successes = 0;
    moveTo(BreakerState::Open);
    if (m_options.automaticTransition)
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
        if (m_trials >= m_options.halfOpenMaxCalls)
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
        } else if (++m_successes >= m_options.successThreshold) {
            close();
        }
        return;
    }
    if (m_state == BreakerState::Closed) {
        if (!failure) {
            m_failures = 0;
        } else if (++m_failures >= m_options.failureThreshold) {
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
    const ConsecutiveOptions &options = spec.as<ConsecutiveOptions>();
    m_options = options;
    m_reset = fromMillis(options.resetTimeoutMs);
    if (m_state == BreakerState::Closed && m_failures >= m_options.failureThreshold)
        open(now);
    else if (m_state == BreakerState::Open && m_options.automaticTransition)
        m_host.armTimer(m_openedAt + m_reset);
    else if (m_state == BreakerState::Open)
        m_host.cancelTimer();
}

BreakerView ConsecutiveBreaker::view(SimTime)
{
    BreakerView v;
    v.state = m_state;
    v.policy = ConsecutiveOptions::pattern().key;
    v.consecutiveFailures = m_failures;
    v.failureThreshold = m_options.failureThreshold;
    v.halfOpenSuccesses = m_successes;
    v.successThreshold = m_options.successThreshold;
    v.halfOpenInFlight = m_trials;
    v.halfOpenPermits = m_options.halfOpenMaxCalls;
    if (m_state == BreakerState::Open) {
        v.openedAt = m_openedAt;
        v.openUntil = m_openedAt + m_reset;
    }
    return v;
}

} // namespace reslab
