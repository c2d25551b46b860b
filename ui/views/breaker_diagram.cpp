#include "breaker_diagram.h"

#include "animation_ticker.h"
#include "simulation_controller.h"
#include "view_palette.h"
#include "views/stage_picker.h"

#include "reslab/stages/circuit_breaker_stage.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace reslab::ui {
namespace vp = view_palette;

namespace {
constexpr qint64 kTokenMs = 400;
constexpr std::size_t kMaxTokens = 4;

int nodeIndex(BreakerState s)
{
    return static_cast<int>(s);
}

QString policyName(std::string_view key)
{
    return QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size()));
}

QString percent(double v)
{
    return QString::number(v, 'f', 1);
}
QString threshold(double v)
{
    return QString::number(v, 'g', 4);
}

/// Where the straight line from a node's centre along `dir` leaves its rectangle.
qreal exitDistance(const QRectF &r, QPointF dir)
{
    const qreal hw = r.width() / 2, hh = r.height() / 2;
    const qreal tx = std::fabs(dir.x()) > 1e-6 ? hw / std::fabs(dir.x()) : 1e9;
    const qreal ty = std::fabs(dir.y()) > 1e-6 ? hh / std::fabs(dir.y()) : 1e9;
    return std::min(tx, ty);
}

qreal easeInOut(qreal t)
{
    return t < 0.5 ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3) / 2;
}

void drawArrowHead(QPainter &p, QPointF tip, QPointF dir, qreal size)
{
    const QPointF n(-dir.y(), dir.x());
    QPolygonF head;
    head << tip << tip - dir * size + n * size * 0.5 << tip - dir * size - n * size * 0.5;
    p.drawPolygon(head);
}
} // namespace

BreakerDiagram::BreakerDiagram(SimulationController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_ticker(new AnimationTicker(this))
    , m_picker(new StagePicker(this))
{
    setObjectName("breakerDiagram");
    connect(m_picker, &StagePicker::stageChosen, this, [this] {
        m_tokens.clear(); // another breaker: its own transitions from now on
        onFrame();
    });
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(controller, &SimulationController::frameAdvanced, this, &BreakerDiagram::onFrame);
    connect(controller, &SimulationController::runReset, this, &BreakerDiagram::onReset);
    connect(controller, &SimulationController::selectedEdgeChanged, this, &BreakerDiagram::onReset);
    onFrame();
}

void BreakerDiagram::onReset()
{
    m_tokens.clear();
    m_litSinceMs = -1000;
}

void BreakerDiagram::onFrame()
{
    Simulation *sim = m_controller->simulation();
    const EdgeRun *edge = m_controller->selectedEdge(); // the client's, or the selected one
    m_picker->setStages([edge] {
        std::vector<std::string> names;
        if (edge) {
            for (const CircuitBreakerStage *b : edge->breakers)
                names.push_back(b->name());
        }
        return names;
    }());
    if (!edge || edge->breakers.empty()) {
        if (maximumHeight() != kNoteHeight)
            setMaximumHeight(kNoteHeight); // only the note: the other views take the room
        m_hasBreaker = false;
        m_tokens.clear();
        m_rows.clear();
        m_state = BreakerState::Closed;
        update();
        return;
    }
    CircuitBreakerStage *breaker = edge->breakers[std::min<std::size_t>(
        static_cast<std::size_t>(m_picker->chosen()), edge->breakers.size() - 1)];
    const qint64 now = m_ticker->nowMs();
    for (const EventRecord &e : m_controller->frameEvents().events()) {
        if (e.kind != EventKind::BreakerTransition || e.stage != breaker->name())
            continue;
        if (m_tokens.size() >= kMaxTokens) // far behind: keep the latest moves only
            m_tokens.erase(m_tokens.begin() + (m_tokens.front().startMs >= 0 ? 1 : 0));
        m_tokens.push_back({e.from, e.to});
    }
    advanceTokens(now);

    const BreakerState state = breaker->state();
    if (state != m_state || !m_hasBreaker)
        m_litSinceMs = now;
    if (maximumHeight() != QWIDGETSIZE_MAX)
        setMaximumHeight(QWIDGETSIZE_MAX);
    m_hasBreaker = true;
    m_state = state;
    m_view = breaker->view();
    m_spec = breaker->spec();
    m_now = sim->now();
    m_name = QString::fromStdString(breaker->name());
    m_transitions = breaker->transitions();
    m_rejected = breaker->rejected();
    updateTexts();
    m_ticker->frameRepainted();
    update();
}

void BreakerDiagram::updateTexts()
{
    m_title = tr("Circuit breaker · %1").arg(policyName(m_spec.policyKey()));
    if (m_name != QLatin1String("circuit_breaker") &&
        m_picker->isHidden()) // else the picker names it
        m_title += QStringLiteral(" (%1)").arg(m_name);
    m_summary = tr("%n transition(s)", nullptr, static_cast<int>(m_transitions)) +
                tr(" · %1 rejected").arg(m_rejected);
    rebuildCounters();
}

void BreakerDiagram::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_hasBreaker)
        updateTexts(); // the texts of the last frame, in the new language (Qt repaints)
    QWidget::changeEvent(event);
}

void BreakerDiagram::rebuildCounters()
{
    m_rows.clear();
    const BreakerView &v = m_view;
    auto ratio = [](double a, double b) {
        return b > 0 ? std::clamp(a / b, 0.0, 1.0) : 0.0;
    };
    // A line of text with its short form for narrow panels.
    auto line = [&](const QString &text, const QString &brief) -> CounterRow & {
        CounterRow row;
        row.text = text;
        row.brief = brief;
        m_rows.push_back(row);
        return m_rows.back();
    };
    // A line with a bar: filled to `fraction`, a tick at `marker` (-1: none).
    auto bar = [&](const QString &text, const QString &brief, double fraction, double marker,
                   const QColor &color) -> CounterRow & {
        CounterRow &row = line(text, brief);
        row.bar = true;
        row.fraction = fraction;
        row.marker = marker;
        row.color = color;
        return row;
    };
    auto rateColor = [](double rate, double limit) {
        return rate >= limit ? vp::kOpen : vp::kClosed;
    };

    if (v.state == BreakerState::Open) {
        const QString secs =
            QString::number(toSeconds(std::max<SimTime>(0, v.openUntil - m_now)), 'f', 1);
        CounterRow &row = v.openUntil > m_now
                              ? line(tr("half-open in %1 s").arg(secs), tr("in %1 s").arg(secs))
                              : line(tr("half-open at the next call"), tr("at next call"));
        row.emphasis = true;
        row.color = vp::kOpen;
    }

    if (m_spec.is<ConsecutiveOptions>()) {
        if (v.state == BreakerState::HalfOpen) {
            bar(tr("successes %1 / %2").arg(v.halfOpenSuccesses).arg(v.successThreshold),
                tr("ok %1 / %2").arg(v.halfOpenSuccesses).arg(v.successThreshold),
                ratio(v.halfOpenSuccesses, v.successThreshold), -1, vp::kClosed);
            bar(tr("trials in flight %1 / %2").arg(v.halfOpenInFlight).arg(v.halfOpenPermits),
                tr("trials %1 / %2").arg(v.halfOpenInFlight).arg(v.halfOpenPermits),
                ratio(v.halfOpenInFlight, v.halfOpenPermits), -1, vp::kHalfOpen);
        } else {
            bar(tr("consecutive failures %1 / %2")
                    .arg(v.consecutiveFailures)
                    .arg(v.failureThreshold),
                tr("failures %1 / %2").arg(v.consecutiveFailures).arg(v.failureThreshold),
                ratio(v.consecutiveFailures, v.failureThreshold), -1, vp::kFailed);
        }
    } else if (m_spec.is<Resilience4jOptions>()) {
        if (v.failureRate < 0) {
            bar(tr("failure rate: not enough calls (%1 / %2)")
                    .arg(v.bufferedCalls)
                    .arg(v.minimumCalls),
                tr("calls %1 / %2 min").arg(v.bufferedCalls).arg(v.minimumCalls),
                ratio(v.bufferedCalls, v.minimumCalls), -1, vp::kFrame)
                .dashed = true;
            line(tr("slow-call rate: not enough calls (threshold %1 %)")
                     .arg(threshold(v.slowCallRateThreshold)),
                 tr("slow: not enough calls"));
        } else {
            bar(tr("failure rate %1 % (threshold %2 %)")
                    .arg(percent(v.failureRate), threshold(v.failureRateThreshold)),
                tr("failures %1 % / %2 %")
                    .arg(percent(v.failureRate), threshold(v.failureRateThreshold)),
                ratio(v.failureRate, 100), ratio(v.failureRateThreshold, 100),
                rateColor(v.failureRate, v.failureRateThreshold));
            const double slow = std::max(0.0, v.slowCallRate);
            bar(tr("slow-call rate %1 % (threshold %2 %)")
                    .arg(percent(slow), threshold(v.slowCallRateThreshold)),
                tr("slow %1 % / %2 %").arg(percent(slow), threshold(v.slowCallRateThreshold)),
                ratio(slow, 100), ratio(v.slowCallRateThreshold, 100),
                rateColor(slow, v.slowCallRateThreshold));
        }
        if (v.state == BreakerState::HalfOpen) {
            bar(tr("trial calls %1 / %2").arg(v.halfOpenInFlight).arg(v.halfOpenPermits),
                tr("trials %1 / %2").arg(v.halfOpenInFlight).arg(v.halfOpenPermits),
                ratio(v.halfOpenInFlight, v.halfOpenPermits), -1, vp::kHalfOpen);
        }
        if (m_spec.as<Resilience4jOptions>().slidingWindowType ==
                Resilience4jOptions::WindowType::Count ||
            v.state == BreakerState::HalfOpen) {
            bar(tr("window %1 / %2 calls").arg(v.bufferedCalls).arg(v.windowSize),
                tr("window %1 / %2").arg(v.bufferedCalls).arg(v.windowSize),
                ratio(v.bufferedCalls, v.windowSize),
                v.state == BreakerState::HalfOpen ? -1 : ratio(v.minimumCalls, v.windowSize),
                vp::kInFlight);
        } else {
            line(tr("window %1 calls in %2 s (minimum %3)")
                     .arg(v.bufferedCalls)
                     .arg(v.windowSize)
                     .arg(v.minimumCalls),
                 tr("%1 calls in %2 s").arg(v.bufferedCalls).arg(v.windowSize));
        }
    } else if (m_spec.is<PollyOptions>()) {
        const PollyOptions &polly = m_spec.as<PollyOptions>();
        if (v.failureRate < 0) {
            bar(tr("failure ratio: not enough calls (%1 / %2)")
                    .arg(v.bufferedCalls)
                    .arg(v.minimumCalls),
                tr("calls %1 / %2 min").arg(v.bufferedCalls).arg(v.minimumCalls),
                ratio(v.bufferedCalls, v.minimumCalls), -1, vp::kFrame)
                .dashed = true;
        } else {
            bar(tr("failure ratio %1 % (threshold %2 %)")
                    .arg(percent(v.failureRate), threshold(v.failureRateThreshold)),
                tr("failures %1 % / %2 %")
                    .arg(percent(v.failureRate), threshold(v.failureRateThreshold)),
                ratio(v.failureRate, 100), ratio(v.failureRateThreshold, 100),
                rateColor(v.failureRate, v.failureRateThreshold));
        }
        line(tr("throughput %1 calls in %2 (minimum %3)")
                 .arg(v.bufferedCalls)
                 .arg(vp::formatDurationMs(polly.samplingDurationMs))
                 .arg(v.minimumCalls),
             tr("%1 calls in %2")
                 .arg(v.bufferedCalls)
                 .arg(vp::formatDurationMs(polly.samplingDurationMs)));
        if (v.state == BreakerState::HalfOpen)
            bar(tr("probe in flight %1 / %2").arg(v.halfOpenInFlight).arg(v.halfOpenPermits),
                tr("probe %1 / %2").arg(v.halfOpenInFlight).arg(v.halfOpenPermits),
                ratio(v.halfOpenInFlight, v.halfOpenPermits), -1, vp::kHalfOpen);
    }
}

void BreakerDiagram::advanceTokens(qint64 now)
{
    // Each token leaves when the one before it has arrived; a queue of them hurries.
    auto begin = [this](Token &t, qint64 at) {
        t.startMs = at;
        t.durationMs = m_tokens.size() > 1
                           ? std::max<qint64>(150, kTokenMs / static_cast<qint64>(m_tokens.size()))
                           : kTokenMs;
    };
    while (!m_tokens.empty()) {
        Token &t = m_tokens.front();
        if (t.startMs < 0)
            begin(t, now);
        if (now < t.startMs + t.durationMs)
            break;
        const qint64 arrived = t.startMs + t.durationMs;
        m_tokens.pop_front();
        if (!m_tokens.empty())
            begin(m_tokens.front(), arrived);
    }
    if (!m_tokens.empty())
        m_ticker->runUntil(m_tokens.front().startMs + m_tokens.front().durationMs + 20);
}

QString BreakerDiagram::countersText() const
{
    if (!m_hasBreaker)
        return tr("no circuit breaker in this pipeline");
    QStringList lines;
    for (const CounterRow &r : m_rows)
        lines << r.text;
    return lines.join('\n');
}

QString BreakerDiagram::arrowLabel(BreakerState from, BreakerState to) const
{
    // The spec's policy (labels for the three known ones).
    const auto *consecutive = std::get_if<ConsecutiveOptions>(&m_spec.policy);
    const auto *polly = std::get_if<PollyOptions>(&m_spec.policy);
    const auto *r4j = std::get_if<Resilience4jOptions>(&m_spec.policy);
    if (!consecutive && !polly && !r4j)
        return {};
    if (from == BreakerState::Closed && to == BreakerState::Open) {
        if (consecutive)
            return tr("%1 failures in a row").arg(consecutive->failureThreshold);
        return polly ? tr("ratio ≥ %1 %").arg(threshold(polly->failureRatio * 100))
                     : tr("rate ≥ %1 %").arg(threshold(r4j->failureRateThreshold));
    }
    if (from == BreakerState::Open && to == BreakerState::HalfOpen) {
        const double ms = consecutive ? consecutive->resetTimeoutMs
                          : polly     ? polly->breakDurationMs
                                      : r4j->waitDurationInOpenStateMs;
        return tr("after %1").arg(vp::formatDurationMs(ms));
    }
    if (from == BreakerState::HalfOpen && to == BreakerState::Closed) {
        if (consecutive)
            return consecutive->successThreshold == 1
                       ? tr("trial succeeds")
                       : tr("%1 successes").arg(consecutive->successThreshold);
        return polly ? tr("probe succeeds")
                     : tr("rate < %1 %").arg(threshold(r4j->failureRateThreshold));
    }
    if (from == BreakerState::HalfOpen && to == BreakerState::Open) {
        if (consecutive)
            return tr("trial fails");
        return polly ? tr("probe fails")
                     : tr("rate ≥ %1 %").arg(threshold(r4j->failureRateThreshold));
    }
    return {};
}

qreal BreakerDiagram::countersHeight(bool ringBeside) const
{
    const QFontMetricsF fm(vp::bodyFont());
    const QFontMetricsF sm(vp::smallFont());
    const bool ring = m_view.state == BreakerState::Open && m_view.openUntil >= 0;
    qreal rows = 0;
    for (std::size_t i = ring && !ringBeside ? 1 : 0; i < m_rows.size(); ++i)
        rows += fm.height() + (m_rows[i].bar ? 12 : 4);
    if (ring)
        rows = ringBeside ? std::max<qreal>(rows, kRing) : rows + kRing + 6;
    return rows + sm.height() + 4; // and the summary line
}

BreakerDiagram::Geometry BreakerDiagram::layout(const QRectF &body) const
{
    Geometry g;
    QRectF diagram;
    // Tall and narrow: the counters go under the diagram; otherwise beside it.
    const qreal below = countersHeight(true);
    if (body.width() < 440 && body.height() - below - 8 >= 110) {
        g.ringBeside = true;
        const qreal h = body.height() - below - 8;
        const qreal w = std::min(body.width(), h * 2.6);
        diagram = QRectF(body.left() + (body.width() - w) / 2, body.top(), w, h);
        g.counters = QRectF(body.left(), diagram.bottom() + 8, body.width(), below);
    } else {
        const qreal split = body.width() < 420 ? 0.50 : 0.54;
        diagram = QRectF(body.left(), body.top(), body.width() * split, body.height());
        g.counters = QRectF(diagram.right() + 10, body.top(), body.width() - diagram.width() - 10,
                            body.height());
    }
    g.arrowLabels = diagram.width() >= 200 && diagram.height() >= 110;
    const QFontMetricsF sm(vp::smallFont());
    const qreal labelH = g.arrowLabels ? sm.height() + 2 : 0;
    const qreal w = std::clamp(diagram.width() * 0.3, 58.0, 108.0);
    const qreal h = std::clamp(diagram.height() * 0.2, 26.0, 36.0);
    const qreal top = diagram.top() + labelH + 2;
    g.nodes[nodeIndex(BreakerState::Closed)] = QRectF(diagram.left() + 2, top, w, h);
    g.nodes[nodeIndex(BreakerState::Open)] = QRectF(diagram.right() - w - 2, top, w, h);
    g.nodes[nodeIndex(BreakerState::HalfOpen)] =
        QRectF(diagram.center().x() - w / 2, diagram.bottom() - h - 4, w, h);
    return g;
}

QPainterPath BreakerDiagram::arrowPath(const Geometry &g, BreakerState from, BreakerState to) const
{
    const QRectF &a = g.nodes[nodeIndex(from)];
    const QRectF &b = g.nodes[nodeIndex(to)];
    QPointF ca = a.center(), cb = b.center();
    const QPointF d = cb - ca;
    const qreal len = std::hypot(d.x(), d.y());
    QPainterPath path;
    if (len < 1) {
        path.moveTo(ca);
        return path;
    }
    const QPointF dir = d / len;
    // Open and half-open have an arrow each way: offset them to either side of the centre line,
    // open -> half-open on the outside of the triangle.
    const bool pair = (from == BreakerState::Open && to == BreakerState::HalfOpen) ||
                      (from == BreakerState::HalfOpen && to == BreakerState::Open);
    if (pair) {
        QPointF n(-dir.y(), dir.x());
        const QPointF centroid =
            (g.nodes[0].center() + g.nodes[1].center() + g.nodes[2].center()) / 3;
        if (QPointF::dotProduct(n, (ca + cb) / 2 - centroid) < 0)
            n = -n;
        const qreal off = from == BreakerState::Open ? 7 : -7;
        ca += n * off;
        cb += n * off;
    }
    const QPointF start = ca + dir * (exitDistance(a, dir) + 3);
    const QPointF end = cb - dir * (exitDistance(b, dir) + 4);
    path.moveTo(start);
    path.lineTo(end);
    return path;
}

void BreakerDiagram::resizeEvent(QResizeEvent *)
{
    m_picker->place();
}

void BreakerDiagram::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), vp::kBackground);
    const QRectF area = QRectF(rect()).adjusted(8, 4, -8, -6);
    QRectF titleArea = area; // the title leaves the corner to the stage picker
    if (m_picker->isVisible())
        titleArea.setRight(std::min(area.right(), m_picker->geometry().left() - 6.0));
    const qreal titleH =
        vp::drawTitle(p, titleArea, m_hasBreaker ? m_title : tr("Circuit breaker"));
    const QRectF body = area.adjusted(0, titleH + 6, 0, 0);
    if (!m_hasBreaker) {
        p.setFont(vp::bodyFont());
        p.setPen(vp::kMutedText);
        p.drawText(body, Qt::AlignCenter | Qt::TextWordWrap,
                   tr("no circuit breaker in this pipeline"));
        return;
    }
    const qint64 now = m_ticker->nowMs();
    const Geometry g = layout(body);
    paintDiagram(p, g, now);
    paintCounters(p, g.counters, g.ringBeside);
}

void BreakerDiagram::paintDiagram(QPainter &p, const Geometry &g, qint64 now)
{
    advanceTokens(now);

    static constexpr std::pair<BreakerState, BreakerState> kArrows[] = {
        {BreakerState::Closed, BreakerState::Open},
        {BreakerState::Open, BreakerState::HalfOpen},
        {BreakerState::HalfOpen, BreakerState::Closed},
        {BreakerState::HalfOpen, BreakerState::Open},
    };
    const Token *active = m_tokens.empty() ? nullptr : &m_tokens.front();
    const QFont small = vp::smallFont();
    const QFontMetricsF sm(small);
    const QPointF centroid = (g.nodes[0].center() + g.nodes[1].center() + g.nodes[2].center()) / 3;
    for (const auto &[from, to] : kArrows) {
        const QPainterPath path = arrowPath(g, from, to);
        const bool hot = active && active->from == from && active->to == to;
        const QColor c = hot ? vp::stateColor(to) : QColor(0x90, 0x90, 0x90);
        p.setPen(QPen(c, hot ? 2.4 : 1.4));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        const QPointF end = path.pointAtPercent(1);
        QPointF dir = end - path.pointAtPercent(0.9);
        const qreal len = std::hypot(dir.x(), dir.y());
        if (len > 0)
            dir /= len;
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        drawArrowHead(p, end, dir, 8);

        if (!g.arrowLabels)
            continue;
        const QString label = arrowLabel(from, to);
        const QPointF mid = path.pointAtPercent(0.5);
        QPointF n(-dir.y(), dir.x());
        const bool inner = from == BreakerState::HalfOpen && to == BreakerState::Open;
        if ((QPointF::dotProduct(n, mid - centroid) < 0) != inner)
            n = -n;
        const qreal tw = sm.horizontalAdvance(label);
        const qreal th = sm.height();
        // Put the label beside the arrow, its near corner at a small gap from the line.
        QPointF anchor = mid + n * 6;
        QRectF box(0, 0, tw, th);
        box.moveCenter(anchor + QPointF(n.x() * tw / 2, n.y() * th / 2));
        if (from == BreakerState::Closed) {
            // Above the row of nodes (layout() keeps that band free), centred on the arrow.
            const QRectF &closed = g.nodes[nodeIndex(BreakerState::Closed)];
            const QRectF &open = g.nodes[nodeIndex(BreakerState::Open)];
            const qreal room = open.right() - closed.left();
            box.setWidth(std::min(tw, room));
            box.moveCenter(QPointF(mid.x(), closed.top() - th / 2 - 1));
        }
        p.setFont(small);
        p.setPen(hot ? vp::kText : vp::kMutedText);
        p.drawText(box, Qt::AlignCenter, sm.elidedText(label, Qt::ElideRight, box.width() + 1));
    }

    // The nodes: the current state lit, the others dimmed.
    const QFont body = vp::bodyFont();
    QFont bold = body;
    bold.setBold(true);
    for (BreakerState s : {BreakerState::Closed, BreakerState::Open, BreakerState::HalfOpen}) {
        const QRectF r = g.nodes[nodeIndex(s)];
        const bool lit = s == m_state;
        const qreal radius = r.height() / 2;
        if (lit) {
            const qreal glow = std::clamp(1.0 - (now - m_litSinceMs) / 600.0, 0.0, 1.0);
            QColor halo = vp::stateColor(s);
            halo.setAlphaF(0.25 + 0.35 * glow);
            p.setPen(QPen(halo, 4 + 4 * glow));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(r.adjusted(-2, -2, 2, 2), radius + 2, radius + 2);
            if (glow > 0)
                m_ticker->runUntil(m_litSinceMs + 620);
            p.setPen(QPen(vp::stateColor(s).darker(120), 1.5));
            p.setBrush(vp::stateColor(s));
        } else {
            p.setPen(QPen(QColor(0xc4, 0xc4, 0xc4), 1.2));
            p.setBrush(vp::kDimFill);
        }
        p.drawRoundedRect(r, radius, radius);
        QFont label = lit ? bold : body;
        // Shrink the label until it fits (whole points: fractional sizes round up when drawn).
        while (QFontMetricsF(label).horizontalAdvance(vp::stateLabel(s)) > r.width() - 8 &&
               label.pointSizeF() > 7.5)
            label.setPointSizeF(label.pointSizeF() - 0.5);
        p.setFont(label);
        p.setPen(lit ? (s == BreakerState::HalfOpen ? vp::kText : QColor(Qt::white))
                     : vp::kDimText);
        const QFontMetricsF fm(label);
        p.drawText(r, Qt::AlignCenter,
                   fm.elidedText(vp::stateLabel(s), Qt::ElideRight, r.width() - 6));
    }

    // The travelling token, with a short fading trail.
    if (active && active->startMs >= 0) {
        const QPainterPath path = arrowPath(g, active->from, active->to);
        const qreal t =
            std::clamp((now - active->startMs) / static_cast<qreal>(active->durationMs), 0.0, 1.0);
        const QColor c = vp::stateColor(active->to);
        for (int i = 3; i >= 1; --i) {
            const qreal tt = easeInOut(std::max(0.0, t - 0.06 * i));
            QColor trail = c;
            trail.setAlphaF(0.18 * (4 - i));
            p.setPen(Qt::NoPen);
            p.setBrush(trail);
            p.drawEllipse(path.pointAtPercent(tt), 5.0 - i, 5.0 - i);
        }
        p.setPen(QPen(Qt::white, 2));
        p.setBrush(c);
        p.drawEllipse(path.pointAtPercent(easeInOut(t)), 7, 7);
    }
}

void BreakerDiagram::paintRing(QPainter &p, const QRectF &ring)
{
    const BreakerView &v = m_view;
    const double span = static_cast<double>(v.openUntil - v.openedAt);
    const double fraction =
        span > 0 ? std::clamp(static_cast<double>(m_now - v.openedAt) / span, 0.0, 1.0) : 1.0;
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(vp::kTrack, 5));
    p.drawEllipse(ring);
    QPen arc(vp::kOpen, 5);
    arc.setCapStyle(Qt::FlatCap);
    p.setPen(arc);
    // Elapsed part of the wait, clockwise from twelve o'clock; it fills as half-open nears.
    p.drawArc(ring, 90 * 16, -static_cast<int>(std::lround(fraction * 360 * 16)));
    QFont f = vp::smallFont();
    f.setBold(true);
    const double left = std::max(0.0, toSeconds(v.openUntil - m_now));
    const QString secs = left >= 10 ? QString::number(left, 'f', 0) : QString::number(left, 'f', 1);
    p.setFont(f);
    p.setPen(vp::kText);
    p.drawText(ring, Qt::AlignCenter, secs);
}

void BreakerDiagram::paintCounters(QPainter &p, const QRectF &area, bool ringBeside)
{
    QRectF rest = area;
    std::size_t first = 0;
    if (m_view.state == BreakerState::Open && m_view.openUntil >= 0) {
        const qreal d = std::min<qreal>(kRing, area.height()) - 4;
        paintRing(p, QRectF(area.left() + 3, area.top() + 2, d, d));
        if (ringBeside) {
            rest.setLeft(area.left() + d + 14);
        } else {
            // The countdown line beside the ring, the other counters under it.
            QFont bold = vp::bodyFont();
            bold.setBold(true);
            p.setFont(bold);
            p.setPen(vp::kOpen);
            p.drawText(QRectF(area.left() + d + 12, area.top(), area.width() - d - 12, d + 4),
                       Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, m_rows.front().text);
            rest.setTop(area.top() + d + 10);
            first = 1;
        }
    }

    // Fit the text: a slightly smaller font, else the short forms (smaller still if need be),
    // and only then elide.
    QFont f = vp::bodyFont();
    const QFontMetricsF full(f);
    qreal widestText = 0, widestBrief = 0;
    for (std::size_t i = first; i < m_rows.size(); ++i) {
        const CounterRow &r = m_rows[i];
        widestText = std::max(widestText, full.horizontalAdvance(r.text));
        widestBrief =
            std::max(widestBrief, full.horizontalAdvance(r.brief.isEmpty() ? r.text : r.brief));
    }
    const bool brief = widestText * 0.85 > rest.width();
    const qreal widest = brief ? widestBrief : widestText;
    if (widest > rest.width() && widest > 0)
        f.setPointSizeF(std::max(8.0, f.pointSizeF() * rest.width() / widest));
    const QFontMetricsF fm(f);
    p.setFont(f);

    qreal y = rest.top();
    for (std::size_t i = first; i < m_rows.size(); ++i) {
        const CounterRow &r = m_rows[i];
        const qreal need = fm.height() + (r.bar ? 10 : 4);
        if (y + fm.height() > rest.bottom() + 1)
            break;
        const QString &shown = brief && !r.brief.isEmpty() ? r.brief : r.text;
        QFont rowFont = f;
        rowFont.setBold(r.emphasis);
        p.setFont(rowFont);
        p.setPen(r.emphasis ? r.color : vp::kText);
        p.drawText(QRectF(rest.left(), y, rest.width(), fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   QFontMetricsF(rowFont).elidedText(shown, Qt::ElideRight, rest.width()));
        y += fm.height() + 2;
        if (r.bar && y + 6 <= rest.bottom() + 1) {
            const QRectF track(rest.left(), y, rest.width() - 2, 6);
            p.setPen(Qt::NoPen);
            p.setBrush(vp::kTrack);
            p.drawRoundedRect(track, 3, 3);
            if (r.fraction > 0) {
                QRectF fill = track;
                fill.setWidth(std::max(6.0, track.width() * r.fraction));
                if (r.dashed) {
                    p.setBrush(QBrush(vp::kFrame, Qt::BDiagPattern));
                    p.setPen(QPen(vp::kFrame, 1));
                } else {
                    p.setBrush(r.color);
                }
                p.drawRoundedRect(fill, 3, 3);
            }
            if (r.marker >= 0) {
                const qreal x = track.left() + track.width() * r.marker;
                p.setPen(QPen(vp::kText, 2));
                p.drawLine(QPointF(x, track.top() - 3), QPointF(x, track.bottom() + 3));
            }
            y += 10;
        } else {
            y += need - fm.height() - 2;
        }
    }

    // Totals from the engine, at the foot of the panel.
    const QFont small = vp::smallFont();
    const QFontMetricsF sm(small);
    if (y + sm.height() <= rest.bottom() + 1) {
        p.setFont(small);
        p.setPen(vp::kMutedText);
        p.drawText(QRectF(rest.left(), std::max(y + 2, rest.bottom() - sm.height()), rest.width(),
                          sm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   sm.elidedText(m_summary, Qt::ElideRight, rest.width()));
    }
}

} // namespace reslab::ui
