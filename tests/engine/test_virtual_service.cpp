// The virtual service: scripted outcomes, FIFO queue behind `concurrency` servers, queue_limit ->
// overloaded, slowdown under load, phases, error latency, cancellation, and abandoned work.
// Expected times are worked out by hand from the service model of docs/semantics.md (comments show
// how).

#include "engine_fixtures.h"
#include "reslab/model/simulation.h"
#include "reslab/model/virtual_service.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reslab {
namespace {

using namespace reslab::testing;

/// An event as written to events.csv, with owned strings.
/// Receives answers from the service with the time they came.
class RecordingCaller final : public Caller
{
public:
    explicit RecordingCaller(const Simulator &sim)
        : m_sim(sim)
    {}
    struct Answer
    {
        std::uint64_t token;
        Outcome outcome;
        SimTime at;
    };
    void done(std::uint64_t token, Outcome outcome) override
    {
        answers.push_back({token, outcome, m_sim.now()});
    }
    /// The answer for `token`, if any (and checks that there is at most one).
    std::optional<Answer> answer(std::uint64_t token) const
    {
        std::optional<Answer> found;
        for (const Answer &a : answers) {
            if (a.token == token) {
                EXPECT_FALSE(found.has_value()) << "two answers for token " << token;
                found = a;
            }
        }
        return found;
    }
    std::vector<Answer> answers;

private:
    const Simulator &m_sim;
};

/// One service driven directly: call(id) opens request `id` and starts an attempt whose token
/// is `id`.
struct Harness
{
    explicit Harness(const ServiceSpec &spec)
        : svc(ctx, spec, 0, true)
    {
        svc.schedulePhases();
    }

    std::uint64_t call(std::uint64_t id)
    {
        const std::uint32_t slot = requests.open(id, sim.now(), 0);
        return svc.start(slot, &caller, id);
    }
    void callAt(SimTime t, std::uint64_t id)
    {
        sim.schedule(t, [this, id] { call(id); });
    }
    void expectAnswer(std::uint64_t token, Outcome outcome, SimTime at) const
    {
        const auto a = caller.answer(token);
        ASSERT_TRUE(a.has_value()) << "no answer for token " << token;
        EXPECT_EQ(a->outcome, outcome) << "token " << token;
        EXPECT_EQ(a->at, at) << "token " << token;
    }

    Simulator sim;
    RunRecorder recorder{kMicrosPerSecond, 1000 * kMicrosPerSecond};
    RequestTable requests{1};
    Collect events;
    RunContext ctx{sim, recorder, requests, 1, &events};
    VirtualService svc;
    RecordingCaller caller{sim};
};

ServiceSpec service(double latencyMs, double failureRate = 0.0)
{
    ServiceSpec s;
    s.name = "svc";
    s.failureRate = failureRate;
    s.latency = LatencySpec::constant(latencyMs);
    return s;
}

TEST(VirtualServiceTest, ScriptedOutcomesAndLatenciesInOrder)
{
    ServiceSpec spec = service(1000.0);
    spec.script = {ok(10), err(20), ok(5), err(0.001)};
    Harness h(spec);
    for (std::uint64_t id = 0; id < 4; ++id)
        h.call(id); // all at t = 0, unlimited concurrency: attempt i takes script[i]
    h.sim.run();
    h.expectAnswer(0, Outcome::Ok, ms(10));
    h.expectAnswer(1, Outcome::Error, ms(20));
    h.expectAnswer(2, Outcome::Ok, ms(5));
    h.expectAnswer(3, Outcome::Error, 1);
    EXPECT_EQ(h.svc.totals().attempts, 4u);
    EXPECT_EQ(h.svc.totals().served, 4u);
    EXPECT_EQ(h.svc.totals().errors, 2u);
}

TEST(VirtualServiceTest, ScriptIsConsumedInOrderOfServiceStartAcrossTime)
{
    ServiceSpec spec = service(1000.0);
    spec.script = {err(10), ok(30)};
    Harness h(spec);
    // Scheduled in the other order, but 8 starts service first (t = 50): it takes err:10.
    h.callAt(ms(100), 7);
    h.callAt(ms(50), 8);
    h.sim.run();
    h.expectAnswer(8, Outcome::Error, ms(60)); // 50 + 10
    h.expectAnswer(7, Outcome::Ok, ms(130));   // 100 + 30
}

TEST(VirtualServiceTest, ScriptEntryWithoutLatencyUsesTheDistributions)
{
    ServiceSpec spec = service(7.0);
    spec.errorLatency = LatencySpec::constant(3.0);
    spec.script = {ScriptedOutcome{true, std::nullopt}, ScriptedOutcome{false, std::nullopt}};
    Harness h(spec);
    h.call(0);
    h.call(1);
    h.sim.run();
    h.expectAnswer(0, Outcome::Ok, ms(7));    // latency_ms
    h.expectAnswer(1, Outcome::Error, ms(3)); // error_latency_ms
}

TEST(VirtualServiceTest, AfterTheScriptTheFailureRateDecides)
{
    // failure_rate 1: every unscripted attempt errors; the script's single "ok:2" comes first.
    ServiceSpec spec = service(7.0, 1.0);
    spec.script = {ok(2)};
    Harness h(spec);
    h.call(0);
    h.call(1);
    h.call(2);
    h.sim.run();
    h.expectAnswer(0, Outcome::Ok, ms(2));
    h.expectAnswer(1, Outcome::Error, ms(7));
    h.expectAnswer(2, Outcome::Error, ms(7));

    ServiceSpec never = service(7.0, 0.0);
    never.script = {err(2)};
    Harness g(never);
    g.call(0);
    g.call(1);
    g.sim.run();
    g.expectAnswer(0, Outcome::Error, ms(2));
    g.expectAnswer(1, Outcome::Ok, ms(7));
}

TEST(VirtualServiceTest, ConcurrencyOneQueuesFifo)
{
    ServiceSpec spec = service(100.0);
    spec.concurrency = 1;
    Harness h(spec);
    h.call(0);
    h.call(1);
    h.call(2);
    // One server: 0 in service, 1 and 2 wait in that order.
    EXPECT_EQ(h.svc.inService(), 1u);
    EXPECT_EQ(h.svc.queueLength(), 2u);
    h.sim.run();
    h.expectAnswer(0, Outcome::Ok, ms(100));
    h.expectAnswer(1, Outcome::Ok, ms(200)); // starts at 100
    h.expectAnswer(2, Outcome::Ok, ms(300)); // starts at 200
    EXPECT_EQ(h.svc.totals().maxQueue, 2u);
    EXPECT_EQ(h.svc.queueLength(), 0u);
    EXPECT_EQ(h.svc.inService(), 0u);
    // attempt_start is emitted on arrival; the queued ones say so.
    const auto starts = h.events.of(EventKind::AttemptStart);
    ASSERT_EQ(starts.size(), 3u);
    EXPECT_EQ(starts[0].detail, "");
    EXPECT_EQ(starts[1].detail, "queued");
    EXPECT_EQ(starts[2].detail, "queued");
}

TEST(VirtualServiceTest, ConcurrencyTwoServesTwoAtATime)
{
    ServiceSpec spec = service(100.0);
    spec.concurrency = 2;
    Harness h(spec);
    for (std::uint64_t id = 0; id < 5; ++id)
        h.call(id);
    h.sim.run();
    // Pairs: (0, 1) end at 100, (2, 3) at 200, 4 at 300.
    h.expectAnswer(0, Outcome::Ok, ms(100));
    h.expectAnswer(1, Outcome::Ok, ms(100));
    h.expectAnswer(2, Outcome::Ok, ms(200));
    h.expectAnswer(3, Outcome::Ok, ms(200));
    h.expectAnswer(4, Outcome::Ok, ms(300));
    EXPECT_EQ(h.svc.totals().maxQueue, 3u);
}

TEST(VirtualServiceTest, QueueLimitAnswersOverloadedAtTheSameInstant)
{
    ServiceSpec spec = service(100.0);
    spec.concurrency = 1;
    spec.queueLimit = 1;
    Harness h(spec);
    h.call(0); // in service until 100
    h.call(1); // queued (1 place)
    h.call(2); // queue full: overloaded
    // Never from inside start(): the answer is an event at the same virtual time.
    EXPECT_TRUE(h.caller.answers.empty());
    h.callAt(ms(50), 3);  // 0 in service, 1 queued: overloaded at 50
    h.callAt(ms(150), 4); // 1 in service (100..200), queue empty: waits, runs 200..300
    h.sim.run();
    h.expectAnswer(2, Outcome::Overloaded, 0);
    h.expectAnswer(3, Outcome::Overloaded, ms(50));
    h.expectAnswer(0, Outcome::Ok, ms(100));
    h.expectAnswer(1, Outcome::Ok, ms(200));
    h.expectAnswer(4, Outcome::Ok, ms(300));
    EXPECT_EQ(h.svc.totals().overloaded, 2u);
    EXPECT_EQ(h.svc.totals().attempts, 5u); // overloaded attempts are attempts too
    EXPECT_EQ(h.svc.totals().served, 3u);
    EXPECT_EQ(h.svc.totals().maxQueue, 1u);
    const auto ends = h.events.of(EventKind::AttemptEnd);
    ASSERT_EQ(ends.size(), 5u);
    EXPECT_EQ(ends[0].detail, "overloaded");
    EXPECT_EQ(ends[0].t, 0);
}

TEST(VirtualServiceTest, QueueLimitZeroRejectsAnythingBeyondConcurrency)
{
    ServiceSpec spec = service(100.0);
    spec.concurrency = 2;
    spec.queueLimit = 0;
    Harness h(spec);
    h.call(0);
    h.call(1);
    h.call(2);
    h.sim.run();
    h.expectAnswer(0, Outcome::Ok, ms(100));
    h.expectAnswer(1, Outcome::Ok, ms(100));
    h.expectAnswer(2, Outcome::Overloaded, 0);
    EXPECT_EQ(h.svc.totals().maxQueue, 0u);
}

TEST(VirtualServiceTest, LatencyPerInflightAddsKTimesOthersInService)
{
    ServiceSpec spec = service(100.0);
    spec.latencyPerInflightMs = 10.0;
    Harness h(spec);
    h.call(0);            // 0 others in service: 100
    h.call(1);            // 1 other: 100 + 10
    h.call(2);            // 2 others: 100 + 20
    h.callAt(ms(500), 3); // all done by then: 100
    h.sim.run();
    h.expectAnswer(0, Outcome::Ok, ms(100));
    h.expectAnswer(1, Outcome::Ok, ms(110));
    h.expectAnswer(2, Outcome::Ok, ms(120));
    h.expectAnswer(3, Outcome::Ok, ms(600));
}

TEST(VirtualServiceTest, LatencyPerInflightCountsOnlyAttemptsInServiceNotQueued)
{
    ServiceSpec spec = service(100.0);
    spec.latencyPerInflightMs = 10.0;
    spec.concurrency = 2;
    Harness h(spec);
    h.call(0); // 0 others: ends 100
    h.call(1); // 1 other: ends 110
    h.call(2); // queued; at 100 attempt 0 leaves, 2 starts with 1 other (1): 110 -> ends 210
    h.sim.run();
    h.expectAnswer(0, Outcome::Ok, ms(100));
    h.expectAnswer(1, Outcome::Ok, ms(110));
    h.expectAnswer(2, Outcome::Ok, ms(210));
}

TEST(VirtualServiceTest, PhasesChangeFailureRateAndLatencyFromAtS)
{
    ServiceSpec spec = service(100.0, 0.0);
    ServicePhase broken;
    broken.atS = 1.0;
    broken.failureRate = 1.0;
    ServicePhase healed;
    healed.atS = 2.0;
    healed.failureRate = 0.0;
    healed.latency = LatencySpec::constant(50.0);
    spec.phases = {broken, healed};
    Harness h(spec);
    h.callAt(ms(500), 0);  // before the phases: ok after 100
    h.callAt(ms(1000), 1); // at at_s exactly: the phase (scheduled first) applies: error
    h.callAt(ms(1500), 2); // error, still 100 ms
    h.callAt(ms(1950), 3); // drawn at 1950 (error, 100 ms): the 2 s phase does not change it
    h.callAt(ms(2500), 4); // healed: ok after 50
    h.sim.run();
    h.expectAnswer(0, Outcome::Ok, ms(600));
    h.expectAnswer(1, Outcome::Error, ms(1100));
    h.expectAnswer(2, Outcome::Error, ms(1600));
    h.expectAnswer(3, Outcome::Error, ms(2050));
    h.expectAnswer(4, Outcome::Ok, ms(2550));
    EXPECT_EQ(h.svc.failureRate(), 0.0);
}

TEST(VirtualServiceTest, ConcurrencyPhaseStartsWaitingAttempts)
{
    ServiceSpec spec = service(500.0);
    spec.concurrency = 1;
    ServicePhase wider;
    wider.atS = 1.0;
    wider.concurrency = 2;
    spec.phases = {wider};
    Harness h(spec);
    h.callAt(ms(900), 0); // in service 900..1400
    h.callAt(ms(900), 1); // waits; at 1000 a second server appears: 1000..1500
    h.sim.run();
    h.expectAnswer(0, Outcome::Ok, ms(1400));
    h.expectAnswer(1, Outcome::Ok, ms(1500));
}

TEST(VirtualServiceTest, QueueLimitPhaseChangesTheLimitAndOverload)
{
    ServiceSpec spec = service(1000.0);
    spec.concurrency = 1;
    spec.queueLimit = 1;
    ServicePhase tighter;
    tighter.atS = 5.0;
    tighter.queueLimit = 0;
    ServicePhase wider;
    wider.atS = 10.0;
    wider.queueLimit = 3;
    spec.phases = {tighter, wider};
    Harness h(spec);
    ASSERT_EQ(h.svc.queueLimit(), std::optional<std::int64_t>(1));

    // Before 5 s: one in service, one queued, the third overloaded.
    h.callAt(ms(0), 0); // 0..1000
    h.callAt(ms(0), 1); // queued, 1000..2000
    h.callAt(ms(0), 2); // queue full: overloaded at 0
    // From 5 s the queue holds nothing: the second caller is overloaded at once.
    h.callAt(ms(5000), 3); // 5000..6000
    h.callAt(ms(5000), 4); // overloaded at 5000
    // From 10 s three may wait.
    h.callAt(ms(10000), 5); // 10000..11000
    for (std::uint64_t id = 6; id <= 9; ++id)
        h.callAt(ms(10000), id); // 6, 7, 8 queued; 9 overloaded

    h.sim.runUntil(ms(4999));
    EXPECT_EQ(h.svc.queueLimit(), std::optional<std::int64_t>(1));
    h.sim.runUntil(ms(5000));
    EXPECT_EQ(h.svc.queueLimit(), std::optional<std::int64_t>(0));
    h.sim.runUntil(ms(10000));
    EXPECT_EQ(h.svc.queueLimit(), std::optional<std::int64_t>(3));
    EXPECT_EQ(h.svc.queueLength(), 3u);
    h.sim.run();

    h.expectAnswer(0, Outcome::Ok, ms(1000));
    h.expectAnswer(1, Outcome::Ok, ms(2000));
    h.expectAnswer(2, Outcome::Overloaded, 0);
    h.expectAnswer(3, Outcome::Ok, ms(6000));
    h.expectAnswer(4, Outcome::Overloaded, ms(5000));
    h.expectAnswer(5, Outcome::Ok, ms(11000));
    h.expectAnswer(6, Outcome::Ok, ms(12000));
    h.expectAnswer(7, Outcome::Ok, ms(13000));
    h.expectAnswer(8, Outcome::Ok, ms(14000));
    h.expectAnswer(9, Outcome::Overloaded, ms(10000));
    EXPECT_EQ(h.svc.totals().overloaded, 3u);
    EXPECT_EQ(h.svc.totals().maxQueue, 3u);
}

TEST(VirtualServiceTest, QueueLimitIsEmptyWhenUnbounded)
{
    ServiceSpec spec = service(10.0);
    spec.concurrency = 1;
    Harness h(spec);
    EXPECT_FALSE(h.svc.queueLimit().has_value());
}

TEST(VirtualServiceTest, ErrorLatencyIsUsedForErrors)
{
    ServiceSpec failing = service(100.0, 1.0);
    failing.errorLatency = LatencySpec::constant(5.0);
    Harness h(failing);
    h.call(0);
    h.sim.run();
    h.expectAnswer(0, Outcome::Error, ms(5));

    ServiceSpec healthy = service(100.0, 0.0);
    healthy.errorLatency = LatencySpec::constant(5.0);
    Harness g(healthy);
    g.call(0);
    g.sim.run();
    g.expectAnswer(0, Outcome::Ok, ms(100)); // successes keep latency_ms

    ServiceSpec noErrorLatency = service(100.0, 1.0);
    Harness k(noErrorLatency);
    k.call(0);
    k.sim.run();
    k.expectAnswer(0, Outcome::Error, ms(100)); // without error_latency_ms errors use latency_ms
}

TEST(VirtualServiceTest, CancelInServiceFreesTheServerAndNeverAnswers)
{
    ServiceSpec spec = service(100.0);
    spec.concurrency = 1;
    Harness h(spec);
    const std::uint64_t a = h.call(0);
    h.call(1); // waits for the server
    h.sim.schedule(ms(30), [&] { h.svc.cancel(a); });
    h.sim.run();
    EXPECT_FALSE(h.caller.answer(0).has_value());
    h.expectAnswer(1, Outcome::Ok, ms(130)); // starts at 30, when 0 is cancelled
    EXPECT_EQ(h.svc.totals().cancelled, 1u);
    EXPECT_EQ(h.events.of(EventKind::AttemptCancelled).size(), 1u);
}

TEST(VirtualServiceTest, CancelQueuedGivesUpItsPlace)
{
    ServiceSpec spec = service(100.0);
    spec.concurrency = 1;
    Harness h(spec);
    h.call(0);
    const std::uint64_t b = h.call(1);
    h.call(2);
    h.sim.schedule(ms(10), [&] {
        h.svc.cancel(b);
        h.svc.cancel(b); // twice: harmless
    });
    h.sim.run();
    EXPECT_FALSE(h.caller.answer(1).has_value());
    h.expectAnswer(0, Outcome::Ok, ms(100));
    h.expectAnswer(2, Outcome::Ok, ms(200)); // next after 0, not after 1
    EXPECT_EQ(h.svc.totals().cancelled, 1u);
    EXPECT_EQ(h.svc.queueLength(), 0u);
}

// --- abandoned work, through a whole run with a timeout stage ---------------------------------

Scenario abandonScenario(bool cancelInner)
{
    Scenario s;
    s.name = "abandon";
    s.durationS = 5;
    s.load.type = LoadSpec::Type::Script;
    s.load.atMs = {0, 250};
    ServiceSpec svc = service(1000.0);
    svc.concurrency = 1;
    svc.script = {ok(300), ok(100)};
    s.services["svc"] = svc;
    s.target = "svc";
    StageSpec t;
    t.options = TimeoutSpec{};
    t.name = "timeout";
    t.as<TimeoutSpec>().timeoutMs = 200;
    t.as<TimeoutSpec>().cancelInner = cancelInner;
    s.pipeline = {t};
    return s;
}

TEST(VirtualServiceTest, AbandonedWorkKeepsTheServerBusy)
{
    // Request 0 takes the server 0..300 and times out at 200; its work goes on until 300.
    // Request 1 arrives at 250 (timer at 450), waits for the server until 300, is served
    // 300..400: success at 400, 150 ms after it arrived.
    Collect events;
    Simulation sim(abandonScenario(false), RunOptions{.sink = &events});
    sim.runToEnd();
    const auto ends = events.of(EventKind::RequestEnd);
    ASSERT_EQ(ends.size(), 2u);
    EXPECT_EQ(ends[0].request, 0u);
    EXPECT_EQ(ends[0].t, ms(200));
    EXPECT_EQ(ends[0].detail, "timeout");
    EXPECT_EQ(ends[1].request, 1u);
    EXPECT_EQ(ends[1].t, ms(400));
    EXPECT_EQ(ends[1].detail, "ok");
    const auto starts = events.of(EventKind::AttemptStart, 1);
    ASSERT_EQ(starts.size(), 1u);
    EXPECT_EQ(starts[0].detail, "queued");
    const Summary s = sim.summary();
    EXPECT_EQ(s.success, 1u);
    EXPECT_EQ(s.failureByCause[static_cast<std::size_t>(Outcome::Timeout)], 1u);
    ASSERT_EQ(s.services.size(), 1u);
    EXPECT_EQ(s.services[0].served, 2u);
    EXPECT_EQ(s.services[0].cancelled, 0u);
    EXPECT_EQ(s.services[0].maxQueue, 1u);
}

TEST(VirtualServiceTest, CancelledWorkFreesTheServer)
{
    // cancel_inner: request 0's work stops at 200, so request 1 (at 250) is served at once,
    // 250..350: success at 350, 100 ms after it arrived.
    Collect events;
    Simulation sim(abandonScenario(true), RunOptions{.sink = &events});
    sim.runToEnd();
    const auto ends = events.of(EventKind::RequestEnd);
    ASSERT_EQ(ends.size(), 2u);
    EXPECT_EQ(ends[0].t, ms(200));
    EXPECT_EQ(ends[0].detail, "timeout");
    EXPECT_EQ(ends[1].request, 1u);
    EXPECT_EQ(ends[1].t, ms(350));
    EXPECT_EQ(ends[1].detail, "ok");
    const auto starts = events.of(EventKind::AttemptStart, 1);
    ASSERT_EQ(starts.size(), 1u);
    EXPECT_EQ(starts[0].detail, "");
    const auto cancelled = events.of(EventKind::AttemptCancelled);
    ASSERT_EQ(cancelled.size(), 1u);
    EXPECT_EQ(cancelled[0].t, ms(200));
    EXPECT_EQ(cancelled[0].request, 0u);
    const Summary s = sim.summary();
    EXPECT_EQ(s.services[0].cancelled, 1u);
    EXPECT_EQ(s.services[0].maxQueue, 0u);
}

} // namespace
} // namespace reslab

namespace reslab {
namespace {

// The editor's "p50 · p99 · mean" line comes from VirtualService::latencyStats: checked here
// against the closed forms and against the sampler itself.
TEST(LatencyStats, ClosedFormsOfEachDistribution)
{
    LatencySpec u;
    u.dist = LatencySpec::Dist::Uniform;
    u.min = 10;
    u.max = 110;
    EXPECT_DOUBLE_EQ(VirtualService::latencyStats(u).p50, 60);
    EXPECT_DOUBLE_EQ(VirtualService::latencyStats(u).p99, 109);
    LatencySpec e;
    e.dist = LatencySpec::Dist::Exponential;
    e.mean = 100;
    EXPECT_NEAR(VirtualService::latencyStats(e).p50, 69.3147, 1e-4); // 100 ln 2
    EXPECT_NEAR(VirtualService::latencyStats(e).p99, 460.517, 1e-3); // 100 ln 100
    LatencySpec l;
    l.dist = LatencySpec::Dist::Lognormal;
    l.median = 40;
    l.p99 = 400;
    const auto ls = VirtualService::latencyStats(l);
    EXPECT_NEAR(ls.p99, 400, 1e-9);
    // sigma = ln 10 / 2.326348 = 0.989786; mean = 40 exp(sigma^2 / 2) = 40 x 1.632051 = 65.2820
    EXPECT_NEAR(ls.mean, 65.2820, 1e-3);
    // A normal clamped at 0, mu = sigma = 10: mean = 10 Phi(1) + 10 phi(1)
    // = 8.413447 + 2.419707 = 10.833155; p99 = 10 + 23.26348.
    LatencySpec n;
    n.dist = LatencySpec::Dist::Normal;
    n.mean = 10;
    n.stddev = 10;
    const auto ns = VirtualService::latencyStats(n);
    EXPECT_NEAR(ns.mean, 10.833155, 1e-5);
    EXPECT_NEAR(ns.p99, 33.26348, 1e-4);
    EXPECT_DOUBLE_EQ(ns.p50, 10);
}

TEST(LatencyStats, TheSamplerDrawsWhatTheStatsSay)
{
    LatencySpec n;
    n.dist = LatencySpec::Dist::Normal;
    n.mean = 10;
    n.stddev = 10;
    const RandomStream rng(7, 1);
    constexpr int kN = 400000;
    double sum = 0;
    int below99 = 0;
    const double p99 = VirtualService::latencyStats(n).p99;
    for (int i = 0; i < kN; ++i) {
        const double x =
            VirtualService::sampleLatencyMs(n, rng.bits(static_cast<std::uint64_t>(i), 0, 0));
        sum += x;
        below99 += x <= p99 ? 1 : 0;
    }
    // Standard error of the mean: sd of max(0, X) < 10, / sqrt(4e5) < 0.016; 4 of them: 0.064.
    EXPECT_NEAR(sum / kN, 10.833155, 0.064);
    // The 99 % point: binomial sd sqrt(0.99 x 0.01 / 4e5) = 0.000157; 4 of them.
    EXPECT_NEAR(static_cast<double>(below99) / kN, 0.99, 0.00063);
}

TEST(LatencyStats, FromAScenarioObjectOrNothing)
{
    const auto s = VirtualService::latencyStats(
        nlohmann::json::parse(R"({"dist": "exponential", "mean": 100})"));
    ASSERT_TRUE(s.has_value());
    EXPECT_DOUBLE_EQ(s->mean, 100);
    EXPECT_FALSE(VirtualService::latencyStats(nlohmann::json::parse(R"({"dist": "gamma"})")));
    EXPECT_FALSE(
        VirtualService::latencyStats(nlohmann::json::parse(R"({"dist": "uniform", "min": 1})")));
    EXPECT_FALSE(VirtualService::latencyStats(nlohmann::json::parse("[]")));
}

} // namespace
} // namespace reslab
