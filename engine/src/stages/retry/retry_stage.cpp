#include "stages/retry/retry_stage.h"

namespace reslab {

RetryStage::RetryStage(RunContext &ctx, std::string name, const RetrySpec &spec)
    : FramedStage(ctx, std::move(name))
    , m_spec(spec)
    , m_rng(ctx.seed, streamId("retry:" + m_name))
{
    if (spec.budget)
        m_budget.emplace(*spec.budget);
}

void RetryStage::reconfigure(const StageSpec &spec)
{
    const bool budgetChanged = spec.as<RetrySpec>().budget != m_spec.budget;
    m_spec = spec.as<RetrySpec>();
    if (budgetChanged) {
        m_budget.reset();
        if (m_spec.budget)
            m_budget.emplace(*m_spec.budget);
    }
}

std::uint64_t RetryStage::start(std::uint32_t slot, Caller *caller, std::uint64_t token)
{
    const std::uint64_t handle = open(slot, caller, token);
    if (m_budget)
        m_budget->deposit(m_ctx.sim.now());
    callInner(handle);
    return handle;
}

void RetryStage::done(std::uint64_t token, Outcome outcome)
{
    RetryCall *f = m_frames.get(token);
    if (!f)
        return;
    const SimTime now = m_ctx.sim.now();
    if (!m_spec.retryOn.contains(outcome) || f->retriesDone >= m_spec.maxRetries) {
        answer(token, outcome);
        return;
    }
    if (m_budget && !m_budget->tryWithdraw(now)) {
        ++m_budgetDenied;
        publish(f->slot, {.attempt = static_cast<std::uint32_t>(f->retriesDone + 1),
                          .kind = EventKind::RetryDenied,
                          .outcome = outcome});
        answer(token, outcome);
        return;
    }
    const int k = f->retriesDone;
    const double u = m_rng.uniform(m_ctx.requests.id(f->slot), static_cast<std::uint64_t>(k), 0);
    const SimTime delay = retryDelay(m_spec, k, f->backoff, u);
    f->waiting = true;
    f->timer = m_ctx.sim.schedule(now + delay, this, 0, token);
    publish(f->slot, {.attempt = static_cast<std::uint32_t>(k + 1),
                      .kind = EventKind::RetryScheduled,
                      .value = delay});
}

void RetryStage::fire(std::uint32_t, std::uint64_t arg)
{
    RetryCall *f = m_frames.get(arg);
    if (!f || !f->waiting)
        return;
    f->waiting = false;
    ++f->retriesDone;
    ++m_retries;
    countRetry();
    ++bucket().retries;
    callInner(arg);
}

void RetryStage::cancel(std::uint64_t handle)
{
    RetryCall *f = m_frames.get(handle);
    if (!f)
        return;
    if (f->waiting)
        m_ctx.sim.cancel(f->timer);
    else
        m_inner->cancel(f->inner);
    drop(handle);
}

void RetryStage::addToSummary(Summary &s) const
{
    s.retryBudgetDenied += m_budgetDenied;
}

} // namespace reslab
