#include "reslab/io/json_path.h"
#include "reslab/model/simulation.h"
#include "reslab/tuning/sweep.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

namespace reslab {
namespace {

nlohmann::json flakyScenario()
{
    return nlohmann::json::parse(R"({
      "version": 1, "name": "sweep", "seed": 3, "duration_s": 20,
      "load": { "type": "poisson", "rate_per_s": 50 },
      "services": { "api": { "failure_rate": 0.2,
                             "latency_ms": { "dist": "constant", "value": 5 } } },
      "target": "api",
      "pipeline": [ { "type": "retry", "max_retries": 2, "backoff": "fixed", "base_ms": 0 } ]
    })");
}

TEST(SweepAxis, ParsesLinearAndLogRanges)
{
    std::string error;
    auto a = parseSweepAxis("pipeline[0].max_retries=0:4:5", error);
    ASSERT_TRUE(a) << error;
    EXPECT_EQ(a->path, "pipeline[0].max_retries");
    EXPECT_EQ(a->values, (std::vector<double>{0, 1, 2, 3, 4}));
    auto b = parseSweepAxis("load.rate_per_s=log:10:1000:3", error);
    ASSERT_TRUE(b) << error;
    EXPECT_EQ(b->values, (std::vector<double>{10, 100, 1000}));
    auto c = parseSweepAxis("x=0.1:0.3:3", error);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->values, (std::vector<double>{0.1, 0.2, 0.3}));
    EXPECT_FALSE(parseSweepAxis("noequals", error));
    EXPECT_FALSE(parseSweepAxis("x=1:2", error));
    EXPECT_FALSE(parseSweepAxis("x=1:2:0", error));
    EXPECT_FALSE(parseSweepAxis("x=log:0:2:3", error));
    EXPECT_NE(error.find("log"), std::string::npos);
}

TEST(SweepPath, SetsNumbersAndNamesBadPaths)
{
    auto doc = flakyScenario();
    EXPECT_FALSE(setNumberAtPath(doc, "services.api.failure_rate", 0.5));
    EXPECT_DOUBLE_EQ(doc["services"]["api"]["failure_rate"].get<double>(), 0.5);
    EXPECT_FALSE(setNumberAtPath(doc, "pipeline[0].max_retries", 3));
    EXPECT_TRUE(doc["pipeline"][0]["max_retries"].is_number_integer());
    EXPECT_FALSE(setNumberAtPath(doc, "pipeline[0].multiplier", 3)); // absent last key: added
    EXPECT_EQ(doc["pipeline"][0]["multiplier"].get<int>(), 3);
    auto err = setNumberAtPath(doc, "pipeline[3].max_retries", 1);
    ASSERT_TRUE(err);
    EXPECT_NE(err->find("pipeline[3] does not exist"), std::string::npos) << *err;
    err = setNumberAtPath(doc, "target", 1);
    ASSERT_TRUE(err);
    EXPECT_NE(err->find("not a number"), std::string::npos) << *err;
    EXPECT_TRUE(setNumberAtPath(doc, "services..x", 1));
    EXPECT_TRUE(setNumberAtPath(doc, "pipeline[x].y", 1));
}

TEST(Sweep, GridEqualsSeparateRunsOfTheSamePoints)
{
    std::string error;
    std::vector<SweepAxis> axes = {*parseSweepAxis("pipeline[0].max_retries=0:2:3", error),
                                   *parseSweepAxis("services.api.failure_rate=0.1:0.5:2", error)};
    Sweep sweep(flakyScenario(), axes, 2);
    ASSERT_TRUE(sweep.prepare().empty());
    ASSERT_EQ(sweep.runCount(), 12u); // 3 x 2 points x 2 seeds
    ASSERT_TRUE(sweep.run(2, nullptr));
    const auto &results = sweep.results();
    ASSERT_EQ(results.size(), 12u);
    std::size_t i = 0;
    for (double retries : {0.0, 1.0, 2.0}) {
        for (double rate : {0.1, 0.5}) {
            for (std::uint64_t seed : {3u, 4u}) {
                const SweepResult &r = results[i++];
                EXPECT_EQ(r.values, (std::vector<double>{retries, rate}));
                EXPECT_EQ(r.seed, seed);
                // The same point as a separate run.
                auto doc = flakyScenario();
                doc["pipeline"][0]["max_retries"] = static_cast<int>(retries);
                doc["services"]["api"]["failure_rate"] = rate;
                ScenarioParse p = parseScenario(doc);
                ASSERT_TRUE(p.ok());
                Simulation sim(*p.scenario, {.seed = seed});
                sim.runToEnd();
                const RunMetrics m = metricsOf(sim.summary());
                EXPECT_DOUBLE_EQ(r.metrics.successRate, m.successRate);
                EXPECT_DOUBLE_EQ(r.metrics.amplification, m.amplification);
                EXPECT_DOUBLE_EQ(r.metrics.p99Ms, m.p99Ms);
            }
        }
    }
}

TEST(Sweep, RaisingTheFailureRateNeverRaisesSuccessWithCommonRandomNumbers)
{
    // No queueing (unlimited concurrency), no retries: attempt k of request r errs iff its
    // draw u < failure_rate, the same u at every point, so the set of successes can only shrink.
    auto doc = flakyScenario();
    doc["pipeline"] = nlohmann::json::array();
    std::string error;
    Sweep sweep(doc, {*parseSweepAxis("services.api.failure_rate=0:1:11", error)}, 1);
    ASSERT_TRUE(sweep.prepare().empty());
    ASSERT_TRUE(sweep.run(2, nullptr));
    double previous = 2.0;
    for (const SweepResult &r : sweep.results()) {
        EXPECT_LE(r.metrics.successRate, previous) << "failure_rate " << r.values[0];
        previous = r.metrics.successRate;
    }
    EXPECT_DOUBLE_EQ(sweep.results().front().metrics.successRate, 1.0);
    EXPECT_DOUBLE_EQ(sweep.results().back().metrics.successRate, 0.0);
}

TEST(Sweep, InvalidPointsAreReportedBeforeAnyRun)
{
    std::string error;
    Sweep sweep(flakyScenario(), {*parseSweepAxis("services.api.failure_rate=0.5:1.5:3", error)},
                1);
    const auto errors = sweep.prepare();
    ASSERT_FALSE(errors.empty());
    EXPECT_NE(errors[0].find("services.api.failure_rate=1.5"), std::string::npos) << errors[0];
    EXPECT_NE(errors[0].find("must be"), std::string::npos) << errors[0];
}

TEST(Sweep, CancelStopsTheRun)
{
    std::string error;
    Sweep sweep(flakyScenario(), {*parseSweepAxis("pipeline[0].max_retries=0:3:4", error)}, 5);
    ASSERT_TRUE(sweep.prepare().empty());
    std::atomic<bool> cancel{false};
    std::size_t seen = 0;
    const bool complete = sweep.run(
        1,
        [&](std::size_t done, std::size_t) {
            seen = done;
            if (done == 3)
                cancel = true;
        },
        &cancel);
    EXPECT_FALSE(complete);
    EXPECT_EQ(seen, 3u); // one thread: it stops before the fourth run
}

TEST(Sweep, CsvHasAxisColumnsSeedAndEveryMetric)
{
    std::string error;
    Sweep sweep(flakyScenario(), {*parseSweepAxis("pipeline[0].max_retries=0:1:2", error)}, 1);
    ASSERT_TRUE(sweep.prepare().empty());
    ASSERT_TRUE(sweep.run(1, nullptr));
    std::ostringstream out;
    sweep.writeCsv(out);
    std::istringstream in(out.str());
    std::string header, row;
    std::getline(in, header);
    EXPECT_EQ(header, "pipeline[0].max_retries,seed,success_rate,fallback_rate,failure_rate,"
                      "rejected_rate,amplification,p50_ms,p99_ms,open_fraction,utilization");
    std::getline(in, row);
    EXPECT_EQ(row.rfind("0,3,", 0), 0u) << row;
}

TEST(Sweep, CacheSkipsRunsAlreadyMadeAndGivesTheSameNumbers)
{
    std::string error;
    SweepCache cache;
    Sweep first(flakyScenario(), {*parseSweepAxis("pipeline[0].max_retries=0:2:3", error)}, 2);
    ASSERT_TRUE(first.prepare().empty());
    ASSERT_TRUE(first.run(2, nullptr, nullptr, &cache));
    EXPECT_EQ(first.simulatedRuns(), 6u);
    EXPECT_EQ(cache.size(), 6u);
    // 1..3 overlaps on 1 and 2 (two seeds each): only the point 3 is simulated, on two seeds.
    Sweep second(flakyScenario(), {*parseSweepAxis("pipeline[0].max_retries=1:3:3", error)}, 2);
    ASSERT_TRUE(second.prepare().empty());
    ASSERT_TRUE(second.run(2, nullptr, nullptr, &cache));
    EXPECT_EQ(second.simulatedRuns(), 2u);
    EXPECT_EQ(cache.size(), 8u);
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(second.results()[i].seed, first.results()[i + 2].seed);
        EXPECT_EQ(second.results()[i].metrics.successRate,
                  first.results()[i + 2].metrics.successRate);
        EXPECT_EQ(second.results()[i].metrics.p99Ms, first.results()[i + 2].metrics.p99Ms);
    }
}

TEST(Sweep, FailureRatesByCauseAddUpAndNameTheirMetrics)
{
    Summary s;
    s.requests = 200;
    s.success = 150;
    s.failure = 50;
    s.failureByCause[static_cast<std::size_t>(Outcome::Timeout)] = 30;
    s.failureByCause[static_cast<std::size_t>(Outcome::CircuitOpen)] = 20;
    const RunMetrics m = metricsOf(s);
    EXPECT_DOUBLE_EQ(m.failureRate, 0.25);
    EXPECT_DOUBLE_EQ(m.failureTimeoutRate, 0.15);
    EXPECT_DOUBLE_EQ(m.failureCircuitOpenRate, 0.10);
    EXPECT_DOUBLE_EQ(m.failureErrorRate, 0.0);
    EXPECT_EQ(metricValue(m, "failure_timeout_rate"), 0.15);
    EXPECT_EQ(metricValue(m, "failure_circuit_open_rate"), 0.10);
    EXPECT_EQ(sweepAllMetricNames().size(), sweepMetricNames().size() + 6);
    EXPECT_FALSE(metricValue(m, "nope"));
}

TEST(Sweep, PointJsonCarriesThePointsValues)
{
    std::string error;
    Sweep sweep(flakyScenario(),
                {*parseSweepAxis("pipeline[0].max_retries=0:1:2", error),
                 *parseSweepAxis("services.api.failure_rate=0.1:0.3:3", error)},
                1);
    ASSERT_TRUE(sweep.prepare().empty());
    ASSERT_EQ(sweep.pointCount(), 6u);
    const nlohmann::json p = sweep.pointJson(4); // (1, 0.2): first axis slowest
    EXPECT_EQ(p["pipeline"][0]["max_retries"].get<int>(), 1);
    EXPECT_DOUBLE_EQ(p["services"]["api"]["failure_rate"].get<double>(), 0.2);
}

} // namespace
} // namespace reslab
