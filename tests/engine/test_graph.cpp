// Service graphs (scenario version 2): calls through per-edge pipelines, slots held while calls
// run, replicas and balancers, replica states, cancellation down the graph, and the graph's
// validation. Expected values come from formulas (retry amplification, Little's law) or are
// worked out by hand in the comments.

#include "reslab/io/scenario_io.h"
#include "reslab/model/graph.h"
#include "reslab/model/simulation.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <string>

namespace reslab {
namespace {

using nlohmann::json;

Scenario load(const json &doc)
{
    const ScenarioParse r = parseScenario(doc);
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? std::string() : r.errors.front().toString());
    return r.ok() ? *r.scenario : Scenario{};
}

/// A version-2 document around `services`, with Poisson load.
json graphDoc(json services, const std::string &target, double rate, double durationS,
              json pipeline = json::array())
{
    return {{"version", 2},
            {"name", "graph"},
            {"seed", 11},
            {"duration_s", durationS},
            {"load", {{"type", "poisson"}, {"rate_per_s", rate}}},
            {"services", std::move(services)},
            {"target", target},
            {"pipeline", std::move(pipeline)}};
}

json constant(double ms)
{
    return {{"dist", "constant"}, {"value", ms}};
}

json retry(int n)
{
    return {{"type", "retry"},
            {"max_retries", n},
            {"backoff", "fixed"},
            {"base_ms", 0},
            {"retry_on", {"error"}}};
}

const ServiceTotals &service(const Summary &s, const std::string &name)
{
    for (const ServiceTotals &t : s.services) {
        if (t.name == name)
            return t;
    }
    ADD_FAILURE() << "no service " << name;
    return s.services.front();
}

std::uint64_t failuresOf(const Summary &s)
{
    return s.failure;
}

const EdgeSummary &edge(const Summary &s, const std::string &name)
{
    for (const EdgeSummary &e : s.edges) {
        if (e.name == name)
            return e;
    }
    ADD_FAILURE() << "no edge " << name;
    return s.edges.front();
}

/// A chain client -> s1 -> s2 -> s3, `n` retries on each of the three edges, independent
/// failures with probability p at s3 only.
json retryChain(double p, int n, double rate, double durationS)
{
    json services = {
        {"s1",
         {{"latency_ms", constant(1)}, {"calls", {{{"to", "s2"}, {"pipeline", {retry(n)}}}}}}},
        {"s2",
         {{"latency_ms", constant(1)}, {"calls", {{{"to", "s3"}, {"pipeline", {retry(n)}}}}}}},
        {"s3", {{"latency_ms", constant(1)}, {"failure_rate", p}}},
    };
    return graphDoc(services, "s1", rate, durationS, json::array({retry(n)}));
}

TEST(GraphAmplification, AnOutageMultipliesAttemptsByNPlusOnePerLayer)
{
    // p = 1: every attempt fails, so each layer makes all n + 1 attempts: (n + 1)^k = 4^3 at s3.
    Simulation sim(load(retryChain(1.0, 3, 20, 10)));
    sim.runToEnd();
    const Summary s = sim.summary();
    const std::uint64_t requests = s.requests - s.inFlight;
    ASSERT_GT(requests, 100u);
    EXPECT_EQ(service(s, "s3").attempts, 64u * s.requests);
    EXPECT_EQ(service(s, "s2").attempts, 16u * s.requests);
    EXPECT_EQ(service(s, "s1").attempts, 4u * s.requests);
    EXPECT_EQ(edge(s, "s2->s3").calls, 16u * s.requests);
    EXPECT_DOUBLE_EQ(edge(s, "s2->s3").amplification, 4.0);
}

TEST(GraphAmplification, HalfFailingDeepestServiceMatchesTheFormulaWithinOnePercent)
{
    // Per call through an edge with n retries whose attempts fail independently with q, the
    // attempts are sum_{i<=n} q^i = (1 - q^(n+1)) / (1 - q), and the call fails with q^(n+1).
    // s3 fails with p; an s2 attempt fails when its call fails (q2 = p^4), and so on up.
    const double p = 0.5;
    const int n = 3;
    const auto attempts = [n](double q) {
        return (1 - std::pow(q, n + 1)) / (1 - q);
    };
    const double q3 = p, q2 = std::pow(q3, n + 1), q1 = std::pow(q2, n + 1);
    const double expected = attempts(q3) * attempts(q2) * attempts(q1);

    Simulation sim(load(retryChain(p, n, 1000, 60)));
    sim.runToEnd();
    const Summary s = sim.summary();
    ASSERT_GT(s.requests, 55000u);
    const double measured =
        static_cast<double>(service(s, "s3").attempts) / static_cast<double>(s.requests);
    EXPECT_NEAR(measured, expected, 0.01 * expected);
}

TEST(GraphSlots, ACallerHoldsItsSlotForItsOwnWorkPlusItsCalls)
{
    // Little's law per service: mean attempts in service = arrival rate x time in service.
    // a's own work is 10 ms, then it calls b (exponential, mean 20 ms): a's time is 30 ms on
    // average, b's 20 ms; both have unlimited concurrency, so utilisation is the mean in service.
    json services = {
        {"a", {{"latency_ms", constant(10)}, {"calls", {{{"to", "b"}}}}}},
        {"b", {{"latency_ms", {{"dist", "exponential"}, {"mean", 20}}}}},
    };
    Simulation sim(load(graphDoc(services, "a", 200, 600)));
    sim.runToEnd();
    const Summary s = sim.summary();
    const double lambda = static_cast<double>(s.requests) / 600.0;
    EXPECT_NEAR(service(s, "a").utilization, lambda * 0.030, 0.02 * lambda * 0.030);
    EXPECT_NEAR(service(s, "b").utilization, lambda * 0.020, 0.02 * lambda * 0.020);
}

TEST(GraphSlots, AHangingDependencyWithoutATimeoutDrivesTheCallerToZeroSuccess)
{
    json services = {
        {"a", {{"latency_ms", constant(5)}, {"concurrency", 10}, {"calls", {{{"to", "b"}}}}}},
        {"b", {{"latency_ms", constant(5)}, {"phases", {{{"at_s", 0}, {"state", "hang"}}}}}},
    };
    Simulation sim(load(graphDoc(services, "a", 50, 30)));
    sim.runToEnd();
    const Summary s = sim.summary();
    EXPECT_EQ(s.success, 0u);
    // Ten slots fill with attempts that wait for b forever; everything after queues behind them.
    EXPECT_EQ(service(s, "a").attempts, s.requests);
    EXPECT_EQ(service(s, "b").attempts, 10u);
    EXPECT_EQ(s.inFlight, s.requests);
}

TEST(GraphSlots, APerCallTimeoutBoundsTheSlotsAHangingEdgeHolds)
{
    // a does no work of its own and calls the hanging b through a 50 ms timeout: every a
    // attempt holds its slot exactly 50 ms, so the slots held average lambda x T.
    json services = {
        {"a",
         {{"latency_ms", constant(0)},
          {"calls", {{{"to", "b"}, {"pipeline", {{{"type", "timeout"}, {"timeout_ms", 50}}}}}}}}},
        {"b", {{"latency_ms", constant(5)}, {"phases", {{{"at_s", 0}, {"state", "hang"}}}}}},
    };
    Simulation sim(load(graphDoc(services, "a", 100, 600)));
    sim.runToEnd();
    const Summary s = sim.summary();
    const double lambda = static_cast<double>(s.requests) / 600.0;
    EXPECT_NEAR(service(s, "a").utilization, lambda * 0.050, 0.02 * lambda * 0.050);
    // Every call that ended, ended by the timeout; those of the last 50 ms are still running.
    const EdgeSummary &ab = edge(s, "a->b");
    EXPECT_EQ(ab.failureByCause[static_cast<std::size_t>(Outcome::Timeout)], ab.failure);
    EXPECT_EQ(ab.success + ab.fallback, 0u);
    EXPECT_LE(ab.calls - ab.failure, 20u);
    EXPECT_EQ(s.success, 0u);
}

/// Requests at the given times to `svc` (a version-2 document with a script load).
json scripted(json services, const std::string &target, std::vector<double> atMs,
              double durationS = 20, json pipeline = json::array())
{
    json doc = graphDoc(std::move(services), target, 1, durationS, std::move(pipeline));
    doc["load"] = {{"type", "script"}, {"at_ms", atMs}};
    return doc;
}

std::vector<std::uint64_t> replicaAttempts(const Summary &s, const std::string &name)
{
    std::vector<std::uint64_t> out;
    for (const ReplicaTotals &r : service(s, name).replicas)
        out.push_back(r.attempts);
    return out;
}

TEST(GraphBalancers, RoundRobinTakesTurns)
{
    json services = {{"api", {{"latency_ms", constant(10)}, {"replicas", 3}}}};
    Simulation sim(load(scripted(services, "api", {0, 100, 200, 300, 400, 500, 600})));
    sim.runToEnd();
    EXPECT_EQ(replicaAttempts(sim.summary(), "api"), (std::vector<std::uint64_t>{3, 2, 2}));
}

/// Three replicas; replica 0 takes 1000 ms, the others 10 ms; requests every 100 ms.
json slowFirstReplica(const std::string &balancer, int requests)
{
    std::vector<double> at;
    for (int i = 0; i < requests; ++i)
        at.push_back(100.0 * i);
    json services = {
        {"api",
         {{"latency_ms", constant(10)},
          {"replicas", 3},
          {"load_balancer", balancer},
          {"phases", {{{"at_s", 0}, {"replicas", {0}}, {"latency_ms", constant(1000)}}}}}}};
    return scripted(services, "api", at);
}

TEST(GraphBalancers, LeastOutstandingAvoidsTheBusyReplicaAndBreaksTiesToTheLowestIndex)
{
    // t = 0: all idle, replica 0 (lowest index) takes it and is busy until 1000 ms. From 100 ms
    // on replica 0 has one outstanding and 1 and 2 none: replica 1 (lowest) takes each, and is
    // idle again 10 ms later. At 1000 ms replica 0 is free again (its answer comes first: it
    // was scheduled before the arrival), so it ties with 1 and takes request 10.
    Simulation sim(load(slowFirstReplica("least_outstanding", 11)));
    sim.runToEnd();
    EXPECT_EQ(replicaAttempts(sim.summary(), "api"), (std::vector<std::uint64_t>{2, 9, 0}));
}

TEST(GraphBalancers, RoundRobinIgnoresLoad)
{
    Simulation sim(load(slowFirstReplica("round_robin", 11)));
    sim.runToEnd();
    EXPECT_EQ(replicaAttempts(sim.summary(), "api"), (std::vector<std::uint64_t>{4, 4, 3}));
}

TEST(GraphBalancers, LeastOutstandingSendsEverythingToACrashedReplica)
{
    // Replica 0 refuses every attempt at once, so it never has anything outstanding: with all
    // replicas idle between sparse requests, the tie goes to the lowest index every time, and
    // the retries too (a "black hole" of load-aware balancing without health checks).
    std::vector<double> at;
    for (int i = 0; i < 10; ++i)
        at.push_back(100.0 * i);
    json services = {{"api",
                      {{"latency_ms", constant(10)},
                       {"replicas", 3},
                       {"load_balancer", "least_outstanding"},
                       {"phases", {{{"at_s", 0}, {"replicas", {0}}, {"state", "refuse"}}}}}}};
    json pipeline = {{{"type", "retry"}, {"max_retries", 2}, {"backoff", "fixed"}, {"base_ms", 0}}};
    Simulation sim(load(scripted(services, "api", at, 20, pipeline)));
    sim.runToEnd();
    const Summary s = sim.summary();
    EXPECT_EQ(replicaAttempts(s, "api"), (std::vector<std::uint64_t>{30, 0, 0}));
    EXPECT_EQ(s.success, 0u);
    // Round robin spreads the same retries: every request succeeds on its second try at most.
    services["api"]["load_balancer"] = "round_robin";
    Simulation rr(load(scripted(services, "api", at, 20, pipeline)));
    rr.runToEnd();
    EXPECT_EQ(rr.summary().success, 10u);
}

TEST(GraphBalancers, RandomSpreadsEvenly)
{
    json services = {
        {"api", {{"latency_ms", constant(1)}, {"replicas", 4}, {"load_balancer", "random"}}}};
    Simulation sim(load(graphDoc(services, "api", 1000, 60)));
    sim.runToEnd();
    const Summary s = sim.summary();
    // Binomial(N, 1/4): the standard deviation of a share is sqrt(3/16 / N) ~ 0.0018 at N = 60000.
    for (std::uint64_t a : replicaAttempts(s, "api"))
        EXPECT_NEAR(static_cast<double>(a) / static_cast<double>(s.requests), 0.25, 0.01);
}

TEST(GraphBalancers, PowerOfTwoChoicesNeverPicksTheBusierOfTwo)
{
    // Replica 0 hangs: once it holds one attempt, any pair with it has a less loaded member
    // (the others answer in 1 ms and requests come 10 ms apart), so it gets exactly one.
    std::vector<double> at;
    for (int i = 0; i < 300; ++i)
        at.push_back(10.0 * i);
    json services = {{"api",
                      {{"latency_ms", constant(1)},
                       {"replicas", 3},
                       {"load_balancer", "p2c"},
                       {"phases", {{{"at_s", 0}, {"replicas", {0}}, {"state", "hang"}}}}}}};
    Simulation sim(load(scripted(services, "api", at)));
    sim.runToEnd();
    const auto a = replicaAttempts(sim.summary(), "api");
    EXPECT_EQ(a[0], 1u);
    EXPECT_EQ(a[0] + a[1] + a[2], 300u);
    // The two healthy replicas split the rest about evenly (each pair of them is equally likely
    // to come first): 299 / 2 +- 3 sigma.
    EXPECT_NEAR(static_cast<double>(a[1]), 149.5, 26);
}

TEST(GraphReplicas, RefuseAnswersErrorAtOnceAndHangOnlyEndsWithTheTimeout)
{
    const auto run = [](const std::string &state) {
        json services = {
            {"a",
             {{"latency_ms", constant(5)},
              {"calls",
               {{{"to", "b"}, {"pipeline", {{{"type", "timeout"}, {"timeout_ms", 100}}}}}}}}},
            {"b", {{"latency_ms", constant(20)}, {"phases", {{{"at_s", 0}, {"state", state}}}}}},
        };
        Simulation sim(load(scripted(services, "a", {0})));
        sim.runToEnd();
        return sim.summary();
    };
    const Summary refused = run("refuse");
    // a works 5 ms, calls b, which answers error at once: the request fails at 5 ms.
    EXPECT_EQ(edge(refused, "a->b").failureByCause[static_cast<std::size_t>(Outcome::Error)], 1u);
    EXPECT_DOUBLE_EQ(refused.latencyMax, 5.0);
    EXPECT_EQ(service(refused, "b").refused, 1u);
    const Summary hung = run("hang");
    // b never answers: the call times out at 5 + 100 ms.
    EXPECT_EQ(edge(hung, "a->b").failureByCause[static_cast<std::size_t>(Outcome::Timeout)], 1u);
    EXPECT_DOUBLE_EQ(hung.latencyMax, 105.0);
    EXPECT_EQ(failuresOf(hung), 1u);
}

TEST(GraphReplicas, AReplicaScopedPhaseTouchesOnlyItsReplica)
{
    std::vector<double> at;
    for (int i = 0; i < 30; ++i)
        at.push_back(100.0 * i);
    json services = {{"api",
                      {{"latency_ms", constant(10)},
                       {"replicas", 3},
                       {"phases", {{{"at_s", 0}, {"replicas", {1}}, {"failure_rate", 1}}}}}}};
    Simulation sim(load(scripted(services, "api", at)));
    sim.runToEnd();
    std::array<std::uint64_t, 3> errors{}, oks{};
    for (const ReplicaSeries &r : sim.recorder().replicaSeries()) {
        for (const ReplicaBucket &b : r.buckets) {
            errors[static_cast<std::size_t>(r.replica)] += b.error;
            oks[static_cast<std::size_t>(r.replica)] += b.ok;
        }
    }
    EXPECT_EQ(errors, (std::array<std::uint64_t, 3>{0, 10, 0}));
    EXPECT_EQ(oks, (std::array<std::uint64_t, 3>{10, 0, 10}));
}

TEST(GraphReplicas, AttemptsOnAReplicaThatStartsRefusingEndWithErrorThen)
{
    // The only attempt is in service (1000 ms) when the replica crashes at 300 ms.
    json services = {
        {"api",
         {{"latency_ms", constant(1000)}, {"phases", {{{"at_s", 0.3}, {"state", "refuse"}}}}}}};
    Simulation sim(load(scripted(services, "api", {0})));
    sim.runToEnd();
    const Summary s = sim.summary();
    EXPECT_EQ(failuresOf(s), 1u);
    EXPECT_DOUBLE_EQ(s.latencyMax, 300.0);
    EXPECT_EQ(sim.services().front()->inService(), 0u);
}

TEST(GraphCalls, CancellationTravelsDownTheGraph)
{
    // client --timeout 100 ms, cancel_inner--> a --> b (1000 ms). At 100 ms the timeout cancels
    // a's attempt, which cancels its call to b: b's attempt is cancelled and frees its server.
    json services = {
        {"a", {{"latency_ms", constant(0)}, {"calls", {{{"to", "b"}}}}}},
        {"b", {{"latency_ms", constant(1000)}, {"concurrency", 1}}},
    };
    json pipeline = {{{"type", "timeout"}, {"timeout_ms", 100}, {"cancel_inner", true}}};
    Simulation sim(load(scripted(services, "a", {0}, 20, pipeline)));
    sim.advanceTo(fromMillis(150));
    EXPECT_EQ(sim.services()[1]->inService(), 0u);
    sim.runToEnd();
    const Summary s = sim.summary();
    EXPECT_EQ(service(s, "a").cancelled, 1u);
    EXPECT_EQ(service(s, "b").cancelled, 1u);
    EXPECT_EQ(service(s, "b").served, 0u);
}

TEST(GraphCalls, WithoutCancelInnerAbandonedWorkGoesOnDownstream)
{
    json services = {
        {"a", {{"latency_ms", constant(0)}, {"calls", {{{"to", "b"}}}}}},
        {"b", {{"latency_ms", constant(1000)}}},
    };
    json pipeline = {{{"type", "timeout"}, {"timeout_ms", 100}}};
    Simulation sim(load(scripted(services, "a", {0}, 20, pipeline)));
    sim.advanceTo(fromMillis(500));
    EXPECT_EQ(sim.services()[1]->inService(), 1u); // b still works for nobody
    sim.runToEnd();
    const Summary s = sim.summary();
    EXPECT_EQ(service(s, "b").served, 1u);
    EXPECT_EQ(service(s, "a").ok, 1u); // a's attempt finished at 1000 ms, unheard
    EXPECT_EQ(failuresOf(s), 1u);
}

TEST(GraphCalls, SequentialCallsAddUpAndParallelCallsOverlap)
{
    const auto latency = [](const std::string &mode) {
        json services = {
            {"a",
             {{"latency_ms", constant(10)},
              {"call_mode", mode},
              {"calls", {{{"to", "b"}}, {{"to", "c"}}}}}},
            {"b", {{"latency_ms", constant(30)}}},
            {"c", {{"latency_ms", constant(50)}}},
        };
        Simulation sim(load(scripted(services, "a", {0})));
        sim.runToEnd();
        return sim.summary().latencyMax;
    };
    EXPECT_DOUBLE_EQ(latency("sequential"), 90.0); // 10 + 30 + 50
    EXPECT_DOUBLE_EQ(latency("parallel"), 60.0);   // 10 + max(30, 50)
}

TEST(GraphCalls, AFailedRequiredParallelCallAnswersAtOnceAndTheOthersRunOn)
{
    json services = {
        {"a",
         {{"latency_ms", constant(10)},
          {"call_mode", "parallel"},
          {"calls", {{{"to", "b"}}, {{"to", "c"}}}}}},
        {"b", {{"latency_ms", constant(20)}, {"failure_rate", 1}}},
        {"c", {{"latency_ms", constant(500)}}},
    };
    Simulation sim(load(scripted(services, "a", {0})));
    sim.advanceTo(fromMillis(100));
    EXPECT_EQ(sim.summary().failure, 1u); // at 10 + 20 ms
    EXPECT_DOUBLE_EQ(sim.summary().latencyMax, 30.0);
    EXPECT_EQ(sim.services()[0]->inService(), 0u); // a's slot is free
    EXPECT_EQ(sim.services()[2]->inService(), 1u); // c goes on, abandoned
    sim.runToEnd();
    EXPECT_EQ(service(sim.summary(), "c").served, 1u);
    EXPECT_EQ(sim.summary().inFlight, 0u);
}

TEST(GraphCalls, AFailedOptionalCallLeavesTheAttemptDegraded)
{
    json services = {
        {"a",
         {{"latency_ms", constant(10)},
          {"calls", {{{"to", "b"}, {"required", false}}, {{"to", "c"}}}}}},
        {"b", {{"latency_ms", constant(20)}, {"failure_rate", 1}}},
        {"c", {{"latency_ms", constant(5)}}},
    };
    Simulation sim(load(scripted(services, "a", {0, 100})));
    sim.runToEnd();
    const Summary s = sim.summary();
    EXPECT_EQ(s.success, 2u);
    EXPECT_EQ(service(s, "a").degraded, 2u);
    EXPECT_EQ(service(s, "c").attempts, 2u); // the failed optional call did not stop the next
    EXPECT_DOUBLE_EQ(s.latencyMax, 35.0);
}

TEST(GraphCalls, ProbabilityIsDrawnPerAttempt)
{
    json services = {
        {"a", {{"latency_ms", constant(1)}, {"calls", {{{"to", "b"}, {"probability", 0.3}}}}}},
        {"b", {{"latency_ms", constant(1)}}},
    };
    Simulation sim(load(graphDoc(services, "a", 1000, 30)));
    sim.runToEnd();
    const Summary s = sim.summary();
    // Binomial(30000, 0.3): sd of the share ~ 0.0026.
    EXPECT_NEAR(static_cast<double>(service(s, "b").attempts) / static_cast<double>(s.requests),
                0.3, 0.01);
}

TEST(GraphEdges, EdgeNamesNumberRepeatedCalls)
{
    json services = {
        {"a",
         {{"latency_ms", constant(1)}, {"calls", {{{"to", "b"}}, {{"to", "c"}}, {{"to", "b"}}}}}},
        {"b", {{"latency_ms", constant(1)}}},
        {"c", {{"latency_ms", constant(1)}}},
    };
    const Scenario sc = load(graphDoc(services, "a", 1, 1));
    std::vector<std::string> names;
    for (const EdgeRef &e : scenarioEdges(sc))
        names.push_back(e.name);
    EXPECT_EQ(names, (std::vector<std::string>{"client->a", "a->b", "a->c", "a->b#2"}));
}

TEST(GraphEdges, StagesOnTwoEdgesDrawFromTheirOwnStreams)
{
    // The same jittered retry on two edges to two identical failing services: the delays
    // differ, because each stage's stream is named after its edge.
    json jittered = {{"type", "retry"},
                     {"max_retries", 1},
                     {"backoff", "fixed"},
                     {"base_ms", 100},
                     {"jitter", "full"}};
    json services = {
        {"a",
         {{"latency_ms", constant(0)},
          {"call_mode", "parallel"},
          {"calls",
           {{{"to", "b"}, {"pipeline", {jittered}}}, {{"to", "c"}, {"pipeline", {jittered}}}}}}},
        {"b", {{"latency_ms", constant(0)}, {"failure_rate", 1}}},
        {"c", {{"latency_ms", constant(0)}, {"failure_rate", 1}}},
    };
    Simulation sim(load(scripted(services, "a", {0})));
    sim.runToEnd();
    // Each edge's retry ends its call after its own delay; the two edges' latencies differ.
    const auto &series = sim.recorder().edgeSeries();
    ASSERT_EQ(series.size(), 2u);
    EXPECT_NE(series[0].latency.max(), series[1].latency.max());
    EXPECT_GT(series[0].latency.max(), 0);
    EXPECT_GT(series[1].latency.max(), 0);
}

// ---- validation ---------------------------------------------------------------------------

bool hasError(const ScenarioParse &r, const std::string &path, const std::string &fragment)
{
    for (const ScenarioError &e : r.errors) {
        if (e.path == path && e.message.find(fragment) != std::string::npos)
            return true;
    }
    return false;
}

std::string errorsText(const ScenarioParse &r)
{
    std::string s;
    for (const ScenarioError &e : r.errors)
        s += e.toString() + "\n";
    return s;
}

TEST(GraphValidation, ACallToAnUnknownService)
{
    json services = {{"a", {{"latency_ms", constant(1)}, {"calls", {{{"to", "bb"}}}}}},
                     {"b", {{"latency_ms", constant(1)}}}};
    const ScenarioParse r = parseScenario(graphDoc(services, "a", 1, 1));
    EXPECT_TRUE(hasError(r, "services.a.calls[0].to",
                         "\"bb\" names no service (services are: a, b), did you mean \"b\"?"))
        << errorsText(r);
}

TEST(GraphValidation, ACycleThroughCalls)
{
    json services = {
        {"a", {{"latency_ms", constant(1)}, {"calls", {{{"to", "c"}}, {{"to", "b"}}}}}},
        {"b", {{"latency_ms", constant(1)}, {"calls", {{{"to", "a"}}}}}},
        {"c", {{"latency_ms", constant(1)}}},
    };
    const ScenarioParse r = parseScenario(graphDoc(services, "a", 1, 1));
    EXPECT_TRUE(hasError(r, "services.b.calls[0].to", "cycle a -> b -> a")) << errorsText(r);
}

TEST(GraphValidation, ACycleThroughAFallbackService)
{
    json services = {
        {"a",
         {{"latency_ms", constant(1)},
          {"calls",
           {{{"to", "b"},
             {"pipeline", {{{"type", "fallback"}, {"mode", "service"}, {"service", "c"}}}}}}}}},
        {"b", {{"latency_ms", constant(1)}}},
        {"c", {{"latency_ms", constant(1)}, {"calls", {{{"to", "a"}}}}}},
    };
    const ScenarioParse r = parseScenario(graphDoc(services, "a", 1, 1));
    EXPECT_TRUE(hasError(r, "services.c.calls[0].to", "cycle a -> c -> a")) << errorsText(r);
}

TEST(GraphValidation, ChainsDeeperThan32)
{
    json services = json::object();
    for (int i = 0; i < 34; ++i) {
        json s = {{"latency_ms", constant(1)}};
        if (i + 1 < 34)
            s["calls"] = {{{"to", "s" + std::to_string(i + 1)}}};
        services["s" + std::to_string(i)] = s;
    }
    const ScenarioParse r = parseScenario(graphDoc(services, "s0", 1, 1));
    EXPECT_TRUE(hasError(r, "services.s31.calls[0].to", "calls go 34 services deep (limit 32)"))
        << errorsText(r);
    services.erase("s33");
    services.erase("s32");
    services["s31"].erase("calls");
    EXPECT_TRUE(parseScenario(graphDoc(services, "s0", 1, 1)).ok());
}

TEST(GraphValidation, ReplicasAndPhaseReplicasAndProbability)
{
    json services = {
        {"a", {{"latency_ms", constant(1)}, {"replicas", 0}}},
        {"b", {{"latency_ms", constant(1)}, {"replicas", 1001}}},
        {"c",
         {{"latency_ms", constant(1)},
          {"replicas", 3},
          {"phases", {{{"at_s", 1}, {"replicas", {1, 3}}, {"state", "refuse"}}}},
          {"calls", {{{"to", "a"}, {"probability", 1.5}}}}}},
    };
    const ScenarioParse r = parseScenario(graphDoc(services, "c", 1, 1));
    EXPECT_TRUE(hasError(r, "services.a.replicas", "must be >= 1 (got 0)")) << errorsText(r);
    EXPECT_TRUE(hasError(r, "services.b.replicas", "must be <= 1000 (got 1001)")) << errorsText(r);
    EXPECT_TRUE(hasError(r, "services.c.phases[0].replicas[1]",
                         "replica 3 does not exist (c has 3 replicas: 0 to 2)"))
        << errorsText(r);
    EXPECT_TRUE(hasError(r, "services.c.calls[0].probability", "must be in [0, 1] (got 1.5)"))
        << errorsText(r);
}

TEST(GraphValidation, Version2KeysInAVersion1File)
{
    json services = {{"a",
                      {{"latency_ms", constant(1)},
                       {"replicas", 2},
                       {"phases", {{{"at_s", 1}, {"state", "hang"}}}}}}};
    json doc = graphDoc(services, "a", 1, 1);
    doc["version"] = 1;
    doc["layout"] = {{"a", {0, 0}}};
    const ScenarioParse r = parseScenario(doc);
    EXPECT_TRUE(hasError(r, "services.a.replicas", "\"replicas\" needs scenario version 2"))
        << errorsText(r);
    EXPECT_TRUE(hasError(r, "services.a.phases[0].state", "\"state\" needs scenario version 2"))
        << errorsText(r);
    EXPECT_TRUE(hasError(r, "layout", "\"layout\" needs scenario version 2")) << errorsText(r);
}

TEST(GraphFiles, AGraphRoundTripsAndIsSavedAsVersion2)
{
    json services = {
        {"gw",
         {{"latency_ms", constant(5)},
          {"call_mode", "parallel"},
          {"calls",
           {{{"to", "db"},
             {"probability", 0.5},
             {"required", false},
             {"pipeline", {{{"type", "timeout"}, {"timeout_ms", 100}}}}}}}}},
        {"db",
         {{"latency_ms", constant(1)},
          {"replicas", 2},
          {"load_balancer", "p2c"},
          {"phases", {{{"at_s", 1}, {"replicas", {1}}, {"state", "hang"}}}}}},
    };
    json doc = graphDoc(services, "gw", 1, 1);
    doc["layout"] = {{"gw", {0, 0}}, {"db", {120, -40}}};
    const Scenario a = load(doc);
    const json written = scenarioToJson(a);
    EXPECT_EQ(written["version"], 2);
    const Scenario b = load(written);
    EXPECT_EQ(a, b);
    EXPECT_EQ(b.layout.at("db"), (std::array<double, 2>{120, -40}));
    // Without any version-2 key, the same writer saves version 1.
    json v1 = graphDoc({{"x", {{"latency_ms", constant(1)}}}}, "x", 1, 1);
    EXPECT_EQ(scenarioToJson(load(v1))["version"], 1);
}

} // namespace
} // namespace reslab
