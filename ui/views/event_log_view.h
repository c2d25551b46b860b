#pragma once

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableView;

namespace reslab::ui {

class EventKindFilter;
class EventLogModel;
class SimulationController;

/// The event log of the running simulation: a table of its most recent events (EventLogModel),
/// a kind filter, and "Follow", which keeps the newest row in sight as frames arrive. The table
/// is one QTableView with fixed row heights and fixed column widths, so a frame costs no layout
/// work beyond its new rows. The model takes every frame, but the table's rows are repainted at
/// most every kRepaintMs (a log scrolling at 60 Hz cannot be read, and fresh text is the
/// expensive part of a frame); the last change always shows within kRepaintMs.
class EventLogView final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kRepaintMs = 100;

    explicit EventLogView(SimulationController *controller, QWidget *parent = nullptr);

    EventLogModel *model() const { return m_model; }
    EventKindFilter *filter() const { return m_filter; }
    QTableView *table() const { return m_table; }
    QComboBox *kindBox() const { return m_kind; }
    QCheckBox *followBox() const { return m_follow; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateCount();
    void onRowsChanged();
    void onRepaintDue();

    EventLogModel *m_model;
    EventKindFilter *m_filter;
    QTableView *m_table;
    QComboBox *m_kind;
    QCheckBox *m_follow;
    QLabel *m_count;
    QLabel *m_kindLabel = nullptr;
    QTimer m_repaintGate; ///< running: the rows were repainted less than kRepaintMs ago
    bool m_held = false;  ///< changes arrived while the gate was closed
};

} // namespace reslab::ui
