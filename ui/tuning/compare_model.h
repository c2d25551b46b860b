#pragma once

#include "reslab/tuning/sweep.h"

#include <QAbstractTableModel>
#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace reslab::ui {

/// The A/B difference table: one row per metric, columns A, B, Δ (B − A) and the relative change
/// (Δ / |A|). Every number is the engine's (RunMetrics of each run's Summary); the model only
/// subtracts and formats. Δ is green where B is better than A and red where it is worse, by the
/// metric's direction (metrics()[row].better; docs/tuning.md explains each choice).
///
///     CompareModel model;
///     model.setRuns(metricsOf(a.summary()), metricsOf(b.summary()));
///     double d = model.value(0, CompareModel::Delta); // success rate B − A
class CompareModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        A,
        B,
        Delta,
        Relative,
        ColumnCount
    };
    /// The unformatted number of a cell (double; NaN where there is none).
    static constexpr int RawValueRole = Qt::UserRole;

    enum class Better
    {
        Higher,
        Lower
    };
    enum class Unit
    {
        Percent,
        Millis,
        Times
    };
    struct Metric
    {
        std::string key;   ///< as the sweep CSV names it: success_rate, p99_ms, …
        const char *label; ///< row header: "success %" (translated when shown)
        Unit unit;
        Better better;
        double RunMetrics::*field;
    };
    /// The rows, in order.
    static const std::vector<Metric> &metrics();

    explicit CompareModel(QObject *parent = nullptr);

    /// Shows two runs' metrics (one dataChanged for the whole table).
    void setRuns(const RunMetrics &a, const RunMetrics &b);
    /// Empties the table (no runs yet).
    void clear();
    bool hasRuns() const { return m_a.has_value(); }

    /// A cell's number: A, B, Δ = B − A, or the relative change Δ / |A| (0 when both are 0, NaN
    /// when only A is 0). Rates are fractions here (0.95), shown as percent.
    double value(int row, int column) const;
    /// +1 where B is better than A, −1 where worse, 0 where equal (or no runs).
    int verdict(int row) const;

    /// The table as CSV: `metric,unit,a,b,delta,relative_change,better` (docs/tuning.md).
    std::string toCsv() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString format(int row, int column) const;

    std::optional<RunMetrics> m_a;
    std::optional<RunMetrics> m_b;
};

} // namespace reslab::ui
