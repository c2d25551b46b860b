#include "reslab/tuning/sweep_goal.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <sstream>

namespace reslab {
namespace {

/// Every RunMetrics field, in sweepAllMetricNames() order.
constexpr double RunMetrics::*kFields[] = {&RunMetrics::successRate,
                                           &RunMetrics::fallbackRate,
                                           &RunMetrics::failureRate,
                                           &RunMetrics::rejectedRate,
                                           &RunMetrics::amplification,
                                           &RunMetrics::p50Ms,
                                           &RunMetrics::p99Ms,
                                           &RunMetrics::openFraction,
                                           &RunMetrics::utilization,
                                           &RunMetrics::failureErrorRate,
                                           &RunMetrics::failureTimeoutRate,
                                           &RunMetrics::failureCircuitOpenRate,
                                           &RunMetrics::failureOverloadedRate,
                                           &RunMetrics::failureRejectedRate,
                                           &RunMetrics::failureFallbackFailedRate};

bool isIdentChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string trim(const std::string &s)
{
    const auto isSpace = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    };
    std::size_t b = 0, e = s.size();
    while (b < e && isSpace(s[b]))
        ++b;
    while (e > b && isSpace(s[e - 1]))
        --e;
    return s.substr(b, e - b);
}

/// Splits at `and` (a whole word, any case), `&&` and `,`.
std::vector<std::string> splitClauses(const std::string &text)
{
    std::vector<std::string> parts;
    std::string cur;
    for (std::size_t i = 0; i < text.size();) {
        if (text.compare(i, 2, "&&") == 0) {
            parts.push_back(cur);
            cur.clear();
            i += 2;
            continue;
        }
        if (text[i] == ',') {
            parts.push_back(cur);
            cur.clear();
            ++i;
            continue;
        }
        if (i + 3 <= text.size() && lower(text[i]) == 'a' && lower(text[i + 1]) == 'n' &&
            lower(text[i + 2]) == 'd' && (i == 0 || !isIdentChar(text[i - 1])) &&
            (i + 3 == text.size() || !isIdentChar(text[i + 3]))) {
            parts.push_back(cur);
            cur.clear();
            i += 3;
            continue;
        }
        cur += text[i];
        ++i;
    }
    parts.push_back(cur);
    return parts;
}

std::string canonicalMetric(const std::string &name)
{
    static const std::pair<const char *, const char *> aliases[] = {
        {"success", "success_rate"},
        {"fallback", "fallback_rate"},
        {"failure", "failure_rate"},
        {"failures", "failure_rate"},
        {"rejected", "rejected_rate"},
        {"amp", "amplification"},
        {"p50", "p50_ms"},
        {"p99", "p99_ms"},
        {"open", "open_fraction"},
        {"time_open", "open_fraction"},
        {"utilisation", "utilization"},
    };
    for (const auto &[alias, canonical] : aliases) {
        if (name == alias)
            return canonical;
    }
    const auto &names = sweepAllMetricNames();
    if (std::find(names.begin(), names.end(), name) != names.end())
        return name;
    if (std::find(names.begin(), names.end(), name + "_rate") != names.end())
        return name + "_rate";
    return {};
}

bool isRate(const std::string &metric)
{
    return metric != "amplification" && metric != "p50_ms" && metric != "p99_ms";
}

bool isLatency(const std::string &metric)
{
    return metric == "p50_ms" || metric == "p99_ms";
}

std::size_t fieldIndex(const std::string &metric)
{
    const auto &names = sweepAllMetricNames();
    return static_cast<std::size_t>(std::find(names.begin(), names.end(), metric) - names.begin());
}

/// Parses one clause into `out`; returns the problem, or an empty string.
std::string parseClause(const std::string &clause, GoalClause &out)
{
    std::size_t i = 0;
    std::string name;
    while (i < clause.size() && isIdentChar(clause[i]))
        name += lower(clause[i++]);
    if (name.empty())
        return "expected a metric name first (success, p99, amplification, ...)";
    out.metric = canonicalMetric(name);
    if (out.metric.empty())
        return "unknown metric \"" + name +
               "\" (use success, fallback, failure, rejected, amplification, p50, p99, open, "
               "utilization or a sweep CSV column name)";
    while (i < clause.size() && clause[i] == ' ')
        ++i;
    static const std::pair<const char *, GoalOp> ops[] = {
        {"<=", GoalOp::LessEqual},    {"\xE2\x89\xA4", GoalOp::LessEqual},
        {">=", GoalOp::GreaterEqual}, {"\xE2\x89\xA5", GoalOp::GreaterEqual},
        {"<", GoalOp::Less},          {">", GoalOp::Greater}};
    bool found = false;
    for (const auto &[symbol, op] : ops) {
        const std::string s = symbol;
        if (clause.compare(i, s.size(), s) == 0) {
            out.op = op;
            i += s.size();
            found = true;
            break;
        }
    }
    if (!found)
        return "expected <=, >=, < or > after \"" + name + "\"";
    while (i < clause.size() && clause[i] == ' ')
        ++i;
    std::size_t numberEnd = i;
    while (numberEnd < clause.size() &&
           ((clause[numberEnd] >= '0' && clause[numberEnd] <= '9') || clause[numberEnd] == '.' ||
            clause[numberEnd] == '-' || clause[numberEnd] == '+' || clause[numberEnd] == 'e' ||
            clause[numberEnd] == 'E'))
        ++numberEnd;
    const std::string number = clause.substr(i, numberEnd - i);
    double v = 0;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), v);
    if (number.empty() || ec != std::errc() || end != number.data() + number.size() ||
        !std::isfinite(v)) {
        const std::string rest = trim(clause.substr(i));
        return rest.empty() ? "expected a number after the comparison"
                            : "\"" + rest + "\" is not a number";
    }
    const std::string unit = trim(clause.substr(numberEnd));
    if (isRate(out.metric)) {
        if (unit == "%") {
            v /= 100.0;
        } else if (unit.empty()) {
            if (v < 0 || v > 1) {
                std::ostringstream fraction;
                fraction << v / 100.0;
                return "a rate is a fraction from 0 to 1 or a percentage: write " + number +
                       " % (or " + fraction.str() + ")";
            }
        } else {
            return "unit \"" + unit + "\" does not fit " + out.metric + " (a rate: use % or a " +
                   "fraction from 0 to 1)";
        }
    } else if (isLatency(out.metric)) {
        if (unit == "s")
            v *= 1000.0;
        else if (!unit.empty() && unit != "ms")
            return "unit \"" + unit + "\" does not fit " + out.metric + " (use ms or s)";
    } else if (!unit.empty() && unit != "x" && unit != "\xC3\x97") {
        return "unit \"" + unit + "\" does not fit amplification (a ratio: no unit or x)";
    }
    out.value = v;
    return {};
}

bool better(double a, double b, bool higher)
{
    return higher ? a > b : a < b;
}

} // namespace

bool GoalClause::holds(const RunMetrics &m) const
{
    const std::optional<double> x = metricValue(m, metric);
    if (!x)
        return false;
    switch (op) {
    case GoalOp::Less:
        return *x < value;
    case GoalOp::LessEqual:
        return *x <= value;
    case GoalOp::Greater:
        return *x > value;
    case GoalOp::GreaterEqual:
        return *x >= value;
    }
    return false;
}

bool Goal::meets(const RunMetrics &m) const
{
    return std::all_of(clauses.begin(), clauses.end(),
                       [&](const GoalClause &c) { return c.holds(m); });
}

GoalParse parseGoal(const std::string &text)
{
    GoalParse result;
    Goal goal;
    if (trim(text).empty()) {
        result.goal = goal;
        return result;
    }
    const std::vector<std::string> parts = splitClauses(text);
    for (std::size_t k = 0; k < parts.size(); ++k) {
        const std::string clause = trim(parts[k]);
        const std::string where = "clause " + std::to_string(k + 1);
        if (clause.empty()) {
            result.error = where + " is empty";
            return result;
        }
        GoalClause c;
        c.text = clause;
        const std::string problem = parseClause(clause, c);
        if (!problem.empty()) {
            result.error = where + " (\"" + clause + "\"): " + problem;
            return result;
        }
        goal.clauses.push_back(std::move(c));
    }
    result.goal = std::move(goal);
    return result;
}

bool higherIsBetter(const std::string &metric)
{
    return metric == "success_rate";
}

std::vector<SweepPoint> summarisePoints(const std::vector<SweepResult> &results, int seeds)
{
    std::vector<SweepPoint> points;
    const auto k = static_cast<std::size_t>(std::max(1, seeds));
    for (std::size_t first = 0; first + k <= results.size(); first += k) {
        SweepPoint p;
        p.values = results[first].values;
        p.seeds = static_cast<int>(k);
        p.min = p.max = results[first].metrics;
        for (auto field : kFields) {
            double sum = 0;
            for (std::size_t s = 0; s < k; ++s) {
                const double v = results[first + s].metrics.*field;
                sum += v;
                p.min.*field = std::min(p.min.*field, v);
                p.max.*field = std::max(p.max.*field, v);
            }
            p.mean.*field = sum / static_cast<double>(k);
        }
        points.push_back(std::move(p));
    }
    return points;
}

std::optional<std::size_t> bestPoint(const std::vector<SweepPoint> &points, const Goal &goal,
                                     const std::string &metric)
{
    const std::size_t index = fieldIndex(metric);
    if (index >= std::size(kFields))
        return std::nullopt;
    const auto field = kFields[index];
    const bool higher = higherIsBetter(metric);
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const RunMetrics &m = points[i].mean;
        if (!goal.meets(m))
            continue;
        if (!best) {
            best = i;
            continue;
        }
        const RunMetrics &b = points[*best].mean;
        // Strictly better on the first key that differs; equal on all keeps the earlier point.
        if (m.*field != b.*field) {
            if (better(m.*field, b.*field, higher))
                best = i;
        } else if (m.successRate != b.successRate) {
            if (m.successRate > b.successRate)
                best = i;
        } else if (m.p99Ms != b.p99Ms) {
            if (m.p99Ms < b.p99Ms)
                best = i;
        } else if (m.amplification < b.amplification) {
            best = i;
        }
    }
    return best;
}

} // namespace reslab
