#pragma once

#include "reslab/kernel/time.h"
#include "reslab/metrics/event_log.h"
#include "reslab/metrics/latency_histogram.h"
#include "reslab/model/outcome.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace reslab {

/// A whole-number quantity that changes at instants and is integrated over time (attempts in
/// service, a breaker-state indicator): take() is value x µs since the last take. Integer
/// arithmetic: exact, and cheaper on the hot path than a floating-point running sum (the
/// integral of a bucket, at most ~10^13, is exact in the double that take() returns).
class TimeWeighted
{
public:
    void set(SimTime now, std::int64_t value)
    {
        m_integral += m_value * (now - m_last);
        m_last = now;
        m_value = value;
    }
    void add(SimTime now, std::int64_t delta) { set(now, m_value + delta); }
    std::int64_t value() const { return m_value; }
    /// The integral (value x µs) since the previous take, up to `now`; restarts it.
    double take(SimTime now)
    {
        set(now, m_value);
        const std::int64_t v = m_integral;
        m_integral = 0;
        return static_cast<double>(v);
    }

private:
    std::int64_t m_value = 0;
    std::int64_t m_integral = 0;
    SimTime m_last = 0;
};

/// One row of timeseries.csv: what happened in [start, start + bucket).
struct BucketRow
{
    SimTime start = 0;
    std::uint32_t arrivals = 0;
    std::uint32_t success = 0;
    std::uint32_t fallback = 0;
    std::uint32_t failure = 0;
    std::uint32_t attempts = 0; ///< attempts at the target service
    std::uint32_t retries = 0;
    std::uint32_t rejected = 0; ///< refused by a stage without reaching the service
    std::uint32_t transitions = 0;
    double p50Ms = 0; ///< latency of requests that ended in this bucket
    double p99Ms = 0;
    BreakerState breakerState = BreakerState::Closed; ///< where the breaker spent most of it
    std::array<float, 3> breakerTime{}; ///< fraction of the bucket closed / open / half-open
    std::uint32_t inFlight = 0;         ///< at the bucket's end
    std::uint32_t queueLen = 0;         ///< target service queue at the bucket's end
    double utilization = 0;             ///< target service: busy servers / concurrency (mean)
};

/// What one stage did in one bucket. Each stage of each edge has its own row per bucket (a
/// StageSeries), so two breakers, or a breaker on each of two edges, are told apart.
struct StageBucket
{
    std::array<float, 3>
        breakerTime{};             ///< breakers: fraction of the bucket closed / open / half-open
    std::uint32_t transitions = 0; ///< breakers: state changes
    std::uint32_t rejected = 0;    ///< calls this stage refused (an open breaker)
    std::uint32_t retries = 0;     ///< retries: attempts started again
    std::uint32_t timeouts = 0;    ///< timeouts: calls cut off
    std::uint32_t fallbacks = 0;   ///< fallbacks: degraded answers given
    std::uint32_t fallbackFailed = 0; ///< fallbacks: nothing to give (stale cache, failed service)
    std::uint32_t waited = 0;         ///< bulkheads, rate limiters: calls that had to wait to go on
    std::uint32_t hedges = 0;         ///< hedging: hedged attempts started
};

/// One stage's metrics over the run, keyed by (edge, stage): one StageBucket per closed bucket,
/// aligned with the run's BucketRows (a stage added by an edit mid-run has zero rows before it).
struct StageSeries
{
    std::string edge;      ///< "client->api"
    std::string stage;     ///< the stage's name on that edge
    std::string_view type; ///< the stage type key ("circuit_breaker")
    std::vector<StageBucket> buckets;
    bool retired = false; ///< replaced by an edit of the pipeline's shape
};

/// What one edge (a caller's calls through a pipeline to a callee) did in one bucket: a row of
/// edges.csv. The client edge's rows are the run's BucketRows; these are for the calls services
/// make (version 2).
struct EdgeBucket
{
    std::uint32_t calls = 0;    ///< calls started
    std::uint32_t success = 0;  ///< calls ended: ok
    std::uint32_t fallback = 0; ///< calls ended: fallback
    std::uint32_t failure = 0;  ///< calls ended: any failure
    std::uint32_t rejected = 0; ///< refused by a stage of the edge without reaching the callee
    std::uint32_t attempts = 0; ///< attempts that reached the callee through the edge
    std::uint32_t retries = 0;
    double p50Ms = 0; ///< latency of calls that ended in this bucket
    double p99Ms = 0;
};

/// One edge's metrics over the run (a service's call, version 2).
struct EdgeSeries
{
    std::string name; ///< "gateway->reviews"
    std::vector<EdgeBucket> buckets;
    std::uint64_t calls = 0, success = 0, fallback = 0, failure = 0, attempts = 0, retries = 0,
                  rejected = 0;
    std::array<std::uint64_t, kOutcomeCount> outcomes{};
    LatencyHistogram liveLatency; ///< calls ended in the live bucket
    LatencyHistogram latency;     ///< calls ended in closed buckets (and after the last)
};

/// What one replica of a service did in one bucket: a row of services.csv.
struct ReplicaBucket
{
    std::uint32_t attempts = 0; ///< attempts that reached it (refused ones included)
    std::uint32_t ok = 0;       ///< answered ok (degraded included)
    std::uint32_t error = 0;    ///< answered error (refused, failed calls included)
    std::uint32_t overloaded = 0;
    std::uint32_t inFlight = 0; ///< at the bucket's end: attempts holding a slot
    std::uint32_t queueLen = 0; ///< at the bucket's end
    double utilization = 0;     ///< mean slots held / concurrency (1 when unlimited)
};

/// Reads a replica's gauges when a bucket closes.
class GaugeSource
{
public:
    virtual void readGauges(std::uint32_t &inFlight, std::uint32_t &queueLen,
                            double &capacity) const = 0;

protected:
    ~GaugeSource() = default;
};

/// One replica's metrics over the run.
struct ReplicaSeries
{
    std::string service;
    int replica = 0;
    std::vector<ReplicaBucket> buckets;
    ReplicaBucket live;
    TimeWeighted busy; ///< slots held
    const GaugeSource *gauges = nullptr;
};

/// Per-replica totals for summary.json (version 2).
struct ReplicaTotals
{
    std::uint64_t attempts = 0;
    double utilization = 0;
    std::uint32_t maxQueue = 0;
};

/// Per-service totals for summary.json.
struct ServiceTotals
{
    std::string name;
    std::uint64_t attempts = 0;
    std::uint64_t served = 0;
    std::uint64_t errors = 0;
    std::uint64_t overloaded = 0;
    std::uint64_t cancelled = 0;
    double utilization = 0;
    std::uint32_t maxQueue = 0;
    bool isTarget = false;
    // version 2
    std::uint64_t ok = 0;          ///< answered ok, degraded included
    std::uint64_t refused = 0;     ///< answered error at once by a refusing replica
    std::uint64_t failedCalls = 0; ///< answered error because a required call failed
    std::uint64_t degraded = 0;    ///< answered ok after an optional call failed or fell back
    std::vector<ReplicaTotals> replicas;
};

/// One breaker of an edge, for summary.json's `edges` (version 2).
struct EdgeBreakerSummary
{
    std::string stage;
    std::uint64_t transitions = 0;
    std::uint64_t rejected = 0;
    std::array<double, 3> timeInStateS{};
};

/// One edge, for summary.json's `edges` (version 2).
struct EdgeSummary
{
    std::string name;
    std::uint64_t calls = 0, success = 0, fallback = 0, failure = 0, attempts = 0, retries = 0,
                  rejected = 0;
    std::array<std::uint64_t, kOutcomeCount> failureByCause{};
    double amplification = 0; ///< attempts / calls
    double latencyP50 = 0, latencyP99 = 0;
    std::vector<EdgeBreakerSummary> breakers;
};

/// Everything summary.json says about a run.
struct Summary
{
    std::string scenario;
    std::uint64_t seed = 0;
    double durationS = 0;
    std::uint64_t requests = 0;
    std::uint64_t success = 0;
    std::uint64_t fallback = 0;
    std::array<std::uint64_t, kOutcomeCount> failureByCause{}; ///< indexed by Outcome
    std::uint64_t failure = 0;
    std::uint64_t inFlight = 0; ///< requests still running when the run ended
    std::uint64_t attempts = 0;
    std::uint64_t retries = 0;
    std::uint64_t retryBudgetDenied = 0;
    double amplification = 0;
    double latencyMean = 0, latencyP50 = 0, latencyP90 = 0, latencyP99 = 0, latencyP999 = 0,
           latencyMax = 0; ///< ms
    bool hasBreaker = false;
    std::uint64_t breakerTransitions = 0;
    std::uint64_t breakerRejected = 0;
    std::array<double, 3> timeInStateS{}; ///< closed, open, half_open
    std::uint64_t fallbackStatic = 0, fallbackCache = 0, fallbackService = 0, fallbackMisses = 0;
    // Version-2 stage types, every such stage of the client edge (summary.json writes each group
    // only for a scenario that has a stage of its type).
    bool hasBulkhead = false;
    std::uint64_t bulkheadRejected = 0, bulkheadWaited = 0;
    bool hasRateLimiter = false;
    std::uint64_t rateLimiterRejected = 0, rateLimiterWaited = 0;
    bool hasHedging = false;
    std::uint64_t hedges = 0;
    std::vector<ServiceTotals> services;
    /// Version 2: every edge, the client's first (summary.json `edges`); empty for version 1.
    std::vector<EdgeSummary> edges;
    bool graph = false; ///< a version-2 scenario: `edges` and the richer `service` entries
    std::uint64_t eventsProcessed = 0;
    double wallMs = 0;

    double rate(std::uint64_t n) const { return requests ? static_cast<double>(n) / requests : 0; }
};

} // namespace reslab
