// The animated views, driven by a SimulationController on scripted scenarios: what they show must
// be what the engine computed (breaker state and counters, fallback counters), and the
// event-built pictures (dots, swim lanes) must follow the events.
#include "simulation_controller.h"
#include "ui_runs.h"
#include "ui_scenarios.h"
#include "views/breaker_diagram.h"
#include "views/fallback_panel.h"
#include "views/flow_view.h"
#include "views/request_sampler.h"
#include "views/retry_timeline.h"

#include "reslab/model/virtual_service.h"
#include "reslab/stages/fallback_stage.h"

#include <QComboBox>
#include <QDir>
#include <QGraphicsScene>
#include <QImage>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace reslab::ui {
namespace {

using test::error;
using test::ok;
using test::scripted;

StageSpec consecutiveBreaker(int failures, double resetMs)
{
    StageSpec st;
    st.options = BreakerSpec{};
    ConsecutiveOptions &o = st.as<BreakerSpec>().policy.emplace<ConsecutiveOptions>();
    o.failureThreshold = failures;
    o.resetTimeoutMs = resetMs;
    return st;
}

StageSpec retry(int maxRetries, double delayMs)
{
    StageSpec st;
    st.options = RetrySpec{};
    st.as<RetrySpec>().maxRetries = maxRetries;
    st.as<RetrySpec>().backoff = RetrySpec::Backoff::Fixed;
    st.as<RetrySpec>().baseMs = delayMs;
    return st;
}

StageSpec staticFallback()
{
    StageSpec st;
    st.options = FallbackSpec{};
    st.as<FallbackSpec>().mode = FallbackSpec::Mode::Static;
    return st;
}

/// Advances the controller by `ms` of virtual time at speed 1 in frames of 16 ms.
void advance(SimulationController &c, double ms)
{
    c.setSpeed(1.0);
    for (double done = 0; done < ms; done += 16)
        c.tick(std::min(16.0, ms - done));
}

/// Pixels that differ from the top-left corner (the background).
int inkedPixels(QWidget &w)
{
    const QImage img = w.grab().toImage();
    const QRgb bg = img.pixel(0, 0);
    int n = 0;
    for (int y = 0; y < img.height(); ++y) {
        for (int x = 0; x < img.width(); ++x) {
            if (img.pixel(x, y) != bg)
                ++n;
        }
    }
    if (const char *dir = std::getenv("RESLAB_VIEWS_PNG_DIR")) {
        QDir().mkpath(dir);
        img.save(
            QString("%1/%2-%3x%4.png").arg(dir, w.objectName()).arg(img.width()).arg(img.height()));
    }
    return n;
}

TEST(ViewsBreakerDiagram, LightsTheEngineStateAndCountsToTheTrip)
{
    SimulationController c;
    c.load(scripted({error(), error(), error(), ok(), ok()}, {0, 100, 200, 300, 1300},
                    {consecutiveBreaker(3, 1000)}));
    BreakerDiagram diagram(&c);
    diagram.resize(500, 300);
    Simulation *sim = c.simulation();

    advance(c, 205); // two failures recorded, the third call in service
    EXPECT_EQ(diagram.shownState(), BreakerState::Closed);
    EXPECT_TRUE(diagram.countersText().contains("consecutive failures 2 / 3"))
        << diagram.countersText().toStdString();

    advance(c, 10); // the third failure at 210 ms opens it
    ASSERT_EQ(sim->breakers()[0]->state(), BreakerState::Open);
    EXPECT_EQ(diagram.shownState(), sim->breakers()[0]->state());
    EXPECT_EQ(diagram.shownState(), BreakerState::Open);
    EXPECT_TRUE(diagram.countersText().contains("3 / 3")) << diagram.countersText().toStdString();
    EXPECT_TRUE(diagram.countersText().contains("half-open in 1.0 s"))
        << diagram.countersText().toStdString();
    EXPECT_EQ(diagram.pendingTokens(), 1); // closed -> open is travelling
    EXPECT_GT(inkedPixels(diagram), 2000);

    advance(c, 600); // 815 ms: 0.4 s left
    EXPECT_TRUE(diagram.countersText().contains("half-open in 0.4 s"))
        << diagram.countersText().toStdString();

    advance(c, 490); // 1305 ms: the call at 1300 is the half-open trial
    EXPECT_EQ(diagram.shownState(), BreakerState::HalfOpen);
    EXPECT_EQ(diagram.shownState(), sim->breakers()[0]->state());
    EXPECT_TRUE(diagram.countersText().contains("successes 0 / 1"))
        << diagram.countersText().toStdString();
    EXPECT_TRUE(diagram.countersText().contains("trials in flight 1 / 1"))
        << diagram.countersText().toStdString();
    EXPECT_GT(inkedPixels(diagram), 2000);

    advance(c, 20); // the trial succeeded
    EXPECT_EQ(diagram.shownState(), BreakerState::Closed);
    EXPECT_EQ(diagram.shownState(), sim->breakers()[0]->state());
}

TEST(ViewsBreakerDiagram, StepToTransitionShowsTheNewState)
{
    SimulationController c;
    c.load(scripted({error(), error(), error()}, {0, 100, 200}, {consecutiveBreaker(3, 1000)}));
    BreakerDiagram diagram(&c);
    c.stepToTransition();
    EXPECT_EQ(diagram.shownState(), BreakerState::Open);
    EXPECT_EQ(diagram.shownState(), c.simulation()->breakers()[0]->state());
    EXPECT_EQ(diagram.pendingTokens(), 1);
    c.reset();
    EXPECT_EQ(diagram.shownState(), BreakerState::Closed);
    EXPECT_EQ(diagram.pendingTokens(), 0);
}

TEST(ViewsBreakerDiagram, Resilience4jShowsNotEnoughCallsThenTheRate)
{
    StageSpec cb;
    cb.options = BreakerSpec{};
    Resilience4jOptions &o = cb.as<BreakerSpec>().policy.emplace<Resilience4jOptions>();
    o.slidingWindowSize = 10;
    o.minimumNumberOfCalls = 4;
    o.failureRateThreshold = 50;
    SimulationController c;
    c.load(scripted({ok(), error(), ok(), ok(), ok()}, {0, 100, 200, 300, 400}, {cb}));
    BreakerDiagram diagram(&c);
    advance(c, 250);
    EXPECT_TRUE(diagram.countersText().contains("not enough calls (3 / 4)"))
        << diagram.countersText().toStdString();
    advance(c, 100);
    EXPECT_TRUE(diagram.countersText().contains("failure rate 25.0 % (threshold 50 %)"))
        << diagram.countersText().toStdString();
    EXPECT_TRUE(diagram.countersText().contains("window 4 / 10 calls"))
        << diagram.countersText().toStdString();
    EXPECT_EQ(diagram.shownState(), BreakerState::Closed);
}

TEST(ViewsBreakerDiagram, PollyShowsTheRatioThenOpens)
{
    StageSpec cb;
    cb.options = BreakerSpec{};
    PollyOptions &o = cb.as<BreakerSpec>().policy.emplace<PollyOptions>();
    o.minimumThroughput = 3;
    o.failureRatio = 0.5;
    o.breakDurationMs = 2000;
    SimulationController c;
    c.load(scripted({ok(), error(), error()}, {0, 100, 200}, {cb}));
    BreakerDiagram diagram(&c);
    diagram.resize(400, 300);
    advance(c, 150);
    EXPECT_TRUE(diagram.countersText().contains("not enough calls (2 / 3)"))
        << diagram.countersText().toStdString();
    advance(c, 100); // the third call fails: 2 of 3 >= 50 %
    EXPECT_EQ(diagram.shownState(), BreakerState::Open);
    EXPECT_EQ(diagram.shownState(), c.simulation()->breakers()[0]->state());
    EXPECT_TRUE(diagram.countersText().contains("half-open in 2.0 s"))
        << diagram.countersText().toStdString();
    EXPECT_GT(inkedPixels(diagram), 2000);
}

TEST(ViewsBreakerDiagram, SaysSoWithoutABreaker)
{
    SimulationController c;
    c.load(scripted({ok()}, {0}, {retry(1, 10)}));
    BreakerDiagram diagram(&c);
    diagram.resize(300, 200);
    EXPECT_FALSE(diagram.hasBreaker());
    EXPECT_EQ(diagram.countersText(), "no circuit breaker in this pipeline");
    EXPECT_GT(inkedPixels(diagram), 200);
    // Only the note then: the view gives its height to the others ...
    advance(c, 100);
    EXPECT_LE(diagram.maximumHeight(), 64);
    // ... and takes it back when a breaker comes.
    c.load(scripted({ok()}, {0}, {consecutiveBreaker(3, 1000)}));
    advance(c, 100);
    EXPECT_TRUE(diagram.hasBreaker());
    EXPECT_EQ(diagram.maximumHeight(), QWIDGETSIZE_MAX);
}

/// The flow view's wall clock, moved by hand with the frames: the dots' legs run on it, so
/// where they are is the same however fast the machine is.
struct FakeWall
{
    explicit FakeWall(FlowView &flow)
    {
        flow.setWallClock([this] { return ms; });
    }
    qint64 ms = 0;
};

/// advance(), with the flow view's wall clock moving as the frames go.
void advance(SimulationController &c, FakeWall &wall, double ms)
{
    c.setSpeed(1.0);
    for (double done = 0; done < ms; done += 16) {
        const double step = std::min(16.0, ms - done);
        wall.ms += std::llround(step);
        c.tick(step);
    }
}

using FlowPlace = FlowModel::Place;
using FlowSpot = FlowModel::Spot;

/// The leg of `request`'s way that goes to `to` as a `kind` (nullptr: none).
std::optional<FlowModel::LegSpan> flowLeg(const FlowView &flow, std::uint64_t request, FlowPlace to,
                                          FlowModel::LegKind kind)
{
    for (const FlowModel::LegSpan &leg : flow.model().schedule(request, flow.flowLayout())) {
        if (leg.to == to && leg.kind == kind)
            return leg;
    }
    return std::nullopt;
}

TEST(ViewsFlowView, ACardPerStageAndADotPerRequest)
{
    SimulationController c;
    c.load(scripted({error(), ok()}, {0, 5},
                    {staticFallback(), consecutiveBreaker(3, 1000), retry(2, 250)}));
    FlowView flow(&c);
    FakeWall wall(flow);
    flow.resize(640, 300);
    EXPECT_EQ(flow.stageCount(), 3);
    EXPECT_EQ(flow.model().cardTypes(),
              (std::vector<std::string>{"fallback", "circuit_breaker", "retry"}));
    EXPECT_EQ(flow.flowLayout().size(), QSizeF(640, 300));
    EXPECT_EQ(flow.flowLayout().cardCount(), 3);
    EXPECT_EQ(flow.liveDots(), 0);
    advance(c, wall, 8);
    EXPECT_EQ(flow.liveDots(), 2);
    EXPECT_EQ(flow.model().dotRequests(), (std::vector<std::uint64_t>{0, 1}));
    EXPECT_EQ(flow.samplingEvery(), 1);

    advance(c, wall, 40); // one retry waiting, one success on its way back
    EXPECT_EQ(flow.model().placeOf(0), (FlowPlace{FlowSpot::RetryWait, 2}));
    EXPECT_EQ(flow.model().tintOf(0), FlowModel::Retrying);
    EXPECT_EQ(flow.model().placeOf(1), (FlowPlace{FlowSpot::Gone, -1}));
    EXPECT_EQ(flow.model().tintOf(1), FlowModel::Success);
    // Once there, the retry waits under the retry card: at its centre, spread by the dot's own
    // offset (-1..1) by up to 0.38 of the card's width; it moves with the card when the view
    // is resized.
    const qint64 settled = wall.ms + 60000;
    auto expectUnderTheRetryCard = [&] {
        const FlowLayout &L = flow.flowLayout();
        const FlowModel::Dot *dot = flow.model().dot(0);
        ASSERT_NE(dot, nullptr);
        const std::optional<QPointF> at = flow.model().positionAt(0, settled, L);
        ASSERT_TRUE(at.has_value());
        const QRectF card = L.card(2);
        EXPECT_NEAR(at->x(), card.center().x() + dot->jx * card.width() * 0.38, 1e-9);
        EXPECT_NEAR(at->y(), L.waitY() + dot->jy * 3, 1e-9);
        EXPECT_LE(std::abs(at->x() - card.center().x()), card.width() * 0.38);
    };
    expectUnderTheRetryCard();
    const QImage picture = flow.grab().toImage();
    EXPECT_EQ(picture.size(), QSize(640, 300) * picture.devicePixelRatio());
    flow.resize(300, 200);
    EXPECT_EQ(flow.flowLayout().size(), QSizeF(300, 200));
    expectUnderTheRetryCard();

    c.reset();
    EXPECT_EQ(flow.liveDots(), 0);
    EXPECT_FALSE(flow.model().placeOf(0).has_value());
    EXPECT_EQ(flow.stageCount(), 3);
}

TEST(ViewsFlowView, FollowsAPipelineEditedWhilePlaying)
{
    Scenario s = scripted({ok(), ok(), ok()}, {0, 100, 200}, {retry(1, 10)});
    SimulationController c;
    c.load(s);
    FlowView flow(&c);
    FakeWall wall(flow);
    advance(c, wall, 50);
    EXPECT_EQ(flow.stageCount(), 1);
    EXPECT_EQ(flow.model().cardTypes(), (std::vector<std::string>{"retry"}));
    s.pipeline.insert(s.pipeline.begin(), consecutiveBreaker(3, 1000));
    c.apply(s, true);
    advance(c, wall, 200);
    EXPECT_EQ(flow.stageCount(), 2);
    EXPECT_EQ(flow.model().cardTypes(), (std::vector<std::string>{"circuit_breaker", "retry"}));
    EXPECT_EQ(flow.flowLayout().cardCount(), 2);
    EXPECT_LT(flow.flowLayout().card(0).right(), flow.flowLayout().card(1).left());
    EXPECT_GT(flow.liveDots(), 0);
}

TEST(ViewsFlowView, SamplesAndCapsAtHighRates)
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
    SimulationController c;
    c.load(s);
    FlowView flow(&c);
    FakeWall wall(flow);
    flow.resize(500, 300);
    c.setSpeed(10);
    // Three frames of 16 ms at 10x: 480 ms, about 480 requests, all drawn until the first
    // estimate (at 500 ms): the 400 dots are reached.
    for (int i = 0; i < 3; ++i) {
        wall.ms += 16;
        c.tick(16);
    }
    EXPECT_EQ(flow.samplingEvery(), 1);
    EXPECT_EQ(flow.liveDots(), FlowView::kMaxDots);
    EXPECT_TRUE(flow.model().capped());
    for (int i = 0; i < 57; ++i) { // one second of frames: 10 s of virtual time
        wall.ms += 16;
        c.tick(16);
    }
    // 10 000 requests per wall second, about 120 wanted: 83 -> 1 in 100.
    EXPECT_EQ(flow.samplingEvery(), 100);
    EXPECT_GT(flow.liveDots(), 0);
    EXPECT_LE(flow.liveDots(), FlowView::kMaxDots);
    for (int i = 0; i < 180; ++i) { // three more seconds: the dots of the first frames are gone
        wall.ms += 16;
        c.tick(16);
    }
    EXPECT_FALSE(flow.model().capped());
    ASSERT_GT(flow.liveDots(), 0);
    for (const std::uint64_t request : flow.model().dotRequests())
        EXPECT_EQ(request % 100, 0u) << request;
}

TEST(ViewsFlowView, QueueGaugeFollowsAPhaseThatChangesTheQueueLimit)
{
    Scenario s = test::preset("outage-and-recovery"); // payments: queue_limit 128
    ServicePhase tighter;
    tighter.atS = 1.0;
    tighter.queueLimit = 8;
    s.services["payments"].phases.push_back(tighter);
    SimulationController c;
    c.load(s);
    FlowView flow(&c);
    flow.resize(700, 320);
    test::play(c, 30, 1.0); // 0.5 s
    EXPECT_EQ(flow.queueLimit(), 128);
    EXPECT_EQ(flow.model().gauges().queueLimit, 128);
    test::play(c, 60, 1.0); // 1.5 s
    EXPECT_EQ(c.simulation()->targetService().queueLimit(), std::optional<std::int64_t>(8));
    EXPECT_EQ(flow.queueLimit(), 8);
}

TEST(ViewsFlowView, ARejectedRequestBouncesAtTheBreakerCard)
{
    // Three failures open the breaker at 210 ms; the request at 300 ms is rejected.
    SimulationController c;
    c.load(
        scripted({error(), error(), error()}, {0, 100, 200, 300}, {consecutiveBreaker(3, 1000)}));
    FlowView flow(&c);
    FakeWall wall(flow);
    flow.resize(1024, 640);
    advance(c, wall, 305);
    ASSERT_EQ(c.simulation()->breakers()[0]->state(), BreakerState::Open);
    EXPECT_EQ(flow.model().breakerStates(), std::vector<BreakerState>{BreakerState::Open});
    EXPECT_EQ(flow.model().tintOf(3), FlowModel::Rejected);
    EXPECT_EQ(flow.model().flashTint(0), FlowModel::Rejected);
    const std::optional<FlowModel::LegSpan> bounce =
        flowLeg(flow, 3, {FlowSpot::BreakerBounce, 0}, FlowModel::LegKind::Dwell);
    ASSERT_TRUE(bounce.has_value());
    EXPECT_EQ(bounce->tint, FlowModel::Rejected);
    // At the breaker card's door (its left edge + 4), on the lane in, spread across the lane.
    const FlowLayout &L = flow.flowLayout();
    const std::optional<QPointF> at =
        flow.model().positionAt(3, bounce->start + bounce->duration / 2, L);
    ASSERT_TRUE(at.has_value());
    EXPECT_DOUBLE_EQ(at->x(), L.card(0).left() + 4);
    EXPECT_NEAR(at->y(), L.outY() + flow.model().dot(3)->jy * L.lane(), 1e-9);
    // It never gets to the service.
    for (const FlowModel::LegSpan &leg : flow.model().schedule(3, L)) {
        EXPECT_NE(leg.to.spot, FlowSpot::ServiceDoorOut);
        EXPECT_NE(leg.to.spot, FlowSpot::ServiceSlot);
    }
}

TEST(ViewsFlowView, ARequestInServiceSitsInTheServers)
{
    SimulationController c;
    c.load(scripted({ok(500)}, {0}, {retry(1, 10)}));
    FlowView flow(&c);
    FakeWall wall(flow);
    flow.resize(1024, 640);
    advance(c, wall, 100);
    EXPECT_EQ(flow.model().placeOf(0), (FlowPlace{FlowSpot::ServiceSlot, -1}));
    const std::optional<QPointF> at =
        flow.model().positionAt(0, wall.ms + 60000, flow.flowLayout());
    ASSERT_TRUE(at.has_value());
    EXPECT_TRUE(flow.flowLayout().serviceServers().contains(*at));
    // The gauge is the engine's.
    EXPECT_EQ(c.simulation()->targetService().inService(), 1u);
    EXPECT_EQ(flow.model().gauges().inService, 1u);
}

TEST(ViewsFlowView, TheSceneIsTheViewsSizeWithoutScrollBars)
{
    SimulationController c;
    c.load(scripted({ok()}, {0}, {staticFallback(), retry(1, 10)}));
    FlowView flow(&c);
    EXPECT_EQ(flow.sizeHint(), QSize(640, 300));
    EXPECT_EQ(flow.minimumSizeHint(), QSize(300, 200));
    EXPECT_EQ(flow.horizontalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
    EXPECT_EQ(flow.verticalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
    EXPECT_TRUE(flow.renderHints().testFlag(QPainter::Antialiasing));
    ASSERT_NE(flow.scene(), nullptr);
    EXPECT_EQ(flow.scene()->items().size(), 4); // title, pipeline, dots, legend
    for (const QSize size : {QSize(1024, 640), QSize(300, 200)}) {
        flow.resize(size);
        const QImage picture = flow.grab().toImage(); // lays the view out, and paints it
        EXPECT_EQ(flow.viewport()->size(), size);
        EXPECT_EQ(flow.scene()->sceneRect(), QRectF(QPointF(0, 0), QSizeF(size)));
        EXPECT_EQ(flow.mapFromScene(QPointF(10, 20)), QPoint(10, 20));
        EXPECT_EQ(flow.flowLayout().size(), QSizeF(size));
        EXPECT_EQ(picture.size(), size * picture.devicePixelRatio());
    }
}

TEST(ViewsRetryTimeline, ALaneHasABarPerAttemptAndAGapPerBackoff)
{
    SimulationController c;
    c.load(scripted({error(), error(), ok(), ok()}, {0, 500}, {retry(2, 50)}));
    RetryTimeline timeline(&c);
    timeline.resize(500, 300);
    advance(c, 100); // 0: error at 10, retry at 60, error at 70, retry at 120 ...
    EXPECT_EQ(timeline.laneCount(), 1);
    EXPECT_EQ(timeline.barCount(0), 2);
    advance(c, 390);
    EXPECT_EQ(timeline.barCount(0), 3);
    EXPECT_EQ(timeline.backoffCount(0), 2);
    EXPECT_EQ(timeline.barCount(1), -1); // not started yet
    advance(c, 110);
    EXPECT_EQ(timeline.laneCount(), 2);
    EXPECT_EQ(timeline.barCount(1), 1);
    EXPECT_EQ(timeline.laneRequests().front(), 1u); // newest first
    EXPECT_GT(inkedPixels(timeline), 3000);
    c.reset();
    EXPECT_EQ(timeline.laneCount(), 0);
}

TEST(ViewsRetryTimeline, KeepsAtMostThirtyLanes)
{
    std::vector<double> arrivals;
    for (int i = 0; i < 100; ++i)
        arrivals.push_back(i * 100.0);
    SimulationController c;
    c.load(scripted({}, arrivals, {retry(1, 20)}));
    RetryTimeline timeline(&c);
    timeline.resize(300, 200);
    advance(c, 9000);
    EXPECT_EQ(timeline.laneCount(), RetryTimeline::kMaxLanes);
    EXPECT_EQ(timeline.samplingEvery(), 2); // 10 requests/s against ~8 new lanes/s
    EXPECT_GT(inkedPixels(timeline), 2000);
}

TEST(ViewsRetryTimeline, AFailingRequestGetsALaneEvenWhenSampledOut)
{
    std::vector<double> arrivals;
    for (int i = 0; i < 100; ++i)
        arrivals.push_back(i * 100.0);
    std::vector<ScriptedOutcome> script(51, ok());
    script.push_back(error()); // request 51's first attempt
    script.resize(100, ok());
    SimulationController c;
    c.load(scripted(script, arrivals, {retry(1, 20)}));
    RetryTimeline timeline(&c);
    advance(c, 5300);
    ASSERT_EQ(timeline.samplingEvery(), 2);
    EXPECT_EQ(timeline.barCount(51), 2);
    EXPECT_EQ(timeline.backoffCount(51), 1);
    EXPECT_EQ(timeline.barCount(53), -1); // sampled out, and fine
}

TEST(ViewsFallbackPanel, ShowsTheEngineCounters)
{
    SimulationController c;
    c.load(scripted({error(), error(), ok(), error(), error(), ok()}, {0, 100, 200, 300, 400, 1200},
                    {staticFallback()}));
    FallbackPanel panel(&c);
    panel.resize(340, 300);
    advance(c, 1300);
    const auto &counters = c.simulation()->fallbacks()[0]->counters();
    ASSERT_EQ(counters.staticHits, 4u);
    EXPECT_TRUE(panel.countersText().contains("static answers: 4"))
        << panel.countersText().toStdString();
    // The first bucket held the four fallbacks.
    EXPECT_TRUE(panel.countersText().contains("fallbacks/s in the last bucket: 4"))
        << panel.countersText().toStdString();
    EXPECT_GT(inkedPixels(panel), 2000);
}

TEST(ViewsFallbackPanel, ShowsTheCacheAgeAgainstItsTtl)
{
    StageSpec fb;
    fb.options = FallbackSpec{};
    fb.as<FallbackSpec>().mode = FallbackSpec::Mode::Cache;
    fb.as<FallbackSpec>().ttlMs = 500;
    SimulationController c;
    c.load(scripted({ok(), error(), error()}, {0, 100, 900}, {fb}));
    FallbackPanel panel(&c);
    panel.resize(300, 200);
    advance(c, 1000);
    const auto &counters = c.simulation()->fallbacks()[0]->counters();
    EXPECT_EQ(counters.cacheHits, 1u);
    EXPECT_EQ(counters.cacheMisses, 1u);
    EXPECT_TRUE(panel.countersText().contains("cache hits: 1"))
        << panel.countersText().toStdString();
    EXPECT_TRUE(panel.countersText().contains("cache misses: 1"))
        << panel.countersText().toStdString();
    EXPECT_TRUE(panel.countersText().contains("cache age 0.99 s / ttl 500 ms") ||
                panel.countersText().contains("cache age 1.0 s / ttl 500 ms"))
        << panel.countersText().toStdString();
    EXPECT_GT(inkedPixels(panel), 1500);
}

TEST(ViewsFallbackPanel, SaysSoWithoutAFallback)
{
    SimulationController c;
    c.load(scripted({ok()}, {0}, {consecutiveBreaker(3, 1000)}));
    FallbackPanel panel(&c);
    EXPECT_FALSE(panel.hasFallback());
    EXPECT_EQ(panel.countersText(), "no fallback in this pipeline");
    // Only the note then: the panel gives its height to the other views, and takes it back.
    advance(c, 100);
    EXPECT_LE(panel.maximumHeight(), 64);
    c.load(scripted({error()}, {0}, {staticFallback()}));
    advance(c, 100);
    EXPECT_TRUE(panel.hasFallback());
    EXPECT_EQ(panel.maximumHeight(), QWIDGETSIZE_MAX);
}

TEST(ViewsRequestSampler, RoundsUpAtOnceAndComesDownSlowly)
{
    RequestSampler sampler(100);
    sampler.observe(500, kMicrosPerSecond, 1.0); // 500 per wall second
    EXPECT_EQ(sampler.every(), 5);
    EXPECT_TRUE(sampler.admits(10));
    EXPECT_FALSE(sampler.admits(11));
    sampler.observe(50, kMicrosPerSecond, 1.0);
    sampler.observe(50, kMicrosPerSecond, 1.0);
    EXPECT_EQ(sampler.every(), 5);
    sampler.observe(50, kMicrosPerSecond, 1.0);
    EXPECT_EQ(sampler.every(), 1);
    sampler.observe(1000, kMicrosPerSecond, 10.0); // 10 000 per wall second
    EXPECT_EQ(sampler.every(), 100);
}

} // namespace
} // namespace reslab::ui

namespace reslab::ui {
namespace {

// Two breakers in one pipeline (the engine's per-stage series tell them apart): the diagram shows
// the first, and the picker in its corner switches to the second. inner (threshold 1) opens at
// 10 ms on the first failure; outer (threshold 2, counting circuit_open) opens at 100 ms.
TEST(ViewsStagePicker, TheBreakerDiagramShowsTheChosenBreaker)
{
    const ScenarioParse p = parseScenarioText(R"({
      "version": 1, "name": "two breakers", "seed": 1, "duration_s": 2,
      "load": { "type": "script", "at_ms": [0, 100, 200] },
      "services": { "api": { "failure_rate": 1, "latency_ms": { "dist": "constant", "value": 10 } } },
      "target": "api",
      "pipeline": [
        { "type": "circuit_breaker", "name": "outer", "policy": "consecutive",
          "failure_threshold": 2, "reset_timeout_ms": 1450, "record": ["error", "circuit_open"] },
        { "type": "circuit_breaker", "name": "inner", "policy": "consecutive",
          "failure_threshold": 1, "reset_timeout_ms": 10000 }
      ]
    })");
    ASSERT_TRUE(p.ok());
    SimulationController c;
    c.load(*p.scenario);
    BreakerDiagram diagram(&c);
    diagram.resize(500, 300);
    diagram.show();
    advance(c, 50);
    auto *picker = diagram.findChild<QComboBox *>("stagePicker");
    ASSERT_NE(picker, nullptr);
    EXPECT_TRUE(picker->isVisible());
    ASSERT_EQ(picker->count(), 2);
    EXPECT_EQ(picker->itemText(0), "outer");
    EXPECT_EQ(picker->itemText(1), "inner");
    EXPECT_EQ(diagram.shownState(), BreakerState::Closed); // outer: one failure so far
    picker->setCurrentIndex(1);
    emit picker->activated(1);
    EXPECT_EQ(diagram.shownState(), BreakerState::Open); // inner opened at 10 ms
    advance(c, 100);                                     // 150 ms: outer opened at 100 ms
    picker->setCurrentIndex(0);
    emit picker->activated(0);
    EXPECT_EQ(diagram.shownState(), BreakerState::Open);
    EXPECT_GE(picker->x() + picker->width(), diagram.width() - 10); // in the top-right corner
    EXPECT_LE(picker->y(), 8);
}

TEST(ViewsStagePicker, HiddenWithOneStageOfTheKind)
{
    SimulationController c;
    c.load(test::preset("outage-and-recovery"));
    BreakerDiagram diagram(&c);
    FallbackPanel panel(&c);
    diagram.show();
    panel.show();
    advance(c, 20);
    EXPECT_FALSE(diagram.findChild<QComboBox *>("stagePicker")->isVisible());
    EXPECT_FALSE(panel.findChild<QComboBox *>("stagePicker")->isVisible());
}

} // namespace
} // namespace reslab::ui
