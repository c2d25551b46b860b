// The hedging stage through whole runs: a hedge after the delay, at once after a handled failure,
// every attempt at once (delay 0), only after failures (delay -1), the winner and its losers
// (cancelled, or left to run holding their request), the answer when every attempt fails, the
// tie rule, cancellation from outside, hot apply and the codec. Expected numbers are worked out
// by hand from docs/semantics.md "Hedging" (Polly v8's HedgingResilienceStrategy).

#include "engine_fixtures.h"
#include "reslab/io/scenario_io.h"
#include "reslab/model/simulation.h"
#include "stages/hedging/hedging_stage.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace reslab {
namespace {

using namespace reslab::testing;

StageSpec hedging(int maxHedged, double delayMs, bool cancelLosers = true)
{
    StageSpec st;
    st.options = HedgingSpec{};
    st.name = "hedging";
    HedgingSpec &h = st.as<HedgingSpec>();
    h.maxHedgedAttempts = maxHedged;
    h.delayMs = delayMs;
    h.cancelLosers = cancelLosers;
    return st;
}

Scenario scenario(std::vector<double> atMs, const ServiceSpec &svc, std::vector<StageSpec> pipeline)
{
    return scriptScenario("hedging-test", 5, std::move(atMs), svc, std::move(pipeline));
}

const HedgingStage &stageOf(const Simulation &sim)
{
    return onlyStage<HedgingStage>(sim);
}

/// (time, request, attempt) of the events of one kind.
struct At
{
    SimTime t;
    std::uint64_t request;
    std::uint32_t attempt;
    bool operator==(const At &) const = default;
};
std::vector<At> at(const Collect &ev, EventKind kind)
{
    std::vector<At> out;
    for (const Ev &e : ev.of(kind))
        out.push_back({e.t, e.request, e.attempt});
    return out;
}

TEST(HedgingTest, ASlowAttemptIsHedgedAfterTheDelayAndTheLoserIsCancelled)
{
    // Delay 100 ms, one hedge. The service answers the first attempt after 500 ms and the hedge
    // (started at 100) after 50: the hedge wins at 150, and the first attempt, cancelled at 150,
    // frees its place in the service at once.
    ServiceSpec svc = scripted({ok(500), ok(50)});
    Collect ev;
    Simulation sim(scenario({0}, svc, {hedging(1, 100)}), RunOptions{.sink = &ev});
    sim.advanceTo(ms(150) - 1);
    EXPECT_EQ(sim.targetService().inService(), 2u);
    sim.advanceTo(ms(150));
    EXPECT_EQ(sim.targetService().inService(), 0u);
    sim.runToEnd();
    EXPECT_EQ(ev.ends(), (std::vector<std::pair<SimTime, std::string>>{{ms(150), "ok"}}));
    EXPECT_EQ(at(ev, EventKind::AttemptStart), (std::vector<At>{{0, 0, 1}, {ms(100), 0, 2}}));
    EXPECT_EQ(at(ev, EventKind::Hedge), (std::vector<At>{{ms(100), 0, 1}}));
    EXPECT_EQ(ev.details(EventKind::Hedge), (std::vector<std::string>{"delay"}));
    EXPECT_EQ(at(ev, EventKind::AttemptCancelled), (std::vector<At>{{ms(150), 0, 1}}));
    EXPECT_EQ(at(ev, EventKind::AttemptEnd), (std::vector<At>{{ms(150), 0, 2}}));
    const Summary s = sim.summary();
    EXPECT_EQ(s.success, 1u);
    EXPECT_EQ(s.attempts, 2u);
    EXPECT_EQ(s.services[0].cancelled, 1u);
    EXPECT_TRUE(s.hasHedging);
    EXPECT_EQ(s.hedges, 1u);
    EXPECT_EQ(s.retries, 0u); // a hedge is not a retry
    EXPECT_EQ(stageOf(sim).hedges(), 1u);
    EXPECT_EQ(stageOf(sim).attemptsInFlight(), 0u);
    const StageSeries *series = sim.recorder().findStageSeries("client->svc", "hedging");
    ASSERT_NE(series, nullptr);
    EXPECT_EQ(series->buckets[0].hedges, 1u);
}

TEST(HedgingTest, WithoutCancelLosersTheLoserRunsOnAndHoldsItsRequest)
{
    // The same race with cancel_losers false; arrivals 0, 200, 300. The service answers, in the
    // order attempts reach it: 500 ms (request 0's first), 50 (its hedge at 100), 10 (request 1
    // at 200), 10 (request 2 at 300). Request 0 is answered at 150; its first attempt runs on to
    // 500, keeping its service place and its request's slot, so its end is still request 0's
    // attempt 1 although requests 1 and 2 came and went meanwhile.
    ServiceSpec svc = scripted({ok(500), ok(50), ok(10), ok(10)});
    Collect ev;
    Simulation sim(scenario({0, 200, 300}, svc, {hedging(1, 100, false)}), RunOptions{.sink = &ev});
    sim.advanceTo(ms(400));
    EXPECT_EQ(sim.targetService().inService(), 1u);
    EXPECT_EQ(stageOf(sim).attemptsInFlight(), 1u);
    EXPECT_EQ(stageOf(sim).callsInFlight(), 1u); // the record outlives the answer
    sim.runToEnd();
    EXPECT_EQ(ev.ends(), (std::vector<std::pair<SimTime, std::string>>{
                             {ms(150), "ok"}, {ms(210), "ok"}, {ms(310), "ok"}}));
    EXPECT_EQ(
        at(ev, EventKind::AttemptEnd),
        (std::vector<At>{{ms(150), 0, 2}, {ms(210), 1, 1}, {ms(310), 2, 1}, {ms(500), 0, 1}}));
    EXPECT_TRUE(ev.of(EventKind::AttemptCancelled).empty());
    EXPECT_EQ(sim.summary().services[0].cancelled, 0u);
    EXPECT_EQ(stageOf(sim).callsInFlight(), 0u);
    EXPECT_EQ(stageOf(sim).hedges(), 1u); // requests 1 and 2 answered before their delays
}

TEST(HedgingTest, DelayMinusOneHedgesOnlyAfterAHandledFailure)
{
    {
        // The first attempt fails after 100: the hedge starts at 100 and answers ok at 150.
        Collect ev;
        Simulation sim(scenario({0}, scripted({err(100), ok(50)}), {hedging(1, -1)}),
                       RunOptions{.sink = &ev});
        sim.runToEnd();
        EXPECT_EQ(ev.ends(), (std::vector<std::pair<SimTime, std::string>>{{ms(150), "ok"}}));
        EXPECT_EQ(at(ev, EventKind::Hedge), (std::vector<At>{{ms(100), 0, 1}}));
        EXPECT_EQ(ev.details(EventKind::Hedge), (std::vector<std::string>{"error"}));
    }
    {
        // A slow success is never hedged: ok at 500, one attempt.
        Collect ev;
        Simulation sim(scenario({0}, scripted({ok(500)}), {hedging(1, -1)}),
                       RunOptions{.sink = &ev});
        sim.runToEnd();
        EXPECT_EQ(ev.ends(), (std::vector<std::pair<SimTime, std::string>>{{ms(500), "ok"}}));
        EXPECT_TRUE(ev.of(EventKind::Hedge).empty());
        EXPECT_EQ(sim.summary().attempts, 1u);
    }
}

TEST(HedgingTest, DelayZeroStartsEveryAttemptAtOnce)
{
    // Two hedges, delay 0: three attempts at 0, answering after 300, 100 and 200. The second
    // wins at 100; the first and the third are cancelled then.
    Collect ev;
    Simulation sim(scenario({0}, scripted({ok(300), ok(100), ok(200)}), {hedging(2, 0)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(at(ev, EventKind::AttemptStart), (std::vector<At>{{0, 0, 1}, {0, 0, 2}, {0, 0, 3}}));
    EXPECT_EQ(at(ev, EventKind::Hedge), (std::vector<At>{{0, 0, 1}, {0, 0, 2}}));
    EXPECT_EQ(ev.ends(), (std::vector<std::pair<SimTime, std::string>>{{ms(100), "ok"}}));
    EXPECT_EQ(at(ev, EventKind::AttemptCancelled),
              (std::vector<At>{{ms(100), 0, 1}, {ms(100), 0, 3}}));
    EXPECT_EQ(stageOf(sim).hedges(), 2u);
}

TEST(HedgingTest, AHandledFailureHedgesAtOnceAndTheDelayRestartsFromThatHedge)
{
    // Two hedges, delay 100. The first attempt fails after 30: hedge 1 starts at 30 (slow: 500).
    // The delay runs again from 30: hedge 2 starts at 130 and answers after 50: ok at 180, and
    // hedge 1 is cancelled then. (A delay still counted from 0 would start hedge 2 at 100.)
    Collect ev;
    Simulation sim(scenario({0}, scripted({err(30), ok(500), ok(50)}), {hedging(2, 100)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(at(ev, EventKind::Hedge), (std::vector<At>{{ms(30), 0, 1}, {ms(130), 0, 2}}));
    EXPECT_EQ(ev.details(EventKind::Hedge), (std::vector<std::string>{"error", "delay"}));
    EXPECT_EQ(ev.ends(), (std::vector<std::pair<SimTime, std::string>>{{ms(180), "ok"}}));
    EXPECT_EQ(at(ev, EventKind::AttemptCancelled), (std::vector<At>{{ms(180), 0, 2}}));
}

TEST(HedgingTest, WhenEveryAttemptFailsTheFirstAttemptsOutcomeIsTheAnswer)
{
    // [hedging (two hedges, delay 100), timeout 400 cancel_inner]: each attempt has its own
    // timeout. First attempt at 0: error after 350. Hedge 1 at 100: the service would take 1000,
    // its timeout fires at 500. Hedge 2 at 200 (the delay from hedge 1): error after 50. Every
    // outcome is handled and no hedge is left: the stage waits for the last one (hedge 1's
    // timeout at 500) and answers, as Polly v8 does (HedgingExecutionContext takes the first
    // task in launch order that completed), with the first attempt's outcome: `error`.
    ServiceSpec svc = scripted({err(350), ok(1000), err(50)});
    Collect ev;
    Simulation sim(scenario({0}, svc, {hedging(2, 100), timeout(400, true)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(at(ev, EventKind::Hedge), (std::vector<At>{{ms(100), 0, 1}, {ms(200), 0, 2}}));
    EXPECT_EQ(ev.ends(), (std::vector<std::pair<SimTime, std::string>>{{ms(500), "error"}}));
    EXPECT_EQ(at(ev, EventKind::AttemptEnd), (std::vector<At>{{ms(250), 0, 3}, {ms(350), 0, 1}}));
    EXPECT_EQ(failures(sim.summary(), Outcome::Error), 1u);
    EXPECT_EQ(failures(sim.summary(), Outcome::Timeout), 0u);
}

TEST(HedgingTest, AnUnhandledFailureWinsAtOnce)
{
    // handle = [timeout] only: the first attempt's `error` after 100 is not handled: it is the
    // answer at 100, and the pending delay (2000) never starts a hedge.
    StageSpec h = hedging(1, 2000);
    h.as<HedgingSpec>().handle = OutcomeSet{Outcome::Timeout};
    Collect ev;
    Simulation sim(scenario({0}, scripted({err(100)}), {h}), RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ev.ends(), (std::vector<std::pair<SimTime, std::string>>{{ms(100), "error"}}));
    EXPECT_TRUE(ev.of(EventKind::Hedge).empty());
}

TEST(HedgingTest, ADelayRunningOutAsTheAttemptAnswersStartsTheHedgeFirst)
{
    // Delay 100, the first attempt answers after exactly 100. The delay's timer was scheduled
    // before the attempt (as a timeout's is), so at 100 it fires first: the hedge starts, then
    // the first attempt's ok arrives at the same instant and wins; the hedge is cancelled at 100.
    Collect ev;
    Simulation sim(scenario({0}, scripted({ok(100), ok(100)}), {hedging(1, 100)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ev.ends(), (std::vector<std::pair<SimTime, std::string>>{{ms(100), "ok"}}));
    EXPECT_EQ(at(ev, EventKind::Hedge), (std::vector<At>{{ms(100), 0, 1}}));
    EXPECT_EQ(at(ev, EventKind::AttemptCancelled), (std::vector<At>{{ms(100), 0, 2}}));
}

TEST(HedgingTest, CancellingTheCallCancelsEveryAttempt)
{
    // [timeout 120 cancel_inner, hedging (two hedges, delay 50)]: attempts at 0, 50 and 100, each
    // 500 ms long. At 120 the timeout cancels the hedging call: all three attempts are cancelled.
    Collect ev;
    Simulation sim(
        scenario({0}, scripted({ok(500), ok(500), ok(500)}), {timeout(120, true), hedging(2, 50)}),
        RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ev.ends(), (std::vector<std::pair<SimTime, std::string>>{{ms(120), "timeout"}}));
    EXPECT_EQ(at(ev, EventKind::AttemptCancelled),
              (std::vector<At>{{ms(120), 0, 1}, {ms(120), 0, 2}, {ms(120), 0, 3}}));
    EXPECT_EQ(sim.targetService().inService(), 0u);
    EXPECT_EQ(stageOf(sim).callsInFlight(), 0u);
}

TEST(HedgingTest, CallsInFlightKeepTheDelayTheyStartedWith)
{
    // Delay 2000 at first; at 50 it becomes 100. Request 0 (at 0, a 300 ms attempt) keeps its
    // 2000: no hedge, ok at 300. Request 1 (at 60, 300 ms, then a 10 ms hedge) hedges at 160 and
    // ends ok at 170.
    Scenario s = scenario({0, 60}, scripted({ok(300), ok(300), ok(10)}), {hedging(1, 2000)});
    Collect ev;
    Simulation sim(s, RunOptions{.sink = &ev});
    sim.advanceTo(ms(50));
    Scenario edited = s;
    edited.pipeline[0].as<HedgingSpec>().delayMs = 100;
    ASSERT_TRUE(sim.reconfigure(edited));
    sim.runToEnd();
    EXPECT_EQ(at(ev, EventKind::Hedge), (std::vector<At>{{ms(160), 1, 1}}));
    std::vector<std::pair<SimTime, std::uint64_t>> ends;
    for (const Ev &e : ev.of(EventKind::RequestEnd))
        ends.emplace_back(e.t, e.request);
    EXPECT_EQ(ends, (std::vector<std::pair<SimTime, std::uint64_t>>{{ms(170), 1}, {ms(300), 0}}));
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

TEST(HedgingReader, AbsentKeysTakePollysDefaults)
{
    const ScenarioParse r = parseScenarioText(document(R"({"type": "hedging"})"));
    ASSERT_TRUE(r.ok()) << r.errors.front().toString();
    const HedgingSpec &h = r.scenario->pipeline[0].as<HedgingSpec>();
    EXPECT_EQ(h.maxHedgedAttempts, 1);
    EXPECT_EQ(h.delayMs, 2000.0);
    EXPECT_EQ(h.handle, OutcomeSet::allFailures());
    EXPECT_TRUE(h.cancelLosers);
}

TEST(HedgingReader, RoundTripAndTheSpecialDelays)
{
    for (const char *stage :
         {R"({"type": "hedging", "enabled": true, "max_hedged_attempts": 10, "delay_ms": -1,
              "handle": ["timeout"], "cancel_losers": false})",
          R"({"type": "hedging", "enabled": true, "max_hedged_attempts": 3, "delay_ms": 0,
              "handle": ["error", "overloaded"], "cancel_losers": true})",
          R"({"type": "hedging", "enabled": true, "max_hedged_attempts": 1, "delay_ms": 12.5,
              "handle": [], "cancel_losers": true})"}) {
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

TEST(HedgingReader, EveryErrorAtItsPath)
{
    EXPECT_EQ(
        errorsOf(R"({"type": "hedging", "max_hedged_attempts": 0})"),
        (std::vector<std::string>{"pipeline[0].max_hedged_attempts: must be in [1, 10] (got 0)"}));
    EXPECT_EQ(
        errorsOf(R"({"type": "hedging", "max_hedged_attempts": 11})"),
        (std::vector<std::string>{"pipeline[0].max_hedged_attempts: must be in [1, 10] (got 11)"}));
    for (const char *delay : {"-0.5", "-2"}) {
        EXPECT_EQ(errorsOf(std::string(R"({"type": "hedging", "delay_ms": )") + delay + "}"),
                  (std::vector<std::string>{"pipeline[0].delay_ms: must be -1 (hedge only after a "
                                            "handled failure) or >= 0 (got " +
                                            std::string(delay) + ")"}));
    }
    EXPECT_EQ(
        errorsOf(R"({"type": "hedging", "delay_ms": 2000000000})"),
        (std::vector<std::string>{"pipeline[0].delay_ms: must be <= 1e9 ms (got 2000000000)"}));
    EXPECT_EQ(errorsOf(R"({"type": "hedging", "handle": ["ok"]})"),
              (std::vector<std::string>{
                  "pipeline[0].handle[0]: \"ok\" is not a failure outcome (must be one of error, "
                  "timeout, circuit_open, overloaded, rejected, fallback_failed)"}));
    EXPECT_EQ(errorsOf(R"({"type": "hedging", "cancel_losers": "yes"})"),
              (std::vector<std::string>{
                  "pipeline[0].cancel_losers: expected true or false, got string \"yes\""}));
    EXPECT_EQ(errorsOf(R"({"type": "hedging", "max_hedged_attempt": 2})"),
              (std::vector<std::string>{"pipeline[0].max_hedged_attempt: unknown key (did you "
                                        "mean \"max_hedged_attempts\"?)"}));
    EXPECT_EQ(errorsOf(R"({"type": "hedging", "max_retries": 2})"),
              (std::vector<std::string>{"pipeline[0].max_retries: not a key of stage type "
                                        "hedging (it is a key of stage type retry)"}));
}

TEST(HedgingReader, AVersionOneFileCannotUseIt)
{
    EXPECT_EQ(errorsOf(R"({"type": "hedging"})", 1),
              (std::vector<std::string>{"pipeline[0].type: stage type \"hedging\" needs scenario "
                                        "version 2 (set \"version\": 2)"}));
}

} // namespace
} // namespace reslab
