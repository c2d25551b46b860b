#pragma once

#include "flow_layout.h"
#include "request_sampler.h"

#include "reslab/metrics/event_log.h"
#include "reslab/model/scenario.h"

#include <QPointF>
#include <QString>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace reslab::ui {

/// What the flow view shows, without drawing it: the cards of the enabled pipeline (outermost
/// first), and requests as dots travelling from the client through the cards to the service and
/// back. The dots are built from the engine's events only and compute no metric: a rejected
/// request bounces off the breaker, a retry goes back and waits out its delay under the retry
/// card, a fallback turns off to its card's box, a timeout flashes its card; a dot dwells where
/// its request waits (in service, in the queue, in a backoff) for as long as it waits, and takes
/// a minimum visible time to travel. A dot moves in wall time (ms): each leg starts when the
/// event that made it happened, as late as the dot already runs, and lasts as long as the
/// layout's distance takes at its speed. At most kMaxDots are alive; at high rates only 1
/// request in N is drawn (RequestSampler). The service gauges and breaker states are the engine's,
/// as they are given.
class FlowModel
{
public:
    static constexpr int kMaxDots = 400;
    /// A card lights up for this long after a timeout, rejection or retry (wall ms).
    static constexpr qint64 kFlashMs = 450;

    /// Where a dot is (with the card it is at, for the stage spots).
    enum class Spot : std::uint8_t
    {
        Client,         ///< leaving the client
        ClientIn,       ///< back at the client
        Gone,           ///< fading out at the client
        StageOut,       ///< a stage, on the way in
        StageIn,        ///< a stage, on the way back
        BreakerBounce,  ///< the breaker card's door, where a rejected request bounces
        BounceBack,     ///< just after the bounce
        ServiceDoorOut, ///< the service's door, on the way in
        ServiceDoorIn,  ///< the service's door, on the way back
        ServiceSlot,    ///< in service
        ServiceQueue,   ///< waiting in the service's queue
        RetryWait,      ///< waiting out a backoff under the retry card
        FallbackBox,    ///< answered (or not) by the fallback
    };
    /// A dot's colour: what has happened to its request (the legend's order).
    enum Tint : std::uint8_t
    {
        InFlight,
        Success,
        Retrying,
        Failed,
        TimedOut,
        Fallback,
        Rejected,
        TintCount
    };
    enum class LegKind : std::uint8_t
    {
        Travel, ///< moves to its place
        Dwell,  ///< stays (changing colour)
        Fade    ///< fades out where it is
    };
    struct Place
    {
        Spot spot = Spot::Client;
        int stage = -1; ///< the card, for the stage spots; -1 otherwise
        bool operator==(const Place &) const = default;
    };
    struct Leg
    {
        Place to;
        Tint tint = InFlight;
        LegKind kind = LegKind::Travel;
        SimTime delay = -1; ///< RetryWait: the backoff delay, for the label
        qint64 due = 0;     ///< wall time of the event that made this leg
    };
    struct Dot
    {
        Place from;
        Leg leg;
        qint64 legStart = 0;
        qint64 legDuration = 0;
        std::vector<Leg> pending;
        float jx = 0, jy = 0; ///< where in a lane or a box this dot sits, -1..1
        std::uint32_t attempt = 0;
        SimTime lastEvent = 0;
        Tint tintBefore = InFlight; ///< the colour until the current leg begins
        qint64 lateMs = 0;          ///< how far behind its request the dot runs (travel takes time)
    };
    /// One leg of a dot's way, with when it runs (wall ms).
    struct LegSpan
    {
        Place from;
        Place to;
        Tint tint = InFlight;
        LegKind kind = LegKind::Travel;
        qint64 start = 0;
        qint64 duration = 0;
        qint64 end() const { return start + duration; }
    };
    /// A dot as it is drawn at a given time.
    struct DotSnapshot
    {
        std::uint64_t request = 0;
        QPointF at;
        Tint tint = InFlight;
        bool fading = false;
        qreal opacity = 1; ///< < 1 while fading
        /// Waiting out a backoff (arrived under its retry card): the delay, else -1.
        SimTime waitDelay = -1;
        qint64 waitingSince = 0; ///< wall ms
    };
    struct Card
    {
        std::string type; ///< the stage type key ("retry")
        std::string name; ///< the stage name its events carry
        QString title;    ///< the short title, or the stage's own name
        QString param;
        QString shortParam; ///< for narrow cards
        int typeIndex = 0;  ///< among the stages of its type (breakers()[typeIndex], ...)
    };
    /// The target service's gauges, as the engine has them.
    struct ServiceGauges
    {
        std::uint32_t inService = 0;
        std::uint32_t queued = 0;
        int concurrency = 0;
        std::int64_t queueLimit = -1; ///< -1: unbounded
    };
    struct Options
    {
        /// Spread the dots around their places by a hash of the request id (so that they do not
        /// sit on each other); off, every dot sits on its place's line or centre (tests).
        bool spread = true;
    };

    FlowModel();
    explicit FlowModel(Options options);

    /// The scenario's pipeline (the disabled stages are left out) and its target service. Returns
    /// true when the cards changed (then the layout must be made again).
    bool setPipeline(const std::vector<StageSpec> &pipeline, std::string_view target);
    /// Words the cards' titles and key parameters again (after a language switch).
    void retranslate();
    /// One frame of the engine: its events (in order), the virtual time it reached, the speed it
    /// was played at, and the wall time (ms) it is shown at. Events earlier in the frame are
    /// earlier on screen (by up to 100 ms). Builds and moves the dots, and drops those that have
    /// faded out or whose requests went quiet for good.
    void addFrame(std::span<const EventRecord> events, SimTime simNow, double speed, qint64 wallNow,
                  const FlowLayout &layout);
    void setGauges(const ServiceGauges &gauges) { m_gauges = gauges; }
    /// The state of each breaker of the pipeline, in pipeline order (Card::typeIndex).
    void setBreakerStates(std::vector<BreakerState> states) { m_breakerStates = std::move(states); }
    /// Moves the dots along their legs up to `wallNow`, dropping those that have faded out.
    /// Returns whether a dot is still moving (then the view keeps animating).
    bool advance(qint64 wallNow, const FlowLayout &layout);
    /// A new run: no dots, no flashes, sampling from 1 in 1 again.
    void reset();

    // The cards.
    const std::vector<Card> &cards() const { return m_cards; }
    int cardCount() const { return static_cast<int>(m_cards.size()); }
    /// Each card's stage type key, left to right.
    std::vector<std::string> cardTypes() const;
    /// The card of a stage (by the name its events carry); -1 if none.
    int cardIndex(std::string_view stage) const;
    const QString &serviceName() const { return m_serviceName; }
    /// How much a card is lit at `wallNow` (0..1), and in which colour.
    qreal flashStrength(int card, qint64 wallNow) const;
    Tint flashTint(int card) const;
    /// When the last flash is over (wall ms).
    qint64 flashesEnd() const;
    const ServiceGauges &gauges() const { return m_gauges; }
    const std::vector<BreakerState> &breakerStates() const { return m_breakerStates; }

    // The dots.
    int liveDots() const { return static_cast<int>(m_dots.size()); }
    /// The requests whose dots are alive, in increasing order.
    std::vector<std::uint64_t> dotRequests() const;
    const Dot *dot(std::uint64_t request) const;
    /// 1 in samplingEvery() requests is drawn.
    int samplingEvery() const { return m_sampler.every(); }
    /// True when the last frame could not draw a request because kMaxDots were alive.
    bool capped() const { return m_capped; }
    /// Where a request's dot is going: the end of its last leg (nullopt: no dot).
    std::optional<Place> placeOf(std::uint64_t request) const;
    /// The colour its dot ends up with (that of its last leg).
    std::optional<Tint> tintOf(std::uint64_t request) const;
    /// The dot's way from its current leg on, with when each leg runs if no other event comes.
    std::vector<LegSpan> schedule(std::uint64_t request, const FlowLayout &layout) const;
    /// Where the request's dot is drawn at `wallNow` if no other event comes (it may be later
    /// than the model's last advance); nullopt when there is no dot or it has faded out by then.
    std::optional<QPointF> positionAt(std::uint64_t request, qint64 wallNow,
                                      const FlowLayout &layout) const;
    /// The point of a place for a dot (its spread).
    QPointF pointOf(const Place &p, const Dot &d, const FlowLayout &layout) const;
    /// Every live dot as drawn at `wallNow` (call advance() first), in no particular order.
    std::vector<DotSnapshot> snapshot(qint64 wallNow, const FlowLayout &layout) const;

private:
    static void setCardTexts(Card &c, const StageSpec &s);
    void handle(const EventRecord &e, qint64 due, const FlowLayout &layout);
    int fallbackCardFor(std::string_view service) const;
    Dot *dotFor(std::uint64_t request);
    static Place logicalPlace(const Dot &d);
    static Tint lastTint(const Dot &d);
    void append(Dot &d, Leg leg, qint64 due, const FlowLayout &layout) const;
    void goOut(Dot &d, Place to, Tint tint, qint64 due, const FlowLayout &layout) const;
    void goBack(Dot &d, Place to, Tint tint, qint64 due, const FlowLayout &layout) const;
    void startLeg(Dot &d, const Leg &leg, qint64 previousEnd, const FlowLayout &layout) const;
    /// Moves a dot along its legs up to `now`; false when it has faded out.
    bool advanceDot(Dot &d, qint64 now, const FlowLayout &layout) const;
    QPointF position(const Dot &d, qint64 now, const FlowLayout &layout) const;

    Options m_options;
    std::vector<StageSpec> m_pipeline; ///< the enabled stages the cards were built from
    std::vector<Card> m_cards;
    std::vector<qint64> m_flashMs; ///< per card: last timeout / rejection / retry
    std::vector<Tint> m_flashTint;
    std::string m_target; ///< "service:NAME"
    QString m_serviceName;
    qint64 m_frameNow = 0; ///< wall time of the frame being handled
    std::unordered_map<std::uint64_t, Dot> m_dots;
    RequestSampler m_sampler{120.0};
    bool m_capped = false;
    SimTime m_lastNow = 0;
    ServiceGauges m_gauges;
    std::vector<BreakerState> m_breakerStates;
};

} // namespace reslab::ui
