// The service-graph presets show what their names say: each story is checked on the preset's
// own numbers (the bucket series and the summary), and against the variant the description
// names as the cure.

#include "reslab/io/scenario_io.h"
#include "reslab/model/presets.h"
#include "reslab/model/simulation.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <functional>
#include <string>

namespace reslab {
namespace {

using nlohmann::json;

json presetJson(const std::string &name)
{
    const auto p = findPreset(name);
    EXPECT_TRUE(p.has_value()) << name;
    return p ? json::parse(p->json) : json();
}

Summary runDoc(const json &doc, std::vector<BucketRow> *rows = nullptr,
               std::function<void(const Simulation &)> inspect = {})
{
    const ScenarioParse r = parseScenario(doc);
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().toString());
    if (!r.ok())
        return {};
    Simulation sim(*r.scenario);
    sim.runToEnd();
    if (rows)
        *rows = sim.recorder().rows();
    if (inspect)
        inspect(sim);
    return sim.summary();
}

/// Success share of the requests that ended in [fromS, toS).
double successShare(const std::vector<BucketRow> &rows, double fromS, double toS)
{
    std::uint64_t ok = 0, ended = 0;
    for (const BucketRow &r : rows) {
        const double t = toSeconds(r.start);
        if (t < fromS || t >= toS)
            continue;
        ok += r.success;
        ended += r.success + r.fallback + r.failure;
    }
    return ended ? static_cast<double>(ok) / static_cast<double>(ended) : 0.0;
}

TEST(GraphPresets, ThreadExhaustionFailsEveryRequestOnceTheOptionalDependencyHangs)
{
    std::vector<BucketRow> rows;
    runDoc(presetJson("cascade-thread-exhaustion"), &rows);
    EXPECT_GT(successShare(rows, 0, 30), 0.99);
    // From a few seconds after the hang, nothing succeeds, though half the requests never
    // call reviews; and the healed partition at 60 s does not help.
    EXPECT_EQ(successShare(rows, 35, 90), 0.0);
}

TEST(GraphPresets, RetriesOnThreeLayersMultiplyTheDeepestAttemptsBy64InAnOutage)
{
    std::vector<BucketRow> rows;
    std::uint64_t dbOutage = 0, dbBefore = 0;
    runDoc(presetJson("retry-amplification-layers"), &rows, [&](const Simulation &sim) {
        for (const ReplicaSeries &r : sim.recorder().replicaSeries()) {
            if (r.service != "db")
                continue;
            for (std::size_t i = 0; i < r.buckets.size(); ++i) {
                const double t = toSeconds(rows[i].start);
                if (t >= 22 && t < 38)
                    dbOutage += r.buckets[i].attempts;
                if (t >= 2 && t < 18)
                    dbBefore += r.buckets[i].attempts;
            }
        }
    });
    std::uint64_t arrivalsOutage = 0, arrivalsBefore = 0;
    for (const BucketRow &r : rows) {
        const double t = toSeconds(r.start);
        if (t >= 22 && t < 38)
            arrivalsOutage += r.arrivals;
        if (t >= 2 && t < 18)
            arrivalsBefore += r.arrivals;
    }
    // A request's 64 attempts spread over ~0.65 s, so a window's attempts and arrivals differ
    // at its edges: 4^3 within 10 %.
    EXPECT_NEAR(static_cast<double>(dbOutage) / static_cast<double>(arrivalsOutage), 64.0, 6.4);
    EXPECT_NEAR(static_cast<double>(dbBefore) / static_cast<double>(arrivalsBefore), 1.0, 0.03);

    // Exactly, with the outage from the start: every finished request cost 64 db attempts.
    json always = presetJson("retry-amplification-layers");
    always["services"]["db"]["phases"] = json::array({{{"at_s", 0}, {"failure_rate", 1}}});
    std::uint64_t db = 0;
    const Summary s = runDoc(always, nullptr, [&](const Simulation &sim) {
        for (const auto &svc : sim.services()) {
            if (svc->serviceName() == "db")
                db = svc->totals().attempts;
        }
    });
    EXPECT_EQ(s.success, 0u);
    EXPECT_GE(db, 64 * (s.requests - s.inFlight));
    EXPECT_LE(db, 64 * s.requests);
}

TEST(GraphPresets, ARetryOnAnotherReplicaHidesTheCrash)
{
    json doc = presetJson("replica-crash-round-robin");
    std::vector<BucketRow> rows;
    const Summary with = runDoc(doc, &rows);
    EXPECT_GT(successShare(rows, 20, 40), 0.995);
    doc["pipeline"][0]["enabled"] = false;
    const Summary without = runDoc(doc, &rows);
    // Without the retry a third of the attempts during the crash fail.
    EXPECT_NEAR(1.0 - successShare(rows, 21, 40), 1.0 / 3.0, 0.03);
    EXPECT_GT(with.attempts, without.attempts);
}

TEST(GraphPresets, MetastableCollapseOutlivesTheCrashUnlessRetriesAreBounded)
{
    json doc = presetJson("metastable-retry-lb");
    std::vector<BucketRow> rows;
    runDoc(doc, &rows);
    EXPECT_GT(successShare(rows, 0, 20), 0.98);
    EXPECT_LT(successShare(rows, 60, 120), 0.05); // the crash ended at 25 s
    json budget = doc;
    budget["pipeline"][1]["budget"] = {{"ratio", 0.1}};
    runDoc(budget, &rows);
    EXPECT_GT(successShare(rows, 40, 120), 0.98);
    json breaker = doc;
    breaker["pipeline"][0]["enabled"] = true;
    runDoc(breaker, &rows);
    EXPECT_GT(successShare(rows, 40, 120), 0.98);
}

TEST(GraphPresets, ABulkheadTimeoutAndBreakerIsolateTheHangingDependency)
{
    std::vector<BucketRow> rows;
    const json isolated = presetJson("cascade-bulkhead-isolation");
    std::uint64_t reviewsOkAfter = 0;
    runDoc(isolated, &rows, [&](const Simulation &sim) {
        for (const EdgeSeries &e : sim.recorder().edgeSeries()) {
            if (e.name != "gateway->reviews")
                continue;
            for (std::size_t i = 0; i < e.buckets.size(); ++i) {
                if (toSeconds(rows[i].start) >= 70)
                    reviewsOkAfter += e.buckets[i].success;
            }
        }
    });
    // The same hang as cascade-thread-exhaustion: the gateway keeps serving (degraded)...
    EXPECT_GT(successShare(rows, 30, 60), 0.99);
    EXPECT_GT(successShare(rows, 60, 90), 0.99);
    // ...and its calls to reviews succeed again once reviews is back (the breaker closed).
    EXPECT_GT(reviewsOkAfter, 500u);
    // Without the three stages the same graph fails everything.
    json bare = isolated;
    bare["services"]["gateway"]["calls"][1]["pipeline"] = json::array();
    runDoc(bare, &rows);
    EXPECT_EQ(successShare(rows, 35, 90), 0.0);
}

TEST(GraphPresets, HedgingCutsTheTailAtAMeasuredCost)
{
    json doc = presetJson("hedging-tail-latency");
    const Summary hedged = runDoc(doc);
    doc["pipeline"][0]["enabled"] = false;
    const Summary plain = runDoc(doc);
    // A lognormal with median 20 ms and p99 400 ms: P(> 50 ms) = 1 - Phi(ln(2.5) / sigma) with
    // sigma = ln(20) / 2.326, about 0.24, so about that many extra attempts (losers are
    // cancelled, a hedge whose primary answers first is cancelled too).
    const double sigma = std::log(20.0) / 2.3263478740;
    const double tail = 0.5 * std::erfc(std::log(2.5) / sigma / std::sqrt(2.0));
    EXPECT_NEAR(hedged.amplification, 1.0 + tail, 0.02);
    EXPECT_DOUBLE_EQ(plain.amplification, 1.0);
    EXPECT_LT(hedged.latencyP99, 0.4 * plain.latencyP99);
    EXPECT_GT(plain.latencyP99, 350.0);
}

} // namespace
} // namespace reslab
