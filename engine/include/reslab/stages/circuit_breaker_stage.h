#pragma once

#include "reslab/model/scenario.h"
#include "reslab/model/stage.h"
#include "reslab/policies/breaker_policy.h"

#include <memory>

namespace reslab {

/// One call through a circuit breaker stage.
struct BreakerCall : CallFrame
{
    SimTime started = 0;
    std::uint32_t ticket = 0;
    std::uint32_t policyGeneration = 0;
    bool rejected = false;
};

/// The breaker as a pipeline stage: asks its policy for a permit, rejects with `circuit_open`
/// when refused (answered at the same instant, by an event), and reports each call's result
/// (a failure when its outcome is in `record`) and duration back to the policy.
class CircuitBreakerStage final : public FramedStage<BreakerCall>, private BreakerHost
{
public:
    CircuitBreakerStage(RunContext &ctx, std::string name, const BreakerSpec &spec, bool primary);

    std::uint64_t start(std::uint32_t slot, Caller *caller, std::uint64_t token) override;
    void cancel(std::uint64_t handle) override;
    void done(std::uint64_t token, Outcome outcome) override;
    void fire(std::uint32_t kind, std::uint64_t arg) override;
    /// Same policy: the state is kept and the new thresholds apply from the next call. Another
    /// policy: a fresh breaker of that policy (closed).
    void reconfigure(const StageSpec &spec) override;
    void addToSummary(Summary &s) const override;
    /// The primary breaker is the one whose state the time series follow.
    void setPrimary(bool primary) { m_primary = primary; }

    BreakerState state() const { return m_policy->state(); }
    BreakerView view() { return m_policy->view(m_ctx.sim.now()); }
    const BreakerSpec &spec() const { return m_spec; }
    std::uint64_t rejected() const { return m_rejected; }
    std::uint64_t transitions() const { return m_transitions; }
    /// Time spent in each state up to now (µs): closed, open, half-open.
    std::array<SimTime, 3> timeInState() const;

private:
    enum : std::uint32_t
    {
        kReject = 1,
        kTimer = 2
    };
    void onTransition(BreakerState from, BreakerState to) override;
    void armTimer(SimTime at) override;
    void cancelTimer() override;

    BreakerSpec m_spec;
    bool m_primary;
    std::unique_ptr<BreakerPolicy> m_policy;
    std::uint32_t m_policyGeneration = 0; ///< bumped when reconfigure() replaces the policy
    EventId m_timer;
    std::uint64_t m_rejected = 0;
    std::uint64_t m_transitions = 0;
    std::array<SimTime, 3> m_timeInState{};
    SimTime m_stateSince = 0;
};

} // namespace reslab
