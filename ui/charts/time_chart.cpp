#include "time_chart.h"

#include "chart_palette.h"
#include "simulation_controller.h"

#include <QAreaSeries>
#include <QChart>
#include <QEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <map>

namespace reslab::ui {
namespace {

/// printf format for axis labels: no decimals once ticks are whole numbers.
const char *labelFormatFor(double max)
{
    if (max >= 20)
        return "%.0f";
    if (max >= 2)
        return "%.1f";
    return "%.2f";
}

/// The smallest of 1, 2, 5 x 10^k at least `x`.
double niceStep(double x)
{
    if (!(x > 0) || !std::isfinite(x))
        return 1;
    const double p = std::pow(10.0, std::floor(std::log10(x)));
    const double m = x / p;
    return p * (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10);
}

QString seconds(double s)
{
    return QString::number(s, 'f', s == std::floor(s) ? 0 : 3);
}

} // namespace

TimeChart::TimeChart(SimulationController *controller, const QString &name, QWidget *parent)
    : QChartView(parent)
    , m_chart(new QChart)
    , m_controller(controller)
    , m_timeAxis(new QValueAxis)
    , m_valueAxis(new QValueAxis)
{
    setObjectName(name);
    QFont titleFont = m_chart->titleFont();
    titleFont.setBold(true);
    titleFont.setPointSizeF(10);
    m_chart->setTitleFont(titleFont);
    m_chart->setMargins(QMargins(4, 2, 4, 2));
    m_chart->setBackgroundRoundness(0);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setVisible(true);

    QFont legendFont = m_chart->legend()->font();
    legendFont.setPointSizeF(9);
    m_chart->legend()->setFont(legendFont);
    styleAxis(m_timeAxis);
    styleAxis(m_valueAxis);

    m_timeAxis->setLabelFormat("%.0f");
    m_timeAxis->setRange(0, 60);
    m_timeAxis->setTickCount(7);
    fitAxis(m_valueAxis, 0);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);

    setChart(m_chart); // the view owns the chart
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    setMinimumSize(280, 240);
}

void TimeChart::retranslate()
{
    m_timeAxis->setTitleText(tr("time (s)"));
    for (QLineSeries *s : m_hotApplies)
        s->setName(tr("edit applied"));
    const std::vector<OverlayLine> lines = overlayLines();
    for (std::size_t i = 0; i < m_twins.size() && i < lines.size(); ++i) {
        m_twins[i].line.name = lines[i].name;
        m_twins[i].a->setName(tr("%1: %2").arg(m_labelA, lines[i].name));
        m_twins[i].b->setName(tr("%1: %2").arg(m_labelB, lines[i].name));
    }
}

void TimeChart::nameSeries(const QString &seriesName, const QString &legendName)
{
    for (QAbstractSeries *s : m_chart->series()) {
        if (s->objectName() == seriesName)
            s->setName(legendName);
    }
}

void TimeChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QChartView::changeEvent(event);
}

QLineSeries *TimeChart::addLine(const QString &name, const QColor &color, Qt::PenStyle style,
                                QValueAxis *axis)
{
    auto *series = new QLineSeries;
    series->setName(name);
    QPen pen(color);
    pen.setWidthF(2.0);
    pen.setStyle(style);
    series->setPen(pen);
    m_chart->addSeries(series);
    series->attachAxis(m_timeAxis);
    series->attachAxis(axis ? axis : m_valueAxis);
    return series;
}

QAreaSeries *TimeChart::addArea(const QString &name, const QColor &color, QLineSeries *upper,
                                QLineSeries *lower)
{
    auto *area = new QAreaSeries(upper, lower);
    area->setName(name);
    QColor fill = color;
    fill.setAlpha(220);
    area->setBrush(fill);
    // No outline: a stacked band of height zero would still draw its border, in its colour,
    // along the top of the stack (a red line of "failures" that did not happen).
    area->setPen(Qt::NoPen);
    m_chart->addSeries(area);
    area->attachAxis(m_timeAxis);
    area->attachAxis(m_valueAxis);
    return area;
}

void TimeChart::styleAxis(QValueAxis *axis)
{
    // Axis titles in regular weight and labels a size smaller: the plot keeps its height in
    // small charts and titles are not elided.
    QFont title = axis->titleFont();
    title.setPointSizeF(9);
    title.setBold(false);
    axis->setTitleFont(title);
    QFont labels = axis->labelsFont();
    labels.setPointSizeF(8.5);
    axis->setLabelsFont(labels);
}

QValueAxis *TimeChart::addRightAxis(const QString &title)
{
    auto *axis = new QValueAxis;
    styleAxis(axis);
    axis->setTitleText(title);
    axis->setRange(0, 1);
    axis->setLabelFormat("%.1f");
    m_chart->addAxis(axis, Qt::AlignRight);
    return axis;
}

void TimeChart::fitAxis(QValueAxis *axis, double max, bool whole)
{
    if (!(max > 0) || !std::isfinite(max)) {
        // Nothing to show yet: a plain 0–1 axis rather than ticks that all read "0" or "1".
        axis->setRange(0, 1);
        axis->setTickCount(3);
        axis->setLabelFormat("%.1f");
        return;
    }
    axis->setRange(0, max * 1.05);
    // applyNiceNumbers() changes the tick count; start from the same one every time, or the
    // ticks get coarser with every redraw.
    axis->setTickCount(5);
    axis->applyNiceNumbers();
    axis->setLabelFormat(whole ? "%.0f" : labelFormatFor(axis->max()));
}

void TimeChart::enableOverlay(SimulationController *overlayController, const QString &labelA,
                              const QString &labelB)
{
    if (m_overlayController || !overlayController)
        return;
    m_overlayController = overlayController;
    m_labelA = labelA;
    m_labelB = labelB;
    for (QAbstractSeries *s : m_chart->series())
        if (std::find(m_hotApplies.begin(), m_hotApplies.end(), s) == m_hotApplies.end())
            m_baseSeries.push_back(s);
    for (QAbstractSeries *s : m_baseSeries)
        s->setVisible(false);
    // Legend markers drawn as the lines themselves, so that solid (A) and dashed (B) show there.
    m_chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    for (const OverlayLine &line : overlayLines()) {
        OverlayTwin twin{
            line,
            addLine(tr("%1: %2").arg(labelA, line.name), line.color, Qt::SolidLine, line.axis),
            addLine(tr("%1: %2").arg(labelB, line.name), line.color, Qt::DashLine, line.axis)};
        twin.a->setObjectName("A:" + line.name);
        twin.b->setObjectName("B:" + line.name);
        m_twins.push_back(std::move(twin));
    }
    // Eight entries do not fit under a dashboard-sized chart: beside it they do.
    if (m_twins.size() > 3)
        m_chart->legend()->setAlignment(Qt::AlignRight);
}

double TimeChart::rebuildOverlay(const BucketWindow &a, const BucketWindow &b)
{
    double max = 0;
    std::map<QValueAxis *, double> otherAxes;
    for (OverlayTwin &twin : m_twins) {
        for (const BucketWindow *w : {&a, &b}) {
            QList<QPointF> points;
            points.reserve(static_cast<qsizetype>(w->pointCount() * (twin.line.step ? 2 : 1)));
            for (std::size_t i = w->first; i < w->end; i += w->stride) {
                const BucketRow &r = w->row(i);
                if (twin.line.endedOnly && r.success + r.fallback + r.failure == 0)
                    continue;
                const double v = twin.line.value(r, w->bucketS);
                points.append({w->startS(i), v});
                if (twin.line.step)
                    points.append({w->startS(std::min(i + w->stride, w->end)), v});
                if (twin.line.axis)
                    otherAxes[twin.line.axis] = std::max(otherAxes[twin.line.axis], v);
                else
                    max = std::max(max, v);
            }
            (w == &a ? twin.a : twin.b)->replace(points);
        }
    }
    // A right axis the subclass fitted to run A only must still show all of run B.
    for (const auto &[axis, axisMax] : otherAxes)
        if (axisMax > axis->max())
            fitAxis(axis, axisMax);
    return max;
}

void TimeChart::plot(const BucketWindow &window, const std::vector<double> &hotAppliesS,
                     const BucketWindow *overlay)
{
    m_timeAxis->setRange(window.xLo, window.xHi);
    // Ticks on round seconds (multiples of 1, 2 or 5 × 10^k) wherever the window starts, so a
    // scrolling window's labels do not read 30.5 s as "30".
    const double step = niceStep((window.xHi - window.xLo) / 6);
    m_timeAxis->setTickType(QValueAxis::TicksDynamic);
    m_timeAxis->setTickAnchor(0);
    m_timeAxis->setTickInterval(step);
    m_timeAxis->setLabelFormat(step >= 1 ? "%.0f" : "%.1f");
    const bool overlaid = m_overlayController && overlay;
    m_overlayWindow = overlaid ? overlay : nullptr;
    double max = rebuild(window);
    m_overlayWindow = nullptr;
    if (overlaid) {
        // The subclass may have shown its own series again (a breaker appearing): keep them hidden.
        for (QAbstractSeries *s : m_baseSeries)
            s->setVisible(false);
        max = std::max(rebuildOverlay(window, *overlay), m_overlayFloor);
    }
    if (m_autoRange)
        fitAxis(m_valueAxis, max, m_wholeValues);
    // Only the edits inside the window (SVG export has no clipping).
    std::vector<double> shown;
    for (const double t : hotAppliesS)
        if (t >= window.xLo && t <= window.xHi)
            shown.push_back(t);
    placeHotApplies(shown);
}

void TimeChart::clearPlot()
{
    clearSeries();
    for (OverlayTwin &twin : m_twins) {
        twin.a->clear();
        twin.b->clear();
    }
    placeHotApplies({});
}

void TimeChart::placeHotApplies(const std::vector<double> &timesS)
{
    while (m_hotApplies.size() > timesS.size()) {
        QLineSeries *s = m_hotApplies.back();
        m_hotApplies.pop_back();
        m_chart->removeSeries(s);
        delete s;
    }
    while (m_hotApplies.size() < timesS.size()) {
        QLineSeries *s = addLine(tr("edit applied"), chart_palette::kHotApply, Qt::DashLine);
        QPen pen = s->pen();
        pen.setWidthF(1.5);
        s->setPen(pen);
        m_hotApplies.push_back(s);
    }
    const double lo = m_valueAxis->min();
    const double hi = m_valueAxis->max();
    for (std::size_t i = 0; i < timesS.size(); ++i) {
        m_hotApplies[i]->replace(QList<QPointF>{{timesS[i], lo}, {timesS[i], hi}});
        // One legend entry for all the edit markers.
        const auto markers = m_chart->legend()->markers(m_hotApplies[i]);
        for (QLegendMarker *m : markers)
            m->setVisible(i == 0);
    }
}

QString TimeChart::describeAt(double t) const
{
    if (!m_overlayController)
        return describeRun(m_controller, t);
    const QString a = describeRun(m_controller, t);
    const QString b = describeRun(m_overlayController, t);
    if (a.isEmpty() && b.isEmpty())
        return {};
    const QString none = tr("(no closed bucket here)");
    return tr("%1:\n%2\n\n%3:\n%4")
        .arg(m_labelA, a.isEmpty() ? none : a, m_labelB, b.isEmpty() ? none : b);
}

QString TimeChart::describeRun(const SimulationController *controller, double t) const
{
    const Simulation *sim = controller ? controller->simulation() : nullptr;
    if (!sim || !(t >= 0))
        return {};
    const RunRecorder &rec = sim->recorder();
    const double bucketS = toSeconds(rec.bucket());
    const auto index = static_cast<std::size_t>(std::floor(t / bucketS));
    if (index >= closedRowCount(*sim))
        return {};
    const BucketRow &row = rec.rows()[index];
    const double start = toSeconds(row.start);
    QString text = tr("t = %1 – %2 s").arg(seconds(start), seconds(start + bucketS));
    for (const double at : controller->hotApplyTimes()) {
        const double atS = toSeconds(at);
        if (atS >= start && atS < start + bucketS)
            text += tr("\nedit applied at %1 s").arg(atS, 0, 'f', 3);
    }
    return text + '\n' + describeRow(row, bucketS);
}

void TimeChart::mouseMoveEvent(QMouseEvent *event)
{
    QChartView::mouseMoveEvent(event);
    const QPointF pos = event->position();
    if (!m_chart->plotArea().contains(pos) || m_chart->series().isEmpty()) {
        QToolTip::hideText();
        return;
    }
    const QPointF value = m_chart->mapToValue(pos, m_chart->series().front());
    const QString text = describeAt(value.x());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

void TimeChart::leaveEvent(QEvent *event)
{
    QToolTip::hideText();
    QChartView::leaveEvent(event);
}

} // namespace reslab::ui
