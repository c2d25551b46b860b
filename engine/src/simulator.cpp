#include "reslab/simulator.h"

#include <algorithm>
#include <cassert>
#include <utility>

namespace reslab {

Simulator::Simulator()
{
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
    target->onEvent(kind, arg);
}

std::size_t Simulator::pendingEvents() const
{
    return m_heap.size() +
           static_cast<std::size_t>(std::count_if(m_lanes.begin(), m_lanes.end(),
                                                  [](const Lane &l) { return l.armed; }));
}

bool Simulator::isPending(EventId id) const
{
    return id.valid() && id.slot < m_slots.size() && m_slots[id.slot].generation == id.generation &&
           !m_slots[id.slot].cancelled;
}

void Simulator::growHeap()
{
    m_heap.reserve(2 * m_heap.capacity() + 64);
}

void Simulator::push(HeapEntry e)
{
    // Sift up on a plain vector: cheaper than std::push_heap with a comparator object.
    if (m_heap.size() == m_heap.capacity()) [[unlikely]]
        growHeap();
    std::size_t i = m_heap.size();
    m_heap.push_back(e);
    while (i > 0) {
        const std::size_t parent = (i - 1) / 2;
        if (!e.before(m_heap[parent]))
            break;
        m_heap[i] = m_heap[parent];
        i = parent;
    }
    m_heap[i] = e;
}

Simulator::HeapEntry Simulator::popTop()
{
    const HeapEntry top = m_heap.front();
    const HeapEntry last = m_heap.back();
    m_heap.pop_back();
    const std::size_t n = m_heap.size();
    if (n > 0) {
        std::size_t i = 0;
        for (;;) {
            std::size_t child = 2 * i + 1;
            if (child >= n)
                break;
            if (child + 1 < n && m_heap[child + 1].before(m_heap[child]))
                ++child;
            if (!m_heap[child].before(last))
                break;
            m_heap[i] = m_heap[child];
            i = child;
        }
        m_heap[i] = last;
    }
    return top;
}

void Simulator::dropCancelledTop()
{
    // Nothing cancelled in the heap (the usual case): no slot lookup at all.
    while (m_cancelledInHeap != 0 && m_slots[m_heap.front().slot].cancelled) {
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
        target->onEvent(kind, arg);
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
    if (m_heap.empty())
        return false;
    fire(popTop());
    return true;
}

SimTime Simulator::nextEventTime()
{
    dropCancelledTop();
    if (laneFirst())
        return nextLaneTime();
    return m_heap.empty() ? -1 : m_heap.front().time;
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
        if (m_heap.empty() || m_heap.front().time > t)
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
