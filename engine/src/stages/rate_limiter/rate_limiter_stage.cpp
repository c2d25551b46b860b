#include "stages/rate_limiter/rate_limiter_stage.h"

#include <algorithm>
#include <cmath>

namespace reslab {
namespace {

/// resilience4j's divCeil: (x + y - 1) / y, truncating as Java's integer division does.
std::int64_t divCeil(std::int64_t x, std::int64_t y)
{
    return (x + y - 1) / y;
}

} // namespace

RateLimiterState::RateLimiterState(const RateLimiterSpec &spec, SimTime now)
    : m_spec(spec)
{
    take(spec);
    // A new limiter starts with a full cycle, or a full bucket.
    m_cycle = now / m_period;
    m_permissions = spec.limitForPeriod;
    m_microTokens = static_cast<double>(spec.burst) * 1e6;
    m_updated = now;
}

void RateLimiterState::take(const RateLimiterSpec &spec)
{
    m_spec = spec;
    m_timeout = fromMillis(spec.timeoutMs);
    m_period = std::max<SimTime>(1, fromMillis(spec.limitRefreshPeriodMs));
}

void RateLimiterState::reconfigure(const RateLimiterSpec &spec, SimTime now)
{
    if (spec.algorithm != m_spec.algorithm) {
        *this = RateLimiterState(spec, now);
        return;
    }
    if (spec.algorithm == RateLimiterSpec::Algorithm::FixedWindow) {
        // Bring the permits up to now under the old cycle, then keep them: a new period starts
        // counting cycles at the current one (no refresh is credited for the switch itself), a
        // new limit applies from the next refresh (as AtomicRateLimiter.changeLimitForPeriod).
        fixedWindowRefresh(now);
        take(spec);
        m_cycle = now / m_period;
        return;
    }
    tokenBucketRefill(now);
    take(spec);
    m_microTokens = std::min(m_microTokens, static_cast<double>(spec.burst) * 1e6);
}

void RateLimiterState::fixedWindowRefresh(SimTime now)
{
    // AtomicRateLimiter.calculateNextState: min(permissions + elapsedCycles x limit, limit),
    // without the overflow of the product for very many elapsed cycles.
    const std::int64_t cycle = now / m_period;
    if (cycle == m_cycle)
        return;
    const std::int64_t limit = m_spec.limitForPeriod;
    const std::int64_t elapsed = cycle - m_cycle;
    const std::int64_t missing = limit - m_permissions; // >= 0
    m_permissions = elapsed >= divCeil(missing, limit) ? limit : m_permissions + elapsed * limit;
    m_cycle = cycle;
}

void RateLimiterState::tokenBucketRefill(SimTime now)
{
    const double burst = static_cast<double>(m_spec.burst) * 1e6;
    // Tokens per second are millionths of a token per µs.
    m_microTokens =
        std::min(burst, m_microTokens + static_cast<double>(now - m_updated) * m_spec.tokensPerS);
    m_updated = now;
}

SimTime RateLimiterState::fixedWindow(SimTime now)
{
    fixedWindowRefresh(now);
    SimTime wait = 0;
    if (m_permissions < 1) {
        // AtomicRateLimiter.nanosToWaitForPermission, for one permit.
        const std::int64_t limit = m_spec.limitForPeriod;
        const SimTime toNextCycle = (m_cycle + 1) * m_period - now;
        const std::int64_t atNextCycle = m_permissions + limit;
        const std::int64_t fullCycles = divCeil(-(atNextCycle - 1), limit);
        wait = fullCycles * m_period + toNextCycle;
    }
    // AtomicRateLimiter.reservePermissions: a permit is taken only when it comes in time.
    if (wait > m_timeout)
        return kRefused;
    --m_permissions;
    return wait;
}

SimTime RateLimiterState::tokenBucket(SimTime now)
{
    tokenBucketRefill(now);
    SimTime wait = 0;
    if (m_microTokens < 1e6) {
        // Until the deficit is refilled, rounded up to the µs (compared as a double first: a
        // tiny rate's wait may not fit in SimTime).
        const double us = std::ceil((1e6 - m_microTokens) / m_spec.tokensPerS);
        if (us > static_cast<double>(m_timeout))
            return kRefused;
        wait = static_cast<SimTime>(us);
    }
    m_microTokens -= 1e6;
    return wait;
}

SimTime RateLimiterState::acquire(SimTime now)
{
    return m_spec.algorithm == RateLimiterSpec::Algorithm::FixedWindow ? fixedWindow(now)
                                                                       : tokenBucket(now);
}

RateLimiterStage::RateLimiterStage(RunContext &ctx, std::string name, const RateLimiterSpec &spec)
    : FramedStage(ctx, std::move(name))
    , m_spec(spec)
    , m_state(spec, ctx.sim.now())
{}

std::uint64_t RateLimiterStage::start(std::uint32_t slot, Caller *caller, std::uint64_t token)
{
    const std::uint64_t handle = open(slot, caller, token);
    const SimTime now = m_ctx.sim.now();
    const SimTime wait = m_state.acquire(now);
    if (wait == 0) {
        ++m_immediate;
        frame(handle).inside = true;
        callInner(handle);
        return handle;
    }
    if (wait == RateLimiterState::kRefused) {
        ++m_rejected;
        countRejected();
        ++bucket().rejected;
        publish(slot, {.kind = EventKind::RateLimited, .text = "rejected"});
        RateLimiterCall &f = frame(handle);
        f.rejected = true;
        f.timer = m_ctx.sim.schedule(now, this, kReject, handle);
        return handle;
    }
    ++m_waited;
    ++bucket().waited;
    publish(slot, {.kind = EventKind::RateLimited, .value = wait});
    RateLimiterCall &f = frame(handle);
    f.waiting = true;
    f.timer = m_ctx.sim.schedule(now + wait, this, kGo, handle);
    return handle;
}

void RateLimiterStage::fire(std::uint32_t kind, std::uint64_t arg)
{
    RateLimiterCall *f = m_frames.get(arg);
    if (!f)
        return;
    if (kind == kGo) {
        if (!f->waiting)
            return;
        f->waiting = false;
        f->inside = true;
        callInner(arg);
        return;
    }
    if (f->rejected)
        answer(arg, Outcome::Rejected);
}

void RateLimiterStage::done(std::uint64_t token, Outcome outcome)
{
    RateLimiterCall *f = m_frames.get(token);
    if (!f || !f->inside)
        return;
    answer(token, outcome);
}

void RateLimiterStage::cancel(std::uint64_t handle)
{
    RateLimiterCall *f = m_frames.get(handle);
    if (!f)
        return;
    if (f->inside)
        m_inner->cancel(f->inner);
    else
        m_ctx.sim.cancel(f->timer); // a reserved permit is not given back (as resilience4j)
    drop(handle);
}

void RateLimiterStage::reconfigure(const StageSpec &spec)
{
    // Waiting calls keep the start they reserved.
    m_spec = spec.as<RateLimiterSpec>();
    m_state.reconfigure(m_spec, m_ctx.sim.now());
}

void RateLimiterStage::addToSummary(Summary &s) const
{
    s.hasRateLimiter = true;
    s.rateLimiterRejected += m_rejected;
    s.rateLimiterWaited += m_waited;
}

} // namespace reslab
