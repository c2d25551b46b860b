#pragma once

#include "reslab/kernel/ring_queue.h"
#include "reslab/model/scenario.h"
#include "reslab/model/stage.h"

namespace reslab {

/// One call through a bulkhead stage.
struct BulkheadCall : CallFrame
{
    bool waiting = false;  ///< queued for a permit (`timer`: the end of its wait)
    bool inside = false;   ///< holds a permit: its inner call runs
    bool rejected = false; ///< refused; the answer is an event at this instant (`timer`)
    EventId timer;
};

/// resilience4j's SemaphoreBulkhead (a fair semaphore of max_concurrent_calls permits): at most
/// max_concurrent_calls calls run inside at a time. A call that finds every permit taken waits,
/// first come first served, up to max_wait_ms (and only while fewer than queue_limit calls wait),
/// then is answered `rejected`. A freed permit goes to the oldest waiting call before the caller
/// whose call ended is answered, so that caller cannot jump the queue with a new call.
class BulkheadStage final : public FramedStage<BulkheadCall>
{
public:
    BulkheadStage(RunContext &ctx, std::string name, const BulkheadSpec &spec);

    std::uint64_t start(std::uint32_t slot, Caller *caller, std::uint64_t token) override;
    void cancel(std::uint64_t handle) override;
    void done(std::uint64_t token, Outcome outcome) override;
    void fire(std::uint32_t kind, std::uint64_t arg) override;
    void reconfigure(const StageSpec &spec) override;
    void addToSummary(Summary &s) const override;

    /// Calls that got a permit (at once or after waiting).
    std::uint64_t admitted() const { return m_admitted; }
    /// Calls that had to wait for a permit (admitted later, rejected or cancelled meanwhile).
    std::uint64_t waited() const { return m_waited; }
    /// Calls answered `rejected`.
    std::uint64_t rejected() const { return m_rejected; }
    /// Calls holding a permit now.
    int inside() const { return m_inside; }
    /// Calls waiting for a permit now.
    std::int64_t waiting() const { return m_waiters; }
    /// Entries in the waiting queue, live or not yet dropped.
    std::size_t queueEntries() const { return m_waiting.size(); }

private:
    enum : std::uint32_t
    {
        kReject = 1,
        kWaitEnd = 2
    };
    bool mayQueue() const;
    void enter(std::uint64_t handle);
    /// Gives free permits to the oldest waiting calls.
    void admitWaiting();
    /// Pops the entries of calls no longer waiting from the front of the queue.
    void dropStaleWaiters();
    /// Counts and publishes a rejection of the call in `slot` (`reason`: the event's detail).
    void countRejection(std::uint32_t slot, std::string_view reason);

    BulkheadSpec m_spec;
    SimTime m_maxWait;
    int m_inside = 0;
    std::int64_t m_waiters = 0;         ///< live waiting calls (the queue may hold stale ones)
    RingQueue<std::uint64_t> m_waiting; ///< handles, oldest first; stale ones are skipped
    std::uint64_t m_admitted = 0;
    std::uint64_t m_waited = 0;
    std::uint64_t m_rejected = 0;
};

} // namespace reslab
