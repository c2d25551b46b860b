#include "stages/timeout/timeout_stage.h"

namespace reslab {

TimeoutStage::TimeoutStage(RunContext &ctx, std::string name, const TimeoutSpec &spec)
    : FramedStage(ctx, std::move(name))
    , m_spec(spec)
    , m_timeout(fromMillis(spec.timeoutMs))
{}

std::uint64_t TimeoutStage::start(std::uint32_t slot, Caller *caller, std::uint64_t token)
{
    const std::uint64_t handle = open(slot, caller, token);
    // The timer's place among same-time events is taken now, before the inner call schedules
    // anything: at equal times it fires before the answer (FIFO), see the class doc.
    const SimTime at = m_ctx.sim.now() + m_timeout;
    const std::uint64_t sequence = m_ctx.sim.reserveSequence();
    if (m_deadlines.empty() || m_deadlines.back().at <= at) {
        Deadline &d = m_deadlines.emplace_back(); // filled in place: no struct copy
        d.at = at;
        d.sequence = sequence;
        d.handle = handle;
    } else {
        // Only after a reconfigure shortened the timeout: keep the queue ordered.
        std::size_t pos = m_deadlines.size();
        while (pos > 0 && m_deadlines[pos - 1].at > at)
            --pos;
        m_deadlines.insert(pos, Deadline{at, sequence, handle});
        if (m_armed && pos == 0) {
            m_ctx.sim.cancel(m_timer);
            m_armed = false;
        }
    }
    if (!m_armed)
        armNext();
    callInner(handle);
    return handle;
}

void TimeoutStage::armNext()
{
    // A finished call leaves its deadline behind (nothing is searched on the hot path); it is
    // dropped here when it reaches the head. With answers much faster than the timeout, the
    // timer fires about once per timeout period and clears everything that finished meanwhile.
    while (!m_deadlines.empty()) {
        const Deadline &head = m_deadlines.front();
        const TimeoutCall *f = m_frames.get(head.handle);
        if (f && !f->abandoned && !f->timedOut)
            break;
        m_deadlines.pop_front();
    }
    if (m_deadlines.empty()) {
        m_armed = false;
        return;
    }
    const Deadline &head = m_deadlines.front();
    m_timer = m_ctx.sim.scheduleReserved(head.at, head.sequence, this, 0, head.handle);
    m_armedHandle = head.handle;
    m_armed = true;
}

void TimeoutStage::reconfigure(const StageSpec &spec)
{
    // Calls in flight keep the deadline they started with.
    m_spec = spec.as<TimeoutSpec>();
    m_timeout = fromMillis(m_spec.timeoutMs);
}

void TimeoutStage::release(std::uint64_t handle, TimeoutCall &f)
{
    const std::uint32_t slot = f.slot;
    const bool retained = f.abandoned;
    drop(handle);
    if (retained)
        m_ctx.requests.release(slot);
}

void TimeoutStage::done(std::uint64_t token, Outcome outcome)
{
    TimeoutCall *f = m_frames.get(token);
    if (!f)
        return;
    if (f->abandoned) { // the late answer of abandoned work: nobody is waiting for it
        release(token, *f);
        return;
    }
    answer(token, outcome); // its deadline is dropped lazily (armNext)
}

void TimeoutStage::fire(std::uint32_t, std::uint64_t arg)
{
    m_armed = false;
    // The head is this event's call; pop it and arm the next live deadline before anything
    // else happens (the caller may start new calls from done()).
    if (!m_deadlines.empty() && m_deadlines.front().handle == arg)
        m_deadlines.pop_front();
    TimeoutCall *f = m_frames.get(arg);
    const bool live = f && !f->abandoned;
    if (live)
        f->timedOut = true;
    armNext();
    if (live)
        expire(arg);
}

void TimeoutStage::expire(std::uint64_t handle)
{
    TimeoutCall *f = m_frames.get(handle);
    ++m_timeouts;
    ++bucket().timeouts;
    Caller *caller = f->caller;
    const std::uint64_t callerToken = f->token;
    publish(f->slot, {.kind = EventKind::Timeout, .value = m_timeout});
    if (m_spec.cancelInner) {
        m_inner->cancel(f->inner);
        release(handle, *f);
    } else {
        // Keep the record until the inner answer comes back, and the request's slot with it:
        // the caller is answered now and the request may end before the inner work does.
        f->abandoned = true;
        m_ctx.requests.retain(f->slot);
    }
    caller->done(callerToken, Outcome::Timeout);
}

void TimeoutStage::cancel(std::uint64_t handle)
{
    TimeoutCall *f = m_frames.get(handle);
    if (!f)
        return;
    // Answered or not, cancelling stops the inner work; a pending deadline is dropped lazily.
    m_inner->cancel(f->inner);
    release(handle, *f);
}

} // namespace reslab
