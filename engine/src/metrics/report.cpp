#include "reslab/metrics/report.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace reslab {
namespace {

double round3(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

} // namespace

std::string formatFraction(double v)
{
    if (!std::isfinite(v))
        return "0";
    char buf[64];
    int n = std::snprintf(buf, sizeof buf, "%.4f", v);
    while (n > 0 && buf[n - 1] == '0')
        --n;
    if (n > 0 && buf[n - 1] == '.')
        --n;
    if (n == 2 && buf[0] == '-' && buf[1] == '0')
        return "0";
    return std::string(buf, static_cast<std::size_t>(n));
}

nlohmann::json summaryToJson(const Summary &s)
{
    using nlohmann::json;
    json failure = json::object();
    for (int i = 0; i < kOutcomeCount; ++i) {
        const auto o = static_cast<Outcome>(i);
        if (isFailure(o))
            failure[std::string(outcomeName(o))] = s.failureByCause[static_cast<std::size_t>(i)];
    }
    const auto ratio = [](double v) {
        return std::round(v * 1e4) / 1e4;
    };
    json services = json::object();
    for (const ServiceTotals &t : s.services) {
        services[t.name] = {
            {"attempts", t.attempts},     {"utilization", ratio(t.utilization)},
            {"max_queue", t.maxQueue},    {"errors", t.errors},
            {"overloaded", t.overloaded}, {"cancelled", t.cancelled},
        };
        if (s.graph) {
            json &j = services[t.name];
            j["ok"] = t.ok;
            j["error"] = t.errors + t.refused;
            j["degraded"] = t.degraded;
            j["refused"] = t.refused;
            json replicas = json::array();
            for (const ReplicaTotals &r : t.replicas)
                replicas.push_back({{"attempts", r.attempts},
                                    {"utilization", ratio(r.utilization)},
                                    {"max_queue", r.maxQueue}});
            j["replicas"] = std::move(replicas);
        }
    }
    json j = {
        {"scenario", s.scenario},
        {"seed", s.seed},
        {"duration_s", round3(s.durationS)},
        {"requests", s.requests},
        {"success", s.success},
        {"fallback", s.fallback},
        {"failure", failure},
        {"failed_total", s.failure},
        {"in_flight", s.inFlight},
        {"attempts", s.attempts},
        {"retries", s.retries},
        {"retry_budget_denied", s.retryBudgetDenied},
        {"amplification", std::round(s.amplification * 1e4) / 1e4},
        {"latency_ms",
         {{"mean", round3(s.latencyMean)},
          {"p50", round3(s.latencyP50)},
          {"p90", round3(s.latencyP90)},
          {"p99", round3(s.latencyP99)},
          {"p999", round3(s.latencyP999)},
          {"max", round3(s.latencyMax)}}},
        {"breaker",
         {{"transitions", s.breakerTransitions},
          {"rejected", s.breakerRejected},
          {"time_in_state_s",
           {{"closed", round3(s.timeInStateS[0])},
            {"open", round3(s.timeInStateS[1])},
            {"half_open", round3(s.timeInStateS[2])}}}}},
        {"fallbacks",
         {{"static", s.fallbackStatic},
          {"cache", s.fallbackCache},
          {"service", s.fallbackService},
          {"misses", s.fallbackMisses}}},
        {"service", services},
        {"events_processed", s.eventsProcessed},
        {"wall_ms", round3(s.wallMs)},
    };
    if (s.graph) {
        json edges = json::object();
        for (const EdgeSummary &e : s.edges) {
            json cause = json::object();
            for (int i = 0; i < kOutcomeCount; ++i) {
                const auto o = static_cast<Outcome>(i);
                if (isFailure(o))
                    cause[std::string(outcomeName(o))] =
                        e.failureByCause[static_cast<std::size_t>(i)];
            }
            json breakers = json::object();
            for (const EdgeBreakerSummary &b : e.breakers)
                breakers[b.stage] = {{"transitions", b.transitions},
                                     {"rejected", b.rejected},
                                     {"time_in_state_s",
                                      {{"closed", round3(b.timeInStateS[0])},
                                       {"open", round3(b.timeInStateS[1])},
                                       {"half_open", round3(b.timeInStateS[2])}}}};
            edges[e.name] = {
                {"calls", e.calls},
                {"success", e.success},
                {"fallback", e.fallback},
                {"failure", std::move(cause)},
                {"attempts", e.attempts},
                {"retries", e.retries},
                {"amplification", ratio(e.amplification)},
                {"rejected", e.rejected},
                {"latency_ms", {{"p50", round3(e.latencyP50)}, {"p99", round3(e.latencyP99)}}},
                {"breakers", std::move(breakers)}};
        }
        j["edges"] = std::move(edges);
        // The version-2 stage types' counts, only where the scenario has such a stage (so no
        // existing scenario's summary gains a key).
        if (s.hasBulkhead)
            j["bulkhead"] = {{"rejected", s.bulkheadRejected}, {"waited", s.bulkheadWaited}};
        if (s.hasRateLimiter)
            j["rate_limiter"] = {{"rejected", s.rateLimiterRejected},
                                 {"waited", s.rateLimiterWaited}};
        if (s.hasHedging)
            j["hedging"] = {{"hedges", s.hedges}};
    }
    return j;
}

void writeTimeseriesCsv(std::ostream &out, const RunRecorder &recorder)
{
    out << "t_s,arrivals,success,fallback,failure,attempts,retries,rejected,p50_ms,p99_ms,"
           "breaker_state,in_flight,queue_len,utilization\n";
    const auto &rows = recorder.rows();
    const std::size_t closed = std::min(rows.size(), recorder.bucketCount());
    std::string line;
    for (std::size_t i = 0; i < closed; ++i) {
        const BucketRow &r = rows[i];
        if (i + 1 == rows.size() && rows.size() < recorder.bucketCount())
            break; // the live bucket is not finished yet
        line.clear();
        line += formatSeconds(r.start);
        for (std::uint32_t v :
             {r.arrivals, r.success, r.fallback, r.failure, r.attempts, r.retries, r.rejected}) {
            line += ',';
            line += std::to_string(v);
        }
        line += ',';
        line += formatDecimal3(r.p50Ms);
        line += ',';
        line += formatDecimal3(r.p99Ms);
        line += ',';
        if (recorder.hasBreaker)
            line += breakerStateName(r.breakerState);
        line += ',';
        line += std::to_string(r.inFlight);
        line += ',';
        line += std::to_string(r.queueLen);
        line += ',';
        line += formatFraction(r.utilization);
        line += '\n';
        out << line;
    }
}

std::string formatSummaryText(const Summary &s)
{
    auto pct = [&](std::uint64_t n) {
        char b[32];
        std::snprintf(b, sizeof b, "%6.2f %%", s.requests ? 100.0 * n / s.requests : 0.0);
        return std::string(b);
    };
    std::string out;
    char line[256];
    std::snprintf(line, sizeof line, "scenario     %s (seed %llu, %g s simulated)\n",
                  s.scenario.c_str(), static_cast<unsigned long long>(s.seed), s.durationS);
    out += line;
    std::snprintf(line, sizeof line, "requests     %llu (%llu still in flight at the end)\n",
                  static_cast<unsigned long long>(s.requests),
                  static_cast<unsigned long long>(s.inFlight));
    out += line;
    std::snprintf(line, sizeof line, "success      %-10llu %s\n",
                  static_cast<unsigned long long>(s.success), pct(s.success).c_str());
    out += line;
    std::snprintf(line, sizeof line, "fallback     %-10llu %s\n",
                  static_cast<unsigned long long>(s.fallback), pct(s.fallback).c_str());
    out += line;
    std::snprintf(line, sizeof line, "failure      %-10llu %s\n",
                  static_cast<unsigned long long>(s.failure), pct(s.failure).c_str());
    out += line;
    for (int i = 0; i < kOutcomeCount; ++i) {
        const auto o = static_cast<Outcome>(i);
        const std::uint64_t n = s.failureByCause[static_cast<std::size_t>(i)];
        if (isFailure(o) && n > 0) {
            std::snprintf(line, sizeof line, "  %-15s %-10llu %s\n",
                          std::string(outcomeName(o)).c_str(), static_cast<unsigned long long>(n),
                          pct(n).c_str());
            out += line;
        }
    }
    std::snprintf(line, sizeof line, "attempts     %llu (retries %llu, amplification %.3f)\n",
                  static_cast<unsigned long long>(s.attempts),
                  static_cast<unsigned long long>(s.retries), s.amplification);
    out += line;
    std::snprintf(line, sizeof line,
                  "latency ms   mean %.3f  p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f\n",
                  s.latencyMean, s.latencyP50, s.latencyP90, s.latencyP99, s.latencyP999,
                  s.latencyMax);
    out += line;
    if (s.hasBreaker) {
        std::snprintf(line, sizeof line,
                      "breaker      %llu transitions, %llu rejected; closed %.1f s, open %.1f s, "
                      "half_open %.1f s\n",
                      static_cast<unsigned long long>(s.breakerTransitions),
                      static_cast<unsigned long long>(s.breakerRejected), s.timeInStateS[0],
                      s.timeInStateS[1], s.timeInStateS[2]);
        out += line;
    }
    if (s.hasBulkhead) {
        std::snprintf(line, sizeof line, "bulkhead     %llu rejected, %llu waited for a permit\n",
                      static_cast<unsigned long long>(s.bulkheadRejected),
                      static_cast<unsigned long long>(s.bulkheadWaited));
        out += line;
    }
    if (s.hasRateLimiter) {
        std::snprintf(line, sizeof line, "rate limiter %llu rejected, %llu waited for a permit\n",
                      static_cast<unsigned long long>(s.rateLimiterRejected),
                      static_cast<unsigned long long>(s.rateLimiterWaited));
        out += line;
    }
    if (s.hasHedging) {
        std::snprintf(line, sizeof line, "hedging      %llu hedged attempts\n",
                      static_cast<unsigned long long>(s.hedges));
        out += line;
    }
    for (const ServiceTotals &t : s.services) {
        std::snprintf(
            line, sizeof line, "service      %-12s attempts %llu, utilization %.3f, max queue %u\n",
            t.name.c_str(), static_cast<unsigned long long>(t.attempts), t.utilization, t.maxQueue);
        out += line;
    }
    for (const EdgeSummary &e : s.edges) {
        std::snprintf(line, sizeof line,
                      "edge         %-24s calls %llu, failed %llu, attempts %llu (x%.3f)\n",
                      e.name.c_str(), static_cast<unsigned long long>(e.calls),
                      static_cast<unsigned long long>(e.failure),
                      static_cast<unsigned long long>(e.attempts), e.amplification);
        out += line;
    }
    std::snprintf(line, sizeof line, "engine       %llu events in %.1f ms\n",
                  static_cast<unsigned long long>(s.eventsProcessed), s.wallMs);
    out += line;
    return out;
}

} // namespace reslab
