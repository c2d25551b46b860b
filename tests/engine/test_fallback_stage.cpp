// The fallback stage through whole runs: static, cache (ttl boundary), service (and its failure),
// `handle`, and the Summary counters. Expected numbers worked out by hand from docs/semantics.md
// "Fallback".

#include "engine_fixtures.h"
#include "reslab/model/simulation.h"
#include "reslab/stages/fallback_stage.h"

#include <gtest/gtest.h>

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
    return scriptScenario("fallback-test", 9, std::move(atMs), svc, std::move(pipeline), durationS);
}

StageSpec fallback(FallbackSpec::Mode mode)
{
    StageSpec st;
    st.options = FallbackSpec{};
    st.name = "fallback";
    st.as<FallbackSpec>().mode = mode;
    return st;
}

using Ends = std::vector<std::pair<SimTime, std::string>>;

TEST(FallbackTest, StaticAnswersAtOnceWithOutcomeFallback)
{
    // error at 30 -> the static fallback answers at 30 (no extra delay); ok at 100+20 passes.
    Collect ev;
    Simulation sim(scenario({0, 100}, scripted({err(30), ok(20)}, "svc"),
                            {fallback(FallbackSpec::Mode::Static)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ev.ends(), (Ends{{ms(30), "fallback"}, {ms(120), "ok"}}));
    EXPECT_EQ(ev.details(EventKind::Fallback), (std::vector<std::string>{"static"}));
    const Summary s = sim.summary();
    EXPECT_EQ(s.fallback, 1u);
    EXPECT_EQ(s.success, 1u);
    EXPECT_EQ(s.failure, 0u);
    EXPECT_EQ(s.fallbackStatic, 1u);
    EXPECT_EQ(s.fallbackCache, 0u);
    EXPECT_EQ(s.fallbackService, 0u);
    EXPECT_EQ(s.fallbackMisses, 0u);
}

TEST(FallbackTest, CacheHitsWhileLastSuccessIsAtMostTtlOld)
{
    // ttl 100 ms. Requests (unlimited concurrency, script in start order):
    //   r0 at 0:   ok:10    -> success at 10; last good answer at 10
    //   r1 at 50:  error:10 -> at 60, age 50  <= 100: cache hit
    //   r2 at 100: error:10 -> at 110, age 100 <= 100: hit (the boundary is inclusive)
    //   r3 at 101: error:10 -> at 111, age 101 > 100: miss -> fallback_failed
    StageSpec st = fallback(FallbackSpec::Mode::Cache);
    st.as<FallbackSpec>().ttlMs = 100;
    Collect ev;
    Simulation sim(
        scenario({0, 50, 100, 101}, scripted({ok(10), err(10), err(10), err(10)}, "svc"), {st}),
        RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ev.ends(), (Ends{{ms(10), "ok"},
                               {ms(60), "fallback"},
                               {ms(110), "fallback"},
                               {ms(111), "fallback_failed"}}));
    EXPECT_EQ(ev.details(EventKind::Fallback),
              (std::vector<std::string>{"cache", "cache", "cache_miss"}));
    const Summary s = sim.summary();
    EXPECT_EQ(s.success, 1u);
    EXPECT_EQ(s.fallback, 2u);
    EXPECT_EQ(s.fallbackCache, 2u);
    EXPECT_EQ(s.fallbackMisses, 1u);
    EXPECT_EQ(failures(s, Outcome::FallbackFailed), 1u);
    EXPECT_EQ(sim.fallbacks()[0]->lastGood(), ms(10));
}

TEST(FallbackTest, CacheMissesWithoutAnyEarlierSuccess)
{
    StageSpec st = fallback(FallbackSpec::Mode::Cache);
    st.as<FallbackSpec>().ttlMs = 1e6;
    Collect ev;
    Simulation sim(scenario({0}, scripted({err(10)}, "svc"), {st}), RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ev.ends(), (Ends{{ms(10), "fallback_failed"}}));
    const Summary s = sim.summary();
    EXPECT_EQ(s.fallbackMisses, 1u);
    EXPECT_EQ(s.fallbackCache, 0u);
    EXPECT_EQ(sim.fallbacks()[0]->lastGood(), -1);
}

TEST(FallbackTest, CacheIsRefreshedByEachSuccess)
{
    // ttl 100: ok at 10, ok at 160 (r1 at 150), error at 250 (r2 at 240): age 90 -> hit; with
    // only the first success it would be 240 old -> miss.
    StageSpec st = fallback(FallbackSpec::Mode::Cache);
    st.as<FallbackSpec>().ttlMs = 100;
    Collect ev;
    Simulation sim(scenario({0, 150, 240}, scripted({ok(10), ok(10), err(10)}, "svc"), {st}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ev.ends(), (Ends{{ms(10), "ok"}, {ms(160), "ok"}, {ms(250), "fallback"}}));
}

Scenario serviceScenario()
{
    // primary (the target) fails twice; backup answers ok the first time, error the second.
    Scenario s = scenario({0, 100}, scripted({err(10), err(10)}, "primary"), {});
    s.services["backup"] = scripted({ok(5), err(7)}, "backup");
    StageSpec st = fallback(FallbackSpec::Mode::Service);
    st.as<FallbackSpec>().service = "backup";
    s.pipeline = {st};
    return s;
}

TEST(FallbackTest, ServiceModeCallsAnotherServiceAndItsFailureIsFallbackFailed)
{
    //   r0 at 0:   primary error at 10 -> backup ok:5    -> fallback at 15
    //   r1 at 100: primary error at 110 -> backup error:7 -> fallback_failed at 117
    Collect ev;
    Simulation sim(serviceScenario(), RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ev.ends(), (Ends{{ms(15), "fallback"}, {ms(117), "fallback_failed"}}));
    EXPECT_EQ(ev.details(EventKind::Fallback),
              (std::vector<std::string>{"service", "service_failed"}));
    const Summary s = sim.summary();
    EXPECT_EQ(s.fallback, 1u);
    EXPECT_EQ(s.fallbackService, 1u);
    EXPECT_EQ(s.fallbackMisses, 1u);
    EXPECT_EQ(failures(s, Outcome::FallbackFailed), 1u);
    EXPECT_EQ(s.attempts, 2u); // attempts count the target only
    // The backup's own attempts are in its totals (services sorted by name: backup, primary).
    ASSERT_EQ(s.services.size(), 2u);
    EXPECT_EQ(s.services[0].name, "backup");
    EXPECT_EQ(s.services[0].attempts, 2u);
    EXPECT_EQ(s.services[0].errors, 1u);
    EXPECT_EQ(s.services[1].name, "primary");
    EXPECT_EQ(s.services[1].attempts, 2u);
    // The backup attempts are visible in events under their own stage name.
    std::vector<SimTime> backupStarts;
    for (const Ev &e : ev.of(EventKind::AttemptStart)) {
        if (e.stage == "service:backup")
            backupStarts.push_back(e.t);
    }
    EXPECT_EQ(backupStarts, (std::vector<SimTime>{ms(10), ms(110)}));
}

TEST(FallbackTest, HandleRestrictsWhichOutcomesAreReplaced)
{
    // handle = {timeout}; [fallback static -> timeout 50]:
    //   r0 at 0:   error:10 -> not handled: failure error at 10
    //   r1 at 200: ok:100   -> timeout at 250 -> handled: fallback at 250
    StageSpec st = fallback(FallbackSpec::Mode::Static);
    st.as<FallbackSpec>().handle = OutcomeSet{Outcome::Timeout};
    Collect ev;
    Simulation sim(scenario({0, 200}, scripted({err(10), ok(100)}, "svc"), {st, timeout(50)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ev.ends(), (Ends{{ms(10), "error"}, {ms(250), "fallback"}}));
    const Summary s = sim.summary();
    EXPECT_EQ(s.fallback, 1u);
    EXPECT_EQ(s.fallbackStatic, 1u);
    EXPECT_EQ(failures(s, Outcome::Error), 1u);
    EXPECT_EQ(s.fallbackMisses, 0u);
}

TEST(FallbackTest, HandleErrorOnlyLetsCircuitOpenThrough)
{
    // [fallback static handle {error} -> breaker(threshold 1, reset 10 s)]:
    //   r0 at 0:   error:10 -> breaker opens; error handled: fallback at 10
    //   r1 at 100: rejected circuit_open at 100 -> not handled: failure circuit_open
    StageSpec st = fallback(FallbackSpec::Mode::Static);
    st.as<FallbackSpec>().handle = OutcomeSet{Outcome::Error};
    StageSpec br;
    br.options = BreakerSpec{};
    br.name = "breaker";
    br.as<BreakerSpec>().as<ConsecutiveOptions>().failureThreshold = 1;
    br.as<BreakerSpec>().as<ConsecutiveOptions>().resetTimeoutMs = 10000;
    Collect ev;
    Simulation sim(scenario({0, 100}, scripted({err(10), ok(10)}, "svc"), {st, br}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ev.ends(), (Ends{{ms(10), "fallback"}, {ms(100), "circuit_open"}}));
    const Summary s = sim.summary();
    EXPECT_EQ(failures(s, Outcome::CircuitOpen), 1u);
    EXPECT_EQ(s.fallbackStatic, 1u);
    EXPECT_EQ(s.breakerRejected, 1u);
}

TEST(FallbackTest, DefaultHandleReplacesEveryFailureKind)
{
    // error, timeout and overloaded are all replaced by the static answer by default.
    //   one server, queue_limit 0, timeout 50:
    //   r0 at 0:   ok:200   -> timeout at 50 (its work holds the server until 200)
    //   r1 at 100: server busy, no queue: overloaded at 100
    //   r2 at 300: error:10 -> error at 310
    ServiceSpec svc = scripted({ok(200), err(10)}, "svc");
    svc.concurrency = 1;
    svc.queueLimit = 0;
    Collect ev;
    Simulation sim(
        scenario({0, 100, 300}, svc, {fallback(FallbackSpec::Mode::Static), timeout(50)}),
        RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ev.ends(),
              (Ends{{ms(50), "fallback"}, {ms(100), "fallback"}, {ms(310), "fallback"}}));
    const Summary s = sim.summary();
    EXPECT_EQ(s.fallback, 3u);
    EXPECT_EQ(s.fallbackStatic, 3u);
    EXPECT_EQ(s.failure, 0u);
    EXPECT_EQ(s.services[0].overloaded, 1u);
}

TEST(FallbackTest, CountersAddUpAcrossTwoFallbackStages)
{
    // [static handle {circuit_open} -> cache ttl 1 s -> breaker(threshold 2, reset 10 s)]:
    //   r0 at 0:   ok:10    -> success at 10 (cache refreshed)
    //   r1 at 100: error:10 -> cache hit at 110 (breaker count 1)
    //   r2 at 200: error:10 -> cache hit at 210 (count 2: breaker opens)
    //   r3 at 300: rejected circuit_open -> the cache stage handles it too: cache hit at 300
    //   r4 at 2000: rejected -> cache age 1990 > 1000: miss -> fallback_failed, which the
    //               outer static stage does not handle (only circuit_open): fallback_failed
    StageSpec outer = fallback(FallbackSpec::Mode::Static);
    outer.name = "static";
    outer.as<FallbackSpec>().handle = OutcomeSet{Outcome::CircuitOpen};
    StageSpec cache = fallback(FallbackSpec::Mode::Cache);
    cache.name = "cache";
    cache.as<FallbackSpec>().ttlMs = 1000;
    StageSpec br;
    br.options = BreakerSpec{};
    br.name = "breaker";
    br.as<BreakerSpec>().as<ConsecutiveOptions>().failureThreshold = 2;
    br.as<BreakerSpec>().as<ConsecutiveOptions>().resetTimeoutMs = 10000;
    Collect ev;
    Simulation sim(scenario({0, 100, 200, 300, 2000},
                            scripted({ok(10), err(10), err(10), ok(10)}, "svc"),
                            {outer, cache, br}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ev.ends(), (Ends{{ms(10), "ok"},
                               {ms(110), "fallback"},
                               {ms(210), "fallback"},
                               {ms(300), "fallback"},
                               {ms(2000), "fallback_failed"}}));
    const Summary s = sim.summary();
    EXPECT_EQ(s.fallbackCache, 3u);
    EXPECT_EQ(s.fallbackMisses, 1u);
    EXPECT_EQ(s.fallbackStatic, 0u);
    EXPECT_EQ(s.fallback, 3u);
    EXPECT_EQ(s.success, 1u);
    EXPECT_EQ(failures(s, Outcome::FallbackFailed), 1u);
    EXPECT_EQ(s.success + s.fallback + s.failure + s.inFlight, s.requests);
}

} // namespace
} // namespace reslab
