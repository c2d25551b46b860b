#include "throughput_chart.h"

#include "chart_palette.h"

#include <QAreaSeries>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace reslab::ui {

ThroughputChart::ThroughputChart(SimulationController *controller, QWidget *parent)
    : TimeChart(controller, "throughput", parent)
    , m_successTop(new QLineSeries(this))
    , m_fallbackBottom(new QLineSeries(this))
    , m_fallbackTop(new QLineSeries(this))
    , m_failureBottom(new QLineSeries(this))
    , m_failureTop(new QLineSeries(this))
{
    addArea(QString(), chart_palette::kSuccess, m_successTop, nullptr)->setObjectName("success");
    addArea(QString(), chart_palette::kFallback, m_fallbackTop, m_fallbackBottom)
        ->setObjectName("fallback");
    addArea(QString(), chart_palette::kFailure, m_failureTop, m_failureBottom)
        ->setObjectName("failure");
    retranslate();
}

void ThroughputChart::retranslate()
{
    TimeChart::retranslate();
    m_chart->setTitle(tr("Throughput by outcome"));
    valueAxis()->setTitleText(tr("requests / s"));
    nameSeries("success", tr("success"));
    nameSeries("fallback", tr("fallback"));
    nameSeries("failure", tr("failure"));
}

double ThroughputChart::rebuild(const BucketWindow &w)
{
    QList<QPointF> success, fallback, failure, successBase, fallbackBase;
    const auto n = static_cast<qsizetype>(w.pointCount());
    for (QList<QPointF> *list : {&success, &fallback, &failure, &successBase, &fallbackBase})
        list->reserve(n);
    double max = 0;
    // One point per bucket at its start (as timeseries.csv's t_s); counts per bucket become
    // requests per second, and each outcome is stacked on the ones below it.
    for (std::size_t i = w.first; i < w.end; i += w.stride) {
        const BucketRow &r = w.row(i);
        const double t = w.startS(i);
        const double s = r.success / w.bucketS;
        const double fb = s + r.fallback / w.bucketS;
        const double f = fb + r.failure / w.bucketS;
        success.append({t, s});
        successBase.append({t, s});
        fallback.append({t, fb});
        fallbackBase.append({t, fb});
        failure.append({t, f});
        max = std::max(max, f);
    }
    m_successTop->replace(success);
    m_fallbackBottom->replace(successBase);
    m_fallbackTop->replace(fallback);
    m_failureBottom->replace(fallbackBase);
    m_failureTop->replace(failure);
    return max;
}

QString ThroughputChart::describeRow(const BucketRow &r, double bucketS) const
{
    const auto line = [bucketS](const QString &what, std::uint32_t n) {
        return tr("%1: %2 (%3 /s)").arg(what).arg(n).arg(n / bucketS, 0, 'f', 1);
    };
    return line(tr("success"), r.success) + '\n' + line(tr("fallback"), r.fallback) + '\n' +
           line(tr("failure"), r.failure);
}

std::vector<TimeChart::OverlayLine> ThroughputChart::overlayLines() const
{
    // Lines, not stacked areas: two stacks cannot be read on top of each other.
    return {{tr("success"), chart_palette::kSuccess,
             [](const BucketRow &r, double bucketS) {
                 return r.success / bucketS;
             }},
            {tr("fallback"), chart_palette::kFallback,
             [](const BucketRow &r, double bucketS) {
                 return r.fallback / bucketS;
             }},
            {tr("failure"), chart_palette::kFailure, [](const BucketRow &r, double bucketS) {
                 return r.failure / bucketS;
             }}};
}

void ThroughputChart::clearSeries()
{
    for (QLineSeries *s :
         {m_successTop, m_fallbackBottom, m_fallbackTop, m_failureBottom, m_failureTop})
        s->clear();
}

} // namespace reslab::ui
