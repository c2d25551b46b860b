#include "compare_model.h"

#include "i18n/language.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <cmath>
#include <limits>

namespace reslab::ui {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const QColor kBetter{0x2e, 0x7d, 0x32};
const QColor kWorse{0xc6, 0x28, 0x28};

QString signedNumber(double v, int decimals)
{
    const QString text = QString::number(v, 'f', decimals);
    return v > 0 ? "+" + text : text;
}

const char *unitName(CompareModel::Unit unit)
{
    switch (unit) {
    case CompareModel::Unit::Percent:
        return "fraction";
    case CompareModel::Unit::Millis:
        return "ms";
    case CompareModel::Unit::Times:
        return "ratio";
    }
    return "";
}

/// CSV numbers: the shortest text that reads back as the same double.
std::string csvNumber(double v)
{
    if (std::isnan(v))
        return {};
    return QString::number(v, 'g', QLocale::FloatingPointShortest).toStdString();
}

} // namespace

const std::vector<CompareModel::Metric> &CompareModel::metrics()
{
    static const std::vector<Metric> rows = {
        {"success_rate", QT_TR_NOOP("success %"), Unit::Percent, Better::Higher,
         &RunMetrics::successRate},
        {"failure_rate", QT_TR_NOOP("failure %"), Unit::Percent, Better::Lower,
         &RunMetrics::failureRate},
        {"fallback_rate", QT_TR_NOOP("fallback %"), Unit::Percent, Better::Lower,
         &RunMetrics::fallbackRate},
        {"rejected_rate", QT_TR_NOOP("rejected %"), Unit::Percent, Better::Lower,
         &RunMetrics::rejectedRate},
        {"p50_ms", QT_TR_NOOP("p50 ms"), Unit::Millis, Better::Lower, &RunMetrics::p50Ms},
        {"p99_ms", QT_TR_NOOP("p99 ms"), Unit::Millis, Better::Lower, &RunMetrics::p99Ms},
        {"amplification", QT_TR_NOOP("amplification"), Unit::Times, Better::Lower,
         &RunMetrics::amplification},
        {"open_fraction", QT_TR_NOOP("time open %"), Unit::Percent, Better::Lower,
         &RunMetrics::openFraction},
    };
    return rows;
}

CompareModel::CompareModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    // Row and column names, tooltips: worded when asked, so a language switch only tells views.
    connect(&Language::instance(), &Language::changed, this, [this] {
        emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
        emit headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ToolTipRole});
    });
}

void CompareModel::setRuns(const RunMetrics &a, const RunMetrics &b)
{
    m_a = a;
    m_b = b;
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void CompareModel::clear()
{
    m_a.reset();
    m_b.reset();
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

double CompareModel::value(int row, int column) const
{
    if (!m_a || !m_b || row < 0 || row >= rowCount() || column < 0 || column >= ColumnCount)
        return kNaN;
    const double RunMetrics::*field = metrics()[static_cast<std::size_t>(row)].field;
    const double a = (*m_a).*field;
    const double b = (*m_b).*field;
    switch (column) {
    case A:
        return a;
    case B:
        return b;
    case Delta:
        return b - a;
    default:
        if (a == b)
            return 0;
        return a == 0 ? kNaN : (b - a) / std::abs(a);
    }
}

int CompareModel::verdict(int row) const
{
    const double d = value(row, Delta);
    if (std::isnan(d) || d == 0)
        return 0;
    const bool higher = metrics()[static_cast<std::size_t>(row)].better == Better::Higher;
    return (d > 0) == higher ? 1 : -1;
}

QString CompareModel::format(int row, int column) const
{
    const double v = value(row, column);
    if (!m_a)
        return QStringLiteral("—");
    if (column == Relative) {
        if (std::isnan(v))
            return QStringLiteral("—"); // from zero: no relative change
        return signedNumber(100.0 * v, 1) + " %";
    }
    const Unit unit = metrics()[static_cast<std::size_t>(row)].unit;
    const bool delta = column == Delta;
    switch (unit) {
    case Unit::Percent:
        return delta ? signedNumber(100.0 * v, 2) + " pp"
                     : QString::number(100.0 * v, 'f', 2) + " %";
    case Unit::Millis:
        return (delta ? signedNumber(v, 1) : QString::number(v, 'f', 1)) + " ms";
    case Unit::Times:
        return (delta ? signedNumber(v, 3) : QString::number(v, 'f', 3)) + "×";
    }
    return {};
}

std::string CompareModel::toCsv() const
{
    std::string out = "metric,unit,a,b,delta,relative_change,better\n";
    for (int row = 0; row < rowCount(); ++row) {
        const Metric &m = metrics()[static_cast<std::size_t>(row)];
        out += m.key + ',' + unitName(m.unit) + ',' + csvNumber(value(row, A)) + ',' +
               csvNumber(value(row, B)) + ',' + csvNumber(value(row, Delta)) + ',' +
               csvNumber(value(row, Relative)) + ',' +
               (m.better == Better::Higher ? "higher" : "lower") + '\n';
    }
    return out;
}

int CompareModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(metrics().size());
}

int CompareModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CompareModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return format(index.row(), index.column());
    case RawValueRole:
        return value(index.row(), index.column());
    case Qt::TextAlignmentRole:
        return static_cast<int>(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() == Delta || index.column() == Relative) {
            const int v = verdict(index.row());
            if (v != 0)
                return QBrush(v > 0 ? kBetter : kWorse);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Delta || index.column() == Relative) {
            const int v = verdict(index.row());
            return v > 0   ? tr("B is better than A")
                   : v < 0 ? tr("B is worse than A")
                           : tr("no difference");
        }
        return {};
    default:
        return {};
    }
}

QVariant CompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
            return {};
        static const char *const names[] = {QT_TR_NOOP("A"), QT_TR_NOOP("B"),
                                            QT_TR_NOOP("Δ (B − A)"), QT_TR_NOOP("relative")};
        return tr(names[section]);
    }
    if (section < 0 || section >= rowCount())
        return {};
    const Metric &m = metrics()[static_cast<std::size_t>(section)];
    const QString label = tr(m.label);
    if (role == Qt::DisplayRole)
        return label;
    if (role == Qt::ToolTipRole)
        return m.better == Better::Higher ? tr("%1: higher is better").arg(label)
                                          : tr("%1: lower is better").arg(label);
    return {};
}

} // namespace reslab::ui
