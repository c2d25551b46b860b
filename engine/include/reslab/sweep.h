#pragma once

#include "reslab/metrics.h"
#include "reslab/scenario_io.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace reslab {

/// One swept parameter: a scenario path and the values it takes.
struct SweepAxis
{
    std::string path;
    std::vector<double> values;
};

/// Parses `PATH=FROM:TO:STEPS` (STEPS evenly spaced values including both ends) or
/// `PATH=log:FROM:TO:STEPS` (geometric spacing). Returns the axis or an error message.
std::optional<SweepAxis> parseSweepAxis(const std::string &spec, std::string &error);

/// The metrics of one run, as the sweep CSV names them.
struct RunMetrics
{
    double successRate = 0;  ///< success / requests
    double fallbackRate = 0; ///< fallback / requests
    double failureRate = 0;  ///< failed requests / requests
    double rejectedRate = 0; ///< calls a stage refused / requests
    double amplification = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    double openFraction = 0; ///< time the first breaker was open / duration
    double utilization = 0;  ///< of the target service
};
RunMetrics metricsOf(const Summary &summary);

/// Sweep CSV metric columns, in order.
const std::vector<std::string> &sweepMetricNames();
/// A metric by its column name; nullopt if unknown.
std::optional<double> metricValue(const RunMetrics &m, const std::string &name);

/// One point of the grid on one seed.
struct SweepResult
{
    std::vector<double> values; ///< one per axis
    std::uint64_t seed = 0;
    RunMetrics metrics;
};

/// A grid of runs over one or two parameters, each point on `seeds` seeds (the scenario's seed,
/// +1, …): every point runs on the same seeds, so points differ only by their parameters
/// (common random numbers). Runs spread over `threads` threads; results come back in grid order
/// (first axis slowest, then seed), whatever the thread timing.
class Sweep
{
public:
    Sweep(nlohmann::json scenario, std::vector<SweepAxis> axes, int seeds);

    /// Builds and validates every point's scenario. Errors name the point and the JSON path.
    std::vector<std::string> prepare();
    std::size_t runCount() const { return m_points.size() * static_cast<std::size_t>(m_seeds); }

    /// Runs everything. `progress(done, total)` is called from worker threads (serialised);
    /// setting `cancel` stops within one run per thread; returns false if cancelled.
    bool run(int threads, const std::function<void(std::size_t, std::size_t)> &progress,
             const std::atomic<bool> *cancel = nullptr);

    const std::vector<SweepResult> &results() const { return m_results; }
    const std::vector<SweepAxis> &axes() const { return m_axes; }
    /// The scenario of grid point `index` (axis values applied).
    const Scenario &pointScenario(std::size_t index) const { return m_points[index]; }

    /// The sweep CSV: one column per axis (named by its path), `seed`, then every metric.
    void writeCsv(std::ostream &out) const;

private:
    nlohmann::json m_base;
    std::vector<SweepAxis> m_axes;
    int m_seeds;
    std::vector<std::vector<double>> m_grid;
    std::vector<Scenario> m_points;
    std::vector<SweepResult> m_results;
};

} // namespace reslab
