#pragma once

#include "reslab/kernel/ring_queue.h"
#include "reslab/model/scenario.h"
#include "reslab/model/stage.h"

namespace reslab {

/// One call through a timeout stage.
struct TimeoutCall : CallFrame
{
    bool abandoned = false; ///< the caller was answered `timeout`; the inner work goes on
    bool timedOut = false;
};

/// Bounds the time of everything inside it. When it fires, the caller gets `timeout` at once; the
/// inner work goes on (and keeps its service busy) unless `cancel_inner` is set. An answer that
/// arrives at the very instant the timer fires is too late: the timer was scheduled first.
///
/// Deadlines are kept in a queue ordered by (deadline, sequence) with a single simulator event
/// armed for the earliest one. Each call reserves its sequence number when it starts, so the
/// order of events is exactly that of one timer per call, without filling the event heap with
/// timers that are almost always cancelled.
class TimeoutStage final : public FramedStage<TimeoutCall>
{
public:
    TimeoutStage(RunContext &ctx, std::string name, const TimeoutSpec &spec);

    std::uint64_t start(std::uint32_t slot, Caller *caller, std::uint64_t token) override;
    void cancel(std::uint64_t handle) override;
    void done(std::uint64_t token, Outcome outcome) override;
    void fire(std::uint32_t kind, std::uint64_t arg) override;
    void reconfigure(const StageSpec &spec) override;

    std::uint64_t timeouts() const { return m_timeouts; }

private:
    struct Deadline
    {
        SimTime at;
        std::uint64_t sequence;
        std::uint64_t handle;
    };
    /// Frees a call's record, and the request slot it holds once abandoned.
    void release(std::uint64_t handle, TimeoutCall &f);
    /// Drops finished calls from the head of the queue and arms the timer for the first live one.
    void armNext();
    void expire(std::uint64_t handle);

    TimeoutSpec m_spec;
    SimTime m_timeout;
    RingQueue<Deadline> m_deadlines;
    EventId m_timer;
    std::uint64_t m_armedHandle = 0;
    bool m_armed = false;
    std::uint64_t m_timeouts = 0;
};

} // namespace reslab
