#pragma once

#include "request_sampler.h"

#include "reslab/metrics/event_log.h"
#include "reslab/model/scenario.h"

#include <QRectF>
#include <QString>
#include <QWidget>

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace reslab {
class Simulation;
}

namespace reslab::ui {

class AnimationTicker;
class SimulationController;

/// Requests as dots travelling from the client through the enabled stages of the pipeline (cards
/// left to right, outermost first) to the target service and back, coloured by what happens to
/// them: a rejected request bounces off the breaker, a retry loops back and waits out its delay
/// under the retry card ("+250 ms"), a fallback turns off to the fallback box, a timeout flashes
/// its card. The dots are built from the frame's events and compute no metric; they dwell where
/// the request waits (service, queue, backoff) for as long as it waits in virtual time, and take
/// a minimum visible time to travel. At most kMaxDots are alive; at high rates only 1 request in
/// N is drawn, and the view says so.
class FlowView final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMaxDots = 400;

    explicit FlowView(SimulationController *controller, QWidget *parent = nullptr);
    ~FlowView() override;

    /// Dots on screen (requests being drawn).
    int liveDots() const { return static_cast<int>(m_dots.size()); }
    /// 1 in samplingEvery() requests is drawn.
    int samplingEvery() const { return m_sampler.every(); }
    /// Stage cards drawn between the client and the service.
    int stageCount() const { return static_cast<int>(m_cards.size()); }
    /// The target's queue limit the gauge shows (as in force now); -1: unbounded.
    std::int64_t queueLimit() const { return m_queueLimit; }

    QSize sizeHint() const override { return {640, 300}; }
    QSize minimumSizeHint() const override { return {300, 200}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
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
        Travel,
        Dwell,
        Fade
    };
    struct Place
    {
        Spot spot = Spot::Client;
        int stage = -1;
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
    struct Card
    {
        std::string type; ///< the stage type key ("retry")
        std::string name;
        QString title;
        QString param;
        QString shortParam; ///< for narrow cards
        int typeIndex = 0;  ///< among the stages of its type (breakers()[typeIndex], ...)
    };
    struct Layout
    {
        QRectF client;
        QRectF service;
        QRectF serviceServers;
        QRectF serviceQueue;
        std::vector<QRectF> cards;
        std::vector<QRectF> fallbackBoxes; ///< empty unless the card is a fallback
        QRectF gauges;
        QRectF legend;
        qreal outY = 0, inY = 0, lane = 0, waitY = 0;
        qreal pxPerMs = 1; ///< travel speed
        bool valid = false;
    };

    void onFrame();
    void onReset();
    void syncCards(const Simulation &sim);
    void ensureLayout();
    int cardIndex(std::string_view stage) const;
    int fallbackCardFor(std::string_view service) const;

    void handle(const EventRecord &e, qint64 due);
    Dot *dotFor(std::uint64_t request);
    Place logicalPlace(const Dot &d) const;
    void append(Dot &d, Leg leg, qint64 due);
    void goOut(Dot &d, Place to, Tint tint, qint64 due);
    void goBack(Dot &d, Place to, Tint tint, qint64 due);
    Tint tintOf(const Dot &d) const;
    void startLeg(Dot &d, const Leg &leg, qint64 previousEnd);
    /// Moves a dot along its legs up to `now`; false when it has faded out.
    bool advance(Dot &d, qint64 now);
    QPointF resolve(const Place &p, const Dot &d) const;
    QPointF position(const Dot &d, qint64 now) const;

    void paintPipeline(QPainter &p, qint64 now);
    void paintDots(QPainter &p, qint64 now);
    void paintLegend(QPainter &p);
    int legendRows(qreal width) const;

    SimulationController *m_controller;
    AnimationTicker *m_ticker;
    std::vector<StageSpec> m_pipeline; ///< the enabled stages the cards were built from
    std::vector<Card> m_cards;
    std::vector<qint64> m_flashMs; ///< per card: last timeout / rejection / retry
    std::vector<Tint> m_flashTint;
    std::string m_target; ///< "service:NAME"
    QString m_serviceName;
    Layout m_layout;
    qint64 m_frameNow = 0; ///< wall time of the frame being handled
    std::unordered_map<std::uint64_t, Dot> m_dots;
    RequestSampler m_sampler{120.0};
    bool m_capped = false;
    SimTime m_lastNow = 0;
    // service gauges, read from the engine each frame
    std::uint32_t m_inService = 0;
    std::uint32_t m_queued = 0;
    int m_concurrency = 0;
    std::int64_t m_queueLimit = -1;
};

} // namespace reslab::ui
