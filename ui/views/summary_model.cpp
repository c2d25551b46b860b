#include "summary_model.h"

#include "i18n/language.h"
#include "simulation_controller.h"

#include <array>
#include <cmath>

namespace reslab::ui {
namespace {

enum class Format
{
    Count,
    Percent,
    Ratio,
    Millis,
    Seconds
};

struct MetricRow
{
    const char *key;
    const char *unit;
    Format format;
    const char *tip;
    double (*get)(const Summary &);
    bool breaker = false;
};

double cause(const Summary &s, Outcome o)
{
    return static_cast<double>(s.failureByCause[static_cast<std::size_t>(o)]);
}

double count(std::uint64_t n)
{
    return static_cast<double>(n);
}

// The rows, in summary.json's order.
const std::array kRows = {
    MetricRow{"requests", "", Format::Count,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "requests that arrived"),
              [](const Summary &s) {
                  return count(s.requests);
              }},
    MetricRow{"success", "", Format::Count,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "requests answered by the primary"),
              [](const Summary &s) {
                  return count(s.success);
              }},
    MetricRow{"success_rate", "%", Format::Percent,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "success ÷ requests"),
              [](const Summary &s) {
                  return 100.0 * s.rate(s.success);
              }},
    MetricRow{"fallback", "", Format::Count,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "requests answered by a fallback"),
              [](const Summary &s) {
                  return count(s.fallback);
              }},
    MetricRow{"fallback_rate", "%", Format::Percent,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "fallback ÷ requests"),
              [](const Summary &s) {
                  return 100.0 * s.rate(s.fallback);
              }},
    MetricRow{"failed_total", "", Format::Count,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "requests that failed, all causes"),
              [](const Summary &s) {
                  return count(s.failure);
              }},
    MetricRow{"failure_rate", "%", Format::Percent,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "failed ÷ requests"),
              [](const Summary &s) {
                  return 100.0 * s.rate(s.failure);
              }},
    MetricRow{
        "failure.error", "", Format::Count,
        QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "failed: the service answered with an error"),
        [](const Summary &s) {
            return cause(s, Outcome::Error);
        }},
    MetricRow{"failure.timeout", "", Format::Count,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "failed: a timeout fired"),
              [](const Summary &s) {
                  return cause(s, Outcome::Timeout);
              }},
    MetricRow{"failure.circuit_open", "", Format::Count,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "failed: rejected by the breaker"),
              [](const Summary &s) {
                  return cause(s, Outcome::CircuitOpen);
              }},
    MetricRow{"failure.overloaded", "", Format::Count,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "failed: the service's queue was full"),
              [](const Summary &s) {
                  return cause(s, Outcome::Overloaded);
              }},
    MetricRow{"failure.rejected", "", Format::Count,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "failed: rejected by a stage"),
              [](const Summary &s) {
                  return cause(s, Outcome::Rejected);
              }},
    MetricRow{"failure.fallback_failed", "", Format::Count,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "failed: the fallback had nothing"),
              [](const Summary &s) {
                  return cause(s, Outcome::FallbackFailed);
              }},
    MetricRow{"in_flight", "", Format::Count,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "requests still running now"),
              [](const Summary &s) {
                  return count(s.inFlight);
              }},
    MetricRow{"attempts", "", Format::Count,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "calls that reached a service"),
              [](const Summary &s) {
                  return count(s.attempts);
              }},
    MetricRow{
        "retries", "", Format::Count,
        QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "retry attempts (counted when they start)"),
        [](const Summary &s) {
            return count(s.retries);
        }},
    MetricRow{"retry_budget_denied", "", Format::Count,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "retries the retry budget refused"),
              [](const Summary &s) {
                  return count(s.retryBudgetDenied);
              }},
    MetricRow{"amplification", "×", Format::Ratio,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "attempts ÷ requests"),
              [](const Summary &s) {
                  return s.amplification;
              }},
    MetricRow{"latency_ms.mean", "ms", Format::Millis,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "mean latency of ended requests"),
              [](const Summary &s) {
                  return s.latencyMean;
              }},
    MetricRow{"latency_ms.p50", "ms", Format::Millis,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "median latency of ended requests"),
              [](const Summary &s) {
                  return s.latencyP50;
              }},
    MetricRow{"latency_ms.p90", "ms", Format::Millis,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "90th percentile latency"),
              [](const Summary &s) {
                  return s.latencyP90;
              }},
    MetricRow{"latency_ms.p99", "ms", Format::Millis,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "99th percentile latency"),
              [](const Summary &s) {
                  return s.latencyP99;
              }},
    MetricRow{"latency_ms.p999", "ms", Format::Millis,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "99.9th percentile latency"),
              [](const Summary &s) {
                  return s.latencyP999;
              }},
    MetricRow{"latency_ms.max", "ms", Format::Millis,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "longest latency of an ended request"),
              [](const Summary &s) {
                  return s.latencyMax;
              }},
    MetricRow{"breaker.transitions", "", Format::Count,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "state changes of every breaker"),
              [](const Summary &s) { return count(s.breakerTransitions); }, true},
    MetricRow{"breaker.rejected", "", Format::Count,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "calls the breakers rejected"),
              [](const Summary &s) { return count(s.breakerRejected); }, true},
    MetricRow{"breaker.time_in_state_s.closed", "s", Format::Seconds,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "time the first breaker spent closed"),
              [](const Summary &s) { return s.timeInStateS[0]; }, true},
    MetricRow{"breaker.time_in_state_s.open", "s", Format::Seconds,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "time the first breaker spent open"),
              [](const Summary &s) { return s.timeInStateS[1]; }, true},
    MetricRow{
        "breaker.time_in_state_s.half_open", "s", Format::Seconds,
        QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "time the first breaker spent half-open"),
        [](const Summary &s) { return s.timeInStateS[2]; }, true},
    MetricRow{"events_processed", "", Format::Count,
              QT_TRANSLATE_NOOP("reslab::ui::SummaryModel", "engine events so far"),
              [](const Summary &s) {
                  return count(s.eventsProcessed);
              }},
};

QString formatValue(double v, Format f)
{
    switch (f) {
    case Format::Count:
        return QString::number(static_cast<qulonglong>(std::llround(v)));
    case Format::Percent:
        return QString::number(v, 'f', 2);
    case Format::Ratio:
        return QString::number(v, 'f', 3);
    case Format::Millis:
    case Format::Seconds:
        return QString::number(v, 'f', 1);
    }
    return {};
}

} // namespace

SummaryModel::SummaryModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_values(kRows.size(), 0.0)
{
    m_sinceRefresh.start();
    connect(&Language::instance(), &Language::changed, this, [this] {
        emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
        emit dataChanged(index(0, 0), index(static_cast<int>(kRows.size()) - 1, ColumnCount - 1),
                         {Qt::ToolTipRole});
    });
}

void SummaryModel::follow(SimulationController *controller)
{
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (!controller)
        return;
    connect(controller, &SimulationController::frameAdvanced, this, &SummaryModel::onFrame);
    connect(controller, &SimulationController::transportChanged, this, [this] {
        if (!m_controller->isPlaying())
            refresh(); // paused: the table shows where the run stopped
    });
    connect(controller, &SimulationController::runReset, this, &SummaryModel::refresh);
    refresh();
}

void SummaryModel::onFrame()
{
    const Simulation *sim = m_controller->simulation();
    if (m_controller->isPlaying() && sim && !sim->finished() &&
        m_sinceRefresh.elapsed() < kRefreshMs)
        return;
    refresh();
}

void SummaryModel::refresh()
{
    m_sinceRefresh.restart();
    const Simulation *sim = m_controller ? m_controller->simulation() : nullptr;
    setSummary(sim ? sim->summary() : Summary{});
}

void SummaryModel::setSummary(const Summary &summary)
{
    for (std::size_t i = 0; i < kRows.size(); ++i)
        m_values[i] = kRows[i].get(summary);
    m_hasBreaker = summary.hasBreaker;
    emit dataChanged(index(0, Value), index(static_cast<int>(kRows.size()) - 1, Value),
                     {Qt::DisplayRole, ValueRole});
}

int SummaryModel::rowOf(const QString &key) const
{
    for (std::size_t i = 0; i < kRows.size(); ++i) {
        if (key == QLatin1String(kRows[i].key))
            return static_cast<int>(i);
    }
    return -1;
}

int SummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(kRows.size());
}

int SummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SummaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MetricRow &row = kRows[static_cast<std::size_t>(index.row())];
    const double v = m_values[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Metric:
            return QString::fromLatin1(row.key);
        case Value:
            return row.breaker && !m_hasBreaker ? QStringLiteral("—") : formatValue(v, row.format);
        case Unit:
            return QString::fromUtf8(row.unit);
        default:
            return {};
        }
    case ValueRole:
        return index.column() == Value ? QVariant(v) : QVariant();
    case Qt::ToolTipRole:
        return tr(row.tip); // the metric's name is summary.json's key: it stays
    case Qt::TextAlignmentRole:
        return index.column() == Value ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                                       : QVariant();
    default:
        return {};
    }
}

QVariant SummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Metric:
        return tr("metric");
    case Value:
        return tr("value");
    case Unit:
        return tr("unit");
    default:
        return {};
    }
}

} // namespace reslab::ui
