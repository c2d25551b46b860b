#include "retry_timeline.h"

#include "simulation_controller.h"
#include "view_palette.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace reslab::ui {
namespace vp = view_palette;

namespace {
/// Requests in flight the view keeps an eye on (a request that fails gets a lane).
constexpr std::size_t kMaxPending = 8192;
/// Lanes given to failing requests that sampling left out: a burst, then so many per second.
constexpr double kFailureBurst = 6;
constexpr double kFailuresPerWallSecond = 4;

double niceStep(double raw)
{
    const double decade = std::pow(10.0, std::floor(std::log10(std::max(raw, 1e-9))));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (m * decade >= raw)
            return m * decade;
    }
    return 10 * decade;
}

/// A small clock face: where a timeout cut an attempt short.
void drawClock(QPainter &p, QPointF c, qreal r)
{
    p.setPen(QPen(vp::kTimeout, 1.3));
    p.setBrush(Qt::white);
    p.drawEllipse(c, r, r);
    p.drawLine(c, c + QPointF(0, -r * 0.7));
    p.drawLine(c, c + QPointF(r * 0.55, 0));
}
} // namespace

RetryTimeline::RetryTimeline(SimulationController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName("retryTimeline");
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(controller, &SimulationController::frameAdvanced, this, &RetryTimeline::onFrame);
    connect(controller, &SimulationController::runReset, this, &RetryTimeline::onReset);
    connect(controller, &SimulationController::selectedEdgeChanged, this, &RetryTimeline::onReset);
    onFrame();
}

void RetryTimeline::onReset()
{
    m_lanes.clear();
    m_pending.clear();
    m_failureTokens = kFailureBurst;
    m_sampler.reset();
    m_now = 0;
    m_lastNow = 0;
    m_spanShownMs = 0;
}

std::vector<std::uint64_t> RetryTimeline::laneRequests() const
{
    std::vector<std::uint64_t> ids;
    ids.reserve(m_lanes.size());
    for (const Lane &l : m_lanes)
        ids.push_back(l.request);
    return ids;
}

RetryTimeline::Lane *RetryTimeline::find(std::uint64_t request)
{
    for (Lane &l : m_lanes) {
        if (l.request == request)
            return &l;
    }
    return nullptr;
}

const RetryTimeline::Lane *RetryTimeline::find(std::uint64_t request) const
{
    for (const Lane &l : m_lanes) {
        if (l.request == request)
            return &l;
    }
    return nullptr;
}

int RetryTimeline::barCount(std::uint64_t request) const
{
    const Lane *l = find(request);
    return l ? static_cast<int>(l->bars.size()) : -1;
}

int RetryTimeline::backoffCount(std::uint64_t request) const
{
    const Lane *l = find(request);
    return l ? static_cast<int>(l->backoffs.size()) : -1;
}

RetryTimeline::Lane &RetryTimeline::openLane(std::uint64_t request, SimTime start)
{
    Lane lane;
    lane.request = request;
    lane.start = start;
    m_lanes.push_front(std::move(lane));
    while (m_lanes.size() > static_cast<std::size_t>(kMaxLanes))
        m_lanes.pop_back();
    return m_lanes.front();
}

RetryTimeline::Lane *RetryTimeline::laneForFailure(std::uint64_t request)
{
    if (Lane *l = find(request))
        return l;
    const auto it = m_pending.find(request);
    if (it == m_pending.end() || m_failureTokens < 1)
        return nullptr;
    m_failureTokens -= 1;
    const Pending pending = it->second;
    m_pending.erase(it);
    Lane &lane = openLane(request, pending.start);
    if (pending.attemptStart >= 0)
        lane.bars.push_back({pending.attempt, pending.attemptStart});
    return &lane;
}

void RetryTimeline::onFrame()
{
    const Simulation *sim = m_controller->simulation();
    if (!sim) {
        update();
        return;
    }
    // The selected edge's callee and stages (the client edge's by default).
    const EdgeRun *edge = m_controller->selectedEdge();
    const std::string target = "service:" + (edge ? edge->callee : sim->scenario().target);
    const bool clientEdge = !edge || edge->series == Stage::kClientEdge;
    const auto onEdge = [&](std::string_view stage) {
        if (clientEdge)
            return stage.find("->") == std::string_view::npos; // the client edge's own names
        for (const auto &st : edge->stages) {
            if (st->name() == stage)
                return true;
        }
        return false;
    };
    const auto &events = m_controller->frameEvents().events();
    std::uint64_t starts = 0;
    for (const EventRecord &e : events) {
        if ((e.kind == EventKind::Timeout || e.kind == EventKind::RetryScheduled ||
             e.kind == EventKind::BreakerRejected || e.kind == EventKind::Fallback) &&
            !onEdge(e.stage))
            continue;
        switch (e.kind) {
        case EventKind::RequestStart:
            ++starts;
            if (m_pending.size() >= kMaxPending)
                m_pending.clear(); // far too many in flight to follow: start afresh
            m_pending.emplace(e.request, Pending{e.time, m_sampler.admits(e.request)});
            break;
        case EventKind::AttemptStart: {
            if (e.stage != target)
                break;
            Lane *l = find(e.request);
            if (!l) {
                const auto it = m_pending.find(e.request);
                if (it == m_pending.end())
                    break; // it started before the view did
                if (!it->second.sampled) {
                    // Not drawn unless it fails: remember where its attempt began.
                    it->second.attempt = e.attempt;
                    it->second.attemptStart = e.time;
                    break;
                }
                l = &openLane(e.request, it->second.start);
                m_pending.erase(it);
            }
            l->bars.push_back({e.attempt, e.time});
            break;
        }
        case EventKind::AttemptEnd:
        case EventKind::AttemptCancelled: {
            if (e.stage != target)
                break;
            Lane *l = e.kind == EventKind::AttemptEnd && e.outcome != Outcome::Ok
                          ? laneForFailure(e.request)
                          : find(e.request);
            if (!l)
                break;
            auto bar = std::find_if(l->bars.begin(), l->bars.end(),
                                    [&](const Bar &b) { return b.attempt == e.attempt; });
            if (bar == l->bars.end()) { // refused at once (overloaded): it never started
                l->bars.push_back({e.attempt, e.time});
                bar = l->bars.end() - 1;
            }
            bar->end = e.time;
            bar->cancelled = e.kind == EventKind::AttemptCancelled;
            if (!bar->cancelled)
                bar->outcome = e.outcome;
            break;
        }
        case EventKind::Timeout:
            if (Lane *l = laneForFailure(e.request)) {
                auto open = std::find_if(l->bars.rbegin(), l->bars.rend(),
                                         [](const Bar &b) { return b.end < 0 && b.timeoutAt < 0; });
                if (open != l->bars.rend())
                    open->timeoutAt = e.time;
                else
                    l->marks.push_back({e.time, Mark::Timeout});
            }
            break;
        case EventKind::RetryScheduled:
            if (Lane *l = find(e.request))
                l->backoffs.push_back({e.time, e.value});
            break;
        case EventKind::BreakerRejected:
            if (Lane *l = find(e.request))
                l->marks.push_back({e.time, Mark::Rejected});
            break;
        case EventKind::Fallback:
            if (Lane *l = find(e.request)) {
                const bool miss = e.text == "cache_miss" || e.text == "service_failed";
                l->marks.push_back({e.time, miss ? Mark::FallbackMiss : Mark::Fallback});
            }
            break;
        case EventKind::RequestEnd:
            m_pending.erase(e.request);
            if (Lane *l = find(e.request)) {
                l->ended = true;
                l->end = e.time;
                l->outcome = e.outcome;
            }
            break;
        default: // the other kinds draw nothing on the timeline
            break;
        }
    }
    const SimTime now = sim->now();
    const double speed = std::max(0.01, m_controller->speed());
    m_sampler.observe(starts, now - m_lastNow, speed);
    m_failureTokens = std::min(kFailureBurst, m_failureTokens + toSeconds(now - m_lastNow) / speed *
                                                                    kFailuresPerWallSecond);
    m_now = now;
    m_lastNow = now;

    // The axis follows the longest lane: it grows at once and shrinks gently.
    double longest = 100;
    for (const Lane &l : m_lanes)
        longest = std::max(longest, toMillis(laneSpan(l)));
    m_spanShownMs =
        longest >= m_spanShownMs ? longest : m_spanShownMs + (longest - m_spanShownMs) * 0.08;
    update();
}

SimTime RetryTimeline::laneSpan(const Lane &l) const
{
    SimTime last = l.ended ? l.end : m_now;
    for (const Backoff &b : l.backoffs)
        last = std::max(last, std::min(b.at + b.delay, l.ended ? l.end : b.at + b.delay));
    for (const Bar &b : l.bars)
        last = std::max(last, b.end >= 0 ? b.end : m_now);
    return std::max<SimTime>(0, last - l.start);
}

void RetryTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), vp::kBackground);
    const QRectF area = QRectF(rect()).adjusted(8, 4, -8, -6);
    QString right;
    if (m_sampler.every() > 1)
        right = tr("showing 1 in %1 requests, and failing ones").arg(m_sampler.every());
    const qreal titleH = vp::drawTitle(p, area, tr("Retry timeline"), right);

    const QFont small = vp::smallFont();
    const QFontMetricsF sm(small);
    const QFont body = vp::bodyFont();
    const QRectF content = area.adjusted(0, titleH + 4, 0, 0);
    if (m_lanes.empty()) {
        p.setFont(body);
        p.setPen(vp::kMutedText);
        p.drawText(content, Qt::AlignCenter | Qt::TextWordWrap,
                   tr("no request has reached the service yet"));
        return;
    }

    // Columns: request id | lanes | outcome. Rows: lanes, then the time axis.
    const qreal axisH = sm.height() * 2 + 4;
    const QString widestId = QStringLiteral("#%1").arg(m_lanes.front().request);
    const qreal idW = sm.horizontalAdvance(widestId) + 6;
    qreal widestOutcome = 0;
    for (int o = 0; o <= static_cast<int>(Outcome::FallbackFailed); ++o)
        widestOutcome = std::max(widestOutcome,
                                 sm.horizontalAdvance(vp::outcomeLabel(static_cast<Outcome>(o))));
    const qreal outcomeW = std::min(content.width() * 0.22, widestOutcome + 8);
    const QRectF lanesArea(content.left() + idW, content.top(), content.width() - idW - outcomeW,
                           content.height() - axisH);
    // Lanes shrink to the small font's height so that ~30 fit in the default layout.
    const qreal minLaneH = std::max<qreal>(10.0, sm.height() - 3);
    const qreal laneH = std::clamp(lanesArea.height() / m_lanes.size(), minLaneH, 20.0);
    const int visible = std::min<int>(static_cast<int>(m_lanes.size()),
                                      static_cast<int>(lanesArea.height() / laneH));
    const double spanMs = std::max(100.0, m_spanShownMs);
    const qreal pxPerMs = lanesArea.width() / spanMs;
    auto xAt = [&](const Lane &l, SimTime t) {
        return lanesArea.left() + std::min(lanesArea.width(), toMillis(t - l.start) * pxPerMs);
    };

    // Time axis with round ticks at least ~60 px apart.
    const double step = niceStep(60.0 / std::max(pxPerMs, 1e-9));
    const qreal axisY = lanesArea.top() + visible * laneH + 2;
    p.setFont(small);
    for (double ms = 0; ms <= spanMs + 1e-9; ms += step) {
        const qreal x = lanesArea.left() + ms * pxPerMs;
        p.setPen(QPen(vp::kTrack, 1));
        p.drawLine(QPointF(x, lanesArea.top()), QPointF(x, axisY));
        p.setPen(vp::kMutedText);
        const QString label = QString::number(ms, 'g', 6);
        const qreal w = sm.horizontalAdvance(label);
        p.drawText(
            QRectF(std::min(x - w / 2, lanesArea.right() - w), axisY + 1, w + 2, sm.height()),
            Qt::AlignLeft, label);
    }
    p.setPen(vp::kMutedText);
    const qreal captionW = content.right() - lanesArea.left();
    p.drawText(QRectF(lanesArea.left(), axisY + sm.height() + 1, captionW, sm.height()),
               Qt::AlignLeft | Qt::AlignVCenter,
               sm.elidedText(tr("ms since each request started · newest on top"), Qt::ElideRight,
                             captionW));

    for (int i = 0; i < visible; ++i) {
        const Lane &l = m_lanes[static_cast<std::size_t>(i)];
        const qreal top = lanesArea.top() + i * laneH;
        const qreal cy = top + laneH / 2;
        const qreal barH = laneH - 5;
        if (i % 2 == 1)
            p.fillRect(QRectF(content.left(), top, content.width(), laneH),
                       QColor(0xf0, 0xf2, 0xf5));
        p.setFont(small);
        p.setPen(vp::kMutedText);
        p.drawText(QRectF(content.left(), top, idW - 4, laneH), Qt::AlignRight | Qt::AlignVCenter,
                   QStringLiteral("#%1").arg(l.request));

        // Backoff gaps: dashed, with their delay when it fits.
        for (const Backoff &b : l.backoffs) {
            const qreal x0 = xAt(l, b.at), x1 = xAt(l, b.at + b.delay);
            QPen dash(vp::kRetrying, 1.4, Qt::DashLine);
            p.setPen(dash);
            p.drawLine(QPointF(x0, cy), QPointF(x1, cy));
            const QString label = QString::number(std::llround(toMillis(b.delay)));
            const qreal w = sm.horizontalAdvance(label) + 4;
            if (x1 - x0 >= w + 2) {
                const QRectF box((x0 + x1 - w) / 2, cy - sm.height() / 2, w, sm.height());
                p.fillRect(box, i % 2 == 1 ? QColor(0xf0, 0xf2, 0xf5) : vp::kBackground);
                p.setPen(vp::kRetrying.darker(115));
                p.drawText(box, Qt::AlignCenter, label);
            }
        }

        // Attempt bars.
        for (const Bar &b : l.bars) {
            const bool timedOut = b.timeoutAt >= 0;
            const SimTime shownEnd = timedOut ? b.timeoutAt : (b.end >= 0 ? b.end : m_now);
            const qreal x0 = xAt(l, b.start);
            const qreal x1 = std::max(x0 + 3, xAt(l, shownEnd));
            QColor color = vp::kInFlight;
            if (timedOut)
                color = vp::kTimeout;
            else if (b.cancelled)
                color = vp::kMutedText;
            else if (b.end >= 0)
                color = vp::outcomeColor(b.outcome);
            p.setPen(Qt::NoPen);
            p.setBrush(color);
            p.drawRoundedRect(QRectF(x0, cy - barH / 2, x1 - x0, barH), 2, 2);
            if (b.end < 0 && !timedOut) { // still running: an open end
                p.setBrush(color.lighter(150));
                p.drawRect(QRectF(x1 - 2, cy - barH / 2, 2, barH));
            }
            if (timedOut) {
                // The abandoned work goes on: a thin line to its real end.
                const SimTime workEnd = b.end >= 0 ? b.end : m_now;
                if (workEnd > b.timeoutAt) {
                    QColor ghost = vp::kTimeout;
                    ghost.setAlphaF(0.45);
                    p.setPen(QPen(ghost, 1.2));
                    p.drawLine(QPointF(x1, cy), QPointF(xAt(l, workEnd), cy));
                }
                drawClock(p, QPointF(x1, cy), std::min<qreal>(5, laneH / 2 - 1));
            }
        }

        // Where the bars end on screen: a mark at the same instant goes just after, not on top.
        qreal barsEnd = -1e9;
        for (const Bar &b : l.bars) {
            const SimTime end = b.timeoutAt >= 0 ? b.timeoutAt : (b.end >= 0 ? b.end : m_now);
            barsEnd = std::max(barsEnd, std::max(xAt(l, b.start) + 3, xAt(l, end)));
        }
        for (const Mark &m : l.marks) {
            const qreal r = std::min<qreal>(4.5, laneH / 2 - 2);
            qreal x = xAt(l, m.at);
            if (m.kind != Mark::Rejected && x < barsEnd + r + 1 && x > barsEnd - 4)
                x = barsEnd + r + 1;
            switch (m.kind) {
            case Mark::Rejected:
                p.setPen(QPen(vp::kRejected, 2));
                p.drawLine(QPointF(x - r, cy - r), QPointF(x + r, cy + r));
                p.drawLine(QPointF(x - r, cy + r), QPointF(x + r, cy - r));
                break;
            case Mark::Fallback:
            case Mark::FallbackMiss: {
                QPolygonF diamond;
                diamond << QPointF(x, cy - r - 1) << QPointF(x + r + 1, cy)
                        << QPointF(x, cy + r + 1) << QPointF(x - r - 1, cy);
                p.setPen(QPen(Qt::white, 1));
                p.setBrush(m.kind == Mark::Fallback ? vp::kFallback : vp::kFailed);
                p.drawPolygon(diamond);
                break;
            }
            case Mark::Timeout:
                drawClock(p, QPointF(x, cy), std::min<qreal>(5, laneH / 2 - 1));
                break;
            }
        }

        // The request's outcome at the end of its lane.
        const QRectF outcomeBox(lanesArea.right() + 6, top, outcomeW - 6, laneH);
        p.setFont(small);
        if (l.ended) {
            const QColor c = vp::outcomeColor(l.outcome);
            p.setPen(QPen(c, 1.2));
            const qreal xe = xAt(l, l.end);
            p.drawLine(QPointF(xe, cy - barH / 2 - 1), QPointF(xe, cy + barH / 2 + 1));
            p.setPen(c);
            p.drawText(
                outcomeBox, Qt::AlignLeft | Qt::AlignVCenter,
                sm.elidedText(vp::outcomeLabel(l.outcome), Qt::ElideRight, outcomeBox.width()));
        } else {
            p.setPen(vp::kMutedText);
            p.drawText(outcomeBox, Qt::AlignLeft | Qt::AlignVCenter, tr("…"));
        }
    }
}

} // namespace reslab::ui
