#include "attempts_chart.h"

#include "chart_palette.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace reslab::ui {

AttemptsChart::AttemptsChart(SimulationController *controller, QWidget *parent)
    : TimeChart(controller, "attempts", parent)
{
    m_attempts = addLine(QString(), chart_palette::kAttempts);
    m_attempts->setObjectName("attempts");
    m_retries = addLine(QString(), chart_palette::kRetries);
    m_retries->setObjectName("retries");
    m_rejected = addLine(QString(), chart_palette::kRejected);
    m_rejected->setObjectName("rejected");
    // Arrivals last, dashed, on top: the reference the other lines are read against.
    m_arrivals = addLine(QString(), chart_palette::kArrivals, Qt::DashLine);
    m_arrivals->setObjectName("arrivals");
    retranslate();
}

void AttemptsChart::retranslate()
{
    TimeChart::retranslate();
    updateTitle();
    valueAxis()->setTitleText(tr("calls / s"));
    m_attempts->setName(tr("attempts"));
    m_retries->setName(tr("retries"));
    m_rejected->setName(tr("rejected"));
    m_arrivals->setName(tr("arrivals"));
}

void AttemptsChart::updateTitle()
{
    if (m_amplificationB)
        m_chart->setTitle(tr("Attempts and retries — amplification A %1× · B %2×")
                              .arg(*m_amplification, 0, 'f', 2)
                              .arg(*m_amplificationB, 0, 'f', 2));
    else if (m_amplification)
        m_chart->setTitle(
            tr("Attempts and retries — amplification %1× so far").arg(*m_amplification, 0, 'f', 2));
    else
        m_chart->setTitle(tr("Attempts and retries"));
}

double AttemptsChart::rebuild(const BucketWindow &w)
{
    QList<QPointF> arrivals, attempts, retries, rejected;
    const auto n = static_cast<qsizetype>(w.pointCount());
    for (QList<QPointF> *list : {&arrivals, &attempts, &retries, &rejected})
        list->reserve(n);
    double max = 0;
    for (std::size_t i = w.first; i < w.end; i += w.stride) {
        const BucketRow &r = w.row(i);
        const double t = w.startS(i);
        arrivals.append({t, r.arrivals / w.bucketS});
        attempts.append({t, r.attempts / w.bucketS});
        retries.append({t, r.retries / w.bucketS});
        rejected.append({t, r.rejected / w.bucketS});
        max = std::max({max, arrivals.back().y(), attempts.back().y(), retries.back().y(),
                        rejected.back().y()});
    }
    m_arrivals->replace(arrivals);
    m_attempts->replace(attempts);
    m_retries->replace(retries);
    m_rejected->replace(rejected);

    const Summary summary = w.sim->summary();
    m_amplification.reset();
    m_amplificationB.reset();
    if (m_overlayWindow) {
        const Summary b = m_overlayWindow->sim->summary();
        if (summary.requests > 0 || b.requests > 0) {
            m_amplification = summary.amplification;
            m_amplificationB = b.amplification;
        }
    } else if (summary.requests > 0) {
        m_amplification = summary.amplification;
    }
    updateTitle();
    return max;
}

QString AttemptsChart::describeRow(const BucketRow &r, double bucketS) const
{
    const auto line = [bucketS](const QString &what, std::uint32_t n) {
        return tr("%1: %2 (%3 /s)").arg(what).arg(n).arg(n / bucketS, 0, 'f', 1);
    };
    return line(tr("arrivals"), r.arrivals) + '\n' + line(tr("attempts"), r.attempts) + '\n' +
           line(tr("retries"), r.retries) + '\n' + line(tr("rejected"), r.rejected);
}

std::vector<TimeChart::OverlayLine> AttemptsChart::overlayLines() const
{
    // Arrivals first (drawn underneath): an open breaker's rejections equal them and must show.
    return {{tr("arrivals"), chart_palette::kArrivals,
             [](const BucketRow &r, double bucketS) {
                 return r.arrivals / bucketS;
             }},
            {tr("attempts"), chart_palette::kAttempts,
             [](const BucketRow &r, double bucketS) {
                 return r.attempts / bucketS;
             }},
            {tr("retries"), chart_palette::kRetries,
             [](const BucketRow &r, double bucketS) {
                 return r.retries / bucketS;
             }},
            {tr("rejected"), chart_palette::kRejected, [](const BucketRow &r, double bucketS) {
                 return r.rejected / bucketS;
             }}};
}

void AttemptsChart::clearSeries()
{
    for (QLineSeries *s : {m_arrivals, m_attempts, m_retries, m_rejected})
        s->clear();
    m_amplification.reset();
    m_amplificationB.reset();
    updateTitle();
}

} // namespace reslab::ui
