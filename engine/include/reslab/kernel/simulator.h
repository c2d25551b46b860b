#pragma once

#include "reslab/kernel/time.h"

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace reslab {

/// Receives the events it scheduled: the simulator fires them at their virtual time. `kind` and
/// `arg` are the target's own (a timer kind and a frame index, say), so that scheduling never
/// allocates. (An EventSink, in metrics/event_log.h, is the other side: it observes the run's
/// EventRecords through onEvent.)
class EventTarget
{
public:
    virtual void fire(std::uint32_t kind, std::uint64_t arg) = 0;

protected:
    ~EventTarget() = default;
};

/// Handle of a scheduled event, for cancel(). A default-constructed id names no event.
struct EventId
{
    std::uint32_t slot = 0;
    std::uint32_t generation = 0; ///< 0: none
    bool valid() const { return generation != 0; }
};

/// The discrete-event kernel: integer virtual time, events ordered by (time, insertion sequence)
/// so that same-time events run first-in-first-out and a run is a pure function of its inputs.
/// Cancellation is lazy: a cancelled event stays queued and is skipped when it comes up.
///
/// Pending events wait in three tiers by time (a two-level calendar): a binary heap of those
/// before `m_nearEnd`, a ring of kBuckets unsorted buckets of kBucketWidth µs for the next
/// ~1 s, and a heap for later ones. A bucket enters the near heap only when the heap runs dry,
/// so the heap holds about one bucket's events instead of everything in flight. Equal times
/// always share a bucket, and the near heap orders by (time, sequence): the order is exactly that
/// of one heap.
///
///     Simulator sim;
///     sim.schedule(1500, [&] { ... });   // at t = 1.5 ms
///     sim.runUntil(kMicrosPerSecond);     // now() == 1 s afterwards
class Simulator
{
public:
    Simulator();

    SimTime now() const { return m_now; }

    /// Schedules target->fire(kind, arg) at absolute time `at` (clamped to now()).
    EventId schedule(SimTime at, EventTarget *target, std::uint32_t kind, std::uint64_t arg = 0);
    /// Takes the next insertion sequence number now, for an event that will be scheduled later
    /// but must keep its place among same-time events as if it had been scheduled now.
    std::uint64_t reserveSequence() { return m_seq++; }
    /// Schedules with a sequence number from reserveSequence() (`at` must be >= now()).
    EventId scheduleReserved(SimTime at, std::uint64_t sequence, EventTarget *target,
                             std::uint32_t kind, std::uint64_t arg = 0);
    /// Convenience for tests and rare events: a callable run at `at`.
    EventId schedule(SimTime at, std::function<void()> fn);
    /// Cancels a pending event; cancelling a fired, cancelled or invalid id does nothing.
    void cancel(EventId id);
    bool isPending(EventId id) const;

    /// A lane is a source with at most one pending event at a time (an open-loop arrival
    /// process, a service's attempt in service): its event waits beside the queue instead of in
    /// it, in the same (time, insertion sequence) order as if it were queued, so a run's results
    /// do not change. It saves the queue's push and pop per event.
    using LaneId = std::uint32_t;
    LaneId addLane(EventTarget *target);
    /// Schedules the lane's event at `at` (clamped to now()), replacing its pending one.
    void scheduleLane(LaneId lane, SimTime at, std::uint32_t kind, std::uint64_t arg = 0)
    {
        Lane &l = m_lanes[lane];
        l.time = at > m_now ? at : m_now;
        l.seq = m_seq++;
        l.kind = kind;
        l.arg = arg;
        l.armed = true;
        // The new event can only make this lane the earliest, unless it replaced the earliest
        // lane's own pending event (then another lane's may now come first).
        if (m_nextLane == kNoLane)
            m_nextLane = lane;
        else if (m_nextLane == lane)
            updateNextLane();
        else if (earlier(l.time, l.seq, m_lanes[m_nextLane].time, m_lanes[m_nextLane].seq))
            m_nextLane = lane;
    }
    void cancelLane(LaneId lane);
    bool lanePending(LaneId lane) const { return m_lanes[lane].armed; }

    /// Runs the next live event; false when none is left.
    bool step();
    /// Runs every event with time <= t, then sets now() to t (never backwards).
    void runUntil(SimTime t);
    /// Runs until no event is left.
    void run();
    /// Time of the next live event, or -1 when none is left (drops cancelled ones on the way).
    SimTime nextEventTime();

    /// Makes the running step()/runUntil()/run() return after the current event (for a run that
    /// must be abandoned); stays set.
    void stop() { m_stopped = true; }
    bool stopped() const { return m_stopped; }

    std::uint64_t eventsProcessed() const { return m_processed; }
    /// Queued entries in every tier (cancelled ones included) plus pending lane events.
    std::size_t pendingEvents() const;

private:
    /// The event order: by time, then by insertion sequence.
    static bool earlier(SimTime t, std::uint64_t seq, SimTime otherT, std::uint64_t otherSeq)
    {
        return t < otherT || (t == otherT && seq < otherSeq);
    }
    struct HeapEntry
    {
        SimTime time;
        std::uint64_t seq;
        std::uint32_t slot;
        bool before(const HeapEntry &o) const { return earlier(time, seq, o.time, o.seq); }
    };
    static constexpr int kBucketShift = 10; ///< buckets of 1024 µs
    static constexpr SimTime kBucketWidth = SimTime{1} << kBucketShift;
    static constexpr std::size_t kBuckets = 1024; ///< the ring spans ~1.05 s
    static constexpr SimTime kRingSpan = kBucketWidth * static_cast<SimTime>(kBuckets);
    static std::size_t bucketOf(SimTime t)
    {
        return static_cast<std::size_t>(t >> kBucketShift) & (kBuckets - 1);
    }
    struct Slot
    {
        EventTarget *target = nullptr;
        std::uint64_t arg = 0;
        std::uint32_t kind = 0;
        std::uint32_t generation = 1;
        bool cancelled = false;
        std::uint32_t fn = 0; ///< index+1 into m_functions when a callable
    };

    struct Lane
    {
        SimTime time = 0;
        std::uint64_t seq = 0;
        EventTarget *target = nullptr;
        std::uint64_t arg = 0;
        std::uint32_t kind = 0;
        bool armed = false;
    };
    static constexpr std::uint32_t kNoLane = ~std::uint32_t{0};

    std::uint32_t allocSlot()
    {
        if (!m_freeSlots.empty()) [[likely]] {
            const std::uint32_t s = m_freeSlots.back();
            m_freeSlots.pop_back();
            return s;
        }
        return newSlot();
    }
    [[gnu::noinline]] std::uint32_t newSlot();
    /// Finds the armed lane with the earliest (time, seq) (after the earliest one fired or was
    /// cancelled or replaced).
    void updateNextLane()
    {
        switch (m_lanes.size()) {
        case 1: // an arrival process alone
            m_nextLane = m_lanes[0].armed ? 0 : kNoLane;
            break;
        case 2: { // an arrival process and one service: a single-server queue
            const Lane &a = m_lanes[0];
            const Lane &b = m_lanes[1];
            if (!a.armed)
                m_nextLane = b.armed ? 1 : kNoLane;
            else if (!b.armed)
                m_nextLane = 0;
            else
                m_nextLane = earlier(b.time, b.seq, a.time, a.seq) ? 1 : 0;
            break;
        }
        default:
            updateNextLaneSlow();
            break;
        }
    }
    void updateNextLaneSlow();
    /// Makes the near heap hold the earliest queued event, if there is one; false when nothing
    /// is queued (lanes aside).
    bool fillNear()
    {
        if (!m_heap.empty()) [[likely]]
            return true;
        return advanceNear();
    }
    [[gnu::noinline]] bool advanceNear();
    /// Moves the far events whose time the ring now covers into it.
    void pullFar();
    void addToRing(const HeapEntry &e)
    {
        const std::size_t b = bucketOf(e.time);
        std::uint32_t n = m_freeNode;
        if (n != kNoNode) [[likely]]
            m_freeNode = m_nodes[n].next;
        else
            n = newNode();
        m_nodes[n] = {e.time, e.seq, e.slot, m_bucketHead[b]};
        m_bucketHead[b] = n;
        m_occupied[b / 64] |= std::uint64_t{1} << (b % 64);
        ++m_ringCount;
    }
    [[gnu::noinline]] std::uint32_t newNode();
    /// Buckets from `from` (cyclically) to the first occupied one; the ring must hold entries.
    std::size_t distanceToOccupied(std::size_t from) const;
    /// True when the earliest lane event comes before the queue's top (which must be live).
    bool laneFirst()
    {
        if (m_nextLane == kNoLane)
            return false;
        if (!fillNear())
            return true;
        const Lane &l = m_lanes[m_nextLane];
        return earlier(l.time, l.seq, m_heap.front().time, m_heap.front().seq);
    }
    SimTime nextLaneTime() const { return m_lanes[m_nextLane].time; }
    void fireLane();
    void push(HeapEntry e);
    static void heapPush(std::vector<HeapEntry> &heap, const HeapEntry &e);
    static HeapEntry heapPop(std::vector<HeapEntry> &heap);
    HeapEntry popTop() { return heapPop(m_heap); }
    void dropCancelledTop();
    void fire(const HeapEntry &top);

    class FunctionTarget;

    SimTime m_now = 0;
    bool m_stopped = false;
    std::uint64_t m_seq = 0;
    std::uint64_t m_processed = 0;
    std::size_t m_cancelledInHeap = 0; ///< cancelled entries still queued (any tier)
    std::vector<HeapEntry> m_heap;     ///< events before m_nearEnd
    SimTime m_nearEnd = 0;             ///< a multiple of kBucketWidth
    /// An entry of the ring: a bucket is a singly linked list of nodes from one pool (its order
    /// does not matter: the near heap sorts it), so the ring is a 4 KB array of list heads and
    /// recently freed nodes are reused first, while they are still in the cache.
    struct RingNode
    {
        SimTime time;
        std::uint64_t seq;
        std::uint32_t slot;
        std::uint32_t next;
    };
    static constexpr std::uint32_t kNoNode = ~std::uint32_t{0};
    std::vector<RingNode> m_nodes;
    std::uint32_t m_freeNode = kNoNode; ///< free nodes, linked through `next`
    /// Bucket b: events in [m_nearEnd, m_nearEnd + kRingSpan) with bucketOf(time) == b.
    std::array<std::uint32_t, kBuckets> m_bucketHead;
    std::size_t m_ringCount = 0;
    /// Bit b set: bucket b holds entries (finding the next one is a few word scans, not a
    /// walk over empty buckets when events are sparse).
    std::array<std::uint64_t, kBuckets / 64> m_occupied{};
    std::vector<HeapEntry> m_far; ///< a heap of events at or after m_nearEnd + kRingSpan
    std::vector<Slot> m_slots;
    std::vector<std::uint32_t> m_freeSlots;
    std::vector<Lane> m_lanes;
    std::uint32_t m_nextLane = kNoLane; ///< the armed lane with the earliest (time, seq)
    std::vector<std::function<void()>> m_functions;
    std::vector<std::uint32_t> m_freeFunctions;
};

} // namespace reslab
