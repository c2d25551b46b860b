// The command line on service graphs: run --out writes edges.csv and services.csv with the
// designed columns and numbers that agree with summary.json; `graph` writes DOT and SVG.

#include "cli_runner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace reslab {
namespace {

using ::testing::HasSubstr;
using testing::parseCsv;
using testing::readFile;
using testing::runCli;
using testing::shellQuote;
using testing::TempDir;

TEST(CliGraph, RunWritesEdgesAndServicesThatAddUpToTheSummary)
{
    TempDir dir;
    const auto r =
        runCli("run preset:cascade-thread-exhaustion --out " + shellQuote(dir.path().string()));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto s = nlohmann::json::parse(readFile(dir.path() / "summary.json"));
    ASSERT_TRUE(s.contains("edges"));
    for (const char *e : {"client->gateway", "gateway->catalog", "gateway->reviews"})
        ASSERT_TRUE(s["edges"].contains(e)) << e;
    for (const char *key : {"calls", "success", "fallback", "failure", "attempts", "retries",
                            "amplification", "rejected", "latency_ms", "breakers"})
        EXPECT_TRUE(s["edges"]["gateway->reviews"].contains(key)) << key;
    for (const char *key : {"attempts", "ok", "error", "overloaded", "degraded", "utilization",
                            "max_queue", "replicas"})
        EXPECT_TRUE(s["service"]["gateway"].contains(key)) << key;

    const auto edges = parseCsv(readFile(dir.path() / "edges.csv"));
    ASSERT_FALSE(edges.empty());
    EXPECT_EQ(edges[0], (std::vector<std::string>{"t_s", "edge", "calls", "success", "fallback",
                                                  "failure", "rejected", "attempts", "retries",
                                                  "p50_ms", "p99_ms", "breaker_state"}));
    EXPECT_EQ(edges.size(), 1u + 90u * 3u); // 90 buckets x 3 edges
    std::map<std::string, std::uint64_t> calls, attempts;
    for (std::size_t i = 1; i < edges.size(); ++i) {
        ASSERT_EQ(edges[i].size(), 12u) << i;
        calls[edges[i][1]] += std::stoull(edges[i][2]);
        attempts[edges[i][1]] += std::stoull(edges[i][7]);
    }
    for (const auto &[name, n] : calls) {
        EXPECT_EQ(n, s["edges"][name]["calls"].get<std::uint64_t>()) << name;
        EXPECT_EQ(attempts[name], s["edges"][name]["attempts"].get<std::uint64_t>()) << name;
    }

    const auto services = parseCsv(readFile(dir.path() / "services.csv"));
    EXPECT_EQ(services[0],
              (std::vector<std::string>{"t_s", "service", "replica", "attempts", "ok", "error",
                                        "overloaded", "in_flight", "queue_len", "utilization"}));
    std::map<std::string, std::uint64_t> serviceAttempts;
    for (std::size_t i = 1; i < services.size(); ++i)
        serviceAttempts[services[i][1]] += std::stoull(services[i][3]);
    for (const char *name : {"gateway", "catalog", "reviews"})
        EXPECT_EQ(serviceAttempts[name], s["service"][name]["attempts"].get<std::uint64_t>())
            << name;
}

TEST(CliGraph, VersionOneSummariesGainNoGraphKeys)
{
    TempDir dir;
    ASSERT_EQ(
        runCli("run preset:flaky-dependency --out " + shellQuote(dir.path().string())).exitCode, 0);
    const auto s = nlohmann::json::parse(readFile(dir.path() / "summary.json"));
    EXPECT_FALSE(s.contains("edges"));
    EXPECT_FALSE(s["service"].begin()->contains("replicas"));
    // The graph files are written for every run: one edge, one replica.
    const auto edges = parseCsv(readFile(dir.path() / "edges.csv"));
    ASSERT_GT(edges.size(), 1u);
    EXPECT_THAT(edges[1][1], HasSubstr("client->"));
}

TEST(CliGraph, GraphWritesDotAndSvg)
{
    const auto dot = runCli("graph preset:cascade-thread-exhaustion --format dot");
    ASSERT_EQ(dot.exitCode, 0) << dot.err;
    EXPECT_THAT(dot.out, HasSubstr("digraph services"));
    EXPECT_THAT(dot.out, HasSubstr("\"gateway\" -> \"reviews\" [id=\"gateway->reviews\""));
    EXPECT_THAT(dot.out, HasSubstr("style=dashed")); // reviews is optional
    TempDir dir;
    const auto file = dir.path() / "topology.svg";
    const auto svg = runCli("graph preset:cascade-thread-exhaustion --format svg --out " +
                            shellQuote(file.string()));
    ASSERT_EQ(svg.exitCode, 0) << svg.err;
    const std::string text = readFile(file);
    EXPECT_THAT(text, HasSubstr("<svg"));
    EXPECT_THAT(text, HasSubstr("reviews"));
    EXPECT_EQ(runCli("graph preset:cascade-thread-exhaustion --format png").exitCode, 2);
    EXPECT_EQ(runCli("graph").exitCode, 2);
    EXPECT_EQ(runCli("graph preset:nope").exitCode, 2);
}

} // namespace
} // namespace reslab
