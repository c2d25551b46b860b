// Pipelines as a whole (DESIGN rule 5: outermost first, the innermost stage calls the service):
// stage order changes results, an empty pipeline calls the service, disabled stages are skipped,
// and the seed-like preset pipeline runs with consistent counts.

#include "engine_fixtures.h"
#include "reslab/metrics/report.h"
#include "reslab/model/simulation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace reslab {
namespace {

using namespace reslab::testing;

Scenario scenario(std::vector<double> atMs, const ServiceSpec &svc, std::vector<StageSpec> pipeline,
                  double durationS = 10)
{
    return scriptScenario("pipeline-test", 11, std::move(atMs), svc, std::move(pipeline),
                          durationS);
}

using Ends = std::vector<std::pair<SimTime, std::string>>;

StageSpec retry(int maxRetries, double fixedMs)
{
    StageSpec st;
    st.options = RetrySpec{};
    st.name = "retry";
    st.as<RetrySpec>().maxRetries = maxRetries;
    st.as<RetrySpec>().backoff = RetrySpec::Backoff::Fixed;
    st.as<RetrySpec>().baseMs = fixedMs;
    st.as<RetrySpec>().jitter = RetrySpec::Jitter::None;
    return st;
}

StageSpec staticFallback()
{
    StageSpec st;
    st.options = FallbackSpec{};
    st.name = "fallback";
    st.as<FallbackSpec>().mode = FallbackSpec::Mode::Static;
    return st;
}

TEST(PipelineTest, RetryOutsideBreakerEachAttemptGoesThroughTheBreaker)
{
    // [retry(2, fixed 10) -> breaker(consecutive 3, reset 60 s)], service always errors in 10 ms,
    // requests at 0, 1000, 2000.
    //   r0: attempts 0..10, 20..30, 40..50, each a failure for the breaker: the third (count 3)
    //       opens it at 50; r0 fails error at 50.
    //   r1 at 1000, r2 at 2000: rejected circuit_open at once; circuit_open is not retried.
    // Totals: 3 attempts, 2 retries, 2 rejections, 1 error + 2 circuit_open.
    Collect ev;
    Simulation sim(
        scenario({0, 1000, 2000}, constantService(10, 1.0), {retry(2, 10), breaker(3, 60000)}),
        RunOptions{.sink = &ev});
    sim.runToEnd();
    const Summary s = sim.summary();
    EXPECT_EQ(s.attempts, 3u);
    EXPECT_EQ(s.retries, 2u);
    EXPECT_EQ(s.breakerRejected, 2u);
    EXPECT_EQ(s.breakerTransitions, 1u);
    EXPECT_EQ(failures(s, Outcome::Error), 1u);
    EXPECT_EQ(failures(s, Outcome::CircuitOpen), 2u);
    EXPECT_EQ(ev.times(EventKind::BreakerTransition), (std::vector<SimTime>{ms(50)}));
    EXPECT_EQ(ev.ends(),
              (Ends{{ms(50), "error"}, {ms(1000), "circuit_open"}, {ms(2000), "circuit_open"}}));
}

TEST(PipelineTest, RetryInsideBreakerTheBreakerSeesOneResultPerRequest)
{
    // [breaker(consecutive 3, reset 60 s) -> retry(2, fixed 10)], same service and requests.
    //   Each request makes 3 attempts (t, t+20, t+40; errors at +10, +30, +50) and gives the
    //   breaker one failure at t+50: counts 1, 2, 3 -> it opens at 2050, after r2.
    // Totals: 9 attempts, 6 retries, 0 rejections, 3 errors.
    Collect ev;
    Simulation sim(
        scenario({0, 1000, 2000}, constantService(10, 1.0), {breaker(3, 60000), retry(2, 10)}),
        RunOptions{.sink = &ev});
    sim.runToEnd();
    const Summary s = sim.summary();
    EXPECT_EQ(s.attempts, 9u);
    EXPECT_EQ(s.retries, 6u);
    EXPECT_EQ(s.breakerRejected, 0u);
    EXPECT_EQ(s.breakerTransitions, 1u);
    EXPECT_EQ(failures(s, Outcome::Error), 3u);
    EXPECT_EQ(failures(s, Outcome::CircuitOpen), 0u);
    EXPECT_EQ(ev.times(EventKind::BreakerTransition), (std::vector<SimTime>{ms(2050)}));
    EXPECT_EQ(ev.ends(), (Ends{{ms(50), "error"}, {ms(1050), "error"}, {ms(2050), "error"}}));
}

TEST(PipelineTest, FallbackInsideRetryHidesFailuresFromTheRetry)
{
    // Always error in 10 ms.
    //   [retry(2) -> fallback]: the fallback turns the first error into `fallback`, which the
    //   retry does not retry: 1 attempt, fallback at 10.
    //   [fallback -> retry(2, fixed 10)]: 3 attempts (errors at 10, 30, 50), fallback at 50.
    {
        Collect ev;
        Simulation sim(scenario({0}, constantService(10, 1.0), {retry(2, 10), staticFallback()}),
                       RunOptions{.sink = &ev});
        sim.runToEnd();
        EXPECT_EQ(sim.summary().attempts, 1u);
        EXPECT_EQ(ev.ends(), (Ends{{ms(10), "fallback"}}));
    }
    {
        Collect ev;
        Simulation sim(scenario({0}, constantService(10, 1.0), {staticFallback(), retry(2, 10)}),
                       RunOptions{.sink = &ev});
        sim.runToEnd();
        EXPECT_EQ(sim.summary().attempts, 3u);
        EXPECT_EQ(ev.ends(), (Ends{{ms(50), "fallback"}}));
    }
}

TEST(PipelineTest, EmptyPipelineCallsTheServiceDirectly)
{
    // r0 at 0: ok:25 -> success at 25; r1 at 100: error:10 -> failure error at 110.
    ServiceSpec svc = constantService(1000, 0.0);
    svc.script = {ok(25), err(10)};
    Collect ev;
    Simulation sim(scenario({0, 100}, svc, {}), RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ev.ends(), (Ends{{ms(25), "ok"}, {ms(110), "error"}}));
    const Summary s = sim.summary();
    EXPECT_EQ(s.requests, 2u);
    EXPECT_EQ(s.attempts, 2u);
    EXPECT_EQ(s.retries, 0u);
    EXPECT_FALSE(s.hasBreaker);
    // Only client and service rows: no stage ever spoke.
    for (const Ev &e : ev.events)
        EXPECT_TRUE(e.stage == "client" || e.stage == "service:svc") << e.stage;
    EXPECT_TRUE(sim.retries().empty());
    EXPECT_TRUE(sim.timeouts().empty());
    EXPECT_TRUE(sim.breakers().empty());
    EXPECT_TRUE(sim.fallbacks().empty());
}

TEST(PipelineTest, DisabledStagesAreSkipped)
{
    // A disabled retry and a disabled 10 ms timeout around a 50 ms service that errors once then
    // succeeds: r0 fails error at 50 (no retry), r1 at 100 succeeds at 150 (no timeout).
    ServiceSpec svc = constantService(1000, 0.0);
    svc.script = {err(50), ok(50)};
    StageSpec r = retry(3, 10);
    r.enabled = false;
    StageSpec t = timeout(10);
    t.enabled = false;
    Collect ev;
    Simulation sim(scenario({0, 100}, svc, {r, t}), RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ev.ends(), (Ends{{ms(50), "error"}, {ms(150), "ok"}}));
    const Summary s = sim.summary();
    EXPECT_EQ(s.attempts, 2u);
    EXPECT_EQ(s.retries, 0u);
    EXPECT_TRUE(sim.retries().empty());
    EXPECT_TRUE(sim.timeouts().empty());

    // Only the disabled one is skipped: enabling the timeout again makes r1 time out at 110.
    t.enabled = true;
    svc.script = {err(50), ok(50)};
    Collect ev2;
    Simulation again(scenario({0, 100}, svc, {r, t}), RunOptions{.sink = &ev2});
    again.runToEnd();
    EXPECT_EQ(ev2.ends(), (Ends{{ms(10), "timeout"}, {ms(110), "timeout"}}));
    EXPECT_EQ(again.timeouts().size(), 1u);
}

TEST(PipelineTest, DisabledStageInTheMiddleKeepsTheOthersWired)
{
    // [retry(1, fixed 10) -> breaker disabled (threshold 1) -> timeout 30] on an always-ok 100 ms
    // service: with the breaker skipped, each attempt times out: 0 -> 30, retry at 40 -> 70.
    StageSpec b = breaker(1, 60000);
    b.enabled = false;
    Collect ev;
    Simulation sim(scenario({0}, constantService(100, 0.0), {retry(1, 10), b, timeout(30)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ev.ends(), (Ends{{ms(70), "timeout"}}));
    const Summary s = sim.summary();
    EXPECT_EQ(s.attempts, 2u);
    EXPECT_EQ(s.breakerRejected, 0u);
    EXPECT_FALSE(s.hasBreaker);
}

Scenario seedLike()
{
    Scenario s;
    s.name = "seed-like";
    s.seed = 42;
    s.durationS = 60;
    s.bucketMs = 1000;
    s.load.type = LoadSpec::Type::Poisson;
    s.load.ratePerS = 50;
    ServiceSpec svc;
    svc.name = "payments";
    svc.failureRate = 0.05;
    svc.latency.dist = LatencySpec::Dist::Lognormal;
    svc.latency.median = 40;
    svc.latency.p99 = 300;
    svc.concurrency = 16;
    svc.queueLimit = 64;
    ServicePhase bad;
    bad.atS = 20;
    bad.failureRate = 0.9;
    ServicePhase good;
    good.atS = 35;
    good.failureRate = 0.05;
    svc.phases = {bad, good};
    s.services["payments"] = svc;
    s.target = "payments";

    StageSpec fb = staticFallback();
    StageSpec br = breaker(5, 30000);
    br.as<BreakerSpec>().as<ConsecutiveOptions>().successThreshold = 3;
    StageSpec t5 = timeout(5000, false, "timeout#breaker");
    StageSpec t10 = timeout(10000, false, "timeout#outer");
    StageSpec r;
    r.options = RetrySpec{};
    r.name = "retry";
    r.as<RetrySpec>().maxRetries = 3;
    r.as<RetrySpec>().backoff = RetrySpec::Backoff::Exponential;
    r.as<RetrySpec>().baseMs = 100;
    r.as<RetrySpec>().maxDelayMs = 5000;
    r.as<RetrySpec>().jitter = RetrySpec::Jitter::Proportional;
    r.as<RetrySpec>().jitterRatio = 0.1;
    s.pipeline = {fb, br, t5, t10, r};
    return s;
}

TEST(PipelineTest, SeedLikePipelineRunsAndCountsAddUp)
{
    Collect ev;
    Simulation sim(seedLike(), RunOptions{.sink = &ev});
    sim.runToEnd();
    ASSERT_TRUE(sim.finished());
    const Summary s = sim.summary();

    // ~50/s for 60 s.
    EXPECT_GT(s.requests, 2500u);
    EXPECT_LT(s.requests, 3500u);
    EXPECT_EQ(s.success + s.fallback + s.failure + s.inFlight, s.requests);
    // The static fallback is outermost and handles every failure: nothing fails.
    EXPECT_EQ(s.failure, 0u);
    EXPECT_EQ(s.fallback, s.fallbackStatic);
    EXPECT_GT(s.success, 0u);
    // Every rejection is answered at once and replaced by the static answer.
    EXPECT_GE(s.fallback, s.breakerRejected);

    // Events agree with the summary.
    EXPECT_EQ(ev.of(EventKind::RequestStart).size(), s.requests);
    const auto ends = ev.of(EventKind::RequestEnd);
    EXPECT_EQ(ends.size(), s.success + s.fallback + s.failure);
    std::uint64_t okEnds = 0, fallbackEnds = 0;
    for (const Ev &e : ends) {
        okEnds += e.detail == "ok" ? 1 : 0;
        fallbackEnds += e.detail == "fallback" ? 1 : 0;
    }
    EXPECT_EQ(okEnds, s.success);
    EXPECT_EQ(fallbackEnds, s.fallback);
    EXPECT_EQ(ev.of(EventKind::BreakerRejected).size(), s.breakerRejected);
    EXPECT_EQ(ev.of(EventKind::BreakerTransition).size(), s.breakerTransitions);

    // Every request the breaker lets through reaches the service once at arrival (the retry is
    // inside the breaker), and every started retry is one more attempt.
    EXPECT_EQ(s.attempts, s.requests - s.breakerRejected + s.retries);
    EXPECT_DOUBLE_EQ(s.amplification,
                     static_cast<double>(s.attempts) / static_cast<double>(s.requests));
    ASSERT_EQ(s.services.size(), 1u);
    EXPECT_EQ(s.services[0].attempts, s.attempts);

    // 20..35 s at 90 % errors: 5 consecutive failures open the breaker; it stays open 30 s and
    // then (errors back at 5 %) closes again through half-open: at least 3 transitions, at
    // least 30 s open, all 60 s accounted for.
    EXPECT_GE(s.breakerTransitions, 3u);
    EXPECT_GT(s.breakerRejected, 0u);
    EXPECT_GE(s.timeInStateS[1], 30.0);
    EXPECT_NEAR(s.timeInStateS[0] + s.timeInStateS[1] + s.timeInStateS[2], 60.0, 1e-9);
    EXPECT_EQ(sim.breakers()[0]->state(), BreakerState::Closed);
    EXPECT_GT(s.retries, 0u);

    // The time series adds up to the same totals.
    const auto &rows = sim.recorder().rows();
    ASSERT_EQ(rows.size(), 60u);
    std::uint64_t arrivals = 0, success = 0, fallback = 0, failure = 0, attempts = 0, retries = 0,
                  rejected = 0;
    for (const BucketRow &row : rows) {
        arrivals += row.arrivals;
        success += row.success;
        fallback += row.fallback;
        failure += row.failure;
        attempts += row.attempts;
        retries += row.retries;
        rejected += row.rejected;
    }
    EXPECT_EQ(arrivals, s.requests);
    EXPECT_EQ(success, s.success);
    EXPECT_EQ(fallback, s.fallback);
    EXPECT_EQ(failure, s.failure);
    EXPECT_EQ(attempts, s.attempts);
    EXPECT_EQ(retries, s.retries);
    EXPECT_EQ(rejected, s.breakerRejected);
}

} // namespace
} // namespace reslab
