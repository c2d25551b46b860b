#pragma once

#include "reslab/event_log.h"

#include <vector>

namespace reslab::ui {

/// Collects the engine's events of one animation frame for the views (bounded: at very high
/// speeds the surplus is counted, not kept). Records point into the running Simulation.
class FrameEvents final : public EventSink
{
public:
    explicit FrameEvents(std::size_t capacity = 50000)
        : m_capacity(capacity)
    {}
    void onEvent(const EventRecord &e) override
    {
        ++m_total;
        if (m_events.size() < m_capacity)
            m_events.push_back(e);
        else
            ++m_dropped;
    }
    void clear()
    {
        m_events.clear();
        m_dropped = 0;
    }
    const std::vector<EventRecord> &events() const { return m_events; }
    std::size_t dropped() const { return m_dropped; }
    std::uint64_t total() const { return m_total; }

private:
    std::size_t m_capacity;
    std::vector<EventRecord> m_events;
    std::size_t m_dropped = 0;
    std::uint64_t m_total = 0;
};

} // namespace reslab::ui
