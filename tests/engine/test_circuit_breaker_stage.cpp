// The circuit breaker as a pipeline stage, in whole Simulation runs built from Scenario structs:
// scripted arrivals (load type `script`, exact `at_ms`) and scripted services (exact outcomes and
// latencies), with an event sink capturing breaker_transition / breaker_rejected / request_end.
// Expected times and counts are worked out by hand from docs/semantics.md (consecutive,
// resilience4j, Polly).

#include "reslab/model/simulation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace reslab {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr double kEps = 1e-9;

ScriptedOutcome ok(double latencyMs)
{
    return {true, latencyMs};
}
ScriptedOutcome err(double latencyMs)
{
    return {false, latencyMs};
}

/// Keeps what the breaker tests look at, as "T_ms detail" strings.
class Capture final : public EventSink
{
public:
    void onEvent(const EventRecord &e) override
    {
        const std::string line = formatMillis(e.time) + " " + e.detail();
        switch (e.kind) {
        case EventKind::BreakerTransition:
            transitions.push_back(line);
            break;
        case EventKind::BreakerRejected:
            rejections.push_back(line);
            break;
        case EventKind::RequestEnd:
            ends.push_back(line);
            break;
        default:
            break;
        }
    }
    std::vector<std::string> transitions;
    std::vector<std::string> rejections;
    std::vector<std::string> ends;
};

StageSpec breakerStage(const BreakerSpec &b)
{
    StageSpec s;
    s.options = BreakerSpec{};
    s.as<BreakerSpec>() = b;
    return s;
}

StageSpec timeoutStage(double ms, bool cancelInner)
{
    StageSpec s;
    s.options = TimeoutSpec{};
    s.as<TimeoutSpec>().timeoutMs = ms;
    s.as<TimeoutSpec>().cancelInner = cancelInner;
    return s;
}

/// One scripted service "svc" behind `pipeline`, requests arriving at `atMs`.
Scenario scenario(std::vector<double> atMs, std::vector<ScriptedOutcome> script,
                  std::vector<StageSpec> pipeline, double durationS)
{
    Scenario s;
    s.name = "breaker-stage";
    s.seed = 7;
    s.durationS = durationS;
    s.bucketMs = 1000;
    s.load.type = LoadSpec::Type::Script;
    s.load.atMs = std::move(atMs);
    ServiceSpec svc;
    svc.name = "svc";
    svc.latency = LatencySpec::constant(1);
    svc.script = std::move(script);
    s.services["svc"] = svc;
    s.target = "svc";
    s.pipeline = std::move(pipeline);
    return s;
}

BreakerSpec consecutive(int failureThreshold, int successThreshold, double resetMs,
                        bool automatic = false)
{
    BreakerSpec b;
    ConsecutiveOptions &o = b.policy.emplace<ConsecutiveOptions>();
    o.failureThreshold = failureThreshold;
    o.successThreshold = successThreshold;
    o.resetTimeoutMs = resetMs;
    o.automaticTransition = automatic;
    return b;
}

BreakerSpec r4j(int windowSize, int minimumCalls, double threshold, double waitMs, int permitted,
                bool automatic = false)
{
    BreakerSpec b;
    Resilience4jOptions &o = b.policy.emplace<Resilience4jOptions>();
    o.slidingWindowSize = windowSize;
    o.minimumNumberOfCalls = minimumCalls;
    o.failureRateThreshold = threshold;
    o.waitDurationInOpenStateMs = waitMs;
    o.permittedNumberOfCallsInHalfOpenState = permitted;
    o.automaticTransition = automatic;
    return b;
}

BreakerSpec polly(double ratio, int minimumThroughput, double samplingMs, double breakMs)
{
    BreakerSpec b;
    PollyOptions &o = b.policy.emplace<PollyOptions>();
    o.failureRatio = ratio;
    o.minimumThroughput = minimumThroughput;
    o.samplingDurationMs = samplingMs;
    o.breakDurationMs = breakMs;
    return b;
}

struct RunResult
{
    Capture events;
    Summary summary;
    std::vector<BucketRow> rows;
};

RunResult run(const Scenario &s)
{
    RunResult r;
    RunOptions options;
    options.sink = &r.events;
    Simulation sim(s, options);
    sim.runToEnd();
    r.summary = sim.summary();
    r.rows = sim.recorder().rows();
    return r;
}

std::uint64_t byCause(const Summary &s, Outcome o)
{
    return s.failureByCause[static_cast<int>(o)];
}

void expectTimeInState(const Summary &s, double closedS, double openS, double halfOpenS)
{
    EXPECT_NEAR(s.timeInStateS[0], closedS, kEps) << "closed";
    EXPECT_NEAR(s.timeInStateS[1], openS, kEps) << "open";
    EXPECT_NEAR(s.timeInStateS[2], halfOpenS, kEps) << "half_open";
}

// =============================================================================================
// consecutive

TEST(BreakerStageConsecutive, OpensRejectsAndHalfOpensLazilyAtTheDeadline)
{
    // Two errors open it at 110 ms; reset 1 s: half-open at or after 1110 ms, at the next call.
    const RunResult r =
        run(scenario({0, 100, 200, 500, 1109, 1110, 1120}, {err(10), err(10), ok(50)},
                     {breakerStage(consecutive(2, 1, 1000))}, 2));
    EXPECT_THAT(r.events.transitions,
                ElementsAre("110 closed->open", "1110 open->half_open", "1160 half_open->closed"));
    EXPECT_THAT(r.events.rejections,
                ElementsAre("200 open", "500 open", "1109 open", "1120 half_open"));
    // A rejection is answered at once with circuit_open.
    EXPECT_THAT(r.events.ends,
                ElementsAre("10 error", "110 error", "200 circuit_open", "500 circuit_open",
                            "1109 circuit_open", "1120 circuit_open", "1160 ok"));

    const Summary &s = r.summary;
    EXPECT_TRUE(s.hasBreaker);
    EXPECT_EQ(s.requests, 7u);
    EXPECT_EQ(s.success, 1u);
    EXPECT_EQ(s.failure, 6u);
    EXPECT_EQ(byCause(s, Outcome::Error), 2u);
    EXPECT_EQ(byCause(s, Outcome::CircuitOpen), 4u);
    EXPECT_EQ(s.breakerRejected, 4u);
    EXPECT_EQ(s.breakerTransitions, 3u);
    EXPECT_EQ(s.attempts, 3u) << "rejected calls never reach the service";
    // closed [0, 0.110) + [1.160, 2.000); open [0.110, 1.110); half-open [1.110, 1.160)
    expectTimeInState(s, 0.110 + 0.840, 1.000, 0.050);

    // Per bucket: rejections where they happened, and the share of each state.
    ASSERT_EQ(r.rows.size(), 2u);
    EXPECT_EQ(r.rows[0].rejected, 2u);
    EXPECT_EQ(r.rows[1].rejected, 2u);
    EXPECT_NEAR(r.rows[0].breakerTime[0], 0.110, 1e-6);
    EXPECT_NEAR(r.rows[0].breakerTime[1], 0.890, 1e-6);
    EXPECT_NEAR(r.rows[0].breakerTime[2], 0.0, 1e-6);
    EXPECT_EQ(r.rows[0].breakerState, BreakerState::Open);
    EXPECT_NEAR(r.rows[1].breakerTime[0], 0.840, 1e-6);
    EXPECT_NEAR(r.rows[1].breakerTime[1], 0.110, 1e-6);
    EXPECT_NEAR(r.rows[1].breakerTime[2], 0.050, 1e-6);
    EXPECT_EQ(r.rows[1].breakerState, BreakerState::Closed);
}

TEST(BreakerStageConsecutive, AutomaticTransitionHalfOpensByTimer)
{
    const RunResult r = run(scenario({0, 100, 200, 1500}, {err(10), err(10), ok(10)},
                                     {breakerStage(consecutive(2, 1, 1000, true))}, 2));
    EXPECT_THAT(r.events.transitions,
                ElementsAre("110 closed->open", "1110 open->half_open", "1510 half_open->closed"));
    EXPECT_THAT(r.events.rejections, ElementsAre("200 open"));
    EXPECT_EQ(r.summary.breakerRejected, 1u);
    EXPECT_EQ(byCause(r.summary, Outcome::CircuitOpen), 1u);
    expectTimeInState(r.summary, 0.110 + 0.490, 1.000, 0.400);
}

TEST(BreakerStageConsecutive, FailedTrialReopensAndSuccessThresholdCloses)
{
    // failure_threshold 1, success_threshold 2, reset 500 ms.
    // 0: error -> open at 10. 510: trial fails at 520 -> open until 1020.
    // 1020: trial ok at 1030 (1 of 2); 1040: trial ok at 1050 -> closed.
    const RunResult r =
        run(scenario({0, 510, 515, 1019, 1020, 1025, 1040}, {err(10), err(10), ok(10), ok(10)},
                     {breakerStage(consecutive(1, 2, 500))}, 2));
    EXPECT_THAT(r.events.transitions,
                ElementsAre("10 closed->open", "510 open->half_open", "520 half_open->open",
                            "1020 open->half_open", "1050 half_open->closed"));
    EXPECT_THAT(r.events.rejections, ElementsAre("515 half_open", "1019 open", "1025 half_open"));
    EXPECT_EQ(r.summary.success, 2u);
    EXPECT_EQ(byCause(r.summary, Outcome::Error), 2u);
    EXPECT_EQ(byCause(r.summary, Outcome::CircuitOpen), 3u);
    // closed 0.010 + 0.950; open 0.500 + 0.500; half-open 0.010 + 0.030
    expectTimeInState(r.summary, 0.960, 1.000, 0.040);
}

TEST(BreakerStageConsecutive, OnlyRecordedOutcomesCount)
{
    // A timeout inside the breaker: recorded by default, not with record = {error}.
    auto make = [](OutcomeSet record) {
        BreakerSpec b = consecutive(1, 1, 30000);
        b.record = record;
        return scenario({0, 200, 400}, {ok(100), ok(100), ok(100)},
                        {breakerStage(b), timeoutStage(50, false)}, 1);
    };
    const RunResult errorsOnly = run(make({Outcome::Error}));
    EXPECT_THAT(errorsOnly.events.transitions, IsEmpty());
    EXPECT_EQ(byCause(errorsOnly.summary, Outcome::Timeout), 3u);
    EXPECT_EQ(errorsOnly.summary.breakerRejected, 0u);

    const RunResult defaults = run(make(BreakerSpec{}.record));
    EXPECT_THAT(defaults.events.transitions, ElementsAre("50 closed->open"));
    EXPECT_THAT(defaults.events.rejections, ElementsAre("200 open", "400 open"));
    EXPECT_EQ(byCause(defaults.summary, Outcome::Timeout), 1u);
    EXPECT_EQ(byCause(defaults.summary, Outcome::CircuitOpen), 2u);
    expectTimeInState(defaults.summary, 0.050, 0.950, 0.0);
}

// =============================================================================================
// resilience4j

TEST(BreakerStageResilience4j, HalfOpenOnlyStrictlyAfterTheWaitDuration)
{
    // count window 2, min 2, 50 %: two errors open it at 110 ms; wait 1 s: retryAfter 1110 ms.
    const RunResult r = run(scenario({0, 100, 1110, 1110.001, 1115}, {err(10), err(10), ok(20)},
                                     {breakerStage(r4j(2, 2, 50, 1000, 1))}, 2));
    EXPECT_THAT(r.events.transitions, ElementsAre("110 closed->open", "1110.001 open->half_open",
                                                  "1130.001 half_open->closed"));
    EXPECT_THAT(r.events.rejections, ElementsAre("1110 open", "1115 half_open"));
    EXPECT_EQ(r.summary.breakerRejected, 2u);
    EXPECT_EQ(byCause(r.summary, Outcome::CircuitOpen), 2u);
    EXPECT_EQ(r.summary.success, 1u);
    expectTimeInState(r.summary, 0.110 + 0.869999, 1.000001, 0.020);
}

TEST(BreakerStageResilience4j, AutomaticTransitionAtExactlyTheWaitDuration)
{
    const RunResult r = run(scenario({0, 100, 1050, 1200}, {err(10), err(10), ok(10)},
                                     {breakerStage(r4j(2, 2, 50, 1000, 1, true))}, 2));
    EXPECT_THAT(r.events.transitions,
                ElementsAre("110 closed->open", "1110 open->half_open", "1210 half_open->closed"));
    EXPECT_THAT(r.events.rejections, ElementsAre("1050 open"));
    expectTimeInState(r.summary, 0.110 + 0.790, 1.000, 0.100);
}

TEST(BreakerStageResilience4j, ASuccessOpensTheBreaker)
{
    // window 4, min 4, 50 %: E E S -> not enough calls; the 4th call, a success, makes 2 of 4.
    const RunResult r = run(scenario({0, 100, 200, 300, 400}, {err(10), err(10), ok(10), ok(10)},
                                     {breakerStage(r4j(4, 4, 50, 1000, 1))}, 1));
    EXPECT_THAT(r.events.transitions, ElementsAre("310 closed->open"));
    EXPECT_THAT(r.events.ends,
                ElementsAre("10 error", "110 error", "210 ok", "310 ok", "400 circuit_open"));
    EXPECT_EQ(r.summary.success, 2u);
    EXPECT_EQ(r.summary.breakerRejected, 1u);
}

TEST(BreakerStageResilience4j, SlowCallsAreMeasuredFromAdmission)
{
    // Never a failure; slow_call_rate_threshold 50 %, slow means strictly > 100 ms.
    BreakerSpec b = r4j(2, 2, 50, 1000, 1);
    b.as<Resilience4jOptions>().slowCallRateThreshold = 50;
    b.as<Resilience4jOptions>().slowCallDurationThresholdMs = 100;
    const RunResult r =
        run(scenario({0, 200, 400, 600}, {ok(100), ok(100), ok(100.001)}, {breakerStage(b)}, 1));
    EXPECT_THAT(r.events.transitions, ElementsAre("500.001 closed->open"));
    EXPECT_THAT(r.events.rejections, ElementsAre("600 open"));
    EXPECT_EQ(r.summary.success, 3u);
}

TEST(BreakerStageResilience4j, HalfOpenPermitsAreATotal)
{
    // permitted 2 (min 2): the first trial ends before the third call, which is still rejected.
    const RunResult r =
        run(scenario({0, 100, 1200, 1250, 1260}, {err(10), err(10), ok(10), ok(100)},
                     {breakerStage(r4j(2, 2, 50, 1000, 2))}, 2));
    EXPECT_THAT(r.events.transitions,
                ElementsAre("110 closed->open", "1200 open->half_open", "1350 half_open->closed"));
    EXPECT_THAT(r.events.rejections, ElementsAre("1260 half_open"));
    expectTimeInState(r.summary, 0.110 + 0.650, 1.090, 0.150);
}

TEST(BreakerStageResilience4j, CancelledTrialGivesItsPermitBack)
{
    // An outer timeout with cancel_inner cancels the half-open trial at 1200: the permit comes
    // back and the call at 1300 is the next trial.
    const RunResult cancelled =
        run(scenario({0, 1100, 1300}, {err(10), ok(500), ok(10)},
                     {timeoutStage(100, true), breakerStage(r4j(1, 1, 50, 1000, 1))}, 2));
    EXPECT_THAT(cancelled.events.transitions,
                ElementsAre("10 closed->open", "1100 open->half_open", "1310 half_open->closed"));
    EXPECT_THAT(cancelled.events.rejections, IsEmpty());
    EXPECT_EQ(byCause(cancelled.summary, Outcome::Timeout), 1u);
    EXPECT_EQ(cancelled.summary.success, 1u);

    // Without cancel_inner the trial keeps its permit until it ends (ok at 1600).
    const RunResult abandoned =
        run(scenario({0, 1100, 1300}, {err(10), ok(500), ok(10)},
                     {timeoutStage(100, false), breakerStage(r4j(1, 1, 50, 1000, 1))}, 2));
    EXPECT_THAT(abandoned.events.transitions,
                ElementsAre("10 closed->open", "1100 open->half_open", "1600 half_open->closed"));
    EXPECT_THAT(abandoned.events.rejections, ElementsAre("1300 half_open"));
    EXPECT_EQ(byCause(abandoned.summary, Outcome::CircuitOpen), 1u);
}

TEST(BreakerStageResilience4j, MaxWaitInHalfOpenReopensByTimer)
{
    BreakerSpec b = r4j(1, 1, 50, 1000, 1);
    b.as<Resilience4jOptions>().maxWaitDurationInHalfOpenStateMs = 300;
    // 0: error -> open at 10, retryAfter 1010. 1100: trial (slow, ok at 2000) -> half-open; the
    // timer reopens it at 1400, retryAfter 2400; the trial's late success is recorded in OPEN.
    const RunResult r = run(
        scenario({0, 1100, 1200, 2400, 2401}, {err(10), ok(900), ok(10)}, {breakerStage(b)}, 3));
    EXPECT_THAT(r.events.transitions,
                ElementsAre("10 closed->open", "1100 open->half_open", "1400 half_open->open",
                            "2401 open->half_open", "2411 half_open->closed"));
    EXPECT_THAT(r.events.rejections, ElementsAre("1200 half_open", "2400 open"));
    expectTimeInState(r.summary, 0.010 + 0.589, 1.090 + 1.001, 0.300 + 0.010);
}

// =============================================================================================
// polly

TEST(BreakerStagePolly, OneProbeUntilItResolvesThenCloses)
{
    // ratio 0.5, throughput 2: two errors open it at 110 ms; break 500 ms: probe at or after 610.
    const RunResult r =
        run(scenario({0, 100, 609, 610, 650, 1200, 1700}, {err(10), err(10), ok(1000), ok(10)},
                     {breakerStage(polly(0.5, 2, 1000, 500))}, 2));
    EXPECT_THAT(r.events.transitions,
                ElementsAre("110 closed->open", "610 open->half_open", "1610 half_open->closed"));
    EXPECT_THAT(r.events.rejections, ElementsAre("609 open", "650 half_open", "1200 half_open"));
    EXPECT_EQ(r.summary.breakerRejected, 3u);
    EXPECT_EQ(byCause(r.summary, Outcome::CircuitOpen), 3u);
    EXPECT_EQ(r.summary.success, 2u);
    expectTimeInState(r.summary, 0.110 + 0.390, 0.500, 1.000);
}

TEST(BreakerStagePolly, ProbeFailureReopensForTheBreakDuration)
{
    const RunResult r =
        run(scenario({0, 100, 610, 1209, 1210}, {err(10), err(10), err(100), ok(10)},
                     {breakerStage(polly(0.5, 2, 1000, 500))}, 2));
    EXPECT_THAT(r.events.transitions,
                ElementsAre("110 closed->open", "610 open->half_open", "710 half_open->open",
                            "1210 open->half_open", "1220 half_open->closed"));
    EXPECT_THAT(r.events.rejections, ElementsAre("1209 open"));
    expectTimeInState(r.summary, 0.110 + 0.780, 0.500 + 0.500, 0.100 + 0.010);
}

TEST(BreakerStagePolly, ASuccessNeverBreaks)
{
    // ratio 0.5, throughput 4: E S E (3 calls) then S makes 4 calls at 50 % - on a success, so
    // no break; the next error (5 calls, 60 %) breaks.
    const RunResult r =
        run(scenario({0, 100, 200, 300, 400, 500}, {err(10), ok(10), err(10), ok(10), err(10)},
                     {breakerStage(polly(0.5, 4, 10000, 5000))}, 1));
    EXPECT_THAT(r.events.transitions, ElementsAre("410 closed->open"));
    EXPECT_THAT(r.events.rejections, ElementsAre("500 open"));
}

} // namespace
} // namespace reslab
