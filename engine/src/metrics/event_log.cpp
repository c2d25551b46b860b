#include "reslab/metrics/event_log.h"

#include <array>
#include <cinttypes>
#include <cstdio>

namespace reslab {

std::string_view breakerStateName(BreakerState s)
{
    switch (s) {
    case BreakerState::Closed:
        return "closed";
    case BreakerState::Open:
        return "open";
    case BreakerState::HalfOpen:
        return "half_open";
    }
    return "closed";
}

std::string_view eventKindName(EventKind k)
{
    static constexpr std::array<std::string_view, 16> kNames = {
        "request_start",    "attempt_start",     "attempt_end",  "attempt_cancelled",
        "retry_scheduled",  "retry_denied",      "timeout",      "breaker_transition",
        "breaker_rejected", "fallback",          "request_end",  "call_start",
        "call_end",         "bulkhead_rejected", "rate_limited", "hedge"};
    return kNames[static_cast<std::size_t>(k)];
}

std::string EventRecord::detail() const
{
    switch (kind) {
    case EventKind::AttemptEnd:
    case EventKind::RequestEnd:
    case EventKind::CallEnd:
    case EventKind::RetryDenied:
        return std::string(outcomeName(outcome));
    case EventKind::RetryScheduled:
    case EventKind::Timeout:
        return formatMillis(value);
    case EventKind::BreakerTransition:
        return std::string(breakerStateName(from)) + "->" + std::string(breakerStateName(to));
    case EventKind::BreakerRejected:
        return std::string(breakerStateName(to));
    case EventKind::Fallback:
    case EventKind::AttemptStart:
    case EventKind::BulkheadRejected:
    case EventKind::Hedge:
        return std::string(text);
    case EventKind::RateLimited:
        return text.empty() ? formatMillis(value) : std::string(text);
    case EventKind::RequestStart:
    case EventKind::AttemptCancelled:
    case EventKind::CallStart:
        return {};
    }
    return {};
}

CsvEventWriter::CsvEventWriter(std::ostream &out)
    : m_out(out)
{
    m_out << "t_ms,request,attempt,stage,kind,detail\n";
}

void CsvEventWriter::onEvent(const EventRecord &e)
{
    char head[64];
    std::snprintf(head, sizeof head, ",%" PRIu64 ",%" PRIu32 ",", e.request, e.attempt);
    m_line.clear();
    m_line += formatMillis(e.time);
    m_line += head;
    m_line += e.stage; // stage names are validated: no commas or quotes
    m_line += ',';
    m_line += eventKindName(e.kind);
    m_line += ',';
    m_line += e.detail();
    m_line += '\n';
    m_out << m_line;
}

void RecentEvents::onEvent(const EventRecord &e)
{
    ++m_total;
    if (m_capacity == 0)
        return;
    if (m_events.size() == m_capacity)
        m_events.pop_front();
    m_events.push_back(e);
}

} // namespace reslab
