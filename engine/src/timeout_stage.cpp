#include "reslab/timeout_stage.h"

namespace reslab {

TimeoutStage::TimeoutStage(RunContext &ctx, std::string name, const TimeoutSpec &spec)
    : Stage(ctx, std::move(name))
    , m_spec(spec)
    , m_timeout(fromMillis(spec.timeoutMs))
{}

std::uint64_t TimeoutStage::start(std::uint32_t slot, Caller *caller, std::uint64_t token)
{
    const auto h = m_frames.alloc();
    const std::uint64_t handle = h.pack();
    m_ctx.requests.retain(slot);
    {
        Frame &f = m_frames[h.index];
        f.caller = caller;
        f.token = token;
        f.slot = slot;
        // The timer first: at equal times it fires before the answer (FIFO), see the class doc.
        f.timer = m_ctx.sim.schedule(m_ctx.sim.now() + m_timeout, this, 0, handle);
    }
    const std::uint64_t inner = m_inner->start(slot, this, handle);
    m_frames[h.index].inner = inner;
    return handle;
}

void TimeoutStage::reconfigure(const StageSpec &spec)
{
    // Calls in flight keep the deadline they started with.
    m_spec = spec.timeout;
    m_timeout = fromMillis(m_spec.timeoutMs);
}

void TimeoutStage::release(std::uint64_t handle, Frame &f)
{
    const std::uint32_t slot = f.slot;
    m_frames.free(static_cast<std::uint32_t>(handle));
    m_ctx.requests.release(slot);
}

void TimeoutStage::done(std::uint64_t token, Outcome outcome)
{
    Frame *f = m_frames.get(token);
    if (!f)
        return;
    if (f->abandoned) { // the late answer of abandoned work: nobody is waiting for it
        release(token, *f);
        return;
    }
    m_ctx.sim.cancel(f->timer);
    Caller *caller = f->caller;
    const std::uint64_t callerToken = f->token;
    release(token, *f);
    caller->done(callerToken, outcome);
}

void TimeoutStage::onEvent(std::uint32_t, std::uint64_t arg)
{
    Frame *f = m_frames.get(arg);
    if (!f || f->abandoned)
        return;
    ++m_timeouts;
    Caller *caller = f->caller;
    const std::uint64_t callerToken = f->token;
    if (m_ctx.sink)
        m_ctx.publish({.time = m_ctx.sim.now(),
                       .request = m_ctx.requests.id(f->slot),
                       .stage = m_name,
                       .kind = EventKind::Timeout,
                       .value = m_timeout});
    if (m_spec.cancelInner) {
        m_inner->cancel(f->inner);
        release(arg, *f);
    } else {
        f->abandoned = true; // keep the record until the inner answer comes back
    }
    caller->done(callerToken, Outcome::Timeout);
}

void TimeoutStage::cancel(std::uint64_t handle)
{
    Frame *f = m_frames.get(handle);
    if (!f)
        return;
    if (!f->abandoned) {
        m_ctx.sim.cancel(f->timer);
        m_inner->cancel(f->inner);
        release(handle, *f);
        return;
    }
    // Already answered `timeout` and left its work running: cancelling now stops that work.
    m_inner->cancel(f->inner);
    release(handle, *f);
}

} // namespace reslab
