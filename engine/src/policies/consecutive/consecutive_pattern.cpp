// The `consecutive` breaker policy's registry entry: schema, codec and construction.
#include "io/json_reader.h"
#include "policies/consecutive/consecutive_breaker.h"
#include "policies/policy_pattern.h"

namespace reslab {
namespace {
using namespace io;
using namespace schema;

std::vector<ParamInfo> parameters()
{
    std::vector<ParamInfo> rows;
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

    return rows;
}

std::vector<std::string_view> keys()
{
    return {"failure_threshold", "success_threshold", "reset_timeout_ms"};
}

void read(const JsonObject &o, BreakerSpec &spec)
{
    ConsecutiveOptions &b = spec.as<ConsecutiveOptions>();
    o.integer(parameter("circuit_breaker", "half_open_max_calls"), b.halfOpenMaxCalls);
    o.boolean("automatic_transition", b.automaticTransition);
    o.integer(parameter("circuit_breaker.consecutive", "failure_threshold"), b.failureThreshold);
    o.integer(parameter("circuit_breaker.consecutive", "success_threshold"), b.successThreshold);
    o.number(parameter("circuit_breaker.consecutive", "reset_timeout_ms"), b.resetTimeoutMs);
}

void write(json &j, const BreakerSpec &spec)
{
    const ConsecutiveOptions &b = spec.as<ConsecutiveOptions>();
    j["half_open_max_calls"] = b.halfOpenMaxCalls;
    j["automatic_transition"] = b.automaticTransition;
    j["failure_threshold"] = b.failureThreshold;
    j["success_threshold"] = b.successThreshold;
    j["reset_timeout_ms"] = num(b.resetTimeoutMs);
}

std::unique_ptr<BreakerPolicy> create(const BreakerSpec &spec, BreakerHost &host)
{
    return std::make_unique<ConsecutiveBreaker>(spec.as<ConsecutiveOptions>(), host);
}

} // namespace

const BreakerPolicyPattern &ConsecutiveOptions::pattern()
{
    static const BreakerPolicyPattern p{.key = "consecutive",
                                        .title = "Consecutive failures",
                                        .keys = keys,
                                        .read = read,
                                        .write = write,
                                        .create = create,
                                        .parameters = parameters};
    return p;
}

} // namespace reslab
