#pragma once

// The two engine workloads the benchmarks share: an M/M/1 queue and the seed preset's full
// pipeline at a chosen load.

#include "reslab/io/scenario_io.h"
#include "reslab/model/presets.h"
#include "reslab/model/scenario.h"

#include <stdexcept>
#include <string>

namespace reslab::bench {

/// M/M/1 parameters shared by the engine, bare-loop and SimPy runs (rho = 0.9).
inline constexpr double kMM1ArrivalPerS = 900.0;
inline constexpr double kMM1ServicePerS = 1000.0;

/// M/M/1 as a scenario: Poisson arrivals, one server with exponential service, an unbounded
/// FIFO queue, no failures, an empty pipeline. Two events per request (arrival, service done)
/// plus one bucket boundary per second.
inline Scenario mm1Scenario(double durationS, double arrivalPerS = kMM1ArrivalPerS,
                            double servicePerS = kMM1ServicePerS)
{
    Scenario s;
    s.name = "M/M/1";
    s.seed = 42;
    s.durationS = durationS;
    s.bucketMs = 1000;
    s.load.type = LoadSpec::Type::Poisson;
    s.load.ratePerS = arrivalPerS;
    ServiceSpec server;
    server.name = "server";
    server.failureRate = 0;
    server.latency.dist = LatencySpec::Dist::Exponential;
    server.latency.mean = 1000.0 / servicePerS; // ms
    server.concurrency = 1;
    s.services.emplace(server.name, server);
    s.target = server.name;
    return s;
}

/// The built-in `seed-resilient-service` preset (fallback to the cache service, breaker,
/// timeouts 5 s and 10 s, retry ×3 with exponential backoff and jitter; lognormal backend,
/// concurrency 200) with Poisson load at `ratePerS` for `durationS`.
inline Scenario seedPipelineScenario(double ratePerS, double durationS)
{
    const auto preset = findPreset("seed-resilient-service");
    if (!preset)
        throw std::runtime_error("preset seed-resilient-service not found");
    ScenarioParse parsed = parseScenarioText(preset->json);
    if (!parsed.ok()) {
        std::string msg = "preset seed-resilient-service does not parse:";
        for (const auto &e : parsed.errors) {
            msg += ' ';
            msg += e.toString();
        }
        throw std::runtime_error(msg);
    }
    Scenario s = std::move(*parsed.scenario);
    s.load.type = LoadSpec::Type::Poisson;
    s.load.ratePerS = ratePerS;
    s.durationS = durationS;
    return s;
}

/// The 10-service fan-out graph of the graph benchmark: a gateway calling three services in
/// parallel, each calling two more in parallel; a breaker (consecutive) and a timeout on every
/// edge, lognormal latencies, unlimited concurrency. Poisson load at `ratePerS` for `durationS`.
inline Scenario fanoutScenario(double ratePerS, double durationS)
{
    std::string services;
    const auto edge = [](const std::string &to, int timeoutMs) {
        return "{\"to\": \"" + to +
               "\", \"pipeline\": [{\"type\": \"circuit_breaker\", \"policy\": \"consecutive\"}, "
               "{\"type\": \"timeout\", \"timeout_ms\": " +
               std::to_string(timeoutMs) + "}]}";
    };
    const auto service = [](const std::string &name, double median, const std::string &calls) {
        return "\"" + name + "\": {\"latency_ms\": {\"dist\": \"lognormal\", \"median\": " +
               std::to_string(median) + ", \"p99\": " + std::to_string(median * 4) +
               "}, \"failure_rate\": 0.01, \"call_mode\": \"parallel\", \"calls\": [" + calls +
               "]}";
    };
    services += service("gateway", 2, edge("a", 500) + "," + edge("b", 500) + "," + edge("c", 500));
    for (const char *mid : {"a", "b", "c"}) {
        const std::string m = mid;
        services += "," + service(m, 4, edge(m + "1", 200) + "," + edge(m + "2", 200));
        services += "," + service(m + "1", 8, "") + "," + service(m + "2", 8, "");
    }
    const std::string doc =
        "{\"version\": 2, \"name\": \"fan-out\", \"duration_s\": " + std::to_string(durationS) +
        ", \"load\": {\"type\": \"poisson\", \"rate_per_s\": " + std::to_string(ratePerS) +
        "}, \"target\": \"gateway\", " +
        "\"pipeline\": [{\"type\": \"timeout\", \"timeout_ms\": 1000}], " + "\"services\": {" +
        services + "}}";
    ScenarioParse parsed = parseScenarioText(doc);
    if (!parsed.ok())
        throw std::runtime_error("the fan-out scenario does not parse: " +
                                 parsed.errors.front().toString());
    return std::move(*parsed.scenario);
}

} // namespace reslab::bench
