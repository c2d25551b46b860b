#include "flow_view.h"

#include "animation_ticker.h"
#include "pattern_style.h"
#include "simulation_controller.h"
#include "view_palette.h"

#include "reslab/stages/circuit_breaker_stage.h"
#include "reslab/stages/fallback_options.h"
#include "reslab/stages/stage_pattern.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace reslab::ui {
namespace vp = view_palette;

namespace {
constexpr qint64 kCrossingMs = 650; ///< client to service, wall time
constexpr qint64 kMinTravelMs = 90;
constexpr qint64 kDwellMs = 80;
constexpr qint64 kFadeMs = 350;
constexpr qint64 kFlashMs = 450;
/// Events of one frame are spread over at most this much wall time.
constexpr qint64 kMaxEventAgeMs = 100;
/// How far behind its request a dot may fall (travel takes a visible minimum of time).
constexpr qint64 kMaxLateMs = 1500;
constexpr std::size_t kMaxPendingLegs = 10;
/// A dot whose request has said nothing for this long (virtual) is dropped: its events were lost.
constexpr SimTime kStaleAfter = 300 * kMicrosPerSecond;

constexpr QColor kTints[] = {vp::kInFlight, vp::kSuccess,  vp::kRetrying, vp::kFailed,
                             vp::kTimeout,  vp::kFallback, vp::kRejected};

/// The legend, in the order of FlowView's tints.
constexpr const char *kTintLabels[] = {
    QT_TR_NOOP("on its way"), QT_TR_NOOP("success"),  QT_TR_NOOP("retrying"), QT_TR_NOOP("failed"),
    QT_TR_NOOP("timed out"),  QT_TR_NOOP("fallback"), QT_TR_NOOP("rejected")};
constexpr qreal kLegendSwatch = 14;
constexpr qreal kLegendGap = 10;

qreal easeInOut(qreal t)
{
    return t < 0.5 ? 2 * t * t : 1 - std::pow(-2 * t + 2, 2) / 2;
}

/// True for the names the parser gives by default ("retry", "timeout#4").
bool isDefaultName(const std::string &name, std::string_view type)
{
    return name.empty() || name == type ||
           (name.size() > type.size() + 1 && name.compare(0, type.size(), type) == 0 &&
            name[type.size()] == '#');
}

void arrowHead(QPainter &p, QPointF tip, qreal dir, qreal size)
{
    QPolygonF head;
    head << tip << QPointF(tip.x() - dir * size, tip.y() - size * 0.55)
         << QPointF(tip.x() - dir * size, tip.y() + size * 0.55);
    p.drawPolygon(head);
}
} // namespace

FlowView::FlowView(SimulationController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_ticker(new AnimationTicker(this))
{
    setObjectName("flowView");
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(controller, &SimulationController::frameAdvanced, this, &FlowView::onFrame);
    connect(controller, &SimulationController::runReset, this, &FlowView::onReset);
    onFrame();
}

FlowView::~FlowView() = default;

void FlowView::onReset()
{
    m_dots.clear();
    m_sampler.reset();
    m_capped = false;
    m_lastNow = 0;
    std::fill(m_flashMs.begin(), m_flashMs.end(), -10000);
}

void FlowView::resizeEvent(QResizeEvent *)
{
    m_layout.valid = false;
}

void FlowView::syncCards(const Simulation &sim)
{
    std::vector<StageSpec> enabled;
    for (const StageSpec &s : sim.scenario().pipeline) {
        if (s.enabled)
            enabled.push_back(s);
    }
    const std::string target = "service:" + sim.scenario().target;
    if (enabled == m_pipeline && target == m_target)
        return;
    m_pipeline = std::move(enabled);
    m_target = target;
    m_serviceName = QString::fromStdString(sim.scenario().target);
    m_cards.clear();
    std::array<int, std::variant_size_v<StageOptions>> seen{};
    for (const StageSpec &s : m_pipeline) {
        Card c;
        c.type = std::string(s.typeName());
        c.name = s.name.empty() ? c.type : s.name;
        c.title =
            isDefaultName(s.name, c.type) ? patternShortTitle(c.type) : QString::fromStdString(s.name);
        c.param = patternKeyParameter(s, false);
        c.shortParam = patternKeyParameter(s, true);
        c.typeIndex = seen[s.options.index()]++;
        m_cards.push_back(std::move(c));
    }
    m_flashMs.assign(m_cards.size(), -10000);
    m_flashTint.assign(m_cards.size(), TimedOut);
    m_layout.valid = false;
}

int FlowView::cardIndex(std::string_view stage) const
{
    for (std::size_t i = 0; i < m_cards.size(); ++i) {
        if (m_cards[i].name == stage)
            return static_cast<int>(i);
    }
    return -1;
}

int FlowView::fallbackCardFor(std::string_view service) const
{
    int any = -1;
    for (std::size_t i = 0; i < m_cards.size(); ++i) {
        if (m_cards[i].type != FallbackSpec::pattern().key)
            continue;
        const FallbackSpec &f = m_pipeline[i].as<FallbackSpec>();
        if (f.mode == FallbackSpec::Mode::Service && "service:" + f.service == service)
            return static_cast<int>(i);
        if (any < 0)
            any = static_cast<int>(i);
    }
    return any;
}

void FlowView::ensureLayout()
{
    if (m_layout.valid)
        return;
    Layout L;
    const QRectF area = QRectF(rect()).adjusted(8, 4, -8, -6);
    const qreal titleH = QFontMetricsF(vp::titleFont()).height() + 6;
    const qreal legendH =
        legendRows(area.width()) * (QFontMetricsF(vp::smallFont()).height() + 2) + 2;
    const QRectF content(area.left(), area.top() + titleH + 8, area.width(),
                         area.height() - titleH - 8 - legendH - 4);
    L.legend = QRectF(area.left(), area.bottom() - legendH, area.width(), legendH);

    const qreal rowH = std::clamp(content.height() * 0.6, 64.0, 130.0);
    const auto n = static_cast<qreal>(m_cards.size());
    QFont bold = vp::bodyFont();
    bold.setBold(true);
    const qreal clientW = std::max(std::clamp(content.width() * 0.09, 40.0, 58.0),
                                   QFontMetricsF(bold).horizontalAdvance(tr("client")) + 12);
    qreal gap = std::clamp(content.width() * 0.025, 8.0, 16.0);
    qreal cardW = (content.width() - clientW - gap * (n + 1)) / (n + 1.6);
    cardW = std::clamp(cardW, 12.0, 112.0);
    const qreal serviceW = std::min(std::max(cardW * 1.6, 80.0), 160.0);
    gap = (content.width() - clientW - n * cardW - serviceW) / (n + 1);

    L.client = QRectF(content.left(), content.top(), clientW, rowH);
    qreal x = L.client.right() + gap;
    for (std::size_t i = 0; i < m_cards.size(); ++i) {
        L.cards.emplace_back(x, content.top(), cardW, rowH);
        x += cardW + gap;
    }
    L.service = QRectF(x, content.top(), serviceW, rowH);

    const qreal headH =
        QFontMetricsF(vp::bodyFont()).height() + QFontMetricsF(vp::smallFont()).height() + 6;
    const qreal laneTop = content.top() + headH;
    const qreal laneSpace = rowH - headH;
    L.outY = laneTop + laneSpace * 0.28;
    L.inY = laneTop + laneSpace * 0.72;
    L.lane = std::max<qreal>(2, (L.inY - L.outY) * 0.24);
    const QRectF body(L.service.left() + 5, laneTop, L.service.width() - 10, laneSpace - 5);
    L.serviceQueue = QRectF(body.left(), body.top(), body.width() * 0.3, body.height());
    L.serviceServers =
        QRectF(body.left() + body.width() * 0.36, body.top(), body.width() * 0.64, body.height());

    const qreal lowerTop = content.top() + rowH + 8;
    const qreal lowerH = std::max<qreal>(0, content.bottom() - lowerTop);
    L.waitY = lowerTop + std::min<qreal>(12, lowerH * 0.35);
    for (std::size_t i = 0; i < m_cards.size(); ++i) {
        if (m_cards[i].type == FallbackSpec::pattern().key && lowerH >= 18)
            L.fallbackBoxes.emplace_back(L.cards[i].left(), lowerTop + 2, L.cards[i].width(),
                                         std::clamp(lowerH - 4, 16.0, 52.0));
        else
            L.fallbackBoxes.emplace_back();
    }
    L.gauges = QRectF(L.service.left(), lowerTop, L.service.width(), lowerH);
    L.pxPerMs = std::max<qreal>(0.05, (L.service.center().x() - L.client.right()) / kCrossingMs);
    L.valid = true;
    m_layout = std::move(L);
}

void FlowView::onFrame()
{
    Simulation *sim = m_controller->simulation();
    if (!sim) {
        update();
        return;
    }
    syncCards(*sim);
    ensureLayout();
    const qint64 now = m_ticker->nowMs();
    m_frameNow = now;
    const SimTime simNow = sim->now();
    const double speed = std::max(0.01, m_controller->speed());
    std::uint64_t starts = 0;
    m_capped = false;
    for (const EventRecord &e : m_controller->frameEvents().events()) {
        if (e.kind == EventKind::RequestStart)
            ++starts;
        // When the event happened, in wall time: earlier in the frame is earlier on screen.
        const auto ago = static_cast<qint64>(toMillis(simNow - e.time) / speed);
        handle(e, now - std::clamp<qint64>(ago, 0, kMaxEventAgeMs));
    }
    m_sampler.observe(starts, simNow - m_lastNow, m_controller->speed());
    m_lastNow = simNow;

    // Drop the dots that have faded out (also when the view is not painted), and those whose
    // requests went quiet for good (their events were dropped at overload).
    for (auto it = m_dots.begin(); it != m_dots.end();) {
        if (!advance(it->second, now) ||
            (simNow - it->second.lastEvent > kStaleAfter && it->second.pending.empty()))
            it = m_dots.erase(it);
        else
            ++it;
    }

    const VirtualService &service = sim->targetService();
    m_inService = service.inService();
    m_queued = service.queueLength();
    m_concurrency = service.concurrency();
    m_queueLimit = service.queueLimit().value_or(-1); // phases and hot edits included

    if (!m_dots.empty())
        m_ticker->runUntil(now + 200); // paintDots() extends it while dots move
    m_ticker->frameRepainted();
    update();
}

FlowView::Dot *FlowView::dotFor(std::uint64_t request)
{
    const auto it = m_dots.find(request);
    return it == m_dots.end() ? nullptr : &it->second;
}

FlowView::Place FlowView::logicalPlace(const Dot &d) const
{
    return d.pending.empty() ? d.leg.to : d.pending.back().to;
}

FlowView::Tint FlowView::tintOf(const Dot &d) const
{
    return d.pending.empty() ? d.leg.tint : d.pending.back().tint;
}

void FlowView::startLeg(Dot &d, const Leg &leg, qint64 previousEnd)
{
    d.from = d.leg.to;
    d.tintBefore = d.leg.tint;
    d.leg = leg;
    // A leg starts when its event happened (mapped to wall time), as late as the dot already is.
    const qint64 at = std::max(previousEnd, leg.due + d.lateMs);
    d.legStart = at;
    qint64 duration = kDwellMs;
    if (leg.kind == LegKind::Fade) {
        duration = kFadeMs;
    } else if (leg.kind == LegKind::Travel) {
        const QPointF a = resolve(d.from, d), b = resolve(leg.to, d);
        const qreal dist = std::hypot(b.x() - a.x(), b.y() - a.y());
        duration =
            std::clamp<qint64>(std::llround(dist / m_layout.pxPerMs), kMinTravelMs, kCrossingMs);
    }
    // Behind schedule: hurry along the queued legs.
    d.legDuration =
        std::max<qint64>(20, std::llround(static_cast<double>(duration) /
                                          (1.0 + 0.6 * static_cast<double>(d.pending.size()))));
    d.lateMs = std::clamp<qint64>(at + d.legDuration - leg.due, d.lateMs, kMaxLateMs);
}

void FlowView::append(Dot &d, Leg leg, qint64 due)
{
    leg.due = due;
    if (d.pending.empty() && m_frameNow >= d.legStart + d.legDuration) {
        startLeg(d, leg, d.legStart + d.legDuration);
        return;
    }
    if (d.pending.size() >= kMaxPendingLegs)
        d.pending.erase(d.pending.begin());
    d.pending.push_back(leg);
}

void FlowView::goOut(Dot &d, Place to, Tint tint, qint64 due)
{
    const Place at = logicalPlace(d);
    switch (at.spot) {
    case Spot::RetryWait:
    case Spot::StageIn:
    case Spot::FallbackBox:
        append(d, {{Spot::StageOut, at.stage}, tint}, due);
        break;
    case Spot::BounceBack:
        append(d, {{Spot::BreakerBounce, at.stage}, tint}, due);
        break;
    case Spot::ClientIn:
        append(d, {{Spot::Client, -1}, tint}, due);
        break;
    default:
        break;
    }
    append(d, {to, tint}, due);
}

void FlowView::goBack(Dot &d, Place to, Tint tint, qint64 due)
{
    const Place at = logicalPlace(d);
    switch (at.spot) {
    case Spot::ServiceSlot:
    case Spot::ServiceQueue:
    case Spot::ServiceDoorOut:
        append(d, {{Spot::ServiceDoorIn, -1}, tint}, due);
        break;
    case Spot::RetryWait:
    case Spot::FallbackBox:
    case Spot::StageOut:
        append(d, {{Spot::StageIn, at.stage}, tint}, due);
        break;
    case Spot::BreakerBounce:
        append(d, {{Spot::BounceBack, at.stage}, tint}, due);
        break;
    case Spot::Client:
        append(d, {{Spot::ClientIn, -1}, tint}, due);
        break;
    default:
        break;
    }
    append(d, {to, tint}, due);
}

void FlowView::handle(const EventRecord &e, qint64 due)
{
    const int card = (e.kind == EventKind::RequestStart || e.kind == EventKind::RequestEnd ||
                      e.kind == EventKind::AttemptStart || e.kind == EventKind::AttemptEnd ||
                      e.kind == EventKind::AttemptCancelled)
                         ? -1
                         : cardIndex(e.stage);
    auto flash = [&](Tint tint) {
        if (card >= 0) {
            m_flashMs[static_cast<std::size_t>(card)] = due;
            m_flashTint[static_cast<std::size_t>(card)] = tint;
        }
    };

    if (e.kind == EventKind::RequestStart) {
        if (!m_sampler.admits(e.request))
            return;
        if (m_dots.size() >= static_cast<std::size_t>(kMaxDots)) {
            m_capped = true;
            return;
        }
        Dot d;
        const std::uint64_t h = (e.request + 1) * 0x9E3779B97F4A7C15ull;
        d.jx = static_cast<float>(((h >> 16) & 0xffff) / 65535.0 * 2 - 1);
        d.jy = static_cast<float>(((h >> 40) & 0xffff) / 65535.0 * 2 - 1);
        d.leg = {{Spot::Client, -1}, InFlight, LegKind::Dwell};
        d.from = d.leg.to;
        d.legStart = due;
        d.legDuration = 0;
        d.lastEvent = e.time;
        m_dots.emplace(e.request, std::move(d));
        return;
    }
    switch (e.kind) {
    case EventKind::Timeout:
        flash(TimedOut);
        break;
    case EventKind::BreakerRejected:
        flash(Rejected);
        break;
    case EventKind::RetryScheduled:
        flash(Retrying);
        break;
    case EventKind::Fallback:
        flash(e.text == "cache_miss" || e.text == "service_failed" ? Failed : Fallback);
        break;
    default:
        break;
    }

    Dot *d = dotFor(e.request);
    if (!d)
        return;
    d->lastEvent = e.time;
    const bool atTarget = e.stage == m_target;
    switch (e.kind) {
    case EventKind::AttemptStart:
        if (atTarget) {
            d->attempt = e.attempt;
            const Tint tint = tintOf(*d) == Retrying ? Retrying : InFlight;
            goOut(*d, {Spot::ServiceDoorOut, -1}, tint, due);
            append(*d, {{e.text == "queued" ? Spot::ServiceQueue : Spot::ServiceSlot, -1}, tint},
                   due);
        } else if (const int f = fallbackCardFor(e.stage); f >= 0) {
            goBack(*d, {Spot::StageIn, f}, tintOf(*d), due);
            append(*d, {{Spot::FallbackBox, f}, InFlight}, due);
        }
        break;
    case EventKind::AttemptEnd:
        if (atTarget) {
            if (e.outcome == Outcome::Overloaded && d->attempt != e.attempt) {
                // Refused at the door: the queue was full.
                goOut(*d, {Spot::ServiceDoorOut, -1}, tintOf(*d), due);
                append(*d, {{Spot::ServiceDoorOut, -1}, Rejected, LegKind::Dwell}, due);
            } else if (d->attempt == e.attempt) {
                const Tint tint = e.outcome == Outcome::Ok           ? Success
                                  : e.outcome == Outcome::Overloaded ? Rejected
                                                                     : Failed;
                append(*d, {logicalPlace(*d), tint, LegKind::Dwell}, due);
            }
        } else if (logicalPlace(*d).spot == Spot::FallbackBox) {
            append(*d,
                   {logicalPlace(*d), e.outcome == Outcome::Ok ? Fallback : Failed, LegKind::Dwell},
                   due);
        }
        break;
    case EventKind::RetryScheduled:
        if (card >= 0) {
            goBack(*d, {Spot::StageIn, card}, tintOf(*d), due);
            append(*d, {{Spot::RetryWait, card}, Retrying, LegKind::Travel, e.value}, due);
        }
        break;
    case EventKind::Timeout:
        d->attempt = 0; // what the service answers now comes too late
        if (card >= 0)
            goBack(*d, {Spot::StageIn, card}, TimedOut, due);
        break;
    case EventKind::BreakerRejected:
        if (card >= 0) {
            goOut(*d, {Spot::BreakerBounce, card}, tintOf(*d), due);
            append(*d, {{Spot::BreakerBounce, card}, Rejected, LegKind::Dwell}, due);
            append(*d, {{Spot::BounceBack, card}, Rejected}, due);
        }
        break;
    case EventKind::Fallback:
        if (card >= 0) {
            const Tint tint =
                e.text == "cache_miss" || e.text == "service_failed" ? Failed : Fallback;
            const Place at = logicalPlace(*d);
            if (at.spot == Spot::FallbackBox && at.stage == card) {
                append(*d, {at, tint, LegKind::Dwell}, due);
            } else {
                goBack(*d, {Spot::StageIn, card}, tintOf(*d), due);
                append(*d, {{Spot::FallbackBox, card}, tint}, due);
            }
        }
        break;
    case EventKind::RequestEnd: {
        Tint tint = Failed;
        switch (e.outcome) {
        case Outcome::Ok:
            tint = Success;
            break;
        case Outcome::Fallback:
            tint = Fallback;
            break;
        case Outcome::Timeout:
            tint = TimedOut;
            break;
        case Outcome::CircuitOpen:
        case Outcome::Rejected:
        case Outcome::Overloaded:
            tint = Rejected;
            break;
        default:
            break;
        }
        goBack(*d, {Spot::ClientIn, -1}, tint, due);
        append(*d, {{Spot::Gone, -1}, tint, LegKind::Fade}, due);
        break;
    }
    default:
        break;
    }
}

bool FlowView::advance(Dot &d, qint64 now)
{
    while (now >= d.legStart + d.legDuration) {
        if (d.pending.empty())
            return d.leg.kind != LegKind::Fade;
        const Leg next = d.pending.front();
        d.pending.erase(d.pending.begin());
        startLeg(d, next, d.legStart + d.legDuration);
    }
    return true;
}

QPointF FlowView::resolve(const Place &p, const Dot &d) const
{
    const Layout &L = m_layout;
    const qreal jl = d.jy * L.lane;
    const bool hasStage = p.stage >= 0 && static_cast<std::size_t>(p.stage) < L.cards.size();
    const QRectF card = hasStage ? L.cards[static_cast<std::size_t>(p.stage)] : L.service;
    switch (p.spot) {
    case Spot::Client:
        return {L.client.right() - 6, L.outY + jl};
    case Spot::ClientIn:
        return {L.client.right() - 6, L.inY + jl};
    case Spot::Gone:
        return {L.client.center().x() + d.jx * L.client.width() * 0.3, L.inY + jl};
    case Spot::StageOut:
        return {card.center().x() + d.jx * card.width() * 0.15, L.outY + jl};
    case Spot::StageIn:
        return {card.center().x() + d.jx * card.width() * 0.15, L.inY + jl};
    case Spot::BreakerBounce:
        return {card.left() + 4, L.outY + jl};
    case Spot::BounceBack:
        return {card.left() + 4, L.inY + jl};
    case Spot::ServiceDoorOut:
        return {L.service.left() + 4, L.outY + jl};
    case Spot::ServiceDoorIn:
        return {L.service.left() + 4, L.inY + jl};
    case Spot::ServiceSlot: {
        const QRectF r = L.serviceServers.adjusted(4, 4, -4, -4);
        return {r.left() + r.width() * (d.jx + 1) / 2, r.top() + r.height() * (d.jy + 1) / 2};
    }
    case Spot::ServiceQueue: {
        const QRectF r = L.serviceQueue.adjusted(4, 4, -4, -4);
        return {r.left() + r.width() * (d.jx + 1) / 2, r.top() + r.height() * (d.jy + 1) / 2};
    }
    case Spot::RetryWait:
        return {card.center().x() + d.jx * card.width() * 0.38, L.waitY + d.jy * 3};
    case Spot::FallbackBox: {
        const QRectF box = hasStage ? L.fallbackBoxes[static_cast<std::size_t>(p.stage)] : QRectF();
        if (box.isEmpty())
            return {card.center().x() + d.jx * card.width() * 0.3, card.bottom() - 4};
        const QRectF r = box.adjusted(6, 5, -6, -5);
        return {r.left() + r.width() * (d.jx + 1) / 2, r.top() + r.height() * (d.jy + 1) / 2};
    }
    }
    return L.client.center();
}

QPointF FlowView::position(const Dot &d, qint64 now) const
{
    if (now < d.legStart)
        return resolve(d.from, d);
    const QPointF b = resolve(d.leg.to, d);
    if (d.legDuration <= 0 || d.leg.kind != LegKind::Travel)
        return b;
    const QPointF a = resolve(d.from, d);
    const qreal t = std::clamp((now - d.legStart) / static_cast<qreal>(d.legDuration), 0.0, 1.0);
    return a + (b - a) * easeInOut(t);
}

void FlowView::paintEvent(QPaintEvent *)
{
    ensureLayout();
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), vp::kBackground);
    const QRectF area = QRectF(rect()).adjusted(8, 4, -8, -6);
    QString corner;
    if (m_sampler.every() > 1)
        corner = tr("showing 1 in %1 requests").arg(m_sampler.every());
    if (m_capped)
        corner += (corner.isEmpty() ? QString() : QStringLiteral(" · ")) +
                  tr("at most %1 dots").arg(kMaxDots);
    vp::drawTitle(p, area, tr("Request flow"), corner);
    if (!m_controller->simulation())
        return;
    const qint64 now = m_ticker->nowMs();
    paintPipeline(p, now);
    paintDots(p, now);
    paintLegend(p);
}

void FlowView::paintPipeline(QPainter &p, qint64 now)
{
    const Layout &L = m_layout;
    const Simulation *sim = m_controller->simulation();
    const QFont body = vp::bodyFont();
    QFont bold = body;
    bold.setBold(true);
    const QFont small = vp::smallFont();
    const QFontMetricsF bm(bold), sm(small);

    // The two lanes: in towards the service on top, back to the client below.
    const QColor laneColor(0xb0, 0xbe, 0xc5);
    p.setPen(QPen(laneColor, 1.2));
    p.drawLine(QPointF(L.client.right(), L.outY), QPointF(L.service.left(), L.outY));
    p.drawLine(QPointF(L.client.right(), L.inY), QPointF(L.service.left(), L.inY));
    p.setPen(Qt::NoPen);
    p.setBrush(laneColor);
    std::vector<qreal> gaps;
    qreal left = L.client.right();
    for (const QRectF &c : L.cards) {
        gaps.push_back((left + c.left()) / 2);
        left = c.right();
    }
    gaps.push_back((left + L.service.left()) / 2);
    for (qreal gx : gaps) {
        arrowHead(p, QPointF(gx + 4, L.outY), 1, 7);
        arrowHead(p, QPointF(gx - 4, L.inY), -1, 7);
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
    p.drawRoundedRect(L.client, 6, 6);
    header(L.client, tr("client"), QString(), vp::kText);

    // Stage cards.
    for (std::size_t i = 0; i < m_cards.size(); ++i) {
        const Card &c = m_cards[i];
        const QRectF r = L.cards[i];
        QColor border = patternColour(c.type);
        const QString sub = sm.horizontalAdvance(c.param) <= r.width() - 6 ? c.param : c.shortParam;
        if (c.type == BreakerSpec::pattern().key &&
            static_cast<std::size_t>(c.typeIndex) < sim->breakers().size()) {
            border =
                vp::stateColor(sim->breakers()[static_cast<std::size_t>(c.typeIndex)]->state());
        }
        // The fallback box hangs under its card.
        if (!L.fallbackBoxes[i].isEmpty()) {
            const QRectF box = L.fallbackBoxes[i];
            p.setPen(QPen(vp::kFallback, 1.2, Qt::DashLine));
            p.drawLine(QPointF(r.center().x(), r.bottom()), QPointF(box.center().x(), box.top()));
            p.setPen(QPen(vp::kFallback, 1.2));
            p.setBrush(QColor(0xe3, 0xf2, 0xfd));
            p.drawRoundedRect(box, 5, 5);
            if (box.height() >= sm.height() + 4) {
                p.setFont(small);
                p.setPen(vp::kFallback);
                p.drawText(box.adjusted(2, 0, -2, -1), Qt::AlignHCenter | Qt::AlignBottom,
                           sm.elidedText(tr("fallback"), Qt::ElideRight, box.width() - 4));
            }
        }
        if (c.type == RetrySpec::pattern().key && L.waitY + 10 < L.legend.top()) {
            QColor wait = vp::kRetrying;
            wait.setAlphaF(0.5);
            p.setPen(QPen(wait, 1, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(QRectF(r.left() + 2, L.waitY - 8, r.width() - 4, 16), 8, 8);
        }
        p.setPen(QPen(border, 2));
        p.setBrush(Qt::white);
        p.drawRoundedRect(r, 6, 6);
        const qreal flash =
            std::clamp(1.0 - (now - m_flashMs[i]) / static_cast<double>(kFlashMs), 0.0, 1.0);
        if (flash > 0) {
            QColor f = kTints[m_flashTint[i]];
            f.setAlphaF(0.22 * flash);
            p.setPen(Qt::NoPen);
            p.setBrush(f);
            p.drawRoundedRect(r.adjusted(1, 1, -1, -1), 5, 5);
            m_ticker->runUntil(m_flashMs[i] + kFlashMs);
        }
        header(r, c.title, sub,
               border == vp::kHalfOpen ? QColor(0x8d, 0x5c, 0x00) : border.darker(110));
    }

    // Service, with its queue and servers, and its gauges underneath.
    p.setPen(QPen(QColor(0x37, 0x47, 0x4f), 1.6));
    p.setBrush(QColor(0xf4, 0xf6, 0xf8));
    p.drawRoundedRect(L.service, 6, 6);
    header(L.service, m_serviceName, tr("queue | servers"), vp::kText);
    p.setPen(QPen(QColor(0xcf, 0xd8, 0xdc), 1, Qt::DashLine));
    const qreal sepX = (L.serviceQueue.right() + L.serviceServers.left()) / 2;
    p.drawLine(QPointF(sepX, L.serviceQueue.top()), QPointF(sepX, L.serviceQueue.bottom()));

    const QRectF g = L.gauges;
    const qreal lineH = sm.height();
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
    const bool roomy = g.width() >= sm.horizontalAdvance(tr("in service 000 / 000"));
    QString busy, queue;
    if (roomy) {
        busy = m_concurrency > 0 ? tr("in service %1 / %2").arg(m_inService).arg(m_concurrency)
                                 : tr("in service %1").arg(m_inService);
        queue = m_queueLimit >= 0 ? tr("queue %1 / %2").arg(m_queued).arg(m_queueLimit)
                                  : tr("queue %1").arg(m_queued);
    } else {
        busy = m_concurrency > 0 ? tr("busy %1/%2").arg(m_inService).arg(m_concurrency)
                                 : tr("busy %1").arg(m_inService);
        queue = m_queueLimit >= 0 ? tr("queue %1/%2").arg(m_queued).arg(m_queueLimit)
                                  : tr("queue %1").arg(m_queued);
    }
    if (g.height() >= 2 * lineH + 10) {
        gauge(g.top(), busy, m_concurrency > 0 ? double(m_inService) / m_concurrency : -1,
              vp::kInFlight);
        gauge(g.top() + lineH + 7, queue,
              m_queueLimit > 0 ? double(m_queued) / double(m_queueLimit) : -1, vp::kRetrying);
    } else if (g.height() >= lineH) {
        gauge(g.top(), busy + QStringLiteral(" · ") + queue, -1, vp::kInFlight);
    }
}

void FlowView::paintDots(QPainter &p, qint64 now)
{
    std::array<QVector<QPointF>, TintCount> groups;
    struct Waiting
    {
        QPointF at;
        SimTime delay;
        qint64 since;
    };
    std::vector<Waiting> waiting;
    const qreal r = 3.6;
    bool moving = false;
    p.setPen(QPen(Qt::white, 0.8));
    for (auto it = m_dots.begin(); it != m_dots.end();) {
        Dot &d = it->second;
        if (!advance(d, now)) {
            it = m_dots.erase(it);
            continue;
        }
        moving = moving || !d.pending.empty() || now < d.legStart + d.legDuration;
        const QPointF at = position(d, now);
        if (now < d.legStart) {
            groups[d.tintBefore].push_back(at); // the leg has not begun: nothing has changed yet
        } else if (d.leg.kind == LegKind::Fade) {
            QColor c = kTints[d.leg.tint];
            c.setAlphaF(std::clamp(
                1.0 - (now - d.legStart) / double(std::max<qint64>(1, d.legDuration)), 0.0, 1.0));
            p.setBrush(c);
            p.drawEllipse(at, r, r);
        } else {
            groups[d.leg.tint].push_back(at);
        }
        if (d.leg.to.spot == Spot::RetryWait && d.pending.empty() && d.leg.delay >= 0 &&
            now >= d.legStart + d.legDuration)
            waiting.push_back({at, d.leg.delay, d.legStart});
        ++it;
    }
    for (int t = 0; t < TintCount; ++t) {
        p.setBrush(kTints[t]);
        for (const QPointF &at : groups[static_cast<std::size_t>(t)])
            p.drawEllipse(at, r, r);
    }
    if (moving)
        m_ticker->runUntil(now + 100);

    // "+250 ms" beside the latest few dots waiting out a backoff.
    std::sort(waiting.begin(), waiting.end(),
              [](const Waiting &a, const Waiting &b) { return a.since > b.since; });
    const QFont small = vp::smallFont();
    const QFontMetricsF sm(small);
    p.setFont(small);
    std::vector<QRectF> used;
    for (const Waiting &w : waiting) {
        if (used.size() >= 3)
            break;
        const QString label = tr("+%1").arg(vp::formatDurationMs(toMillis(w.delay)));
        QRectF box(w.at.x() + 6, w.at.y() - sm.height() / 2, sm.horizontalAdvance(label) + 4,
                   sm.height());
        if (box.right() > width() - 4)
            box.moveRight(w.at.x() - 6);
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

int FlowView::legendRows(qreal width) const
{
    const QFontMetricsF fm(vp::smallFont());
    qreal x = 0;
    int rows = 1;
    for (const char *label : kTintLabels) {
        const qreal w = kLegendSwatch + fm.horizontalAdvance(tr(label));
        if (x > 0 && x + w > width) {
            ++rows;
            x = 0;
        }
        x += w + kLegendGap;
    }
    return rows;
}

void FlowView::paintLegend(QPainter &p)
{
    const QRectF box = m_layout.legend;
    const QFont f = vp::smallFont();
    const QFontMetricsF fm(f);
    const qreal lineH = fm.height() + 2;
    p.setFont(f);
    qreal x = box.left(), y = box.top();
    for (int tint = 0; tint < TintCount; ++tint) {
        const QString text = tr(kTintLabels[tint]);
        const qreal w = kLegendSwatch + fm.horizontalAdvance(text);
        if (x > box.left() && x + w > box.right()) {
            x = box.left();
            y += lineH;
        }
        p.setPen(QPen(Qt::white, 0.8));
        p.setBrush(kTints[tint]);
        p.drawEllipse(QPointF(x + 5, y + lineH / 2), 4, 4);
        p.setPen(vp::kText);
        p.drawText(QRectF(x + 12, y, w, lineH), Qt::AlignLeft | Qt::AlignVCenter, text);
        x += w + kLegendGap;
    }
}

} // namespace reslab::ui
