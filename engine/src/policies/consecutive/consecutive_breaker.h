#pragma once

// The `consecutive` policy's state machine (engine-private: its registry entry is
// consecutive_pattern.cpp).

#include "reslab/policies/breaker_policy.h"

namespace reslab {

/// `policy: "consecutive"`: the design notes' breaker, fixed (docs/semantics.md).
class ConsecutiveBreaker final : public BreakerPolicy
{
public:
    ConsecutiveBreaker(const ConsecutiveOptions &options, BreakerHost &host);
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

    ConsecutiveOptions m_options;
    SimTime m_reset;
    std::uint32_t m_epoch = 0; ///< bumped on every transition: results count in their own state
    int m_failures = 0;
    int m_successes = 0;
    int m_trials = 0;
    SimTime m_openedAt = -1;
};

} // namespace reslab
