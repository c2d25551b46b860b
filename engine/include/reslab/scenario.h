#pragma once

#include "reslab/outcome.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
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
    bool operator==(const ServiceSpec &) const = default;
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

struct BreakerSpec
{
    enum class Policy
    {
        Consecutive,
        Resilience4j,
        Polly
    };
    Policy policy = Policy::Consecutive;
    OutcomeSet record{Outcome::Error, Outcome::Timeout, Outcome::Overloaded};
    int halfOpenMaxCalls = 1;         ///< consecutive: trial calls at a time
    bool automaticTransition = false; ///< open -> half-open by timer

    // consecutive
    int failureThreshold = 5;
    int successThreshold = 1;
    double resetTimeoutMs = 30000;

    // resilience4j (CircuitBreakerConfig names and defaults)
    enum class WindowType
    {
        Count,
        Time
    };
    WindowType slidingWindowType = WindowType::Count;
    int slidingWindowSize = 100;
    int minimumNumberOfCalls = 100;
    double failureRateThreshold = 50;
    double slowCallRateThreshold = 100;
    double slowCallDurationThresholdMs = 60000;
    int permittedNumberOfCallsInHalfOpenState = 10;
    double waitDurationInOpenStateMs = 60000;
    double maxWaitDurationInHalfOpenStateMs = 0;
    // automaticTransition doubles as automatic_transition_from_open_to_half_open_enabled

    // polly (CircuitBreakerStrategyOptions names and defaults)
    double failureRatio = 0.1;
    int minimumThroughput = 100;
    double samplingDurationMs = 30000;
    double breakDurationMs = 5000;

    bool operator==(const BreakerSpec &) const = default;
};

struct RetryBudgetSpec
{
    double ratio = 0.2;         ///< retries allowed per request (Finagle percentCanRetry)
    double minRetriesPerS = 10; ///< reserve (Finagle minRetriesPerSec)
    double ttlMs = 10000;       ///< how long a deposit counts (Finagle ttl)
    bool operator==(const RetryBudgetSpec &) const = default;
};

struct RetrySpec
{
    enum class Backoff
    {
        Fixed,
        Linear,
        Exponential
    };
    enum class Jitter
    {
        None,
        Proportional,
        Randomized,
        Full,
        Equal,
        Decorrelated,
        PollyV2
    };
    int maxRetries = 3;
    Backoff backoff = Backoff::Exponential;
    double baseMs = 100;
    double multiplier = 2;
    std::optional<double> maxDelayMs; ///< absent: no cap
    Jitter jitter = Jitter::None;
    double jitterRatio = 0.1;         ///< proportional
    double randomizationFactor = 0.5; ///< randomized (resilience4j)
    OutcomeSet retryOn{Outcome::Error, Outcome::Timeout, Outcome::Overloaded};
    std::optional<RetryBudgetSpec> budget;
    bool operator==(const RetrySpec &) const = default;
};

struct TimeoutSpec
{
    double timeoutMs = 1000;
    bool cancelInner = false;
    bool operator==(const TimeoutSpec &) const = default;
};

struct FallbackSpec
{
    enum class Mode
    {
        Static,
        Cache,
        Service
    };
    Mode mode = Mode::Static;
    double ttlMs = 60000; ///< cache
    std::string service;  ///< service
    OutcomeSet handle = OutcomeSet::allFailures();
    bool operator==(const FallbackSpec &) const = default;
};

struct StageSpec
{
    enum class Type
    {
        CircuitBreaker,
        Retry,
        Timeout,
        Fallback
    };
    Type type = Type::Timeout;
    std::string name;    ///< for events.csv; defaults to the type, or "type#index" if repeated
    bool enabled = true; ///< a disabled stage is skipped (the GUI's stage switch)
    BreakerSpec breaker;
    RetrySpec retry;
    TimeoutSpec timeout;
    FallbackSpec fallback;
    bool operator==(const StageSpec &) const = default;
};

/// A scenario file, version 1, parsed and validated.
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
    bool operator==(const Scenario &) const = default;
};

std::string_view stageTypeName(StageSpec::Type t);

} // namespace reslab
