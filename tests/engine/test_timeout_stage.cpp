// The timeout stage through whole runs: exact firing time, the tie rule, placement outside vs
// inside a retry, and cancel_inner. Expected numbers worked out by hand from docs/semantics.md
// "Timeout".

#include "engine_fixtures.h"
#include "reslab/model/simulation.h"
#include "stages/timeout/timeout_stage.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reslab {
namespace {

using namespace reslab::testing;

Scenario scenario(std::vector<double> atMs, const ServiceSpec &svc, std::vector<StageSpec> pipeline,
                  double durationS = 10)
{
    return scriptScenario("timeout-test", 5, std::move(atMs), svc, std::move(pipeline), durationS);
}

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

TEST(TimeoutTest, FiresAtExactlyTimeoutMs)
{
    // The service would answer at 250; the 100 ms timer fires at 100: timeout, latency 100.
    Collect ev;
    Simulation sim(scenario({0}, scripted({ok(250)}), {timeout(100)}), RunOptions{.sink = &ev});
    sim.runToEnd();
    const auto fired = ev.of(EventKind::Timeout);
    ASSERT_EQ(fired.size(), 1u);
    EXPECT_EQ(fired[0].t, ms(100));
    EXPECT_EQ(fired[0].detail, "100");
    EXPECT_EQ(fired[0].stage, "timeout");
    const auto ends = ev.of(EventKind::RequestEnd);
    ASSERT_EQ(ends.size(), 1u);
    EXPECT_EQ(ends[0].t, ms(100));
    EXPECT_EQ(ends[0].detail, "timeout");
    const Summary s = sim.summary();
    EXPECT_EQ(failures(s, Outcome::Timeout), 1u);
    EXPECT_EQ(s.success, 0u);
    EXPECT_DOUBLE_EQ(s.latencyMax, 100.0);
    ASSERT_EQ(sim.timeouts().size(), 1u);
    EXPECT_EQ(sim.timeouts()[0]->timeouts(), 1u);
    // The abandoned attempt still finished at 250 (no cancel_inner).
    EXPECT_EQ(ev.times(EventKind::AttemptEnd), (std::vector<SimTime>{ms(250)}));
}

TEST(TimeoutTest, AnswerAtTheSameInstantAsTheTimerLoses)
{
    // Timer and answer both at 100 ms. The timeout stage schedules its timer in start() BEFORE
    // it calls the service, so the timer has the smaller insertion sequence; events at equal
    // times run first-in-first-out (DESIGN rule 1), so the timer fires first and the answer,
    // arriving at the same instant, is too late.
    Collect ev;
    Simulation sim(scenario({0}, scripted({ok(100)}), {timeout(100)}), RunOptions{.sink = &ev});
    sim.runToEnd();
    const auto ends = ev.of(EventKind::RequestEnd);
    ASSERT_EQ(ends.size(), 1u);
    EXPECT_EQ(ends[0].t, ms(100));
    EXPECT_EQ(ends[0].detail, "timeout");
    const Summary s = sim.summary();
    EXPECT_EQ(failures(s, Outcome::Timeout), 1u);
    EXPECT_EQ(s.success, 0u);
}

TEST(TimeoutTest, AnswerOneMicrosecondEarlierWins)
{
    // ok:99.999 is 99 999 µs, one before the 100 000 µs timer: success at 99.999 ms.
    Collect ev;
    Simulation sim(scenario({0}, scripted({ok(99.999)}), {timeout(100)}), RunOptions{.sink = &ev});
    sim.runToEnd();
    const auto ends = ev.of(EventKind::RequestEnd);
    ASSERT_EQ(ends.size(), 1u);
    EXPECT_EQ(ends[0].t, 99999);
    EXPECT_EQ(ends[0].detail, "ok");
    EXPECT_TRUE(ev.of(EventKind::Timeout).empty());
    const Summary s = sim.summary();
    EXPECT_EQ(s.success, 1u);
    EXPECT_EQ(s.failure, 0u);
    EXPECT_EQ(sim.timeouts()[0]->timeouts(), 0u);
}

TEST(TimeoutTest, ErrorsPassThroughUnchanged)
{
    ServiceSpec svc = scripted({{false, 30.0}});
    Collect ev;
    Simulation sim(scenario({0}, svc, {timeout(100)}), RunOptions{.sink = &ev});
    sim.runToEnd();
    const Summary s = sim.summary();
    EXPECT_EQ(failures(s, Outcome::Error), 1u);
    EXPECT_EQ(failures(s, Outcome::Timeout), 0u);
    EXPECT_EQ(ev.times(EventKind::RequestEnd), (std::vector<SimTime>{ms(30)}));
}

TEST(TimeoutTest, OutsideARetryBoundsTheWholeRequest)
{
    // [timeout 250 -> retry(3, fixed 50)], service always ok but 300 ms slow.
    // The retry sees no failure before 300; the timeout fires at 250: failure timeout at 250
    // after a single attempt (whose late ok at 300 is dropped).
    Collect ev;
    Simulation sim(scenario({0}, constantService(300, 0.0), {timeout(250), retry(3, 50)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    const Summary s = sim.summary();
    EXPECT_EQ(s.attempts, 1u);
    EXPECT_EQ(s.retries, 0u);
    EXPECT_EQ(failures(s, Outcome::Timeout), 1u);
    EXPECT_EQ(ev.times(EventKind::RequestEnd), (std::vector<SimTime>{ms(250)}));
}

TEST(TimeoutTest, InsideARetryBoundsEachAttempt)
{
    // [retry(3, fixed 50) -> timeout 250], same slow service: every attempt times out.
    //   attempt 1: 0 -> timeout 250, retry at 300; attempt 2: 300 -> 550, retry at 600;
    //   attempt 3: 600 -> 850, retry at 900; attempt 4: 900 -> 1150: failure timeout at 1150.
    Collect ev;
    Simulation sim(scenario({0}, constantService(300, 0.0), {retry(3, 50), timeout(250)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    const Summary s = sim.summary();
    EXPECT_EQ(s.attempts, 4u);
    EXPECT_EQ(s.retries, 3u);
    EXPECT_EQ(failures(s, Outcome::Timeout), 1u);
    EXPECT_EQ(ev.times(EventKind::Timeout),
              (std::vector<SimTime>{ms(250), ms(550), ms(850), ms(1150)}));
    EXPECT_EQ(ev.times(EventKind::AttemptStart),
              (std::vector<SimTime>{0, ms(300), ms(600), ms(900)}));
    EXPECT_EQ(ev.times(EventKind::RequestEnd), (std::vector<SimTime>{ms(1150)}));
}

TEST(TimeoutTest, OutsideARetryOnFailingServiceAbandonsTheRetryLoop)
{
    // [timeout 250 -> retry(3, fixed 50)], service always errors in 40 ms:
    //   attempts at 0 (err 40), 90 (err 130), 180 (err 220); next retry due at 270.
    //   The timeout fires at 250: the request fails timeout at 250.
    // Without cancel_inner the abandoned retry loop goes on: the 4th attempt starts at 270.
    // With cancel_inner the waiting retry is cancelled: 3 attempts only.
    for (bool cancel : {false, true}) {
        Collect ev;
        Simulation sim(
            scenario({0}, constantService(40, 1.0), {timeout(250, cancel), retry(3, 50)}),
            RunOptions{.sink = &ev});
        sim.runToEnd();
        const Summary s = sim.summary();
        EXPECT_EQ(ev.times(EventKind::RequestEnd), (std::vector<SimTime>{ms(250)})) << cancel;
        EXPECT_EQ(failures(s, Outcome::Timeout), 1u) << cancel;
        if (cancel) {
            EXPECT_EQ(s.attempts, 3u);
            EXPECT_EQ(s.retries, 2u);
            EXPECT_EQ(ev.times(EventKind::AttemptStart),
                      (std::vector<SimTime>{0, ms(90), ms(180)}));
        } else {
            EXPECT_EQ(s.attempts, 4u);
            EXPECT_EQ(s.retries, 3u);
            EXPECT_EQ(ev.times(EventKind::AttemptStart),
                      (std::vector<SimTime>{0, ms(90), ms(180), ms(270)}));
        }
    }
}

Scenario cancelScenario(bool cancelInner)
{
    // One server; request 0 takes 200 ms, request 1 (at 60) 20 ms; timeout 50 ms each.
    ServiceSpec svc = scripted({ok(200), ok(20)});
    svc.concurrency = 1;
    return scenario({0, 60}, svc, {timeout(50, cancelInner)});
}

TEST(TimeoutTest, CancelInnerFreesTheService)
{
    // Request 0 times out at 50 and its work is cancelled: the server is free when request 1
    // arrives at 60; served 60..80: success at 80.
    Collect ev;
    Simulation sim(cancelScenario(true), RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ev.times(EventKind::RequestEnd), (std::vector<SimTime>{ms(50), ms(80)}));
    const auto ends = ev.of(EventKind::RequestEnd);
    ASSERT_EQ(ends.size(), 2u);
    EXPECT_EQ(ends[0].detail, "timeout");
    EXPECT_EQ(ends[1].detail, "ok");
    EXPECT_EQ(ev.times(EventKind::AttemptCancelled), (std::vector<SimTime>{ms(50)}));
    const Summary s = sim.summary();
    EXPECT_EQ(s.success, 1u);
    EXPECT_EQ(s.services[0].cancelled, 1u);
    EXPECT_EQ(sim.targetService().inService(), 0u);
}

TEST(TimeoutTest, WithoutCancelInnerTheAbandonedWorkBlocksTheNextRequest)
{
    // Request 0's work holds the server until 200; request 1 (at 60) waits and its own timer
    // fires at 110: both time out.
    Collect ev;
    Simulation sim(cancelScenario(false), RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ev.times(EventKind::RequestEnd), (std::vector<SimTime>{ms(50), ms(110)}));
    const Summary s = sim.summary();
    EXPECT_EQ(s.success, 0u);
    EXPECT_EQ(failures(s, Outcome::Timeout), 2u);
    EXPECT_EQ(s.services[0].cancelled, 0u);
    EXPECT_TRUE(ev.of(EventKind::AttemptCancelled).empty());
}

TEST(TimeoutTest, AbandonedWorkKeepsItsRequestAfterTheRequestEnded)
{
    // One server, 200 ms per attempt, timeout 50 ms without cancel_inner; arrivals at 0, 60,
    // 120, 180. Each request times out while its attempt waits in the queue, and new requests
    // arrive after it ended: the abandoned attempts are served 0..200, 200..400, 400..600,
    // 600..800 and each must still answer as its own request (its slot is held for it, not
    // handed to a newer request).
    ServiceSpec svc = scripted({ok(200), ok(200), ok(200), ok(200)});
    svc.concurrency = 1;
    Collect ev;
    Simulation sim(scenario({0, 60, 120, 180}, svc, {timeout(50)}), RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ev.times(EventKind::RequestEnd),
              (std::vector<SimTime>{ms(50), ms(110), ms(170), ms(230)}));
    const auto ends = ev.of(EventKind::AttemptEnd);
    ASSERT_EQ(ends.size(), 4u);
    for (std::size_t i = 0; i < ends.size(); ++i) {
        EXPECT_EQ(ends[i].t, ms(200) * static_cast<SimTime>(i + 1)) << i;
        EXPECT_EQ(ends[i].request, i) << i;
        EXPECT_EQ(ends[i].attempt, 1u) << i;
    }
}

TEST(TimeoutTest, NestedTimeoutsTheShorterWins)
{
    // [timeout 500 (outer) -> timeout 100 (inner)] on a 300 ms service: inner fires at 100.
    Collect ev;
    Simulation sim(scenario({0}, constantService(300, 0.0),
                            {timeout(500, false, "outer"), timeout(100, false, "inner")}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    const auto fired = ev.of(EventKind::Timeout);
    ASSERT_EQ(fired.size(), 1u);
    EXPECT_EQ(fired[0].stage, "inner");
    EXPECT_EQ(fired[0].t, ms(100));
    EXPECT_EQ(ev.times(EventKind::RequestEnd), (std::vector<SimTime>{ms(100)}));
}

} // namespace
} // namespace reslab
