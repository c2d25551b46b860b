#include "flow_view.h"

#include "animation_ticker.h"
#include "pattern_style.h"
#include "simulation_controller.h"
#include "view_palette.h"

#include "reslab/stages/circuit_breaker_options.h"
#include "reslab/stages/circuit_breaker_stage.h"
#include "reslab/stages/retry_options.h"
#include "reslab/stages/stage_pattern.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>

namespace reslab::ui {
namespace vp = view_palette;

namespace {
using Tint = FlowModel::Tint;

constexpr QColor kTints[] = {vp::kInFlight, vp::kSuccess,  vp::kRetrying, vp::kFailed,
                             vp::kTimeout,  vp::kFallback, vp::kRejected};
static_assert(std::size(kTints) == FlowModel::TintCount);

/// The legend, in the order of FlowModel's tints.
constexpr const char *kTintLabels[] = {QT_TRANSLATE_NOOP("reslab::ui::FlowView", "on its way"),
                                       QT_TRANSLATE_NOOP("reslab::ui::FlowView", "success"),
                                       QT_TRANSLATE_NOOP("reslab::ui::FlowView", "retrying"),
                                       QT_TRANSLATE_NOOP("reslab::ui::FlowView", "failed"),
                                       QT_TRANSLATE_NOOP("reslab::ui::FlowView", "timed out"),
                                       QT_TRANSLATE_NOOP("reslab::ui::FlowView", "fallback"),
                                       QT_TRANSLATE_NOOP("reslab::ui::FlowView", "rejected")};
static_assert(std::size(kTintLabels) == FlowModel::TintCount);

void arrowHead(QPainter &p, QPointF tip, qreal dir, qreal size)
{
    QPolygonF head;
    head << tip << QPointF(tip.x() - dir * size, tip.y() - size * 0.55)
         << QPointF(tip.x() - dir * size, tip.y() + size * 0.55);
    p.drawPolygon(head);
}
} // namespace

/// A part of the flow view: it paints from the view's model and layout, in its rect (which
/// the view sets when the layout changes).
class FlowItem : public QGraphicsItem
{
public:
    explicit FlowItem(const FlowView &view)
        : m_view(view)
    {}
    QRectF boundingRect() const override { return m_rect; }
    void setRect(const QRectF &r)
    {
        if (r == m_rect)
            return;
        prepareGeometryChange();
        m_rect = r;
    }

protected:
    const FlowModel &model() const { return m_view.model(); }
    const FlowLayout &layout() const { return m_view.m_layout; }
    /// The wall time being painted (the same for every item of a paint).
    qint64 now() const { return m_view.m_paintNow; }

private:
    const FlowView &m_view;
    QRectF m_rect;
};

/// "Request flow", and on the right how many requests are drawn.
class FlowTitleItem final : public FlowItem
{
public:
    using FlowItem::FlowItem;
    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        QString corner;
        if (model().samplingEvery() > 1)
            corner = FlowView::tr("showing 1 in %1 requests").arg(model().samplingEvery());
        if (model().capped())
            corner += (corner.isEmpty() ? QString() : QStringLiteral(" · ")) +
                      FlowView::tr("at most %1 dots").arg(FlowModel::kMaxDots);
        vp::drawTitle(*p, layout().area(), FlowView::tr("Request flow"), corner);
    }
};

/// The client, the lanes, the stage cards (with their fallback boxes, retry bands and flashes),
/// the service with its queue and servers, and its gauges.
class FlowPipelineItem final : public FlowItem
{
public:
    using FlowItem::FlowItem;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;
};

/// The dots, and "+250 ms" beside the latest few waiting out a backoff.
class FlowDotsItem final : public FlowItem
{
public:
    using FlowItem::FlowItem;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;
};

/// What each colour means.
class FlowLegendItem final : public FlowItem
{
public:
    using FlowItem::FlowItem;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override;
};

void FlowPipelineItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    QPainter &p = *painter;
    const FlowLayout &L = layout();
    const FlowModel &m = model();
    const QFont body = vp::bodyFont();
    QFont bold = body;
    bold.setBold(true);
    const QFont small = vp::smallFont();
    const QFontMetricsF bm(bold), sm(small);

    // The two lanes: in towards the service on top, back to the client below.
    const QColor laneColor(0xb0, 0xbe, 0xc5);
    p.setPen(QPen(laneColor, 1.2));
    p.drawLine(QPointF(L.client().right(), L.outY()), QPointF(L.service().left(), L.outY()));
    p.drawLine(QPointF(L.client().right(), L.inY()), QPointF(L.service().left(), L.inY()));
    p.setPen(Qt::NoPen);
    p.setBrush(laneColor);
    for (const qreal gx : L.arrowXs()) {
        arrowHead(p, QPointF(gx + 4, L.outY()), 1, 7);
        arrowHead(p, QPointF(gx - 4, L.inY()), -1, 7);
    }

    auto header = [&](const QRectF &r, const QString &title, const QString &sub, const QColor &c) {
        QFont tf = bold;
        if (bm.horizontalAdvance(title) > r.width() - 6)
            tf.setPointSizeF(
                std::max(8.0, tf.pointSizeF() * (r.width() - 6) / bm.horizontalAdvance(title)));
        const QFontMetricsF tm(tf);
        p.setFont(tf);
        p.setPen(c);
        p.drawText(QRectF(r.left() + 3, r.top() + 3, r.width() - 6, bm.height()),
                   Qt::AlignHCenter | Qt::AlignVCenter,
                   tm.elidedText(title, Qt::ElideRight, r.width() - 6));
        if (!sub.isEmpty()) {
            p.setFont(small);
            p.setPen(vp::kMutedText);
            p.drawText(QRectF(r.left() + 3, r.top() + 3 + bm.height(), r.width() - 6, sm.height()),
                       Qt::AlignHCenter | Qt::AlignVCenter,
                       sm.elidedText(sub, Qt::ElideRight, r.width() - 6));
        }
    };

    // Client.
    p.setPen(QPen(vp::kFrame, 1.2));
    p.setBrush(Qt::white);
    p.drawRoundedRect(L.client(), 6, 6);
    header(L.client(), FlowView::tr("client"), QString(), vp::kText);

    // Stage cards.
    const std::vector<BreakerState> &breakers = m.breakerStates();
    for (int i = 0; i < m.cardCount() && i < L.cardCount(); ++i) {
        const FlowModel::Card &c = m.cards()[static_cast<std::size_t>(i)];
        const QRectF r = L.card(i);
        QColor border = patternColour(c.type);
        const QString sub = sm.horizontalAdvance(c.param) <= r.width() - 6 ? c.param : c.shortParam;
        if (c.type == BreakerSpec::pattern().key &&
            static_cast<std::size_t>(c.typeIndex) < breakers.size())
            border = vp::stateColor(breakers[static_cast<std::size_t>(c.typeIndex)]);
        // The fallback box hangs under its card.
        if (const QRectF box = L.fallbackBoxes()[static_cast<std::size_t>(i)]; !box.isEmpty()) {
            p.setPen(QPen(vp::kFallback, 1.2, Qt::DashLine));
            p.drawLine(QPointF(r.center().x(), r.bottom()), QPointF(box.center().x(), box.top()));
            p.setPen(QPen(vp::kFallback, 1.2));
            p.setBrush(QColor(0xe3, 0xf2, 0xfd));
            p.drawRoundedRect(box, 5, 5);
            if (box.height() >= sm.height() + 4) {
                p.setFont(small);
                p.setPen(vp::kFallback);
                p.drawText(
                    box.adjusted(2, 0, -2, -1), Qt::AlignHCenter | Qt::AlignBottom,
                    sm.elidedText(FlowView::tr("fallback"), Qt::ElideRight, box.width() - 4));
            }
        }
        if (const QRectF band = L.waitBand(i);
            c.type == RetrySpec::pattern().key && !band.isEmpty()) {
            QColor wait = vp::kRetrying;
            wait.setAlphaF(0.5);
            p.setPen(QPen(wait, 1, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(band, 8, 8);
        }
        p.setPen(QPen(border, 2));
        p.setBrush(Qt::white);
        p.drawRoundedRect(r, 6, 6);
        if (const qreal flash = m.flashStrength(i, now()); flash > 0) {
            QColor f = kTints[m.flashTint(i)];
            f.setAlphaF(0.22 * flash);
            p.setPen(Qt::NoPen);
            p.setBrush(f);
            p.drawRoundedRect(r.adjusted(1, 1, -1, -1), 5, 5);
        }
        header(r, c.title, sub,
               border == vp::kHalfOpen ? QColor(0x8d, 0x5c, 0x00) : border.darker(110));
    }

    // Service, with its queue and servers, and its gauges underneath.
    p.setPen(QPen(QColor(0x37, 0x47, 0x4f), 1.6));
    p.setBrush(QColor(0xf4, 0xf6, 0xf8));
    p.drawRoundedRect(L.service(), 6, 6);
    header(L.service(), m.serviceName(), FlowView::tr("queue | servers"), vp::kText);
    p.setPen(QPen(QColor(0xcf, 0xd8, 0xdc), 1, Qt::DashLine));
    const qreal sepX = (L.serviceQueue().right() + L.serviceServers().left()) / 2;
    p.drawLine(QPointF(sepX, L.serviceQueue().top()), QPointF(sepX, L.serviceQueue().bottom()));

    const QRectF g = L.gauges();
    qreal lineH = sm.height();
    auto gauge = [&](qreal y, const QString &text, double fraction, const QColor &color) {
        p.setFont(small);
        p.setPen(vp::kText);
        p.drawText(QRectF(g.left(), y, g.width(), lineH), Qt::AlignLeft | Qt::AlignVCenter,
                   sm.elidedText(text, Qt::ElideRight, g.width()));
        if (fraction >= 0 && y + lineH + 5 <= g.bottom() + 1) {
            const QRectF track(g.left(), y + lineH, g.width(), 4);
            p.setPen(Qt::NoPen);
            p.setBrush(vp::kTrack);
            p.drawRect(track);
            p.setBrush(color);
            p.drawRect(
                QRectF(track.left(), track.top(), track.width() * std::min(1.0, fraction), 4));
        }
    };
    // Long forms when they fit, short ones otherwise.
    const FlowModel::ServiceGauges &s = m.gauges();
    const bool roomy = g.width() >= sm.horizontalAdvance(FlowView::tr("in service 000 / 000"));
    QString busy, queue;
    if (roomy) {
        busy = s.concurrency > 0
                   ? FlowView::tr("in service %1 / %2").arg(s.inService).arg(s.concurrency)
                   : FlowView::tr("in service %1").arg(s.inService);
        queue = s.queueLimit >= 0 ? FlowView::tr("queue %1 / %2").arg(s.queued).arg(s.queueLimit)
                                  : FlowView::tr("queue %1").arg(s.queued);
    } else {
        busy = s.concurrency > 0 ? FlowView::tr("busy %1/%2").arg(s.inService).arg(s.concurrency)
                                 : FlowView::tr("busy %1").arg(s.inService);
        queue = s.queueLimit >= 0 ? FlowView::tr("queue %1/%2").arg(s.queued).arg(s.queueLimit)
                                  : FlowView::tr("queue %1").arg(s.queued);
    }
    // Two lines where they fit; at a font's full line height, or else at the height its letters
    // take (a CJK font's line is a quarter taller than its glyphs: Chinese keeps two lines).
    const qreal inkH = std::ceil(sm.tightBoundingRect(busy + queue).height()) + 2;
    if (g.height() < 2 * lineH + 10 && g.height() >= 2 * inkH + 10)
        lineH = inkH;
    if (g.height() >= 2 * lineH + 10) {
        gauge(g.top(), busy,
              s.concurrency > 0 ? static_cast<double>(s.inService) / s.concurrency : -1,
              vp::kInFlight);
        gauge(g.top() + lineH + 7, queue,
              s.queueLimit > 0 ? static_cast<double>(s.queued) / static_cast<double>(s.queueLimit)
                               : -1,
              vp::kRetrying);
    } else if (g.height() >= lineH) {
        gauge(g.top(), busy + QStringLiteral(" · ") + queue, -1, vp::kInFlight);
    }
}

void FlowDotsItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    QPainter &p = *painter;
    const std::vector<FlowModel::DotSnapshot> dots = model().snapshot(now(), layout());
    std::array<QVector<QPointF>, FlowModel::TintCount> groups;
    std::vector<const FlowModel::DotSnapshot *> waiting;
    const qreal r = 3.6;
    p.setPen(QPen(Qt::white, 0.8));
    for (const FlowModel::DotSnapshot &d : dots) {
        if (d.fading) {
            QColor c = kTints[d.tint];
            c.setAlphaF(d.opacity);
            p.setBrush(c);
            p.drawEllipse(d.at, r, r);
        } else {
            groups[d.tint].push_back(d.at);
        }
        if (d.waitDelay >= 0)
            waiting.push_back(&d);
    }
    for (int t = 0; t < FlowModel::TintCount; ++t) {
        p.setBrush(kTints[t]);
        for (const QPointF &at : groups[static_cast<std::size_t>(t)])
            p.drawEllipse(at, r, r);
    }

    // "+250 ms" beside the latest few dots waiting out a backoff.
    std::sort(waiting.begin(), waiting.end(),
              [](const FlowModel::DotSnapshot *a, const FlowModel::DotSnapshot *b) {
                  return a->waitingSince > b->waitingSince;
              });
    const QFont small = vp::smallFont();
    const QFontMetricsF sm(small);
    p.setFont(small);
    std::vector<QRectF> used;
    for (const FlowModel::DotSnapshot *w : waiting) {
        if (used.size() >= 3)
            break;
        const QString label = FlowView::tr("+%1").arg(vp::formatDurationMs(toMillis(w->waitDelay)));
        QRectF box(w->at.x() + 6, w->at.y() - sm.height() / 2, sm.horizontalAdvance(label) + 4,
                   sm.height());
        if (box.right() > layout().size().width() - 4)
            box.moveRight(w->at.x() - 6);
        if (std::any_of(used.begin(), used.end(),
                        [&](const QRectF &u) { return u.intersects(box); }))
            continue;
        used.push_back(box);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 255, 255, 215));
        p.drawRoundedRect(box, 3, 3);
        p.setPen(vp::kRetrying.darker(130));
        p.drawText(box, Qt::AlignCenter, label);
    }
}

void FlowLegendItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    QPainter &p = *painter;
    const std::vector<QRectF> &entries = layout().legendEntries();
    p.setFont(vp::smallFont());
    for (int tint = 0; tint < FlowModel::TintCount; ++tint) {
        if (static_cast<std::size_t>(tint) >= entries.size())
            break;
        const QRectF e = entries[static_cast<std::size_t>(tint)];
        p.setPen(QPen(Qt::white, 0.8));
        p.setBrush(kTints[tint]);
        p.drawEllipse(QPointF(e.left() + 5, e.top() + e.height() / 2), 4, 4);
        p.setPen(vp::kText);
        p.drawText(QRectF(e.left() + 12, e.top(), e.width(), e.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, FlowView::tr(kTintLabels[tint]));
    }
}

FlowView::FlowView(SimulationController *controller, QWidget *parent)
    : QGraphicsView(parent)
    , m_controller(controller)
    , m_ticker(new AnimationTicker(viewport()))
    , m_scene(new QGraphicsScene(this))
    , m_title(new FlowTitleItem(*this))
    , m_pipeline(new FlowPipelineItem(*this))
    , m_dots(new FlowDotsItem(*this))
    , m_legend(new FlowLegendItem(*this))
{
    setObjectName("flowView");
    // A picture, not a canvas: the scene is the view's size, no frame, no scroll bars, no focus.
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setFocusPolicy(Qt::NoFocus);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    setInteractive(false);
    setRenderHint(QPainter::Antialiasing);
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    setBackgroundBrush(vp::kBackground);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    m_scene->setItemIndexMethod(QGraphicsScene::NoIndex);
    m_dots->setZValue(1); // over the cards
    for (QGraphicsItem *item :
         std::initializer_list<QGraphicsItem *>{m_title, m_pipeline, m_dots, m_legend})
        m_scene->addItem(item);
    setScene(m_scene);

    connect(controller, &SimulationController::frameAdvanced, this, &FlowView::onFrame);
    connect(controller, &SimulationController::runReset, this, &FlowView::onReset);
    onFrame();
}

FlowView::~FlowView() = default;

FlowMetrics FlowView::metrics()
{
    QFont bold = vp::bodyFont();
    bold.setBold(true);
    const QFontMetricsF small(vp::smallFont());
    FlowMetrics m;
    m.titleHeight = QFontMetricsF(vp::titleFont()).height();
    m.bodyHeight = QFontMetricsF(vp::bodyFont()).height();
    m.smallHeight = small.height();
    m.clientLabelWidth = QFontMetricsF(bold).horizontalAdvance(tr("client"));
    for (const char *label : kTintLabels)
        m.legendLabelWidths.push_back(small.horizontalAdvance(tr(label)));
    return m;
}

void FlowView::setWallClock(WallClock clock)
{
    m_clock = std::move(clock);
}

qint64 FlowView::wallNow() const
{
    return m_clock ? m_clock() : m_ticker->nowMs();
}

void FlowView::animateUntil(qint64 until)
{
    m_ticker->runUntil(m_ticker->nowMs() + std::max<qint64>(0, until - wallNow()));
}

const FlowLayout &FlowView::flowLayout() const
{
    ensureLayout();
    return m_layout;
}

void FlowView::ensureLayout() const
{
    const QSizeF size(this->size());
    if (m_layout.valid() && !m_cardsChanged && m_layout.size() == size)
        return;
    m_layout = FlowLayout(size, m_model.cardTypes(), metrics());
    m_cardsChanged = false;
    m_scene->setSceneRect(QRectF(QPointF(0, 0), size));
    const QRectF all(QPointF(0, 0), size);
    m_title->setRect(m_layout.title().adjusted(-1, -1, 1, 1));
    m_pipeline->setRect(m_layout.area().adjusted(-2, -2, 2, 2));
    m_dots->setRect(all);
    QRectF legend = m_layout.legend();
    for (const QRectF &e : m_layout.legendEntries())
        legend |= e;
    m_legend->setRect(legend.adjusted(-2, -2, 2, 2));
}

void FlowView::onReset()
{
    m_model.reset();
}

void FlowView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        // The cards' words, and the layout measured from the legend's and the client's labels.
        m_model.retranslate();
        m_cardsChanged = true;
        m_scene->update();
    }
    QGraphicsView::changeEvent(event);
}

void FlowView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    ensureLayout();
}

void FlowView::onFrame()
{
    Simulation *sim = m_controller->simulation();
    m_pipeline->setVisible(sim != nullptr);
    m_dots->setVisible(sim != nullptr);
    m_legend->setVisible(sim != nullptr);
    if (!sim) {
        m_scene->update();
        return;
    }
    if (m_model.setPipeline(sim->scenario().pipeline, sim->scenario().target))
        m_cardsChanged = true;
    ensureLayout();
    const qint64 now = wallNow();
    m_model.addFrame(m_controller->frameEvents().events(), sim->now(), m_controller->speed(), now,
                     m_layout);
    const VirtualService &service = sim->targetService();
    m_model.setGauges({service.inService(), service.queueLength(), service.concurrency(),
                       service.queueLimit().value_or(-1)}); // phases and hot edits included
    std::vector<BreakerState> states;
    for (const CircuitBreakerStage *b : sim->breakers())
        states.push_back(b->state());
    m_model.setBreakerStates(std::move(states));

    if (m_model.liveDots() > 0)
        animateUntil(now + 200); // paintEvent() extends it while dots move
    m_ticker->frameRepainted();
    m_scene->update();
}

void FlowView::paintEvent(QPaintEvent *event)
{
    ensureLayout();
    m_paintNow = wallNow();
    if (m_controller->simulation()) {
        // Move the dots to now; keep repainting while they move or a card is lit.
        if (m_model.advance(m_paintNow, m_layout))
            animateUntil(m_paintNow + 100);
        if (m_model.flashesEnd() > m_paintNow)
            animateUntil(m_model.flashesEnd());
    }
    QGraphicsView::paintEvent(event);
}

} // namespace reslab::ui
