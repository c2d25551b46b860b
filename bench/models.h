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

} // namespace reslab::bench
