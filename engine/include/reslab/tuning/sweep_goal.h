#pragma once

// Goals for a parameter sweep ("p99 <= 500 ms and success >= 99.5 %"), the seed-mean of each
// grid point, and the choice of the best setting. docs/tuning.md describes the syntax and rules.
//
//     GoalParse g = parseGoal("p99 <= 500 ms and success >= 99.5 %");
//     std::vector<SweepPoint> points = summarisePoints(sweep.results(), sweep.seeds());
//     std::optional<std::size_t> best = bestPoint(points, *g.goal, "p99_ms");

#include "reslab/tuning/sweep.h"

#include <optional>
#include <string>
#include <vector>

namespace reslab {

enum class GoalOp
{
    Less,
    LessEqual,
    Greater,
    GreaterEqual
};

/// One `METRIC OP NUMBER [unit]` clause, in metric units (rates as fractions, latency in ms).
struct GoalClause
{
    std::string metric; ///< a name of sweepAllMetricNames()
    GoalOp op = GoalOp::LessEqual;
    double value = 0;
    std::string text; ///< the clause as written (trimmed)

    bool holds(const RunMetrics &m) const;
};

/// Clauses that must all hold. An empty goal is met by every point.
struct Goal
{
    std::vector<GoalClause> clauses;

    bool meets(const RunMetrics &m) const;
    bool empty() const { return clauses.empty(); }
};

struct GoalParse
{
    std::optional<Goal> goal;
    std::string error; ///< names the clause: `clause 2 ("p99 <= fast"): "fast" is not a number`
    bool ok() const { return goal.has_value(); }
};

/// Parses clauses joined by `and`, `&&` or `,`. Metric names: success, fallback, failure,
/// rejected, amplification, p50, p99, open, utilization (or utilisation), the sweep CSV names
/// (`success_rate`, `p99_ms`, ...) and the by-cause names (`failure_timeout_rate`, ...). OP is
/// one of <=, ≤, >=, ≥, <, >. Rates take `%` (99.5 % = 0.995) or a bare fraction from 0 to 1;
/// latencies take `ms` (the default) or `s`; amplification takes an optional `x`.
GoalParse parseGoal(const std::string &text);

/// Whether a larger value of the metric is better (only success_rate), else smaller is.
bool higherIsBetter(const std::string &metric);

/// One grid point over its seeds: the mean, min and max of every metric across the seeds.
struct SweepPoint
{
    std::vector<double> values; ///< one per axis
    RunMetrics mean;
    RunMetrics min;
    RunMetrics max;
    int seeds = 0;
};

/// Groups sweep results (grid order, `seeds` consecutive results per point) into points.
std::vector<SweepPoint> summarisePoints(const std::vector<SweepResult> &results, int seeds);

/// The best point: among the points whose seed-mean metrics meet `goal`, the one with the best
/// seed-mean `metric` in its good direction (higherIsBetter); ties go to the higher success rate,
/// then the lower p99, then the lower amplification, then the first in grid order. nullopt when
/// no point meets the goal (or `metric` is unknown).
std::optional<std::size_t> bestPoint(const std::vector<SweepPoint> &points, const Goal &goal,
                                     const std::string &metric);

} // namespace reslab
