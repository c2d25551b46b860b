#pragma once

// The `resilience4j` policy's state machine and sliding window (engine-private: its registry
// entry is resilience4j_pattern.cpp).

#include "reslab/policies/breaker_policy.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace reslab {

/// resilience4j's sliding window metrics (count ring, or epoch-second buckets) and threshold check.
class Resilience4jWindow
{
public:
    Resilience4jWindow(Resilience4jOptions::WindowType type, int size, int minimumCalls);
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

    Resilience4jOptions::WindowType m_type;
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
    Resilience4jBreaker(const Resilience4jOptions &options, BreakerHost &host);
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

    Resilience4jOptions m_options;
    SimTime m_wait;
    SimTime m_maxHalfOpen;
    SimTime m_slow;
    Resilience4jWindow m_window;
    int m_permits = 0;
    SimTime m_openedAt = -1;
    SimTime m_retryAfter = -1;
};

} // namespace reslab
