#pragma once

// The per-edge and per-service output files of a run (docs/cli.md): edges.csv and services.csv.
// Both have one row per closed bucket and edge (or replica), bucket by bucket.

#include "reslab/metrics/event_log.h"
#include "reslab/model/scenario.h"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace reslab {

class Simulation;

/// One edge as the topology view badges it: the last closed bucket's rate and failure share,
/// and its outermost breaker's state now.
struct EdgeLive
{
    std::string name, caller, callee;
    double callsPerS = 0;    ///< calls started in the last closed bucket, per second
    double failureShare = 0; ///< failed / ended calls in that bucket (0 when none ended)
    std::uint32_t calls = 0; ///< calls started in that bucket
    bool hasBreaker = false;
    BreakerState breaker = BreakerState::Closed;
};
/// Every edge of the run, in Simulation::edges() order.
std::vector<EdgeLive> edgesLive(const Simulation &sim);

/// One replica now: its slots and queue, its state, and its last closed bucket's utilisation.
struct ReplicaLive
{
    std::uint32_t inService = 0;
    std::uint32_t queued = 0;
    int concurrency = 0; ///< 0: unlimited
    double utilization = 0;
    ReplicaState state = ReplicaState::Up;
};
/// The replicas of service `name` (empty if there is none).
std::vector<ReplicaLive> replicasLive(const Simulation &sim, const std::string &name);

/// edges.csv: `t_s,edge,calls,success,fallback,failure,rejected,attempts,retries,p50_ms,p99_ms,
/// breaker_state`. The client edge's rows repeat timeseries.csv's numbers (`calls` are its
/// arrivals); `breaker_state` is that of the edge's outermost breaker, empty without one.
void writeEdgesCsv(std::ostream &out, const Simulation &sim);

/// services.csv: `t_s,service,replica,attempts,ok,error,overloaded,in_flight,queue_len,
/// utilization`, one row per replica.
void writeServicesCsv(std::ostream &out, const Simulation &sim);

} // namespace reslab
