#pragma once

#include "reslab/model/outcome.h"
#include "reslab/stages/bulkhead_options.h"
#include "reslab/stages/circuit_breaker_options.h"
#include "reslab/stages/fallback_options.h"
#include "reslab/stages/hedging_options.h"
#include "reslab/stages/rate_limiter_options.h"
#include "reslab/stages/retry_options.h"
#include "reslab/stages/timeout_options.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace reslab {

/// A latency (or think-time) distribution in milliseconds, as written under `latency_ms`.
struct LatencySpec
{
    enum class Dist
    {
        Constant,
        Uniform,
        Exponential,
        Normal,
        Lognormal
    };
    Dist dist = Dist::Constant;
    double value = 0;  ///< constant
    double min = 0;    ///< uniform
    double max = 0;    ///< uniform
    double mean = 0;   ///< exponential, normal
    double stddev = 0; ///< normal (truncated at 0)
    double median = 0; ///< lognormal
    double p99 = 0;    ///< lognormal

    static LatencySpec constant(double ms)
    {
        LatencySpec s;
        s.value = ms;
        return s;
    }
    bool operator==(const LatencySpec &) const = default;
};

/// One entry of a service's `script`: "ok", "error", "ok:250", "error:250".
struct ScriptedOutcome
{
    bool ok = true;
    std::optional<double> latencyMs; ///< absent: drawn from the service's distribution
    bool operator==(const ScriptedOutcome &) const = default;
};

struct LoadPhase
{
    double atS = 0;
    std::optional<double> ratePerS;
    std::optional<int> clients;
    std::optional<LatencySpec> thinkTime;
    bool operator==(const LoadPhase &) const = default;
};

struct LoadSpec
{
    enum class Type
    {
        Poisson,
        Constant,
        Closed,
        Script
    };
    Type type = Type::Poisson;
    double ratePerS = 0;      ///< poisson, constant
    int clients = 0;          ///< closed
    LatencySpec thinkTime;    ///< closed: `think_time_ms`
    std::vector<double> atMs; ///< script: arrival times
    std::vector<LoadPhase> phases;
    bool operator==(const LoadSpec &) const = default;
};

/// The options of every stage type, one alternative per type. Adding a stage type adds its options
/// struct here, at the end (with its folder under engine/src/stages/, docs/extending.md).
using StageOptions = std::variant<BreakerSpec, RetrySpec, TimeoutSpec, FallbackSpec, BulkheadSpec,
                                  RateLimiterSpec, HedgingSpec>;

/// One entry of a pipeline: its name, its switch and its type's options.
struct StageSpec
{
    std::string name;    ///< for events.csv; defaults to the type, or "type#index" if repeated
    bool enabled = true; ///< a disabled stage is skipped (the GUI's stage switch)
    StageOptions options{TimeoutSpec{}};

    template <class Options>
    bool is() const
    {
        return std::holds_alternative<Options>(options);
    }
    template <class Options>
    Options &as()
    {
        return std::get<Options>(options);
    }
    template <class Options>
    const Options &as() const
    {
        return std::get<Options>(options);
    }
    /// The registry entry of this stage's type.
    const StagePattern &pattern() const;
    /// The `type` key: "circuit_breaker", "retry", ...
    std::string_view typeName() const;
    bool operator==(const StageSpec &) const = default;
};

/// The stage's name when the file gives none: its type, or "type#index" if the type repeats.
std::string defaultStageName(const std::vector<StageSpec> &pipeline, std::size_t index);

/// Version 2: how a service makes its `calls` once its own work is done.
enum class CallMode
{
    Sequential, ///< in list order, each after the previous one ended
    Parallel    ///< all at once
};

/// Version 2: how a call picks one of a service's replicas.
enum class LoadBalancer
{
    RoundRobin,
    Random,
    LeastOutstanding, ///< fewest in service plus queued; ties to the lowest index
    PowerOfTwo        ///< `p2c`: two distinct random replicas, the one with fewer outstanding
};

/// Version 2: a replica's health, set by phases.
enum class ReplicaState
{
    Up,
    Refuse, ///< every attempt answers `error` at once, without a slot (a crashed process)
    Hang    ///< attempts take a slot and never answer (a partition)
};

/// `services.NAME.calls[i]`: a call the service makes, through its own pipeline.
struct CallSpec
{
    std::string to;
    double probability = 1;          ///< drawn per attempt from the edge's stream
    bool required = true;            ///< a failed required call fails the attempt
    std::vector<StageSpec> pipeline; ///< outermost first
    bool operator==(const CallSpec &) const = default;
};

/// `services.NAME.phases[i]`: from `at_s` on, the listed numbers replace the service's.
struct ServicePhase
{
    double atS = 0;
    std::optional<double> failureRate;
    std::optional<LatencySpec> latency;
    std::optional<LatencySpec> errorLatency;
    std::optional<int> concurrency;
    std::optional<std::int64_t> queueLimit;
    std::optional<double> latencyPerInflightMs;
    std::optional<ReplicaState> state; ///< version 2: `up`, `refuse`, `hang`
    std::vector<int> replicas;         ///< version 2: the replicas it applies to (empty: all)
    bool operator==(const ServicePhase &) const = default;
};

struct ServiceSpec
{
    std::string name;
    double failureRate = 0;
    LatencySpec latency;                     ///< `latency_ms` (required)
    std::optional<LatencySpec> errorLatency; ///< `error_latency_ms`: errors' own latency
    int concurrency = 0;                     ///< 0: unlimited
    std::optional<std::int64_t> queueLimit;  ///< absent: unbounded queue
    double latencyPerInflightMs = 0;
    std::vector<ServicePhase> phases;
    std::vector<ScriptedOutcome> script;
    // version 2 (docs/scenario.md, "Service graphs")
    std::vector<CallSpec> calls;
    CallMode callMode = CallMode::Sequential;
    int replicas = 1;
    LoadBalancer loadBalancer = LoadBalancer::RoundRobin;
    bool operator==(const ServiceSpec &) const = default;
};

/// A scenario's name and description in another language (`i18n`, version 2).
struct ScenarioText
{
    std::string name;
    std::string description;
    bool operator==(const ScenarioText &) const = default;
};

/// A scenario file (version 1, or 2 with service graphs), parsed and validated.
struct Scenario
{
    int version = 1;
    std::string name;
    std::string description;
    std::uint64_t seed = 1;
    double durationS = 60;
    double bucketMs = 1000;
    LoadSpec load;
    std::map<std::string, ServiceSpec> services; ///< by name (sorted: deterministic order)
    std::string target;
    std::vector<StageSpec> pipeline; ///< outermost first
    /// Version 2: where the GUI draws each service (`layout`); the engine ignores it.
    std::map<std::string, std::array<double, 2>> layout;
    /// Version 2: translated names and descriptions by language (`i18n.zh_CN`).
    std::map<std::string, ScenarioText> i18n;
    bool operator==(const Scenario &) const = default;
};

} // namespace reslab
