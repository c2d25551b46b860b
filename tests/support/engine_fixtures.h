#pragma once

// Building blocks shared by the engine suites that drive whole runs on scripted or constant
// services: time in ms, scripted outcomes, an event collector, and a scripted-load scenario.

#include "reslab/model/simulation.h"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace reslab::testing {

/// Milliseconds as virtual time (µs).
constexpr SimTime ms(double v)
{
    return static_cast<SimTime>(v * 1000.0);
}

inline ScriptedOutcome ok(double latencyMs)
{
    return {true, latencyMs};
}
inline ScriptedOutcome err(double latencyMs)
{
    return {false, latencyMs};
}

/// One event as the sink saw it (stage and detail copied out of the record).
struct Ev
{
    SimTime t;
    std::uint64_t request;
    std::uint32_t attempt;
    std::string stage;
    EventKind kind;
    std::string detail;
};

/// Keeps every event of a run, with filters by kind (and request).
class Collect final : public EventSink
{
public:
    void onEvent(const EventRecord &e) override
    {
        events.push_back({e.time, e.request, e.attempt, std::string(e.stage), e.kind, e.detail()});
    }
    std::vector<Ev> of(EventKind kind, std::optional<std::uint64_t> request = std::nullopt) const
    {
        std::vector<Ev> out;
        for (const Ev &e : events) {
            if (e.kind == kind && (!request || e.request == *request))
                out.push_back(e);
        }
        return out;
    }
    std::vector<SimTime> times(EventKind kind,
                               std::optional<std::uint64_t> request = std::nullopt) const
    {
        std::vector<SimTime> out;
        for (const Ev &e : of(kind, request))
            out.push_back(e.t);
        return out;
    }
    std::vector<std::string> details(EventKind kind,
                                     std::optional<std::uint64_t> request = std::nullopt) const
    {
        std::vector<std::string> out;
        for (const Ev &e : of(kind, request))
            out.push_back(e.detail);
        return out;
    }
    /// (time, outcome) of each request_end, in order.
    std::vector<std::pair<SimTime, std::string>> ends() const
    {
        std::vector<std::pair<SimTime, std::string>> out;
        for (const Ev &e : of(EventKind::RequestEnd))
            out.emplace_back(e.t, e.detail);
        return out;
    }
    std::vector<Ev> events;
};

/// (time, request, outcome) of a request's end, as events.csv has it.
struct End
{
    SimTime t;
    std::uint64_t request;
    std::string outcome;
    bool operator==(const End &) const = default;
};
/// Every request_end of a run, in order.
inline std::vector<End> requestEnds(const Collect &ev)
{
    std::vector<End> out;
    for (const Ev &e : ev.of(EventKind::RequestEnd))
        out.push_back({e.t, e.request, e.detail});
    return out;
}

/// The only stage of type `S` on the client edge (a test's pipeline has one).
template <class S>
const S &onlyStage(const Simulation &sim)
{
    for (const auto &stage : sim.clientEdge().stages) {
        if (const auto *s = dynamic_cast<const S *>(stage.get()))
            return *s;
    }
    throw std::logic_error("no such stage in the pipeline");
}

/// A service that answers from `script` in order (1 s latency once the script runs out).
inline ServiceSpec scripted(std::vector<ScriptedOutcome> script, std::string name = "svc")
{
    ServiceSpec s;
    s.name = std::move(name);
    s.latency = LatencySpec::constant(1000.0);
    s.script = std::move(script);
    return s;
}

/// A service with a constant latency and independent failures.
inline ServiceSpec constantService(double latencyMs, double failureRate, std::string name = "svc")
{
    ServiceSpec s;
    s.name = std::move(name);
    s.failureRate = failureRate;
    s.latency = LatencySpec::constant(latencyMs);
    return s;
}

/// Requests arriving at the scripted times `atMs`, sent through `pipeline` to `svc`.
inline Scenario scriptScenario(std::string name, std::uint64_t seed, std::vector<double> atMs,
                               const ServiceSpec &svc, std::vector<StageSpec> pipeline,
                               double durationS = 10)
{
    Scenario s;
    s.name = std::move(name);
    s.seed = seed;
    s.durationS = durationS;
    s.bucketMs = 1000;
    s.load.type = LoadSpec::Type::Script;
    s.load.atMs = std::move(atMs);
    s.services[svc.name] = svc;
    s.target = svc.name;
    s.pipeline = std::move(pipeline);
    return s;
}

/// A timeout stage.
inline StageSpec timeout(double timeoutMs, bool cancelInner = false, std::string name = "timeout")
{
    StageSpec st;
    st.options = TimeoutSpec{};
    st.name = std::move(name);
    st.as<TimeoutSpec>().timeoutMs = timeoutMs;
    st.as<TimeoutSpec>().cancelInner = cancelInner;
    return st;
}

/// A `consecutive` breaker (the design notes'): opens after `failureThreshold` failures in a row.
inline StageSpec breaker(int failureThreshold, double resetMs)
{
    StageSpec st;
    st.options = BreakerSpec{};
    st.name = "breaker";
    ConsecutiveOptions &o = st.as<BreakerSpec>().policy.emplace<ConsecutiveOptions>();
    o.failureThreshold = failureThreshold;
    o.resetTimeoutMs = resetMs;
    return st;
}

/// Failed requests of one cause.
inline std::uint64_t failures(const Summary &s, Outcome o)
{
    return s.failureByCause[static_cast<std::size_t>(o)];
}

} // namespace reslab::testing
