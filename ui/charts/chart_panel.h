#pragma once

#include "charts/bucket_window.h"

#include <QStringList>
#include <QWidget>

#include <cstddef>
#include <optional>
#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;
class QScrollArea;
class QTimer;

namespace reslab::ui {

class SimulationController;
class TimeChart;

/// The dashboard's charts: throughput by outcome, latency, breaker state, attempts and retries,
/// the target service's queue and utilisation. They redraw at most once per frame, and only when a
/// bucket closed (or the window, the run or the hot-applied edits changed); each series is rebuilt
/// with one replace(). A combo box chooses the time window: the last 60 s (scrolling) or the whole
/// run.
///
///     ChartPanel panel(controller);
///     panel.exportImage("latency.svg", "latency", &error); // one chart
///     panel.exportImage("dashboard.pdf", QString(), &error); // all of them
class ChartPanel final : public QWidget
{
    Q_OBJECT

public:
    /// The scrolling window of "Last 60 s".
    static constexpr double kWindowSeconds = 60;
    /// Points per series at most: whole-run views of long runs draw every k-th bucket.
    static constexpr std::size_t kMaxPoints = 4000;

    explicit ChartPanel(SimulationController *controller, QWidget *parent = nullptr);

    /// Names accepted by exportImage() and `render --chart`.
    QStringList chartNames() const;
    /// Writes one chart (or all of them, with an empty name) to .png, .svg or .pdf.
    bool exportImage(const QString &path, const QString &chart, QString *error);

    /// Shows the whole run (true) or the last 60 s (false).
    void setWholeRun(bool whole);
    bool wholeRun() const;
    /// Shows only the chart `name` (empty: all of them); false for an unknown name.
    bool showOnly(const QString &name);
    /// Redraws now from the simulation (normally done on the controller's frames).
    void refresh();
    /// Staggered redraws (the main window's): when a bucket closes, the charts redraw one per
    /// frame in turn instead of all five in the same frame, so no frame carries the whole cost
    /// (the rest follow within ~16 ms each, also when paused). Off by default.
    void setStaggered(bool staggered) { m_staggered = staggered; }
    /// Draws whatever a staggered redraw has not drawn yet (before an export).
    void flush();
    /// Charts still waiting for their staggered redraw.
    int pendingCharts() const;
    /// A/B compare: draws the run of `overlay` (B) over this panel's run (A) on the same axes in
    /// every chart, A solid and B dashed, legend entries "`labelA`: …" / "`labelB`: …". Call once.
    void setOverlay(SimulationController *overlay, const QString &labelA = QStringLiteral("A"),
                    const QString &labelB = QStringLiteral("B"));
    SimulationController *overlay() const { return m_overlay; }

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onFrame();
    void onRunReset();
    /// What every chart plots: the bucket window (and the overlay's), the hot-apply times.
    struct PlotInput
    {
        BucketWindow window;
        std::optional<BucketWindow> overlay;
        std::vector<double> hotApplies;
    };
    PlotInput plotInput() const;
    static void plot(TimeChart *chart, const PlotInput &in);
    /// Plots chart `index` from the simulation as it is now.
    void plotChart(std::size_t index);
    void plotNextPending();
    void relayout(int columns);
    void updateCaption();

    SimulationController *m_controller;
    SimulationController *m_overlay = nullptr;
    QComboBox *m_window;
    QLabel *m_title = nullptr;
    QLabel *m_windowLabel = nullptr;
    QLabel *m_caption;
    QScrollArea *m_scroll;
    QWidget *m_content; ///< caption and charts: what a whole-panel export draws
    QGridLayout *m_grid;
    std::vector<TimeChart *> m_charts;
    QString m_solo;
    int m_columns = 0;
    std::size_t m_drawnRows = 0;        ///< closed buckets drawn at the last redraw
    std::size_t m_drawnOverlayRows = 0; ///< the same for the overlay run
    bool m_dirty = true; ///< something besides the rows changed: redraw at the next frame
    bool m_staggered = false;
    std::vector<bool> m_pending; ///< per chart: a staggered redraw is due
    std::size_t m_nextChart = 0; ///< round-robin position
    QTimer *m_staggerTimer = nullptr;
};

} // namespace reslab::ui
