// Writes a Scenario as the JSON document the reader reads back to an equal Scenario. Stage types
// write their own keys (engine/src/stages/*/).
#include "reslab/io/scenario_io.h"

#include "io/json_reader.h"
#include "io/scenario_tables.h"
#include "reslab/model/graph.h"
#include "reslab/stages/stage_pattern.h"

#include <charconv>

namespace reslab {
namespace {
using namespace io;

std::string scriptEntryText(const ScriptedOutcome &e)
{
    std::string s = e.ok ? "ok" : "error";
    if (e.latencyMs) {
        std::array<char, 64> buf{};
        const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), *e.latencyMs);
        s += ":" + std::string(buf.data(), res.ptr);
    }
    return s;
}

json latencyToJson(const LatencySpec &l)
{
    json j = json::object();
    j["dist"] = std::string(nameOf(kDists, l.dist));
    switch (l.dist) {
    case LatencySpec::Dist::Constant:
        j["value"] = num(l.value);
        break;
    case LatencySpec::Dist::Uniform:
        j["min"] = num(l.min);
        j["max"] = num(l.max);
        break;
    case LatencySpec::Dist::Exponential:
        j["mean"] = num(l.mean);
        break;
    case LatencySpec::Dist::Normal:
        j["mean"] = num(l.mean);
        j["stddev"] = num(l.stddev);
        break;
    case LatencySpec::Dist::Lognormal:
        j["median"] = num(l.median);
        j["p99"] = num(l.p99);
        break;
    }
    return j;
}

json loadToJson(const LoadSpec &l)
{
    json j = json::object();
    j["type"] = std::string(nameOf(kLoadTypes, l.type));
    switch (l.type) {
    case LoadSpec::Type::Poisson:
    case LoadSpec::Type::Constant:
        j["rate_per_s"] = num(l.ratePerS);
        break;
    case LoadSpec::Type::Closed:
        j["clients"] = l.clients;
        j["think_time_ms"] = latencyToJson(l.thinkTime);
        break;
    case LoadSpec::Type::Script: {
        json at = json::array();
        for (double t : l.atMs)
            at.push_back(num(t));
        j["at_ms"] = std::move(at);
        return j;
    }
    }
    json phases = json::array();
    for (const LoadPhase &p : l.phases) {
        json pj = json::object();
        pj["at_s"] = num(p.atS);
        if (l.type == LoadSpec::Type::Closed) {
            if (p.clients)
                pj["clients"] = *p.clients;
            if (p.thinkTime)
                pj["think_time_ms"] = latencyToJson(*p.thinkTime);
        } else if (p.ratePerS) {
            pj["rate_per_s"] = num(*p.ratePerS);
        }
        phases.push_back(std::move(pj));
    }
    j["phases"] = std::move(phases);
    return j;
}

json pipelineToJson(const std::vector<StageSpec> &pipeline);

json serviceToJson(const ServiceSpec &s, bool version2)
{
    json j = json::object();
    j["failure_rate"] = num(s.failureRate);
    j["latency_ms"] = latencyToJson(s.latency);
    if (s.errorLatency)
        j["error_latency_ms"] = latencyToJson(*s.errorLatency);
    j["concurrency"] = s.concurrency;
    if (s.queueLimit)
        j["queue_limit"] = *s.queueLimit;
    j["latency_per_inflight_ms"] = num(s.latencyPerInflightMs);
    json phases = json::array();
    for (const ServicePhase &p : s.phases) {
        json pj = json::object();
        pj["at_s"] = num(p.atS);
        if (p.failureRate)
            pj["failure_rate"] = num(*p.failureRate);
        if (p.latency)
            pj["latency_ms"] = latencyToJson(*p.latency);
        if (p.errorLatency)
            pj["error_latency_ms"] = latencyToJson(*p.errorLatency);
        if (p.concurrency)
            pj["concurrency"] = *p.concurrency;
        if (p.queueLimit)
            pj["queue_limit"] = *p.queueLimit;
        if (p.latencyPerInflightMs)
            pj["latency_per_inflight_ms"] = num(*p.latencyPerInflightMs);
        if (p.state)
            pj["state"] = std::string(nameOf(kReplicaStates, *p.state));
        if (!p.replicas.empty())
            pj["replicas"] = p.replicas;
        phases.push_back(std::move(pj));
    }
    j["phases"] = std::move(phases);
    json script = json::array();
    for (const ScriptedOutcome &e : s.script)
        script.push_back(scriptEntryText(e));
    j["script"] = std::move(script);
    if (version2) {
        j["replicas"] = s.replicas;
        j["load_balancer"] = std::string(nameOf(kLoadBalancers, s.loadBalancer));
        j["call_mode"] = std::string(nameOf(kCallModes, s.callMode));
        json calls = json::array();
        for (const CallSpec &c : s.calls) {
            json cj = json::object();
            cj["to"] = c.to;
            cj["probability"] = num(c.probability);
            cj["required"] = c.required;
            cj["pipeline"] = pipelineToJson(c.pipeline);
            calls.push_back(std::move(cj));
        }
        j["calls"] = std::move(calls);
    }
    return j;
}

json stageToJson(const std::vector<StageSpec> &pipeline, std::size_t index)
{
    const StageSpec &st = pipeline[index];
    json j = json::object();
    j["type"] = std::string(st.typeName());
    if (!st.name.empty() && st.name != defaultStageName(pipeline, index))
        j["name"] = st.name;
    j["enabled"] = st.enabled;
    st.pattern().write(j, st);
    return j;
}

json pipelineToJson(const std::vector<StageSpec> &pipeline)
{
    json out = json::array();
    for (std::size_t i = 0; i < pipeline.size(); ++i)
        out.push_back(stageToJson(pipeline, i));
    return out;
}

} // namespace

json scenarioToJson(const Scenario &scenario)
{
    const bool version2 = usesVersion2(scenario);
    json j = json::object();
    j["version"] = version2 ? 2 : 1;
    j["name"] = scenario.name;
    j["description"] = scenario.description;
    j["seed"] = scenario.seed;
    j["duration_s"] = num(scenario.durationS);
    j["bucket_ms"] = num(scenario.bucketMs);
    j["load"] = loadToJson(scenario.load);
    json services = json::object();
    for (const auto &[name, svc] : scenario.services)
        services[name] = serviceToJson(svc, version2);
    j["services"] = std::move(services);
    j["target"] = scenario.target;
    j["pipeline"] = pipelineToJson(scenario.pipeline);
    if (!scenario.layout.empty()) {
        json layout = json::object();
        for (const auto &[name, xy] : scenario.layout)
            layout[name] = {num(xy[0]), num(xy[1])};
        j["layout"] = std::move(layout);
    }
    if (!scenario.i18n.empty()) {
        json i18n = json::object();
        for (const auto &[lang, text] : scenario.i18n)
            i18n[lang] = {{"name", text.name}, {"description", text.description}};
        j["i18n"] = std::move(i18n);
    }
    return j;
}

} // namespace reslab
