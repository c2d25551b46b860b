#pragma once

#include "reslab/kernel/time.h"
#include "reslab/metrics/event_log.h"
#include "reslab/model/scenario.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <vector>

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
    BreakerSpec::Policy policy = BreakerSpec::Policy::Consecutive;
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
/// One class per policy; each follows its library's rules exactly (docs/semantics.md).
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
    /// New parameters of the same policy, keeping the state (hot-apply).
    virtual void reconfigure(const BreakerSpec &spec, SimTime now) = 0;

    BreakerState state() const { return m_state; }
    virtual BreakerView view(SimTime now) = 0;

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

/// `policy: "consecutive"`: the seed's breaker, fixed (DESIGN.md).
class ConsecutiveBreaker final : public BreakerPolicy
{
public:
    ConsecutiveBreaker(const BreakerSpec &spec, BreakerHost &host);
    Permit tryAcquire(SimTime now) override;
    void onResult(SimTime now, std::uint32_t ticket, bool failure, SimTime duration) override;
    void onCancel(SimTime now, std::uint32_t ticket) override;
    void onTimer(SimTime now) override;
    void reconfigure(const BreakerSpec &spec, SimTime now) override;
    BreakerView view(SimTime now) override;

private:
    void open(SimTime now);
    void halfOpen();
    void close();

    BreakerSpec m_spec;
    SimTime m_reset;
    std::uint32_t m_epoch = 0; ///< bumped on every transition: results count in their own state
    int m_failures = 0;
    int m_successes = 0;
    int m_trials = 0;
    SimTime m_openedAt = -1;
};

/// resilience4j's sliding window metrics (count ring, or epoch-second buckets) and threshold check.
class Resilience4jWindow
{
public:
    Resilience4jWindow(BreakerSpec::WindowType type, int size, int minimumCalls);
    enum class Result
    {
        BelowMinimumCalls,
        BelowThresholds,
        Exceeded
    };
    void record(SimTime now, bool failure, bool slow);
    Result check(SimTime now, float failureThreshold, float slowThreshold);
    int buffered(SimTime now);
    /// Percent, or -1 below the minimum number of calls.
    float failureRate(SimTime now);
    float slowCallRate(SimTime now);
    int size() const { return m_size; }
    int minimumCalls() const { return m_minCalls; }

private:
    struct Agg
    {
        int calls = 0, failed = 0, slow = 0;
        std::int64_t second = 0;
    };
    void moveTo(SimTime now);

    BreakerSpec::WindowType m_type;
    int m_size;
    int m_minCalls;
    std::vector<Agg> m_buckets; ///< count: one call each (ring); time: one per epoch second
    std::size_t m_head = 0;
    int m_filled = 0;
    Agg m_total;
};

/// `policy: "resilience4j"`: CircuitBreakerStateMachine's CLOSED / OPEN / HALF_OPEN.
class Resilience4jBreaker final : public BreakerPolicy
{
public:
    Resilience4jBreaker(const BreakerSpec &spec, BreakerHost &host);
    Permit tryAcquire(SimTime now) override;
    void onResult(SimTime now, std::uint32_t ticket, bool failure, SimTime duration) override;
    void onCancel(SimTime now, std::uint32_t ticket) override;
    void onTimer(SimTime now) override;
    void reconfigure(const BreakerSpec &spec, SimTime now) override;
    BreakerView view(SimTime now) override;

private:
    void toOpen(SimTime now);
    void toHalfOpen(SimTime now);
    void toClosed();
    Resilience4jWindow closedWindow() const;

    BreakerSpec m_spec;
    SimTime m_wait;
    SimTime m_maxHalfOpen;
    SimTime m_slow;
    Resilience4jWindow m_window;
    int m_permits = 0;
    SimTime m_openedAt = -1;
    SimTime m_retryAfter = -1;
};

/// Polly v8's rolling health metrics: ten windows of sampling_duration/10 (one window below
/// 200 ms), opened lazily at the first event past the previous one.
class PollyHealthMetrics
{
public:
    explicit PollyHealthMetrics(SimTime samplingDuration);
    void increment(SimTime now, bool failure);
    void reset();
    int throughput(SimTime now);
    double failureRate(SimTime now); ///< failures / throughput, 0 when empty
    int failures(SimTime now);

private:
    struct Window
    {
        SimTime start = 0;
        int successes = 0, failures = 0;
    };
    Window &update(SimTime now);

    SimTime m_sampling;
    SimTime m_windowLength;
    bool m_single;
    std::deque<Window> m_windows; ///< oldest first
    int m_successes = 0, m_failures = 0;
};

/// `policy: "polly"`: Polly v8's CircuitStateController with AdvancedCircuitBehavior.
class PollyBreaker final : public BreakerPolicy
{
public:
    PollyBreaker(const BreakerSpec &spec, BreakerHost &host);
    Permit tryAcquire(SimTime now) override;
    void onResult(SimTime now, std::uint32_t ticket, bool failure, SimTime duration) override;
    void onCancel(SimTime now, std::uint32_t ticket) override;
    void onTimer(SimTime now) override;
    void reconfigure(const BreakerSpec &spec, SimTime now) override;
    BreakerView view(SimTime now) override;

private:
    void open(SimTime now);

    BreakerSpec m_spec;
    SimTime m_break;
    PollyHealthMetrics m_metrics;
    SimTime m_blockedUntil = -1;
    SimTime m_openedAt = -1;
};

} // namespace reslab
