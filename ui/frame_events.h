#pragma once

#include "reslab/metrics/event_log.h"

#include <vector>

namespace reslab::ui {

/// Collects the engine's events of one animation frame for the views (bounded). Records point
/// into the running Simulation. When more events arrive than `capacity`, the surplus is counted
/// in dropped(), and which events are kept depends on the overflow policy: a playing frame keeps
/// its first events (the views animate them in order); a long step (step to transition) keeps
/// the most recent ones, which are the events that led to where the run stopped.
class FrameEvents final : public EventSink
{
public:
    enum class Overflow
    {
        KeepFirst,  ///< drop new events once full
        KeepLatest, ///< drop the oldest events (half of them at once, amortised O(1) per event)
    };

    explicit FrameEvents(std::size_t capacity = 50000)
        : m_capacity(capacity < 2 ? 2 : capacity)
    {}
    void onEvent(const EventRecord &e) override
    {
        ++m_total;
        if (m_events.size() >= m_capacity) {
            if (m_overflow == Overflow::KeepFirst) {
                ++m_dropped;
                return;
            }
            const auto half = static_cast<std::ptrdiff_t>(m_capacity / 2);
            m_events.erase(m_events.begin(), m_events.begin() + half);
            m_dropped += static_cast<std::size_t>(half);
        }
        m_events.push_back(e);
    }
    void clear()
    {
        m_events.clear();
        m_dropped = 0;
    }
    void setOverflow(Overflow overflow) { m_overflow = overflow; }
    Overflow overflow() const { return m_overflow; }
    std::size_t capacity() const { return m_capacity; }
    const std::vector<EventRecord> &events() const { return m_events; }
    /// Events of this frame that are not in events().
    std::size_t dropped() const { return m_dropped; }
    /// Events seen since the controller was made (across frames and runs).
    std::uint64_t total() const { return m_total; }

private:
    std::size_t m_capacity;
    Overflow m_overflow = Overflow::KeepFirst;
    std::vector<EventRecord> m_events;
    std::size_t m_dropped = 0;
    std::uint64_t m_total = 0;
};

} // namespace reslab::ui
