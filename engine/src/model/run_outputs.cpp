#include "reslab/model/run_outputs.h"

#include "reslab/metrics/report.h"
#include "reslab/model/simulation.h"

#include <string>

namespace reslab {
namespace {

void appendCounts(std::string &line, std::initializer_list<std::uint32_t> values)
{
    for (std::uint32_t v : values) {
        line += ',';
        line += std::to_string(v);
    }
}

/// The state a breaker's series spent most of bucket `i` in.
std::string_view dominantState(const StageBucket &b)
{
    std::size_t best = 0;
    for (std::size_t s = 1; s < 3; ++s) {
        if (b.breakerTime[s] > b.breakerTime[best])
            best = s;
    }
    return breakerStateName(static_cast<BreakerState>(best));
}

} // namespace

void writeEdgesCsv(std::ostream &out, const Simulation &sim)
{
    out << "t_s,edge,calls,success,fallback,failure,rejected,attempts,retries,p50_ms,p99_ms,"
           "breaker_state\n";
    const RunRecorder &rec = sim.recorder();
    const std::size_t closed = rec.closedCount();
    std::string line;
    for (std::size_t i = 0; i < closed; ++i) {
        const BucketRow &row = rec.rows()[i];
        for (const EdgeRun &edge : sim.edges()) {
            line.clear();
            line += formatSeconds(row.start);
            line += ',';
            line += edge.name;
            double p50 = 0, p99 = 0;
            if (edge.series == Stage::kClientEdge) {
                appendCounts(line, {row.arrivals, row.success, row.fallback, row.failure,
                                    row.rejected, row.attempts, row.retries});
                p50 = row.p50Ms;
                p99 = row.p99Ms;
            } else {
                const EdgeBucket &b = rec.edgeSeries()[edge.series].buckets[i];
                appendCounts(line, {b.calls, b.success, b.fallback, b.failure, b.rejected,
                                    b.attempts, b.retries});
                p50 = b.p50Ms;
                p99 = b.p99Ms;
            }
            line += ',';
            line += formatDecimal3(p50);
            line += ',';
            line += formatDecimal3(p99);
            line += ',';
            if (!edge.breakers.empty()) {
                const StageSeries &bs = rec.stageSeries()[edge.breakers.front()->series()];
                if (i < bs.buckets.size())
                    line += dominantState(bs.buckets[i]);
            }
            line += '\n';
            out << line;
        }
    }
}

void writeServicesCsv(std::ostream &out, const Simulation &sim)
{
    out << "t_s,service,replica,attempts,ok,error,overloaded,in_flight,queue_len,utilization\n";
    const RunRecorder &rec = sim.recorder();
    const std::size_t closed = rec.closedCount();
    std::string line;
    for (std::size_t i = 0; i < closed; ++i) {
        const SimTime start = rec.rows()[i].start;
        for (const ReplicaSeries &r : rec.replicaSeries()) {
            const ReplicaBucket &b = r.buckets[i];
            line.clear();
            line += formatSeconds(start);
            line += ',';
            line += r.service;
            line += ',';
            line += std::to_string(r.replica);
            appendCounts(line, {b.attempts, b.ok, b.error, b.overloaded, b.inFlight, b.queueLen});
            line += ',';
            line += formatFraction(b.utilization);
            line += '\n';
            out << line;
        }
    }
}

std::vector<EdgeLive> edgesLive(const Simulation &sim)
{
    const RunRecorder &rec = sim.recorder();
    const std::size_t closed = rec.closedCount();
    const double bucketS = toSeconds(rec.bucket());
    std::vector<EdgeLive> out;
    for (const EdgeRun &edge : sim.edges()) {
        EdgeLive e;
        e.name = edge.name;
        e.caller = edge.caller;
        e.callee = edge.callee;
        if (closed > 0) {
            std::uint32_t calls = 0, failed = 0, ended = 0;
            if (edge.series == Stage::kClientEdge) {
                const BucketRow &r = rec.rows()[closed - 1];
                calls = r.arrivals;
                failed = r.failure;
                ended = r.success + r.fallback + r.failure;
            } else {
                const EdgeBucket &b = rec.edgeSeries()[edge.series].buckets[closed - 1];
                calls = b.calls;
                failed = b.failure;
                ended = b.success + b.fallback + b.failure;
            }
            e.calls = calls;
            e.callsPerS = bucketS > 0 ? calls / bucketS : 0;
            e.failureShare = ended ? static_cast<double>(failed) / ended : 0;
        }
        if (!edge.breakers.empty()) {
            e.hasBreaker = true;
            e.breaker = edge.breakers.front()->state();
        }
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<ReplicaLive> replicasLive(const Simulation &sim, const std::string &name)
{
    std::vector<ReplicaLive> out;
    const RunRecorder &rec = sim.recorder();
    const std::size_t closed = rec.closedCount();
    for (const auto &svc : sim.services()) {
        if (svc->serviceName() != name)
            continue;
        for (std::size_t i = 0; i < svc->replicaCount(); ++i) {
            const VirtualService::Replica &r = svc->replica(i);
            ReplicaLive l;
            l.inService = r.inService();
            l.queued = r.queueLength();
            l.concurrency = r.concurrency();
            l.state = r.state();
            for (const ReplicaSeries &series : rec.replicaSeries()) {
                if (series.service == name && series.replica == static_cast<int>(i) && closed > 0)
                    l.utilization = series.buckets[closed - 1].utilization;
            }
            out.push_back(l);
        }
    }
    return out;
}

} // namespace reslab
