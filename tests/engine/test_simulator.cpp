// The discrete-event kernel (DESIGN rule 1): integer time, (time, insertion sequence) order,
// lazy cancellation, runUntil/step/nextEventTime, and slot reuse with generations.

#include "reslab/kernel/simulator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

namespace reslab {
namespace {

/// An EventTarget that records (now, kind, arg) of every event it receives.
class RecordingTarget final : public EventTarget
{
public:
    explicit RecordingTarget(const Simulator &sim)
        : m_sim(sim)
    {}
    struct Hit
    {
        SimTime now;
        std::uint32_t kind;
        std::uint64_t arg;
        bool operator==(const Hit &) const = default;
    };
    void fire(std::uint32_t kind, std::uint64_t arg) override
    {
        hits.push_back({m_sim.now(), kind, arg});
    }
    std::vector<Hit> hits;

private:
    const Simulator &m_sim;
};

TEST(SimulatorTest, StartsAtZeroWithNothingToDo)
{
    Simulator sim;
    EXPECT_EQ(sim.now(), 0);
    EXPECT_EQ(sim.nextEventTime(), -1);
    EXPECT_FALSE(sim.step());
    EXPECT_EQ(sim.eventsProcessed(), 0u);
    EXPECT_EQ(sim.pendingEvents(), 0u);
}

TEST(SimulatorTest, SameTimeEventsRunFirstInFirstOut)
{
    Simulator sim;
    std::vector<int> order;
    // Ten events at the same instant, scheduled 0..9: they must run 0..9.
    for (int i = 0; i < 10; ++i)
        sim.schedule(500, [&order, i] { order.push_back(i); });
    sim.run();
    EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    EXPECT_EQ(sim.now(), 500);
}

TEST(SimulatorTest, OrdersByTimeThenBySequence)
{
    Simulator sim;
    std::vector<std::pair<SimTime, char>> order;
    auto at = [&](SimTime t, char c) {
        sim.schedule(t, [&order, &sim, c] { order.emplace_back(sim.now(), c); });
    };
    // Scheduled out of time order; same-time ones keep insertion order (a before d, b before e).
    at(300, 'a');
    at(100, 'b');
    at(200, 'c');
    at(300, 'd');
    at(100, 'e');
    at(0, 'f');
    sim.run();
    const std::vector<std::pair<SimTime, char>> expected = {{0, 'f'},   {100, 'b'}, {100, 'e'},
                                                            {200, 'c'}, {300, 'a'}, {300, 'd'}};
    EXPECT_EQ(order, expected);
}

TEST(SimulatorTest, TargetEventsCarryKindAndArgAndShareTheFifoWithCallables)
{
    Simulator sim;
    RecordingTarget target(sim);
    std::vector<int> order;
    sim.schedule(1000, &target, 7, 42);
    sim.schedule(1000, [&] { order.push_back(static_cast<int>(target.hits.size())); });
    sim.schedule(1000, &target, 8, 43);
    sim.run();
    ASSERT_EQ(target.hits.size(), 2u);
    EXPECT_EQ(target.hits[0], (RecordingTarget::Hit{1000, 7, 42}));
    EXPECT_EQ(target.hits[1], (RecordingTarget::Hit{1000, 8, 43}));
    // The callable scheduled between them ran after the first and before the second.
    EXPECT_EQ(order, (std::vector<int>{1}));
}

TEST(SimulatorTest, EventScheduledFromAnEventAtTheSameTimeRunsAfterThoseAlreadyQueued)
{
    Simulator sim;
    std::vector<char> order;
    sim.schedule(100, [&] {
        order.push_back('a');
        sim.schedule(100, [&] { order.push_back('c'); }); // same instant, later sequence
    });
    sim.schedule(100, [&] { order.push_back('b'); });
    sim.run();
    EXPECT_EQ(order, (std::vector<char>{'a', 'b', 'c'}));
    EXPECT_EQ(sim.now(), 100);
}

TEST(SimulatorTest, ScheduleInThePastClampsToNow)
{
    Simulator sim;
    sim.runUntil(1000);
    ASSERT_EQ(sim.now(), 1000);
    std::vector<std::pair<SimTime, char>> order;
    sim.schedule(1000, [&] { order.emplace_back(sim.now(), 'a'); });
    sim.schedule(200, [&] { order.emplace_back(sim.now(), 'b'); }); // in the past: runs at 1000
    sim.schedule(-5, [&] { order.emplace_back(sim.now(), 'c'); });  // negative too
    EXPECT_EQ(sim.nextEventTime(), 1000);
    sim.run();
    // Clamped to now() = 1000, then FIFO among the 1000 events: a, b, c.
    const std::vector<std::pair<SimTime, char>> expected = {{1000, 'a'}, {1000, 'b'}, {1000, 'c'}};
    EXPECT_EQ(order, expected);
    EXPECT_EQ(sim.now(), 1000); // time never went back
}

TEST(SimulatorTest, CancelPendingEventSkipsItAndDoesNotCountIt)
{
    Simulator sim;
    int fired = 0;
    const EventId a = sim.schedule(100, [&] { fired += 1; });
    const EventId b = sim.schedule(200, [&] { fired += 10; });
    EXPECT_TRUE(sim.isPending(a));
    sim.cancel(a);
    EXPECT_FALSE(sim.isPending(a));
    EXPECT_TRUE(sim.isPending(b));
    // The cancelled event at 100 is skipped: the next live one is at 200.
    EXPECT_EQ(sim.nextEventTime(), 200);
    sim.run();
    EXPECT_EQ(fired, 10);
    EXPECT_EQ(sim.eventsProcessed(), 1u);
    EXPECT_EQ(sim.now(), 200);
}

TEST(SimulatorTest, CancelTwiceIsHarmless)
{
    Simulator sim;
    int fired = 0;
    const EventId a = sim.schedule(100, [&] { ++fired; });
    sim.cancel(a);
    sim.cancel(a);
    EXPECT_FALSE(sim.step());
    EXPECT_EQ(fired, 0);
    EXPECT_EQ(sim.eventsProcessed(), 0u);
}

TEST(SimulatorTest, CancelOfFiredEventDoesNothing)
{
    Simulator sim;
    int fired = 0;
    const EventId a = sim.schedule(100, [&] { ++fired; });
    ASSERT_TRUE(sim.step());
    EXPECT_EQ(fired, 1);
    EXPECT_FALSE(sim.isPending(a));
    sim.cancel(a); // already fired
    // A new event (it reuses a's freed slot) is not hit by the stale cancel above or below.
    const EventId b = sim.schedule(200, [&] { fired += 10; });
    sim.cancel(a);
    EXPECT_TRUE(sim.isPending(b));
    sim.run();
    EXPECT_EQ(fired, 11);
    EXPECT_EQ(sim.eventsProcessed(), 2u);
}

TEST(SimulatorTest, CancelOfInvalidIdsDoesNothing)
{
    Simulator sim;
    int fired = 0;
    sim.schedule(100, [&] { ++fired; });
    const EventId none{};
    EXPECT_FALSE(none.valid());
    EXPECT_FALSE(sim.isPending(none));
    sim.cancel(none);
    sim.cancel(EventId{0, 0});     // generation 0 names no event, even on a used slot
    sim.cancel(EventId{12345, 1}); // slot out of range
    sim.cancel(EventId{0, 999});   // wrong generation
    EXPECT_FALSE(sim.isPending(EventId{12345, 1}));
    EXPECT_EQ(sim.pendingEvents(), 1u);
    sim.run();
    EXPECT_EQ(fired, 1);
}

TEST(SimulatorTest, CancelFromInsideAnEventStopsALaterSameTimeEvent)
{
    Simulator sim;
    std::vector<char> order;
    EventId b;
    sim.schedule(50, [&] {
        order.push_back('a');
        sim.cancel(b);
    });
    b = sim.schedule(50, [&] { order.push_back('b'); });
    sim.schedule(50, [&] { order.push_back('c'); });
    sim.run();
    EXPECT_EQ(order, (std::vector<char>{'a', 'c'}));
    EXPECT_EQ(sim.eventsProcessed(), 2u);
}

TEST(SimulatorTest, RunUntilRunsEventsAtOrBeforeTAndAdvancesNow)
{
    Simulator sim;
    std::vector<SimTime> seen;
    for (SimTime t : {100, 200, 300})
        sim.schedule(t, [&] { seen.push_back(sim.now()); });
    sim.runUntil(200); // inclusive: 100 and 200 run, 300 waits
    EXPECT_EQ(seen, (std::vector<SimTime>{100, 200}));
    EXPECT_EQ(sim.now(), 200);
    EXPECT_EQ(sim.nextEventTime(), 300);
    sim.runUntil(250); // no event in (200, 250]: time still moves to 250
    EXPECT_EQ(seen.size(), 2u);
    EXPECT_EQ(sim.now(), 250);
    sim.runUntil(299);
    EXPECT_EQ(sim.now(), 299);
    EXPECT_EQ(seen.size(), 2u);
    sim.runUntil(1000);
    EXPECT_EQ(seen, (std::vector<SimTime>{100, 200, 300}));
    EXPECT_EQ(sim.now(), 1000);
}

TEST(SimulatorTest, RunUntilAdvancesWithoutEventsAndNeverGoesBack)
{
    Simulator sim;
    sim.runUntil(5000);
    EXPECT_EQ(sim.now(), 5000);
    sim.runUntil(3000); // earlier: ignored
    EXPECT_EQ(sim.now(), 5000);
    sim.runUntil(5000);
    EXPECT_EQ(sim.now(), 5000);
    // An event scheduled "at 3000" now is clamped to 5000, so runUntil(5000) runs it.
    int fired = 0;
    sim.schedule(3000, [&] { ++fired; });
    sim.runUntil(4000); // still earlier than now: the clamped event at 5000 is after 4000
    EXPECT_EQ(sim.now(), 5000);
    sim.runUntil(5000);
    EXPECT_EQ(fired, 1);
    EXPECT_EQ(sim.eventsProcessed(), 1u);
}

TEST(SimulatorTest, StepRunsExactlyOneLiveEvent)
{
    Simulator sim;
    std::vector<int> order;
    const EventId first = sim.schedule(10, [&] { order.push_back(1); });
    sim.schedule(20, [&] { order.push_back(2); });
    sim.schedule(30, [&] { order.push_back(3); });
    sim.cancel(first);
    ASSERT_TRUE(sim.step()); // skips the cancelled one and runs the event at 20
    EXPECT_EQ(order, (std::vector<int>{2}));
    EXPECT_EQ(sim.now(), 20);
    EXPECT_EQ(sim.eventsProcessed(), 1u);
    ASSERT_TRUE(sim.step());
    EXPECT_EQ(order, (std::vector<int>{2, 3}));
    EXPECT_EQ(sim.now(), 30);
    EXPECT_FALSE(sim.step());
    EXPECT_EQ(sim.now(), 30); // a failed step does not move time
    EXPECT_EQ(sim.eventsProcessed(), 2u);
}

TEST(SimulatorTest, NextEventTimeSkipsCancelledAndReportsMinusOneWhenEmpty)
{
    Simulator sim;
    const EventId a = sim.schedule(10, [] {});
    const EventId b = sim.schedule(20, [] {});
    sim.schedule(30, [] {});
    EXPECT_EQ(sim.nextEventTime(), 10);
    sim.cancel(a);
    sim.cancel(b);
    EXPECT_EQ(sim.nextEventTime(), 30);
    EXPECT_EQ(sim.now(), 0); // looking ahead does not move time
    EXPECT_EQ(sim.eventsProcessed(), 0u);
    sim.run();
    EXPECT_EQ(sim.nextEventTime(), -1);
}

TEST(SimulatorTest, EventsProcessedCountsOnlyFiredEvents)
{
    Simulator sim;
    std::vector<EventId> ids;
    for (int i = 0; i < 100; ++i)
        ids.push_back(sim.schedule(i, [] {}));
    for (int i = 0; i < 100; i += 2) // cancel the 50 even ones
        sim.cancel(ids[static_cast<std::size_t>(i)]);
    sim.runUntil(49); // odd ones at 1, 3, ..., 49: 25 of them
    EXPECT_EQ(sim.eventsProcessed(), 25u);
    sim.run();
    EXPECT_EQ(sim.eventsProcessed(), 50u);
}

TEST(SimulatorTest, SlotReuseKeepsIdsDistinctAndStaleIdsNeverCancelNewEvents)
{
    Simulator sim;
    std::set<std::pair<std::uint32_t, std::uint32_t>> seenIds;
    std::vector<EventId> stale;
    int fired = 0;
    for (int cycle = 0; cycle < 5000; ++cycle) {
        const SimTime t = sim.now() + 1;
        // One event that fires, one that is cancelled (and dropped by nextEventTime/step).
        const EventId fires = sim.schedule(t, [&] { ++fired; });
        const EventId cancelled = sim.schedule(t, [&] { fired += 1000000; });
        EXPECT_TRUE(seenIds.insert({fires.slot, fires.generation}).second) << "cycle " << cycle;
        EXPECT_TRUE(seenIds.insert({cancelled.slot, cancelled.generation}).second)
            << "cycle " << cycle;
        // Every stale id (fired or cancelled in an earlier cycle) must leave both alone.
        for (std::size_t i = stale.size() >= 4 ? stale.size() - 4 : 0; i < stale.size(); ++i)
            sim.cancel(stale[i]);
        EXPECT_TRUE(sim.isPending(fires));
        sim.cancel(cancelled);
        ASSERT_TRUE(sim.step());
        EXPECT_FALSE(sim.isPending(fires));
        EXPECT_EQ(sim.nextEventTime(), -1); // the cancelled one is dropped, its slot freed
        stale.push_back(fires);
        stale.push_back(cancelled);
    }
    EXPECT_EQ(fired, 5000);
    EXPECT_EQ(sim.eventsProcessed(), 5000u);
    // Slots were recycled: the heap never held more than two entries at a time.
    std::set<std::uint32_t> slots;
    for (const auto &id : seenIds)
        slots.insert(id.first);
    EXPECT_LE(slots.size(), 4u);
    // Finally, all 10000 stale ids against one fresh event: it still fires.
    const EventId fresh = sim.schedule(sim.now() + 1, [&] { fired = -1; });
    for (const EventId &id : stale)
        sim.cancel(id);
    EXPECT_TRUE(sim.isPending(fresh));
    sim.run();
    EXPECT_EQ(fired, -1);
}

TEST(SimulatorTest, ManyInterleavedEventsRunInTimeThenSequenceOrder)
{
    // A pseudo-random schedule of 2000 events over 50 distinct times, with a third cancelled:
    // the fired ones must come out sorted by (time, scheduling order).
    Simulator sim;
    std::vector<std::pair<SimTime, int>> fired;
    std::vector<std::pair<SimTime, int>> expected;
    std::uint64_t x = 12345;
    auto next = [&x] {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        return x >> 33;
    };
    std::vector<EventId> ids;
    for (int i = 0; i < 2000; ++i) {
        const auto t = static_cast<SimTime>(next() % 50);
        ids.push_back(sim.schedule(t, [&fired, &sim, i] { fired.emplace_back(sim.now(), i); }));
        if (i % 3 != 0)
            expected.emplace_back(t, i);
    }
    for (int i = 0; i < 2000; i += 3)
        sim.cancel(ids[static_cast<std::size_t>(i)]);
    std::stable_sort(expected.begin(), expected.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    sim.run();
    EXPECT_EQ(fired, expected);
}

// --- the queue's tiers: near heap, ring of buckets, far heap ----------------------------------

/// What one event does when it fires, the same for the simulator and for a reference queue:
/// schedules up to three more events with delays from 0 to two hours (the same instant, inside
/// one bucket, across buckets, beyond the ring, far beyond), sometimes through a sequence number
/// reserved earlier, and cancels a pending event now and then.
template <typename Api>
void reactTo(int id, SimTime now, Api &api, std::uint64_t &x, int &budget)
{
    auto next = [&x] {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        return x >> 33;
    };
    const int children = static_cast<int>(next() % 4);
    const std::uint64_t reserved = next() % 5 == 0 ? api.reserve() : 0;
    const bool useReserved = reserved != 0 || next() % 1000 == 0; // (seq 0 is never reserved)
    for (int c = 0; c < children && budget > 0; ++c, --budget) {
        SimTime delay = 0;
        switch (next() % 6) {
        case 0:
            delay = 0;
            break;
        case 1:
            delay = static_cast<SimTime>(next() % 1000);
            break;
        case 2:
            delay = static_cast<SimTime>(next() % 3'000'000);
            break;
        case 3:
            delay = static_cast<SimTime>(next() % 100'000'000);
            break;
        case 4:
            delay = static_cast<SimTime>(next() % 7'200'000'000ULL);
            break;
        default: { // on bucket edges near the ends of the ring (1024 buckets of 1024 us)
            constexpr SimTime kEdges[] = {0, 1, 2, 1023, 1024, 1025, 1026, 2047, 2048, 2049};
            const SimTime k = kEdges[next() % std::size(kEdges)];
            delay = (((now >> 10) + k) << 10) - now;
            break;
        }
        }
        if (c == 0 && useReserved && reserved != 0)
            api.scheduleReserved(now + delay, reserved);
        else
            api.schedule(now + delay);
    }
    if (next() % 7 == 0)
        api.cancelSome(next());
    (void)id;
}

TEST(SimulatorQueue, EventsFromMicrosecondsToHoursApartRunInTimeThenSequenceOrder)
{
    // The simulator against a reference queue (an ordered set of (time, sequence, id)) on the
    // same program: every event fires at the same time in the same order, whichever tier it
    // waited in, across runUntil calls that stop anywhere.
    using Log = std::vector<std::pair<SimTime, int>>;
    constexpr int kEvents = 30000;

    // The simulator.
    class Real final : public EventTarget
    {
    public:
        explicit Real(Simulator &sim, Log &log)
            : m_sim(sim)
            , m_log(log)
        {}
        void schedule(SimTime at) { add(at, m_sim.schedule(at, this, next(), 0)); }
        void scheduleReserved(SimTime at, std::uint64_t seq)
        {
            add(at, m_sim.scheduleReserved(at, seq - 1, this, next(), 0));
        }
        std::uint64_t reserve() { return m_sim.reserveSequence() + 1; }
        void cancelSome(std::uint64_t pick)
        {
            if (!m_ids.empty())
                m_sim.cancel(m_ids[pick % m_ids.size()]);
        }
        void fire(std::uint32_t kind, std::uint64_t) override
        {
            m_log.emplace_back(m_sim.now(), static_cast<int>(kind));
            reactTo(static_cast<int>(kind), m_sim.now(), *this, m_x, m_budget);
        }

    private:
        std::uint32_t next() { return m_nextId++; }
        void add(SimTime, EventId id) { m_ids.push_back(id); }
        Simulator &m_sim;
        Log &m_log;
        std::vector<EventId> m_ids;
        std::uint32_t m_nextId = 0;
        std::uint64_t m_x = 2024;
        int m_budget = kEvents;
    };

    // The reference: sequence numbers taken the same way (one per schedule or reservation).
    class Reference
    {
    public:
        explicit Reference(Log &log)
            : m_log(log)
        {}
        void schedule(SimTime at) { add(std::max(at, m_now), m_seq++); }
        void scheduleReserved(SimTime at, std::uint64_t seq) { add(std::max(at, m_now), seq - 1); }
        std::uint64_t reserve() { return m_seq++ + 1; }
        void cancelSome(std::uint64_t pick)
        {
            if (!m_keys.empty())
                m_queue.erase(m_keys[pick % m_keys.size()]);
        }
        void runUntil(SimTime t)
        {
            while (!m_queue.empty() && std::get<0>(*m_queue.begin()) <= t) {
                const auto [time, seq, id] = *m_queue.begin();
                m_queue.erase(m_queue.begin());
                m_now = time;
                m_log.emplace_back(time, id);
                reactTo(id, time, *this, m_x, m_budget);
            }
            m_now = std::max(m_now, t);
        }

    private:
        void add(SimTime at, std::uint64_t seq)
        {
            const std::tuple<SimTime, std::uint64_t, int> key{at, seq, m_nextId++};
            m_queue.insert(key);
            m_keys.push_back(key);
        }
        Log &m_log;
        std::set<std::tuple<SimTime, std::uint64_t, int>> m_queue;
        std::vector<std::tuple<SimTime, std::uint64_t, int>> m_keys;
        std::uint64_t m_seq = 0;
        SimTime m_now = 0;
        int m_nextId = 0;
        std::uint64_t m_x = 2024;
        int m_budget = kEvents;
    };

    // Stops: inside a bucket, on bucket edges, after long gaps, and the end.
    const std::vector<SimTime> stops{
        0, 5, 1023, 1024, 2'500'000, 9'999'999, 3'600'000'000, 3'600'000'001, 40'000'000'000};
    Log real;
    Log reference;
    {
        Simulator sim;
        Real r(sim, real);
        for (int i = 0; i < 8; ++i)
            r.schedule(static_cast<SimTime>(i) * 700'000);
        for (SimTime t : stops) {
            sim.runUntil(t);
            EXPECT_EQ(sim.now(), t);
        }
        EXPECT_EQ(sim.pendingEvents(), 0u);
    }
    {
        Reference ref(reference);
        for (int i = 0; i < 8; ++i)
            ref.schedule(static_cast<SimTime>(i) * 700'000);
        for (SimTime t : stops)
            ref.runUntil(t);
    }
    ASSERT_GT(reference.size(), 20000u);
    EXPECT_EQ(real, reference);
}

// --- lanes: one pending event beside the heap, in the heap's (time, sequence) order ---------

TEST(SimulatorLane, TakesItsPlaceAmongHeapEventsBySequenceAtEqualTimes)
{
    Simulator sim;
    RecordingTarget t(sim);
    const auto lane = sim.addLane(&t);
    sim.schedule(100, &t, 1, 0);       // seq 0
    sim.scheduleLane(lane, 100, 2, 0); // seq 1: after the first, before the next
    sim.schedule(100, &t, 3, 0);       // seq 2
    sim.schedule(50, &t, 4, 0);        // earlier time wins over any sequence
    EXPECT_EQ(sim.pendingEvents(), 4u);
    EXPECT_TRUE(sim.lanePending(lane));
    sim.run();
    const std::vector<RecordingTarget::Hit> expected{
        {50, 4, 0}, {100, 1, 0}, {100, 2, 0}, {100, 3, 0}};
    EXPECT_EQ(t.hits, expected);
    EXPECT_FALSE(sim.lanePending(lane));
    EXPECT_EQ(sim.eventsProcessed(), 4u);
    EXPECT_EQ(sim.pendingEvents(), 0u);
}

TEST(SimulatorLane, RescheduleReplacesAndCancelRemoves)
{
    Simulator sim;
    RecordingTarget t(sim);
    const auto lane = sim.addLane(&t);
    sim.scheduleLane(lane, 300, 1, 11);
    sim.scheduleLane(lane, 200, 2, 22); // replaces the first: one event only
    EXPECT_EQ(sim.pendingEvents(), 1u);
    EXPECT_EQ(sim.nextEventTime(), 200);
    sim.run();
    EXPECT_EQ(t.hits, (std::vector<RecordingTarget::Hit>{{200, 2, 22}}));

    sim.scheduleLane(lane, 400, 3, 0);
    sim.cancelLane(lane);
    sim.cancelLane(lane); // twice is harmless
    EXPECT_EQ(sim.nextEventTime(), -1);
    EXPECT_FALSE(sim.step());
    EXPECT_EQ(t.hits.size(), 1u);
}

TEST(SimulatorLane, AnEventReschedulingItsOwnLaneRunsLikeAnArrivalProcess)
{
    // The use the lane is made for: each event schedules the next one. Interleaved with heap
    // events at colliding times, the order must be exactly the one a heap alone gives.
    class Source final : public EventTarget
    {
    public:
        Source(Simulator &sim, std::vector<std::pair<SimTime, int>> &log, bool useLane)
            : m_sim(sim)
            , m_log(log)
            , m_useLane(useLane)
            , m_lane(sim.addLane(this))
        {}
        void arm(SimTime at)
        {
            if (m_useLane)
                m_sim.scheduleLane(m_lane, at, 0, 0);
            else
                m_sim.schedule(at, this, 0, 0);
        }
        void fire(std::uint32_t kind, std::uint64_t) override
        {
            m_log.emplace_back(m_sim.now(), kind == 0 ? -1 : static_cast<int>(kind));
            if (kind != 0)
                return;
            // Next arrival 0..29 us later; a "completion" 0..59 us later (heap).
            m_x = m_x * 6364136223846793005ULL + 1442695040888963407ULL;
            const auto gap = static_cast<SimTime>((m_x >> 33) % 30);
            const auto work = static_cast<SimTime>((m_x >> 40) % 60);
            m_sim.schedule(m_sim.now() + work, this, static_cast<std::uint32_t>(1 + m_n++ % 7), 0);
            if (m_n < 3000)
                arm(m_sim.now() + gap);
        }

    private:
        Simulator &m_sim;
        std::vector<std::pair<SimTime, int>> &m_log;
        bool m_useLane;
        Simulator::LaneId m_lane;
        std::uint64_t m_x = 99;
        int m_n = 0;
    };
    std::vector<std::pair<SimTime, int>> withLane;
    std::vector<std::pair<SimTime, int>> heapOnly;
    {
        Simulator sim;
        Source src(sim, withLane, true);
        src.arm(0);
        sim.runUntil(1'000'000); // 3000 gaps of 0..29 us end well before
        EXPECT_EQ(sim.now(), 1'000'000);
    }
    {
        Simulator sim;
        Source src(sim, heapOnly, false);
        src.arm(0);
        sim.run();
    }
    ASSERT_EQ(withLane.size(), 6000u);
    EXPECT_EQ(withLane, heapOnly);
}

TEST(SimulatorLane, SeveralLanesReplacedAndCancelledKeepTheHeapOrder)
{
    // Three lanes (an arrival process and two single-server services, say) that fire, re-arm,
    // replace each other's pending event with an earlier or later one and cancel it, among heap
    // events at colliding times: the order must be exactly the one plain heap events give.
    class Driver final : public EventTarget
    {
    public:
        Driver(Simulator &sim, std::vector<std::pair<SimTime, int>> &log, bool useLanes)
            : m_sim(sim)
            , m_log(log)
            , m_useLanes(useLanes)
        {
            for (auto &l : m_lanes)
                l = sim.addLane(this);
        }
        void arm(std::uint32_t lane, SimTime at)
        {
            if (m_useLanes) {
                m_sim.scheduleLane(m_lanes[lane], at, lane, 0);
            } else {
                m_sim.cancel(m_ids[lane]);
                m_ids[lane] = m_sim.schedule(at, this, lane, 0);
            }
        }
        void disarm(std::uint32_t lane)
        {
            if (m_useLanes)
                m_sim.cancelLane(m_lanes[lane]);
            else
                m_sim.cancel(m_ids[lane]);
        }
        void fire(std::uint32_t kind, std::uint64_t) override
        {
            m_log.emplace_back(m_sim.now(), static_cast<int>(kind));
            if (kind >= 3 || ++m_n > 4000) // heap noise, or done
                return;
            const SimTime now = m_sim.now();
            arm(kind, now + static_cast<SimTime>(next() % 40));
            const auto other = static_cast<std::uint32_t>((kind + 1 + next() % 2) % 3);
            switch (next() % 5) {
            case 0:
                disarm(other);
                break;
            case 1:
                arm(other, now + static_cast<SimTime>(next() % 80)); // earlier or later
                break;
            default:
                break;
            }
            m_sim.schedule(now + static_cast<SimTime>(next() % 60), this, 3 + kind, 0);
        }

    private:
        std::uint64_t next()
        {
            m_x = m_x * 6364136223846793005ULL + 1442695040888963407ULL;
            return m_x >> 33;
        }
        Simulator &m_sim;
        std::vector<std::pair<SimTime, int>> &m_log;
        bool m_useLanes;
        std::array<Simulator::LaneId, 3> m_lanes{};
        std::array<EventId, 3> m_ids{};
        std::uint64_t m_x = 7;
        int m_n = 0;
    };
    std::vector<std::pair<SimTime, int>> withLanes;
    std::vector<std::pair<SimTime, int>> heapOnly;
    for (bool lanes : {true, false}) {
        Simulator sim;
        Driver d(sim, lanes ? withLanes : heapOnly, lanes);
        d.arm(0, 0);
        d.arm(1, 5);
        d.arm(2, 5);
        sim.run();
        EXPECT_EQ(sim.pendingEvents(), 0u);
    }
    ASSERT_GT(withLanes.size(), 4000u);
    EXPECT_EQ(withLanes, heapOnly);
}

TEST(SimulatorLane, RunUntilStopsBeforeALaneEventLaterThanT)
{
    Simulator sim;
    RecordingTarget t(sim);
    const auto lane = sim.addLane(&t);
    sim.scheduleLane(lane, 1000, 1, 0);
    sim.runUntil(999);
    EXPECT_TRUE(t.hits.empty());
    EXPECT_EQ(sim.now(), 999);
    sim.runUntil(1000);
    EXPECT_EQ(t.hits.size(), 1u);
    // A lane event scheduled in the past is clamped to now, like schedule().
    sim.scheduleLane(lane, 10, 2, 0);
    EXPECT_EQ(sim.nextEventTime(), 1000);
}

} // namespace
} // namespace reslab
