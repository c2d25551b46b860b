// The flow view's model and layout, without a widget: which cards a pipeline gives, where the
// dots built from the engine's events go (and when), and where the layout puts each box. The
// expected numbers are worked out by hand from the layout rules (FlowLayout) and the leg rules
// (FlowModel); the scenarios are the scripted ones of the views suite.
#include "simulation_controller.h"
#include "ui_runs.h"
#include "ui_scenarios.h"
#include "views/flow_layout.h"
#include "views/flow_model.h"
#include "views/flow_view.h"

#include "reslab/io/scenario_io.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace reslab::ui {
namespace {

using Spot = FlowModel::Spot;
using Place = FlowModel::Place;
using Tint = FlowModel::Tint;
using LegKind = FlowModel::LegKind;

using test::error;
using test::ok;
using test::scripted;

/// A stage as a scenario file writes it, read by the parser (so that these tests follow the file
/// format, not the options structs); unnamed, as the views suite's stages are.
StageSpec stage(const std::string &json)
{
    const std::string text =
        R"({"version": 1, "name": "stage", "duration_s": 1, "load": {"type": "script", "at_ms": []},
            "services": {"svc": {"latency_ms": {"dist": "constant", "value": 1}}},
            "target": "svc", "pipeline": [)" +
        json + "]}";
    ScenarioParse parsed = parseScenarioText(text);
    EXPECT_TRUE(parsed.ok()) << json;
    if (!parsed.ok())
        return {};
    StageSpec st = parsed.scenario->pipeline.at(0);
    st.name.clear();
    return st;
}

StageSpec consecutiveBreaker(int failures, double resetMs)
{
    return stage(R"({"type": "circuit_breaker", "policy": "consecutive", "failure_threshold": )" +
                 std::to_string(failures) + R"(, "reset_timeout_ms": )" + std::to_string(resetMs) +
                 "}");
}

StageSpec retry(int maxRetries, double delayMs)
{
    return stage(R"({"type": "retry", "backoff": "fixed", "max_retries": )" +
                 std::to_string(maxRetries) + R"(, "base_ms": )" + std::to_string(delayMs) + "}");
}

StageSpec staticFallback()
{
    return stage(R"({"type": "fallback", "mode": "static"})");
}

StageSpec timeout(double ms)
{
    return stage(R"({"type": "timeout", "timeout_ms": )" + std::to_string(ms) + "}");
}

/// Round font measures, so that the layout's numbers can be worked out by hand.
FlowMetrics roundMetrics()
{
    FlowMetrics m;
    m.titleHeight = 14;
    m.bodyHeight = 12;
    m.smallHeight = 10;
    m.clientLabelWidth = 30;
    m.legendLabelWidths.assign(FlowModel::TintCount, 50);
    return m;
}

void expectRect(const QRectF &r, qreal x, qreal y, qreal w, qreal h)
{
    constexpr double eps = 1e-9;
    EXPECT_NEAR(r.x(), x, eps);
    EXPECT_NEAR(r.y(), y, eps);
    EXPECT_NEAR(r.width(), w, eps);
    EXPECT_NEAR(r.height(), h, eps);
}

void expectPoint(const std::optional<QPointF> &p, qreal x, qreal y)
{
    ASSERT_TRUE(p.has_value());
    EXPECT_NEAR(p->x(), x, 1e-9);
    EXPECT_NEAR(p->y(), y, 1e-9);
}

/// A FlowModel fed frame by frame from a SimulationController, as FlowView feeds its own, with
/// a wall clock the test moves: each frame of `wallMs` moves it by `wallMs`. At speed 1 an
/// event's wall time is then its virtual time. The dots are not spread (they sit on their
/// places' lines), the layout is 1024 x 640 with round font measures.
struct Rig
{
    explicit Rig(const Scenario &s)
    {
        c.load(s);
        c.setFrameBudgetMs(1e9);
        frame();
    }
    void frame()
    {
        const Simulation &sim = *c.simulation();
        if (model.setPipeline(sim.scenario().pipeline, sim.scenario().target))
            layout = FlowLayout(QSizeF(1024, 640), model.cardTypes(), roundMetrics());
        model.addFrame(c.frameEvents().events(), sim.now(), c.speed(), wall, layout);
    }
    /// `ms` of wall time in frames of 16 ms, at `speed`.
    void play(qint64 ms, double speed = 1.0)
    {
        c.setSpeed(speed);
        for (qint64 done = 0; done < ms; done += 16) {
            const qint64 step = std::min<qint64>(16, ms - done);
            c.tick(static_cast<double>(step));
            wall += step;
            frame();
        }
    }
    /// The request's legs from now on, and the first one going to `to` (nullptr if none).
    const FlowModel::LegSpan *legTo(std::uint64_t request, Place to, LegKind kind)
    {
        legs = model.schedule(request, layout);
        const auto it = std::find_if(legs.begin(), legs.end(), [&](const FlowModel::LegSpan &l) {
            return l.to == to && l.kind == kind;
        });
        return it == legs.end() ? nullptr : &*it;
    }

    SimulationController c;
    FlowModel model{FlowModel::Options{false}};
    FlowLayout layout;
    qint64 wall = 0;
    std::vector<FlowModel::LegSpan> legs;
};

EventRecord event(EventKind kind, std::uint64_t request, std::string_view stage = {},
                  Outcome outcome = Outcome::Ok)
{
    EventRecord e;
    e.kind = kind;
    e.request = request;
    e.stage = stage;
    e.outcome = outcome;
    e.time = fromMillis(1000);
    return e;
}

// --- layout --------------------------------------------------------------------------------

TEST(FlowLayout, ThreeCardsAt1024x640)
{
    // area = (8, 4, 1008, 630); title 14 + 6 = 20; legend: seven entries of 14 + 50 = 64 and a
    // gap of 10 fit in one row of 10 + 2 = 12 px, plus 2: 14 high at the bottom (634 - 14).
    // content = (8, 4 + 20 + 8, 1008, 630 - 20 - 8 - 14 - 4) = (8, 32, 1008, 584).
    // rowH = clamp(584 * 0.6, 64, 130) = 130; client = max(clamp(90.72, 40, 58), 30 + 12) = 58;
    // cards: (1008 - 58 - 16 * 4) / 4.6 = 192.6 -> 112; service min(max(179.2, 80), 160) = 160;
    // gap (1008 - 58 - 336 - 160) / 4 = 113.5.
    const FlowLayout L(QSizeF(1024, 640), {"fallback", "circuit_breaker", "retry"}, roundMetrics());
    ASSERT_TRUE(L.valid());
    expectRect(L.area(), 8, 4, 1008, 630);
    expectRect(L.title(), 8, 4, 1008, 20);
    expectRect(L.content(), 8, 32, 1008, 584);
    expectRect(L.legend(), 8, 620, 1008, 14);
    EXPECT_EQ(L.legendRows(), 1);
    ASSERT_EQ(L.legendEntries().size(), 7u);
    expectRect(L.legendEntries()[0], 8, 620, 64, 12);
    expectRect(L.legendEntries()[6], 8 + 6 * 74, 620, 64, 12);

    expectRect(L.client(), 8, 32, 58, 130);
    ASSERT_EQ(L.cardCount(), 3);
    expectRect(L.card(0), 179.5, 32, 112, 130);
    expectRect(L.card(1), 405, 32, 112, 130);
    expectRect(L.card(2), 630.5, 32, 112, 130);
    expectRect(L.service(), 856, 32, 160, 130);
    EXPECT_TRUE(L.card(3).isEmpty());

    // Lanes under the two header lines (12 + 10 + 6 = 28): from 60, 102 px of room.
    EXPECT_NEAR(L.outY(), 60 + 102 * 0.28, 1e-9);
    EXPECT_NEAR(L.inY(), 60 + 102 * 0.72, 1e-9);
    EXPECT_NEAR(L.lane(), 102 * 0.44 * 0.24, 1e-9);
    // The service's body (861, 60, 150, 97): queue 30 %, servers 64 % from 36 %.
    expectRect(L.serviceQueue(), 861, 60, 45, 97);
    expectRect(L.serviceServers(), 861 + 54, 60, 96, 97);

    // Under the row (from 32 + 130 + 8 = 170, 616 - 170 = 446 high): the fallback box under
    // the fallback card only, 52 high at most; retries wait 12 px down; the gauges.
    ASSERT_EQ(L.fallbackBoxes().size(), 3u);
    expectRect(L.fallbackBoxes()[0], 179.5, 172, 112, 52);
    EXPECT_TRUE(L.fallbackBoxes()[1].isEmpty());
    EXPECT_TRUE(L.fallbackBoxes()[2].isEmpty());
    EXPECT_NEAR(L.waitY(), 182, 1e-9);
    expectRect(L.waitBand(2), 632.5, 174, 108, 16);
    expectRect(L.gauges(), 856, 170, 160, 446);

    // Arrows halfway between neighbours; the dots cross from the client to the service's
    // middle (936 - 66 = 870 px) in 650 ms.
    const std::vector<qreal> arrows = L.arrowXs();
    ASSERT_EQ(arrows.size(), 4u);
    EXPECT_NEAR(arrows[0], (66 + 179.5) / 2, 1e-9);
    EXPECT_NEAR(arrows[3], (742.5 + 856) / 2, 1e-9);
    EXPECT_NEAR(L.pxPerMs(), 870.0 / 650.0, 1e-12);
}

TEST(FlowLayout, OneCardAt300x200)
{
    // area = (8, 4, 284, 190); the legend wraps after three entries (3 * 74 + 64 > 284): three
    // rows, 3 * 12 + 2 = 38 high; content = (8, 32, 284, 190 - 20 - 8 - 38 - 4 = 120).
    // rowH = 72; client max(40, 42) = 42; gap 8; card (284 - 42 - 16) / 2.6 = 86.92...;
    // service 1.6 x card = 139.07...; gap (284 - 42 - 226) / 2 = 8.
    const FlowLayout L(QSizeF(300, 200), 1, roundMetrics());
    expectRect(L.content(), 8, 32, 284, 120);
    EXPECT_EQ(L.legendRows(), 3);
    expectRect(L.legend(), 8, 156, 284, 38);
    expectRect(L.legendEntries()[2], 8 + 148, 156, 64, 12);
    expectRect(L.legendEntries()[3], 8, 168, 64, 12);
    expectRect(L.legendEntries()[6], 8, 180, 64, 12);
    expectRect(L.client(), 8, 32, 42, 72);
    const qreal cardW = 226.0 / 2.6;
    expectRect(L.card(0), 58, 32, cardW, 72);
    expectRect(L.service(), 58 + cardW + 8, 32, cardW * 1.6, 72);
    EXPECT_NEAR(L.service().right(), 292, 1e-9);
    EXPECT_TRUE(L.fallbackBoxes()[0].isEmpty()); // not a fallback
    // Lower part from 112, 40 high: retries wait at 112 + min(12, 14); their band fits above
    // the legend (134 < 156).
    EXPECT_NEAR(L.waitY(), 124, 1e-9);
    expectRect(L.waitBand(0), 60, 116, cardW - 4, 16);
    expectRect(L.gauges(), 58 + cardW + 8, 112, cardW * 1.6, 40);
}

TEST(FlowLayout, NoFallbackBoxWithoutRoomAndNoWaitBandOverTheLegend)
{
    // 300 x 150: content 70 high, rowH 64, the lower part 70 - 72 < 0 -> 0 high: no box, and the
    // retry band would reach the legend.
    const FlowLayout L(QSizeF(300, 150), {"fallback", "retry"}, roundMetrics());
    EXPECT_NEAR(L.content().height(), 150 - 10 - 20 - 8 - 38 - 4, 1e-9);
    EXPECT_TRUE(L.fallbackBoxes()[0].isEmpty());
    EXPECT_TRUE(L.waitBand(1).isEmpty());
}

/// Cards left to right, apart, between the client and the service, all inside the view, the
/// legend under them.
void expectOrderedAndInside(const FlowLayout &L, QSizeF size)
{
    const QRectF view(QPointF(0, 0), size);
    EXPECT_TRUE(view.contains(L.client()));
    EXPECT_TRUE(view.contains(L.service()));
    EXPECT_TRUE(view.contains(L.legend()));
    qreal right = L.client().right();
    for (const QRectF &card : L.cards()) {
        EXPECT_GT(card.left(), right) << "overlaps its left neighbour";
        EXPECT_GT(card.width(), 0);
        EXPECT_EQ(card.top(), L.client().top());
        EXPECT_EQ(card.height(), L.client().height());
        EXPECT_TRUE(view.contains(card));
        right = card.right();
    }
    EXPECT_GT(L.service().left(), right);
    EXPECT_LE(L.service().bottom(), L.legend().top());
    EXPECT_TRUE(L.service().contains(L.serviceServers()));
    EXPECT_TRUE(L.service().contains(L.serviceQueue()));
    EXPECT_LT(L.serviceQueue().right(), L.serviceServers().left());
    EXPECT_LT(L.outY(), L.inY());
    for (const QRectF &e : L.legendEntries())
        EXPECT_TRUE(view.contains(e));
}

TEST(FlowLayout, CardsLeftToRightApartAndInsideForOneToSixCards)
{
    for (const QSizeF size : {QSizeF(1024, 640), QSizeF(300, 200)}) {
        for (int n = 1; n <= 6; ++n) {
            SCOPED_TRACE(testing::Message()
                         << size.width() << "x" << size.height() << ", " << n << " cards");
            {
                SCOPED_TRACE("round measures");
                const FlowLayout L(size, n, roundMetrics());
                EXPECT_EQ(L.cardCount(), n);
                expectOrderedAndInside(L, size);
            }
            {
                SCOPED_TRACE("the view's fonts");
                const FlowLayout L(size, n, FlowView::metrics());
                EXPECT_EQ(L.cardCount(), n);
                expectOrderedAndInside(L, size);
            }
        }
    }
}

// --- cards ---------------------------------------------------------------------------------

TEST(FlowModel, ACardPerEnabledStageInPipelineOrder)
{
    Scenario s = test::preset("seed-resilient-service");
    FlowModel model;
    EXPECT_TRUE(model.setPipeline(s.pipeline, s.target));
    EXPECT_EQ(model.cardTypes(), (std::vector<std::string>{"fallback", "circuit_breaker", "timeout",
                                                           "timeout", "retry"}));
    ASSERT_EQ(model.cardCount(), 5);
    EXPECT_EQ(model.cards()[0].title, "Fallback");
    EXPECT_EQ(model.cards()[1].title, "Breaker");
    EXPECT_EQ(model.cards()[4].title, "Retry");
    // The two timeouts: named by their index in the pipeline, counted among their type.
    EXPECT_EQ(model.cards()[2].name, "timeout#2");
    EXPECT_EQ(model.cards()[3].name, "timeout#3");
    EXPECT_EQ(model.cards()[2].typeIndex, 0);
    EXPECT_EQ(model.cards()[3].typeIndex, 1);
    EXPECT_EQ(model.cardIndex("timeout#3"), 3);
    EXPECT_EQ(model.cardIndex("service:backend"), -1);
    EXPECT_EQ(model.serviceName(), "backend");
    EXPECT_FALSE(model.setPipeline(s.pipeline, s.target)); // unchanged

    // A switched-off stage has no card.
    s.pipeline[1].enabled = false;
    EXPECT_TRUE(model.setPipeline(s.pipeline, s.target));
    EXPECT_EQ(model.cardTypes(),
              (std::vector<std::string>{"fallback", "timeout", "timeout", "retry"}));
}

// --- dots from the engine's events ---------------------------------------------------------

TEST(FlowModel, ARetryWaitsOutItsDelayUnderTheRetryCard)
{
    // Request 0 fails at 10 ms and waits 250 ms for its retry; request 1 succeeds at 15 ms.
    Rig rig(scripted({error(), ok()}, {0, 5},
                     {staticFallback(), consecutiveBreaker(3, 1000), retry(2, 250)}));
    EXPECT_EQ(rig.model.cardTypes(),
              (std::vector<std::string>{"fallback", "circuit_breaker", "retry"}));
    rig.play(8);
    EXPECT_EQ(rig.model.dotRequests(), (std::vector<std::uint64_t>{0, 1}));
    EXPECT_EQ(rig.model.placeOf(0), (Place{Spot::ServiceSlot, -1}));

    rig.play(40);
    EXPECT_EQ(rig.model.placeOf(0), (Place{Spot::RetryWait, 2}));
    EXPECT_EQ(rig.model.tintOf(0), Tint::Retrying);
    // The retry card flashed when the retry was scheduled, at 10 ms.
    EXPECT_EQ(rig.model.flashTint(2), Tint::Retrying);
    EXPECT_DOUBLE_EQ(rig.model.flashStrength(2, 10), 1.0);
    EXPECT_DOUBLE_EQ(rig.model.flashStrength(0, 10), 0.0);
    // It went there from the service's door on the way back, and under the card at 686.5
    // (630.5 + 112 / 2), at the wait line 182, it stays.
    const FlowModel::LegSpan *wait = rig.legTo(0, {Spot::RetryWait, 2}, LegKind::Travel);
    ASSERT_NE(wait, nullptr);
    EXPECT_EQ(wait->from, (Place{Spot::StageIn, 2}));
    EXPECT_EQ(wait->tint, Tint::Retrying);
    expectPoint(rig.model.positionAt(0, wait->end(), rig.layout), 686.5, 182);
    expectPoint(rig.model.positionAt(0, wait->end() + 60000, rig.layout),
                rig.layout.card(2).center().x(), rig.layout.waitY());

    // Request 1 went back to the client a success, and fades out there.
    EXPECT_EQ(rig.model.placeOf(1), (Place{Spot::Gone, -1}));
    EXPECT_EQ(rig.model.tintOf(1), Tint::Success);
    const std::vector<FlowModel::LegSpan> legs = rig.model.schedule(1, rig.layout);
    EXPECT_EQ(legs.back().kind, LegKind::Fade);
    EXPECT_FALSE(rig.model.positionAt(1, legs.back().end(), rig.layout).has_value());

    // The retry at 260 ms takes it out to the service again, from under its card.
    rig.play(220);
    EXPECT_EQ(rig.model.placeOf(0), (Place{Spot::ServiceSlot, -1}));
    EXPECT_EQ(rig.model.tintOf(0), Tint::Retrying);
    EXPECT_NE(rig.legTo(0, {Spot::StageOut, 2}, LegKind::Travel), nullptr);
}

TEST(FlowModel, ARejectedRequestBouncesAtTheBreakerCard)
{
    // Three failures open the breaker at 210 ms; the request at 300 ms is rejected there.
    Rig rig(
        scripted({error(), error(), error()}, {0, 100, 200, 300}, {consecutiveBreaker(3, 1000)}));
    rig.play(305);
    ASSERT_EQ(rig.c.simulation()->breakers()[0]->state(), BreakerState::Open);
    EXPECT_EQ(rig.model.placeOf(3), (Place{Spot::Gone, -1}));
    EXPECT_EQ(rig.model.tintOf(3), Tint::Rejected);
    EXPECT_EQ(rig.model.flashTint(0), Tint::Rejected);
    EXPECT_DOUBLE_EQ(rig.model.flashStrength(0, 300), 1.0);
    // It bounces at the breaker's door (its left edge + 4), never reaching the service.
    const FlowModel::LegSpan *bounce = rig.legTo(3, {Spot::BreakerBounce, 0}, LegKind::Dwell);
    ASSERT_NE(bounce, nullptr);
    EXPECT_EQ(bounce->tint, Tint::Rejected);
    const std::optional<QPointF> at =
        rig.model.positionAt(3, bounce->start + bounce->duration / 2, rig.layout);
    expectPoint(at, rig.layout.card(0).left() + 4, rig.layout.outY());
    for (const FlowModel::LegSpan &leg : rig.legs) {
        EXPECT_NE(leg.to.spot, Spot::ServiceDoorOut);
        EXPECT_NE(leg.to.spot, Spot::ServiceSlot);
    }
}

TEST(FlowModel, ARequestInServiceDwellsInTheServersAndAQueuedOneInTheQueue)
{
    // One server: request 0 is served for 500 ms, request 1 waits in the queue meanwhile.
    Scenario s = scripted({ok(500), ok(500)}, {0, 1}, {retry(1, 10)});
    s.services["payments"].concurrency = 1;
    Rig rig(s);
    rig.play(100);
    EXPECT_EQ(rig.model.placeOf(0), (Place{Spot::ServiceSlot, -1}));
    EXPECT_EQ(rig.model.placeOf(1), (Place{Spot::ServiceQueue, -1}));
    const qint64 later = rig.wall + 60000;
    const std::optional<QPointF> served = rig.model.positionAt(0, later, rig.layout);
    const std::optional<QPointF> queued = rig.model.positionAt(1, later, rig.layout);
    ASSERT_TRUE(served && queued);
    EXPECT_TRUE(rig.layout.serviceServers().contains(*served));
    EXPECT_TRUE(rig.layout.serviceQueue().contains(*queued));
    // Not spread: in the middle of each.
    expectPoint(served, rig.layout.serviceServers().center().x(),
                rig.layout.serviceServers().center().y());
    expectPoint(queued, rig.layout.serviceQueue().center().x(),
                rig.layout.serviceQueue().center().y());

    rig.play(420); // 520 ms: request 0 has its answer
    EXPECT_EQ(rig.model.tintOf(0), Tint::Success);
    EXPECT_EQ(rig.model.placeOf(0), (Place{Spot::Gone, -1}));
}

TEST(FlowModel, AFallbackTurnsOffToItsBoxAndATimeoutFlashesItsCard)
{
    Rig fallback(scripted({error()}, {0}, {staticFallback()}));
    fallback.play(50);
    EXPECT_EQ(fallback.model.tintOf(0), Tint::Fallback);
    const FlowModel::LegSpan *box = fallback.legTo(0, {Spot::FallbackBox, 0}, LegKind::Travel);
    ASSERT_NE(box, nullptr);
    EXPECT_EQ(box->tint, Tint::Fallback);
    const QRectF r = fallback.layout.fallbackBoxes()[0];
    expectPoint(fallback.model.positionAt(0, box->end(), fallback.layout), r.center().x(),
                r.center().y());
    EXPECT_EQ(fallback.model.flashTint(0), Tint::Fallback);

    Rig timeouts(scripted({ok(500)}, {0}, {timeout(100)}));
    timeouts.play(120);
    EXPECT_EQ(timeouts.model.tintOf(0), Tint::TimedOut);
    EXPECT_EQ(timeouts.model.placeOf(0), (Place{Spot::Gone, -1}));
    EXPECT_EQ(timeouts.model.flashTint(0), Tint::TimedOut);
    EXPECT_DOUBLE_EQ(timeouts.model.flashStrength(0, 100), 1.0);
    EXPECT_DOUBLE_EQ(timeouts.model.flashStrength(0, 100 + FlowModel::kFlashMs / 2), 0.5);
    EXPECT_DOUBLE_EQ(timeouts.model.flashStrength(0, 100 + FlowModel::kFlashMs), 0.0);
    EXPECT_NE(timeouts.legTo(0, {Spot::StageIn, 0}, LegKind::Travel), nullptr);
}

TEST(FlowModel, SamplesOneInTenAt1000PerSecondAndOneInAHundredAtTenTimesTheSpeed)
{
    Scenario s;
    s.name = "busy";
    s.durationS = 60;
    s.load.type = LoadSpec::Type::Poisson;
    s.load.ratePerS = 1000;
    ServiceSpec svc;
    svc.name = "api";
    svc.failureRate = 0.2;
    svc.latency = LatencySpec::constant(40);
    s.services["api"] = svc;
    s.target = "api";
    s.pipeline = {consecutiveBreaker(50, 1000), retry(2, 100)};
    Rig rig(s);
    // About 120 new dots per wall second are wanted: 1000 / 120 = 8.3 -> the next round
    // number, 10.
    rig.play(6000);
    EXPECT_EQ(rig.model.samplingEvery(), 10);
    const std::vector<std::uint64_t> drawn = rig.model.dotRequests();
    ASSERT_FALSE(drawn.empty());
    EXPECT_LE(rig.model.liveDots(), FlowModel::kMaxDots);
    for (const std::uint64_t request : drawn)
        EXPECT_EQ(request % 10, 0u) << request; // the dots of the first 0.5 s are gone by now

    // At 10x: 10 000 per wall second, / 120 = 83 -> 100.
    rig.play(1000, 10.0);
    EXPECT_EQ(rig.model.samplingEvery(), 100);
}

TEST(FlowModel, ResetForgetsTheDotsTheFlashesAndTheSampling)
{
    Scenario s = scripted({error(), ok()}, {0, 5}, {retry(2, 250)});
    Rig rig(s);
    rig.play(40);
    ASSERT_GT(rig.model.liveDots(), 0);
    ASSERT_GT(rig.model.flashStrength(0, 10), 0.0);
    rig.model.reset();
    EXPECT_EQ(rig.model.liveDots(), 0);
    EXPECT_TRUE(rig.model.dotRequests().empty());
    EXPECT_FALSE(rig.model.placeOf(0).has_value());
    EXPECT_EQ(rig.model.samplingEvery(), 1);
    EXPECT_FALSE(rig.model.capped());
    EXPECT_DOUBLE_EQ(rig.model.flashStrength(0, 10), 0.0);
    EXPECT_EQ(rig.model.cardCount(), 1); // the pipeline stays
}

// --- the leg rules, on events written by hand ----------------------------------------------

TEST(FlowModel, TheBounceTakesTheTimesTheLegRulesGive)
{
    // Cards fallback, breaker, retry at 1024 x 640 (FlowLayout.ThreeCardsAt1024x640): the
    // breaker's door at 405 + 4 = 409, the client's at 66 - 6 = 60, lanes at 88.56 and 133.44,
    // 870 px per 650 ms. Request 0 starts, is rejected and ends at wall 1000, in one frame.
    const FlowLayout L(QSizeF(1024, 640), {"fallback", "circuit_breaker", "retry"}, roundMetrics());
    FlowModel model(FlowModel::Options{false});
    model.setPipeline({staticFallback(), consecutiveBreaker(3, 1000), retry(2, 250)}, "payments");
    const std::vector<EventRecord> events = {
        event(EventKind::RequestStart, 0),
        event(EventKind::BreakerRejected, 0, "circuit_breaker"),
        event(EventKind::RequestEnd, 0, {}, Outcome::CircuitOpen),
    };
    model.addFrame(events, fromMillis(1000), 1.0, 1000, L);
    EXPECT_EQ(model.placeOf(0), (Place{Spot::Gone, -1}));
    EXPECT_EQ(model.tintOf(0), Tint::Rejected);
    EXPECT_EQ(model.flashTint(1), Tint::Rejected);
    EXPECT_DOUBLE_EQ(model.flashStrength(1, 1000 + 225), 0.5);
    EXPECT_EQ(model.flashesEnd(), 1000 + FlowModel::kFlashMs);

    const std::vector<FlowModel::LegSpan> legs = model.schedule(0, L);
    ASSERT_EQ(legs.size(), 5u);
    // 349 px at 870 / 650 px/ms: 260.7 -> 261 ms (at least 90, at most 650).
    EXPECT_EQ(legs[0].from, (Place{Spot::Client, -1}));
    EXPECT_EQ(legs[0].to, (Place{Spot::BreakerBounce, 1}));
    EXPECT_EQ(legs[0].start, 1000);
    EXPECT_EQ(legs[0].duration, 261);
    // The dot is now 261 ms late. The legs queued behind it hurry: each lasts its time /
    // (1 + 0.6 x the legs still queued). The dwell, 80 / 2.8 = 28.6 -> 29.
    EXPECT_EQ(legs[1].to, (Place{Spot::BreakerBounce, 1}));
    EXPECT_EQ(legs[1].kind, LegKind::Dwell);
    EXPECT_EQ(legs[1].tint, Tint::Rejected);
    EXPECT_EQ(legs[1].start, 1261);
    EXPECT_EQ(legs[1].duration, 29);
    // Down to the lane back (44.88 px: 34 ms -> the 90 ms minimum), / 2.2 = 41.
    EXPECT_EQ(legs[2].to, (Place{Spot::BounceBack, 1}));
    EXPECT_EQ(legs[2].start, 1290);
    EXPECT_EQ(legs[2].duration, 41);
    // Back to the client: 261 / 1.6 = 163; then the fade, 350.
    EXPECT_EQ(legs[3].to, (Place{Spot::ClientIn, -1}));
    EXPECT_EQ(legs[3].start, 1331);
    EXPECT_EQ(legs[3].duration, 163);
    EXPECT_EQ(legs[4].kind, LegKind::Fade);
    EXPECT_EQ(legs[4].start, 1494);
    EXPECT_EQ(legs[4].duration, 350);

    expectPoint(model.positionAt(0, 1000, L), 60, 88.56);
    expectPoint(model.positionAt(0, 1275, L), 409, 88.56);         // bouncing
    expectPoint(model.positionAt(0, 1331, L), 409, 133.44);        // bounced
    expectPoint(model.positionAt(0, 1843, L), 8 + 58 / 2, 133.44); // fading in the client
    EXPECT_FALSE(model.positionAt(0, 1844, L).has_value());        // gone
    // A third of the way along the first leg in time (87 of 261 ms), eased in: 2 / 9 of it.
    expectPoint(model.positionAt(0, 1087, L), 60 + 349.0 * 2 / 9, 88.56);

    // The model itself has not moved yet; advancing it to 1844 drops the dot.
    EXPECT_EQ(model.liveDots(), 1);
    EXPECT_TRUE(model.advance(1500, L));
    EXPECT_FALSE(model.advance(1844, L));
    EXPECT_EQ(model.liveDots(), 0);
}

TEST(FlowModel, AtMostFourHundredDots)
{
    const FlowLayout L(QSizeF(1024, 640), 1, roundMetrics());
    FlowModel model;
    model.setPipeline({retry(1, 10)}, "payments");
    std::vector<EventRecord> events;
    for (std::uint64_t r = 0; r < 401; ++r)
        events.push_back(event(EventKind::RequestStart, r));
    model.addFrame(events, fromMillis(1000), 1.0, 1000, L);
    EXPECT_EQ(model.liveDots(), 400);
    EXPECT_TRUE(model.capped());
    EXPECT_EQ(model.dot(400), nullptr);
    model.addFrame({}, fromMillis(1016), 1.0, 1016, L);
    EXPECT_FALSE(model.capped()); // said of the last frame
}

} // namespace
} // namespace reslab::ui
