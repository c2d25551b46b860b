#pragma once

#include "reslab/metrics/event_log.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <vector>

namespace reslab::ui {

class SimulationController;

/// The most recent engine events of the running simulation, one row per event, with the columns
/// of events.csv (`t_ms, request, attempt, stage, kind, detail`), oldest first. It is fed once
/// per frame: the frame's events arrive in one beginInsertRows, and the rows beyond capacity()
/// leave from the top in one beginRemoveRows, so a frame costs O(events of the frame) whatever
/// the rate. Cleared when a new run starts. The rows are copies: they outlive the Simulation.
///
///     EventLogModel log;
///     log.follow(controller); // appends every frame's events, clears on runReset
class EventLogModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int kDefaultCapacity = 2000;
    enum Column
    {
        TimeMs,
        Request,
        Attempt,
        Stage,
        Kind,
        Detail,
        ColumnCount
    };
    /// data(index, KindRole) is the row's EventKind as an int (any column).
    static constexpr int KindRole = Qt::UserRole + 1;

    explicit EventLogModel(int capacity = kDefaultCapacity, QObject *parent = nullptr);

    /// Appends each frame's events of `controller` and clears on its runReset.
    void follow(SimulationController *controller);
    /// Appends `events` in order (the oldest rows beyond capacity() are removed first).
    void append(std::span<const EventRecord> events);
    void clear();

    int capacity() const { return m_capacity; }
    /// Events offered since the last clear() (rows shown + rows trimmed away).
    std::uint64_t seen() const { return m_seen; }
    /// Events the frames could not hand over (engine faster than the frame buffer; see
    /// FrameEvents::dropped()) since the last clear().
    std::uint64_t missed() const { return m_missed; }
    /// The row as events.csv would write it: `t_ms,request,attempt,stage,kind,detail`.
    std::string csvLine(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        SimTime time = 0;
        std::uint64_t request = 0;
        std::uint32_t attempt = 0;
        std::uint16_t stage = 0; ///< index into m_stages
        EventKind kind = EventKind::RequestStart;
        Outcome outcome = Outcome::Ok;
        BreakerState to = BreakerState::Closed;
        std::string detail;
    };
    std::uint16_t stageIndex(std::string_view stage);
    void onFrame();

    int m_capacity;
    std::deque<Row> m_rows;
    std::vector<std::string> m_stages; ///< interned stage names (a handful per scenario)
    std::uint64_t m_seen = 0;
    std::uint64_t m_missed = 0;
    SimulationController *m_controller = nullptr;
    std::uint64_t m_lastFrameTotal = 0; ///< FrameEvents::total() already taken
};

/// Shows only the rows of an EventLogModel whose kind is in a set (all kinds by default). Keeps
/// the source's order (no sorting).
class EventKindFilter final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit EventKindFilter(QObject *parent = nullptr);

    /// Bit k set: EventKind k is shown.
    void setShownKinds(std::uint32_t mask);
    /// Shows every kind (mask of all bits) or just `kind`.
    void showAll();
    void showOnly(EventKind kind);
    std::uint32_t shownKinds() const { return m_mask; }
    static std::uint32_t bit(EventKind kind) { return 1u << static_cast<unsigned>(kind); }
    /// Shows only the events of one edge of a service graph: its stages (`EDGE/STAGE`), its calls
    /// (`call_start`, `call_end`) and the attempts at its callee. Empty: every edge's events.
    void setEdge(const std::string &edge, const std::string &callee);
    const std::string &edge() const { return m_edge; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::uint32_t m_mask = ~0u;
    std::string m_edge;
    QString m_stagePrefix, m_edgeName, m_service;
};

} // namespace reslab::ui
