#include "stages/bulkhead/bulkhead_stage.h"

#include <cmath>

namespace reslab {
namespace {

/// max_wait_ms in whole milliseconds, truncated: SemaphoreBulkhead waits
/// `tryAcquire(maxWaitDuration.toMillis(), MILLISECONDS)`.
SimTime maxWaitOf(const BulkheadSpec &spec)
{
    return fromMillis(std::floor(spec.maxWaitMs));
}

} // namespace

BulkheadStage::BulkheadStage(RunContext &ctx, std::string name, const BulkheadSpec &spec)
    : FramedStage(ctx, std::move(name))
    , m_spec(spec)
    , m_maxWait(maxWaitOf(spec))
{}

bool BulkheadStage::mayQueue() const
{
    return m_maxWait > 0 && (!m_spec.queueLimit || m_waiters < *m_spec.queueLimit);
}

std::uint64_t BulkheadStage::start(std::uint32_t slot, Caller *caller, std::uint64_t token)
{
    const std::uint64_t handle = open(slot, caller, token);
    const SimTime now = m_ctx.sim.now();
    // A live waiting call means every permit is taken (waiting calls are admitted as soon as one
    // frees), so a free permit here never jumps the queue.
    if (m_inside < m_spec.maxConcurrentCalls) {
        enter(handle);
        return handle;
    }
    if (mayQueue()) {
        ++m_waited;
        ++bucket().waited;
        ++m_waiters;
        BulkheadCall &f = frame(handle);
        f.waiting = true;
        f.timer = m_ctx.sim.schedule(now + m_maxWait, this, kWaitEnd, handle);
        m_waiting.push_back(handle);
        return handle;
    }
    // Full, and no wait allowed: `rejected` at this instant, by an event (never from start()).
    countRejection(slot, m_maxWait > 0 ? "queue_full" : "full");
    BulkheadCall &f = frame(handle);
    f.rejected = true;
    f.timer = m_ctx.sim.schedule(now, this, kReject, handle);
    return handle;
}

void BulkheadStage::countRejection(std::uint32_t slot, std::string_view reason)
{
    ++m_rejected;
    countRejected();
    ++bucket().rejected;
    publish(slot, {.kind = EventKind::BulkheadRejected, .text = reason});
}

void BulkheadStage::enter(std::uint64_t handle)
{
    ++m_inside;
    ++m_admitted;
    frame(handle).inside = true;
    callInner(handle);
}

void BulkheadStage::admitWaiting()
{
    while (m_inside < m_spec.maxConcurrentCalls && !m_waiting.empty()) {
        const std::uint64_t handle = m_waiting.front();
        m_waiting.pop_front();
        BulkheadCall *f = m_frames.get(handle);
        if (!f || !f->waiting)
            continue; // its wait ended, or it was cancelled
        f->waiting = false;
        --m_waiters;
        m_ctx.sim.cancel(f->timer);
        enter(handle);
    }
}

void BulkheadStage::dropStaleWaiters()
{
    // Waits of equal length end in the order they began, so the entry of a wait that just ended
    // is usually at the front: dropping it now keeps the queue as short as the live waiters
    // (without it, a bulkhead whose permits stay taken would queue one entry per call).
    while (!m_waiting.empty()) {
        const BulkheadCall *f = m_frames.get(m_waiting.front());
        if (f && f->waiting)
            return;
        m_waiting.pop_front();
    }
}

void BulkheadStage::done(std::uint64_t token, Outcome outcome)
{
    BulkheadCall *f = m_frames.get(token);
    if (!f || !f->inside)
        return;
    f->inside = false;
    --m_inside;
    admitWaiting(); // the freed permit goes to the oldest waiting call first (fair semaphore)
    answer(token, outcome);
}

void BulkheadStage::fire(std::uint32_t kind, std::uint64_t arg)
{
    BulkheadCall *f = m_frames.get(arg);
    if (!f)
        return;
    if (kind == kWaitEnd) {
        if (!f->waiting)
            return;
        f->waiting = false;
        --m_waiters;
        countRejection(f->slot, "wait_expired");
        dropStaleWaiters();
    } else if (!f->rejected) {
        return;
    }
    answer(arg, Outcome::Rejected);
}

void BulkheadStage::cancel(std::uint64_t handle)
{
    BulkheadCall *f = m_frames.get(handle);
    if (!f)
        return;
    if (f->inside) {
        m_inner->cancel(f->inner);
        --m_inside;
        drop(handle);
        admitWaiting(); // its permit goes to the oldest waiting call
        return;
    }
    const bool waiting = f->waiting;
    if (waiting)
        --m_waiters; // its place in the queue frees at once
    m_ctx.sim.cancel(f->timer);
    drop(handle);
    if (waiting)
        dropStaleWaiters();
}

void BulkheadStage::reconfigure(const StageSpec &spec)
{
    // Calls inside keep their permits and waiting calls their deadlines; a higher limit admits
    // waiting calls at once, a lower one lets the calls inside finish.
    m_spec = spec.as<BulkheadSpec>();
    m_maxWait = maxWaitOf(m_spec);
    admitWaiting();
}

void BulkheadStage::addToSummary(Summary &s) const
{
    s.hasBulkhead = true;
    s.bulkheadRejected += m_rejected;
    s.bulkheadWaited += m_waited;
}

} // namespace reslab
