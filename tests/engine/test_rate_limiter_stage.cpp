// The rate limiter stage through whole runs: resilience4j's AtomicRateLimiter (fixed windows with
// reservations) and the token bucket, the timeout that bounds a reserved wait, reservations that
// are not given back, hot apply, and the codec. Expected times are worked out by hand from
// docs/semantics.md "Rate limiter".

#include "engine_fixtures.h"
#include "reslab/io/scenario_io.h"
#include "reslab/model/simulation.h"
#include "stages/rate_limiter/rate_limiter_stage.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace reslab {
namespace {

using namespace reslab::testing;

StageSpec fixedWindow(int limit, double periodMs, double timeoutMs)
{
    StageSpec st;
    st.options = RateLimiterSpec{};
    st.name = "rate_limiter";
    RateLimiterSpec &r = st.as<RateLimiterSpec>();
    r.algorithm = RateLimiterSpec::Algorithm::FixedWindow;
    r.limitForPeriod = limit;
    r.limitRefreshPeriodMs = periodMs;
    r.timeoutMs = timeoutMs;
    return st;
}

StageSpec tokenBucket(double tokensPerS, int burst, double timeoutMs)
{
    StageSpec st;
    st.options = RateLimiterSpec{};
    st.name = "rate_limiter";
    RateLimiterSpec &r = st.as<RateLimiterSpec>();
    r.algorithm = RateLimiterSpec::Algorithm::TokenBucket;
    r.tokensPerS = tokensPerS;
    r.burst = burst;
    r.timeoutMs = timeoutMs;
    return st;
}

Scenario scenario(std::vector<double> atMs, const ServiceSpec &svc, std::vector<StageSpec> pipeline)
{
    return scriptScenario("rate-limiter-test", 5, std::move(atMs), svc, std::move(pipeline));
}

const RateLimiterStage &stageOf(const Simulation &sim)
{
    return onlyStage<RateLimiterStage>(sim);
}

/// (time, request) of every attempt start at the service.
std::vector<std::pair<SimTime, std::uint64_t>> starts(const Collect &ev)
{
    std::vector<std::pair<SimTime, std::uint64_t>> out;
    for (const Ev &e : ev.of(EventKind::AttemptStart))
        out.emplace_back(e.t, e.request);
    return out;
}
using Starts = std::vector<std::pair<SimTime, std::uint64_t>>;

std::vector<End> ends(const Collect &ev)
{
    return requestEnds(ev);
}

TEST(RateLimiterTest, FixedWindowReservesPermitsOfTheNextCycle)
{
    // limit_for_period 2, limit_refresh_period 1000 ms, timeout 1500 ms; six calls at t = 0 to a
    // 10 ms service. Cycle 0 has 2 permits: calls 0 and 1 go at once (permissions 2 -> 0).
    //   call 2: no permit; the next cycle starts at 1000 with 0 + 2 permits, enough: wait 1000
    //           (<= 1500): reserved, permissions -1.
    //   call 3: next cycle 1000 with -1 + 2 = 1 permit: wait 1000, permissions -2.
    //   call 4: next cycle would have -2 + 2 = 0: one full cycle more, wait 2000 > 1500:
    //           rejected at once, nothing reserved (permissions stay -2). Call 5 likewise.
    Collect ev;
    Simulation sim(
        scenario({0, 0, 0, 0, 0, 0}, constantService(10, 0.0), {fixedWindow(2, 1000, 1500)}),
        RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(starts(ev), (Starts{{0, 0}, {0, 1}, {ms(1000), 2}, {ms(1000), 3}}));
    EXPECT_EQ(ends(ev), (std::vector<End>{{0, 4, "rejected"},
                                          {0, 5, "rejected"},
                                          {ms(10), 0, "ok"},
                                          {ms(10), 1, "ok"},
                                          {ms(1010), 2, "ok"},
                                          {ms(1010), 3, "ok"}}));
    EXPECT_EQ(ev.details(EventKind::RateLimited),
              (std::vector<std::string>{"1000", "1000", "rejected", "rejected"}));
    const RateLimiterStage &r = stageOf(sim);
    EXPECT_EQ(r.immediate(), 2u);
    EXPECT_EQ(r.waited(), 2u);
    EXPECT_EQ(r.rejected(), 2u);
    EXPECT_EQ(r.state().permissions(), -2); // as of cycle 0, the last call's

    const Summary s = sim.summary();
    EXPECT_EQ(failures(s, Outcome::Rejected), 2u);
    EXPECT_TRUE(s.hasRateLimiter);
    EXPECT_EQ(s.rateLimiterRejected, 2u);
    EXPECT_EQ(s.rateLimiterWaited, 2u);
    EXPECT_EQ(sim.recorder().rows()[0].rejected, 2u);
    const StageSeries *series = sim.recorder().findStageSeries("client->svc", "rate_limiter");
    ASSERT_NE(series, nullptr);
    EXPECT_EQ(series->buckets[0].rejected, 2u);
    EXPECT_EQ(series->buckets[0].waited, 2u);
}

TEST(RateLimiterTest, AWaitOfExactlyTheTimeoutIsAllowed)
{
    // limit 1 per 1000 ms, timeout 1000 ms, three calls at 0: call 0 at once; call 1 waits
    // exactly 1000 (allowed: timeoutDuration >= wait); call 2 would wait 2000: rejected.
    Collect ev;
    Simulation sim(scenario({0, 0, 0}, constantService(10, 0.0), {fixedWindow(1, 1000, 1000)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(starts(ev), (Starts{{0, 0}, {ms(1000), 1}}));
    EXPECT_EQ(ev.details(EventKind::RateLimited), (std::vector<std::string>{"1000", "rejected"}));
}

TEST(RateLimiterTest, CyclesAreCutFromTimeZeroAndRefreshedOnTheNextCall)
{
    // limit 1 per 1000 ms, timeout 5000 ms; calls at 0, 250, 250, 2500, 5200.
    //   0:    cycle 0, 1 permit: at once (0 left).
    //   250:  0 permits: wait to the next cycle start, 1000 - 250 = 750 (-1 left).
    //   250:  next cycle would have -1 + 1 = 0: one full cycle more: 750 + 1000 = 1750 (-2).
    //   2500: cycle 2, refreshed: min(-2 + 2 x 1, 1) = 0: wait 3000 - 2500 = 500 (-1).
    //   5200: cycle 5: min(-1 + 3 x 1, 1) = 1: at once.
    Collect ev;
    Simulation sim(
        scenario({0, 250, 250, 2500, 5200}, constantService(10, 0.0), {fixedWindow(1, 1000, 5000)}),
        RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(starts(ev),
              (Starts{{0, 0}, {ms(1000), 1}, {ms(2000), 2}, {ms(3000), 3}, {ms(5200), 4}}));
    EXPECT_EQ(ev.details(EventKind::RateLimited), (std::vector<std::string>{"750", "1750", "500"}));
    EXPECT_EQ(stageOf(sim).state().permissions(), 0);
}

TEST(RateLimiterTest, AReservationIsNotGivenBackWhenItsCallIsCancelled)
{
    // [timeout 800 cancel_inner, rate limiter 1 per 1000 ms, timeout 5000]; calls at 0, 0, 1000,
    // 2500 to a 10 ms service.
    //   0:    call 0 at once (ok at 10); call 1 reserves cycle 1's permit, wait 1000 (-1).
    //   800:  call 1's timeout cancels its wait; the reservation is kept (as resilience4j).
    //   1000: cycle 1: min(-1 + 1, 1) = 0: call 2 reserves cycle 2's, wait 1000 (-1); its
    //         timeout cancels it at 1800. (Had call 1's permit come back it would go at once.)
    //   2500: cycle 2: min(-1 + 1, 1) = 0: call 3 waits 500 and goes at 3000 (ok at 3010).
    Collect ev;
    Simulation sim(scenario({0, 0, 1000, 2500}, constantService(10, 0.0),
                            {timeout(800, true), fixedWindow(1, 1000, 5000)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(starts(ev), (Starts{{0, 0}, {ms(3000), 3}}));
    EXPECT_EQ(ends(ev), (std::vector<End>{{ms(10), 0, "ok"},
                                          {ms(800), 1, "timeout"},
                                          {ms(1800), 2, "timeout"},
                                          {ms(3010), 3, "ok"}}));
    EXPECT_EQ(ev.details(EventKind::RateLimited),
              (std::vector<std::string>{"1000", "1000", "500"}));
    EXPECT_EQ(stageOf(sim).waited(), 3u);
    EXPECT_EQ(stageOf(sim).callsInFlight(), 0u);
    EXPECT_EQ(sim.summary().attempts, 2u);
}

TEST(RateLimiterTest, TokenBucketWaitsForTheDeficitToRefill)
{
    // 10 tokens/s (one per 100 ms), burst 2 (the bucket starts full), timeout 250 ms; five calls
    // at 0 and one at 250, to a 10 ms service.
    //   0: 2 tokens: calls 0 and 1 at once (0 left).
    //   0: call 2: 1 token short: wait 100 (-1 left); call 3: 2 short: wait 200 (-2);
    //      call 4: 3 short: 300 > 250: rejected, nothing taken.
    //   250: -2 + 0.25 s x 10 = 0.5 tokens: 0.5 short: wait 50, goes at 300 (-0.5).
    Collect ev;
    Simulation sim(
        scenario({0, 0, 0, 0, 0, 250}, constantService(10, 0.0), {tokenBucket(10, 2, 250)}),
        RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(starts(ev), (Starts{{0, 0}, {0, 1}, {ms(100), 2}, {ms(200), 3}, {ms(300), 5}}));
    EXPECT_EQ(ev.details(EventKind::RateLimited),
              (std::vector<std::string>{"100", "200", "rejected", "50"}));
    EXPECT_EQ(ends(ev).front(), (End{0, 4, "rejected"}));
    EXPECT_DOUBLE_EQ(stageOf(sim).state().microTokens(), -0.5e6);
    EXPECT_EQ(stageOf(sim).rejected(), 1u);
}

TEST(RateLimiterTest, TokenBucketWaitsAreRoundedUpToTheMicrosecond)
{
    // 3 tokens/s, burst 1: one token takes 1e6 / 3 = 333333.33 µs. Calls at 0: call 0 at once;
    // call 1 is 1 token short: 333333.33 -> 333334 µs; call 2 is 2 short: 666666.67 -> 666667 µs.
    Collect ev;
    Simulation sim(scenario({0, 0, 0}, constantService(10, 0.0), {tokenBucket(3, 1, 5000)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(starts(ev), (Starts{{0, 0}, {333334, 1}, {666667, 2}}));
    EXPECT_EQ(ev.details(EventKind::RateLimited), (std::vector<std::string>{"333.334", "666.667"}));
}

TEST(RateLimiterTest, ANewLimitKeepsTheReservationsAndAppliesFromNow)
{
    // limit 1 per 1000 ms, timeout 5000; calls at 0 and 0: call 1 reserves cycle 1 (-1). At 500
    // the limit becomes 3. Call 2 at 600: -1 + 3 = 2 permits at the next cycle: wait 400, goes at
    // 1000 (-2). Call 3 at 1500: cycle 1: min(-2 + 3, 3) = 1: at once. (With the limit left at 1,
    // call 2 would wait to 2000.) Call 1 keeps the start it reserved.
    Scenario s =
        scenario({0, 0, 600, 1500}, constantService(10, 0.0), {fixedWindow(1, 1000, 5000)});
    Collect ev;
    Simulation sim(s, RunOptions{.sink = &ev});
    sim.advanceTo(ms(500));
    Scenario edited = s;
    edited.pipeline[0].as<RateLimiterSpec>().limitForPeriod = 3;
    ASSERT_TRUE(sim.reconfigure(edited));
    sim.runToEnd();
    EXPECT_EQ(starts(ev), (Starts{{0, 0}, {ms(1000), 1}, {ms(1000), 2}, {ms(1500), 3}}));
    EXPECT_EQ(ev.details(EventKind::RateLimited), (std::vector<std::string>{"1000", "400"}));
}

// ---- the codec ---------------------------------------------------------------------------------

std::string document(const std::string &stage, int version = 2)
{
    return R"({"version": )" + std::to_string(version) + R"(, "name": "t", "duration_s": 10,
      "load": {"type": "poisson", "rate_per_s": 10},
      "services": {"api": {"latency_ms": {"dist": "constant", "value": 5}}},
      "target": "api", "pipeline": [)" +
           stage + "]}";
}

std::vector<std::string> errorsOf(const std::string &stage, int version = 2)
{
    std::vector<std::string> out;
    for (const ScenarioError &e : parseScenarioText(document(stage, version)).errors)
        out.push_back(e.toString());
    return out;
}

TEST(RateLimiterReader, AbsentKeysTakeTheDefaults)
{
    const ScenarioParse fw =
        parseScenarioText(document(R"({"type": "rate_limiter", "limit_refresh_period_ms": 1000})"));
    ASSERT_TRUE(fw.ok()) << fw.errors.front().toString();
    const RateLimiterSpec &f = fw.scenario->pipeline[0].as<RateLimiterSpec>();
    EXPECT_EQ(f.algorithm, RateLimiterSpec::Algorithm::FixedWindow);
    EXPECT_EQ(f.limitForPeriod, 50); // resilience4j's default
    EXPECT_EQ(f.timeoutMs, 5000.0);  // resilience4j's default timeoutDuration
    EXPECT_EQ(f.limitRefreshPeriodMs, 1000.0);

    const ScenarioParse tb = parseScenarioText(
        document(R"({"type": "rate_limiter", "algorithm": "token_bucket", "tokens_per_s": 20})"));
    ASSERT_TRUE(tb.ok()) << tb.errors.front().toString();
    const RateLimiterSpec &t = tb.scenario->pipeline[0].as<RateLimiterSpec>();
    EXPECT_EQ(t.algorithm, RateLimiterSpec::Algorithm::TokenBucket);
    EXPECT_EQ(t.tokensPerS, 20.0);
    EXPECT_EQ(t.burst, 1);
    EXPECT_EQ(t.timeoutMs, 5000.0);
}

TEST(RateLimiterReader, RoundTripWritesEveryKeyOfTheAlgorithm)
{
    for (const char *stage :
         {R"({"type": "rate_limiter", "enabled": true, "algorithm": "fixed_window",
              "timeout_ms": 0, "limit_for_period": 7, "limit_refresh_period_ms": 250.5})",
          R"({"type": "rate_limiter", "enabled": true, "algorithm": "token_bucket",
              "timeout_ms": 100, "tokens_per_s": 2.5, "burst": 4})"}) {
        SCOPED_TRACE(stage);
        const ScenarioParse r = parseScenarioText(document(stage));
        ASSERT_TRUE(r.ok()) << r.errors.front().toString();
        const nlohmann::json written = scenarioToJson(*r.scenario);
        EXPECT_EQ(written["pipeline"][0], nlohmann::json::parse(stage));
        const ScenarioParse again = parseScenario(written);
        ASSERT_TRUE(again.ok());
        EXPECT_EQ(*again.scenario, *r.scenario);
    }
}

TEST(RateLimiterReader, EveryErrorAtItsPath)
{
    EXPECT_EQ(errorsOf(R"({"type": "rate_limiter"})"),
              (std::vector<std::string>{"pipeline[0].limit_refresh_period_ms: missing required "
                                        "key \"limit_refresh_period_ms\""}));
    EXPECT_EQ(errorsOf(R"({"type": "rate_limiter", "algorithm": "token_bucket"})"),
              (std::vector<std::string>{
                  "pipeline[0].tokens_per_s: missing required key \"tokens_per_s\""}));
    EXPECT_EQ(errorsOf(R"({"type": "rate_limiter", "limit_refresh_period_ms": 0,
                           "limit_for_period": 0, "timeout_ms": -1})"),
              (std::vector<std::string>{
                  "pipeline[0].timeout_ms: must be >= 0 (got -1)",
                  "pipeline[0].limit_for_period: must be >= 1 (got 0)",
                  "pipeline[0].limit_refresh_period_ms: must be >= 0.001 (got 0)"}));
    EXPECT_EQ(errorsOf(R"({"type": "rate_limiter", "algorithm": "token_bucket",
                           "tokens_per_s": 0, "burst": 0})"),
              (std::vector<std::string>{"pipeline[0].tokens_per_s: must be > 0 (got 0)",
                                        "pipeline[0].burst: must be >= 1 (got 0)"}));
    EXPECT_EQ(errorsOf(R"({"type": "rate_limiter", "limit_refresh_period_ms": 1000,
                           "burst": 3})"),
              (std::vector<std::string>{"pipeline[0].burst: not a key of algorithm fixed_window "
                                        "(it is a key of algorithm token_bucket)"}));
    EXPECT_EQ(errorsOf(R"({"type": "rate_limiter", "algorithm": "token_bucket",
                           "tokens_per_s": 5, "limit_for_period": 3})"),
              (std::vector<std::string>{"pipeline[0].limit_for_period: not a key of algorithm "
                                        "token_bucket (it is a key of algorithm fixed_window)"}));
    EXPECT_EQ(errorsOf(R"({"type": "rate_limiter", "algorithm": "fixed_windwo"})"),
              (std::vector<std::string>{"pipeline[0].algorithm: must be one of fixed_window, "
                                        "token_bucket (got \"fixed_windwo\"), did you mean "
                                        "\"fixed_window\"?"}));
    EXPECT_EQ(errorsOf(R"({"type": "rate_limiter", "limit_refresh_period_ms": 1000,
                           "limit_for_perod": 3})"),
              (std::vector<std::string>{"pipeline[0].limit_for_perod: unknown key (did you mean "
                                        "\"limit_for_period\"?)"}));
}

TEST(RateLimiterReader, AVersionOneFileCannotUseIt)
{
    EXPECT_EQ(errorsOf(R"({"type": "rate_limiter", "limit_refresh_period_ms": 1000})", 1),
              (std::vector<std::string>{"pipeline[0].type: stage type \"rate_limiter\" needs "
                                        "scenario version 2 (set \"version\": 2)"}));
}

} // namespace
} // namespace reslab
