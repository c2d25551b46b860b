#include "latency_chart.h"

#include "chart_palette.h"

#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace reslab::ui {

LatencyChart::LatencyChart(SimulationController *controller, QWidget *parent)
    : TimeChart(controller, "latency", parent)
{
    m_p50 = addLine(QString(), chart_palette::kP50);
    m_p50->setObjectName("p50");
    m_p99 = addLine(QString(), chart_palette::kP99);
    m_p99->setObjectName("p99");
    retranslate();
}

void LatencyChart::retranslate()
{
    TimeChart::retranslate();
    m_chart->setTitle(tr("Latency of ended requests"));
    valueAxis()->setTitleText(tr("latency (ms)"));
    m_p50->setName(tr("p50"));
    m_p99->setName(tr("p99"));
}

double LatencyChart::rebuild(const BucketWindow &w)
{
    QList<QPointF> p50, p99;
    p50.reserve(static_cast<qsizetype>(w.pointCount()));
    p99.reserve(static_cast<qsizetype>(w.pointCount()));
    double max = 0;
    for (std::size_t i = w.first; i < w.end; i += w.stride) {
        const BucketRow &r = w.row(i);
        // A bucket in which no request ended has no latency (the engine writes 0): no point.
        if (r.success + r.fallback + r.failure == 0)
            continue;
        const double t = w.startS(i);
        p50.append({t, r.p50Ms});
        p99.append({t, r.p99Ms});
        max = std::max({max, r.p50Ms, r.p99Ms});
    }
    m_p50->replace(p50);
    m_p99->replace(p99);
    return max;
}

QString LatencyChart::describeRow(const BucketRow &r, double) const
{
    const std::uint32_t ended = r.success + r.fallback + r.failure;
    if (ended == 0)
        return tr("no request ended in this bucket");
    return tr("p50: %1 ms\np99: %2 ms\n(%3 requests ended)")
        .arg(r.p50Ms, 0, 'f', 1)
        .arg(r.p99Ms, 0, 'f', 1)
        .arg(ended);
}

std::vector<TimeChart::OverlayLine> LatencyChart::overlayLines() const
{
    return {{tr("p50"), chart_palette::kP50, [](const BucketRow &r, double) { return r.p50Ms; },
             nullptr, true},
            {tr("p99"), chart_palette::kP99, [](const BucketRow &r, double) { return r.p99Ms; },
             nullptr, true}};
}

void LatencyChart::clearSeries()
{
    m_p50->clear();
    m_p99->clear();
}

} // namespace reslab::ui
