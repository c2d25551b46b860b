// Determinism (DESIGN rules 1 and 2): a run is a pure function of (scenario, seed); the random
// draws are counter-based and named, so arrivals do not depend on the pipeline (common random
// numbers) and a retry's jitter for request r does not depend on other requests.

#include "reslab/metrics/report.h"
#include "reslab/model/simulation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace reslab {
namespace {

constexpr SimTime ms(double v)
{
    return static_cast<SimTime>(v * 1000.0);
}

struct Output
{
    std::string events;
    std::string timeseries;
    Summary summary;
};

Output runCsv(const Scenario &scenario, std::optional<std::uint64_t> seed = std::nullopt)
{
    std::ostringstream events;
    CsvEventWriter writer(events);
    RunOptions options;
    options.seed = seed;
    options.sink = &writer;
    Simulation sim(scenario, options);
    sim.runToEnd();
    std::ostringstream ts;
    writeTimeseriesCsv(ts, sim.recorder());
    return {events.str(), ts.str(), sim.summary()};
}

/// Request ids and times of the request_start events, and (for retry) the retry_scheduled ones.
class Starts final : public EventSink
{
public:
    void onEvent(const EventRecord &e) override
    {
        if (e.kind == EventKind::RequestStart)
            requestStarts.push_back(e.time);
        if (e.kind == EventKind::RetryScheduled)
            retryDelays.emplace_back(e.request, e.value);
        ++total;
    }
    std::vector<SimTime> requestStarts;
    std::vector<std::pair<std::uint64_t, SimTime>> retryDelays;
    std::uint64_t total = 0;

    std::vector<SimTime> delaysOf(std::uint64_t request) const
    {
        std::vector<SimTime> out;
        for (const auto &[r, d] : retryDelays) {
            if (r == request)
                out.push_back(d);
        }
        return out;
    }
};

Starts runStarts(const Scenario &scenario)
{
    Starts starts;
    Simulation sim(scenario, RunOptions{.sink = &starts});
    sim.runToEnd();
    return starts;
}

std::size_t countLines(const std::string &s)
{
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

/// A busy scenario that exercises every random stream: poisson arrivals, lognormal latency,
/// random failures, a phase, a breaker, timeouts, a cache fallback and jittered retries.
Scenario rich(LoadSpec::Type loadType = LoadSpec::Type::Poisson)
{
    Scenario s;
    s.name = "rich";
    s.seed = 7;
    s.durationS = 20;
    s.bucketMs = 500;
    s.load.type = loadType;
    s.load.ratePerS = 80;
    ServiceSpec svc;
    svc.name = "api";
    svc.failureRate = 0.2;
    svc.latency.dist = LatencySpec::Dist::Lognormal;
    svc.latency.median = 30;
    svc.latency.p99 = 400;
    svc.concurrency = 8;
    svc.queueLimit = 16;
    ServicePhase spike;
    spike.atS = 8;
    spike.failureRate = 0.7;
    ServicePhase calm;
    calm.atS = 12;
    calm.failureRate = 0.2;
    svc.phases = {spike, calm};
    s.services["api"] = svc;
    s.target = "api";

    StageSpec fb;
    fb.options = FallbackSpec{};
    fb.name = "fallback";
    fb.as<FallbackSpec>().mode = FallbackSpec::Mode::Cache;
    fb.as<FallbackSpec>().ttlMs = 2000;
    StageSpec br;
    br.options = BreakerSpec{};
    br.name = "breaker";
    br.as<BreakerSpec>().as<ConsecutiveOptions>().failureThreshold = 8;
    br.as<BreakerSpec>().as<ConsecutiveOptions>().resetTimeoutMs = 2000;
    StageSpec outer;
    outer.options = TimeoutSpec{};
    outer.name = "timeout#outer";
    outer.as<TimeoutSpec>().timeoutMs = 3000;
    StageSpec r;
    r.options = RetrySpec{};
    r.name = "retry";
    r.as<RetrySpec>().maxRetries = 3;
    r.as<RetrySpec>().backoff = RetrySpec::Backoff::Exponential;
    r.as<RetrySpec>().baseMs = 50;
    r.as<RetrySpec>().maxDelayMs = 1000;
    r.as<RetrySpec>().jitter = RetrySpec::Jitter::Full;
    StageSpec inner;
    inner.options = TimeoutSpec{};
    inner.name = "timeout#inner";
    inner.as<TimeoutSpec>().timeoutMs = 200;
    s.pipeline = {fb, br, outer, r, inner};
    return s;
}

TEST(DeterminismTest, SameScenarioAndSeedGiveByteIdenticalFiles)
{
    const Output a = runCsv(rich());
    const Output b = runCsv(rich());
    ASSERT_GT(countLines(a.events), 2000u);   // a real run, not an empty file
    EXPECT_EQ(countLines(a.timeseries), 41u); // header + 40 half-second buckets
    EXPECT_TRUE(a.events == b.events) << "events.csv differs";
    EXPECT_TRUE(a.timeseries == b.timeseries) << "timeseries.csv differs";
    EXPECT_EQ(a.summary.requests, b.summary.requests);
    EXPECT_EQ(a.summary.attempts, b.summary.attempts);
    EXPECT_EQ(a.summary.eventsProcessed, b.summary.eventsProcessed);
}

TEST(DeterminismTest, SeedOptionEqualsTheScenarioSeed)
{
    Scenario other = rich();
    other.seed = 1;
    const Output a = runCsv(rich());   // scenario seed 7
    const Output b = runCsv(other, 7); // seed 1 overridden by 7
    EXPECT_TRUE(a.events == b.events);
    EXPECT_TRUE(a.timeseries == b.timeseries);
}

TEST(DeterminismTest, DifferentSeedGivesDifferentOutput)
{
    const Output a = runCsv(rich(), 7);
    const Output b = runCsv(rich(), 8);
    EXPECT_FALSE(a.events == b.events);
    EXPECT_FALSE(a.timeseries == b.timeseries);
}

TEST(DeterminismTest, RunningInSlicesGivesTheSameRunAsRunningToTheEnd)
{
    // The GUI advances the engine in wall-clock slices; the result must not depend on them.
    const Output whole = runCsv(rich());
    std::ostringstream events;
    CsvEventWriter writer(events);
    Simulation sim(rich(), RunOptions{.sink = &writer});
    for (SimTime t = 0; !sim.finished(); t += 37 * kMicrosPerMilli + 1)
        sim.advanceTo(t);
    std::ostringstream ts;
    writeTimeseriesCsv(ts, sim.recorder());
    EXPECT_TRUE(events.str() == whole.events);
    EXPECT_TRUE(ts.str() == whole.timeseries);
}

TEST(DeterminismTest, SteppingGivesTheSameRunAsRunningToTheEnd)
{
    const Output whole = runCsv(rich());
    std::ostringstream events;
    CsvEventWriter writer(events);
    Simulation sim(rich(), RunOptions{.sink = &writer});
    while (sim.step()) {
    }
    EXPECT_TRUE(sim.finished());
    EXPECT_TRUE(events.str() == whole.events);
}

/// The pipeline variants for the common-random-numbers tests.
std::vector<std::pair<const char *, Scenario>> variants(LoadSpec::Type loadType)
{
    std::vector<std::pair<const char *, Scenario>> out;
    Scenario moreRetries = rich(loadType);
    moreRetries.pipeline[3].as<RetrySpec>().maxRetries = 6;
    out.emplace_back("max_retries 6", moreRetries);
    Scenario lowThreshold = rich(loadType);
    lowThreshold.pipeline[1].as<BreakerSpec>().as<ConsecutiveOptions>().failureThreshold = 2;
    out.emplace_back("breaker threshold 2", lowThreshold);
    Scenario extraTimeout = rich(loadType);
    StageSpec t;
    t.options = TimeoutSpec{};
    t.name = "timeout#extra";
    t.as<TimeoutSpec>().timeoutMs = 20;
    extraTimeout.pipeline.push_back(t);
    out.emplace_back("extra 20 ms timeout", extraTimeout);
    Scenario noPipeline = rich(loadType);
    noPipeline.pipeline.clear();
    out.emplace_back("empty pipeline", noPipeline);
    return out;
}

void expectSameArrivals(LoadSpec::Type loadType, std::size_t expectedMin, std::size_t expectedMax)
{
    const Starts base = runStarts(rich(loadType));
    ASSERT_GE(base.requestStarts.size(), expectedMin);
    ASSERT_LE(base.requestStarts.size(), expectedMax);
    for (const auto &[label, scenario] : variants(loadType)) {
        const Starts other = runStarts(scenario);
        EXPECT_EQ(other.requestStarts, base.requestStarts) << label;
        // ... while the run itself did change (else the comparison would prove nothing).
        EXPECT_NE(other.total, base.total) << label;
    }
}

TEST(DeterminismTest, PoissonArrivalsDoNotDependOnThePipeline)
{
    // 80/s for 20 s: about 1600 arrivals.
    expectSameArrivals(LoadSpec::Type::Poisson, 1400, 1800);
}

TEST(DeterminismTest, ConstantArrivalsDoNotDependOnThePipeline)
{
    // 80/s for 20 s: one every 12.5 ms from t = 0, all before 20 s: exactly 1600.
    const Starts base = runStarts(rich(LoadSpec::Type::Constant));
    ASSERT_EQ(base.requestStarts.size(), 1600u);
    EXPECT_EQ(base.requestStarts[1], 12500);
    EXPECT_EQ(base.requestStarts[1599], 1599 * 12500);
    expectSameArrivals(LoadSpec::Type::Constant, 1600, 1600);
}

TEST(DeterminismTest, PoissonArrivalsChangeWithTheSeed)
{
    Scenario other = rich();
    other.seed = 8;
    EXPECT_NE(runStarts(rich()).requestStarts, runStarts(other).requestStarts);
}

Scenario jitterScenario(bool requestZeroSucceeds)
{
    // Requests 0 (at 0) and 1 (at 5 s), 10 ms attempts, retry(3, exponential 100, full jitter).
    // The service always errors, except (variant B) during the first second, so request 0
    // succeeds at once and never draws a jitter.
    Scenario s;
    s.name = "jitter";
    s.seed = 99;
    s.durationS = 10;
    s.load.type = LoadSpec::Type::Script;
    s.load.atMs = {0, 5000};
    ServiceSpec svc;
    svc.name = "svc";
    svc.latency = LatencySpec::constant(10);
    svc.failureRate = 1.0;
    if (requestZeroSucceeds) {
        svc.failureRate = 0.0;
        ServicePhase broken;
        broken.atS = 1;
        broken.failureRate = 1.0;
        svc.phases = {broken};
    }
    s.services["svc"] = svc;
    s.target = "svc";
    StageSpec r;
    r.options = RetrySpec{};
    r.name = "retry";
    r.as<RetrySpec>().maxRetries = 3;
    r.as<RetrySpec>().backoff = RetrySpec::Backoff::Exponential;
    r.as<RetrySpec>().baseMs = 100;
    r.as<RetrySpec>().jitter = RetrySpec::Jitter::Full;
    s.pipeline = {r};
    return s;
}

TEST(DeterminismTest, RetryJitterOfARequestDoesNotDependOnOtherRequests)
{
    const Starts a = runStarts(jitterScenario(false));
    const Starts b = runStarts(jitterScenario(true));
    // In A request 0 retried three times (three jitter draws before request 1's); in B not at all.
    EXPECT_EQ(a.delaysOf(0).size(), 3u);
    EXPECT_TRUE(b.delaysOf(0).empty());
    const std::vector<SimTime> d1 = a.delaysOf(1);
    ASSERT_EQ(d1.size(), 3u);
    EXPECT_EQ(b.delaysOf(1), d1);
    // Full jitter: U[0, d) with d = 100, 200, 400 ms; random, so not all equal to d.
    const std::vector<SimTime> caps = {ms(100), ms(200), ms(400)};
    bool anyBelowCap = false;
    for (std::size_t k = 0; k < 3; ++k) {
        EXPECT_GE(d1[k], 0);
        EXPECT_LE(d1[k], caps[k]);
        anyBelowCap = anyBelowCap || d1[k] < caps[k];
    }
    EXPECT_TRUE(anyBelowCap);
    // Different requests draw differently.
    EXPECT_NE(a.delaysOf(0), d1);
}

TEST(DeterminismTest, RetryJitterDoesNotDependOnTheRestOfThePipeline)
{
    // Adding a (never-firing) outer timeout changes the event sequence numbers but not the
    // jitter drawn for each (request, retry).
    Scenario plain = jitterScenario(false);
    Scenario wrapped = jitterScenario(false);
    StageSpec t;
    t.options = TimeoutSpec{};
    t.name = "timeout";
    t.as<TimeoutSpec>().timeoutMs = 100000;
    wrapped.pipeline.insert(wrapped.pipeline.begin(), t);
    const Starts a = runStarts(plain);
    const Starts b = runStarts(wrapped);
    ASSERT_EQ(a.retryDelays.size(), 6u);
    EXPECT_EQ(a.retryDelays, b.retryDelays);
}

} // namespace
} // namespace reslab
