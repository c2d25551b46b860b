#pragma once

#include "bucket_window.h"

#include <QChartView>
#include <QColor>
#include <QEvent>
#include <QString>

#include <functional>
#include <vector>

class QAbstractSeries;
class QAreaSeries;
class QChart;
class QLineSeries;
class QValueAxis;

namespace reslab::ui {

class SimulationController;

/// One chart of the dashboard: time in seconds along x, the engine's bucket values up the y axis,
/// a legend, a vertical line at every hot-applied edit, and the bucket's values on hover.
/// Subclasses create their series and fill them from a BucketWindow in rebuild() — one replace()
/// per series and frame, never a point at a time.
class TimeChart : public QChartView
{
    Q_OBJECT

public:
    /// `name` is the objectName and the name `render --chart` and exportImage() accept. The
    /// subclass sets its texts in retranslate(), which its constructor calls.
    TimeChart(SimulationController *controller, const QString &name, QWidget *parent = nullptr);

    /// Redraws from `window` (the rows, the time range) and puts the edit markers at `hotAppliesS`.
    /// With an `overlay` window (after enableOverlay()), draws run A (`window`) and run B
    /// (`overlay`) on the same axes instead.
    void plot(const BucketWindow &window, const std::vector<double> &hotAppliesS,
              const BucketWindow *overlay = nullptr);
    /// A/B overlay (the compare window): from now on the chart draws each of its overlayLines()
    /// twice on the same axes, run A solid and run B (`overlayController`) dashed, named
    /// "`labelA`: …" and "`labelB`: …" in the legend, instead of its own series (hidden). The
    /// hover text then gives both runs' buckets.
    void enableOverlay(SimulationController *overlayController, const QString &labelA,
                       const QString &labelB);
    bool hasOverlay() const { return m_overlayController != nullptr; }
    /// Forgets everything drawn (a new run).
    void clearPlot();
    /// What the chart shows at time `t` (s): the values of the bucket there, as the engine recorded
    /// them; empty when no closed bucket covers t. Shown as the hover tooltip.
    QString describeAt(double t) const;

    QValueAxis *timeAxis() const { return m_timeAxis; }
    QValueAxis *valueAxis() const { return m_valueAxis; }

    /// One quantity as the overlay draws it: a line per run, read from the engine's bucket row.
    struct OverlayLine
    {
        QString name;
        QColor color;
        std::function<double(const BucketRow &row, double bucketS)> value;
        QValueAxis *axis = nullptr; ///< null: valueAxis()
        bool endedOnly = false;     ///< no point for a bucket in which no request ended
        bool step = false;          ///< held from the bucket's start to its end (shares of time)
    };

protected:
    /// Sets the chart's texts (title, axis titles, legend names) in the current language; called
    /// by the subclass's constructor and on every QEvent::LanguageChange. Overrides call the base
    /// class's, which names the time axis, the edit markers and the overlay lines.
    virtual void retranslate();
    /// The legend name of the series with objectName `seriesName` (retranslate()).
    void nameSeries(const QString &seriesName, const QString &legendName);
    void changeEvent(QEvent *event) override;
    /// What the A/B overlay draws (none by default: the chart then shows nothing in overlay mode).
    virtual std::vector<OverlayLine> overlayLines() const { return {}; }
    /// Fills the series from the window's rows; returns the largest value drawn on valueAxis().
    virtual double rebuild(const BucketWindow &window) = 0;
    /// The hover text for one bucket (without the time line, which the base class writes).
    virtual QString describeRow(const BucketRow &row, double bucketS) const = 0;
    /// Clears the chart's own series.
    virtual void clearSeries() = 0;

    QLineSeries *addLine(const QString &name, const QColor &color,
                         Qt::PenStyle style = Qt::SolidLine, QValueAxis *axis = nullptr);
    /// A filled area between `upper` and `lower` (null: the time axis), bordered in `color`.
    QAreaSeries *addArea(const QString &name, const QColor &color, QLineSeries *upper,
                         QLineSeries *lower);
    /// A second value axis on the right.
    QValueAxis *addRightAxis(const QString &title);
    /// Sets an axis to [0, max] rounded up to readable ticks (labelled without decimals for
    /// `whole` numbers such as queue lengths).
    static void fitAxis(QValueAxis *axis, double max, bool whole = false);
    /// The dashboard's axis fonts.
    static void styleAxis(QValueAxis *axis);

    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

    QChart *m_chart;
    SimulationController *m_controller;
    bool m_autoRange = true;    ///< false: the subclass keeps valueAxis() at a fixed range
    bool m_wholeValues = false; ///< valueAxis() counts whole things (no decimals on its labels)
    double m_overlayFloor = 0;  ///< overlay mode: valueAxis() reaches at least this far
    /// The overlay window being drawn (inside rebuild() during an overlay plot), else null.
    const BucketWindow *m_overlayWindow = nullptr;

private:
    void placeHotApplies(const std::vector<double> &timesS);
    /// Fills the overlay lines from both windows; returns the largest value on valueAxis().
    double rebuildOverlay(const BucketWindow &a, const BucketWindow &b);
    QString describeRun(const SimulationController *controller, double t) const;

    struct OverlayTwin
    {
        OverlayLine line;
        QLineSeries *a = nullptr;
        QLineSeries *b = nullptr;
    };
    SimulationController *m_overlayController = nullptr;
    QString m_labelA;
    QString m_labelB;
    std::vector<OverlayTwin> m_twins;
    std::vector<QAbstractSeries *> m_baseSeries; ///< the chart's own series, hidden in overlay mode

    QValueAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    std::vector<QLineSeries *> m_hotApplies;
};

} // namespace reslab::ui
