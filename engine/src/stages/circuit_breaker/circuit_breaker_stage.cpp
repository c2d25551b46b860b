#include "reslab/stages/circuit_breaker_stage.h"

namespace reslab {

CircuitBreakerStage::CircuitBreakerStage(RunContext &ctx, std::string name, const BreakerSpec &spec,
                                         bool primary)
    : FramedStage(ctx, std::move(name))
    , m_spec(spec)
    , m_primary(primary)
    , m_policy(BreakerPolicy::create(spec, *this))
{}

void CircuitBreakerStage::reconfigure(const StageSpec &spec)
{
    if (spec.as<BreakerSpec>().policy.index() == m_spec.policy.index()) {
        m_spec = spec.as<BreakerSpec>();
        m_policy->reconfigure(m_spec, m_ctx.sim.now());
        return;
    }
    const BreakerState before = m_policy->state();
    m_spec = spec.as<BreakerSpec>();
    cancelTimer();
    m_policy = BreakerPolicy::create(m_spec, *this);
    ++m_policyGeneration;
    if (before != BreakerState::Closed)
        onTransition(before, BreakerState::Closed);
}

std::uint64_t CircuitBreakerStage::start(std::uint32_t slot, Caller *caller, std::uint64_t token)
{
    const SimTime now = m_ctx.sim.now();
    const std::uint64_t handle = open(slot, caller, token);
    const BreakerPolicy::Permit permit = m_policy->tryAcquire(now);
    {
        BreakerCall &f = frame(handle);
        f.started = now;
        f.ticket = permit.ticket;
        f.policyGeneration = m_policyGeneration;
        f.rejected = !permit.allowed;
    }
    if (!permit.allowed) {
        ++m_rejected;
        countRejected();
        ++bucket().rejected;
        publish(slot, {.kind = EventKind::BreakerRejected, .to = m_policy->state()});
        m_ctx.sim.schedule(now, this, kReject, handle);
        return handle;
    }
    callInner(handle);
    return handle;
}

void CircuitBreakerStage::done(std::uint64_t token, Outcome outcome)
{
    BreakerCall *f = m_frames.get(token);
    if (!f)
        return;
    const SimTime now = m_ctx.sim.now();
    if (f->policyGeneration == m_policyGeneration) // the policy may move (and publish) first
        m_policy->onResult(now, f->ticket, m_spec.record.contains(outcome), now - f->started);
    answer(token, outcome);
}

void CircuitBreakerStage::fire(std::uint32_t kind, std::uint64_t arg)
{
    if (kind == kTimer) {
        m_timer = {};
        m_policy->onTimer(m_ctx.sim.now());
        return;
    }
    if (m_frames.get(arg))
        answer(arg, Outcome::CircuitOpen);
}

void CircuitBreakerStage::cancel(std::uint64_t handle)
{
    BreakerCall *f = m_frames.get(handle);
    if (!f)
        return;
    if (!f->rejected) {
        m_inner->cancel(f->inner);
        if (f->policyGeneration == m_policyGeneration)
            m_policy->onCancel(m_ctx.sim.now(), f->ticket);
    }
    drop(handle);
}

void CircuitBreakerStage::onTransition(BreakerState from, BreakerState to)
{
    const SimTime now = m_ctx.sim.now();
    m_timeInState[static_cast<std::size_t>(from)] += now - m_stateSince;
    m_stateSince = now;
    ++m_transitions;
    if (m_primary)
        m_ctx.recorder.breakerTransition(now, to);
    m_ctx.recorder.stageTransition(m_series, now, to);
    if (m_ctx.sink)
        m_ctx.publish({.time = now,
                       .stage = m_name,
                       .kind = EventKind::BreakerTransition,
                       .from = from,
                       .to = to});
}

void CircuitBreakerStage::armTimer(SimTime at)
{
    m_ctx.sim.cancel(m_timer);
    m_timer = m_ctx.sim.schedule(at, this, kTimer, 0);
}

void CircuitBreakerStage::cancelTimer()
{
    m_ctx.sim.cancel(m_timer);
    m_timer = {};
}

std::array<SimTime, 3> CircuitBreakerStage::timeInState() const
{
    std::array<SimTime, 3> t = m_timeInState;
    t[static_cast<std::size_t>(m_policy->state())] += m_ctx.sim.now() - m_stateSince;
    return t;
}

void CircuitBreakerStage::addToSummary(Summary &s) const
{
    s.breakerTransitions += m_transitions;
    s.breakerRejected += m_rejected;
}

} // namespace reslab
