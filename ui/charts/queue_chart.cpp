#include "queue_chart.h"

#include "chart_palette.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace reslab::ui {

QueueChart::QueueChart(SimulationController *controller, QWidget *parent)
    : TimeChart(controller, "queue", parent)
{
    m_utilAxis = addRightAxis(QString());
    m_wholeValues = true;
    m_overlayFloor = 4; // an empty queue still gets a readable axis
    m_queue = addLine(QString(), chart_palette::kQueue);
    m_queue->setObjectName("queue");
    m_utilization = addLine(QString(), chart_palette::kUtilization, Qt::SolidLine, m_utilAxis);
    m_utilization->setObjectName("utilization");
    retranslate();
}

void QueueChart::retranslate()
{
    TimeChart::retranslate();
    m_chart->setTitle(m_target ? tr("Target service “%1”").arg(*m_target) : tr("Target service"));
    valueAxis()->setTitleText(tr("queue (requests)"));
    // With no concurrency limit the engine's utilisation is the mean number of attempts in
    // service, not a share: the axis says which.
    m_utilAxis->setTitleText(m_unlimited ? tr("in service (mean)") : tr("utilisation (0–1)"));
    m_queue->setName(tr("queue length"));
    m_utilization->setName(tr("utilisation"));
}

double QueueChart::rebuild(const BucketWindow &w)
{
    const Scenario &scenario = w.sim->scenario();
    const auto target = scenario.services.find(scenario.target);
    const bool unlimited = target == scenario.services.end() || target->second.concurrency <= 0;
    if (m_target != QString::fromStdString(scenario.target) || m_unlimited != unlimited) {
        m_target = QString::fromStdString(scenario.target);
        m_unlimited = unlimited;
        retranslate();
    }

    QList<QPointF> queue, utilization;
    queue.reserve(static_cast<qsizetype>(w.pointCount()));
    utilization.reserve(static_cast<qsizetype>(w.pointCount()));
    double maxQueue = 0, maxUtil = 0;
    for (std::size_t i = w.first; i < w.end; i += w.stride) {
        const BucketRow &r = w.row(i);
        const double t = w.startS(i);
        queue.append({t, static_cast<double>(r.queueLen)});
        utilization.append({t, r.utilization});
        maxQueue = std::max(maxQueue, static_cast<double>(r.queueLen));
        maxUtil = std::max(maxUtil, r.utilization);
    }
    m_queue->replace(queue);
    m_utilization->replace(utilization);
    if (unlimited || maxUtil > 1.0) {
        fitAxis(m_utilAxis, maxUtil);
    } else {
        m_utilAxis->setRange(0, 1);
        m_utilAxis->setTickCount(6);
        m_utilAxis->setLabelFormat("%.1f");
    }
    return std::max(maxQueue, 4.0); // an empty queue still gets a readable axis
}

QString QueueChart::describeRow(const BucketRow &r, double) const
{
    return tr("queue length: %1 (at the bucket's end)\nutilisation: %2\nin flight: %3")
        .arg(r.queueLen)
        .arg(r.utilization, 0, 'f', 2)
        .arg(r.inFlight);
}

std::vector<TimeChart::OverlayLine> QueueChart::overlayLines() const
{
    return {{tr("queue length"), chart_palette::kQueue,
             [](const BucketRow &r, double) {
                 return static_cast<double>(r.queueLen);
             }},
            {tr("utilisation"), chart_palette::kUtilization,
             [](const BucketRow &r, double) { return r.utilization; }, m_utilAxis}};
}

void QueueChart::clearSeries()
{
    m_queue->clear();
    m_utilization->clear();
}

} // namespace reslab::ui
