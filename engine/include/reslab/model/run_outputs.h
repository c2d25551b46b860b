#pragma once

// The per-edge and per-service output files of a run (docs/cli.md): edges.csv and services.csv.
// Both have one row per closed bucket and edge (or replica), bucket by bucket.

#include <ostream>

namespace reslab {

class Simulation;

/// edges.csv: `t_s,edge,calls,success,fallback,failure,rejected,attempts,retries,p50_ms,p99_ms,
/// breaker_state`. The client edge's rows repeat timeseries.csv's numbers (`calls` are its
/// arrivals); `breaker_state` is that of the edge's outermost breaker, empty without one.
void writeEdgesCsv(std::ostream &out, const Simulation &sim);

/// services.csv: `t_s,service,replica,attempts,ok,error,overloaded,in_flight,queue_len,
/// utilization`, one row per replica.
void writeServicesCsv(std::ostream &out, const Simulation &sim);

} // namespace reslab
