#pragma once

#include "reslab/kernel/time.h"
#include "reslab/model/outcome.h"

#include <cstdint>
#include <deque>
#include <ostream>
#include <string>
#include <string_view>

namespace reslab {

enum class BreakerState : std::uint8_t
{
    Closed,
    Open,
    HalfOpen
};
std::string_view breakerStateName(BreakerState s); ///< "closed", "open", "half_open"

/// Kinds of rows in events.csv (docs/scenario.md names them).
enum class EventKind : std::uint8_t
{
    RequestStart,      ///< detail: empty
    AttemptStart,      ///< a call reached the service; detail: "queued" when it had to wait
    AttemptEnd,        ///< detail: outcome
    AttemptCancelled,  ///< abandoned work cancelled by cancel_inner
    RetryScheduled,    ///< detail: delay ms
    RetryDenied,       ///< the retry budget refused a retry; detail: outcome kept
    Timeout,           ///< detail: timeout ms
    BreakerTransition, ///< detail: "closed->open"
    BreakerRejected,   ///< detail: state
    Fallback,          ///< detail: "static" / "cache" / "service" / "cache_miss" / "service_failed"
    RequestEnd,        ///< detail: outcome
    // version 2 (service graphs): the stage column is the edge, the attempt the caller's
    CallStart, ///< a service's call entered its edge; detail: empty
    CallEnd,   ///< the call's answer; detail: outcome
    // Appended with the version-2 stage types: existing kinds keep their numbers.
    BulkheadRejected, ///< detail: "full" / "queue_full" / "wait_expired"
    RateLimited,      ///< detail: the wait in ms, or "rejected"
    Hedge,            ///< a hedged attempt started; detail: "delay" or the handled outcome
};
/// How many kinds there are (the last one's value + 1).
inline constexpr int kEventKindCount = static_cast<int>(EventKind::Hedge) + 1;
std::string_view eventKindName(EventKind k);

/// One event of a run, as written to events.csv and shown by the GUI.
struct EventRecord
{
    SimTime time = 0;
    std::uint64_t request = 0;
    std::uint32_t attempt = 0; ///< service attempt number (1-based) or retry number; 0: n/a
    std::string_view stage;    ///< stage name, or "service:NAME"; outlives the run's sinks
    EventKind kind = EventKind::RequestStart;
    Outcome outcome = Outcome::Ok; ///< AttemptEnd, RequestEnd, RetryDenied
    BreakerState from = BreakerState::Closed;
    BreakerState to = BreakerState::Closed; ///< BreakerTransition; BreakerRejected: state
    SimTime value = 0;          ///< µs: RetryScheduled delay, Timeout, RateLimited wait
    std::string_view text;      ///< detail of Fallback/AttemptStart/BulkheadRejected/Hedge
    std::string detail() const; ///< the events.csv detail column
};

/// Receives events as they happen. Sinks are optional: without one, events cost nothing.
class EventSink
{
public:
    virtual ~EventSink() = default;
    virtual void onEvent(const EventRecord &e) = 0;
};

/// Writes events.csv: `t_ms,request,attempt,stage,kind,detail`.
class CsvEventWriter final : public EventSink
{
public:
    explicit CsvEventWriter(std::ostream &out);
    void onEvent(const EventRecord &e) override;

private:
    std::ostream &m_out;
    std::string m_line;
};

/// Keeps the most recent events (for the GUI's animations), bounded.
class RecentEvents final : public EventSink
{
public:
    explicit RecentEvents(std::size_t capacity)
        : m_capacity(capacity)
    {}
    void onEvent(const EventRecord &e) override;
    const std::deque<EventRecord> &events() const { return m_events; }
    std::uint64_t total() const { return m_total; }
    void clear() { m_events.clear(); }

private:
    std::size_t m_capacity;
    std::uint64_t m_total = 0;
    std::deque<EventRecord> m_events;
};

} // namespace reslab
