#include "reslab/io/scenario_io.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace reslab {
namespace {

using nlohmann::json;

// The example scenario of the format's specification (docs/scenario.md), verbatim.
constexpr const char *kDesignExample = R"json({
  "version": 1,
  "name": "Flaky payments",
  "seed": 42,
  "duration_s": 120,
  "bucket_ms": 1000,
  "load":    { "type": "poisson", "rate_per_s": 100,
               "phases": [ { "at_s": 60, "rate_per_s": 300 } ] },
  "services": {
    "payments": {
      "failure_rate": 0.05,
      "latency_ms": { "dist": "lognormal", "median": 40, "p99": 300 },
      "concurrency": 16, "queue_limit": 64,
      "phases": [ { "at_s": 30, "failure_rate": 0.9 },
                  { "at_s": 50, "failure_rate": 0.05 } ]
    },
    "cache": { "failure_rate": 0.0, "latency_ms": { "dist": "constant", "value": 2 } }
  },
  "target": "payments",
  "pipeline": [
    { "type": "fallback", "mode": "service", "service": "cache" },
    { "type": "circuit_breaker", "policy": "consecutive",
      "failure_threshold": 5, "success_threshold": 3, "reset_timeout_ms": 30000 },
    { "type": "timeout", "timeout_ms": 10000 },
    { "type": "retry", "max_retries": 3, "backoff": "exponential",
      "base_ms": 100, "max_delay_ms": 5000, "jitter": "proportional", "jitter_ratio": 0.1 },
    { "type": "timeout", "timeout_ms": 1000 }
  ]
})json";

// A minimal valid scenario; malformed cases are JSON merge patches of it.
constexpr const char *kBase = R"json({
  "version": 1, "name": "t", "duration_s": 10,
  "load": { "type": "poisson", "rate_per_s": 10 },
  "services": { "api": { "latency_ms": { "dist": "constant", "value": 5 } } },
  "target": "api"
})json";

std::string patched(const std::string &patch)
{
    json doc = json::parse(kBase);
    doc.merge_patch(json::parse(patch));
    return doc.dump();
}

std::string withPipeline(const std::string &stages)
{
    return patched(R"({"pipeline":[)" + stages + "]}");
}

std::string errorList(const ScenarioParse &r)
{
    std::string out;
    for (const ScenarioError &e : r.errors)
        out += "  " + e.toString() + "\n";
    return out;
}

bool hasError(const ScenarioParse &r, const std::string &path, const std::string &fragment)
{
    for (const ScenarioError &e : r.errors) {
        if (e.path == path && e.message.find(fragment) != std::string::npos)
            return true;
    }
    return false;
}

Scenario parseOk(const std::string &text)
{
    ScenarioParse r = parseScenarioText(text);
    EXPECT_TRUE(r.ok()) << errorList(r);
    EXPECT_TRUE(r.ok() || !r.errors.empty());
    return r.scenario.value_or(Scenario{});
}

// ------------------------------------------------------------------------------------------------

TEST(ScenarioParse, DesignExampleParses)
{
    const Scenario s = parseOk(kDesignExample);
    EXPECT_EQ(s.version, 1);
    EXPECT_EQ(s.name, "Flaky payments");
    EXPECT_EQ(s.seed, 42u);
    EXPECT_EQ(s.durationS, 120);
    EXPECT_EQ(s.bucketMs, 1000);

    EXPECT_EQ(s.load.type, LoadSpec::Type::Poisson);
    EXPECT_EQ(s.load.ratePerS, 100);
    ASSERT_EQ(s.load.phases.size(), 1u);
    EXPECT_EQ(s.load.phases[0].atS, 60);
    EXPECT_EQ(s.load.phases[0].ratePerS, 300.0);

    ASSERT_EQ(s.services.size(), 2u);
    const ServiceSpec &pay = s.services.at("payments");
    EXPECT_EQ(pay.name, "payments");
    EXPECT_EQ(pay.failureRate, 0.05);
    EXPECT_EQ(pay.latency.dist, LatencySpec::Dist::Lognormal);
    EXPECT_EQ(pay.latency.median, 40);
    EXPECT_EQ(pay.latency.p99, 300);
    EXPECT_EQ(pay.concurrency, 16);
    EXPECT_EQ(pay.queueLimit, std::int64_t{64});
    EXPECT_FALSE(pay.errorLatency.has_value());
    ASSERT_EQ(pay.phases.size(), 2u);
    EXPECT_EQ(pay.phases[0].atS, 30);
    EXPECT_EQ(pay.phases[0].failureRate, 0.9);
    EXPECT_EQ(pay.phases[1].atS, 50);
    EXPECT_EQ(pay.phases[1].failureRate, 0.05);
    EXPECT_FALSE(pay.phases[0].latency.has_value());
    const ServiceSpec &cache = s.services.at("cache");
    EXPECT_EQ(cache.latency, LatencySpec::constant(2));
    EXPECT_EQ(cache.concurrency, 0);
    EXPECT_FALSE(cache.queueLimit.has_value());
    EXPECT_EQ(s.target, "payments");

    ASSERT_EQ(s.pipeline.size(), 5u);
    EXPECT_TRUE(s.pipeline[0].is<FallbackSpec>());
    EXPECT_EQ(s.pipeline[0].name, "fallback");
    EXPECT_EQ(s.pipeline[0].as<FallbackSpec>().mode, FallbackSpec::Mode::Service);
    EXPECT_EQ(s.pipeline[0].as<FallbackSpec>().service, "cache");
    EXPECT_EQ(s.pipeline[0].as<FallbackSpec>().handle, OutcomeSet::allFailures());

    const StageSpec &cb = s.pipeline[1];
    EXPECT_TRUE(cb.is<BreakerSpec>());
    EXPECT_EQ(cb.name, "circuit_breaker");
    ASSERT_TRUE(cb.as<BreakerSpec>().is<ConsecutiveOptions>());
    const ConsecutiveOptions &seed = cb.as<BreakerSpec>().as<ConsecutiveOptions>();
    EXPECT_EQ(seed.failureThreshold, 5);
    EXPECT_EQ(seed.successThreshold, 3);
    EXPECT_EQ(seed.resetTimeoutMs, 30000);
    EXPECT_EQ(seed.halfOpenMaxCalls, 1);

    EXPECT_EQ(s.pipeline[2].name, "timeout#2");
    EXPECT_EQ(s.pipeline[2].as<TimeoutSpec>().timeoutMs, 10000);
    EXPECT_FALSE(s.pipeline[2].as<TimeoutSpec>().cancelInner);

    const StageSpec &retry = s.pipeline[3];
    EXPECT_EQ(retry.name, "retry");
    EXPECT_EQ(retry.as<RetrySpec>().maxRetries, 3);
    EXPECT_EQ(retry.as<RetrySpec>().backoff, RetrySpec::Backoff::Exponential);
    EXPECT_EQ(retry.as<RetrySpec>().baseMs, 100);
    EXPECT_EQ(retry.as<RetrySpec>().maxDelayMs, 5000.0);
    EXPECT_EQ(retry.as<RetrySpec>().jitter, RetrySpec::Jitter::Proportional);
    EXPECT_EQ(retry.as<RetrySpec>().jitterRatio, 0.1);

    EXPECT_EQ(s.pipeline[4].name, "timeout#4");
    EXPECT_EQ(s.pipeline[4].as<TimeoutSpec>().timeoutMs, 1000);
    for (const StageSpec &st : s.pipeline)
        EXPECT_TRUE(st.enabled);
}

TEST(ScenarioParse, ErrorToString)
{
    EXPECT_EQ((ScenarioError{"pipeline[2].timeout_ms", "must be > 0 (got -5)"}.toString()),
              "pipeline[2].timeout_ms: must be > 0 (got -5)");
    EXPECT_EQ((ScenarioError{"", "empty file"}.toString()), "empty file");
}

TEST(ScenarioParse, ResultHoldsScenarioOrErrorsNeverBoth)
{
    const ScenarioParse good = parseScenarioText(kBase);
    EXPECT_TRUE(good.ok());
    EXPECT_TRUE(good.errors.empty());
    const ScenarioParse bad = parseScenarioText(patched(R"({"target":"nope"})"));
    EXPECT_FALSE(bad.ok());
    EXPECT_FALSE(bad.errors.empty());
}

TEST(ScenarioDefaults, TopLevelLoadAndService)
{
    const Scenario s = parseOk(R"({
      "version": 1, "name": "d",
      "load": { "type": "closed", "clients": 3 },
      "services": { "api": { "latency_ms": { "dist": "exponential", "mean": 20 } } },
      "target": "api"
    })");
    EXPECT_EQ(s.seed, 1u);
    EXPECT_EQ(s.durationS, 60);
    EXPECT_EQ(s.bucketMs, 1000);
    EXPECT_EQ(s.description, "");
    EXPECT_TRUE(s.pipeline.empty());
    EXPECT_EQ(s.load.clients, 3);
    EXPECT_EQ(s.load.thinkTime, LatencySpec::constant(0));
    const ServiceSpec &api = s.services.at("api");
    EXPECT_EQ(api.failureRate, 0);
    EXPECT_EQ(api.concurrency, 0);
    EXPECT_FALSE(api.queueLimit.has_value());
    EXPECT_EQ(api.latencyPerInflightMs, 0);
    EXPECT_TRUE(api.script.empty());
}

TEST(ScenarioDefaults, StagesUseDesignAndLibraryDefaults)
{
    const Scenario s = parseOk(withPipeline(R"(
        {"type":"circuit_breaker"},
        {"type":"circuit_breaker","policy":"resilience4j"},
        {"type":"circuit_breaker","policy":"polly"},
        {"type":"retry"},
        {"type":"retry","budget":{}},
        {"type":"timeout","timeout_ms":250},
        {"type":"fallback"},
        {"type":"fallback","mode":"cache"})"));
    ASSERT_EQ(s.pipeline.size(), 8u);
    const OutcomeSet defaultRecord{Outcome::Error, Outcome::Timeout, Outcome::Overloaded};

    ASSERT_TRUE(s.pipeline[0].as<BreakerSpec>().is<ConsecutiveOptions>());
    EXPECT_EQ(s.pipeline[0].as<BreakerSpec>().record, defaultRecord);
    const ConsecutiveOptions &consecutive =
        s.pipeline[0].as<BreakerSpec>().as<ConsecutiveOptions>();
    EXPECT_EQ(consecutive.failureThreshold, 5);
    EXPECT_EQ(consecutive.successThreshold, 1);
    EXPECT_EQ(consecutive.resetTimeoutMs, 30000);
    EXPECT_EQ(consecutive.halfOpenMaxCalls, 1);
    EXPECT_FALSE(consecutive.automaticTransition);

    ASSERT_TRUE(s.pipeline[1].as<BreakerSpec>().is<Resilience4jOptions>());
    const Resilience4jOptions &r4j = s.pipeline[1].as<BreakerSpec>().as<Resilience4jOptions>();
    EXPECT_EQ(r4j.slidingWindowType, Resilience4jOptions::WindowType::Count);
    EXPECT_EQ(r4j.slidingWindowSize, 100);
    EXPECT_EQ(r4j.minimumNumberOfCalls, 100);
    EXPECT_EQ(r4j.failureRateThreshold, 50);
    EXPECT_EQ(r4j.slowCallRateThreshold, 100);
    EXPECT_EQ(r4j.slowCallDurationThresholdMs, 60000);
    EXPECT_EQ(r4j.permittedNumberOfCallsInHalfOpenState, 10);
    EXPECT_EQ(r4j.waitDurationInOpenStateMs, 60000);
    EXPECT_EQ(r4j.maxWaitDurationInHalfOpenStateMs, 0);
    EXPECT_FALSE(r4j.automaticTransition);

    ASSERT_TRUE(s.pipeline[2].as<BreakerSpec>().is<PollyOptions>());
    const PollyOptions &polly = s.pipeline[2].as<BreakerSpec>().as<PollyOptions>();
    EXPECT_EQ(polly.failureRatio, 0.1);
    EXPECT_EQ(polly.minimumThroughput, 100);
    EXPECT_EQ(polly.samplingDurationMs, 30000);
    EXPECT_EQ(polly.breakDurationMs, 5000);

    const RetrySpec &retry = s.pipeline[3].as<RetrySpec>();
    EXPECT_EQ(retry.maxRetries, 3);
    EXPECT_EQ(retry.backoff, RetrySpec::Backoff::Exponential);
    EXPECT_EQ(retry.baseMs, 100);
    EXPECT_EQ(retry.multiplier, 2);
    EXPECT_FALSE(retry.maxDelayMs.has_value());
    EXPECT_EQ(retry.jitter, RetrySpec::Jitter::None);
    EXPECT_EQ(retry.jitterRatio, 0.1);
    EXPECT_EQ(retry.randomizationFactor, 0.5);
    EXPECT_EQ(retry.retryOn, defaultRecord);
    EXPECT_FALSE(retry.budget.has_value());
    ASSERT_TRUE(s.pipeline[4].as<RetrySpec>().budget.has_value());
    EXPECT_EQ(s.pipeline[4].as<RetrySpec>().budget->ratio, 0.2);
    EXPECT_EQ(s.pipeline[4].as<RetrySpec>().budget->minRetriesPerS, 10);
    EXPECT_EQ(s.pipeline[4].as<RetrySpec>().budget->ttlMs, 10000);

    EXPECT_EQ(s.pipeline[5].as<TimeoutSpec>().timeoutMs, 250);
    EXPECT_FALSE(s.pipeline[5].as<TimeoutSpec>().cancelInner);

    EXPECT_EQ(s.pipeline[6].as<FallbackSpec>().mode, FallbackSpec::Mode::Static);
    EXPECT_EQ(s.pipeline[6].as<FallbackSpec>().handle, OutcomeSet::allFailures());
    EXPECT_EQ(s.pipeline[7].as<FallbackSpec>().mode, FallbackSpec::Mode::Cache);
    EXPECT_EQ(s.pipeline[7].as<FallbackSpec>().ttlMs, 60000);

    // Default names: the type when it occurs once, else type#index.
    EXPECT_EQ(s.pipeline[0].name, "circuit_breaker#0");
    EXPECT_EQ(s.pipeline[2].name, "circuit_breaker#2");
    EXPECT_EQ(s.pipeline[4].name, "retry#4");
    EXPECT_EQ(s.pipeline[5].name, "timeout");
    EXPECT_EQ(s.pipeline[7].name, "fallback#7");
}

TEST(ScenarioParse, Resilience4jAliasesFillLibraryFields)
{
    const Scenario s = parseOk(withPipeline(R"(
        {"type":"circuit_breaker","policy":"resilience4j","half_open_max_calls":3,
         "automatic_transition":true},
        {"type":"circuit_breaker","policy":"resilience4j",
         "permitted_number_of_calls_in_half_open_state":7,
         "automatic_transition_from_open_to_half_open_enabled":true})"));
    ASSERT_EQ(s.pipeline.size(), 2u);
    const Resilience4jOptions &alias = s.pipeline[0].as<BreakerSpec>().as<Resilience4jOptions>();
    EXPECT_EQ(alias.permittedNumberOfCallsInHalfOpenState, 3);
    EXPECT_TRUE(alias.automaticTransition);
    const Resilience4jOptions &library = s.pipeline[1].as<BreakerSpec>().as<Resilience4jOptions>();
    EXPECT_EQ(library.permittedNumberOfCallsInHalfOpenState, 7);
    EXPECT_TRUE(library.automaticTransition);
}

TEST(ScenarioParse, NumbersAcceptIntegralFloatsAndHugeSeeds)
{
    const Scenario s = parseOk(patched(R"({"seed":18446744073709551615,
        "services":{"api":{"concurrency":3.0,"queue_limit":1e3,
                           "script":["ok","error","ok:250","error:12.5"]}}})"));
    EXPECT_EQ(s.seed, 18446744073709551615ull);
    EXPECT_EQ(s.services.at("api").concurrency, 3);
    EXPECT_EQ(s.services.at("api").queueLimit, std::int64_t{1000});
    const std::vector<ScriptedOutcome> script{
        {true, std::nullopt}, {false, std::nullopt}, {true, 250.0}, {false, 12.5}};
    EXPECT_EQ(s.services.at("api").script, script);
}

TEST(ScenarioParse, BracketsInsideStringsDoNotCountAsNesting)
{
    const std::string deep(100000, '[');
    const Scenario s = parseOk(patched(R"({"description":")" + deep + R"(\"]"})"));
    EXPECT_EQ(s.description.size(), deep.size() + 2);
}

// ------------------------------------------------------------------------------------------------
// Malformed scenarios: each gives an error at an exact path with a message fragment.

struct BadCase
{
    std::string label;
    std::string text;
    std::string path;
    std::string fragment;
};

std::vector<BadCase> badCases()
{
    std::string garbage;
    for (int b = 0; b < 256; ++b)
        garbage.push_back(static_cast<char>(b));
    return {
        {"UnknownTopLevelKey", patched(R"({"durations_s":5})"), "durations_s",
         R"(unknown key (did you mean "duration_s"?))"},
        {"UnknownServiceKey", patched(R"({"services":{"api":{"failure_rat":0.1}}})"),
         "services.api.failure_rat", R"(unknown key (did you mean "failure_rate"?))"},
        {"UnknownKeyWithoutSuggestion", patched(R"({"zzzzzzzz":1})"), "zzzzzzzz",
         "unknown key (known keys: version, name"},
        {"PolicyTypo", withPipeline(R"({"type":"circuit_breaker","policy":"consequtive"})"),
         "pipeline[0].policy",
         R"(must be one of consecutive, resilience4j, polly (got "consequtive"))"},
        {"StageTypeTypo", withPipeline(R"({"type":"retri"})"), "pipeline[0].type",
         R"(did you mean "retry"?)"},
        {"MissingTarget", patched(R"({"target":null})"), "target", "missing required key"},
        {"MissingLatency",
         patched(R"({"services":{"api":{"latency_ms":null,"failure_rate":0.1}}})"),
         "services.api.latency_ms", "missing required key"},
        {"MissingVersion", patched(R"({"version":null})"), "version", "missing required key"},
        {"MissingTimeoutMs", withPipeline(R"({"type":"timeout"})"), "pipeline[0].timeout_ms",
         "missing required key"},
        {"NumberIsString", patched(R"({"load":{"rate_per_s":"abc"}})"), "load.rate_per_s",
         R"(expected a number, got string "abc")"},
        {"BoolIsString", withPipeline(R"({"type":"timeout","timeout_ms":5,"enabled":"yes"})"),
         "pipeline[0].enabled", "expected true or false"},
        {"NegativeTimeout", withPipeline(R"({"type":"timeout","timeout_ms":-5})"),
         "pipeline[0].timeout_ms", "must be > 0 (got -5)"},
        {"FailureRateAboveOne", patched(R"({"services":{"api":{"failure_rate":1.5}}})"),
         "services.api.failure_rate", "must be in [0, 1] (got 1.5)"},
        {"HugeNumber", patched(R"({"duration_s":1e308})"), "duration_s",
         "must be <= 2592000 (30 days) (got 1e+308)"},
        {"TinyNegative", patched(R"({"load":{"rate_per_s":-1e-320}})"), "load.rate_per_s",
         "must be >= 0 (got -1e-320)"},
        {"TinyNegativeInteger", patched(R"({"services":{"api":{"concurrency":-1e-320}}})"),
         "services.api.concurrency", "must be >= 0"},
        {"HugeUnsignedInteger",
         patched(R"({"services":{"api":{"concurrency":18446744073709551615}}})"),
         "services.api.concurrency", "must be <= 1000000 (got 18446744073709551615)"},
        {"HugeNegativeInteger",
         withPipeline(R"({"type":"retry","max_retries":-99999999999999999999})"),
         "pipeline[0].max_retries", "must be in [0, 100]"},
        {"NumberOverflowIsInvalidJson", R"({"version":1,"duration_s":1e400})", "",
         "invalid JSON: number overflow"},
        {"IntegerExpected", withPipeline(R"({"type":"circuit_breaker","failure_threshold":2.5})"),
         "pipeline[0].failure_threshold", "expected an integer, got 2.5"},
        {"SeedNegative", patched(R"({"seed":-1})"), "seed", "must be >= 0 (got -1)"},
        {"SeedFraction", patched(R"({"seed":1.5})"), "seed", "expected an integer, got 1.5"},
        {"DanglingTarget", patched(R"({"target":"payment"})"), "target",
         "names no service (services are: api)"},
        {"DanglingFallbackService",
         withPipeline(R"({"type":"fallback","mode":"service","service":"cache"})"),
         "pipeline[0].service", "names no service (services are: api)"},
        {"FallbackServiceMissing", withPipeline(R"({"type":"fallback","mode":"service"})"),
         "pipeline[0].service", "missing required key"},
        {"BadScriptEntry",
         patched(R"({"services":{"api":{"script":["ok","error","ok:250","oops"]}}})"),
         "services.api.script[3]", R"((got "oops"))"},
        {"BadScriptLatency", patched(R"({"services":{"api":{"script":["ok:-5"]}}})"),
         "services.api.script[0]", "latency must be in [0, 1e9] ms"},
        {"KeyOfWrongPolicy", withPipeline(R"({"type":"circuit_breaker","failure_ratio":0.5})"),
         "pipeline[0].failure_ratio", "not a key of policy consecutive"},
        {"KeyOfWrongStageType", withPipeline(R"({"type":"retry","timeout_ms":5})"),
         "pipeline[0].timeout_ms", "not a key of stage type retry"},
        {"KeyOfWrongFallbackMode", withPipeline(R"({"type":"fallback","ttl_ms":5})"),
         "pipeline[0].ttl_ms", "not a key of mode static"},
        {"KeyOfWrongLoadType", patched(R"({"load":{"clients":5}})"), "load.clients",
         "not a key of load type poisson"},
        {"KeyOfWrongDist", patched(R"({"services":{"api":{"latency_ms":{"mean":3}}}})"),
         "services.api.latency_ms.mean", "not a key of dist constant"},
        {"AliasConflict", withPipeline(R"({"type":"circuit_breaker","policy":"resilience4j",
                          "half_open_max_calls":2,
                          "permitted_number_of_calls_in_half_open_state":3})"),
         "pipeline[0].half_open_max_calls",
         "alias of permitted_number_of_calls_in_half_open_state"},
        {"PollyHalfOpenTwo",
         withPipeline(R"({"type":"circuit_breaker","policy":"polly","half_open_max_calls":2})"),
         "pipeline[0].half_open_max_calls", "Polly v8 admits exactly one probe"},
        {"PollyAutomaticTransition",
         withPipeline(R"({"type":"circuit_breaker","policy":"polly","automatic_transition":true})"),
         "pipeline[0].automatic_transition", "Polly v8 moves to half-open only on a call"},
        {"PollySamplingTooShort",
         withPipeline(R"({"type":"circuit_breaker","policy":"polly","sampling_duration_ms":100})"),
         "pipeline[0].sampling_duration_ms", "must be in [500, 86400000] (got 100)"},
        {"Resilience4jRateZero",
         withPipeline(
             R"({"type":"circuit_breaker","policy":"resilience4j","failure_rate_threshold":0})"),
         "pipeline[0].failure_rate_threshold", "must be in (0, 100] (got 0)"},
        {"MaxRetriesTooMany", withPipeline(R"({"type":"retry","max_retries":101})"),
         "pipeline[0].max_retries", "must be in [0, 100] (got 101)"},
        {"RetryOnOk", withPipeline(R"({"type":"retry","retry_on":["error","ok"]})"),
         "pipeline[0].retry_on[1]", "is not a failure outcome"},
        {"RecordTypo", withPipeline(R"({"type":"circuit_breaker","record":["eror"]})"),
         "pipeline[0].record[0]", R"(did you mean "error"?)"},
        {"BudgetTtlZero", withPipeline(R"({"type":"retry","budget":{"ttl_ms":0}})"),
         "pipeline[0].budget.ttl_ms", "must be > 0"},
        {"DuplicateStageName", withPipeline(R"({"type":"timeout","timeout_ms":5,"name":"t"},
                         {"type":"timeout","timeout_ms":6,"name":"t"})"),
         "pipeline[1].name", "duplicate stage name"},
        {"BucketLimit", patched(R"({"duration_s":2592000,"bucket_ms":1})"), "bucket_ms",
         "run would need 2592000000 buckets (limit 4000000)"},
        {"ExpectedRequestLimit", patched(R"({"duration_s":2592000,"load":{"rate_per_s":1000000}})"),
         "duration_s", "2592000000000 requests"},
        {"ExpectedRequestLimitFromPhase", patched(R"({"duration_s":2592000,"load":{"rate_per_s":1,
                     "phases":[{"at_s":1,"rate_per_s":900000}]}})"),
         "duration_s", "(limit 2000000000)"},
        {"NestingTooDeep", std::string(100000, '['), "", "nesting deeper than 64 levels"},
        {"EmptyText", "", "", "empty file"},
        {"BinaryGarbage", garbage, "", "invalid JSON"},
        {"InvalidJson", R"({"version": 1,})", "", "invalid JSON: parse error at line 1"},
        {"InvalidUtf8", "{\"version\":1,\"name\":\"\xff\xfe\"}", "", "invalid JSON"},
        {"RootIsArray", "[1, 2]", "", "must be a JSON object, got an array"},
        {"DuplicateKey", R"({"version":1,"version":1})", "version", "duplicate key"},
        {"LognormalP99BelowMedian", patched(R"({"services":{"api":{"latency_ms":
                     {"dist":"lognormal","median":40,"p99":30,"value":null}}}})"),
         "services.api.latency_ms.p99", "must be >= median (40) (got 30)"},
        {"UniformMinAboveMax", patched(R"({"services":{"api":{"latency_ms":
                     {"dist":"uniform","min":10,"max":5,"value":null}}}})"),
         "services.api.latency_ms.max", "must be >= min (10) (got 5)"},
        {"LatencyTooLarge", patched(R"({"services":{"api":{"latency_ms":{"value":2e9}}}})"),
         "services.api.latency_ms.value", "must be <= 1e9 ms"},
        {"DistTypo", patched(R"({"services":{"api":{"latency_ms":{"dist":"lognormel"}}}})"),
         "services.api.latency_ms.dist", R"(did you mean "lognormal"?)"},
        {"VersionThree", patched(R"({"version":3})"), "version", "must be 1 or 2 (got 3)"},
        {"CallsNeedVersionTwo", patched(R"({"services":{"api":{"calls":[]}}})"),
         "services.api.calls", "\"calls\" needs scenario version 2"},
        {"BadServiceName",
         patched(R"({"services":{"pay ments":{"latency_ms":{"dist":"constant","value":1}}}})"),
         R"(services["pay ments"])", "letters, digits"},
        {"NoServices", R"({"version":1,"name":"t","load":{"type":"poisson","rate_per_s":1},
                         "services":{},"target":"api"})",
         "services", "at least one service"},
        {"LoadPhaseWrongType", patched(R"({"load":{"phases":[{"at_s":1,"rate_per_s":"x"}]}})"),
         "load.phases[0].rate_per_s", "expected a number"},
        {"LoadPhaseMissingAt", patched(R"({"load":{"phases":[{"rate_per_s":5}]}})"),
         "load.phases[0].at_s", "missing required key"},
        {"PhasesOutOfOrder", patched(R"({"services":{"api":{"phases":[{"at_s":5},{"at_s":2}]}}})"),
         "services.api.phases[1].at_s", "time order"},
        {"ClosedNeedsClients", patched(R"({"load":{"type":"closed","rate_per_s":null}})"),
         "load.clients", "missing required key"},
        {"ScriptArrivalNegative",
         patched(R"({"load":{"type":"script","rate_per_s":null,"at_ms":[1,-2]}})"), "load.at_ms[1]",
         "must be >= 0 (got -2)"},
        {"PipelineNotArray", patched(R"({"pipeline":{"type":"retry"}})"), "pipeline",
         "expected an array"},
        {"StageNotObject", withPipeline(R"("retry")"), "pipeline[0]", "expected an object"},
    };
}

class ScenarioMalformed : public ::testing::TestWithParam<BadCase>
{};

TEST_P(ScenarioMalformed, ReportsPathAndMessage)
{
    const BadCase &c = GetParam();
    const ScenarioParse r = parseScenarioText(c.text);
    EXPECT_FALSE(r.ok());
    EXPECT_FALSE(r.scenario.has_value());
    EXPECT_TRUE(hasError(r, c.path, c.fragment))
        << "wanted " << c.path << ": ..." << c.fragment << "...\ngot:\n"
        << errorList(r);
}

INSTANTIATE_TEST_SUITE_P(ScenarioTable, ScenarioMalformed, ::testing::ValuesIn(badCases()),
                         [](const ::testing::TestParamInfo<BadCase> &param) {
                             return param.param.label;
                         });

TEST(ScenarioMalformedTable, HasAtLeastThirtyCases)
{
    EXPECT_GE(badCases().size(), 30u);
}

TEST(ScenarioMalformedTable, AllErrorsAreCollectedInOnePass)
{
    const ScenarioParse r = parseScenarioText(patched(R"({
        "bucket_ms": 0,
        "services": { "api": { "failure_rate": -1 } },
        "pipeline": [ { "type": "timeout", "timeout_ms": 0 } ]
    })"));
    EXPECT_FALSE(r.ok());
    EXPECT_GE(r.errors.size(), 3u) << errorList(r);
    EXPECT_TRUE(hasError(r, "bucket_ms", "must be >= 1 (got 0)")) << errorList(r);
    EXPECT_TRUE(hasError(r, "services.api.failure_rate", "must be in [0, 1] (got -1)"))
        << errorList(r);
    EXPECT_TRUE(hasError(r, "pipeline[0].timeout_ms", "must be > 0 (got 0)")) << errorList(r);
}

TEST(ScenarioMalformedTable, ProgrammaticDocumentsWithInvalidUtf8DoNotThrow)
{
    json doc = json::parse(kBase);
    doc["bogus\xff"] = "\xfe";
    ScenarioParse r;
    EXPECT_NO_THROW(r = parseScenario(doc));
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.errors.size(), 1u) << errorList(r);
}

// ------------------------------------------------------------------------------------------------
// Round trips.

void expectRoundTrip(const Scenario &s)
{
    const json doc = scenarioToJson(s);
    const ScenarioParse back = parseScenario(doc);
    ASSERT_TRUE(back.ok()) << errorList(back) << doc.dump(2);
    EXPECT_TRUE(*back.scenario == s) << doc.dump(2);
    // Through text too, as files are.
    const ScenarioParse text = parseScenarioText(doc.dump(2));
    ASSERT_TRUE(text.ok()) << errorList(text);
    EXPECT_TRUE(*text.scenario == s);
}

TEST(ScenarioRoundTrip, DesignExample)
{
    const Scenario s = parseOk(kDesignExample);
    expectRoundTrip(s);
    // Integers stay integers; default names are not written.
    const json doc = scenarioToJson(s);
    EXPECT_TRUE(doc["duration_s"].is_number_integer());
    EXPECT_TRUE(doc["services"]["payments"]["queue_limit"].is_number_integer());
    EXPECT_TRUE(doc["pipeline"][1]["failure_threshold"].is_number_integer());
    EXPECT_FALSE(doc["pipeline"][2].contains("name"));
    EXPECT_EQ(doc["pipeline"][1]["record"], json::parse(R"(["error","timeout","overloaded"])"));
}

LatencySpec dist(LatencySpec::Dist d, double a, double b = 0)
{
    LatencySpec l;
    l.dist = d;
    switch (d) {
    case LatencySpec::Dist::Constant:
        l.value = a;
        break;
    case LatencySpec::Dist::Uniform:
        l.min = a;
        l.max = b;
        break;
    case LatencySpec::Dist::Exponential:
        l.mean = a;
        break;
    case LatencySpec::Dist::Normal:
        l.mean = a;
        l.stddev = b;
        break;
    case LatencySpec::Dist::Lognormal:
        l.median = a;
        l.p99 = b;
        break;
    }
    return l;
}

/// The names parseScenario gives stages without one.
void nameStages(std::vector<StageSpec> &pipeline)
{
    for (std::size_t i = 0; i < pipeline.size(); ++i) {
        if (!pipeline[i].name.empty())
            continue;
        std::size_t same = 0;
        for (const StageSpec &st : pipeline)
            same += st.options.index() == pipeline[i].options.index() ? 1 : 0;
        pipeline[i].name = std::string(pipeline[i].typeName());
        if (same > 1)
            pipeline[i].name += "#" + std::to_string(i);
    }
}

Scenario everyVariant(LoadSpec::Type loadType)
{
    using D = LatencySpec::Dist;
    Scenario s;
    s.name = "every variant";
    s.description = "all policies, jitters, modes, dists";
    s.seed = 18446744073709551615ull;
    s.durationS = 90.5;
    s.bucketMs = 250;

    s.load.type = loadType;
    switch (loadType) {
    case LoadSpec::Type::Poisson:
        s.load.ratePerS = 12.5;
        s.load.phases.push_back({10, 40.0, std::nullopt, std::nullopt});
        s.load.phases.push_back({20, std::nullopt, std::nullopt, std::nullopt});
        break;
    case LoadSpec::Type::Constant:
        s.load.ratePerS = 7;
        break;
    case LoadSpec::Type::Closed:
        s.load.clients = 5;
        s.load.thinkTime = dist(D::Normal, 100, 20);
        s.load.phases.push_back({3, std::nullopt, 9, dist(D::Exponential, 50)});
        s.load.phases.push_back({4.25, std::nullopt, std::nullopt, std::nullopt});
        break;
    case LoadSpec::Type::Script:
        s.load.atMs = {0, 12.25, 3, 1e6};
        break;
    }

    ServiceSpec api;
    api.name = "api";
    api.failureRate = 0.125;
    api.latency = dist(D::Lognormal, 40, 300);
    api.errorLatency = dist(D::Uniform, 1, 2.5);
    api.concurrency = 16;
    api.queueLimit = 64;
    api.latencyPerInflightMs = 0.5;
    ServicePhase outage;
    outage.atS = 30;
    outage.failureRate = 0.9;
    outage.latency = dist(D::Exponential, 12);
    outage.errorLatency = dist(D::Constant, 3);
    outage.concurrency = 4;
    outage.queueLimit = 0;
    outage.latencyPerInflightMs = 2;
    api.phases.push_back(outage);
    ServicePhase recovery;
    recovery.atS = 50;
    recovery.failureRate = 0.05;
    api.phases.push_back(recovery);
    api.script = {{true, std::nullopt}, {false, std::nullopt}, {true, 250.0}, {false, 0.1}};
    s.services["api"] = api;

    ServiceSpec cache;
    cache.name = "cache";
    cache.latency = dist(D::Constant, 2);
    s.services["cache"] = cache;
    ServiceSpec backup;
    backup.name = "backup.v2-x";
    backup.latency = dist(D::Normal, 10, 3);
    s.services["backup.v2-x"] = backup;
    s.target = "api";

    StageSpec st;
    st.options = FallbackSpec{};
    st.name = "outer fallback";
    st.as<FallbackSpec>().mode = FallbackSpec::Mode::Static;
    st.as<FallbackSpec>().handle = {Outcome::Error, Outcome::Timeout};
    s.pipeline.push_back(st);
    st = {};
    st.options = FallbackSpec{};
    st.as<FallbackSpec>().mode = FallbackSpec::Mode::Cache;
    st.as<FallbackSpec>().ttlMs = 1234.5;
    s.pipeline.push_back(st);
    st = {};
    st.options = FallbackSpec{};
    st.as<FallbackSpec>().mode = FallbackSpec::Mode::Service;
    st.as<FallbackSpec>().service = "cache";
    st.enabled = false;
    s.pipeline.push_back(st);

    st = {};
    st.options = BreakerSpec{};
    st.as<BreakerSpec>().record = {Outcome::Error, Outcome::CircuitOpen, Outcome::FallbackFailed};
    {
        ConsecutiveOptions &o = st.as<BreakerSpec>().policy.emplace<ConsecutiveOptions>();
        o.halfOpenMaxCalls = 3;
        o.automaticTransition = true;
        o.failureThreshold = 7;
        o.successThreshold = 2;
        o.resetTimeoutMs = 1500.5;
    }
    s.pipeline.push_back(st);
    st = {};
    st.options = BreakerSpec{};
    st.as<BreakerSpec>().record = {};
    {
        Resilience4jOptions &o = st.as<BreakerSpec>().policy.emplace<Resilience4jOptions>();
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
    }
    s.pipeline.push_back(st);
    st = {};
    st.options = BreakerSpec{};
    {
        PollyOptions &o = st.as<BreakerSpec>().policy.emplace<PollyOptions>();
        o.failureRatio = 0.25;
        o.minimumThroughput = 2;
        o.samplingDurationMs = 500;
        o.breakDurationMs = 86400000;
    }
    s.pipeline.push_back(st);

    st = {};
    st.options = TimeoutSpec{};
    st.as<TimeoutSpec>().timeoutMs = 10000;
    st.as<TimeoutSpec>().cancelInner = true;
    s.pipeline.push_back(st);

    const RetrySpec::Jitter jitters[] = {
        RetrySpec::Jitter::None,   RetrySpec::Jitter::Proportional, RetrySpec::Jitter::Randomized,
        RetrySpec::Jitter::Full,   RetrySpec::Jitter::Equal,        RetrySpec::Jitter::Decorrelated,
        RetrySpec::Jitter::PollyV2};
    const RetrySpec::Backoff backoffs[] = {RetrySpec::Backoff::Fixed, RetrySpec::Backoff::Linear,
                                           RetrySpec::Backoff::Exponential};
    int k = 0;
    for (RetrySpec::Jitter j : jitters) {
        st = {};
        st.options = RetrySpec{};
        st.as<RetrySpec>().jitter = j;
        st.as<RetrySpec>().backoff = backoffs[k % 3];
        st.as<RetrySpec>().maxRetries = k;
        st.as<RetrySpec>().baseMs = 10.0 * k;
        st.as<RetrySpec>().multiplier = 1.5;
        st.as<RetrySpec>().jitterRatio = 0.3;
        st.as<RetrySpec>().randomizationFactor = 1;
        st.as<RetrySpec>().retryOn = {Outcome::Timeout, Outcome::Rejected};
        if (k % 2 == 0)
            st.as<RetrySpec>().maxDelayMs = 5000;
        if (k == 3)
            st.as<RetrySpec>().budget = RetryBudgetSpec{0.5, 0, 86400000};
        s.pipeline.push_back(st);
        ++k;
    }
    st = {};
    st.options = TimeoutSpec{};
    st.as<TimeoutSpec>().timeoutMs = 0.25;
    s.pipeline.push_back(st);

    nameStages(s.pipeline);
    return s;
}

TEST(ScenarioRoundTrip, EveryPolicyJitterModeDistAndLoadType)
{
    for (LoadSpec::Type t : {LoadSpec::Type::Poisson, LoadSpec::Type::Constant,
                             LoadSpec::Type::Closed, LoadSpec::Type::Script}) {
        SCOPED_TRACE(static_cast<int>(t));
        expectRoundTrip(everyVariant(t));
    }
}

TEST(ScenarioRoundTrip, WritesOnlyTheChosenVariantsKeys)
{
    const json doc = scenarioToJson(everyVariant(LoadSpec::Type::Closed));
    EXPECT_FALSE(doc["load"].contains("rate_per_s"));
    EXPECT_EQ(doc["services"]["api"]["latency_ms"],
              json::parse(R"({"dist":"lognormal","median":40,"p99":300})"));
    EXPECT_EQ(doc["pipeline"][0]["name"], "outer fallback");
    EXPECT_FALSE(doc["pipeline"][0].contains("ttl_ms"));
    EXPECT_FALSE(doc["pipeline"][3].contains("failure_ratio"));
    EXPECT_TRUE(doc["pipeline"][4].contains("permitted_number_of_calls_in_half_open_state"));
    EXPECT_FALSE(doc["pipeline"][4].contains("half_open_max_calls"));
    EXPECT_EQ(doc["pipeline"][3]["record"],
              json::parse(R"(["error","circuit_open","fallback_failed"])"));
    EXPECT_EQ(doc["services"]["api"]["script"],
              json::parse(R"(["ok","error","ok:250","error:0.1"])"));
    EXPECT_EQ(doc["seed"], 18446744073709551615ull);
}

// ------------------------------------------------------------------------------------------------
// Files.

class ScenarioFile : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        m_dir = std::filesystem::temp_directory_path() /
                ("reslab-scenario-io-" + std::string(info->name()) + "-" + std::to_string(stamp));
        std::filesystem::create_directories(m_dir);
    }
    void TearDown() override
    {
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }
    std::filesystem::path m_dir;
};

TEST_F(ScenarioFile, MissingFile)
{
    const std::string path = (m_dir / "nope.json").string();
    const ScenarioParse r = loadScenarioFile(path);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].path, "");
    EXPECT_EQ(r.errors[0].message, "cannot open " + path + ": No such file or directory");
}

TEST_F(ScenarioFile, Directory)
{
    const ScenarioParse r = loadScenarioFile(m_dir.string());
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].message, m_dir.string() + " is a directory");
}

TEST_F(ScenarioFile, TooLarge)
{
    const std::string path = (m_dir / "huge.json").string();
    {
        std::ofstream out(path, std::ios::binary);
        const std::string spaces(1 << 20, ' ');
        for (int i = 0; i < 17; ++i)
            out << spaces;
    }
    const ScenarioParse r = loadScenarioFile(path);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].message, path + " is 17.0 MiB; scenario files are limited to 16 MiB");
}

TEST_F(ScenarioFile, ReadsAFileAndKeepsJsonPaths)
{
    const std::string good = (m_dir / "good.json").string();
    std::ofstream(good) << kDesignExample;
    const ScenarioParse ok = loadScenarioFile(good);
    ASSERT_TRUE(ok.ok()) << errorList(ok);
    EXPECT_EQ(ok.scenario->name, "Flaky payments");

    const std::string bad = (m_dir / "bad.json").string();
    std::ofstream(bad) << patched(R"({"target":"nope"})");
    const ScenarioParse r = loadScenarioFile(bad);
    EXPECT_TRUE(hasError(r, "target", "names no service")) << errorList(r);

    const std::string empty = (m_dir / "empty.json").string();
    std::ofstream(empty).flush();
    EXPECT_TRUE(hasError(loadScenarioFile(empty), "", "empty file"));
}

} // namespace
} // namespace reslab
