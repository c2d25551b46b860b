// export-config: the tuned settings as real library configuration, parsed back here.
#include "reslab/io/config_export.h"
#include "reslab/io/scenario_io.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <sstream>

namespace reslab {
namespace {

/// A reader for the YAML subset the exporter writes (block mappings, `key: value` scalars,
/// `#` comments): returns dotted paths -> scalar text.
std::map<std::string, std::string> readYaml(const std::string &text)
{
    std::map<std::string, std::string> values;
    std::vector<std::pair<int, std::string>> stack; // (indent, key)
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        const auto hash = line.find('#');
        if (hash != std::string::npos)
            line = line.substr(0, hash);
        const auto first = line.find_first_not_of(' ');
        if (first == std::string::npos)
            continue;
        const int indent = static_cast<int>(first);
        const auto colon = line.find(':', first);
        EXPECT_NE(colon, std::string::npos) << "not a mapping line: " << line;
        const std::string key = line.substr(first, colon - first);
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        while (!stack.empty() && stack.back().first >= indent)
            stack.pop_back();
        std::string path;
        for (const auto &[i, k] : stack)
            path += k + ".";
        path += key;
        if (value.empty())
            stack.emplace_back(indent, key);
        else
            values[path] = value;
    }
    return values;
}

Scenario scenarioFrom(const char *json)
{
    ScenarioParse p = parseScenarioText(json);
    EXPECT_TRUE(p.ok()) << (p.errors.empty() ? "" : p.errors[0].toString());
    return p.ok() ? *p.scenario : Scenario{};
}

constexpr const char *kR4j = R"({
  "version": 1, "name": "tuned", "duration_s": 10,
  "load": { "type": "poisson", "rate_per_s": 10 },
  "services": { "payments": { "latency_ms": { "dist": "constant", "value": 5 } } },
  "target": "payments",
  "pipeline": [
    { "type": "circuit_breaker", "policy": "resilience4j", "sliding_window_type": "time",
      "sliding_window_size": 30, "minimum_number_of_calls": 25, "failure_rate_threshold": 35.5,
      "slow_call_rate_threshold": 80, "slow_call_duration_threshold_ms": 1500,
      "permitted_number_of_calls_in_half_open_state": 4, "wait_duration_in_open_state_ms": 12000,
      "max_wait_duration_in_half_open_state_ms": 3000,
      "automatic_transition_from_open_to_half_open_enabled": true },
    { "type": "retry", "max_retries": 4, "backoff": "exponential", "base_ms": 250,
      "multiplier": 1.5, "max_delay_ms": 8000, "jitter": "randomized",
      "randomization_factor": 0.25 },
    { "type": "timeout", "timeout_ms": 900, "cancel_inner": true }
  ]
})";

TEST(ConfigExport, Resilience4jYamlRoundTripsTheValues)
{
    const Scenario s = scenarioFrom(kR4j);
    const auto y = readYaml(exportResilience4jYaml(s));
    const std::string cb = "resilience4j.circuitbreaker.instances.payments.";
    EXPECT_EQ(y.at(cb + "slidingWindowType"), "TIME_BASED");
    EXPECT_EQ(y.at(cb + "slidingWindowSize"), "30");
    EXPECT_EQ(y.at(cb + "minimumNumberOfCalls"), "25");
    EXPECT_EQ(y.at(cb + "failureRateThreshold"), "35.5");
    EXPECT_EQ(y.at(cb + "slowCallRateThreshold"), "80");
    EXPECT_EQ(y.at(cb + "slowCallDurationThreshold"), "1500ms");
    EXPECT_EQ(y.at(cb + "permittedNumberOfCallsInHalfOpenState"), "4");
    EXPECT_EQ(y.at(cb + "waitDurationInOpenState"), "12000ms");
    EXPECT_EQ(y.at(cb + "maxWaitDurationInHalfOpenState"), "3000ms");
    EXPECT_EQ(y.at(cb + "automaticTransitionFromOpenToHalfOpenEnabled"), "true");
    const std::string r = "resilience4j.retry.instances.payments.";
    EXPECT_EQ(y.at(r + "maxAttempts"), "5"); // resilience4j counts the first call
    EXPECT_EQ(y.at(r + "waitDuration"), "250ms");
    EXPECT_EQ(y.at(r + "enableExponentialBackoff"), "true");
    EXPECT_EQ(y.at(r + "exponentialBackoffMultiplier"), "1.5");
    EXPECT_EQ(y.at(r + "exponentialMaxWaitDuration"), "8000ms");
    EXPECT_EQ(y.at(r + "enableRandomizedWait"), "true");
    EXPECT_EQ(y.at(r + "randomizedWaitFactor"), "0.25");
    const std::string t = "resilience4j.timelimiter.instances.payments.";
    EXPECT_EQ(y.at(t + "timeoutDuration"), "900ms");
    EXPECT_EQ(y.at(t + "cancelRunningFuture"), "true");
}

TEST(ConfigExport, Resilience4jListsWhatDoesNotMapAsComments)
{
    const Scenario s = scenarioFrom(R"({
      "version": 1, "name": "seedlike", "duration_s": 10,
      "load": { "type": "poisson", "rate_per_s": 10 },
      "services": { "api": { "latency_ms": { "dist": "constant", "value": 5 } } },
      "target": "api",
      "pipeline": [
        { "type": "fallback", "mode": "static" },
        { "type": "circuit_breaker", "policy": "consecutive", "failure_threshold": 5 },
        { "type": "retry", "max_retries": 2, "backoff": "linear", "jitter": "full",
          "budget": { "ratio": 0.2 } }
      ]
    })");
    const std::string text = exportResilience4jYaml(s);
    const auto y = readYaml(text);
    EXPECT_EQ(y.count("resilience4j.circuitbreaker.instances.api.failureRateThreshold"), 0u);
    EXPECT_EQ(y.at("resilience4j.retry.instances.api.maxAttempts"), "3");
    EXPECT_EQ(y.count("resilience4j.retry.instances.api.enableRandomizedWait"), 0u);
    for (const char *note : {"policy consecutive", "linear backoff", "jitter full", "retry budget",
                             "fallback (static)"})
        EXPECT_NE(text.find(note), std::string::npos) << note;
}

TEST(ConfigExport, Resilience4jDimensionlessSettingsAreExportedExactly)
{
    // Rates, factors and multipliers are compared or multiplied as given (CircuitBreakerMetrics:
    // failureRate >= failureRateThreshold, as floats; IntervalFunction: randomize(v, f) and
    // base(n) = (long)(base(n-1) * multiplier)). A threshold of 12.3456 % rounded to 12.346 %
    // is another threshold; a randomizedWaitFactor of 0.0625 rounded to 0.063 widens the range
    // [v - f.v, v + f.v + 1) of every delay. So the exported text must be the tuned value itself.
    const Scenario s = scenarioFrom(R"({
      "version": 1, "name": "precise", "duration_s": 10,
      "load": { "type": "poisson", "rate_per_s": 10 },
      "services": { "payments": { "latency_ms": { "dist": "constant", "value": 5 } } },
      "target": "payments",
      "pipeline": [
        { "type": "circuit_breaker", "policy": "resilience4j",
          "failure_rate_threshold": 12.3456, "slow_call_rate_threshold": 87.65432 },
        { "type": "retry", "backoff": "exponential", "base_ms": 200, "multiplier": 1.0625,
          "jitter": "randomized", "randomization_factor": 0.0625 }
      ]
    })");
    const auto y = readYaml(exportResilience4jYaml(s));
    const std::string cb = "resilience4j.circuitbreaker.instances.payments.";
    EXPECT_EQ(y.at(cb + "failureRateThreshold"), "12.3456");
    EXPECT_EQ(y.at(cb + "slowCallRateThreshold"), "87.65432");
    const std::string r = "resilience4j.retry.instances.payments.";
    EXPECT_EQ(y.at(r + "exponentialBackoffMultiplier"), "1.0625");
    EXPECT_EQ(y.at(r + "randomizedWaitFactor"), "0.0625");
}

TEST(ConfigExport, Resilience4jFractionalDurationsUseIso8601)
{
    // Spring Boot binds a Duration from "<integer><unit>" (DurationStyle.SIMPLE: digits only)
    // or from ISO-8601 (java.time.Duration.parse, fractional seconds allowed). "1500.5ms" binds
    // to nothing (the application fails to start), so a duration with a fraction of a
    // millisecond is written in seconds: 1500.5 ms = PT1.5005S, 0.25 ms = PT0.00025S. Whole
    // milliseconds stay "<n>ms".
    const Scenario s = scenarioFrom(R"({
      "version": 1, "name": "fractions", "duration_s": 10,
      "load": { "type": "poisson", "rate_per_s": 10 },
      "services": { "payments": { "latency_ms": { "dist": "constant", "value": 5 } } },
      "target": "payments",
      "pipeline": [
        { "type": "circuit_breaker", "policy": "resilience4j",
          "slow_call_duration_threshold_ms": 1500.5, "wait_duration_in_open_state_ms": 2000 },
        { "type": "timeout", "timeout_ms": 0.25 }
      ]
    })");
    const auto y = readYaml(exportResilience4jYaml(s));
    const std::string cb = "resilience4j.circuitbreaker.instances.payments.";
    EXPECT_EQ(y.at(cb + "slowCallDurationThreshold"), "PT1.5005S");
    EXPECT_EQ(y.at(cb + "waitDurationInOpenState"), "2000ms");
    EXPECT_EQ(y.at("resilience4j.timelimiter.instances.payments.timeoutDuration"), "PT0.00025S");
}

TEST(ConfigExport, Resilience4jTimeLimiterIsThePerAttemptTimeout)
{
    // resilience4j's Spring aspects nest Retry(CircuitBreaker(RateLimiter(TimeLimiter(
    // Bulkhead(call))))): the TimeLimiter bounds each attempt, inside the retry and the breaker.
    // In the specification's example pipeline [circuit_breaker, timeout 10000, retry, timeout 1000]
    // the per-attempt timeout is the inner 1000 ms one; the 10000 ms one bounds the whole request
    // (retries and backoffs included), which a TimeLimiter in that position cannot mean.
    const Scenario s = scenarioFrom(R"({
      "version": 1, "name": "design", "duration_s": 10,
      "load": { "type": "poisson", "rate_per_s": 10 },
      "services": { "payments": { "latency_ms": { "dist": "constant", "value": 5 } } },
      "target": "payments",
      "pipeline": [
        { "type": "circuit_breaker", "policy": "resilience4j" },
        { "type": "timeout", "name": "overall", "timeout_ms": 10000 },
        { "type": "retry", "max_retries": 3 },
        { "type": "timeout", "name": "per_attempt", "timeout_ms": 1000 }
      ]
    })");
    const std::string text = exportResilience4jYaml(s);
    const auto y = readYaml(text);
    EXPECT_EQ(y.at("resilience4j.timelimiter.instances.payments.timeoutDuration"), "1000ms");
    EXPECT_NE(text.find("overall"), std::string::npos) << "the outer timeout is listed as a note";

    // A timeout only outside the retry bounds the whole request: no TimeLimiter means that.
    const Scenario outer = scenarioFrom(R"({
      "version": 1, "name": "outer", "duration_s": 10,
      "load": { "type": "poisson", "rate_per_s": 10 },
      "services": { "payments": { "latency_ms": { "dist": "constant", "value": 5 } } },
      "target": "payments",
      "pipeline": [
        { "type": "timeout", "name": "overall", "timeout_ms": 5000 },
        { "type": "retry", "max_retries": 2 }
      ]
    })");
    const std::string outerText = exportResilience4jYaml(outer);
    const auto oy = readYaml(outerText);
    EXPECT_EQ(oy.count("resilience4j.timelimiter.instances.payments.timeoutDuration"), 0u);
    EXPECT_NE(outerText.find("overall"), std::string::npos);
}

TEST(ConfigExport, Resilience4jNotesWholeMillisecondTruncationOfPlainExponential)
{
    // IntervalFunction.ofExponentialBackoff: base(1) = waitDuration in whole ms,
    // base(n) = (long)(base(n-1) * multiplier). With base 100 ms and multiplier 1.5 resilience4j
    // waits 100, 150, 225, 337 ms (337.5 truncated), while `jitter: none` here waits
    // base_ms * 1.5^k = 100, 150, 225, 337.5 ms. The exported keys cannot express the
    // difference, so it must be said in a comment.
    const Scenario frac = scenarioFrom(R"({
      "version": 1, "name": "frac", "duration_s": 10,
      "load": { "type": "poisson", "rate_per_s": 10 },
      "services": { "api": { "latency_ms": { "dist": "constant", "value": 5 } } },
      "target": "api",
      "pipeline": [ { "type": "retry", "backoff": "exponential", "base_ms": 100,
                      "multiplier": 1.5 } ]
    })");
    EXPECT_NE(exportResilience4jYaml(frac).find("truncates"), std::string::npos);

    // Multiplier 2 on a whole base: (long)(b * 2) = b * 2 at every step, the same sequence.
    const Scenario whole = scenarioFrom(R"({
      "version": 1, "name": "whole", "duration_s": 10,
      "load": { "type": "poisson", "rate_per_s": 10 },
      "services": { "api": { "latency_ms": { "dist": "constant", "value": 5 } } },
      "target": "api",
      "pipeline": [ { "type": "retry", "backoff": "exponential", "base_ms": 100,
                      "multiplier": 2 } ]
    })");
    EXPECT_EQ(exportResilience4jYaml(whole).find("truncates"), std::string::npos);
}

/// Reads `Name = value,` assignments of each `new XxxStrategyOptions { ... }` block, in order.
/// (Plain string scanning: std::regex trips GCC 12 false warnings under the sanitizers.)
std::vector<std::pair<std::string, std::map<std::string, std::string>>>
readPolly(const std::string &text)
{
    std::vector<std::pair<std::string, std::map<std::string, std::string>>> blocks;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        const auto first = line.find_first_not_of(' ');
        if (first == std::string::npos || line.compare(first, 2, "//") == 0)
            continue;
        const auto open = line.find("new ");
        const auto options = line.find("StrategyOptions");
        if (open != std::string::npos && options != std::string::npos) {
            blocks.push_back({line.substr(open + 4, options + 15 - open - 4), {}});
            continue;
        }
        const auto eq = line.find(" = ");
        if (blocks.empty() || eq == std::string::npos || line.back() != ',')
            continue;
        const std::string name = line.substr(first, eq - first);
        const std::string value = line.substr(eq + 3, line.size() - eq - 4);
        blocks.back().second[name] = value;
    }
    return blocks;
}

TEST(ConfigExport, PollyOptionsRoundTripTheValuesInPipelineOrder)
{
    const Scenario s = scenarioFrom(R"({
      "version": 1, "name": "polly", "duration_s": 10,
      "load": { "type": "poisson", "rate_per_s": 10 },
      "services": { "api": { "latency_ms": { "dist": "constant", "value": 5 } } },
      "target": "api",
      "pipeline": [
        { "type": "timeout", "timeout_ms": 10000, "cancel_inner": true },
        { "type": "retry", "max_retries": 3, "backoff": "exponential", "base_ms": 200,
          "max_delay_ms": 3000, "jitter": "polly_v2" },
        { "type": "circuit_breaker", "policy": "polly", "failure_ratio": 0.25,
          "minimum_throughput": 40, "sampling_duration_ms": 20000, "break_duration_ms": 7500 },
        { "type": "timeout", "timeout_ms": 800, "cancel_inner": true }
      ]
    })");
    const auto blocks = readPolly(exportPollyCSharp(s));
    ASSERT_EQ(blocks.size(), 4u);
    EXPECT_EQ(blocks[0].first, "TimeoutStrategyOptions");
    EXPECT_EQ(blocks[0].second.at("Timeout"), "TimeSpan.FromMilliseconds(10000)");
    EXPECT_EQ(blocks[1].first, "RetryStrategyOptions");
    EXPECT_EQ(blocks[1].second.at("MaxRetryAttempts"), "3");
    EXPECT_EQ(blocks[1].second.at("Delay"), "TimeSpan.FromMilliseconds(200)");
    EXPECT_EQ(blocks[1].second.at("BackoffType"), "DelayBackoffType.Exponential");
    EXPECT_EQ(blocks[1].second.at("UseJitter"), "true");
    EXPECT_EQ(blocks[1].second.at("MaxDelay"), "TimeSpan.FromMilliseconds(3000)");
    EXPECT_EQ(blocks[2].first, "CircuitBreakerStrategyOptions");
    EXPECT_EQ(blocks[2].second.at("FailureRatio"), "0.25");
    EXPECT_EQ(blocks[2].second.at("MinimumThroughput"), "40");
    EXPECT_EQ(blocks[2].second.at("SamplingDuration"), "TimeSpan.FromMilliseconds(20000)");
    EXPECT_EQ(blocks[2].second.at("BreakDuration"), "TimeSpan.FromMilliseconds(7500)");
    EXPECT_EQ(blocks[3].second.at("Timeout"), "TimeSpan.FromMilliseconds(800)");
}

TEST(ConfigExport, PollyCommentsWhatItCannotExpress)
{
    const Scenario s = scenarioFrom(R"({
      "version": 1, "name": "mixed", "duration_s": 10,
      "load": { "type": "poisson", "rate_per_s": 10 },
      "services": { "api": { "latency_ms": { "dist": "constant", "value": 5 } } },
      "target": "api",
      "pipeline": [
        { "type": "circuit_breaker", "policy": "resilience4j" },
        { "type": "retry", "multiplier": 3, "jitter": "decorrelated" }
      ]
    })");
    const std::string text = exportPollyCSharp(s);
    const auto blocks = readPolly(text);
    ASSERT_EQ(blocks.size(), 1u); // the retry only
    EXPECT_EQ(blocks[0].second.at("UseJitter"), "false");
    EXPECT_NE(text.find("policy resilience4j does not exist in Polly v8"), std::string::npos);
    EXPECT_NE(text.find("multiplier 3"), std::string::npos);
    EXPECT_NE(text.find("jitter decorrelated"), std::string::npos);
}

TEST(ConfigExport, PollyFailureRatioIsExportedExactly)
{
    // AdvancedCircuitBehavior breaks when FailureRate >= FailureRatio. With failure_ratio
    // 0.0625, one failure in 16 calls (1/16 = 0.0625) breaks in the simulation; exported as
    // 0.063 it would not break in production. The option must carry 0.0625 itself.
    const Scenario s = scenarioFrom(R"({
      "version": 1, "name": "ratio", "duration_s": 10,
      "load": { "type": "poisson", "rate_per_s": 10 },
      "services": { "api": { "latency_ms": { "dist": "constant", "value": 5 } } },
      "target": "api",
      "pipeline": [
        { "type": "circuit_breaker", "policy": "polly", "failure_ratio": 0.0625,
          "minimum_throughput": 16 }
      ]
    })");
    const auto blocks = readPolly(exportPollyCSharp(s));
    ASSERT_EQ(blocks.size(), 1u);
    EXPECT_EQ(blocks[0].second.at("FailureRatio"), "0.0625");
}

TEST(ConfigExportGraph, EachEdgeIsExportedUnderItsEdgeName)
{
    const ScenarioParse r = parseScenarioText(R"({
      "version": 2, "name": "g", "load": {"type": "poisson", "rate_per_s": 1}, "target": "gw",
      "pipeline": [ {"type": "retry", "max_retries": 2} ],
      "services": {
        "gw": {"latency_ms": {"dist": "constant", "value": 1},
               "calls": [ {"to": "db", "pipeline": [ {"type": "timeout", "timeout_ms": 250} ]},
                          {"to": "db", "pipeline": [ {"type": "timeout", "timeout_ms": 90} ]} ]},
        "db": {"latency_ms": {"dist": "constant", "value": 1}}
      }
    })");
    ASSERT_TRUE(r.ok()) << r.errors.front().toString();
    const std::string yaml = exportResilience4jYaml(*r.scenario);
    // Spring Boot binds map keys with '>' or '#' only in brackets.
    EXPECT_NE(
        yaml.find("  retry:\n    instances:\n      \"[client->gw]\":\n        maxAttempts: 3\n"),
        std::string::npos)
        << yaml;
    EXPECT_NE(yaml.find("      \"[gw->db]\":\n        timeoutDuration: 250ms\n"), std::string::npos)
        << yaml;
    EXPECT_NE(yaml.find("      \"[gw->db#2]\":\n        timeoutDuration: 90ms\n"),
              std::string::npos)
        << yaml;
    EXPECT_EQ(yaml.find("timelimiter:", yaml.find("timelimiter:") + 1), std::string::npos)
        << "one timelimiter section for every edge";
    const std::string cs = exportPollyCSharp(*r.scenario);
    EXPECT_NE(cs.find("// edge gw->db#2\nvar gw__db_2 = new ResiliencePipelineBuilder()\n"
                      "    .AddTimeout(new TimeoutStrategyOptions\n    {\n        Timeout = "
                      "TimeSpan.FromMilliseconds(90),"),
              std::string::npos)
        << cs;
}

} // namespace
} // namespace reslab
