#pragma once

#include "reslab/io/scenario_io.h"
#include "reslab/metrics/metrics.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
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
    // Failed requests by cause / requests (GUI only: not sweep CSV columns). They add up to
    // failureRate.
    double failureErrorRate = 0;
    double failureTimeoutRate = 0;
    double failureCircuitOpenRate = 0;
    double failureOverloadedRate = 0;
    double failureRejectedRate = 0;
    double failureFallbackFailedRate = 0;
};
RunMetrics metricsOf(const Summary &summary);

/// Sweep CSV metric columns, in order.
const std::vector<std::string> &sweepMetricNames();
/// Every metric a sweep can show: the CSV columns, then the failure rates by cause
/// (`failure_error_rate`, `failure_timeout_rate`, `failure_circuit_open_rate`,
/// `failure_overloaded_rate`, `failure_rejected_rate`, `failure_fallback_failed_rate`).
const std::vector<std::string> &sweepAllMetricNames();
/// A metric by its name (any of sweepAllMetricNames()); nullopt if unknown.
std::optional<double> metricValue(const RunMetrics &m, const std::string &name);

/// Finished runs by (scenario with the point's values applied, as compact JSON; seed), shared by
/// successive sweeps so that overlapping grids are not simulated twice. Thread-safe.
class SweepCache
{
public:
    std::optional<RunMetrics> find(const std::string &scenarioKey, std::uint64_t seed) const;
    void insert(const std::string &scenarioKey, std::uint64_t seed, const RunMetrics &metrics);
    std::size_t size() const;
    void clear();

private:
    mutable std::mutex m_mutex;
    std::map<std::pair<std::string, std::uint64_t>, RunMetrics> m_runs;
};

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
    /// setting `cancel` stops within one run per thread; returns false if cancelled. With a
    /// `cache`, runs found there are not simulated again (they still count as progress) and new
    /// runs are added to it.
    bool run(int threads, const std::function<void(std::size_t, std::size_t)> &progress,
             const std::atomic<bool> *cancel = nullptr, SweepCache *cache = nullptr);
    /// Runs the last run() actually simulated (the others came from the cache).
    std::size_t simulatedRuns() const { return m_simulated; }
    /// Number of grid points (product of the axis sizes) and seeds per point.
    std::size_t pointCount() const { return m_points.size(); }
    int seeds() const { return m_seeds; }

    const std::vector<SweepResult> &results() const { return m_results; }
    const std::vector<SweepAxis> &axes() const { return m_axes; }
    /// The scenario of grid point `index` (axis values applied).
    const Scenario &pointScenario(std::size_t index) const { return m_points[index]; }
    /// The JSON of grid point `index`: the base scenario with the point's values set.
    nlohmann::json pointJson(std::size_t index) const;

    /// The sweep CSV: one column per axis (named by its path), `seed`, then every metric.
    void writeCsv(std::ostream &out) const;

private:
    nlohmann::json m_base;
    std::vector<SweepAxis> m_axes;
    int m_seeds;
    std::vector<std::vector<double>> m_grid;
    std::vector<Scenario> m_points;
    std::vector<std::string> m_pointKeys; ///< compact JSON of each point, the cache key
    std::vector<SweepResult> m_results;
    std::size_t m_simulated = 0;
};

} // namespace reslab
