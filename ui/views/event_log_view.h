#pragma once

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
/// work beyond its new rows.
class EventLogView final : public QWidget
{
    Q_OBJECT

public:
    explicit EventLogView(SimulationController *controller, QWidget *parent = nullptr);

    EventLogModel *model() const { return m_model; }
    EventKindFilter *filter() const { return m_filter; }
    QTableView *table() const { return m_table; }
    QComboBox *kindBox() const { return m_kind; }
    QCheckBox *followBox() const { return m_follow; }

private:
    void updateCount();

    EventLogModel *m_model;
    EventKindFilter *m_filter;
    QTableView *m_table;
    QComboBox *m_kind;
    QCheckBox *m_follow;
    QLabel *m_count;
};

} // namespace reslab::ui
