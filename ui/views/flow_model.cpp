#include "flow_model.h"

#include "pattern_style.h"

#include "reslab/stages/fallback_options.h"
#include "reslab/stages/stage_pattern.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <variant>

namespace reslab::ui {

namespace {
constexpr qint64 kMinTravelMs = 90;
constexpr qint64 kDwellMs = 80;
constexpr qint64 kFadeMs = 350;
/// Events of one frame are spread over at most this much wall time.
constexpr qint64 kMaxEventAgeMs = 100;
/// How far behind its request a dot may fall (travel takes a visible minimum of time).
constexpr qint64 kMaxLateMs = 1500;
constexpr std::size_t kMaxPendingLegs = 10;
/// A dot whose request has said nothing for this long (virtual) is dropped: its events were lost.
constexpr SimTime kStaleAfter = 300 * kMicrosPerSecond;
/// No flash yet.
constexpr qint64 kNoFlash = -10000;

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
} // namespace

FlowModel::FlowModel()
    : FlowModel(Options{})
{}

FlowModel::FlowModel(Options options)
    : m_options(options)
{}

void FlowModel::reset()
{
    m_dots.clear();
    m_sampler.reset();
    m_capped = false;
    m_lastNow = 0;
    std::fill(m_flashMs.begin(), m_flashMs.end(), kNoFlash);
}

bool FlowModel::setPipeline(const std::vector<StageSpec> &pipeline, std::string_view target)
{
    std::vector<StageSpec> enabled;
    for (const StageSpec &s : pipeline) {
        if (s.enabled)
            enabled.push_back(s);
    }
    const std::string serviceTarget = "service:" + std::string(target);
    if (enabled == m_pipeline && serviceTarget == m_target)
        return false;
    m_pipeline = std::move(enabled);
    m_target = serviceTarget;
    m_serviceName = QString::fromStdString(std::string(target));
    m_cards.clear();
    std::array<int, std::variant_size_v<StageOptions>> seen{};
    for (const StageSpec &s : m_pipeline) {
        Card c;
        c.type = std::string(s.typeName());
        c.name = s.name.empty() ? c.type : s.name;
        setCardTexts(c, s);
        c.typeIndex = seen[s.options.index()]++;
        m_cards.push_back(std::move(c));
    }
    m_flashMs.assign(m_cards.size(), kNoFlash);
    m_flashTint.assign(m_cards.size(), TimedOut);
    return true;
}

void FlowModel::setCardTexts(Card &c, const StageSpec &s)
{
    c.title =
        isDefaultName(s.name, c.type) ? patternShortTitle(c.type) : QString::fromStdString(s.name);
    c.param = patternKeyParameter(s, false);
    c.shortParam = patternKeyParameter(s, true);
}

void FlowModel::retranslate()
{
    for (std::size_t i = 0; i < m_cards.size() && i < m_pipeline.size(); ++i)
        setCardTexts(m_cards[i], m_pipeline[i]);
}

std::vector<std::string> FlowModel::cardTypes() const
{
    std::vector<std::string> types;
    types.reserve(m_cards.size());
    for (const Card &c : m_cards)
        types.push_back(c.type);
    return types;
}

int FlowModel::cardIndex(std::string_view stage) const
{
    for (std::size_t i = 0; i < m_cards.size(); ++i) {
        if (m_cards[i].name == stage)
            return static_cast<int>(i);
    }
    return -1;
}

int FlowModel::fallbackCardFor(std::string_view service) const
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

qreal FlowModel::flashStrength(int card, qint64 wallNow) const
{
    if (card < 0 || card >= cardCount())
        return 0;
    const qint64 at = m_flashMs[static_cast<std::size_t>(card)];
    return std::clamp(1.0 - static_cast<double>(wallNow - at) / static_cast<double>(kFlashMs), 0.0,
                      1.0);
}

FlowModel::Tint FlowModel::flashTint(int card) const
{
    return card >= 0 && card < cardCount() ? m_flashTint[static_cast<std::size_t>(card)] : TimedOut;
}

qint64 FlowModel::flashesEnd() const
{
    qint64 end = kNoFlash;
    for (const qint64 at : m_flashMs)
        end = std::max(end, at + kFlashMs);
    return end;
}

void FlowModel::addFrame(std::span<const EventRecord> events, SimTime simNow, double speed,
                         qint64 wallNow, const FlowLayout &layout)
{
    m_frameNow = wallNow;
    const double pace = std::max(0.01, speed);
    std::uint64_t starts = 0;
    m_capped = false;
    for (const EventRecord &e : events) {
        if (e.kind == EventKind::RequestStart)
            ++starts;
        // When the event happened, in wall time: earlier in the frame is earlier on screen.
        const auto ago = static_cast<qint64>(toMillis(simNow - e.time) / pace);
        handle(e, wallNow - std::clamp<qint64>(ago, 0, kMaxEventAgeMs), layout);
    }
    m_sampler.observe(starts, simNow - m_lastNow, speed);
    m_lastNow = simNow;

    // Drop the dots that have faded out (also when the view is not painted), and those whose
    // requests went quiet for good (their events were dropped at overload).
    for (auto it = m_dots.begin(); it != m_dots.end();) {
        if (!advanceDot(it->second, wallNow, layout) ||
            (simNow - it->second.lastEvent > kStaleAfter && it->second.pending.empty()))
            it = m_dots.erase(it);
        else
            ++it;
    }
}

bool FlowModel::advance(qint64 wallNow, const FlowLayout &layout)
{
    bool moving = false;
    for (auto it = m_dots.begin(); it != m_dots.end();) {
        Dot &d = it->second;
        if (!advanceDot(d, wallNow, layout)) {
            it = m_dots.erase(it);
            continue;
        }
        moving = moving || !d.pending.empty() || wallNow < d.legStart + d.legDuration;
        ++it;
    }
    return moving;
}

FlowModel::Dot *FlowModel::dotFor(std::uint64_t request)
{
    const auto it = m_dots.find(request);
    return it == m_dots.end() ? nullptr : &it->second;
}

const FlowModel::Dot *FlowModel::dot(std::uint64_t request) const
{
    const auto it = m_dots.find(request);
    return it == m_dots.end() ? nullptr : &it->second;
}

std::vector<std::uint64_t> FlowModel::dotRequests() const
{
    std::vector<std::uint64_t> ids;
    ids.reserve(m_dots.size());
    for (const auto &[id, d] : m_dots)
        ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

FlowModel::Place FlowModel::logicalPlace(const Dot &d)
{
    return d.pending.empty() ? d.leg.to : d.pending.back().to;
}

FlowModel::Tint FlowModel::lastTint(const Dot &d)
{
    return d.pending.empty() ? d.leg.tint : d.pending.back().tint;
}

std::optional<FlowModel::Place> FlowModel::placeOf(std::uint64_t request) const
{
    const Dot *d = dot(request);
    return d ? std::optional<Place>(logicalPlace(*d)) : std::nullopt;
}

std::optional<FlowModel::Tint> FlowModel::tintOf(std::uint64_t request) const
{
    const Dot *d = dot(request);
    return d ? std::optional<Tint>(lastTint(*d)) : std::nullopt;
}

void FlowModel::startLeg(Dot &d, const Leg &leg, qint64 previousEnd, const FlowLayout &layout) const
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
        const QPointF a = pointOf(d.from, d, layout), b = pointOf(leg.to, d, layout);
        const qreal dist = std::hypot(b.x() - a.x(), b.y() - a.y());
        duration = std::clamp<qint64>(std::llround(dist / layout.pxPerMs()), kMinTravelMs,
                                      FlowLayout::kCrossingMs);
    }
    // Behind schedule: hurry along the queued legs.
    d.legDuration =
        std::max<qint64>(20, std::llround(static_cast<double>(duration) /
                                          (1.0 + 0.6 * static_cast<double>(d.pending.size()))));
    d.lateMs = std::clamp<qint64>(at + d.legDuration - leg.due, d.lateMs, kMaxLateMs);
}

void FlowModel::append(Dot &d, Leg leg, qint64 due, const FlowLayout &layout) const
{
    leg.due = due;
    if (d.pending.empty() && m_frameNow >= d.legStart + d.legDuration) {
        startLeg(d, leg, d.legStart + d.legDuration, layout);
        return;
    }
    if (d.pending.size() >= kMaxPendingLegs)
        d.pending.erase(d.pending.begin());
    d.pending.push_back(leg);
}

void FlowModel::goOut(Dot &d, Place to, Tint tint, qint64 due, const FlowLayout &layout) const
{
    const Place at = logicalPlace(d);
    switch (at.spot) {
    case Spot::RetryWait:
    case Spot::StageIn:
    case Spot::FallbackBox:
        append(d, {{Spot::StageOut, at.stage}, tint}, due, layout);
        break;
    case Spot::BounceBack:
        append(d, {{Spot::BreakerBounce, at.stage}, tint}, due, layout);
        break;
    case Spot::ClientIn:
        append(d, {{Spot::Client, -1}, tint}, due, layout);
        break;
    default:
        break;
    }
    append(d, {to, tint}, due, layout);
}

void FlowModel::goBack(Dot &d, Place to, Tint tint, qint64 due, const FlowLayout &layout) const
{
    const Place at = logicalPlace(d);
    switch (at.spot) {
    case Spot::ServiceSlot:
    case Spot::ServiceQueue:
    case Spot::ServiceDoorOut:
        append(d, {{Spot::ServiceDoorIn, -1}, tint}, due, layout);
        break;
    case Spot::RetryWait:
    case Spot::FallbackBox:
    case Spot::StageOut:
        append(d, {{Spot::StageIn, at.stage}, tint}, due, layout);
        break;
    case Spot::BreakerBounce:
        append(d, {{Spot::BounceBack, at.stage}, tint}, due, layout);
        break;
    case Spot::Client:
        append(d, {{Spot::ClientIn, -1}, tint}, due, layout);
        break;
    default:
        break;
    }
    append(d, {to, tint}, due, layout);
}

void FlowModel::handle(const EventRecord &e, qint64 due, const FlowLayout &layout)
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
        if (m_options.spread) {
            const std::uint64_t h = (e.request + 1) * 0x9E3779B97F4A7C15ull;
            d.jx = static_cast<float>(((h >> 16) & 0xffff) / 65535.0 * 2 - 1);
            d.jy = static_cast<float>(((h >> 40) & 0xffff) / 65535.0 * 2 - 1);
        }
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
            const Tint tint = lastTint(*d) == Retrying ? Retrying : InFlight;
            goOut(*d, {Spot::ServiceDoorOut, -1}, tint, due, layout);
            append(*d, {{e.text == "queued" ? Spot::ServiceQueue : Spot::ServiceSlot, -1}, tint},
                   due, layout);
        } else if (const int f = fallbackCardFor(e.stage); f >= 0) {
            goBack(*d, {Spot::StageIn, f}, lastTint(*d), due, layout);
            append(*d, {{Spot::FallbackBox, f}, InFlight}, due, layout);
        }
        break;
    case EventKind::AttemptEnd:
        if (atTarget) {
            if (e.outcome == Outcome::Overloaded && d->attempt != e.attempt) {
                // Refused at the door: the queue was full.
                goOut(*d, {Spot::ServiceDoorOut, -1}, lastTint(*d), due, layout);
                append(*d, {{Spot::ServiceDoorOut, -1}, Rejected, LegKind::Dwell}, due, layout);
            } else if (d->attempt == e.attempt) {
                const Tint tint = e.outcome == Outcome::Ok           ? Success
                                  : e.outcome == Outcome::Overloaded ? Rejected
                                                                     : Failed;
                append(*d, {logicalPlace(*d), tint, LegKind::Dwell}, due, layout);
            }
        } else if (logicalPlace(*d).spot == Spot::FallbackBox) {
            append(*d,
                   {logicalPlace(*d), e.outcome == Outcome::Ok ? Fallback : Failed, LegKind::Dwell},
                   due, layout);
        }
        break;
    case EventKind::RetryScheduled:
        if (card >= 0) {
            goBack(*d, {Spot::StageIn, card}, lastTint(*d), due, layout);
            append(*d, {{Spot::RetryWait, card}, Retrying, LegKind::Travel, e.value}, due, layout);
        }
        break;
    case EventKind::Timeout:
        d->attempt = 0; // what the service answers now comes too late
        if (card >= 0)
            goBack(*d, {Spot::StageIn, card}, TimedOut, due, layout);
        break;
    case EventKind::BreakerRejected:
        if (card >= 0) {
            goOut(*d, {Spot::BreakerBounce, card}, lastTint(*d), due, layout);
            append(*d, {{Spot::BreakerBounce, card}, Rejected, LegKind::Dwell}, due, layout);
            append(*d, {{Spot::BounceBack, card}, Rejected}, due, layout);
        }
        break;
    case EventKind::Fallback:
        if (card >= 0) {
            const Tint tint =
                e.text == "cache_miss" || e.text == "service_failed" ? Failed : Fallback;
            const Place at = logicalPlace(*d);
            if (at.spot == Spot::FallbackBox && at.stage == card) {
                append(*d, {at, tint, LegKind::Dwell}, due, layout);
            } else {
                goBack(*d, {Spot::StageIn, card}, lastTint(*d), due, layout);
                append(*d, {{Spot::FallbackBox, card}, tint}, due, layout);
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
        goBack(*d, {Spot::ClientIn, -1}, tint, due, layout);
        append(*d, {{Spot::Gone, -1}, tint, LegKind::Fade}, due, layout);
        break;
    }
    default:
        break;
    }
}

bool FlowModel::advanceDot(Dot &d, qint64 now, const FlowLayout &layout) const
{
    while (now >= d.legStart + d.legDuration) {
        if (d.pending.empty())
            return d.leg.kind != LegKind::Fade;
        const Leg next = d.pending.front();
        d.pending.erase(d.pending.begin());
        startLeg(d, next, d.legStart + d.legDuration, layout);
    }
    return true;
}

QPointF FlowModel::pointOf(const Place &p, const Dot &d, const FlowLayout &L) const
{
    const qreal jl = d.jy * L.lane();
    const bool hasStage = p.stage >= 0 && p.stage < L.cardCount();
    const QRectF card = hasStage ? L.card(p.stage) : L.service();
    switch (p.spot) {
    case Spot::Client:
        return {L.client().right() - 6, L.outY() + jl};
    case Spot::ClientIn:
        return {L.client().right() - 6, L.inY() + jl};
    case Spot::Gone:
        return {L.client().center().x() + d.jx * L.client().width() * 0.3, L.inY() + jl};
    case Spot::StageOut:
        return {card.center().x() + d.jx * card.width() * 0.15, L.outY() + jl};
    case Spot::StageIn:
        return {card.center().x() + d.jx * card.width() * 0.15, L.inY() + jl};
    case Spot::BreakerBounce:
        return {card.left() + 4, L.outY() + jl};
    case Spot::BounceBack:
        return {card.left() + 4, L.inY() + jl};
    case Spot::ServiceDoorOut:
        return {L.service().left() + 4, L.outY() + jl};
    case Spot::ServiceDoorIn:
        return {L.service().left() + 4, L.inY() + jl};
    case Spot::ServiceSlot: {
        const QRectF r = L.serviceServers().adjusted(4, 4, -4, -4);
        return {r.left() + r.width() * (d.jx + 1) / 2, r.top() + r.height() * (d.jy + 1) / 2};
    }
    case Spot::ServiceQueue: {
        const QRectF r = L.serviceQueue().adjusted(4, 4, -4, -4);
        return {r.left() + r.width() * (d.jx + 1) / 2, r.top() + r.height() * (d.jy + 1) / 2};
    }
    case Spot::RetryWait:
        return {card.center().x() + d.jx * card.width() * 0.38, L.waitY() + d.jy * 3};
    case Spot::FallbackBox: {
        const QRectF box =
            hasStage ? L.fallbackBoxes()[static_cast<std::size_t>(p.stage)] : QRectF();
        if (box.isEmpty())
            return {card.center().x() + d.jx * card.width() * 0.3, card.bottom() - 4};
        const QRectF r = box.adjusted(6, 5, -6, -5);
        return {r.left() + r.width() * (d.jx + 1) / 2, r.top() + r.height() * (d.jy + 1) / 2};
    }
    }
    return L.client().center();
}

QPointF FlowModel::position(const Dot &d, qint64 now, const FlowLayout &layout) const
{
    if (now < d.legStart)
        return pointOf(d.from, d, layout);
    const QPointF b = pointOf(d.leg.to, d, layout);
    if (d.legDuration <= 0 || d.leg.kind != LegKind::Travel)
        return b;
    const QPointF a = pointOf(d.from, d, layout);
    const qreal t = std::clamp(
        static_cast<qreal>(now - d.legStart) / static_cast<qreal>(d.legDuration), 0.0, 1.0);
    return a + (b - a) * easeInOut(t);
}

std::vector<FlowModel::LegSpan> FlowModel::schedule(std::uint64_t request,
                                                    const FlowLayout &layout) const
{
    std::vector<LegSpan> spans;
    const Dot *found = dot(request);
    if (!found)
        return spans;
    Dot d = *found;
    auto add = [&] {
        spans.push_back({d.from, d.leg.to, d.leg.tint, d.leg.kind, d.legStart, d.legDuration});
    };
    add();
    while (!d.pending.empty()) {
        const Leg next = d.pending.front();
        d.pending.erase(d.pending.begin());
        startLeg(d, next, d.legStart + d.legDuration, layout);
        add();
    }
    return spans;
}

std::optional<QPointF> FlowModel::positionAt(std::uint64_t request, qint64 wallNow,
                                             const FlowLayout &layout) const
{
    const Dot *found = dot(request);
    if (!found)
        return std::nullopt;
    Dot d = *found;
    if (!advanceDot(d, wallNow, layout))
        return std::nullopt;
    return position(d, wallNow, layout);
}

std::vector<FlowModel::DotSnapshot> FlowModel::snapshot(qint64 wallNow,
                                                        const FlowLayout &layout) const
{
    std::vector<DotSnapshot> out;
    out.reserve(m_dots.size());
    for (const auto &[request, d] : m_dots) {
        DotSnapshot s;
        s.request = request;
        s.at = position(d, wallNow, layout);
        if (wallNow < d.legStart) {
            s.tint = d.tintBefore; // the leg has not begun: nothing has changed yet
        } else if (d.leg.kind == LegKind::Fade) {
            s.tint = d.leg.tint;
            s.fading = true;
            s.opacity =
                std::clamp(1.0 - static_cast<double>(wallNow - d.legStart) /
                                     static_cast<double>(std::max<qint64>(1, d.legDuration)),
                           0.0, 1.0);
        } else {
            s.tint = d.leg.tint;
        }
        if (d.leg.to.spot == Spot::RetryWait && d.pending.empty() && d.leg.delay >= 0 &&
            wallNow >= d.legStart + d.legDuration) {
            s.waitDelay = d.leg.delay;
            s.waitingSince = d.legStart;
        }
        out.push_back(s);
    }
    return out;
}

} // namespace reslab::ui
