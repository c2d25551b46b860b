// The resilience-lab command line, run as a user would: exit codes, messages, output files.
#include "cli_runner.h"

#include "reslab/model/presets.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <vector>

namespace reslab {
namespace {

using ::testing::HasSubstr;
using testing::parseCsv;
using testing::readFile;
using testing::runCli;
using testing::shellQuote;
using testing::TempDir;

nlohmann::json presetJson(const std::string &name)
{
    const auto p = findPreset(name);
    EXPECT_TRUE(p.has_value()) << name;
    return nlohmann::json::parse(p ? p->json : std::string_view("{}"));
}

const std::vector<std::string> kRequiredPresets = {
    "seed-resilient-service", "flaky-dependency",
    "outage-and-recovery",    "retry-storm",
    "thundering-herd",        "slow-dependency-timeouts",
    "fallback-to-cache",      "resilience4j-defaults",
    "polly-defaults"};

TEST(Cli, PresetsListsEveryRequiredPreset)
{
    const auto r = runCli("presets");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    for (const auto &name : kRequiredPresets)
        EXPECT_THAT(r.out, HasSubstr(name));
}

TEST(Cli, EveryPresetValidatesAndRuns)
{
    for (const Preset &p : presets()) {
        SCOPED_TRACE(std::string(p.name));
        const auto v = runCli("validate preset:" + std::string(p.name));
        EXPECT_EQ(v.exitCode, 0) << v.err;
        TempDir dir;
        const auto r = runCli("run preset:" + std::string(p.name) + " --out " +
                              shellQuote(dir.path().string()));
        ASSERT_EQ(r.exitCode, 0) << r.err;
        const auto s = nlohmann::json::parse(readFile(dir.path() / "summary.json"));
        std::uint64_t failures = 0;
        for (const auto &[cause, n] : s["failure"].items())
            failures += n.get<std::uint64_t>();
        // Every request ends exactly once, or is still in flight when the run stops.
        EXPECT_EQ(s["success"].get<std::uint64_t>() + s["fallback"].get<std::uint64_t>() +
                      failures + s["in_flight"].get<std::uint64_t>(),
                  s["requests"].get<std::uint64_t>());
        EXPECT_GT(s["requests"].get<std::uint64_t>(), 0u);
    }
}

TEST(Cli, UnknownPresetNamesTheKnownOnes)
{
    const auto r = runCli("run preset:nope");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_THAT(r.err, HasSubstr("no built-in scenario named \"nope\""));
    EXPECT_THAT(r.err, HasSubstr("retry-storm"));
}

TEST(Cli, RunWritesTheDesignedFiles)
{
    TempDir dir;
    const auto r = runCli("run preset:outage-and-recovery --duration 40 --out " +
                          shellQuote(dir.path().string()) + " --events");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("requests"));

    const auto s = nlohmann::json::parse(readFile(dir.path() / "summary.json"));
    for (const char *key :
         {"requests", "success", "fallback", "failure", "attempts", "retries", "amplification",
          "latency_ms", "breaker", "service", "events_processed", "wall_ms"})
        EXPECT_TRUE(s.contains(key)) << key;
    for (const char *key : {"mean", "p50", "p90", "p99", "p999", "max"})
        EXPECT_TRUE(s["latency_ms"].contains(key)) << key;
    for (const char *key : {"transitions", "rejected", "time_in_state_s"})
        EXPECT_TRUE(s["breaker"].contains(key)) << key;
    for (const char *key : {"closed", "open", "half_open"})
        EXPECT_TRUE(s["breaker"]["time_in_state_s"].contains(key)) << key;
    for (const char *key :
         {"error", "timeout", "circuit_open", "overloaded", "rejected", "fallback_failed"})
        EXPECT_TRUE(s["failure"].contains(key)) << key;
    for (const char *key : {"attempts", "utilization", "max_queue"})
        EXPECT_TRUE(s["service"]["payments"].contains(key)) << key;
    EXPECT_DOUBLE_EQ(s["amplification"].get<double>(),
                     std::round(1e4 * s["attempts"].get<double>() / s["requests"].get<double>()) /
                         1e4);
    // The outage starts at 30 s: the breaker must have opened.
    EXPECT_GE(s["breaker"]["transitions"].get<int>(), 1);
    EXPECT_GT(s["breaker"]["time_in_state_s"]["open"].get<double>(), 0.0);

    const auto ts = parseCsv(readFile(dir.path() / "timeseries.csv"));
    ASSERT_FALSE(ts.empty());
    EXPECT_EQ(ts[0],
              (std::vector<std::string>{"t_s", "arrivals", "success", "fallback", "failure",
                                        "attempts", "retries", "rejected", "p50_ms", "p99_ms",
                                        "breaker_state", "in_flight", "queue_len", "utilization"}));
    ASSERT_EQ(ts.size(), 41u); // header + 40 one-second buckets
    EXPECT_EQ(ts[1][0], "0");
    EXPECT_EQ(ts[40][0], "39");
    EXPECT_EQ(ts[1][10], "closed");
    EXPECT_EQ(ts[35][10], "open"); // 34 s: a few seconds into the outage
    std::set<std::string> states;
    for (std::size_t i = 1; i < ts.size(); ++i) {
        ASSERT_EQ(ts[i].size(), 14u) << "row " << i;
        states.insert(ts[i][10]);
    }
    for (const auto &st : states)
        EXPECT_TRUE(st == "closed" || st == "open" || st == "half_open") << st;

    const auto ev = parseCsv(readFile(dir.path() / "events.csv"));
    ASSERT_GT(ev.size(), 100u);
    EXPECT_EQ(ev[0],
              (std::vector<std::string>{"t_ms", "request", "attempt", "stage", "kind", "detail"}));
    std::set<std::string> kinds;
    for (std::size_t i = 1; i < ev.size(); ++i)
        kinds.insert(ev[i][4]);
    for (const char *k : {"request_start", "attempt_start", "attempt_end", "breaker_transition",
                          "breaker_rejected", "fallback", "request_end"})
        EXPECT_TRUE(kinds.count(k)) << k;
    bool sawOpen = false;
    for (std::size_t i = 1; i < ev.size(); ++i)
        sawOpen |= ev[i][4] == "breaker_transition" && ev[i][5] == "closed->open";
    EXPECT_TRUE(sawOpen);
}

TEST(Cli, EventsAreByteIdenticalForTheSameSeed)
{
    TempDir a, b, c;
    const std::string base = "run preset:seed-resilient-service --duration 90 --events --out ";
    ASSERT_EQ(runCli(base + shellQuote(a.path().string())).exitCode, 0);
    ASSERT_EQ(runCli(base + shellQuote(b.path().string())).exitCode, 0);
    ASSERT_EQ(runCli(base + shellQuote(c.path().string()) + " --seed 43").exitCode, 0);
    const std::string ea = readFile(a.path() / "events.csv");
    EXPECT_GT(ea.size(), 100000u);
    EXPECT_EQ(ea, readFile(b.path() / "events.csv"));
    EXPECT_NE(ea, readFile(c.path() / "events.csv"));
    EXPECT_EQ(readFile(a.path() / "timeseries.csv"), readFile(b.path() / "timeseries.csv"));
}

TEST(Cli, RetryStormCollapseOutlastsItsTriggerAndABudgetRecovers)
{
    // The spike is 30..40 s. Long after it (120..180 s) the storm still serves nothing while
    // the same scenario with a retry budget serves (almost) everything.
    auto lateSuccess = [](const std::string &preset) {
        TempDir dir;
        const auto r = runCli("run preset:" + preset + " --out " + shellQuote(dir.path().string()));
        EXPECT_EQ(r.exitCode, 0) << r.err;
        const auto ts = parseCsv(readFile(dir.path() / "timeseries.csv"));
        double arrivals = 0, success = 0;
        for (std::size_t i = 121; i < ts.size(); ++i) {
            arrivals += std::stod(ts[i][1]);
            success += std::stod(ts[i][2]);
        }
        return success / arrivals;
    };
    EXPECT_LT(lateSuccess("retry-storm"), 0.05);
    EXPECT_GT(lateSuccess("retry-storm-with-budget"), 0.95);

    // Before the spike both are healthy: the collapse is not the steady state of the load.
    TempDir dir;
    ASSERT_EQ(
        runCli("run preset:retry-storm --duration 29 --out " + shellQuote(dir.path().string()))
            .exitCode,
        0);
    const auto s = nlohmann::json::parse(readFile(dir.path() / "summary.json"));
    EXPECT_GT(s["success"].get<double>() / s["requests"].get<double>(), 0.98);
}

TEST(Cli, ThunderingHerdSpikesMeltWithJitter)
{
    // 2000 clients start together at 5 s; 300 are served or queued, 1700 are overloaded. Without
    // jitter every retry of a wave lands at the same instant (+200, +600, +1400, +3000, +6200 ms):
    // retries fill only 5 buckets of 100 ms, each wave meets a full queue again, and the clients
    // whose five retries all hit a wave fail. With full jitter the same retries spread over many
    // buckets, the queue keeps up, and nobody fails.
    struct Herd
    {
        int retryBuckets = 0;
        double failures = 0;
    };
    auto run = [](const nlohmann::json &scenario) {
        TempDir dir;
        const auto file = dir.write("herd.json", scenario.dump());
        const auto r = runCli("run " + shellQuote(file.string()) + " --duration 12 --out " +
                              shellQuote(dir.path().string()));
        EXPECT_EQ(r.exitCode, 0) << r.err;
        const auto ts = parseCsv(readFile(dir.path() / "timeseries.csv"));
        Herd h;
        for (std::size_t i = 1; i < ts.size(); ++i) {
            h.retryBuckets += std::stod(ts[i][6]) > 0 ? 1 : 0;
            h.failures += std::stod(ts[i][4]);
        }
        return h;
    };
    auto herd = presetJson("thundering-herd");
    const Herd synchronized = run(herd);
    herd["pipeline"][0]["jitter"] = "full";
    const Herd jittered = run(herd);
    EXPECT_EQ(synchronized.retryBuckets, 5);
    EXPECT_GT(synchronized.failures, 100);
    EXPECT_GE(jittered.retryBuckets, 15);
    EXPECT_EQ(jittered.failures, 0);
}

// ---- bad input: a clear message naming what is wrong, exit code 2, never a crash or hang

struct BadInput
{
    const char *label;
    std::string content;
    const char *message;
};

TEST(Cli, BadFilesAreRejectedWithAClearMessage)
{
    std::string garbage;
    for (int i = 0; i < 4096; ++i)
        garbage += static_cast<char>((i * 131 + 7) % 256);
    const std::vector<BadInput> cases = {
        {"empty", "", "empty"},
        {"garbage", garbage, "invalid JSON"},
        {"nested", std::string(100000, '[') + std::string(100000, ']'), "nesting"},
        {"array root", "[1, 2]", "object"},
        {"huge number",
         R"({"version":1,"name":"x","duration_s":1e308,"load":{"type":"poisson","rate_per_s":1},)"
         R"("services":{"a":{"latency_ms":{"dist":"constant","value":1}}},"target":"a"})",
         "duration_s"},
        {"tiny negative",
         R"({"version":1,"name":"x","duration_s":10,"load":{"type":"poisson","rate_per_s":-1e-320},)"
         R"("services":{"a":{"latency_ms":{"dist":"constant","value":1}}},"target":"a"})",
         "load.rate_per_s"},
        {"too many buckets",
         R"({"version":1,"name":"x","duration_s":2592000,"bucket_ms":1,"load":{"type":"poisson","rate_per_s":1},)"
         R"("services":{"a":{"latency_ms":{"dist":"constant","value":1}}},"target":"a"})",
         "bucket_ms"},
        {"dangling target",
         R"({"version":1,"name":"x","duration_s":10,"load":{"type":"poisson","rate_per_s":1},)"
         R"("services":{"a":{"latency_ms":{"dist":"constant","value":1}}},"target":"b"})",
         "target"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.label);
        TempDir dir;
        const auto file = dir.write("bad.json", c.content);
        for (const char *cmd : {"validate ", "run "}) {
            const auto r = runCli(cmd + shellQuote(file.string()), 60);
            EXPECT_FALSE(r.crashed) << cmd;
            EXPECT_EQ(r.exitCode, 2) << cmd << r.err;
            EXPECT_THAT(r.err, HasSubstr(file.string()));
            EXPECT_THAT(r.err, HasSubstr(c.message));
        }
    }
}

TEST(Cli, MissingFileDirectoryAndHugeFile)
{
    TempDir dir;
    auto r = runCli("run " + shellQuote((dir.path() / "absent.json").string()));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_THAT(r.err, HasSubstr("absent.json"));

    r = runCli("validate " + shellQuote(dir.path().string()));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_THAT(r.err, HasSubstr("directory"));

    const auto big = dir.path() / "big.json";
    {
        std::ofstream out(big, std::ios::binary);
        const std::string chunk(1 << 20, ' ');
        for (int i = 0; i < 50; ++i)
            out << chunk;
    }
    r = runCli("run " + shellQuote(big.string()));
    EXPECT_FALSE(r.crashed);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_THAT(r.err, HasSubstr("16 MiB"));
}

TEST(Cli, ARunThatWouldExhaustMemoryStopsWithAClearMessage)
{
    // 100 000 requests per second into a service that answers after a day: requests pile up
    // without bound. The run stops at the in-flight limit (2 million) instead of running out of
    // memory, says why, and exits 1.
    TempDir dir;
    const auto file = dir.write("pile.json", R"({
      "version": 1, "name": "pile up", "duration_s": 600,
      "load": { "type": "poisson", "rate_per_s": 100000 },
      "services": { "slow": { "latency_ms": { "dist": "constant", "value": 86400000 } } },
      "target": "slow" })");
    const auto r = runCli("run " + shellQuote(file.string()), 120);
    EXPECT_FALSE(r.crashed);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_THAT(r.err, HasSubstr("run abandoned: more than 2000000 requests in flight"));
    EXPECT_THAT(r.err, HasSubstr("queue_limit"));
}

TEST(Cli, ValidatePrintsEveryErrorWithItsPath)
{
    TempDir dir;
    const auto file = dir.write("three.json", R"({
      "version": 1, "name": "three errors", "duration_s": 10,
      "load": { "type": "poisson", "rate_per_s": 10 },
      "services": { "a": { "failure_rate": 1.5, "latency_ms": { "dist": "constant", "value": 1 } } },
      "target": "a",
      "pipeline": [ { "type": "timeout", "timeout_ms": -5 },
                    { "type": "retry", "max_retrys": 3 } ]
    })");
    const auto r = runCli("validate " + shellQuote(file.string()));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_THAT(r.err, HasSubstr("services.a.failure_rate"));
    EXPECT_THAT(r.err, HasSubstr("pipeline[0].timeout_ms"));
    EXPECT_THAT(r.err, HasSubstr("pipeline[1].max_retrys"));
    EXPECT_THAT(r.err, HasSubstr("max_retries")); // the suggestion
}

TEST(Cli, BadArgumentsAndUnwritableOutput)
{
    EXPECT_EQ(runCli("frobnicate").exitCode, 2);
    EXPECT_EQ(runCli("run").exitCode, 2);
    EXPECT_EQ(runCli("run preset:flaky-dependency --seed abc").exitCode, 2);
    EXPECT_EQ(runCli("run preset:flaky-dependency --duration -3").exitCode, 2);
    EXPECT_EQ(runCli("run preset:flaky-dependency --bogus").exitCode, 2);
    EXPECT_EQ(runCli("run preset:flaky-dependency --events").exitCode, 2);

    TempDir dir;
    const auto file = dir.write("not-a-dir", "x");
    const auto r = runCli("run preset:flaky-dependency --duration 5 --out " +
                          shellQuote((file / "sub").string()));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_THAT(r.err, HasSubstr("cannot create output directory"));
    EXPECT_FALSE(r.crashed);
}

TEST(Cli, SeedAndDurationOverrides)
{
    TempDir a;
    ASSERT_EQ(runCli("run preset:flaky-dependency --seed 99 --duration 12.5 --out " +
                     shellQuote(a.path().string()))
                  .exitCode,
              0);
    const auto s = nlohmann::json::parse(readFile(a.path() / "summary.json"));
    EXPECT_EQ(s["seed"].get<std::uint64_t>(), 99u);
    EXPECT_DOUBLE_EQ(s["duration_s"].get<double>(), 12.5);
    const auto ts = parseCsv(readFile(a.path() / "timeseries.csv"));
    EXPECT_EQ(ts.size(), 1u + 13u); // 12 whole buckets and the half one at 12 s
    EXPECT_EQ(ts.back()[0], "12");
}

} // namespace
} // namespace reslab
