// The `resilience4j` breaker policy's registry entry: schema, codec and construction.
#include "io/json_reader.h"
#include "policies/policy_pattern.h"
#include "policies/resilience4j/resilience4j_breaker.h"

namespace reslab {
namespace {
using namespace io;
using namespace schema;

constexpr std::array<Named<Resilience4jOptions::WindowType>, 2> kWindowTypes{{
    {"count", Resilience4jOptions::WindowType::Count},
    {"time", Resilience4jOptions::WindowType::Time},
}};

/// resilience4j: the common key `alias` and the library's `library` name for one setting.
const json *aliasedKey(const JsonObject &o, std::string_view alias, std::string_view library,
                       std::string_view &usedKey)
{
    const json *a = o.find(alias);
    const json *l = o.find(library);
    if (a != nullptr && l != nullptr) {
        o.checker().error(o.sub(alias), "is an alias of " + std::string(library) +
                                            ", which is also given: keep only one");
        return nullptr;
    }
    usedKey = a != nullptr ? alias : library;
    return a != nullptr ? a : l;
}

std::vector<ParamInfo> parameters()
{
    std::vector<ParamInfo> rows;
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
                    .library = r4j,
                    .interval = true});
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
                    .library = r4j,
                    .interval = true});
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

    return rows;
}

std::vector<std::string_view> keys()
{
    return {"sliding_window_type",
            "sliding_window_size",
            "minimum_number_of_calls",
            "failure_rate_threshold",
            "slow_call_rate_threshold",
            "slow_call_duration_threshold_ms",
            "permitted_number_of_calls_in_half_open_state",
            "wait_duration_in_open_state_ms",
            "max_wait_duration_in_half_open_state_ms",
            "automatic_transition_from_open_to_half_open_enabled"};
}

void read(const JsonObject &o, BreakerSpec &spec)
{
    Resilience4jOptions &b = spec.as<Resilience4jOptions>();
    Checker &c = o.checker();
    const std::string_view ctx = "circuit_breaker.resilience4j";
    o.choice("sliding_window_type", b.slidingWindowType, kWindowTypes);
    o.integer(parameter(ctx, "sliding_window_size"), b.slidingWindowSize);
    o.integer(parameter(ctx, "minimum_number_of_calls"), b.minimumNumberOfCalls);
    o.number(parameter(ctx, "failure_rate_threshold"), b.failureRateThreshold);
    o.number(parameter(ctx, "slow_call_rate_threshold"), b.slowCallRateThreshold);
    o.number(parameter(ctx, "slow_call_duration_threshold_ms"), b.slowCallDurationThresholdMs);
    std::string_view used;
    if (const json *v = aliasedKey(o, "half_open_max_calls",
                                   "permitted_number_of_calls_in_half_open_state", used)) {
        if (auto n = readInteger(
                c, *v, o.sub(used),
                rangeOf(parameter(ctx, "permitted_number_of_calls_in_half_open_state"))))
            b.permittedNumberOfCallsInHalfOpenState = static_cast<int>(*n);
    }
    o.number(parameter(ctx, "wait_duration_in_open_state_ms"), b.waitDurationInOpenStateMs);
    o.number(parameter(ctx, "max_wait_duration_in_half_open_state_ms"),
             b.maxWaitDurationInHalfOpenStateMs);
    if (const json *v = aliasedKey(o, "automatic_transition",
                                   "automatic_transition_from_open_to_half_open_enabled", used)) {
        if (auto f = readBool(c, *v, o.sub(used)))
            b.automaticTransition = *f;
    }
}

void write(json &j, const BreakerSpec &spec)
{
    const Resilience4jOptions &b = spec.as<Resilience4jOptions>();
    j["sliding_window_type"] = std::string(nameOf(kWindowTypes, b.slidingWindowType));
    j["sliding_window_size"] = b.slidingWindowSize;
    j["minimum_number_of_calls"] = b.minimumNumberOfCalls;
    j["failure_rate_threshold"] = num(b.failureRateThreshold);
    j["slow_call_rate_threshold"] = num(b.slowCallRateThreshold);
    j["slow_call_duration_threshold_ms"] = num(b.slowCallDurationThresholdMs);
    j["permitted_number_of_calls_in_half_open_state"] = b.permittedNumberOfCallsInHalfOpenState;
    j["wait_duration_in_open_state_ms"] = num(b.waitDurationInOpenStateMs);
    j["max_wait_duration_in_half_open_state_ms"] = num(b.maxWaitDurationInHalfOpenStateMs);
    j["automatic_transition_from_open_to_half_open_enabled"] = b.automaticTransition;
}

std::unique_ptr<BreakerPolicy> create(const BreakerSpec &spec, BreakerHost &host)
{
    return std::make_unique<Resilience4jBreaker>(spec.as<Resilience4jOptions>(), host);
}

} // namespace

const BreakerPolicyPattern &Resilience4jOptions::pattern()
{
    static const BreakerPolicyPattern p{.key = "resilience4j",
                                        .title = "resilience4j CircuitBreaker",
                                        .keys = keys,
                                        .read = read,
                                        .write = write,
                                        .create = create,
                                        .parameters = parameters};
    return p;
}

} // namespace reslab
