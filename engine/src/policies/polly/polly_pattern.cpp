// The `polly` breaker policy's registry entry: schema, codec and construction.
#include "io/json_reader.h"
#include "policies/policy_pattern.h"
#include "policies/polly/polly_breaker.h"

namespace reslab {
namespace {
using namespace io;
using namespace schema;

std::vector<ParamInfo> parameters()
{
    std::vector<ParamInfo> rows;
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
                    .library = polly,
                    .interval = true});
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
                    .library = polly,
                    .interval = true});
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
                    .library = polly,
                    .interval = true});

    return rows;
}

std::vector<std::string_view> keys()
{
    return {"failure_ratio", "minimum_throughput", "sampling_duration_ms", "break_duration_ms"};
}

void read(const JsonObject &o, BreakerSpec &spec)
{
    PollyOptions &b = spec.as<PollyOptions>();
    Checker &c = o.checker();
    int probes = 1;
    if (o.integer(parameter("circuit_breaker", "half_open_max_calls"), probes) && probes != 1)
        c.error(o.sub("half_open_max_calls"), "must be 1 with policy polly (got " +
                                                  std::to_string(probes) +
                                                  "): Polly v8 admits exactly one probe");
    bool automatic = false;
    if (o.boolean("automatic_transition", automatic) && automatic)
        c.error(o.sub("automatic_transition"),
                "must be false with policy polly (got true): Polly v8 moves to half-open "
                "only on a call");
    o.number(parameter("circuit_breaker.polly", "failure_ratio"), b.failureRatio);
    o.integer(parameter("circuit_breaker.polly", "minimum_throughput"), b.minimumThroughput);
    o.number(parameter("circuit_breaker.polly", "sampling_duration_ms"), b.samplingDurationMs);
    o.number(parameter("circuit_breaker.polly", "break_duration_ms"), b.breakDurationMs);
}

void write(json &j, const BreakerSpec &spec)
{
    const PollyOptions &b = spec.as<PollyOptions>();
    // The common keys, at the only values Polly admits (read() refuses any other).
    j["half_open_max_calls"] = 1;
    j["automatic_transition"] = false;
    j["failure_ratio"] = num(b.failureRatio);
    j["minimum_throughput"] = b.minimumThroughput;
    j["sampling_duration_ms"] = num(b.samplingDurationMs);
    j["break_duration_ms"] = num(b.breakDurationMs);
}

std::unique_ptr<BreakerPolicy> create(const BreakerSpec &spec, BreakerHost &host)
{
    return std::make_unique<PollyBreaker>(spec.as<PollyOptions>(), host);
}

} // namespace

const BreakerPolicyPattern &PollyOptions::pattern()
{
    static const BreakerPolicyPattern p{.key = "polly",
                                        .title = "Polly v8 circuit breaker",
                                        .keys = keys,
                                        .read = read,
                                        .write = write,
                                        .create = create,
                                        .parameters = parameters};
    return p;
}

} // namespace reslab
