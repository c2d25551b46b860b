// Metrics keyed by (edge, stage): every stage of the client edge has its own series, bucket by
// bucket, so two breakers in one pipeline are told apart. Expected values are worked out by
// hand from the scripted arrivals and the breakers' rules.
#include "reslab/io/scenario_io.h"
#include "reslab/model/simulation.h"

#include <gtest/gtest.h>

namespace reslab {
namespace {

Scenario parsed(const char *text)
{
    const ScenarioParse p = parseScenarioText(text);
    EXPECT_TRUE(p.ok()) << (p.errors.empty() ? "" : p.errors.front().toString());
    return p.scenario.value_or(Scenario{});
}

// Requests every 100 ms from 0 to 1900 ms; the service fails every call after 10 ms.
// inner (threshold 1, reset 10 s) opens at 10 ms on the first failure and stays open.
// outer (threshold 2, reset 1450 ms, records circuit_open too): request 0 fails (1), request
// 100 is refused by inner (2): outer opens at 100 ms until 1550 ms. Requests 200 ... 1500 are
// refused by outer (8 in bucket 0, 6 in bucket 1). Request 1600 finds it due: half-open, its
// trial is refused by inner, so outer opens again at 1600 (two transitions at one instant);
// 1700 ... 1900 are refused by outer (3 more in bucket 1). inner refuses requests 100 and 1600.
constexpr const char *kTwoBreakers = R"({
  "version": 1, "name": "two breakers", "seed": 1, "duration_s": 2, "bucket_ms": 1000,
  "load": { "type": "script", "at_ms": [0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000,
                                        1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900] },
  "services": { "api": { "failure_rate": 1, "latency_ms": { "dist": "constant", "value": 10 } } },
  "target": "api",
  "pipeline": [
    { "type": "circuit_breaker", "name": "outer", "policy": "consecutive",
      "failure_threshold": 2, "reset_timeout_ms": 1450, "record": ["error", "circuit_open"] },
    { "type": "circuit_breaker", "name": "inner", "policy": "consecutive",
      "failure_threshold": 1, "reset_timeout_ms": 10000 }
  ]
})";

TEST(StageSeries, EachBreakerHasItsOwnStateAndCountsPerBucket)
{
    Simulation sim(parsed(kTwoBreakers));
    sim.runToEnd();
    const RunRecorder &r = sim.recorder();
    ASSERT_EQ(r.stageSeries().size(), 2u);
    const StageSeries *outer = r.findStageSeries("client->api", "outer");
    const StageSeries *inner = r.findStageSeries("client->api", "inner");
    ASSERT_NE(outer, nullptr);
    ASSERT_NE(inner, nullptr);
    EXPECT_EQ(outer->type, "circuit_breaker");
    EXPECT_EQ(r.findStageSeries("client->api", "nobody"), nullptr);
    EXPECT_EQ(r.findStageSeries("a->b", "outer"), nullptr);
    ASSERT_EQ(outer->buckets.size(), 2u);
    ASSERT_EQ(inner->buckets.size(), 2u);

    // inner: closed for 10 ms, then open.
    EXPECT_NEAR(inner->buckets[0].breakerTime[0], 0.010, 1e-6);
    EXPECT_NEAR(inner->buckets[0].breakerTime[1], 0.990, 1e-6);
    EXPECT_EQ(inner->buckets[0].transitions, 1u);
    EXPECT_EQ(inner->buckets[0].rejected, 1u);
    EXPECT_NEAR(inner->buckets[1].breakerTime[1], 1.0, 1e-6);
    EXPECT_EQ(inner->buckets[1].transitions, 0u);
    EXPECT_EQ(inner->buckets[1].rejected, 1u);

    // outer: closed for 100 ms, then open; reopened through a zero-length half-open at 1600.
    EXPECT_NEAR(outer->buckets[0].breakerTime[0], 0.100, 1e-6);
    EXPECT_NEAR(outer->buckets[0].breakerTime[1], 0.900, 1e-6);
    EXPECT_EQ(outer->buckets[0].transitions, 1u);
    EXPECT_EQ(outer->buckets[0].rejected, 8u);
    EXPECT_NEAR(outer->buckets[1].breakerTime[1], 1.0, 1e-6);
    EXPECT_NEAR(outer->buckets[1].breakerTime[2], 0.0, 1e-6);
    EXPECT_EQ(outer->buckets[1].transitions, 2u);
    EXPECT_EQ(outer->buckets[1].rejected, 9u);

    // timeseries.csv's breaker columns follow the first breaker (outer); its rejected column
    // counts every stage's refusals.
    const auto &rows = r.rows();
    EXPECT_FLOAT_EQ(rows[0].breakerTime[0], outer->buckets[0].breakerTime[0]);
    EXPECT_EQ(rows[0].transitions, 1u);
    EXPECT_EQ(rows[0].rejected, 9u);
    EXPECT_EQ(rows[1].rejected, 10u);
}

TEST(StageSeries, RetriesTimeoutsAndFallbacksAreCountedWhereTheyHappen)
{
    // Requests at 0, 100, ..., 900 ms; the service takes 10 ms and the timeout inside the retry
    // cuts each attempt at 5 ms. Request t: attempts at t, t + 55, t + 110 (50 ms fixed backoff
    // after each timeout), timeouts at t + 5, t + 60, t + 115, then the static fallback answers at
    // t + 115. Only request 900 spills into bucket 1: its second retry (1010), its last timeout
    // (1015) and its fallback (1015).
    Simulation sim(parsed(R"({
      "version": 1, "name": "counts", "seed": 1, "duration_s": 2, "bucket_ms": 1000,
      "load": { "type": "script", "at_ms": [0, 100, 200, 300, 400, 500, 600, 700, 800, 900] },
      "services": { "api": { "latency_ms": { "dist": "constant", "value": 10 } } },
      "target": "api",
      "pipeline": [
        { "type": "fallback", "mode": "static" },
        { "type": "retry", "max_retries": 2, "backoff": "fixed", "base_ms": 50 },
        { "type": "timeout", "timeout_ms": 5 }
      ]
    })"));
    sim.runToEnd();
    const RunRecorder &r = sim.recorder();
    const StageSeries *retry = r.findStageSeries("client->api", "retry");
    const StageSeries *fallback = r.findStageSeries("client->api", "fallback");
    const StageSeries *timeout = r.findStageSeries("client->api", "timeout");
    ASSERT_NE(retry, nullptr);
    ASSERT_NE(fallback, nullptr);
    ASSERT_NE(timeout, nullptr);
    ASSERT_EQ(retry->buckets.size(), 2u);
    EXPECT_EQ(retry->buckets[0].retries, 19u);
    EXPECT_EQ(retry->buckets[1].retries, 1u);
    EXPECT_EQ(timeout->buckets[0].timeouts, 29u);
    EXPECT_EQ(timeout->buckets[1].timeouts, 1u);
    EXPECT_EQ(fallback->buckets[0].fallbacks, 9u);
    EXPECT_EQ(fallback->buckets[1].fallbacks, 1u);
    EXPECT_EQ(fallback->buckets[0].fallbackFailed + fallback->buckets[1].fallbackFailed, 0u);
    // Counts of one kind stay in their stage's series.
    EXPECT_EQ(retry->buckets[0].timeouts, 0u);
    EXPECT_EQ(timeout->buckets[0].retries, 0u);
}

TEST(StageSeries, AnEditThatReshapesThePipelineRetiresTheOldSeries)
{
    Scenario s = parsed(kTwoBreakers);
    Simulation sim(s);
    sim.advanceTo(fromMillis(1500));
    Scenario next = s;
    next.pipeline.pop_back(); // drop inner: a new shape, so new stages
    ASSERT_TRUE(sim.reconfigure(next));
    sim.runToEnd();
    const RunRecorder &r = sim.recorder();
    ASSERT_EQ(r.stageSeries().size(), 3u);
    EXPECT_TRUE(r.stageSeries()[0].retired);
    EXPECT_TRUE(r.stageSeries()[1].retired);
    const StageSeries *outer = r.findStageSeries("client->api", "outer");
    ASSERT_NE(outer, nullptr);
    EXPECT_FALSE(outer->retired); // the live one wins over the retired one of the same key
    ASSERT_EQ(outer->buckets.size(), 2u);
    // Built at 1500 ms (the 1500 ms request went through the old pipeline): nothing in bucket 0.
    // Without inner, requests 1600 and 1700 reach the service and fail 10 ms later: the second
    // failure opens it at 1710 ms. Closed 1500 -> 1710, open 1710 -> 2000.
    EXPECT_FLOAT_EQ(outer->buckets[0].breakerTime[0], 0);
    EXPECT_EQ(outer->buckets[0].transitions, 0u);
    EXPECT_NEAR(outer->buckets[1].breakerTime[0], 0.21, 1e-6);
    EXPECT_NEAR(outer->buckets[1].breakerTime[1], 0.29, 1e-6);
    EXPECT_EQ(outer->buckets[1].transitions, 1u);
    EXPECT_EQ(outer->buckets[1].rejected, 2u); // 1800, 1900
}

} // namespace
} // namespace reslab
