#include "reslab/kernel/simulator.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <utility>

namespace reslab {

Simulator::Simulator()
{
    m_bucketHead.fill(kNoNode);
    m_heap.reserve(1024);
    m_slots.reserve(1024);
}

std::uint32_t Simulator::newSlot()
{
    m_slots.emplace_back();
    return static_cast<std::uint32_t>(m_slots.size() - 1);
}

EventId Simulator::schedule(SimTime at, EventTarget *target, std::uint32_t kind, std::uint64_t arg)
{
    const std::uint32_t s = allocSlot();
    Slot &slot = m_slots[s];
    slot.target = target;
    slot.kind = kind;
    slot.arg = arg;
    slot.cancelled = false;
    slot.fn = 0;
    push({std::max(at, m_now), m_seq++, s});
    return {s, slot.generation};
}

EventId Simulator::scheduleReserved(SimTime at, std::uint64_t sequence, EventTarget *target,
                                    std::uint32_t kind, std::uint64_t arg)
{
    const std::uint32_t s = allocSlot();
    Slot &slot = m_slots[s];
    slot.target = target;
    slot.kind = kind;
    slot.arg = arg;
    slot.cancelled = false;
    slot.fn = 0;
    push({std::max(at, m_now), sequence, s});
    return {s, slot.generation};
}

EventId Simulator::schedule(SimTime at, std::function<void()> fn)
{
    std::uint32_t f;
    if (!m_freeFunctions.empty()) {
        f = m_freeFunctions.back();
        m_freeFunctions.pop_back();
        m_functions[f] = std::move(fn);
    } else {
        m_functions.push_back(std::move(fn));
        f = static_cast<std::uint32_t>(m_functions.size() - 1);
    }
    const EventId id = schedule(at, nullptr, 0, 0);
    m_slots[id.slot].fn = f + 1;
    return id;
}

void Simulator::cancel(EventId id)
{
    if (!id.valid() || id.slot >= m_slots.size())
        return;
    Slot &slot = m_slots[id.slot];
    if (slot.generation == id.generation && !slot.cancelled) {
        slot.cancelled = true;
        ++m_cancelledInHeap;
    }
}

Simulator::LaneId Simulator::addLane(EventTarget *target)
{
    m_lanes.push_back({.target = target});
    return static_cast<LaneId>(m_lanes.size() - 1);
}

void Simulator::cancelLane(LaneId lane)
{
    Lane &l = m_lanes[lane];
    if (!l.armed)
        return;
    l.armed = false;
    if (m_nextLane == lane)
        updateNextLane();
}

void Simulator::updateNextLaneSlow()
{
    m_nextLane = kNoLane;
    for (std::uint32_t i = 0; i < m_lanes.size(); ++i) {
        const Lane &l = m_lanes[i];
        if (!l.armed)
            continue;
        if (m_nextLane == kNoLane ||
            earlier(l.time, l.seq, m_lanes[m_nextLane].time, m_lanes[m_nextLane].seq))
            m_nextLane = i;
    }
}

void Simulator::fireLane()
{
    Lane &l = m_lanes[m_nextLane];
    EventTarget *target = l.target;
    const std::uint32_t kind = l.kind;
    const std::uint64_t arg = l.arg;
    m_now = l.time;
    l.armed = false;
    updateNextLane();
    ++m_processed;
    target->fire(kind, arg);
}

std::size_t Simulator::pendingEvents() const
{
    return m_heap.size() + m_ringCount + m_far.size() +
           static_cast<std::size_t>(std::count_if(m_lanes.begin(), m_lanes.end(),
                                                  [](const Lane &l) { return l.armed; }));
}

bool Simulator::isPending(EventId id) const
{
    return id.valid() && id.slot < m_slots.size() && m_slots[id.slot].generation == id.generation &&
           !m_slots[id.slot].cancelled;
}

void Simulator::push(HeapEntry e)
{
    if (e.time < m_nearEnd)
        heapPush(m_heap, e);
    else if (e.time - m_nearEnd < kRingSpan)
        addToRing(e);
    else
        heapPush(m_far, e);
}

void Simulator::heapPush(std::vector<HeapEntry> &heap, const HeapEntry &e)
{
    // Sift up on a plain vector: cheaper than std::push_heap with a comparator object.
    std::size_t i = heap.size();
    heap.push_back(e);
    while (i > 0) {
        const std::size_t parent = (i - 1) / 2;
        if (!e.before(heap[parent]))
            break;
        heap[i] = heap[parent];
        i = parent;
    }
    heap[i] = e;
}

Simulator::HeapEntry Simulator::heapPop(std::vector<HeapEntry> &heap)
{
    const HeapEntry top = heap.front();
    const HeapEntry last = heap.back();
    heap.pop_back();
    const std::size_t n = heap.size();
    if (n > 0) {
        std::size_t i = 0;
        for (;;) {
            std::size_t child = 2 * i + 1;
            if (child >= n)
                break;
            if (child + 1 < n && heap[child + 1].before(heap[child]))
                ++child;
            if (!heap[child].before(last))
                break;
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = last;
    }
    return top;
}

void Simulator::pullFar()
{
    while (!m_far.empty() && m_far.front().time - m_nearEnd < kRingSpan)
        addToRing(heapPop(m_far));
}

std::size_t Simulator::distanceToOccupied(std::size_t from) const
{
    constexpr std::size_t kWords = kBuckets / 64;
    const std::size_t word = from / 64;
    const std::uint64_t here = m_occupied[word] >> (from % 64);
    if (here != 0)
        return static_cast<std::size_t>(std::countr_zero(here));
    std::size_t distance = 64 - from % 64;
    for (std::size_t i = 1; i <= kWords; ++i, distance += 64) {
        const std::uint64_t bits = m_occupied[(word + i) % kWords];
        if (bits != 0)
            return distance + static_cast<std::size_t>(std::countr_zero(bits));
    }
    return 0; // unreachable while the ring holds entries
}

std::uint32_t Simulator::newNode()
{
    m_nodes.push_back({});
    return static_cast<std::uint32_t>(m_nodes.size() - 1);
}

bool Simulator::advanceNear()
{
    while (m_heap.empty()) {
        if (m_ringCount == 0) {
            if (m_far.empty())
                return false;
            // Nothing in the next ~1 s: the ring jumps to the bucket of the earliest far event.
            m_nearEnd = (m_far.front().time >> kBucketShift) << kBucketShift;
            pullFar();
            continue;
        }
        // Skip the empty buckets (the ring then covers as many more), and the first occupied
        // one becomes the near heap.
        const std::size_t skip = distanceToOccupied(bucketOf(m_nearEnd));
        if (skip != 0) {
            m_nearEnd += static_cast<SimTime>(skip) * kBucketWidth;
            pullFar();
        }
        const std::size_t b = bucketOf(m_nearEnd);
        for (std::uint32_t n = m_bucketHead[b]; n != kNoNode;) {
            RingNode &node = m_nodes[n];
            heapPush(m_heap, {node.time, node.seq, node.slot});
            const std::uint32_t next = node.next;
            node.next = m_freeNode;
            m_freeNode = n;
            n = next;
            --m_ringCount;
        }
        m_bucketHead[b] = kNoNode;
        m_occupied[b / 64] &= ~(std::uint64_t{1} << (b % 64));
        m_nearEnd += kBucketWidth;
        pullFar();
    }
    return true;
}

void Simulator::dropCancelledTop()
{
    // Nothing cancelled in the queue (the usual case): no slot lookup at all.
    while (m_cancelledInHeap != 0 && fillNear() && m_slots[m_heap.front().slot].cancelled) {
        --m_cancelledInHeap;
        const HeapEntry e = popTop();
        Slot &slot = m_slots[e.slot];
        if (slot.fn != 0) {
            m_functions[slot.fn - 1] = nullptr;
            m_freeFunctions.push_back(slot.fn - 1);
        }
        ++slot.generation;
        if (slot.generation == 0)
            slot.generation = 1;
        m_freeSlots.push_back(e.slot);
    }
}

void Simulator::fire(const HeapEntry &top)
{
    Slot &slot = m_slots[top.slot];
    EventTarget *target = slot.target;
    const std::uint32_t kind = slot.kind;
    const std::uint64_t arg = slot.arg;
    const std::uint32_t fn = slot.fn;
    ++slot.generation; // the id no longer names a pending event
    if (slot.generation == 0)
        slot.generation = 1;
    m_freeSlots.push_back(top.slot);
    m_now = top.time;
    ++m_processed;
    if (fn != 0) {
        std::function<void()> f = std::move(m_functions[fn - 1]);
        m_functions[fn - 1] = nullptr;
        m_freeFunctions.push_back(fn - 1);
        f();
    } else {
        target->fire(kind, arg);
    }
}

bool Simulator::step()
{
    if (m_stopped)
        return false;
    dropCancelledTop();
    if (laneFirst()) {
        fireLane();
        return true;
    }
    if (!fillNear())
        return false;
    fire(popTop());
    return true;
}

SimTime Simulator::nextEventTime()
{
    dropCancelledTop();
    if (laneFirst())
        return nextLaneTime();
    return fillNear() ? m_heap.front().time : -1;
}

void Simulator::runUntil(SimTime t)
{
    while (!m_stopped) {
        if (m_cancelledInHeap != 0) // checked here so the usual case makes no call
            dropCancelledTop();
        if (laneFirst()) {
            if (nextLaneTime() > t)
                break;
            fireLane();
            continue;
        }
        if (!fillNear() || m_heap.front().time > t)
            break;
        fire(popTop());
    }
    if (t > m_now && !m_stopped)
        m_now = t;
}

void Simulator::run()
{
    while (step()) {
    }
}

} // namespace reslab
