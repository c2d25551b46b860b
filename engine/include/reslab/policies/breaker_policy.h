#pragma once

#include "reslab/kernel/time.h"
#include "reslab/metrics/event_log.h"
#include "reslab/model/scenario.h"

#include <cstdint>
#include <memory>
#include <string_view>

namespace reslab {

/// What a breaker policy needs from its stage: transitions to report and one timer.
class BreakerHost
{
public:
    virtual void onTransition(BreakerState from, BreakerState to) = 0;
    /// (Re)arms the policy's single timer at `at`; onTimer() follows unless it is re-armed or
    /// cancelled first.
    virtual void armTimer(SimTime at) = 0;
    virtual void cancelTimer() = 0;

protected:
    ~BreakerHost() = default;
};

/// What the breaker diagram shows: live counters of the policy, as the engine computed them.
struct BreakerView
{
    BreakerState state = BreakerState::Closed;
    std::string_view policy; ///< the policy's `policy` key: "consecutive", "resilience4j", ...
    // consecutive
    int consecutiveFailures = 0;
    int failureThreshold = 0;
    int halfOpenSuccesses = 0;
    int successThreshold = 0;
    // rates (resilience4j: percent; polly: ratio x 100); -1 = not enough calls yet
    double failureRate = -1;
    double slowCallRate = -1;
    double failureRateThreshold = 0;
    double slowCallRateThreshold = 0;
    int bufferedCalls = 0; ///< calls in the current window
    int windowSize = 0;    ///< count windows: calls; time windows: seconds
    int minimumCalls = 0;  ///< below this: "not enough calls"
    // half-open
    int halfOpenInFlight = 0;
    int halfOpenPermits = 0; ///< at most at a time (consecutive, polly) or in all (resilience4j)
    // open
    SimTime openedAt = -1;
    SimTime openUntil = -1; ///< when it may become half-open
};

/// A breaker's state machine: admits calls, records their results, moves between states.
/// One class per policy, in its folder under engine/src/policies/; each follows its library's
/// rules exactly (docs/semantics.md).
class BreakerPolicy
{
public:
    virtual ~BreakerPolicy() = default;

    struct Permit
    {
        bool allowed = false;
        std::uint32_t ticket = 0; ///< policy data handed back with the result
    };
    virtual Permit tryAcquire(SimTime now) = 0;
    /// A call admitted with `ticket` ended; `failure` per the `record` set; `duration` since
    /// it was admitted.
    virtual void onResult(SimTime now, std::uint32_t ticket, bool failure, SimTime duration) = 0;
    /// A call admitted with `ticket` was cancelled from outside (cancel_inner).
    virtual void onCancel(SimTime now, std::uint32_t ticket) = 0;
    virtual void onTimer(SimTime now) = 0;
    /// New parameters of the same policy (`spec.policy` holds the same alternative), keeping the
    /// state (hot-apply).
    virtual void reconfigure(const BreakerSpec &spec, SimTime now) = 0;

    BreakerState state() const { return m_state; }
    virtual BreakerView view(SimTime now) = 0;

    /// The state machine of `spec`'s policy, through the policy registry.
    static std::unique_ptr<BreakerPolicy> create(const BreakerSpec &spec, BreakerHost &host);

protected:
    explicit BreakerPolicy(BreakerHost &host)
        : m_host(host)
    {}
    void moveTo(BreakerState to)
    {
        const BreakerState from = m_state;
        m_state = to;
        if (from != to)
            m_host.onTransition(from, to);
    }

    BreakerHost &m_host;
    BreakerState m_state = BreakerState::Closed;
};

} // namespace reslab
