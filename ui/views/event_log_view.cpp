#include "event_log_view.h"

#include "event_log_model.h"
#include "simulation_controller.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace reslab::ui {
namespace {
constexpr int kKindCount = kEventKindCount;
} // namespace

EventLogView::EventLogView(SimulationController *controller, QWidget *parent)
    : QWidget(parent)
    , m_model(new EventLogModel(EventLogModel::kDefaultCapacity, this))
    , m_filter(new EventKindFilter(this))
    , m_table(new QTableView(this))
    , m_kind(new QComboBox(this))
    , m_follow(new QCheckBox(this))
    , m_count(new QLabel(this))
{
    setObjectName("eventLog");
    m_model->follow(controller);
    m_filter->setSourceModel(m_model);
    // An edge of a graph selected in the topology view: its events only (the client edge: all).
    connect(controller, &SimulationController::selectedEdgeChanged, this, [this, controller] {
        const EdgeRun *edge = controller->selectedEdge();
        if (!edge || edge->series == Stage::kClientEdge)
            m_filter->setEdge({}, {});
        else
            m_filter->setEdge(edge->name, edge->callee);
        updateCount();
    });

    m_kind->setObjectName("eventKind");
    m_kind->addItem(QString(), -1); // "all kinds"; the kinds are events.csv's names
    for (int k = 0; k < kKindCount; ++k) {
        const std::string_view name = eventKindName(static_cast<EventKind>(k));
        m_kind->addItem(QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size())), k);
    }
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const int k = m_kind->currentData().toInt();
        if (k < 0)
            m_filter->showAll();
        else
            m_filter->showOnly(static_cast<EventKind>(k));
        if (m_follow->isChecked())
            m_table->scrollToBottom();
        updateCount();
    });

    m_follow->setObjectName("eventFollow");
    m_follow->setChecked(true);
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_table->scrollToBottom();
    });

    m_table->setModel(m_filter);
    m_table->setObjectName("eventTable");
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->setCornerButtonEnabled(false);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed geometry: nothing is measured per row or per frame.
    QHeaderView *rows = m_table->verticalHeader();
    rows->setVisible(false);
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 4);
    QHeaderView *columns = m_table->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setStretchLastSection(true);
    columns->setHighlightSections(false);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const int widths[] = {11, 8, 7, 20, 17}; // in digits: t_ms .. kind; detail stretches
    for (int c = 0; c < EventLogModel::Detail; ++c)
        m_table->setColumnWidth(c, widths[c] * digit + 12);

    m_repaintGate.setSingleShot(true);
    m_repaintGate.setInterval(kRepaintMs);
    connect(&m_repaintGate, &QTimer::timeout, this, &EventLogView::onRepaintDue);
    // Before the table reacts to the frame's rows: hold its repaint if one was done just now.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this, &EventLogView::onRowsChanged);
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            &EventLogView::onRowsChanged);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow->isChecked())
            m_table->scrollToBottom();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &EventLogView::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &EventLogView::updateCount);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    m_kindLabel = new QLabel(this);
    bar->addWidget(m_kindLabel);
    bar->addWidget(m_kind);
    bar->addWidget(m_follow);
    bar->addStretch(1);
    bar->addWidget(m_count);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    retranslate();
}

void EventLogView::retranslate()
{
    m_kind->setItemText(0, tr("all kinds"));
    m_kind->setToolTip(tr("Show only the events of one kind"));
    m_follow->setText(tr("Follow"));
    m_follow->setToolTip(tr("Keep the newest event in sight (uncheck, or pause, to read)"));
    m_kindLabel->setText(tr("Kind:"));
    updateCount();
}

void EventLogView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void EventLogView::onRowsChanged()
{
    if (m_repaintGate.isActive()) {
        if (!m_held) {
            m_held = true;
            m_table->viewport()->setUpdatesEnabled(false);
        }
        return;
    }
    m_repaintGate.start(); // this change paints now; the next ones wait for the gate
}

void EventLogView::onRepaintDue()
{
    if (!m_held)
        return;
    m_held = false;
    m_table->viewport()->setUpdatesEnabled(true); // repaints the rows as they are now
    if (m_follow->isChecked())
        m_table->scrollToBottom();
    m_repaintGate.start();
}

void EventLogView::updateCount()
{
    QString text = tr("last %1 of %2 events").arg(m_model->rowCount()).arg(m_model->seen());
    if (m_filter->shownKinds() != ~0u || !m_filter->edge().empty())
        text = tr("%1 shown · ").arg(m_filter->rowCount()) + text;
    if (m_model->missed() > 0)
        text += tr(" (%1 skipped at overload)").arg(m_model->missed());
    m_count->setText(text);
}

} // namespace reslab::ui
