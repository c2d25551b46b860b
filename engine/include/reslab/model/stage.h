#pragma once

#include "reslab/kernel/random.h"
#include "reslab/kernel/simulator.h"
#include "reslab/metrics/event_log.h"
#include "reslab/metrics/run_recorder.h"
#include "reslab/model/outcome.h"
#include "reslab/model/scenario.h"

#include <cstdint>
#include <new>
#include <string>
#include <type_traits>
#include <vector>

namespace reslab {

/// Requests in flight, by slot. A slot lives while the request or any work it started (abandoned
/// attempts, say) is alive. References are held by the request itself (until its end) and by
/// the frames that outlive their caller's: a TimeoutStage call abandoned without cancel_inner,
/// which retains the slot when it answers its caller early. Every other frame (breaker, retry,
/// fallback, service attempt, a timeout call not yet expired) lives inside its caller's call (a
/// caller waits for the answer or cancels the call) and reads the request only then, so it takes
/// no reference of its own; a stage that answers before its inner call ends without cancelling
/// it must retain the slot at that moment.
class RequestTable
{
public:
    explicit RequestTable(std::size_t serviceCount)
        : m_serviceCount(serviceCount)
    {}

    std::uint32_t open(std::uint64_t id, SimTime arrival, std::uint32_t client);
    void retain(std::uint32_t slot) { ++m_entries[slot].refs; }
    void release(std::uint32_t slot)
    {
        if (--m_entries[slot].refs == 0)
            m_free.push_back(slot);
    }

    std::uint64_t id(std::uint32_t slot) const { return m_entries[slot].id; }
    SimTime arrival(std::uint32_t slot) const { return m_entries[slot].arrival; }
    std::uint32_t client(std::uint32_t slot) const { return m_entries[slot].client; }
    /// Next attempt number (1-based) of this request at service `service`.
    std::uint32_t nextAttempt(std::uint32_t slot, std::size_t service)
    {
        return ++m_attempts[slot * m_serviceCount + service];
    }
    std::size_t live() const { return m_entries.size() - m_free.size(); }

private:
    struct Entry
    {
        std::uint64_t id = 0;
        SimTime arrival = 0;
        std::uint32_t client = 0;
        std::uint32_t refs = 0;
    };
    std::size_t m_serviceCount;
    std::vector<Entry> m_entries;
    std::vector<std::uint32_t> m_attempts;
    std::vector<std::uint32_t> m_free;
};

/// What every stage and service of one run shares.
struct RunContext
{
    Simulator &sim;
    RunRecorder &recorder;
    RequestTable &requests;
    std::uint64_t seed = 0;
    EventSink *sink = nullptr;

    void publish(const EventRecord &e) const
    {
        if (sink)
            sink->onEvent(e);
    }
};

/// Receives the outcome of a call it started. A callee never answers from inside start(): the
/// answer always comes later (at the same virtual time at the earliest), so stages never re-enter.
class Caller
{
public:
    virtual void done(std::uint64_t token, Outcome outcome) = 0;

protected:
    ~Caller() = default;
};

/// Something a stage can call: the next stage, or a service.
class Callee
{
public:
    virtual ~Callee() = default;
    /// Starts a call for request `slot`; the answer goes to caller->done(token, …). Returns a
    /// handle for cancel().
    virtual std::uint64_t start(std::uint32_t slot, Caller *caller, std::uint64_t token) = 0;
    /// Abandons a call (cancel_inner): it stops its work and never answers.
    virtual void cancel(std::uint64_t handle) = 0;
    virtual const std::string &name() const = 0;
};

/// A pipeline stage: a callee for the stage outside it, a caller of the one inside.
class Stage : public Callee, public Caller, public EventTarget
{
public:
    Stage(RunContext &ctx, std::string name)
        : m_ctx(ctx)
        , m_name(std::move(name))
    {}
    void setInner(Callee *inner) { m_inner = inner; }
    /// Takes new parameters from an edited scenario, keeping its state (calls in flight, breaker
    /// state and windows where their shape allows).
    virtual void reconfigure(const StageSpec &spec) = 0;
    /// Adds this stage's whole-run counts to summary.json's numbers (rejections, transitions,
    /// fallback hits, budget refusals); nothing by default.
    virtual void addToSummary(Summary &) const {}
    const std::string &name() const override { return m_name; }
    /// Its metrics series in the run's recorder, keyed by (edge, stage) (set when it is built).
    void setSeries(std::size_t series) { m_series = series; }
    std::size_t series() const { return m_series; }
    /// The series of the edge it is on (RunRecorder::addEdge); kClientEdge on the client's.
    void setEdgeSeries(std::size_t edge) { m_edgeSeries = edge; }
    static constexpr std::size_t kClientEdge = static_cast<std::size_t>(-1);

protected:
    /// This stage's row of the bucket that counts now.
    StageBucket &bucket() { return m_ctx.recorder.stageBucket(m_series, m_ctx.sim.now()); }
    /// A retry started, in its edge's `retries` (timeseries.csv on the client edge).
    void countRetry()
    {
        if (m_edgeSeries == kClientEdge)
            m_ctx.recorder.retry(m_ctx.sim.now());
        else
            m_ctx.recorder.edgeRetry(m_edgeSeries, m_ctx.sim.now());
    }
    /// A call refused without reaching the callee, in its edge's `rejected`.
    void countRejected()
    {
        if (m_edgeSeries == kClientEdge)
            m_ctx.recorder.rejected(m_ctx.sim.now());
        else
            m_ctx.recorder.edgeRejected(m_edgeSeries, m_ctx.sim.now());
    }

    RunContext &m_ctx;
    Callee *m_inner = nullptr;
    std::string m_name;
    std::size_t m_series = 0;
    std::size_t m_edgeSeries = kClientEdge;
};

/// Fixed-size records reused through a free list; handles carry a generation so that a stale
/// timer or answer for a reused record is recognised and dropped.
template <typename T>
class FramePool
{
public:
    struct Handle
    {
        std::uint32_t index;
        std::uint32_t generation;
        std::uint64_t pack() const { return (std::uint64_t{generation} << 32) | index; }
        static Handle unpack(std::uint64_t v)
        {
            return {static_cast<std::uint32_t>(v), static_cast<std::uint32_t>(v >> 32)};
        }
    };

    Handle alloc()
    {
        std::uint32_t i;
        if (!m_free.empty()) {
            i = m_free.back();
            m_free.pop_back();
        } else {
            m_items.emplace_back();
            m_generations.push_back(1);
            i = static_cast<std::uint32_t>(m_items.size() - 1);
        }
        resetItem(m_items[i]);
        return {i, m_generations[i]};
    }
    void free(std::uint32_t i)
    {
        if (++m_generations[i] == 0)
            m_generations[i] = 1;
        m_free.push_back(i);
    }
    /// The record a packed handle names, or nullptr if it was freed since.
    T *get(std::uint64_t packed)
    {
        const Handle h = Handle::unpack(packed);
        if (h.index >= m_items.size() || m_generations[h.index] != h.generation)
            return nullptr;
        return &m_items[h.index];
    }
    T &operator[](std::uint32_t i) { return m_items[i]; }
    std::uint32_t generation(std::uint32_t i) const { return m_generations[i]; }
    std::size_t live() const { return m_items.size() - m_free.size(); }
    /// Records allocated so far (live or free): valid indices are below it.
    std::uint32_t capacity() const { return static_cast<std::uint32_t>(m_items.size()); }

private:
    /// A fresh record in place. `item = T{}` would build the temporary on the stack and copy it
    /// with wide loads that straddle its narrower stores (a store-forwarding stall per alloc).
    static void resetItem(T &item)
    {
        if constexpr (std::is_trivially_destructible_v<T>)
            ::new (static_cast<void *>(&item)) T{};
        else
            item = T{};
    }

    std::vector<T> m_items;
    std::vector<std::uint32_t> m_generations;
    std::vector<std::uint32_t> m_free;
};

/// What every stage remembers of a call it is serving: who called, with which token, for which
/// request (its slot), and the handle of the call it made inside. A stage's own record derives
/// from it and adds what the pattern needs (a retry's attempt count, a timeout's flags).
struct CallFrame
{
    Caller *caller = nullptr;
    std::uint64_t token = 0;
    std::uint32_t slot = 0;
    std::uint64_t inner = 0;
};

/// A stage that keeps one `Frame` (a CallFrame) per call in a FramePool: the bookkeeping that
/// every pattern needs, written once. open() records a call, callInner() starts the inner call of
/// a record, answer() frees the record and answers its caller, publish() sends an event of this
/// stage about a request to the run's observer (and costs nothing without one).
template <typename Frame>
class FramedStage : public Stage
{
    static_assert(std::is_base_of_v<CallFrame, Frame>);

public:
    using Stage::Stage;
    /// Calls in flight (records not yet freed).
    std::size_t callsInFlight() const { return m_frames.live(); }

protected:
    /// A fresh record for a call from `caller`; returns its handle (the token the inner call
    /// answers with).
    std::uint64_t open(std::uint32_t slot, Caller *caller, std::uint64_t token)
    {
        const auto h = m_frames.alloc();
        Frame &f = m_frames[h.index];
        f.caller = caller;
        f.token = token;
        f.slot = slot;
        return h.pack();
    }
    /// The record of a live handle (one this stage has not freed: within start(), or after a
    /// get() that found it).
    Frame &frame(std::uint64_t handle) { return m_frames[static_cast<std::uint32_t>(handle)]; }
    /// Starts the inner call of record `handle` on `callee` (the next stage by default) and
    /// remembers its handle. A callee never answers from inside start(), so the record is alive
    /// afterwards; the pool may have grown meanwhile, hence the second look-up.
    void callInner(std::uint64_t handle, Callee *callee)
    {
        const std::uint64_t inner = callee->start(frame(handle).slot, this, handle);
        frame(handle).inner = inner;
    }
    void callInner(std::uint64_t handle) { callInner(handle, m_inner); }
    /// Frees the record and answers its caller with `outcome`.
    void answer(std::uint64_t handle, Outcome outcome)
    {
        Frame &f = frame(handle);
        Caller *caller = f.caller;
        const std::uint64_t token = f.token;
        m_frames.free(static_cast<std::uint32_t>(handle));
        caller->done(token, outcome);
    }
    /// Frees the record without an answer (the call was cancelled).
    void drop(std::uint64_t handle) { m_frames.free(static_cast<std::uint32_t>(handle)); }
    /// Publishes `e` as an event of this stage about the request in `slot`, now. The time, the
    /// request and the stage name are filled in here.
    void publish(std::uint32_t slot, EventRecord e) const
    {
        if (!m_ctx.sink)
            return;
        e.time = m_ctx.sim.now();
        e.request = m_ctx.requests.id(slot);
        e.stage = m_name;
        m_ctx.sink->onEvent(e);
    }
    /// Whether anyone observes the run's events (build costly payloads only then).
    bool observed() const { return m_ctx.sink != nullptr; }

    FramePool<Frame> m_frames;
};

} // namespace reslab
