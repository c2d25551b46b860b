#include "reslab/tuning/sweep.h"

#include "reslab/io/json_path.h"
#include "reslab/metrics/report.h"
#include "reslab/model/simulation.h"

#include <cmath>
#include <cstdlib>
#include <mutex>
#include <ostream>
#include <thread>

namespace reslab {

std::optional<SweepAxis> parseSweepAxis(const std::string &spec, std::string &error)
{
    const std::size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0) {
        error = "--param needs PATH=FROM:TO:STEPS (got \"" + spec + "\")";
        return std::nullopt;
    }
    SweepAxis axis;
    axis.path = spec.substr(0, eq);
    std::string range = spec.substr(eq + 1);
    bool log = false;
    if (range.rfind("log:", 0) == 0) {
        log = true;
        range = range.substr(4);
    }
    double parts[3];
    std::size_t pos = 0;
    for (int i = 0; i < 3; ++i) {
        const std::size_t next = i < 2 ? range.find(':', pos) : range.size();
        if (next == std::string::npos) {
            error = "--param " + axis.path + ": needs FROM:TO:STEPS (got \"" + range + "\")";
            return std::nullopt;
        }
        const std::string text = range.substr(pos, next - pos);
        char *end = nullptr;
        parts[i] = std::strtod(text.c_str(), &end);
        if (text.empty() || *end != '\0' || !std::isfinite(parts[i])) {
            error = "--param " + axis.path + ": \"" + text + "\" is not a number";
            return std::nullopt;
        }
        pos = next + 1;
    }
    const double from = parts[0], to = parts[1], stepsD = parts[2];
    if (stepsD < 1 || stepsD > 1000 || std::floor(stepsD) != stepsD) {
        error = "--param " + axis.path + ": STEPS must be a whole number from 1 to 1000";
        return std::nullopt;
    }
    if (log && (from <= 0 || to <= 0)) {
        error = "--param " + axis.path + ": log spacing needs FROM and TO > 0";
        return std::nullopt;
    }
    const int steps = static_cast<int>(stepsD);
    for (int i = 0; i < steps; ++i) {
        const double f = steps == 1 ? 0.0 : static_cast<double>(i) / (steps - 1);
        double v = log ? from * std::pow(to / from, f) : from + (to - from) * f;
        // Kill the float noise of evenly spaced decimals (0.30000000000000004).
        v = std::round(v * 1e9) / 1e9;
        axis.values.push_back(v);
    }
    return axis;
}

RunMetrics metricsOf(const Summary &s)
{
    RunMetrics m;
    const double n = s.requests ? static_cast<double>(s.requests) : 1.0;
    m.successRate = s.success / n;
    m.fallbackRate = s.fallback / n;
    m.failureRate = s.failure / n;
    m.rejectedRate = static_cast<double>(s.breakerRejected) / n;
    m.amplification = s.amplification;
    m.p50Ms = s.latencyP50;
    m.p99Ms = s.latencyP99;
    m.openFraction = s.durationS > 0 ? s.timeInStateS[1] / s.durationS : 0.0;
    for (const ServiceTotals &t : s.services) {
        if (t.isTarget)
            m.utilization = t.utilization;
    }
    const auto cause = [&](Outcome o) {
        return s.failureByCause[static_cast<std::size_t>(o)] / n;
    };
    m.failureErrorRate = cause(Outcome::Error);
    m.failureTimeoutRate = cause(Outcome::Timeout);
    m.failureCircuitOpenRate = cause(Outcome::CircuitOpen);
    m.failureOverloadedRate = cause(Outcome::Overloaded);
    m.failureRejectedRate = cause(Outcome::Rejected);
    m.failureFallbackFailedRate = cause(Outcome::FallbackFailed);
    return m;
}

const std::vector<std::string> &sweepMetricNames()
{
    static const std::vector<std::string> names = {"success_rate",  "fallback_rate", "failure_rate",
                                                   "rejected_rate", "amplification", "p50_ms",
                                                   "p99_ms",        "open_fraction", "utilization"};
    return names;
}

const std::vector<std::string> &sweepAllMetricNames()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> all = sweepMetricNames();
        for (const char *n :
             {"failure_error_rate", "failure_timeout_rate", "failure_circuit_open_rate",
              "failure_overloaded_rate", "failure_rejected_rate", "failure_fallback_failed_rate"})
            all.emplace_back(n);
        return all;
    }();
    return names;
}

std::optional<double> metricValue(const RunMetrics &m, const std::string &name)
{
    const double values[] = {m.successRate,
                             m.fallbackRate,
                             m.failureRate,
                             m.rejectedRate,
                             m.amplification,
                             m.p50Ms,
                             m.p99Ms,
                             m.openFraction,
                             m.utilization,
                             m.failureErrorRate,
                             m.failureTimeoutRate,
                             m.failureCircuitOpenRate,
                             m.failureOverloadedRate,
                             m.failureRejectedRate,
                             m.failureFallbackFailedRate};
    const auto &names = sweepAllMetricNames();
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == name)
            return values[i];
    }
    return std::nullopt;
}

std::optional<RunMetrics> SweepCache::find(const std::string &scenarioKey, std::uint64_t seed) const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_runs.find({scenarioKey, seed});
    if (it == m_runs.end())
        return std::nullopt;
    return it->second;
}

void SweepCache::insert(const std::string &scenarioKey, std::uint64_t seed,
                        const RunMetrics &metrics)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_runs[{scenarioKey, seed}] = metrics;
}

std::size_t SweepCache::size() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_runs.size();
}

void SweepCache::clear()
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_runs.clear();
}

Sweep::Sweep(nlohmann::json scenario, std::vector<SweepAxis> axes, int seeds)
    : m_base(std::move(scenario))
    , m_axes(std::move(axes))
    , m_seeds(std::max(1, seeds))
{}

std::vector<std::string> Sweep::prepare()
{
    std::vector<std::string> errors;
    m_grid.clear();
    m_points.clear();
    m_pointKeys.clear();
    std::vector<std::vector<double>> grid{{}};
    for (const SweepAxis &axis : m_axes) {
        std::vector<std::vector<double>> next;
        for (const auto &prefix : grid) {
            for (double v : axis.values) {
                auto p = prefix;
                p.push_back(v);
                next.push_back(std::move(p));
            }
        }
        grid = std::move(next);
    }
    for (const auto &values : grid) {
        nlohmann::json doc = m_base;
        std::string label;
        for (std::size_t a = 0; a < m_axes.size(); ++a) {
            label += (a ? ", " : "") + m_axes[a].path + "=" + formatDecimal3(values[a]);
            if (auto err = setNumberAtPath(doc, m_axes[a].path, values[a]))
                errors.push_back(*err);
        }
        if (!errors.empty())
            return errors;
        ScenarioParse parse = parseScenario(doc);
        if (!parse.ok()) {
            for (const ScenarioError &e : parse.errors)
                errors.push_back("at " + label + ": " + e.toString());
            continue;
        }
        m_grid.push_back(values);
        m_points.push_back(std::move(*parse.scenario));
        m_pointKeys.push_back(doc.dump());
    }
    return errors;
}

nlohmann::json Sweep::pointJson(std::size_t index) const
{
    nlohmann::json doc = m_base;
    for (std::size_t a = 0; a < m_axes.size() && index < m_grid.size(); ++a)
        setNumberAtPath(doc, m_axes[a].path, m_grid[index][a]);
    return doc;
}

bool Sweep::run(int threads, const std::function<void(std::size_t, std::size_t)> &progress,
                const std::atomic<bool> *cancel, SweepCache *cache)
{
    const std::size_t total = runCount();
    m_results.assign(total, {});
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::atomic<std::size_t> simulated{0};
    std::mutex progressMutex;
    auto worker = [&] {
        for (;;) {
            if (cancel && cancel->load())
                return;
            const std::size_t i = next.fetch_add(1);
            if (i >= total)
                return;
            const std::size_t point = i / static_cast<std::size_t>(m_seeds);
            const auto seedOffset =
                static_cast<std::uint64_t>(i % static_cast<std::size_t>(m_seeds));
            const Scenario &s = m_points[point];
            const std::uint64_t seed = s.seed + seedOffset;
            std::optional<RunMetrics> metrics;
            if (cache)
                metrics = cache->find(m_pointKeys[point], seed);
            if (!metrics) {
                RunOptions options;
                options.seed = seed;
                Simulation sim(s, options);
                // In slices of one virtual second, so that a cancel stops even a long run soon.
                constexpr SimTime kSlice = 1'000'000;
                while (!sim.finished()) {
                    if (cancel && cancel->load())
                        return;
                    sim.advanceTo(sim.now() + kSlice);
                }
                metrics = metricsOf(sim.summary());
                simulated.fetch_add(1);
                if (cache)
                    cache->insert(m_pointKeys[point], seed, *metrics);
            }
            m_results[i] = {m_grid[point], seed, *metrics};
            const std::size_t d = done.fetch_add(1) + 1;
            if (progress) {
                const std::lock_guard<std::mutex> lock(progressMutex);
                progress(d, total);
            }
        }
    };
    const int n = std::max(1, std::min<int>(threads, static_cast<int>(total)));
    std::vector<std::thread> pool;
    for (int t = 1; t < n; ++t)
        pool.emplace_back(worker);
    worker();
    for (auto &t : pool)
        t.join();
    m_simulated = simulated.load();
    return !(cancel && cancel->load()) && done.load() == total;
}

void Sweep::writeCsv(std::ostream &out) const
{
    for (const SweepAxis &a : m_axes)
        out << a.path << ',';
    out << "seed";
    for (const auto &name : sweepMetricNames())
        out << ',' << name;
    out << '\n';
    for (const SweepResult &r : m_results) {
        for (double v : r.values)
            out << formatDecimal3(v) << ',';
        out << r.seed;
        const RunMetrics &m = r.metrics;
        for (double v : {m.successRate, m.fallbackRate, m.failureRate, m.rejectedRate})
            out << ',' << formatFraction(v);
        out << ',' << formatFraction(m.amplification) << ',' << formatDecimal3(m.p50Ms) << ','
            << formatDecimal3(m.p99Ms) << ',' << formatFraction(m.openFraction) << ','
            << formatFraction(m.utilization);
        out << '\n';
    }
}

} // namespace reslab
