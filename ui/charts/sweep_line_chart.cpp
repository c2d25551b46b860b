#include "sweep_line_chart.h"

#include "chart_palette.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace reslab::ui {
namespace {

constexpr QColor kLine{0x1f, 0x4e, 0x8c};
constexpr QColor kBest{0xd8, 0x1b, 0x60};

void styleAxis(QAbstractAxis *axis)
{
    QFont f = axis->labelsFont();
    f.setPointSizeF(9);
    axis->setLabelsFont(f);
    QFont t = axis->titleFont();
    t.setPointSizeF(9);
    t.setBold(false);
    axis->setTitleFont(t);
}

/// A round tick interval giving about `target` ticks over `span`.
double niceStep(double span, int target)
{
    if (!(span > 0))
        return 1;
    const double raw = span / target;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (raw <= m * magnitude)
            return m * magnitude;
    }
    return 10 * magnitude;
}

QLineSeries *lineOf(const std::vector<double> &x, const std::vector<double> &y)
{
    auto *s = new QLineSeries;
    QList<QPointF> points;
    for (std::size_t i = 0; i < x.size() && i < y.size(); ++i)
        points.append({x[i], y[i]});
    s->replace(points);
    return s;
}

} // namespace

SweepLineChart::SweepLineChart(QWidget *parent)
    : QWidget(parent)
    , m_view(new QChartView(new QChart, this))
{
    setObjectName("sweepLineChart");
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMouseTracking(true);
    m_view->viewport()->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);
    QChart *c = m_view->chart();
    c->setBackgroundRoundness(0);
    c->setMargins(QMargins(6, 4, 6, 4));
    c->legend()->setAlignment(Qt::AlignBottom);
    QFont titleFont = c->titleFont();
    titleFont.setBold(true);
    titleFont.setPointSizeF(10);
    c->setTitleFont(titleFont);
    QFont legendFont = c->legend()->font();
    legendFont.setPointSizeF(9);
    c->legend()->setFont(legendFont);
    setMinimumSize(360, 260);
}

QChart *SweepLineChart::chart() const
{
    return m_view->chart();
}

void SweepLineChart::setData(SweepLineData data)
{
    m_data = std::move(data);
    QChart *c = m_view->chart();
    c->removeAllSeries();
    for (QAbstractAxis *a : c->axes()) {
        c->removeAxis(a);
        delete a;
    }
    m_meanSeries = nullptr;
    c->setTitle(m_data.title);
    const std::size_t n = std::min(m_data.x.size(), m_data.mean.size());
    if (n == 0)
        return;

    // Ranges: the x values with a little room; y over the band and the line.
    double xMin = *std::min_element(m_data.x.begin(), m_data.x.begin() + static_cast<long>(n));
    double xMax = *std::max_element(m_data.x.begin(), m_data.x.begin() + static_cast<long>(n));
    double yMin = std::numeric_limits<double>::infinity();
    double yMax = -yMin;
    for (std::size_t i = 0; i < n; ++i) {
        for (const auto *v : {&m_data.mean, &m_data.low, &m_data.high}) {
            if (i < v->size() && std::isfinite((*v)[i])) {
                yMin = std::min(yMin, (*v)[i]);
                yMax = std::max(yMax, (*v)[i]);
            }
        }
    }
    if (!std::isfinite(yMin))
        yMin = yMax = 0;
    const double ySpan = yMax - yMin;
    const double yPad = ySpan > 0 ? ySpan * 0.08 : std::max(1.0, std::abs(yMax) * 0.05);
    yMin = std::max(m_data.yLowest, yMin - yPad);
    yMax = std::min(m_data.yHighest, yMax + yPad);
    if (!(yMax > yMin))
        yMax = yMin + 1;
    // At a bound, a sliver of room so that markers on it are not cut (no tick beyond it).
    const double room = (yMax - yMin) * 0.03;
    if (yMax >= m_data.yHighest)
        yMax += room;
    if (yMin <= m_data.yLowest)
        yMin -= room;
    if (m_data.logX) {
        xMin /= 1.15;
        xMax *= 1.15;
    } else {
        const double pad = xMax > xMin ? (xMax - xMin) * 0.05 : 1.0;
        xMin -= pad;
        xMax += pad;
    }

    // Round ticks (anchored at 0) over ranges that fit the data, not ranges rounded outwards.
    QAbstractAxis *xAxis = nullptr;
    if (m_data.logX) {
        auto *log = new QLogValueAxis;
        log->setBase(10);
        log->setLabelFormat("%g");
        log->setMinorTickCount(8);
        log->setRange(xMin, xMax);
        xAxis = log;
    } else {
        auto *lin = new QValueAxis;
        lin->setRange(xMin, xMax);
        lin->setTickType(QValueAxis::TicksDynamic);
        lin->setTickAnchor(0);
        lin->setTickInterval(niceStep(xMax - xMin, 7));
        lin->setLabelFormat("%g");
        xAxis = lin;
    }
    auto *yAxis = new QValueAxis;
    yAxis->setRange(yMin, yMax);
    yAxis->setTickType(QValueAxis::TicksDynamic);
    yAxis->setTickAnchor(0);
    yAxis->setTickInterval(niceStep(yMax - yMin, 6));
    yAxis->setLabelFormat("%g");
    xAxis->setTitleText(m_data.xTitle);
    yAxis->setTitleText(m_data.yTitle);
    styleAxis(xAxis);
    styleAxis(yAxis);
    c->addAxis(xAxis, Qt::AlignBottom);
    c->addAxis(yAxis, Qt::AlignLeft);
    const auto add = [&](QAbstractSeries *s) {
        c->addSeries(s);
        s->attachAxis(xAxis);
        s->attachAxis(yAxis);
    };
    const auto hideFromLegend = [&](QAbstractSeries *s) {
        for (QLegendMarker *m : c->legend()->markers(s))
            m->setVisible(false);
    };

    // The goal region: a green column over each run of consecutive points that meet the goal,
    // reaching halfway to the neighbours.
    const bool hasGoal = m_data.meets.size() == n;
    if (hasGoal) {
        const auto mid = [&](double a, double b) {
            return m_data.logX ? std::sqrt(a * b) : (a + b) / 2;
        };
        bool first = true;
        for (std::size_t a = 0; a < n;) {
            if (!m_data.meets[a]) {
                ++a;
                continue;
            }
            std::size_t b = a;
            while (b + 1 < n && m_data.meets[b + 1])
                ++b;
            const double left = a > 0 ? mid(m_data.x[a - 1], m_data.x[a]) : xMin;
            const double right = b + 1 < n ? mid(m_data.x[b], m_data.x[b + 1]) : xMax;
            auto *upper = lineOf({left, right}, {yMax, yMax});
            auto *lower = lineOf({left, right}, {yMin, yMin});
            auto *region = new QAreaSeries(upper, lower);
            upper->setParent(region);
            lower->setParent(region);
            region->setName(tr("goal met here"));
            QColor fill = chart_palette::kSuccess;
            fill.setAlpha(38);
            region->setBrush(fill);
            region->setPen(Qt::NoPen);
            add(region);
            if (!first)
                hideFromLegend(region);
            first = false;
            a = b + 1;
        }
    }

    if (m_data.showSpread && m_data.low.size() == n && m_data.high.size() == n) {
        auto *upper = lineOf(m_data.x, m_data.high);
        auto *lower = lineOf(m_data.x, m_data.low);
        auto *band = new QAreaSeries(upper, lower);
        upper->setParent(band);
        lower->setParent(band);
        band->setName(m_data.spreadName);
        QColor fill = kLine;
        fill.setAlpha(55);
        band->setBrush(fill);
        QColor edge = kLine;
        edge.setAlpha(90);
        band->setPen(QPen(edge, 1));
        add(band);
    }

    m_meanSeries = lineOf(m_data.x, m_data.mean);
    m_meanSeries->setName(m_data.showSpread ? tr("mean across seeds") : tr("value"));
    m_meanSeries->setPen(QPen(kLine, 2));
    add(m_meanSeries);

    auto *dots = new QScatterSeries;
    dots->setMarkerSize(7);
    dots->setColor(kLine);
    dots->setBorderColor(kLine);
    dots->replace(m_meanSeries->points());
    add(dots);
    hideFromLegend(dots);

    if (hasGoal) {
        auto *meets = new QScatterSeries;
        meets->setName(tr("meets the goal"));
        meets->setMarkerSize(11);
        meets->setColor(chart_palette::kSuccess);
        meets->setBorderColor(Qt::white);
        for (std::size_t i = 0; i < n; ++i) {
            if (m_data.meets[i])
                meets->append(m_data.x[i], m_data.mean[i]);
        }
        add(meets);
    }
    if (m_data.best >= 0 && static_cast<std::size_t>(m_data.best) < n) {
        auto *best = new QScatterSeries;
        best->setName(tr("best setting"));
        best->setMarkerShape(QScatterSeries::MarkerShapeStar);
        best->setMarkerSize(20);
        best->setColor(kBest);
        best->setBorderColor(Qt::white);
        const auto b = static_cast<std::size_t>(m_data.best);
        best->append(m_data.x[b], m_data.mean[b]);
        add(best);
    }
}

QPoint SweepLineChart::positionOf(int index) const
{
    if (!m_meanSeries || index < 0 || index >= static_cast<int>(m_data.x.size()))
        return {};
    const auto i = static_cast<std::size_t>(index);
    const QPointF scene =
        m_view->chart()->mapToPosition(QPointF(m_data.x[i], m_data.mean[i]), m_meanSeries);
    return m_view->mapFromScene(scene);
}

int SweepLineChart::pointAt(QPoint viewportPos) const
{
    if (!m_meanSeries || m_data.x.empty())
        return -1;
    const QRectF plot = m_view->chart()->plotArea();
    const QPointF scene = m_view->mapToScene(viewportPos);
    if (!plot.adjusted(-8, -8, 8, 8).contains(scene))
        return -1;
    int best = -1;
    int bestDistance = std::numeric_limits<int>::max();
    for (int i = 0; i < static_cast<int>(m_data.x.size()); ++i) {
        const int d = std::abs(positionOf(i).x() - viewportPos.x());
        if (d < bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    // Within half a column (or 12 px when there is one point).
    int half = 12;
    if (m_data.x.size() > 1)
        half = std::max(4, std::abs(positionOf(1).x() - positionOf(0).x()) / 2 + 1);
    return bestDistance <= std::max(half, 6) ? best : -1;
}

bool SweepLineChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport()) {
        if (event->type() == QEvent::MouseButtonPress) {
            auto *e = static_cast<QMouseEvent *>(event);
            const int i = pointAt(e->position().toPoint());
            if (e->button() == Qt::LeftButton && i >= 0) {
                emit pointClicked(i);
                return true;
            }
        } else if (event->type() == QEvent::MouseMove) {
            auto *e = static_cast<QMouseEvent *>(event);
            const int i = pointAt(e->position().toPoint());
            if (i >= 0 && i < static_cast<int>(m_data.tooltips.size()))
                QToolTip::showText(e->globalPosition().toPoint(),
                                   m_data.tooltips[static_cast<std::size_t>(i)], m_view);
            else
                QToolTip::hideText();
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace reslab::ui
