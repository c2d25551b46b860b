// Simulation::reconfigure: edits applied to a running simulation (the GUI's hot-apply).
#include "reslab/metrics/event_log.h"
#include "reslab/model/simulation.h"

#include <gtest/gtest.h>

#include <sstream>

namespace reslab {
namespace {

Scenario baseScenario()
{
    Scenario s;
    s.name = "hot";
    s.seed = 17;
    s.durationS = 20;
    s.bucketMs = 1000;
    s.load.type = LoadSpec::Type::Constant;
    s.load.ratePerS = 10; // one request every 100 ms, the first at t = 0
    ServiceSpec svc;
    svc.name = "api";
    svc.latency = LatencySpec::constant(10);
    s.services["api"] = svc;
    s.target = "api";
    return s;
}

/// Collects request ends as (time, outcome).
class Ends final : public EventSink
{
public:
    void onEvent(const EventRecord &e) override
    {
        if (e.kind == EventKind::RequestEnd)
            ends.emplace_back(e.time, e.outcome);
    }
    std::vector<std::pair<SimTime, Outcome>> ends;
};

TEST(Reconfigure, ServiceNumbersChangeFromNowOn)
{
    Scenario s = baseScenario();
    Ends sink;
    Simulation sim(s, {.sink = &sink});
    sim.advanceTo(fromSeconds(10) - 1); // advanceTo(t) runs the events at t: stop just before
    Scenario edited = s;
    edited.services["api"].failureRate = 1.0;
    ASSERT_TRUE(sim.reconfigure(edited));
    sim.runToEnd();
    // Requests arrive every 100 ms and take 10 ms: the ones that started service before 10 s
    // succeed, every one after fails (failure rate 1 draws `error` for any u < 1).
    for (const auto &[t, outcome] : sink.ends)
        EXPECT_EQ(outcome, t < fromSeconds(10) ? Outcome::Ok : Outcome::Error) << t;
    const Summary sum = sim.summary();
    EXPECT_EQ(sum.requests, 200u);
    EXPECT_EQ(sum.success, 100u); // t = 0, 0.1, ..., 9.9 s
    EXPECT_EQ(sum.failureByCause[static_cast<std::size_t>(Outcome::Error)], 100u); // 10 .. 19.9
}

TEST(Reconfigure, BeforeTheEditTheRunIsUnchanged)
{
    Scenario s = baseScenario();
    s.load.type = LoadSpec::Type::Poisson;
    s.load.ratePerS = 50;
    s.services["api"].failureRate = 0.3;
    std::ostringstream plain, edited;
    {
        CsvEventWriter w(plain);
        Simulation sim(s, {.sink = &w});
        sim.advanceTo(fromSeconds(5));
    }
    {
        CsvEventWriter w(edited);
        Simulation sim(s, {.sink = &w});
        sim.advanceTo(fromSeconds(5));
        Scenario e = s;
        e.services["api"].failureRate = 0.9;
        ASSERT_TRUE(sim.reconfigure(e));
    }
    EXPECT_EQ(plain.str(), edited.str());
}

TEST(Reconfigure, PastPhasesApplyAndFuturePhasesAreRescheduled)
{
    Scenario s = baseScenario();
    Ends sink;
    Simulation sim(s, {.sink = &sink});
    sim.advanceTo(fromSeconds(8) - 1);
    // New spec: an outage phase that started at 5 s (already past: applies now) and a recovery
    // at 12 s (still to come).
    Scenario e = s;
    ServicePhase down;
    down.atS = 5;
    down.failureRate = 1.0;
    ServicePhase up;
    up.atS = 12;
    up.failureRate = 0.0;
    e.services["api"].phases = {down, up};
    ASSERT_TRUE(sim.reconfigure(e));
    sim.runToEnd();
    for (const auto &[t, outcome] : sink.ends) {
        const bool outage = t >= fromSeconds(8) && t < fromSeconds(12);
        EXPECT_EQ(outcome, outage ? Outcome::Error : Outcome::Ok) << t;
    }
}

TEST(Reconfigure, BreakerKeepsItsStateAndTakesTheNewThreshold)
{
    Scenario s = baseScenario();
    s.services["api"].failureRate = 1.0;
    StageSpec cb;
    cb.options = BreakerSpec{};
    cb.name = "cb";
    cb.as<BreakerSpec>().as<ConsecutiveOptions>().failureThreshold =
        100; // would need 10 s of failures
    cb.as<BreakerSpec>().as<ConsecutiveOptions>().resetTimeoutMs = 60000;
    s.pipeline = {cb};
    Simulation sim(s);
    sim.advanceTo(fromMillis(450)); // requests at 0..400 ms ended: 5 consecutive failures
    ASSERT_EQ(sim.breakers().front()->view().consecutiveFailures, 5);
    Scenario e = s;
    e.pipeline[0].as<BreakerSpec>().as<ConsecutiveOptions>().failureThreshold =
        5; // already reached: opens on the edit
    ASSERT_TRUE(sim.reconfigure(e));
    EXPECT_EQ(sim.breakers().front()->state(), BreakerState::Open);
    EXPECT_EQ(sim.breakers().front()->transitions(), 1u);
}

TEST(Reconfigure, ANewPipelineShapeServesNewRequestsWhileOldOnesDrain)
{
    Scenario s = baseScenario();
    s.services["api"].latency = LatencySpec::constant(250); // always some requests in flight
    Simulation sim(s);
    sim.advanceTo(fromSeconds(2) - 1);
    ASSERT_GT(sim.inFlight(), 0u);
    Scenario e = s;
    StageSpec t;
    t.options = TimeoutSpec{};
    t.name = "timeout";
    t.as<TimeoutSpec>().timeoutMs = 100; // every new request now times out
    e.pipeline = {t};
    ASSERT_TRUE(sim.reconfigure(e));
    ASSERT_EQ(sim.timeouts().size(), 1u);
    sim.runToEnd();
    const Summary sum = sim.summary();
    // Arrivals at 0..1.9 s (20) went through no timeout and succeed (250 ms < drain time);
    // arrivals from 2.0 s on (180) all time out at +100 ms.
    EXPECT_EQ(sum.success, 20u);
    EXPECT_EQ(sum.failureByCause[static_cast<std::size_t>(Outcome::Timeout)], 180u - sum.inFlight);
    EXPECT_EQ(sum.success + sum.failure + sum.inFlight, sum.requests);
}

TEST(Reconfigure, RefusesAnotherTargetOrLoadType)
{
    Scenario s = baseScenario();
    ServiceSpec other;
    other.name = "other";
    other.latency = LatencySpec::constant(1);
    s.services["other"] = other;
    Simulation sim(s);
    sim.advanceTo(fromSeconds(1));
    Scenario e = s;
    e.target = "other";
    EXPECT_FALSE(sim.reconfigure(e));
    e = s;
    e.load.type = LoadSpec::Type::Poisson;
    EXPECT_FALSE(sim.reconfigure(e));
    e = s;
    e.services.erase("other");
    EXPECT_FALSE(sim.reconfigure(e));
    EXPECT_EQ(sim.scenario().target, "api");
}

TEST(Reconfigure, LoadRateChangesAtTheEdit)
{
    Scenario s = baseScenario();
    Simulation sim(s);
    sim.advanceTo(fromSeconds(10) - 1);
    Scenario e = s;
    e.load.ratePerS = 20;
    ASSERT_TRUE(sim.reconfigure(e));
    sim.runToEnd();
    // 10 req/s on [0, 10 s): 100 arrivals; then from the edit at 9.999999 s every 50 ms.
    const auto &rows = sim.recorder().rows();
    EXPECT_EQ(rows[5].arrivals, 10u);
    EXPECT_EQ(rows[15].arrivals, 20u);
}

} // namespace
} // namespace reslab
