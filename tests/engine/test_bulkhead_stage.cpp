// The bulkhead stage through whole runs: the permit limit, the FIFO wait bounded by max_wait_ms
// and queue_limit, immediate rejections, fairness (the oldest waiter before the caller whose call
// ended), cancellation of waiting and admitted calls, hot apply, and its codec. Expected numbers
// are worked out by hand from docs/semantics.md "Bulkhead" (resilience4j's SemaphoreBulkhead).

#include "engine_fixtures.h"
#include "reslab/io/scenario_io.h"
#include "reslab/metrics/report.h"
#include "reslab/model/simulation.h"
#include "stages/bulkhead/bulkhead_stage.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace reslab {
namespace {

using namespace reslab::testing;

StageSpec bulkhead(int maxConcurrent, double maxWaitMs,
                   std::optional<std::int64_t> queueLimit = std::nullopt)
{
    StageSpec st;
    st.options = BulkheadSpec{};
    st.name = "bulkhead";
    BulkheadSpec &b = st.as<BulkheadSpec>();
    b.maxConcurrentCalls = maxConcurrent;
    b.maxWaitMs = maxWaitMs;
    b.queueLimit = queueLimit;
    return st;
}

Scenario scenario(std::vector<double> atMs, const ServiceSpec &svc, std::vector<StageSpec> pipeline)
{
    return scriptScenario("bulkhead-test", 5, std::move(atMs), svc, std::move(pipeline));
}

const BulkheadStage &stageOf(const Simulation &sim)
{
    return onlyStage<BulkheadStage>(sim);
}

/// (time, request, outcome) of every request end, in order.
std::vector<End> ends(const Collect &ev)
{
    return requestEnds(ev);
}

TEST(BulkheadTest, CallsBeyondTheLimitAreRejectedWhenTheirWaitRunsOut)
{
    // max 2, wait 100 ms, five calls at t = 0 to a 300 ms service. Calls 0 and 1 take the two
    // permits at 0 and hold them until 300. Calls 2, 3, 4 wait from 0; no permit frees before
    // 300, so each wait runs out at 100: three rejections at 100. Calls 0 and 1 end ok at 300.
    Collect ev;
    Simulation sim(scenario({0, 0, 0, 0, 0}, constantService(300, 0.0), {bulkhead(2, 100)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ends(ev), (std::vector<End>{{ms(100), 2, "rejected"},
                                          {ms(100), 3, "rejected"},
                                          {ms(100), 4, "rejected"},
                                          {ms(300), 0, "ok"},
                                          {ms(300), 1, "ok"}}));
    EXPECT_EQ(ev.times(EventKind::AttemptStart), (std::vector<SimTime>{0, 0}));
    EXPECT_EQ(ev.times(EventKind::BulkheadRejected),
              (std::vector<SimTime>{ms(100), ms(100), ms(100)}));
    EXPECT_EQ(ev.details(EventKind::BulkheadRejected),
              (std::vector<std::string>{"wait_expired", "wait_expired", "wait_expired"}));
    const BulkheadStage &b = stageOf(sim);
    EXPECT_EQ(b.admitted(), 2u);
    EXPECT_EQ(b.waited(), 3u);
    EXPECT_EQ(b.rejected(), 3u);
    EXPECT_EQ(b.inside(), 0);
    EXPECT_EQ(b.waiting(), 0);

    const Summary s = sim.summary();
    EXPECT_EQ(s.success, 2u);
    EXPECT_EQ(failures(s, Outcome::Rejected), 3u);
    EXPECT_EQ(s.attempts, 2u);
    EXPECT_TRUE(s.hasBulkhead);
    EXPECT_EQ(s.bulkheadRejected, 3u);
    EXPECT_EQ(s.bulkheadWaited, 3u);
    // The rejections count in the run's `rejected` column and in the stage's own series.
    EXPECT_EQ(sim.recorder().rows()[0].rejected, 3u);
    const StageSeries *series = sim.recorder().findStageSeries("client->svc", "bulkhead");
    ASSERT_NE(series, nullptr);
    EXPECT_EQ(series->type, "bulkhead");
    EXPECT_EQ(series->buckets[0].rejected, 3u);
    EXPECT_EQ(series->buckets[0].waited, 3u);
}

TEST(BulkheadTest, TheWaitIsInWholeMillisecondsTruncated)
{
    // max_wait_ms 100.9 waits 100 ms, as resilience4j's maxWaitDuration.toMillis() does: max 1,
    // two calls at 0 to a 300 ms service; call 1 is rejected at exactly 100.
    Collect ev;
    Simulation sim(scenario({0, 0}, constantService(300, 0.0), {bulkhead(1, 100.9)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ends(ev), (std::vector<End>{{ms(100), 1, "rejected"}, {ms(300), 0, "ok"}}));
}

TEST(BulkheadTest, AFreedPermitGoesToTheOldestWaitingCall)
{
    // max 2, wait 1000 ms, five calls at 0; the service takes 100, 200, then 100 ms per call in
    // the order calls reach it. Calls 0 [0, 100) and 1 [0, 200) go in; 2, 3, 4 wait. At 100
    // call 0 ends: call 2 (the oldest waiter) goes in [100, 200). At 200 call 1 ends first (its
    // end was scheduled at 0): call 3 goes in; then call 2 ends: call 4 goes in; both [200, 300).
    ServiceSpec svc = scripted({ok(100), ok(200), ok(100), ok(100), ok(100)});
    Collect ev;
    Simulation sim(scenario({0, 0, 0, 0, 0}, svc, {bulkhead(2, 1000)}), RunOptions{.sink = &ev});
    sim.runToEnd();
    std::vector<std::pair<SimTime, std::uint64_t>> starts;
    for (const Ev &e : ev.of(EventKind::AttemptStart))
        starts.emplace_back(e.t, e.request);
    EXPECT_EQ(starts, (std::vector<std::pair<SimTime, std::uint64_t>>{
                          {0, 0}, {0, 1}, {ms(100), 2}, {ms(200), 3}, {ms(200), 4}}));
    EXPECT_EQ(ends(ev), (std::vector<End>{{ms(100), 0, "ok"},
                                          {ms(200), 1, "ok"},
                                          {ms(200), 2, "ok"},
                                          {ms(300), 3, "ok"},
                                          {ms(300), 4, "ok"}}));
    EXPECT_TRUE(ev.of(EventKind::BulkheadRejected).empty());
    const BulkheadStage &b = stageOf(sim);
    EXPECT_EQ(b.admitted(), 5u);
    EXPECT_EQ(b.waited(), 3u);
    EXPECT_EQ(b.rejected(), 0u);
}

TEST(BulkheadTest, APermitFreedAtTheInstantAWaitEndsGoesToTheWaiter)
{
    // max 2, wait 100 ms, five calls at 0, a 100 ms service. At 100 the two calls inside end
    // (their ends were scheduled at 0, before the waits' timers): calls 2 and 3 go in at 100 and
    // end at 200. Call 4's wait ends at 100 with both permits taken again: rejected at 100.
    Collect ev;
    Simulation sim(scenario({0, 0, 0, 0, 0}, constantService(100, 0.0), {bulkhead(2, 100)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ends(ev), (std::vector<End>{{ms(100), 0, "ok"},
                                          {ms(100), 1, "ok"},
                                          {ms(100), 4, "rejected"},
                                          {ms(200), 2, "ok"},
                                          {ms(200), 3, "ok"}}));
    EXPECT_EQ(ev.times(EventKind::AttemptStart), (std::vector<SimTime>{0, 0, ms(100), ms(100)}));
    EXPECT_EQ(stageOf(sim).rejected(), 1u);
    EXPECT_EQ(stageOf(sim).waited(), 3u);
}

TEST(BulkheadTest, WithoutAWaitAFullBulkheadRejectsAtOnce)
{
    // max 1, max_wait 0: call 0 goes in [0, 50); calls 1 and 2 at 0 find no permit and are
    // rejected at 0 (answered by an event at that instant, after start() returned).
    Collect ev;
    Simulation sim(scenario({0, 0, 0}, constantService(50, 0.0), {bulkhead(1, 0)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ends(ev),
              (std::vector<End>{{0, 1, "rejected"}, {0, 2, "rejected"}, {ms(50), 0, "ok"}}));
    EXPECT_EQ(ev.details(EventKind::BulkheadRejected), (std::vector<std::string>{"full", "full"}));
    EXPECT_EQ(stageOf(sim).waited(), 0u);
    EXPECT_EQ(stageOf(sim).rejected(), 2u);
    EXPECT_EQ(sim.summary().attempts, 1u);
}

TEST(BulkheadTest, ACallBeyondTheQueueLimitIsRejectedAtOnce)
{
    // max 1, wait 1000 ms, queue_limit 2, five calls at 0 to a 100 ms service: call 0 goes in;
    // calls 1 and 2 wait; calls 3 and 4 would be the third and fourth waiters: rejected at 0.
    // Call 1 goes in at 100 (ends 200), call 2 at 200 (ends 300).
    Collect ev;
    Simulation sim(scenario({0, 0, 0, 0, 0}, constantService(100, 0.0), {bulkhead(1, 1000, 2)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ends(ev), (std::vector<End>{{0, 3, "rejected"},
                                          {0, 4, "rejected"},
                                          {ms(100), 0, "ok"},
                                          {ms(200), 1, "ok"},
                                          {ms(300), 2, "ok"}}));
    EXPECT_EQ(ev.details(EventKind::BulkheadRejected),
              (std::vector<std::string>{"queue_full", "queue_full"}));
    EXPECT_EQ(stageOf(sim).waited(), 2u);
    EXPECT_EQ(stageOf(sim).admitted(), 3u);
}

TEST(BulkheadTest, TheOldestWaiterGetsTheFreedPermitBeforeTheCallerIsAnswered)
{
    // [hedging (delay -1: hedge at once after a handled failure), bulkhead max 1, wait 1000].
    // Hedging calls the bulkhead again from inside its done(), so a bulkhead that answered before
    // handing the permit on would let that hedge jump the queue. The service answers, in the
    // order calls reach it: error after 100, ok after 100, ok after 50.
    //   0: request 0's first attempt goes in (error at 100).
    //  10: request 1 waits.
    // 100: request 0's attempt ends: the permit goes to request 1 (served 100..200) BEFORE
    //      hedging hears `error`; its hedge then finds the bulkhead full and waits.
    // 200: request 1 ends ok; the hedge goes in (ok at 250).
    // (Unfair, the hedge would take the permit at 100 and request 0 would end first, at 200.)
    ServiceSpec svc = scripted({err(100), ok(100), ok(50)});
    StageSpec hedge;
    hedge.options = HedgingSpec{};
    hedge.name = "hedging";
    hedge.as<HedgingSpec>().delayMs = -1;
    Collect ev;
    Simulation sim(scenario({0, 10}, svc, {hedge, bulkhead(1, 1000)}), RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ends(ev), (std::vector<End>{{ms(200), 1, "ok"}, {ms(250), 0, "ok"}}));
    std::vector<std::pair<SimTime, std::uint64_t>> starts;
    for (const Ev &e : ev.of(EventKind::AttemptStart))
        starts.emplace_back(e.t, e.request);
    EXPECT_EQ(starts,
              (std::vector<std::pair<SimTime, std::uint64_t>>{{0, 0}, {ms(100), 1}, {ms(200), 0}}));
    EXPECT_EQ(ev.times(EventKind::Hedge), (std::vector<SimTime>{ms(100)}));
    EXPECT_EQ(stageOf(sim).waited(), 2u);
    EXPECT_EQ(stageOf(sim).admitted(), 3u);
}

TEST(BulkheadTest, CancellingAWaitingCallFreesItsPlaceInTheQueue)
{
    // [timeout 300 cancel_inner, retry (1 retry of `error`, fixed 100 ms), bulkhead max 1,
    // wait 1000, queue_limit 1]. The service answers, in the order calls reach it: error after
    // 10, ok after 1000, ok after 20. Arrivals 0, 50, 120, 310.
    //    0: request 0 goes in (error at 10); at 10 its retry is due at 110.
    //   50: request 1 goes in (would end at 1050; its timeout is at 350).
    //  110: request 0's retry waits (the one place in the queue).
    //  120: request 2 finds the queue full: rejected at once (not retried).
    //  300: request 0's timeout cancels its waiting retry: the queue place frees (and the wait's
    //       own timer, due at 1110, is cancelled).
    //  310: request 3 waits (it would be rejected had the place not been freed).
    //  350: request 1's timeout cancels its attempt: the permit goes to request 3 (ok at 370).
    ServiceSpec svc = scripted({err(10), ok(1000), ok(20)});
    StageSpec retry;
    retry.options = RetrySpec{};
    retry.name = "retry";
    retry.as<RetrySpec>().maxRetries = 1;
    retry.as<RetrySpec>().backoff = RetrySpec::Backoff::Fixed;
    retry.as<RetrySpec>().baseMs = 100;
    Collect ev;
    Simulation sim(
        scenario({0, 50, 120, 310}, svc, {timeout(300, true), retry, bulkhead(1, 1000, 1)}),
        RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ends(ev), (std::vector<End>{{ms(120), 2, "rejected"},
                                          {ms(300), 0, "timeout"},
                                          {ms(350), 1, "timeout"},
                                          {ms(370), 3, "ok"}}));
    EXPECT_EQ(ev.details(EventKind::BulkheadRejected), (std::vector<std::string>{"queue_full"}));
    EXPECT_EQ(ev.times(EventKind::AttemptStart), (std::vector<SimTime>{0, ms(50), ms(350)}));
    EXPECT_EQ(ev.times(EventKind::AttemptCancelled), (std::vector<SimTime>{ms(350)}));
    const BulkheadStage &b = stageOf(sim);
    EXPECT_EQ(b.admitted(), 3u);
    EXPECT_EQ(b.waited(), 2u);
    EXPECT_EQ(b.rejected(), 1u);
    EXPECT_EQ(b.callsInFlight(), 0u);
    const Summary s = sim.summary();
    EXPECT_EQ(s.services[0].cancelled, 1u);
    EXPECT_EQ(s.retries, 1u);
}

TEST(BulkheadTest, CancellingAnAdmittedCallFreesItsPermitForTheNextWaiter)
{
    // [timeout 100 cancel_inner, bulkhead max 1, wait 1000]; the service answers after 300, then
    // 5 ms. Request 0 goes in at 0; request 1 (at 10) waits. At 100 request 0's timeout cancels
    // its attempt: the permit goes to request 1 at 100, which ends ok at 105 (before its own
    // timeout at 110).
    ServiceSpec svc = scripted({ok(300), ok(5)});
    Collect ev;
    Simulation sim(scenario({0, 10}, svc, {timeout(100, true), bulkhead(1, 1000)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ends(ev), (std::vector<End>{{ms(100), 0, "timeout"}, {ms(105), 1, "ok"}}));
    EXPECT_EQ(ev.times(EventKind::AttemptStart), (std::vector<SimTime>{0, ms(100)}));
    EXPECT_EQ(sim.summary().services[0].cancelled, 1u);
    EXPECT_EQ(stageOf(sim).inside(), 0);
}

TEST(BulkheadTest, EndedWaitsLeaveNoQueueEntriesBehind)
{
    // max 1, wait 100 ms: call 0 holds the permit for 5 s; calls at 10, 20, ..., 1000 each wait
    // 100 ms and are rejected. Every wait has ended by 1100 and the queue must be empty then, not
    // hold an entry per call until a permit frees at 5000.
    std::vector<double> at{0};
    for (int i = 1; i <= 100; ++i)
        at.push_back(10.0 * i);
    Simulation sim(scenario(at, constantService(5000, 0.0), {bulkhead(1, 100)}));
    sim.advanceTo(ms(1000));
    EXPECT_EQ(stageOf(sim).waiting(), 10); // the calls of (900, 1000]
    EXPECT_EQ(stageOf(sim).queueEntries(), 10u);
    sim.advanceTo(ms(1100));
    EXPECT_EQ(stageOf(sim).waiting(), 0);
    EXPECT_EQ(stageOf(sim).queueEntries(), 0u);
    EXPECT_EQ(stageOf(sim).rejected(), 100u);
}

TEST(BulkheadTest, RaisingTheLimitAdmitsWaitingCallsAtOnce)
{
    // max 1, wait 1000 ms, three calls at 0 to a 300 ms service: calls 1 and 2 wait. At 50 the
    // limit becomes 3: both go in at 50 and end at 350. (Unchanged they would go in at 300 and
    // 600.) The call inside keeps its permit.
    Scenario s = scenario({0, 0, 0}, constantService(300, 0.0), {bulkhead(1, 1000)});
    Collect ev;
    Simulation sim(s, RunOptions{.sink = &ev});
    sim.advanceTo(ms(50)); // no event at 50: the edit applies at exactly 50
    EXPECT_EQ(stageOf(sim).inside(), 1);
    Scenario edited = s;
    edited.pipeline[0].as<BulkheadSpec>().maxConcurrentCalls = 3;
    ASSERT_TRUE(sim.reconfigure(edited));
    EXPECT_EQ(stageOf(sim).inside(), 3);
    EXPECT_EQ(stageOf(sim).waiting(), 0);
    sim.runToEnd();
    EXPECT_EQ(ev.times(EventKind::AttemptStart), (std::vector<SimTime>{0, ms(50), ms(50)}));
    EXPECT_EQ(ev.times(EventKind::RequestEnd), (std::vector<SimTime>{ms(300), ms(350), ms(350)}));
}

TEST(BulkheadTest, SummaryJsonHasABulkheadGroupOnlyWithABulkhead)
{
    Simulation with(scenario({0, 0}, constantService(10, 0.0), {bulkhead(1, 0)}));
    with.runToEnd();
    const nlohmann::json j = summaryToJson(with.summary());
    ASSERT_TRUE(j.contains("bulkhead"));
    EXPECT_EQ(j["bulkhead"], nlohmann::json::parse(R"({"rejected": 1, "waited": 0})"));
    EXPECT_FALSE(j.contains("rate_limiter"));
    EXPECT_FALSE(j.contains("hedging"));

    Simulation without(scenario({0, 0}, constantService(10, 0.0), {timeout(100)}));
    without.runToEnd();
    EXPECT_FALSE(summaryToJson(without.summary()).contains("bulkhead"));
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

TEST(BulkheadReader, AbsentKeysTakeTheLibraryDefaults)
{
    const ScenarioParse r = parseScenarioText(document(R"({"type": "bulkhead"})"));
    ASSERT_TRUE(r.ok()) << r.errors.front().toString();
    const StageSpec &st = r.scenario->pipeline[0];
    ASSERT_TRUE(st.is<BulkheadSpec>());
    EXPECT_EQ(st.name, "bulkhead");
    EXPECT_EQ(st.as<BulkheadSpec>().maxConcurrentCalls, 25); // resilience4j's default
    EXPECT_EQ(st.as<BulkheadSpec>().maxWaitMs, 0.0);
    EXPECT_FALSE(st.as<BulkheadSpec>().queueLimit.has_value());
}

TEST(BulkheadReader, ValuesAndTheirRoundTrip)
{
    const ScenarioParse r = parseScenarioText(document(
        R"({"type": "bulkhead", "max_concurrent_calls": 4, "max_wait_ms": 250.5, "queue_limit": 8})"));
    ASSERT_TRUE(r.ok()) << r.errors.front().toString();
    const BulkheadSpec &b = r.scenario->pipeline[0].as<BulkheadSpec>();
    EXPECT_EQ(b.maxConcurrentCalls, 4);
    EXPECT_EQ(b.maxWaitMs, 250.5);
    EXPECT_EQ(b.queueLimit, std::optional<std::int64_t>(8));
    const nlohmann::json written = scenarioToJson(*r.scenario);
    EXPECT_EQ(written["version"], 2);
    EXPECT_EQ(written["pipeline"][0], nlohmann::json::parse(R"({"type": "bulkhead", "enabled": true,
        "max_concurrent_calls": 4, "max_wait_ms": 250.5, "queue_limit": 8})"));
    const ScenarioParse again = parseScenario(written);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again.scenario, *r.scenario);
}

TEST(BulkheadReader, EveryErrorAtItsPath)
{
    EXPECT_EQ(errorsOf(R"({"type": "bulkhead", "max_concurrent_calls": -1, "max_wait_ms": -5,
                           "queue_limit": -1})"),
              (std::vector<std::string>{"pipeline[0].max_concurrent_calls: must be >= 0 (got -1)",
                                        "pipeline[0].max_wait_ms: must be >= 0 (got -5)",
                                        "pipeline[0].queue_limit: must be >= 0 (got -1)"}));
    EXPECT_EQ(errorsOf(R"({"type": "bulkhead", "max_concurrent_calls": 2.5})"),
              (std::vector<std::string>{
                  "pipeline[0].max_concurrent_calls: expected an integer, got 2.5"}));
    EXPECT_EQ(
        errorsOf(R"({"type": "bulkhead", "max_wait_ms": 2000000000})"),
        (std::vector<std::string>{"pipeline[0].max_wait_ms: must be <= 1e9 ms (got 2000000000)"}));
    EXPECT_EQ(errorsOf(R"({"type": "bulkhead", "max_concurent_calls": 5})"),
              (std::vector<std::string>{"pipeline[0].max_concurent_calls: unknown key (did you "
                                        "mean \"max_concurrent_calls\"?)"}));
    EXPECT_EQ(errorsOf(R"({"type": "bulkhead", "cancel_inner": true})"),
              (std::vector<std::string>{"pipeline[0].cancel_inner: not a key of stage type "
                                        "bulkhead (it is a key of stage type timeout)"}));
}

TEST(BulkheadReader, AVersionOneFileCannotUseIt)
{
    EXPECT_EQ(errorsOf(R"({"type": "bulkhead"})", 1),
              (std::vector<std::string>{"pipeline[0].type: stage type \"bulkhead\" needs scenario "
                                        "version 2 (set \"version\": 2)"}));
}

} // namespace
} // namespace reslab
