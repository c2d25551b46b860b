#include "reslab/metrics/run_recorder.h"

#include <algorithm>

namespace reslab {

RunRecorder::RunRecorder(SimTime bucket, SimTime duration)
    : m_bucket(std::max<SimTime>(bucket, 1))
    , m_bucketCount(static_cast<std::size_t>((duration + m_bucket - 1) / m_bucket))
{
    if (m_bucketCount == 0)
        m_bucketCount = 1;
    m_rows.reserve(m_bucketCount);
    m_rows.emplace_back();
    m_liveEnd = m_bucket;
    m_currentRow = m_rows.size() - 1;
}

void RunRecorder::closeBucket()
{
    BucketRow &row = m_rows[m_live];
    const SimTime end = row.start + m_bucket;
    static constexpr double kQuantiles[2] = {0.50, 0.99};
    double us[2];
    m_liveLatency.drainInto(m_total, kQuantiles, us, 2); // exact: integer counts and sums
    row.p50Ms = us[0] / 1000.0;
    row.p99Ms = us[1] / 1000.0;
    row.inFlight = gauges.inFlight;
    row.queueLen = gauges.queueLen;
    const double busyUs = busy.take(end);
    const double capacity = gauges.concurrency > 0 ? gauges.concurrency : 1.0;
    row.utilization = busyUs / (capacity * static_cast<double>(m_bucket));
    if (hasBreaker) {
        std::size_t best = 0;
        double bestTime = -1;
        for (std::size_t s = 0; s < 3; ++s) {
            const double t = breakerTime[s].take(end);
            row.breakerTime[s] = static_cast<float>(t / static_cast<double>(m_bucket));
            if (t > bestTime) {
                bestTime = t;
                best = s;
            }
        }
        row.breakerState = static_cast<BreakerState>(best);
    }
    for (std::size_t i = 0; i < m_stages.size(); ++i) {
        StageBucket &b = m_stageLive[i];
        if (m_stages[i].type == "circuit_breaker") {
            for (std::size_t s = 0; s < 3; ++s)
                b.breakerTime[s] = static_cast<float>(m_stageState[i][s].take(end) /
                                                      static_cast<double>(m_bucket));
        }
        m_stages[i].buckets.push_back(b);
        b = StageBucket{};
    }
    for (std::size_t i = 0; i < m_edges.size(); ++i) {
        EdgeBucket &b = m_edgeLive[i];
        EdgeSeries &e = m_edges[i];
        double eu[2];
        e.liveLatency.drainInto(e.latency, kQuantiles, eu, 2);
        b.p50Ms = eu[0] / 1000.0;
        b.p99Ms = eu[1] / 1000.0;
        e.buckets.push_back(b);
        b = EdgeBucket{};
    }
    for (ReplicaSeries &r : m_replicas) {
        double cap = 1;
        if (r.gauges)
            r.gauges->readGauges(r.live.inFlight, r.live.queueLen, cap);
        r.live.utilization =
            r.busy.take(end) / ((cap > 0 ? cap : 1.0) * static_cast<double>(m_bucket));
        r.buckets.push_back(r.live);
        r.live = ReplicaBucket{};
    }
    ++m_live;
    if (m_live < m_bucketCount) {
        m_rows.emplace_back();
        m_rows.back().start = static_cast<SimTime>(m_live) * m_bucket;
        m_liveEnd = m_rows.back().start + m_bucket;
    } else {
        m_liveEnd = std::numeric_limits<SimTime>::max();
    }
    m_currentRow = m_rows.size() - 1;
}

void RunRecorder::rollTo(SimTime now)
{
    while (m_live < m_bucketCount && now >= m_rows[m_live].start + m_bucket)
        closeBucket();
}

void RunRecorder::requestEnd(SimTime now, Outcome outcome, SimTime latency)
{
    BucketRow &row = current(now);
    ++m_outcomes[static_cast<std::size_t>(outcome)];
    if (outcome == Outcome::Ok)
        ++row.success;
    else if (outcome == Outcome::Fallback)
        ++row.fallback;
    else
        ++row.failure;
    if (m_live < m_bucketCount)
        m_liveLatency.record(latency);
    else
        m_total.record(latency);
}

void RunRecorder::retry(SimTime now)
{
    ++current(now).retries;
    ++m_retries;
}

void RunRecorder::rejected(SimTime now)
{
    ++current(now).rejected;
    ++m_rejected;
}

std::size_t RunRecorder::addStage(std::string edge, std::string stage, std::string_view type,
                                  SimTime now)
{
    StageSeries series{.edge = std::move(edge), .stage = std::move(stage), .type = type};
    series.buckets.resize(std::min(m_live, m_bucketCount)); // closed buckets before it: zeros
    m_stages.push_back(std::move(series));
    m_stageLive.emplace_back();
    m_stageState.emplace_back();
    if (type == "circuit_breaker")
        m_stageState.back()[0].set(now, 1);
    // The part of the live bucket before it counts as nothing.
    for (TimeWeighted &t : m_stageState.back())
        t.take(now);
    return m_stages.size() - 1;
}

void RunRecorder::stageTransition(std::size_t series, SimTime now, BreakerState to)
{
    ++stageBucket(series, now).transitions;
    for (std::size_t s = 0; s < 3; ++s)
        m_stageState[series][s].set(now, s == static_cast<std::size_t>(to) ? 1 : 0);
}

void RunRecorder::retireStage(std::size_t series, SimTime now)
{
    for (TimeWeighted &t : m_stageState[series])
        t.set(now, 0);
    m_stages[series].retired = true;
}

const StageSeries *RunRecorder::findStageSeries(std::string_view edge, std::string_view stage) const
{
    const StageSeries *retired = nullptr;
    for (const StageSeries &s : m_stages) {
        if (s.edge != edge || s.stage != stage)
            continue;
        if (!s.retired)
            return &s;
        retired = &s;
    }
    return retired;
}

std::size_t RunRecorder::addEdge(std::string name)
{
    EdgeSeries e;
    e.name = std::move(name);
    e.buckets.resize(std::min(m_live, m_bucketCount));
    m_edges.push_back(std::move(e));
    m_edgeLive.emplace_back();
    return m_edges.size() - 1;
}

void RunRecorder::edgeEnd(std::size_t e, SimTime now, Outcome outcome, SimTime latency)
{
    EdgeBucket &b = edgeBucket(e, now);
    EdgeSeries &s = m_edges[e];
    ++s.outcomes[static_cast<std::size_t>(outcome)];
    if (outcome == Outcome::Ok) {
        ++b.success;
        ++s.success;
    } else if (outcome == Outcome::Fallback) {
        ++b.fallback;
        ++s.fallback;
    } else {
        ++b.failure;
        ++s.failure;
    }
    if (m_live < m_bucketCount)
        s.liveLatency.record(latency);
    else
        s.latency.record(latency);
}

std::size_t RunRecorder::addReplica(std::string service, int replica, const GaugeSource *source)
{
    ReplicaSeries r;
    r.service = std::move(service);
    r.replica = replica;
    r.gauges = source;
    r.buckets.resize(std::min(m_live, m_bucketCount));
    m_replicas.push_back(std::move(r));
    return m_replicas.size() - 1;
}

void RunRecorder::breakerTransition(SimTime now, BreakerState to)
{
    ++current(now).transitions;
    ++m_transitions;
    for (std::size_t s = 0; s < 3; ++s)
        breakerTime[s].set(now, s == static_cast<std::size_t>(to) ? 1 : 0);
}

} // namespace reslab
