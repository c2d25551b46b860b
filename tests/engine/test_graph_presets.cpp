// The service-graph presets show what their names say: each story is checked on the preset's
// own numbers (the bucket series and the summary), and against the variant the description
// names as the cure.

#include "reslab/io/scenario_io.h"
#include "reslab/model/presets.h"
#include "reslab/model/simulation.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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

} // namespace
} // namespace reslab
