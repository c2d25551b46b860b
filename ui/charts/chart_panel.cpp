#include "chart_panel.h"

#include "attempts_chart.h"
#include "breaker_chart.h"
#include "bucket_window.h"
#include "export_image.h"
#include "latency_chart.h"
#include "queue_chart.h"
#include "simulation_controller.h"
#include "throughput_chart.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace reslab::ui {
namespace {
/// From this width on, the charts sit in two columns.
constexpr int kTwoColumnWidth = 1000;
} // namespace

ChartPanel::ChartPanel(SimulationController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_window(new QComboBox(this))
    , m_scroll(new QScrollArea(this))
    , m_content(new QWidget)
{
    setObjectName("charts");
    m_window->setObjectName("window");
    m_window->addItem(QString());
    m_window->addItem(QString());

    m_content->setObjectName("chartsContent");
    m_content->setAutoFillBackground(true);
    m_caption = new QLabel(m_content);
    m_caption->setObjectName("caption");
    m_caption->setTextFormat(Qt::PlainText);
    m_caption->setContentsMargins(6, 2, 6, 0);
    m_caption->setWordWrap(true); // a narrow panel wraps the caption instead of clipping it
    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(2);
    contentLayout->addWidget(m_caption);
    m_grid = new QGridLayout;
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(4);
    contentLayout->addLayout(m_grid, 1);

    m_charts = {new ThroughputChart(controller, m_content), new LatencyChart(controller, m_content),
                new BreakerChart(controller, m_content), new AttemptsChart(controller, m_content),
                new QueueChart(controller, m_content)};

    m_pending.assign(m_charts.size(), false);
    m_staggerTimer = new QTimer(this);
    m_staggerTimer->setSingleShot(true);
    m_staggerTimer->setInterval(16);
    connect(m_staggerTimer, &QTimer::timeout, this, &ChartPanel::plotNextPending);

    m_scroll->setWidget(m_content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    // The charts follow the panel's width (their minimum fits a narrow panel); only the height
    // scrolls.
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 0, 6, 0);
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    bar->addWidget(m_title);
    bar->addStretch(1);
    m_windowLabel = new QLabel(this);
    m_windowLabel->setBuddy(m_window);
    bar->addWidget(m_windowLabel);
    bar->addWidget(m_window);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_scroll, 1);

    relayout(1);

    connect(m_window, &QComboBox::currentIndexChanged, this, [this] {
        m_dirty = true;
        refresh();
    });
    if (m_controller) {
        connect(m_controller, &SimulationController::frameAdvanced, this, &ChartPanel::onFrame);
        connect(m_controller, &SimulationController::runReset, this, &ChartPanel::onRunReset);
        connect(m_controller, &SimulationController::hotApplied, this, [this] { m_dirty = true; });
    }
    retranslate();
    refresh();
}

void ChartPanel::retranslate()
{
    m_window->setItemText(0, tr("Last 60 s"));
    m_window->setItemText(1, tr("Whole run"));
    m_window->setToolTip(tr("Time window of the charts"));
    m_title->setText(tr("Charts"));
    m_windowLabel->setText(tr("&Window:"));
    updateCaption();
}

void ChartPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ChartPanel::setOverlay(SimulationController *overlay, const QString &labelA,
                            const QString &labelB)
{
    if (m_overlay || !overlay)
        return;
    m_overlay = overlay;
    for (TimeChart *c : m_charts)
        c->enableOverlay(overlay, labelA, labelB);
    // Either run may close a bucket first within a frame: redraw on both.
    connect(m_overlay, &SimulationController::frameAdvanced, this, &ChartPanel::onFrame);
    connect(m_overlay, &SimulationController::runReset, this, &ChartPanel::onRunReset);
    m_dirty = true;
    refresh();
}

QStringList ChartPanel::chartNames() const
{
    QStringList names;
    for (const TimeChart *c : m_charts)
        names << c->objectName();
    return names;
}

void ChartPanel::setWholeRun(bool whole)
{
    m_window->setCurrentIndex(whole ? 1 : 0);
}

bool ChartPanel::wholeRun() const
{
    return m_window->currentIndex() == 1;
}

bool ChartPanel::showOnly(const QString &name)
{
    if (!name.isEmpty() && !chartNames().contains(name))
        return false;
    m_solo = name;
    relayout(m_columns);
    return true;
}

void ChartPanel::relayout(int columns)
{
    m_columns = columns;
    for (TimeChart *c : m_charts)
        m_grid->removeWidget(c);
    // An emptied row keeps its stretch (and its share of the height) unless it is reset.
    for (int r = 0; r < std::max<int>(m_grid->rowCount(), static_cast<int>(m_charts.size())); ++r)
        m_grid->setRowStretch(r, 0);
    if (!m_solo.isEmpty()) {
        for (TimeChart *c : m_charts) {
            c->setVisible(c->objectName() == m_solo);
            if (c->objectName() == m_solo)
                m_grid->addWidget(c, 0, 0, 1, 2);
        }
        m_grid->setRowStretch(0, 1);
        m_content->setMinimumHeight(0);
        return;
    }
    for (TimeChart *c : m_charts)
        c->setVisible(true);
    TimeChart *throughput = m_charts[0], *latency = m_charts[1], *breaker = m_charts[2],
              *attempts = m_charts[3], *queue = m_charts[4];
    int minHeight = 0;
    if (columns >= 2) {
        // Throughput | latency, attempts | queue, and the breaker band (which needs less height)
        // across the bottom.
        m_grid->addWidget(throughput, 0, 0);
        m_grid->addWidget(latency, 0, 1);
        m_grid->addWidget(attempts, 1, 0);
        m_grid->addWidget(queue, 1, 1);
        m_grid->addWidget(breaker, 2, 0, 1, 2);
        m_grid->setRowStretch(0, 5);
        m_grid->setRowStretch(1, 5);
        m_grid->setRowStretch(2, 3);
        minHeight = 2 * throughput->minimumHeight() + breaker->minimumHeight();
    } else {
        int row = 0;
        for (TimeChart *c : {throughput, latency, breaker, attempts, queue}) {
            m_grid->addWidget(c, row, 0, 1, 2);
            m_grid->setRowStretch(row++, c == breaker ? 3 : 5);
            minHeight += c->minimumHeight();
        }
    }
    m_content->setMinimumHeight(minHeight + m_caption->sizeHint().height() +
                                m_grid->spacing() * (columns >= 2 ? 3 : 5));
}

void ChartPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const int columns = event->size().width() >= kTwoColumnWidth ? 2 : 1;
    if (columns != m_columns)
        relayout(columns);
}

void ChartPanel::onFrame()
{
    const Simulation *sim = m_controller ? m_controller->simulation() : nullptr;
    if (!sim)
        return;
    // Redraw only when a bucket closed: the live bucket is not drawn, so nothing else changes.
    const Simulation *overlaySim = m_overlay ? m_overlay->simulation() : nullptr;
    if (overlaySim) {
        // Driven in lock-step, one run's frame is followed by the other's: draw once both are
        // at the same time (or the one behind has ended).
        const bool aBehind = !sim->finished() && sim->now() < overlaySim->now();
        const bool bBehind = !overlaySim->finished() && overlaySim->now() < sim->now();
        if (aBehind || bBehind)
            return;
    }
    if (!m_dirty && closedRowCount(*sim) == m_drawnRows &&
        (!overlaySim || closedRowCount(*overlaySim) == m_drawnOverlayRows)) {
        if (m_staggered)
            plotNextPending(); // one more chart of an earlier change
        return;
    }
    if (!m_staggered) {
        refresh();
        return;
    }
    m_dirty = false;
    m_drawnRows = closedRowCount(*sim);
    if (overlaySim)
        m_drawnOverlayRows = closedRowCount(*overlaySim);
    m_pending.assign(m_charts.size(), true);
    plotNextPending();
}

int ChartPanel::pendingCharts() const
{
    return static_cast<int>(std::count(m_pending.begin(), m_pending.end(), true));
}

void ChartPanel::flush()
{
    if (pendingCharts() > 0)
        refresh();
}

void ChartPanel::plotNextPending()
{
    for (std::size_t k = 0; k < m_charts.size(); ++k) {
        const std::size_t i = (m_nextChart + k) % m_charts.size();
        if (i < m_pending.size() && m_pending[i]) {
            m_pending[i] = false;
            m_nextChart = (i + 1) % m_charts.size();
            plotChart(i);
            updateCaption();
            break;
        }
    }
    if (pendingCharts() > 0)
        m_staggerTimer->start();
    else
        m_staggerTimer->stop();
}

ChartPanel::PlotInput ChartPanel::plotInput() const
{
    PlotInput in;
    const Simulation *sim = m_controller->simulation();
    const double span = wholeRun() ? 0.0 : kWindowSeconds;
    in.window = makeBucketWindow(*sim, span, kMaxPoints);
    for (const SimTime t : m_controller->hotApplyTimes())
        in.hotApplies.push_back(toSeconds(t));
    if (const Simulation *overlaySim = m_overlay ? m_overlay->simulation() : nullptr) {
        in.overlay = makeBucketWindow(*overlaySim, span, kMaxPoints);
        // One time axis for both runs (they may differ in length).
        in.window.xLo = std::min(in.window.xLo, in.overlay->xLo);
        in.window.xHi = std::max(in.window.xHi, in.overlay->xHi);
    }
    return in;
}

void ChartPanel::plot(TimeChart *chart, const PlotInput &in)
{
    chart->plot(in.window, in.hotApplies, in.overlay ? &*in.overlay : nullptr);
}

void ChartPanel::plotChart(std::size_t index)
{
    if (!m_controller || !m_controller->simulation() || index >= m_charts.size())
        return;
    plot(m_charts[index], plotInput());
}

void ChartPanel::onRunReset()
{
    m_pending.assign(m_charts.size(), false);
    m_staggerTimer->stop();
    for (TimeChart *c : m_charts)
        c->clearPlot();
    m_drawnRows = 0;
    m_drawnOverlayRows = 0;
    m_dirty = true;
}

void ChartPanel::refresh()
{
    const Simulation *sim = m_controller ? m_controller->simulation() : nullptr;
    m_dirty = false;
    m_pending.assign(m_charts.size(), false);
    if (m_staggerTimer)
        m_staggerTimer->stop();
    if (!sim) {
        for (TimeChart *c : m_charts)
            c->clearPlot();
        m_drawnRows = 0;
        updateCaption();
        return;
    }
    const PlotInput in = plotInput();
    for (TimeChart *c : m_charts)
        plot(c, in);
    if (in.overlay)
        m_drawnOverlayRows = in.overlay->end;
    m_drawnRows = in.window.end;
    updateCaption();
}

void ChartPanel::updateCaption()
{
    const Simulation *sim = m_controller ? m_controller->simulation() : nullptr;
    if (!sim) {
        m_caption->setText(tr("No simulation"));
        return;
    }
    const QString name = QString::fromStdString(sim->scenario().name);
    if (const Simulation *b = m_overlay ? m_overlay->simulation() : nullptr) {
        m_caption->setText(tr("A solid, B dashed · seed A %1, B %2 · t = %3 s of %4 s · %5")
                               .arg(sim->seed())
                               .arg(b->seed())
                               .arg(toSeconds(sim->now()), 0, 'f', 1)
                               .arg(toSeconds(std::max(sim->end(), b->end())), 0, 'f', 0)
                               .arg(wholeRun() ? tr("whole run") : tr("last 60 s")));
        return;
    }
    m_caption->setText(tr("%1 · seed %2 · t = %3 s of %4 s · buckets of %5 ms · %6")
                           .arg(name)
                           .arg(sim->seed())
                           .arg(toSeconds(sim->now()), 0, 'f', 1)
                           .arg(toSeconds(sim->end()), 0, 'f', 0)
                           .arg(toMillis(sim->recorder().bucket()), 0, 'f', 0)
                           .arg(wholeRun() ? tr("whole run") : tr("last 60 s")));
}

bool ChartPanel::exportImage(const QString &path, const QString &chart, QString *error)
{
    if (m_dirty ||
        (m_controller && m_controller->simulation() &&
         closedRowCount(*m_controller->simulation()) != m_drawnRows) ||
        (m_overlay && m_overlay->simulation() &&
         closedRowCount(*m_overlay->simulation()) != m_drawnOverlayRows) ||
        pendingCharts() > 0)
        refresh();
    // Layouts (the legends' too) settle in posted events: apply them before drawing.
    for (int i = 0; i < 3; ++i)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QWidget *target = m_content;
    if (!chart.isEmpty()) {
        target = nullptr;
        for (TimeChart *c : m_charts)
            if (c->objectName() == chart)
                target = c;
        if (!target) {
            if (error)
                *error =
                    tr("unknown chart \"%1\" (charts are: %2)").arg(chart, chartNames().join(", "));
            return false;
        }
    }
    return exportWidgetImage(target, path, error);
}

} // namespace reslab::ui
