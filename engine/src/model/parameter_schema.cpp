#include "reslab/model/parameter_schema.h"

#include "reslab/io/json_path.h"
#include "reslab/model/scenario.h"
#include "reslab/stages/stage_pattern.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace reslab {

namespace schema {

// Shorthands for the rows below (designated initialisers keep every row readable).
ParamInfo ms(std::string_view context, std::string_view key, std::string_view label, double def,
             std::string_view tooltip)
{
    ParamInfo p;
    p.context = context;
    p.key = key;
    p.label = label;
    p.unit = "ms";
    p.kind = ParamKind::Real;
    p.min = 0;
    p.max = kMaxMs;
    p.defaultValue = def;
    p.maxLabel = "1e9 ms";
    p.decimals = 2;
    p.slider = SliderScale::Log;
    p.sliderMin = 1;
    p.sliderMax = 600000;
    p.tooltip = tooltip;
    return p;
}

ParamInfo positiveMs(std::string_view context, std::string_view key, std::string_view label,
                     double def, std::string_view tooltip)
{
    ParamInfo p = ms(context, key, label, def, tooltip);
    p.minExclusive = true;
    return p;
}

ParamInfo required(ParamInfo p)
{
    p.hasDefault = false;
    return p;
}

} // namespace schema

namespace {
using namespace schema;

std::string number(double v)
{
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        return std::to_string(static_cast<long long>(v));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

ParamInfo inContext(ParamInfo p, std::string_view context)
{
    p.context = context;
    return p;
}

std::vector<ParamInfo> buildCatalog()
{
    std::vector<ParamInfo> rows;

    // ---- top level ------------------------------------------------------------------------
    rows.push_back({.context = "scenario",
                    .key = "seed",
                    .label = "Seed",
                    .kind = ParamKind::Integer,
                    .min = 0,
                    .max = 18446744073709551615.0,
                    .defaultValue = 1,
                    .slider = SliderScale::None,
                    .tooltip =
                        "Seed of every random draw: the same seed gives the same traffic and "
                        "the same luck, so two configurations compare fairly."});
    rows.push_back({.context = "scenario",
                    .key = "duration_s",
                    .label = "Duration",
                    .unit = "s",
                    .kind = ParamKind::Real,
                    .min = 0,
                    .max = kMaxDurationS,
                    .minExclusive = true,
                    .defaultValue = 60,
                    .decimals = 1,
                    .slider = SliderScale::Log,
                    .sliderMin = 10,
                    .sliderMax = 3600,
                    .tooltip = "How much simulated time one run covers."});
    rows.push_back({.context = "scenario",
                    .key = "bucket_ms",
                    .label = "Metric bucket",
                    .unit = "ms",
                    .kind = ParamKind::Real,
                    .min = 1,
                    .max = kMaxDurationS * 1000,
                    .defaultValue = 1000,
                    .decimals = 0,
                    .slider = SliderScale::Log,
                    .sliderMin = 10,
                    .sliderMax = 60000,
                    .tooltip = "Width of one time bucket of the charts and the time series: "
                               "smaller shows faster changes but noisier curves."});

    // ---- load -----------------------------------------------------------------------------
    const ParamInfo rate{.context = "load",
                         .key = "rate_per_s",
                         .label = "Arrival rate",
                         .unit = "req/s",
                         .kind = ParamKind::Real,
                         .min = 0,
                         .max = 1e6,
                         .hasDefault = false,
                         .decimals = 1,
                         .slider = SliderScale::Log,
                         .sliderMin = 1,
                         .sliderMax = 10000,
                         .tooltip = "New requests per second (poisson: random arrivals with this "
                                    "mean; constant: evenly spaced)."};
    const ParamInfo clients{.context = "load",
                            .key = "clients",
                            .label = "Clients",
                            .unit = "clients",
                            .kind = ParamKind::Integer,
                            .min = 1,
                            .max = 1e6,
                            .hasDefault = false,
                            .slider = SliderScale::Log,
                            .sliderMin = 1,
                            .sliderMax = 10000,
                            .tooltip = "Clients of a closed loop: each sends a request, waits for "
                                       "its end, thinks, and sends the next."};
    rows.push_back(rate);
    rows.push_back(clients);
    const ParamInfo loadAt{.context = "load_phase",
                           .key = "at_s",
                           .label = "From",
                           .unit = "s",
                           .kind = ParamKind::Real,
                           .min = 0,
                           .max = kMaxDurationS,
                           .hasDefault = false,
                           .decimals = 1,
                           .slider = SliderScale::Linear,
                           .sliderMin = 0,
                           .sliderMax = 600,
                           .tooltip =
                               "Simulated second from which this phase's numbers replace the "
                               "load's (phases are listed in time order)."};
    rows.push_back(loadAt);
    {
        ParamInfo r = inContext(rate, "load_phase");
        r.tooltip = "Arrival rate from this phase on (absent: unchanged).";
        rows.push_back(r);
        ParamInfo c = inContext(clients, "load_phase");
        c.tooltip = "Number of closed-loop clients from this phase on (absent: unchanged).";
        rows.push_back(c);
    }

    // ---- services -------------------------------------------------------------------------
    const ParamInfo failureRate{.context = "service",
                                .key = "failure_rate",
                                .label = "Failure rate",
                                .unit = "%",
                                .kind = ParamKind::Real,
                                .min = 0,
                                .max = 1,
                                .defaultValue = 0,
                                .displayScale = 100,
                                .decimals = 2,
                                .slider = SliderScale::Linear,
                                .sliderMin = 0,
                                .sliderMax = 1,
                                .tooltip = "Probability that an attempt fails with an error."};
    const ParamInfo concurrency{.context = "service",
                                .key = "concurrency",
                                .label = "Concurrency",
                                .unit = "calls",
                                .kind = ParamKind::Integer,
                                .min = 0,
                                .max = 1e6,
                                .defaultValue = 0,
                                .slider = SliderScale::Log,
                                .sliderMin = 1,
                                .sliderMax = 10000,
                                .tooltip = "Attempts served at the same time; the others wait in "
                                           "the queue.",
                                .zeroText = "unlimited"};
    const ParamInfo queueLimit{.context = "service",
                               .key = "queue_limit",
                               .label = "Queue limit",
                               .unit = "calls",
                               .kind = ParamKind::Integer,
                               .min = 0,
                               .max = 1e12,
                               .hasDefault = false,
                               .slider = SliderScale::Log,
                               .sliderMin = 1,
                               .sliderMax = 100000,
                               .tooltip = "Places in the FIFO queue beyond the concurrency; an "
                                          "attempt that finds it full fails at once as "
                                          "overloaded.",
                               .optional = true,
                               .optionLabel = "limit",
                               .absentText = "unbounded",
                               .enableValue = 100};
    ParamInfo perInflight =
        ms("service", "latency_per_inflight_ms", "Latency per in-flight call", 0,
           "Extra latency an attempt gets for every other attempt already in "
           "service: servers slow down under load.");
    perInflight.decimals = 3;
    perInflight.sliderMin = 0.01;
    perInflight.sliderMax = 100;
    rows.push_back(failureRate);
    rows.push_back(concurrency);
    rows.push_back(queueLimit);
    rows.push_back(perInflight);
    // version 2: replicas and calls
    rows.push_back({.context = "service",
                    .key = "replicas",
                    .label = "Replicas",
                    .unit = "instances",
                    .kind = ParamKind::Integer,
                    .min = 1,
                    .max = 1000,
                    .defaultValue = 1,
                    .slider = SliderScale::Log,
                    .sliderMin = 1,
                    .sliderMax = 100,
                    .tooltip = "Identical instances of the service, each with its own concurrency, "
                               "queue and slowdown; the load balancer picks one per attempt."});
    rows.push_back({.context = "service",
                    .key = "load_balancer",
                    .label = "Load balancer",
                    .kind = ParamKind::Enum,
                    .defaultChoice = "round_robin",
                    .choices = {"round_robin", "random", "least_outstanding", "p2c"},
                    .slider = SliderScale::None,
                    .tooltip = "How an attempt picks a replica: in turn, at random, the one with "
                               "the fewest outstanding, or the better of two random ones (Envoy's "
                               "LEAST_REQUEST).",
                    .library = "Envoy load balancing"});
    rows.push_back({.context = "service",
                    .key = "call_mode",
                    .label = "Call mode",
                    .kind = ParamKind::Enum,
                    .defaultChoice = "sequential",
                    .choices = {"sequential", "parallel"},
                    .slider = SliderScale::None,
                    .tooltip = "Whether the service makes its calls one after another or all at "
                               "once, after its own work."});

    {
        ParamInfo at = loadAt;
        at.context = "service_phase";
        at.tooltip = "Simulated second from which this phase's values replace the service's "
                     "(phases are listed in time order).";
        rows.push_back(at);
        for (ParamInfo p : {failureRate, concurrency, queueLimit, perInflight}) {
            p.context = "service_phase";
            p.hasDefault = false;
            p.optional = false;
            rows.push_back(p);
        }
        rows.push_back({.context = "service_phase",
                        .key = "state",
                        .label = "State",
                        .kind = ParamKind::Enum,
                        .hasDefault = false,
                        .defaultChoice = "up",
                        .choices = {"up", "refuse", "hang"},
                        .slider = SliderScale::None,
                        .tooltip = "up: serves; refuse: every attempt fails at once (a crashed "
                                   "process); hang: attempts take a slot and never answer (a "
                                   "partition)."});
    }

    // ---- calls (version 2) ----------------------------------------------------------------
    rows.push_back({.context = "call",
                    .key = "probability",
                    .label = "Probability",
                    .unit = "%",
                    .kind = ParamKind::Real,
                    .min = 0,
                    .max = 1,
                    .defaultValue = 1,
                    .displayScale = 100,
                    .decimals = 1,
                    .slider = SliderScale::Linear,
                    .sliderMin = 0,
                    .sliderMax = 1,
                    .tooltip = "Share of the caller's attempts that make this call.",
                    .interval = true});
    rows.push_back({.context = "call",
                    .key = "required",
                    .label = "Required",
                    .kind = ParamKind::Bool,
                    .defaultValue = 1,
                    .slider = SliderScale::None,
                    .tooltip = "A failed required call fails the caller's attempt; a failed "
                               "optional one leaves it degraded."});

    // ---- latency distributions ------------------------------------------------------------
    const auto dist = [&](std::string_view d, std::string_view key, std::string_view label,
                          bool positive, std::string_view tooltip) {
        ParamInfo p = required(ms("", key, label, 0, tooltip));
        p.context = d;
        p.minExclusive = positive;
        p.sliderMin = 0.1;
        p.sliderMax = 60000;
        rows.push_back(p);
    };
    dist("dist.constant", "value", "Value", false, "Every sample takes exactly this long.");
    dist("dist.uniform", "min", "Min", false,
         "Shortest sample; samples are spread evenly up to max.");
    dist("dist.uniform", "max", "Max", false, "Longest sample (at least min).");
    dist("dist.exponential", "mean", "Mean", true,
         "Average sample of an exponential distribution: most are short, a few are long.");
    dist("dist.normal", "mean", "Mean", false, "Centre of a bell curve (samples below 0 are cut).");
    dist("dist.normal", "stddev", "Std deviation", false,
         "Spread of the bell curve: about 68 % of samples lie within one of it from the mean.");
    dist("dist.lognormal", "median", "Median (p50)", true,
         "Half of the samples are faster than this (a log-normal: a long slow tail).");
    dist("dist.lognormal", "p99", "p99", false,
         "99 % of the samples are faster than this; at least the median (equal: constant).");

    // ---- stages: the common keys, then each type's own rows (engine/src/stages/) -----------
    rows.push_back(
        {.context = "stage",
         .key = "enabled",
         .label = "Enabled",
         .kind = ParamKind::Bool,
         .defaultValue = 1,
         .slider = SliderScale::None,
         .tooltip = "A disabled stage is skipped: calls go straight to the next stage."});

    for (const StagePattern *p : stagePatterns()) {
        const std::vector<ParamInfo> own = p->parameters();
        rows.insert(rows.end(), own.begin(), own.end());
    }
    return rows;
}

} // namespace

bool ParamInfo::accepts(double v) const
{
    if (std::isnan(v))
        return false;
    const bool aboveLow = minExclusive ? v > min : v >= min;
    const bool belowHigh = maxExclusive ? v < max : v <= max;
    return aboveLow && belowHigh;
}

std::string ParamInfo::rule(double v) const
{
    const auto high = [&] {
        return maxLabel.empty() ? number(max) : std::string(maxLabel);
    };
    if (interval)
        return "must be in " + std::string(minExclusive ? "(" : "[") + number(min) + ", " + high() +
               (maxExclusive ? ")" : "]");
    const bool aboveLow = minExclusive ? v > min : v >= min;
    if (std::isnan(v))
        return "must be " + std::string(minExclusive ? "> " : ">= ") + number(min) + " and " +
               (maxExclusive ? "< " : "<= ") + high();
    if (!aboveLow)
        return "must be " + std::string(minExclusive ? "> " : ">= ") + number(min);
    return "must be " + std::string(maxExclusive ? "< " : "<= ") + high();
}

std::string ParamInfo::rangeText() const
{
    return std::string(minExclusive ? "(" : "[") + number(min) + ", " + number(max) +
           (maxExclusive ? ")" : "]");
}

nlohmann::json ParamInfo::defaultJson() const
{
    switch (kind) {
    case ParamKind::Enum:
        return hasDefault && !defaultChoice.empty() ? nlohmann::json(std::string(defaultChoice))
                                                    : nlohmann::json();
    case ParamKind::Bool:
        return nlohmann::json(defaultValue != 0);
    case ParamKind::Integer:
        return hasDefault ? nlohmann::json(static_cast<long long>(defaultValue)) : nlohmann::json();
    case ParamKind::Real:
        if (!hasDefault)
            return nullptr;
        if (defaultValue == std::floor(defaultValue) && std::fabs(defaultValue) < 1e15)
            return nlohmann::json(static_cast<long long>(defaultValue));
        return nlohmann::json(defaultValue);
    }
    return nullptr;
}

const std::vector<ParamInfo> &parameterCatalog()
{
    static const std::vector<ParamInfo> rows = buildCatalog();
    return rows;
}

const ParamInfo &parameter(std::string_view context, std::string_view key)
{
    const ParamInfo *p = findParameter(context, key);
    if (p == nullptr)
        throw std::logic_error("no schema row " + std::string(context) + "." + std::string(key));
    return *p;
}

const ParamInfo *findParameter(std::string_view context, std::string_view key)
{
    for (const ParamInfo &p : parameterCatalog()) {
        if (p.context == context && p.key == key)
            return &p;
    }
    return nullptr;
}

std::vector<const ParamInfo *> parametersIn(std::string_view context)
{
    std::vector<const ParamInfo *> out;
    for (const ParamInfo &p : parameterCatalog()) {
        if (p.context == context)
            out.push_back(&p);
    }
    return out;
}

std::vector<std::string_view> parameterContexts()
{
    std::vector<std::string_view> out;
    for (const ParamInfo &p : parameterCatalog()) {
        if (out.empty() || out.back() != p.context) {
            bool seen = false;
            for (std::string_view c : out)
                seen = seen || c == p.context;
            if (!seen)
                out.push_back(p.context);
        }
    }
    return out;
}

namespace {
std::string distContext(const nlohmann::json *obj)
{
    if (obj && obj->is_object()) {
        const auto it = obj->find("dist");
        if (it != obj->end() && it->is_string())
            return "dist." + it->get<std::string>();
    }
    return {};
}

const nlohmann::json *child(const nlohmann::json *j, const std::string &token)
{
    if (!j)
        return nullptr;
    if (j->is_object()) {
        const auto it = j->find(token);
        return it == j->end() ? nullptr : &*it;
    }
    if (j->is_array()) {
        char *end = nullptr;
        const unsigned long i = std::strtoul(token.c_str(), &end, 10);
        if (end == token.c_str() || *end != '\0' || i >= j->size())
            return nullptr;
        return &(*j)[i];
    }
    return nullptr;
}

std::string stringAt(const nlohmann::json *obj, const char *key, const char *fallback)
{
    const nlohmann::json *v = child(obj, key);
    return v && v->is_string() ? v->get<std::string>() : std::string(fallback);
}

/// The context of the stage key t[at..] of `stage` (a pipeline entry).
std::string stageContext(const nlohmann::json *stage, const std::vector<std::string> &t,
                         std::size_t at)
{
    const std::size_t n = t.size() - at + 1; // as if the path were pipeline[i].KEY...
    if (n == 2 && t[at] == "enabled")
        return "stage";
    const StagePattern *pattern = findStagePattern(stringAt(stage, "type", ""));
    if (pattern == nullptr)
        return {};
    const std::string type(pattern->key);
    if (n == 3) {
        // A nested object of the stage (retry.budget).
        const std::string nested = type + "." + t[at];
        return findParameter(nested, t[at + 1]) ? nested : std::string();
    }
    if (n != 2)
        return {};
    const std::string &key = t[at];
    if (!pattern->variantKey.empty()) {
        const ParamInfo *selector = findParameter(type, pattern->variantKey);
        const std::string chosen =
            stringAt(stage, std::string(pattern->variantKey).c_str(),
                     selector ? std::string(selector->defaultChoice).c_str() : "");
        const std::string variant = type + "." + chosen;
        if (findParameter(variant, key))
            return variant;
    }
    if (findParameter(type, key))
        return type;
    // A key of another variant (a cache's ttl_ms on a static fallback).
    for (std::string_view c : parameterContexts()) {
        if (c.size() > type.size() && c.substr(0, type.size() + 1) == type + "." &&
            findParameter(c, key))
            return std::string(c);
    }
    return type;
}
} // namespace

std::string contextForPath(const nlohmann::json &doc, const std::string &path)
{
    const std::vector<std::string> t = splitScenarioPath(path).value_or(std::vector<std::string>{});
    const auto n = t.size();
    if (n == 1)
        return "scenario";
    if (n >= 2 && t[0] == "load") {
        const nlohmann::json *load = child(&doc, "load");
        if (n == 2)
            return "load";
        if (n == 3 && t[1] == "think_time_ms")
            return distContext(child(load, "think_time_ms"));
        if (n == 4 && t[1] == "phases")
            return "load_phase";
        if (n == 5 && t[1] == "phases" && t[3] == "think_time_ms")
            return distContext(child(child(child(load, "phases"), t[2]), "think_time_ms"));
        return {};
    }
    if (n >= 3 && t[0] == "services") {
        const nlohmann::json *svc = child(child(&doc, "services"), t[1]);
        if (n == 3)
            return "service";
        if (n == 4 && (t[2] == "latency_ms" || t[2] == "error_latency_ms"))
            return distContext(child(svc, t[2]));
        if (n == 5 && t[2] == "phases")
            return "service_phase";
        if (n == 6 && t[2] == "phases" && (t[4] == "latency_ms" || t[4] == "error_latency_ms"))
            return distContext(child(child(child(svc, "phases"), t[3]), t[4]));
        if (n == 5 && t[2] == "calls")
            return "call";
        if (n >= 7 && t[2] == "calls" && t[4] == "pipeline") {
            const nlohmann::json *call = child(child(svc, "calls"), t[3]);
            return stageContext(child(child(call, "pipeline"), t[5]), t, 6);
        }
        return {};
    }
    if (n >= 3 && t[0] == "pipeline")
        return stageContext(child(child(&doc, "pipeline"), t[1]), t, 2);
    return {};
}

const ParamInfo *parameterForPath(const nlohmann::json &doc, const std::string &path)
{
    const std::string context = contextForPath(doc, path);
    const std::vector<std::string> t = splitScenarioPath(path).value_or(std::vector<std::string>{});
    if (context.empty() || t.empty())
        return nullptr;
    return findParameter(context, t.back());
}

} // namespace reslab
