// The breaker policy registry: derived from BreakerPolicyOptions, one entry per alternative, and
// each entry's schema, codec and state machine agreeing with its options struct. Expected values
// are the defaults written in the options headers (reslab/policies/*_options.h), copied by hand.

#include "policies/policy_pattern.h"
#include "reslab/io/scenario_io.h"
#include "reslab/policies/breaker_policy.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace reslab {
namespace {

using nlohmann::json;

// A minimal valid scenario around one pipeline.
json scenarioWith(const json &stage)
{
    json doc = json::parse(R"json({
      "version": 1, "name": "t", "duration_s": 10,
      "load": { "type": "poisson", "rate_per_s": 10 },
      "services": { "api": { "latency_ms": { "dist": "constant", "value": 5 } } },
      "target": "api"
    })json");
    doc["pipeline"] = json::array({stage});
    return doc;
}

std::string errorList(const ScenarioParse &r)
{
    std::string out;
    for (const ScenarioError &e : r.errors)
        out += "  " + e.toString() + "\n";
    return out;
}

Scenario parseOk(const json &doc)
{
    const ScenarioParse r = parseScenario(doc);
    EXPECT_TRUE(r.ok()) << errorList(r);
    return r.scenario.value_or(Scenario{});
}

/// The schema rows of one policy, by key.
std::map<std::string, ParamInfo, std::less<>> rowsOf(const BreakerPolicyPattern &p)
{
    std::map<std::string, ParamInfo, std::less<>> rows;
    for (const ParamInfo &row : p.parameters())
        rows.emplace(std::string(row.key), row);
    return rows;
}

std::vector<std::string> keysOf(const std::map<std::string, ParamInfo, std::less<>> &rows)
{
    std::vector<std::string> keys;
    for (const auto &[key, row] : rows)
        keys.push_back(key);
    return keys;
}

class NullHost final : public BreakerHost
{
public:
    void onTransition(BreakerState, BreakerState) override {}
    void armTimer(SimTime) override {}
    void cancelTimer() override {}
};

// ------------------------------------------------------------------------------------------------

TEST(PolicyRegistry, ListsTheVariantsAlternativesInOrder)
{
    static_assert(std::variant_size_v<BreakerPolicyOptions> == 3);
    static_assert(
        std::is_same_v<std::variant_alternative_t<0, BreakerPolicyOptions>, ConsecutiveOptions>);
    static_assert(
        std::is_same_v<std::variant_alternative_t<1, BreakerPolicyOptions>, Resilience4jOptions>);
    static_assert(
        std::is_same_v<std::variant_alternative_t<2, BreakerPolicyOptions>, PollyOptions>);

    const auto &all = breakerPolicies();
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0], &ConsecutiveOptions::pattern());
    EXPECT_EQ(all[1], &Resilience4jOptions::pattern());
    EXPECT_EQ(all[2], &PollyOptions::pattern());
    EXPECT_EQ(all[0]->key, "consecutive");
    EXPECT_EQ(all[1]->key, "resilience4j");
    EXPECT_EQ(all[2]->key, "polly");
    EXPECT_EQ(policyKeys(),
              (std::vector<std::string_view>{"consecutive", "resilience4j", "polly"}));
    for (std::size_t i = 0; i < all.size(); ++i) {
        EXPECT_EQ(&breakerPolicy(i), all[i]);
        EXPECT_EQ(findBreakerPolicy(all[i]->key), all[i]);
        EXPECT_FALSE(all[i]->title.empty());
    }
    EXPECT_EQ(findBreakerPolicy("hystrix"), nullptr);
    EXPECT_EQ(findBreakerPolicy(""), nullptr);
}

TEST(PolicyRegistry, KeysAndIndexMatchTheSpecsAlternative)
{
    BreakerSpec b;
    EXPECT_TRUE(b.is<ConsecutiveOptions>()) << "a breaker is consecutive unless told otherwise";
    EXPECT_EQ(b.policyKey(), "consecutive");

    ASSERT_TRUE(makeBreakerPolicy("polly", b.policy));
    EXPECT_TRUE(b.is<PollyOptions>());
    EXPECT_EQ(b.as<PollyOptions>(), PollyOptions{});
    EXPECT_EQ(b.policyKey(), "polly");

    b.as<PollyOptions>().failureRatio = 0.5;
    EXPECT_FALSE(makeBreakerPolicy("polli", b.policy));
    ASSERT_TRUE(b.is<PollyOptions>()) << "an unknown key leaves the options alone";
    EXPECT_EQ(b.as<PollyOptions>().failureRatio, 0.5);

    ASSERT_TRUE(makeBreakerPolicy("resilience4j", b.policy));
    EXPECT_TRUE(b.is<Resilience4jOptions>());
    EXPECT_EQ(b.policyKey(), "resilience4j");
    EXPECT_EQ(&breakerPolicy(b.policy.index()), &Resilience4jOptions::pattern());
}

TEST(PolicyRegistry, CreateBuildsTheSpecsPolicy)
{
    NullHost host;
    for (const BreakerPolicyPattern *p : breakerPolicies()) {
        BreakerSpec b;
        ASSERT_TRUE(makeBreakerPolicy(p->key, b.policy));
        const auto policy = BreakerPolicy::create(b, host);
        ASSERT_NE(policy, nullptr);
        EXPECT_EQ(policy->view(0).policy, p->key);
        EXPECT_EQ(policy->state(), BreakerState::Closed);
    }
}

// Each policy's rows: exactly its keys, each default equal to its options struct's field (the
// struct's default, copied from its header, checked as well).

TEST(PolicyRegistry, ConsecutiveRowsDefaultToTheOptionsStruct)
{
    const auto rows = rowsOf(ConsecutiveOptions::pattern());
    EXPECT_EQ(keysOf(rows), (std::vector<std::string>{"failure_threshold", "reset_timeout_ms",
                                                      "success_threshold"}));
    const ConsecutiveOptions d;
    EXPECT_EQ(d.failureThreshold, 5);
    EXPECT_EQ(rows.at("failure_threshold").defaultValue, d.failureThreshold);
    EXPECT_EQ(d.successThreshold, 1);
    EXPECT_EQ(rows.at("success_threshold").defaultValue, d.successThreshold);
    EXPECT_EQ(d.resetTimeoutMs, 30000);
    EXPECT_EQ(rows.at("reset_timeout_ms").defaultValue, d.resetTimeoutMs);
    // The common keys it reads: their rows are the breaker's own.
    EXPECT_EQ(d.halfOpenMaxCalls, 1);
    EXPECT_EQ(parameter("circuit_breaker", "half_open_max_calls").defaultValue, d.halfOpenMaxCalls);
    EXPECT_FALSE(d.automaticTransition);
    EXPECT_EQ(parameter("circuit_breaker", "automatic_transition").defaultValue,
              d.automaticTransition ? 1 : 0);
    for (const auto &[key, row] : rows)
        EXPECT_EQ(row.context, "circuit_breaker.consecutive") << key;
}

TEST(PolicyRegistry, Resilience4jRowsDefaultToTheOptionsStruct)
{
    const auto rows = rowsOf(Resilience4jOptions::pattern());
    EXPECT_EQ(keysOf(rows), (std::vector<std::string>{
                                "automatic_transition_from_open_to_half_open_enabled",
                                "failure_rate_threshold",
                                "max_wait_duration_in_half_open_state_ms",
                                "minimum_number_of_calls",
                                "permitted_number_of_calls_in_half_open_state",
                                "sliding_window_size",
                                "sliding_window_type",
                                "slow_call_duration_threshold_ms",
                                "slow_call_rate_threshold",
                                "wait_duration_in_open_state_ms",
                            }));
    const Resilience4jOptions d;
    EXPECT_EQ(d.slidingWindowType, Resilience4jOptions::WindowType::Count);
    EXPECT_EQ(rows.at("sliding_window_type").defaultChoice, "count");
    EXPECT_EQ(d.slidingWindowSize, 100);
    EXPECT_EQ(rows.at("sliding_window_size").defaultValue, d.slidingWindowSize);
    EXPECT_EQ(d.minimumNumberOfCalls, 100);
    EXPECT_EQ(rows.at("minimum_number_of_calls").defaultValue, d.minimumNumberOfCalls);
    EXPECT_EQ(d.failureRateThreshold, 50);
    EXPECT_EQ(rows.at("failure_rate_threshold").defaultValue, d.failureRateThreshold);
    EXPECT_EQ(d.slowCallRateThreshold, 100);
    EXPECT_EQ(rows.at("slow_call_rate_threshold").defaultValue, d.slowCallRateThreshold);
    EXPECT_EQ(d.slowCallDurationThresholdMs, 60000);
    EXPECT_EQ(rows.at("slow_call_duration_threshold_ms").defaultValue,
              d.slowCallDurationThresholdMs);
    EXPECT_EQ(d.permittedNumberOfCallsInHalfOpenState, 10);
    EXPECT_EQ(rows.at("permitted_number_of_calls_in_half_open_state").defaultValue,
              d.permittedNumberOfCallsInHalfOpenState);
    EXPECT_EQ(d.waitDurationInOpenStateMs, 60000);
    EXPECT_EQ(rows.at("wait_duration_in_open_state_ms").defaultValue, d.waitDurationInOpenStateMs);
    EXPECT_EQ(d.maxWaitDurationInHalfOpenStateMs, 0);
    EXPECT_EQ(rows.at("max_wait_duration_in_half_open_state_ms").defaultValue,
              d.maxWaitDurationInHalfOpenStateMs);
    EXPECT_FALSE(d.automaticTransition);
    EXPECT_EQ(rows.at("automatic_transition_from_open_to_half_open_enabled").defaultValue,
              d.automaticTransition ? 1 : 0);
    for (const auto &[key, row] : rows)
        EXPECT_EQ(row.context, "circuit_breaker.resilience4j") << key;
}

TEST(PolicyRegistry, PollyRowsDefaultToTheOptionsStruct)
{
    const auto rows = rowsOf(PollyOptions::pattern());
    EXPECT_EQ(keysOf(rows),
              (std::vector<std::string>{"break_duration_ms", "failure_ratio", "minimum_throughput",
                                        "sampling_duration_ms"}));
    const PollyOptions d;
    EXPECT_EQ(d.failureRatio, 0.1);
    EXPECT_EQ(rows.at("failure_ratio").defaultValue, d.failureRatio);
    EXPECT_EQ(d.minimumThroughput, 100);
    EXPECT_EQ(rows.at("minimum_throughput").defaultValue, d.minimumThroughput);
    EXPECT_EQ(d.samplingDurationMs, 30000);
    EXPECT_EQ(rows.at("sampling_duration_ms").defaultValue, d.samplingDurationMs);
    EXPECT_EQ(d.breakDurationMs, 5000);
    EXPECT_EQ(rows.at("break_duration_ms").defaultValue, d.breakDurationMs);
    for (const auto &[key, row] : rows)
        EXPECT_EQ(row.context, "circuit_breaker.polly") << key;
}

TEST(PolicyRegistry, RowsAreThePoliciesKeysAndWriteTheirDefaults)
{
    for (const BreakerPolicyPattern *p : breakerPolicies()) {
        SCOPED_TRACE(std::string(p->key));
        const auto rows = rowsOf(*p);
        std::vector<std::string> keys;
        for (std::string_view k : p->keys())
            keys.emplace_back(k);
        std::sort(keys.begin(), keys.end());
        EXPECT_EQ(keysOf(rows), keys);

        // A default spec of the policy writes every row's default.
        Scenario s = parseOk(scenarioWith(json{{"type", "circuit_breaker"}}));
        ASSERT_TRUE(makeBreakerPolicy(p->key, s.pipeline[0].as<BreakerSpec>().policy));
        const json stage = scenarioToJson(s)["pipeline"][0];
        EXPECT_EQ(stage.at("policy"), std::string(p->key));
        for (const auto &[key, row] : rows)
            EXPECT_EQ(stage.at(key), row.defaultJson()) << key;
    }
}

TEST(PolicyRegistry, PollyPolicyParsesToPollyDefaults)
{
    const Scenario s =
        parseOk(scenarioWith(json::parse(R"({"type":"circuit_breaker","policy":"polly"})")));
    ASSERT_EQ(s.pipeline.size(), 1u);
    ASSERT_TRUE(s.pipeline[0].is<BreakerSpec>());
    const BreakerSpec &b = s.pipeline[0].as<BreakerSpec>();
    ASSERT_TRUE(b.is<PollyOptions>());
    EXPECT_EQ(b.policyKey(), "polly");
    const PollyOptions &polly = b.as<PollyOptions>();
    EXPECT_EQ(polly.failureRatio, 0.1);
    EXPECT_EQ(polly.minimumThroughput, 100);
    EXPECT_EQ(polly.samplingDurationMs, 30000); // 30 s
    EXPECT_EQ(polly.breakDurationMs, 5000);     // 5 s
    EXPECT_EQ(polly, PollyOptions{});
    EXPECT_EQ(b.record, BreakerSpec{}.record);
}

/// Options of each policy, every field off its default.
BreakerPolicyOptions tuned(std::size_t index)
{
    switch (index) {
    case 0: {
        ConsecutiveOptions o;
        o.failureThreshold = 7;
        o.successThreshold = 2;
        o.resetTimeoutMs = 1500.5;
        o.halfOpenMaxCalls = 3;
        o.automaticTransition = true;
        return o;
    }
    case 1: {
        Resilience4jOptions o;
        o.slidingWindowType = Resilience4jOptions::WindowType::Time;
        o.slidingWindowSize = 20;
        o.minimumNumberOfCalls = 15;
        o.failureRateThreshold = 25.5;
        o.slowCallRateThreshold = 80;
        o.slowCallDurationThresholdMs = 2000;
        o.permittedNumberOfCallsInHalfOpenState = 4;
        o.waitDurationInOpenStateMs = 1;
        o.maxWaitDurationInHalfOpenStateMs = 9000;
        o.automaticTransition = true;
        return o;
    }
    default: {
        PollyOptions o;
        o.failureRatio = 0.25;
        o.minimumThroughput = 2;
        o.samplingDurationMs = 500;
        o.breakDurationMs = 86400000;
        return o;
    }
    }
}

TEST(PolicyRegistry, SwitchingThePolicyRoundTripsThroughWriteAndRead)
{
    const std::size_t n = std::variant_size_v<BreakerPolicyOptions>;
    ASSERT_EQ(breakerPolicies().size(), n);
    for (std::size_t from = 0; from < n; ++from) {
        for (std::size_t to = 0; to < n; ++to) {
            SCOPED_TRACE(std::string(breakerPolicy(from).key) + " -> " +
                         std::string(breakerPolicy(to).key));
            Scenario s = parseOk(scenarioWith(json{{"type", "circuit_breaker"}}));
            BreakerSpec &b = s.pipeline[0].as<BreakerSpec>();
            b.record = {Outcome::Error, Outcome::Rejected};
            b.policy = tuned(from);
            const Scenario first = parseOk(scenarioToJson(s));
            EXPECT_EQ(first, s);

            // Switch: the common `record` stays, the options are the new policy's.
            Scenario switched = first;
            switched.pipeline[0].as<BreakerSpec>().policy = tuned(to);
            const json written = scenarioToJson(switched);
            const json &stage = written["pipeline"][0];
            EXPECT_EQ(stage.at("policy"), std::string(breakerPolicy(to).key));
            for (std::size_t other = 0; other < n; ++other) {
                if (other == to)
                    continue;
                for (std::string_view k : breakerPolicy(other).keys()) {
                    const bool shared = std::ranges::count(breakerPolicy(to).keys(), k) > 0;
                    EXPECT_EQ(stage.contains(std::string(k)), shared) << k;
                }
            }
            const Scenario back = parseOk(written);
            EXPECT_EQ(back, switched);
            ASSERT_EQ(back.pipeline.size(), 1u);
            EXPECT_EQ(back.pipeline[0].as<BreakerSpec>().policy.index(), to);
            EXPECT_EQ(back.pipeline[0].as<BreakerSpec>().policyKey(), breakerPolicy(to).key);
            EXPECT_EQ(back.pipeline[0].as<BreakerSpec>().record,
                      (OutcomeSet{Outcome::Error, Outcome::Rejected}));
        }
    }
}

TEST(PolicyRegistry, PollyWritesTheOnlyCommonValuesItAdmits)
{
    Scenario s =
        parseOk(scenarioWith(json::parse(R"({"type":"circuit_breaker","policy":"polly"})")));
    const json stage = scenarioToJson(s)["pipeline"][0];
    EXPECT_EQ(stage.at("half_open_max_calls"), 1);
    EXPECT_EQ(stage.at("automatic_transition"), false);
}

} // namespace
} // namespace reslab
