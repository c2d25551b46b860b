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

} // namespace reslab
