#pragma once

#include "reslab/metrics/metrics.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>

#include <vector>

namespace reslab::ui {

class SimulationController;

/// The running simulation's Summary (the engine's, as `summary.json` writes it) as a table of
/// metric, value, unit — one row per metric, named by its summary.json key path
/// (`failure.timeout`, `latency_ms.p99`, `breaker.time_in_state_s.open`). The rows are fixed;
/// values change in place with one dataChanged per refresh. While the simulation plays it is
/// refreshed at most every kRefreshMs of wall time; a step, a pause or the end refresh it at once.
class SummaryModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr qint64 kRefreshMs = 250;
    enum Column
    {
        Metric,
        Value,
        Unit,
        ColumnCount
    };
    /// data(index(row, Value), ValueRole) is the raw number (double).
    static constexpr int ValueRole = Qt::UserRole + 1;

    explicit SummaryModel(QObject *parent = nullptr);

    /// Refreshes from `controller`'s simulation on its frames; zeroes on runReset.
    void follow(SimulationController *controller);
    /// Shows `summary` now.
    void setSummary(const Summary &summary);
    /// Reads the followed controller's simulation now.
    void refresh();

    /// The row of a metric key ("latency_ms.p99"), or -1.
    int rowOf(const QString &key) const;
    double value(int row) const { return m_values.at(static_cast<std::size_t>(row)); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void onFrame();

    SimulationController *m_controller = nullptr;
    std::vector<double> m_values;
    bool m_hasBreaker = false;
    QElapsedTimer m_sinceRefresh;
};

} // namespace reslab::ui
