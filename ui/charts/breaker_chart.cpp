#include "breaker_chart.h"

#include "chart_palette.h"

#include <QAreaSeries>
#include <QChart>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace reslab::ui {

BreakerChart::BreakerChart(SimulationController *controller, QWidget *parent)
    : TimeChart(controller, "breaker", parent)
    , m_closedTop(new QLineSeries(this))
    , m_openBottom(new QLineSeries(this))
    , m_openTop(new QLineSeries(this))
    , m_halfOpenBottom(new QLineSeries(this))
    , m_halfOpenTop(new QLineSeries(this))
    , m_note(new QGraphicsSimpleTextItem(m_chart))
{
    m_areas.append(addArea(QString(), chart_palette::kBreakerClosed, m_closedTop, nullptr));
    m_areas.append(addArea(QString(), chart_palette::kBreakerOpen, m_openTop, m_openBottom));
    m_areas.append(
        addArea(QString(), chart_palette::kBreakerHalfOpen, m_halfOpenTop, m_halfOpenBottom));
    m_areas[0]->setObjectName("closed");
    m_areas[1]->setObjectName("open");
    m_areas[2]->setObjectName("half_open");
    m_autoRange = false;
    setMinimumHeight(170);
    m_chart->legend()->setAlignment(Qt::AlignRight);
    valueAxis()->setRange(0, 1);
    valueAxis()->setTickCount(3);
    valueAxis()->setLabelFormat("%.1f");

    QFont font = m_note->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    m_note->setFont(font);
    m_note->setBrush(chart_palette::kNote);
    m_note->setVisible(false);
    connect(m_chart, &QChart::plotAreaChanged, this, [this] { placeNote(); });
    retranslate();
}

void BreakerChart::retranslate()
{
    TimeChart::retranslate();
    m_chart->setTitle(m_hasBreaker ? tr("Circuit breaker state") : tr("Circuit breaker — none"));
    valueAxis()->setTitleText(tr("share (0–1)"));
    m_areas[0]->setName(tr("closed"));
    m_areas[1]->setName(tr("open"));
    m_areas[2]->setName(tr("half-open"));
    m_note->setText(tr("no circuit breaker in this scenario"));
    placeNote();
}

void BreakerChart::setHasBreaker(bool has)
{
    if (has == m_hasBreaker)
        return;
    m_hasBreaker = has;
    for (QAreaSeries *a : m_areas)
        a->setVisible(has);
    m_chart->setTitle(has ? tr("Circuit breaker state") : tr("Circuit breaker — none"));
    // Without a breaker the chart is only its note: no empty axes, grid lines or legend behind
    // the text. (In the A/B overlay run B may have a breaker: there the axes stay.)
    const bool bare = !has && !hasOverlay();
    timeAxis()->setVisible(!bare);
    valueAxis()->setVisible(!bare);
    m_chart->legend()->setVisible(!bare);
    // ... and it gives its height to the other charts.
    setMinimumHeight(bare ? 90 : 170);
    setMaximumHeight(bare ? 110 : QWIDGETSIZE_MAX);
    m_note->setVisible(!has);
    placeNote();
}

void BreakerChart::placeNote()
{
    const QRectF plot = m_chart->plotArea();
    const QRectF text = m_note->boundingRect();
    m_note->setPos(plot.center().x() - text.width() / 2, plot.center().y() - text.height() / 2);
}

double BreakerChart::rebuild(const BucketWindow &w)
{
    setHasBreaker(w.sim->recorder().hasBreaker);
    QList<QPointF> closed, openLow, open, halfLow, half;
    const auto n = static_cast<qsizetype>(2 * w.pointCount());
    for (QList<QPointF> *list : {&closed, &openLow, &open, &halfLow, &half})
        list->reserve(n);
    // A step per bucket: the band keeps the bucket's shares from its start to its end.
    for (std::size_t i = w.first; i < w.end; i += w.stride) {
        const BucketRow &r = w.row(i);
        const double t0 = w.startS(i);
        const double t1 = w.startS(std::min(i + w.stride, w.end));
        const double c = r.breakerTime[0];
        const double o = c + r.breakerTime[1];
        const double h = o + r.breakerTime[2];
        for (const double t : {t0, t1}) {
            closed.append({t, c});
            openLow.append({t, c});
            open.append({t, o});
            halfLow.append({t, o});
            half.append({t, h});
        }
    }
    m_closedTop->replace(closed);
    m_openBottom->replace(openLow);
    m_openTop->replace(open);
    m_halfOpenBottom->replace(halfLow);
    m_halfOpenTop->replace(half);
    return 1;
}

QString BreakerChart::describeRow(const BucketRow &r, double) const
{
    if (!m_hasBreaker)
        return tr("no circuit breaker in this scenario");
    const auto pct = [](float f) {
        return QString::number(100.0 * f, 'f', 0) + " %";
    };
    const QString mostly = r.breakerState == BreakerState::Open       ? tr("open")
                           : r.breakerState == BreakerState::HalfOpen ? tr("half-open")
                                                                      : tr("closed");
    return tr("closed %1 · open %2 · half-open %3\nmostly %4; %n transition(s)", nullptr,
              static_cast<int>(r.transitions))
        .arg(pct(r.breakerTime[0]), pct(r.breakerTime[1]), pct(r.breakerTime[2]), mostly);
}

std::vector<TimeChart::OverlayLine> BreakerChart::overlayLines() const
{
    // Two bands cannot share the axes: the overlay draws the share of each bucket spent open and
    // half-open as steps (closed is the rest).
    return {{tr("open"), chart_palette::kBreakerOpen,
             [](const BucketRow &r, double) { return static_cast<double>(r.breakerTime[1]); },
             nullptr, false, true},
            {tr("half-open"), chart_palette::kBreakerHalfOpen,
             [](const BucketRow &r, double) { return static_cast<double>(r.breakerTime[2]); },
             nullptr, false, true}};
}

void BreakerChart::clearSeries()
{
    for (QLineSeries *s : {m_closedTop, m_openBottom, m_openTop, m_halfOpenBottom, m_halfOpenTop})
        s->clear();
}

} // namespace reslab::ui
