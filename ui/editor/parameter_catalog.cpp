#include "editor/parameter_catalog.h"

#include "scenario_document.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace reslab::ui {
namespace {

constexpr double kMaxMs = 1e9;
constexpr double kIntMax = 2147483647.0;
constexpr double kMaxDurationS = 2592000.0;
constexpr double kDayMs = 86400000.0;

std::string number(double v)
{
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        return std::to_string(static_cast<long long>(v));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

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
    }

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

    // ---- stages -----------------------------------------------------------------------------
    rows.push_back(
        {.context = "stage",
         .key = "enabled",
         .label = "Enabled",
         .kind = ParamKind::Bool,
         .defaultValue = 1,
         .slider = SliderScale::None,
         .tooltip = "A disabled stage is skipped: calls go straight to the next stage."});

    // circuit breaker, common keys
    rows.push_back({.context = "circuit_breaker",
                    .key = "policy",
                    .label = "Policy",
                    .kind = ParamKind::Enum,
                    .defaultChoice = "consecutive",
                    .choices = {"consecutive", "resilience4j", "polly"},
                    .slider = SliderScale::None,
                    .tooltip = "Which breaker to simulate: the seed's consecutive-failure "
                               "breaker, resilience4j's CircuitBreaker or Polly v8's advanced "
                               "breaker, each with its own options and rules."});
    rows.push_back({.context = "circuit_breaker",
                    .key = "half_open_max_calls",
                    .label = "Half-open trial calls",
                    .unit = "calls",
                    .kind = ParamKind::Integer,
                    .min = 1,
                    .max = 1e6,
                    .defaultValue = 1,
                    .slider = SliderScale::Log,
                    .sliderMin = 1,
                    .sliderMax = 100,
                    .tooltip = "Trial calls let through at a time while half-open; the others "
                               "are rejected as circuit_open."});
    rows.push_back({.context = "circuit_breaker",
                    .key = "automatic_transition",
                    .label = "Automatic transition to half-open",
                    .kind = ParamKind::Bool,
                    .defaultValue = 0,
                    .slider = SliderScale::None,
                    .tooltip = "Move from open to half-open by a timer when the wait ends, "
                               "rather than at the next call after it."});

    // consecutive (the seed's breaker)
    rows.push_back({.context = "circuit_breaker.consecutive",
                    .key = "failure_threshold",
                    .label = "Failure threshold",
                    .unit = "failures",
                    .kind = ParamKind::Integer,
                    .min = 1,
                    .max = kIntMax,
                    .defaultValue = 5,
                    .slider = SliderScale::Log,
                    .sliderMin = 1,
                    .sliderMax = 1000,
                    .tooltip = "Consecutive failures that open the breaker; any success resets "
                               "the count."});
    rows.push_back({.context = "circuit_breaker.consecutive",
                    .key = "success_threshold",
                    .label = "Success threshold",
                    .unit = "calls",
                    .kind = ParamKind::Integer,
                    .min = 1,
                    .max = kIntMax,
                    .defaultValue = 1,
                    .slider = SliderScale::Log,
                    .sliderMin = 1,
                    .sliderMax = 100,
                    .tooltip = "Consecutive successful trial calls in half-open that close the "
                               "breaker again; a failed trial reopens it."});
    rows.push_back(positiveMs("circuit_breaker.consecutive", "reset_timeout_ms", "Reset timeout",
                              30000,
                              "How long the breaker stays open, rejecting every call, before it "
                              "lets trial calls through (half-open)."));

    // resilience4j CircuitBreakerConfig
    const std::string_view r4j = "resilience4j CircuitBreakerConfig";
    rows.push_back({.context = "circuit_breaker.resilience4j",
                    .key = "sliding_window_type",
                    .label = "slidingWindowType",
                    .kind = ParamKind::Enum,
                    .defaultChoice = "count",
                    .choices = {"count", "time"},
                    .slider = SliderScale::None,
                    .tooltip = "COUNT_BASED: the last N calls decide; TIME_BASED: the calls of the "
                               "last N seconds (one-second buckets).",
                    .library = r4j});
    rows.push_back({.context = "circuit_breaker.resilience4j",
                    .key = "sliding_window_size",
                    .label = "slidingWindowSize",
                    .unit = "calls",
                    .kind = ParamKind::Integer,
                    .min = 1,
                    .max = 1e6,
                    .defaultValue = 100,
                    .slider = SliderScale::Log,
                    .sliderMin = 1,
                    .sliderMax = 10000,
                    .tooltip = "Size of the window the failure rate is computed over: calls for a "
                               "count window, seconds for a time window.",
                    .library = r4j});
    rows.push_back({.context = "circuit_breaker.resilience4j",
                    .key = "minimum_number_of_calls",
                    .label = "minimumNumberOfCalls",
                    .unit = "calls",
                    .kind = ParamKind::Integer,
                    .min = 1,
                    .max = kIntMax,
                    .defaultValue = 100,
                    .slider = SliderScale::Log,
                    .sliderMin = 1,
                    .sliderMax = 10000,
                    .tooltip = "Calls that must be recorded before the failure rate is computed; "
                               "below it the breaker cannot trip (capped at the window size for "
                               "count windows).",
                    .library = r4j});
    rows.push_back({.context = "circuit_breaker.resilience4j",
                    .key = "failure_rate_threshold",
                    .label = "failureRateThreshold",
                    .unit = "%",
                    .kind = ParamKind::Real,
                    .min = 0,
                    .max = 100,
                    .minExclusive = true,
                    .defaultValue = 50,
                    .decimals = 1,
                    .slider = SliderScale::Linear,
                    .sliderMin = 0,
                    .sliderMax = 100,
                    .tooltip = "Failure percentage of the window at or above which the breaker "
                               "opens; checked after every recorded call.",
                    .library = r4j});
    rows.push_back({.context = "circuit_breaker.resilience4j",
                    .key = "slow_call_rate_threshold",
                    .label = "slowCallRateThreshold",
                    .unit = "%",
                    .kind = ParamKind::Real,
                    .min = 0,
                    .max = 100,
                    .minExclusive = true,
                    .defaultValue = 100,
                    .decimals = 1,
                    .slider = SliderScale::Linear,
                    .sliderMin = 0,
                    .sliderMax = 100,
                    .tooltip = "Percentage of slow calls at or above which the breaker opens, "
                               "even if they succeed.",
                    .library = r4j});
    {
        ParamInfo p = ms("circuit_breaker.resilience4j", "slow_call_duration_threshold_ms",
                         "slowCallDurationThreshold", 60000,
                         "A call that takes strictly longer than this counts as slow.");
        p.min = 1;
        p.library = r4j;
        rows.push_back(p);
    }
    rows.push_back({.context = "circuit_breaker.resilience4j",
                    .key = "permitted_number_of_calls_in_half_open_state",
                    .label = "permittedNumberOfCallsInHalfOpenState",
                    .unit = "calls",
                    .kind = ParamKind::Integer,
                    .min = 1,
                    .max = 1e6,
                    .defaultValue = 10,
                    .slider = SliderScale::Log,
                    .sliderMin = 1,
                    .sliderMax = 1000,
                    .tooltip = "Trial calls let through in half-open; their failure rate decides "
                               "between closing and reopening.",
                    .library = r4j,
                    .alias = "half_open_max_calls"});
    {
        ParamInfo p = ms("circuit_breaker.resilience4j", "wait_duration_in_open_state_ms",
                         "waitDurationInOpenState", 60000,
                         "How long the breaker stays open before it allows half-open trial "
                         "calls (strictly after the deadline).");
        p.min = 1;
        p.library = r4j;
        rows.push_back(p);
    }
    {
        ParamInfo p = ms("circuit_breaker.resilience4j", "max_wait_duration_in_half_open_state_ms",
                         "maxWaitDurationInHalfOpenState", 0,
                         "Longest time the breaker may stay half-open before it reopens; 0 "
                         "waits for the trial calls however long they take.");
        p.library = r4j;
        p.zeroText = "wait forever";
        rows.push_back(p);
    }
    rows.push_back({.context = "circuit_breaker.resilience4j",
                    .key = "automatic_transition_from_open_to_half_open_enabled",
                    .label = "automaticTransitionFromOpenToHalfOpenEnabled",
                    .kind = ParamKind::Bool,
                    .defaultValue = 0,
                    .slider = SliderScale::None,
                    .tooltip = "Move to half-open by a timer when the wait ends, instead of at the "
                               "first call after it.",
                    .library = r4j,
                    .alias = "automatic_transition"});

    // Polly v8 CircuitBreakerStrategyOptions
    const std::string_view polly = "Polly v8 CircuitBreakerStrategyOptions";
    rows.push_back({.context = "circuit_breaker.polly",
                    .key = "failure_ratio",
                    .label = "FailureRatio",
                    .unit = "ratio",
                    .kind = ParamKind::Real,
                    .min = 0,
                    .max = 1,
                    .defaultValue = 0.1,
                    .decimals = 3,
                    .slider = SliderScale::Linear,
                    .sliderMin = 0,
                    .sliderMax = 1,
                    .tooltip = "Share of failed calls in the sampling window at or above which a "
                               "failure breaks the circuit (0.1 = 10 %).",
                    .library = polly});
    rows.push_back({.context = "circuit_breaker.polly",
                    .key = "minimum_throughput",
                    .label = "MinimumThroughput",
                    .unit = "calls",
                    .kind = ParamKind::Integer,
                    .min = 2,
                    .max = kIntMax,
                    .defaultValue = 100,
                    .slider = SliderScale::Log,
                    .sliderMin = 2,
                    .sliderMax = 10000,
                    .tooltip = "Calls the sampling window must hold before the breaker may break.",
                    .library = polly});
    rows.push_back({.context = "circuit_breaker.polly",
                    .key = "sampling_duration_ms",
                    .label = "SamplingDuration",
                    .unit = "ms",
                    .kind = ParamKind::Real,
                    .min = 500,
                    .max = kDayMs,
                    .defaultValue = 30000,
                    .decimals = 0,
                    .slider = SliderScale::Log,
                    .sliderMin = 500,
                    .sliderMax = 600000,
                    .tooltip = "Length of the rolling window (ten buckets) the failure ratio and "
                               "throughput are measured over.",
                    .library = polly});
    rows.push_back({.context = "circuit_breaker.polly",
                    .key = "break_duration_ms",
                    .label = "BreakDuration",
                    .unit = "ms",
                    .kind = ParamKind::Real,
                    .min = 500,
                    .max = kDayMs,
                    .defaultValue = 5000,
                    .decimals = 0,
                    .slider = SliderScale::Log,
                    .sliderMin = 500,
                    .sliderMax = 600000,
                    .tooltip = "How long the circuit stays open before the next call becomes the "
                               "single half-open probe.",
                    .library = polly});

    // retry
    rows.push_back({.context = "retry",
                    .key = "max_retries",
                    .label = "Max retries",
                    .unit = "retries",
                    .kind = ParamKind::Integer,
                    .min = 0,
                    .max = 100,
                    .defaultValue = 3,
                    .slider = SliderScale::Linear,
                    .sliderMin = 0,
                    .sliderMax = 10,
                    .tooltip = "Extra attempts after the first (3 means up to 4 attempts)."});
    rows.push_back({.context = "retry",
                    .key = "backoff",
                    .label = "Backoff",
                    .kind = ParamKind::Enum,
                    .defaultChoice = "exponential",
                    .choices = {"fixed", "linear", "exponential"},
                    .slider = SliderScale::None,
                    .tooltip =
                        "How the delay grows between retries: the same (fixed), base x (k+1) "
                        "(linear) or base x multiplier^k (exponential)."});
    {
        ParamInfo p = ms("retry", "base_ms", "Base delay", 100,
                         "Delay before the first retry, from which the later delays grow.");
        p.sliderMax = 60000;
        rows.push_back(p);
    }
    rows.push_back({.context = "retry",
                    .key = "multiplier",
                    .label = "Multiplier",
                    .unit = "×",
                    .kind = ParamKind::Real,
                    .min = 1,
                    .max = 1000,
                    .defaultValue = 2,
                    .decimals = 2,
                    .slider = SliderScale::Linear,
                    .sliderMin = 1,
                    .sliderMax = 5,
                    .tooltip = "Factor by which each exponential delay exceeds the one before."});
    {
        ParamInfo p = ms("retry", "max_delay_ms", "Max delay", 0,
                         "Cap on any one delay (before jitter spreads it), so exponential growth "
                         "stops somewhere.");
        p.hasDefault = false;
        p.optional = true;
        p.optionLabel = "cap";
        p.absentText = "no cap";
        p.enableValue = 10000;
        rows.push_back(p);
    }
    rows.push_back({.context = "retry",
                    .key = "jitter",
                    .label = "Jitter",
                    .kind = ParamKind::Enum,
                    .defaultChoice = "none",
                    .choices = {"none", "proportional", "randomized", "full", "equal",
                                "decorrelated", "polly_v2"},
                    .slider = SliderScale::None,
                    .tooltip = "Randomness added to each delay so that clients that failed "
                               "together do not all retry at the same instant."});
    rows.push_back({.context = "retry",
                    .key = "jitter_ratio",
                    .label = "Jitter ratio",
                    .unit = "ratio",
                    .kind = ParamKind::Real,
                    .min = 0,
                    .max = 10,
                    .defaultValue = 0.1,
                    .decimals = 3,
                    .slider = SliderScale::Linear,
                    .sliderMin = 0,
                    .sliderMax = 1,
                    .tooltip = "Proportional jitter adds up to this share of the delay (0.1: up to "
                               "10 % longer)."});
    rows.push_back({.context = "retry",
                    .key = "randomization_factor",
                    .label = "randomizationFactor",
                    .unit = "ratio",
                    .kind = ParamKind::Real,
                    .min = 0,
                    .max = 1,
                    .defaultValue = 0.5,
                    .decimals = 3,
                    .slider = SliderScale::Linear,
                    .sliderMin = 0,
                    .sliderMax = 1,
                    .tooltip = "Randomized jitter spreads each delay d over [d - f·d, d + f·d] "
                               "(resilience4j IntervalFunction).",
                    .library = "resilience4j IntervalFunction"});
    rows.push_back({.context = "retry.budget",
                    .key = "ratio",
                    .label = "Ratio (percentCanRetry)",
                    .unit = "retries/req",
                    .kind = ParamKind::Real,
                    .min = 0,
                    .max = 1000,
                    .defaultValue = 0.2,
                    .decimals = 3,
                    .slider = SliderScale::Linear,
                    .sliderMin = 0,
                    .sliderMax = 1,
                    .tooltip = "Retries allowed per recent request (0.2: retries may add at most "
                               "20 % to the load), on top of the reserve.",
                    .library = "Finagle RetryBudget"});
    rows.push_back({.context = "retry.budget",
                    .key = "min_retries_per_s",
                    .label = "Reserve (minRetriesPerSec)",
                    .unit = "retries/s",
                    .kind = ParamKind::Real,
                    .min = 0,
                    .max = 1e6,
                    .defaultValue = 10,
                    .decimals = 1,
                    .slider = SliderScale::Log,
                    .sliderMin = 0.1,
                    .sliderMax = 1000,
                    .tooltip = "Retries per second always allowed, so that light traffic can "
                               "still retry.",
                    .library = "Finagle RetryBudget"});
    {
        ParamInfo p = positiveMs("retry.budget", "ttl_ms", "Window (ttl)", 10000,
                                 "How long a request's deposit counts towards the budget.");
        p.max = kDayMs;
        p.sliderMin = 100;
        p.library = "Finagle RetryBudget";
        rows.push_back(p);
    }

    // timeout
    {
        ParamInfo p = required(positiveMs("timeout", "timeout_ms", "Timeout", 0,
                                          "Time after which the caller gets a timeout at once; "
                                          "outside a retry it bounds the whole request, inside "
                                          "each attempt."));
        rows.push_back(p);
    }
    rows.push_back({.context = "timeout",
                    .key = "cancel_inner",
                    .label = "Cancel the abandoned attempt",
                    .kind = ParamKind::Bool,
                    .defaultValue = 0,
                    .slider = SliderScale::None,
                    .tooltip = "Stop the work behind a timed-out call; off (the default, as real "
                               "servers) it keeps the service busy."});

    // fallback
    rows.push_back({.context = "fallback",
                    .key = "mode",
                    .label = "Mode",
                    .kind = ParamKind::Enum,
                    .defaultChoice = "static",
                    .choices = {"static", "cache", "service"},
                    .slider = SliderScale::None,
                    .tooltip = "Where the degraded answer comes from: a static value at once, the "
                               "last good answer, or another virtual service."});
    {
        ParamInfo p = positiveMs("fallback.cache", "ttl_ms", "Cache TTL", 60000,
                                 "The last good answer is served only while younger than this.");
        p.sliderMin = 100;
        p.sliderMax = 3600000;
        rows.push_back(p);
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

std::vector<std::string_view> contexts()
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
} // namespace

std::string contextForPath(const nlohmann::json &doc, const std::string &path)
{
    const std::vector<std::string> t = splitJsonPath(path);
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
        return {};
    }
    if (n >= 3 && t[0] == "pipeline") {
        const nlohmann::json *stage = child(child(&doc, "pipeline"), t[1]);
        const std::string type = stringAt(stage, "type", "");
        if (n == 3 && t[2] == "enabled")
            return "stage";
        if (type == "circuit_breaker" && n == 3) {
            const std::string policy =
                "circuit_breaker." + stringAt(stage, "policy", "consecutive");
            return findParameter(policy, t[2]) ? policy : "circuit_breaker";
        }
        if (type == "retry")
            return n == 4 && t[2] == "budget" ? "retry.budget" : (n == 3 ? "retry" : "");
        if (type == "timeout" && n == 3)
            return "timeout";
        if (type == "fallback" && n == 3)
            return t[2] == "ttl_ms" ? "fallback.cache" : "fallback";
        return {};
    }
    return {};
}

const ParamInfo *parameterForPath(const nlohmann::json &doc, const std::string &path)
{
    const std::string context = contextForPath(doc, path);
    const std::vector<std::string> t = splitJsonPath(path);
    if (context.empty() || t.empty())
        return nullptr;
    return findParameter(context, t.back());
}

} // namespace reslab::ui
