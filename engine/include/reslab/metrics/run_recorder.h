#pragma once

#include "reslab/metrics/event_log.h"
#include "reslab/metrics/latency_histogram.h"
#include "reslab/metrics/metrics.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace reslab {

/// Aggregates a run into fixed time buckets and whole-run totals as things happen. Memory is
/// O(buckets), never O(requests): one live histogram for the current bucket, one for the run.
class RunRecorder
{
public:
    RunRecorder(SimTime bucket, SimTime duration);

    /// Closes every bucket that ends at or before `now` (called before anything is recorded and
    /// by the bucket-boundary events, so snapshots are taken at the boundary).
    void rollTo(SimTime now);

    void arrival(SimTime now)
    {
        ++current(now).arrivals;
        ++m_arrivals;
    }
    void requestEnd(SimTime now, Outcome outcome, SimTime latency);
    void attempt(SimTime now) ///< at the target service
    {
        ++current(now).attempts;
        ++m_attempts;
    }
    void retry(SimTime now);
    void rejected(SimTime now);
    /// A transition of the primary breaker (the client edge's first): the BucketRow columns.
    void breakerTransition(SimTime now, BreakerState to);

    /// Opens the series of one stage of one edge; returns its index. Breakers start closed.
    std::size_t addStage(std::string edge, std::string stage, std::string_view type, SimTime now);
    /// The series' row for the bucket that counts at `now`.
    StageBucket &stageBucket(std::size_t series, SimTime now)
    {
        current(now);
        return m_stageLive[series];
    }
    /// A breaker's state change, for its own series (every breaker, primary or not).
    void stageTransition(std::size_t series, SimTime now, BreakerState to);
    /// The stage left the pipeline (a shape edit): its series stops.
    void retireStage(std::size_t series, SimTime now);
    /// Every stage's series, in the order the stages were built (edge by edge, outermost first).
    const std::vector<StageSeries> &stageSeries() const { return m_stages; }
    /// The series of (edge, stage), or nullptr. A retired series is found only when no live one
    /// has that key.
    const StageSeries *findStageSeries(std::string_view edge, std::string_view stage) const;

    /// Opens the series of one edge that a service calls through (version 2); returns its index.
    std::size_t addEdge(std::string name);
    EdgeSeries &edge(std::size_t e) { return m_edges[e]; }
    const std::vector<EdgeSeries> &edgeSeries() const { return m_edges; }
    /// The edge's row for the bucket that counts at `now`.
    EdgeBucket &edgeBucket(std::size_t e, SimTime now)
    {
        current(now);
        return m_edgeLive[e];
    }
    void edgeCall(std::size_t e, SimTime now)
    {
        ++edgeBucket(e, now).calls;
        ++m_edges[e].calls;
    }
    void edgeEnd(std::size_t e, SimTime now, Outcome outcome, SimTime latency);
    void edgeAttempt(std::size_t e, SimTime now)
    {
        ++edgeBucket(e, now).attempts;
        ++m_edges[e].attempts;
    }
    void edgeRetry(std::size_t e, SimTime now)
    {
        ++edgeBucket(e, now).retries;
        ++m_edges[e].retries;
    }
    void edgeRejected(std::size_t e, SimTime now)
    {
        ++edgeBucket(e, now).rejected;
        ++m_edges[e].rejected;
    }

    /// Opens the series of one replica of a service; returns its index.
    std::size_t addReplica(std::string service, int replica, const GaugeSource *source);
    /// The replica's row for the bucket that counts at `now`.
    ReplicaBucket &replicaBucket(std::size_t r, SimTime now)
    {
        current(now);
        return m_replicas[r].live;
    }
    void replicaBusy(std::size_t r, SimTime now, std::int64_t delta)
    {
        current(now);
        m_replicas[r].busy.add(now, delta);
    }
    const std::vector<ReplicaSeries> &replicaSeries() const { return m_replicas; }

    /// Gauges read when a bucket closes (set by the simulation).
    struct Gauges
    {
        std::uint32_t inFlight = 0;
        std::uint32_t queueLen = 0;
        double concurrency = 0; ///< 0: unlimited
    };
    Gauges gauges;
    TimeWeighted busy;                       ///< target service: attempts in service
    std::array<TimeWeighted, 3> breakerTime; ///< indicator of each breaker state
    bool hasBreaker = false;

    const std::vector<BucketRow> &rows() const { return m_rows; }
    std::size_t bucketCount() const { return m_bucketCount; }
    /// Buckets closed so far (every series has this many rows).
    std::size_t closedCount() const { return std::min(m_live, m_bucketCount); }
    SimTime bucket() const { return m_bucket; }
    /// Latency of every request ended so far. A request is recorded once, in the live bucket's
    /// histogram, which is merged into the run's when the bucket closes; this merges the live
    /// one into a copy.
    LatencyHistogram latency() const
    {
        LatencyHistogram h = m_total;
        h.merge(m_liveLatency);
        return h;
    }
    std::uint64_t arrivals() const { return m_arrivals; }
    std::uint64_t attempts() const { return m_attempts; }
    std::uint64_t retries() const { return m_retries; }
    std::uint64_t rejectedCount() const { return m_rejected; }
    std::uint64_t transitions() const { return m_transitions; }
    const std::array<std::uint64_t, kOutcomeCount> &outcomes() const { return m_outcomes; }

private:
    /// The row that counts at `now`: closes finished buckets first (only once `now` reaches the
    /// live bucket's end, so the usual call is one compare).
    BucketRow &current(SimTime now)
    {
        if (now >= m_liveEnd)
            rollTo(now);
        // Past the last bucket (the drain after the run's end), keep counting into the last one.
        return m_rows[m_currentRow];
    }
    void closeBucket();

    SimTime m_bucket;
    std::size_t m_bucketCount;
    std::vector<BucketRow> m_rows;  ///< closed buckets, then the live one last
    std::size_t m_live = 0;         ///< index of the live bucket
    SimTime m_liveEnd = 0;          ///< end of the live bucket; max() once all are closed
    std::size_t m_currentRow = 0;   ///< min(m_live, m_rows.size() - 1): where counts go
    LatencyHistogram m_liveLatency; ///< requests ended in the live bucket
    LatencyHistogram m_total;       ///< closed buckets, and ends after the last bucket
    std::uint64_t m_arrivals = 0, m_attempts = 0, m_retries = 0, m_rejected = 0, m_transitions = 0;
    std::array<std::uint64_t, kOutcomeCount> m_outcomes{};
    std::vector<StageSeries> m_stages;
    std::vector<StageBucket> m_stageLive;                  ///< each series' live bucket
    std::vector<std::array<TimeWeighted, 3>> m_stageState; ///< each breaker's state indicators
    std::vector<EdgeSeries> m_edges;
    std::vector<EdgeBucket> m_edgeLive;
    std::vector<ReplicaSeries> m_replicas;
};

} // namespace reslab
