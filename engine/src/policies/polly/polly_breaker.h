#pragma once

// The `polly` policy's state machine and health metrics (engine-private: its registry entry is
// polly_pattern.cpp).

#include "reslab/policies/breaker_policy.h"

#include <deque>

namespace reslab {

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
    PollyBreaker(const PollyOptions &options, BreakerHost &host);
    Permit tryAcquire(SimTime now) override;
    void onResult(SimTime now, std::uint32_t ticket, bool failure, SimTime duration) override;
    void onCancel(SimTime now, std::uint32_t ticket) override;
    void onTimer(SimTime now) override;
    void reconfigure(const BreakerSpec &spec, SimTime now) override;
    BreakerView view(SimTime now) override;

private:
    void open(SimTime now);

    PollyOptions m_options;
    SimTime m_break;
    PollyHealthMetrics m_metrics;
    SimTime m_blockedUntil = -1;
    SimTime m_openedAt = -1;
};

} // namespace reslab
