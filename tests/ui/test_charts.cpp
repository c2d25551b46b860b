#include "charts/breaker_chart.h"
#include "charts/bucket_window.h"
#include "charts/chart_panel.h"
#include "charts/time_chart.h"
#include "simulation_controller.h"

#include "reslab/io/scenario_io.h"
#include "reslab/model/presets.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <QTest>

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <limits>

namespace reslab::ui {
namespace {

Scenario preset(const std::string &name)
{
    const auto p = findPreset(name);
    EXPECT_TRUE(p.has_value()) << name;
    const ScenarioParse parse = parseScenarioText(p ? p->json : "{}");
    EXPECT_TRUE(parse.ok()) << name;
    return parse.scenario.value_or(Scenario{});
}

/// Advances the controller by `seconds` of virtual time in one frame.
void advance(SimulationController &controller, double seconds)
{
    controller.setFrameBudgetMs(std::numeric_limits<double>::infinity());
    controller.tick(seconds * 1000.0);
}

QChartView *view(const ChartPanel &panel, const QString &name)
{
    return panel.findChild<QChartView *>(name);
}

template <typename Series>
Series *series(QChartView *v, const QString &name)
{
    for (QAbstractSeries *s : v->chart()->series())
        if (s->name() == name)
            return qobject_cast<Series *>(s);
    return nullptr;
}

QValueAxis *timeAxis(QChartView *v)
{
    const auto axes = v->chart()->axes(Qt::Horizontal);
    return axes.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(axes.front());
}

class ChartsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        controller.load(preset("outage-and-recovery"));
        panel.resize(1400, 900);
    }
    SimulationController controller;
    ChartPanel panel{&controller};
};

TEST_F(ChartsTest, EveryChartIsAChartViewNamedAfterIt)
{
    const QStringList names = panel.chartNames();
    EXPECT_EQ(names, (QStringList{"throughput", "latency", "breaker", "attempts", "queue"}));
    for (const QString &name : names) {
        QChartView *v = view(panel, name);
        ASSERT_NE(v, nullptr) << name.toStdString();
        EXPECT_TRUE(v->chart()->legend()->isVisible()) << name.toStdString();
        const auto x = v->chart()->axes(Qt::Horizontal);
        ASSERT_FALSE(x.isEmpty());
        EXPECT_EQ(x.front()->titleText(), "time (s)") << name.toStdString();
        for (QAbstractAxis *y : v->chart()->axes(Qt::Vertical))
            EXPECT_FALSE(y->titleText().isEmpty()) << name.toStdString();
    }
    EXPECT_EQ(view(panel, "latency")->chart()->axes(Qt::Vertical).front()->titleText(),
              "latency (ms)");
}

TEST_F(ChartsTest, ThroughputHoldsOnePointPerClosedBucketWithTheEngineValues)
{
    panel.setWholeRun(true);
    advance(controller, 45.5);
    const Simulation *sim = controller.simulation();
    const std::size_t closed = closedRowCount(*sim);
    ASSERT_EQ(closed, 45u); // the live bucket [45, 46) is not drawn
    const auto &rows = sim->recorder().rows();
    const double bucketS = toSeconds(sim->recorder().bucket());

    QChartView *v = view(panel, "throughput");
    auto *success = series<QAreaSeries>(v, "success");
    auto *fallback = series<QAreaSeries>(v, "fallback");
    auto *failure = series<QAreaSeries>(v, "failure");
    ASSERT_TRUE(success && fallback && failure);
    ASSERT_EQ(success->upperSeries()->count(), static_cast<int>(closed));
    ASSERT_EQ(fallback->upperSeries()->count(), static_cast<int>(closed));
    ASSERT_EQ(failure->upperSeries()->count(), static_cast<int>(closed));
    ASSERT_EQ(success->lowerSeries(), nullptr);
    std::uint64_t fallbacks = 0;
    for (std::size_t i = 0; i < closed; ++i) {
        const int k = static_cast<int>(i);
        const BucketRow &r = rows[i];
        fallbacks += r.fallback;
        EXPECT_DOUBLE_EQ(success->upperSeries()->at(k).x(), toSeconds(r.start));
        // Stacked: each band's height is the engine's count, per second.
        EXPECT_DOUBLE_EQ(success->upperSeries()->at(k).y(), r.success / bucketS) << i;
        EXPECT_DOUBLE_EQ(fallback->upperSeries()->at(k).y() - fallback->lowerSeries()->at(k).y(),
                         r.fallback / bucketS)
            << i;
        EXPECT_NEAR(failure->upperSeries()->at(k).y() - failure->lowerSeries()->at(k).y(),
                    r.failure / bucketS, 1e-9)
            << i;
    }
    EXPECT_GT(fallbacks, 0u) << "the outage (from 30 s) should show";

    // Latency and the other charts read the same rows.
    auto *p99 = series<QLineSeries>(view(panel, "latency"), "p99");
    ASSERT_NE(p99, nullptr);
    ASSERT_GT(p99->count(), 0);
    EXPECT_DOUBLE_EQ(p99->at(0).y(),
                     rows[static_cast<std::size_t>(p99->at(0).x() / bucketS)].p99Ms);
    auto *attempts = series<QLineSeries>(view(panel, "attempts"), "attempts");
    ASSERT_EQ(attempts->count(), static_cast<int>(closed));
    EXPECT_DOUBLE_EQ(attempts->at(10).y(), rows[10].attempts / bucketS);
    auto *util = series<QLineSeries>(view(panel, "queue"), "utilisation");
    ASSERT_EQ(util->count(), static_cast<int>(closed)); // its values: ChartsUtilisation below
}

Scenario parsed(const char *text)
{
    const ScenarioParse parse = parseScenarioText(text);
    EXPECT_TRUE(parse.ok()) << (parse.errors.empty() ? "" : parse.errors.front().toString());
    return parse.scenario.value_or(Scenario{});
}

// The utilisation line against busy time worked out by hand, not read back from the recorder.
TEST(ChartsUtilisation, ConstantLoadGivesRateTimesLatencyOverConcurrency)
{
    // 10 requests/s evenly spaced (at 0, 0.1, 0.2 ... s), 150 ms each, 4 servers: at most 2 in
    // service at once, so no queue. A bucket [k, k + 1) with k >= 1 holds 10 arrivals x 150 ms =
    // 1.5 s of busy time (the 50 ms the k + 0.9 s request spills into the next bucket equal the
    // 50 ms the previous one's spills into this one): 10 /s x 0.150 s / 4 = 0.375. The first
    // bucket has no spill-in: 9 x 150 ms + 100 ms = 1.45 s, 1.45 / 4 = 0.3625.
    SimulationController controller;
    controller.load(parsed(R"({
      "version": 1, "name": "constant-utilisation", "seed": 1, "duration_s": 10,
      "load": { "type": "constant", "rate_per_s": 10 },
      "services": { "api": { "latency_ms": { "dist": "constant", "value": 150 },
                             "concurrency": 4 } },
      "target": "api"
    })"));
    ChartPanel panel(&controller);
    panel.setWholeRun(true);
    advance(controller, 9.5);
    QChartView *v = view(panel, "queue");
    ASSERT_NE(v, nullptr);
    auto *util = series<QLineSeries>(v, "utilisation");
    ASSERT_NE(util, nullptr);
    ASSERT_EQ(util->count(), 9); // buckets [0, 1) ... [8, 9)
    const double rate = 10, latencyS = 0.150, concurrency = 4;
    EXPECT_NEAR(util->at(0).y(), (9 * latencyS + 0.100) / concurrency, 1e-12); // 0.3625
    for (int k = 1; k < 9; ++k) {
        EXPECT_DOUBLE_EQ(util->at(k).x(), k);
        EXPECT_NEAR(util->at(k).y(), rate * latencyS / concurrency, 1e-12) << k; // 0.375
    }
    auto *queue = series<QLineSeries>(v, "queue length");
    ASSERT_NE(queue, nullptr);
    for (int k = 0; k < queue->count(); ++k)
        EXPECT_EQ(queue->at(k).y(), 0) << k;
}

TEST(ChartsUtilisation, UnlimitedConcurrencyShowsTheMeanInServiceOfAScript)
{
    // Arrivals at 0.2, 0.3, 1.5 and 2.6 s with scripted latencies 500, 250, 1000 and 100 ms:
    // in service over [0.2, 0.7], [0.3, 0.55], [1.5, 2.5] and [2.6, 2.7]. Concurrency 0 is
    // unlimited, so the line is busy time / 1 s: 0.5 + 0.25, 0.5, 0.5 + 0.1 and 0.
    SimulationController controller;
    controller.load(parsed(R"({
      "version": 1, "name": "scripted-utilisation", "seed": 1, "duration_s": 5,
      "load": { "type": "script", "at_ms": [200, 300, 1500, 2600] },
      "services": { "api": { "latency_ms": { "dist": "constant", "value": 10 },
                             "script": ["ok:500", "error:250", "ok:1000", "ok:100"] } },
      "target": "api"
    })"));
    ChartPanel panel(&controller);
    panel.setWholeRun(true);
    advance(controller, 4.5);
    QChartView *v = view(panel, "queue");
    ASSERT_NE(v, nullptr);
    auto *util = series<QLineSeries>(v, "utilisation");
    ASSERT_NE(util, nullptr);
    ASSERT_EQ(util->count(), 4);
    const double expected[4] = {0.5 + 0.25, 0.5, 0.5 + 0.1, 0};
    for (int k = 0; k < 4; ++k)
        EXPECT_NEAR(util->at(k).y(), expected[k], 1e-12) << k;
    const auto axes = v->chart()->axes(Qt::Vertical, util);
    ASSERT_FALSE(axes.isEmpty());
    EXPECT_EQ(axes.front()->titleText(), "in service (mean)");
}

TEST_F(ChartsTest, RedrawsOnlyWhenABucketCloses)
{
    advance(controller, 10.2);
    auto *attempts = series<QLineSeries>(view(panel, "attempts"), "attempts");
    ASSERT_EQ(attempts->count(), 10);
    int replaced = 0;
    QObject::connect(attempts, &QXYSeries::pointsReplaced, [&replaced] { ++replaced; });
    advance(controller, 0.3); // 10.5 s: still inside bucket [10, 11)
    EXPECT_EQ(replaced, 0);
    advance(controller, 0.6); // 11.1 s: bucket [10, 11) closed
    EXPECT_EQ(replaced, 1);
    EXPECT_EQ(attempts->count(), 11);
}

TEST_F(ChartsTest, StaggeredRedrawsOneChartPerFrameAndFinishesWhenPaused)
{
    panel.setStaggered(true);
    // Chart order: throughput, latency, breaker, attempts, queue.
    auto *successes = series<QAreaSeries>(view(panel, "throughput"), "success");
    auto *attempts = series<QLineSeries>(view(panel, "attempts"), "attempts");
    ASSERT_TRUE(successes && attempts);
    advance(controller, 10.2); // ten buckets closed: every chart is due, the first one is drawn
    EXPECT_EQ(panel.pendingCharts(), 4);
    EXPECT_EQ(successes->upperSeries()->count(), 10);
    EXPECT_EQ(attempts->count(), 0);
    advance(controller, 0.1); // no new bucket: the next chart in turn
    advance(controller, 0.1);
    EXPECT_EQ(panel.pendingCharts(), 2);
    EXPECT_EQ(attempts->count(), 0);
    advance(controller, 0.1);
    EXPECT_EQ(attempts->count(), 10);
    EXPECT_EQ(panel.pendingCharts(), 1);

    // With no more frames (paused), the panel's own timer draws the rest.
    advance(controller, 1.0); // bucket [10, 11) closed: all due again, one drawn
    EXPECT_EQ(panel.pendingCharts(), 4);
    EXPECT_TRUE(QTest::qWaitFor([&] { return panel.pendingCharts() == 0; }, 2000));
    EXPECT_EQ(attempts->count(), 11);
    EXPECT_EQ(successes->upperSeries()->count(), 11);

    // An export never draws a half-updated panel.
    advance(controller, 1.0);
    ASSERT_EQ(panel.pendingCharts(), 4);
    QTemporaryDir dir;
    QString error;
    ASSERT_TRUE(panel.exportImage(dir.filePath("charts.png"), QString(), &error))
        << error.toStdString();
    EXPECT_EQ(panel.pendingCharts(), 0);
    EXPECT_EQ(attempts->count(), 12);
}

TEST_F(ChartsTest, WindowToggleChangesTheTimeRange)
{
    advance(controller, 120);
    auto *combo = panel.findChild<QComboBox *>("window");
    ASSERT_NE(combo, nullptr);
    combo->setCurrentIndex(0);
    for (const QString &name : panel.chartNames()) {
        QValueAxis *x = timeAxis(view(panel, name));
        EXPECT_DOUBLE_EQ(x->min(), 60) << name.toStdString();
        EXPECT_DOUBLE_EQ(x->max(), 120) << name.toStdString();
    }
    // The scrolling window draws only the buckets that start inside it.
    auto *attempts = series<QLineSeries>(view(panel, "attempts"), "attempts");
    EXPECT_EQ(attempts->count(), 60);
    EXPECT_DOUBLE_EQ(attempts->at(0).x(), 60);

    combo->setCurrentIndex(1);
    EXPECT_TRUE(panel.wholeRun());
    const double end = toSeconds(controller.simulation()->end());
    for (const QString &name : panel.chartNames()) {
        QValueAxis *x = timeAxis(view(panel, name));
        EXPECT_DOUBLE_EQ(x->min(), 0) << name.toStdString();
        EXPECT_DOUBLE_EQ(x->max(), end) << name.toStdString();
    }
    EXPECT_EQ(attempts->count(), 120);
}

TEST_F(ChartsTest, ScrollingWindowKeepsTicksOnRoundSeconds)
{
    advance(controller, 90.5);
    QValueAxis *x = timeAxis(view(panel, "latency"));
    EXPECT_DOUBLE_EQ(x->min(), 30.5);
    EXPECT_DOUBLE_EQ(x->max(), 90.5);
    EXPECT_EQ(x->tickType(), QValueAxis::TicksDynamic);
    EXPECT_DOUBLE_EQ(x->tickAnchor(), 0);
    EXPECT_DOUBLE_EQ(x->tickInterval(), 10);
    // Nothing outside the plot area: the first point is the first bucket starting in the window.
    auto *attempts = series<QLineSeries>(view(panel, "attempts"), "attempts");
    ASSERT_GT(attempts->count(), 0);
    EXPECT_DOUBLE_EQ(attempts->at(0).x(), 31);
}

TEST_F(ChartsTest, BreakerBandStacksTheEngineFractions)
{
    panel.setWholeRun(true);
    advance(controller, 90);
    auto *v = qobject_cast<BreakerChart *>(view(panel, "breaker"));
    ASSERT_NE(v, nullptr);
    EXPECT_TRUE(v->hasBreaker());
    auto *closed = series<QAreaSeries>(v, "closed");
    auto *open = series<QAreaSeries>(v, "open");
    auto *half = series<QAreaSeries>(v, "half-open");
    ASSERT_TRUE(closed && open && half);
    const auto &rows = controller.simulation()->recorder().rows();
    ASSERT_EQ(closed->upperSeries()->count(), 2 * 90); // a step per bucket
    bool sawOpen = false;
    for (int i = 0; i < 90; ++i) {
        const BucketRow &r = rows[static_cast<std::size_t>(i)];
        EXPECT_NEAR(closed->upperSeries()->at(2 * i).y(), r.breakerTime[0], 1e-6);
        EXPECT_NEAR(open->upperSeries()->at(2 * i + 1).y() - open->lowerSeries()->at(2 * i + 1).y(),
                    r.breakerTime[1], 1e-6);
        sawOpen = sawOpen || r.breakerTime[1] > 0.5f;
    }
    EXPECT_TRUE(sawOpen) << "outage-and-recovery opens its breaker";
    EXPECT_DOUBLE_EQ(v->valueAxis()->max(), 1);
}

TEST(ChartsNoBreaker, SaysSoWhenTheScenarioHasNone)
{
    Scenario s = preset("outage-and-recovery");
    std::erase_if(s.pipeline, [](const StageSpec &st) { return st.is<BreakerSpec>(); });
    SimulationController controller;
    controller.load(s);
    ChartPanel panel(&controller);
    advance(controller, 20);
    auto *v = qobject_cast<BreakerChart *>(panel.findChild<QChartView *>("breaker"));
    ASSERT_NE(v, nullptr);
    EXPECT_FALSE(v->hasBreaker());
    EXPECT_TRUE(v->chart()->title().contains("none")) << v->chart()->title().toStdString();
    for (QAbstractSeries *series : v->chart()->series()) {
        if (qobject_cast<QAreaSeries *>(series)) {
            EXPECT_FALSE(series->isVisible());
        }
    }
    // Only the note: no empty axes, grid or legend behind it.
    EXPECT_FALSE(v->timeAxis()->isVisible());
    EXPECT_FALSE(v->valueAxis()->isVisible());
    EXPECT_FALSE(v->chart()->legend()->isVisible());
    EXPECT_LE(v->maximumHeight(), 110) << "the note needs no chart-sized room";

    // A scenario with a breaker loaded afterwards brings the band and its axes back.
    controller.load(preset("outage-and-recovery"));
    advance(controller, 5);
    EXPECT_TRUE(v->hasBreaker());
    EXPECT_TRUE(v->timeAxis()->isVisible());
    EXPECT_TRUE(v->valueAxis()->isVisible());
    EXPECT_TRUE(v->chart()->legend()->isVisible());
    EXPECT_GE(v->minimumHeight(), 170);
}

TEST_F(ChartsTest, HoverTextGivesTheBucketValues)
{
    advance(controller, 30);
    auto *v = qobject_cast<TimeChart *>(view(panel, "throughput"));
    const BucketRow &r = controller.simulation()->recorder().rows()[12];
    const QString text = v->describeAt(12.4);
    EXPECT_TRUE(text.contains("t = 12 – 13 s")) << text.toStdString();
    EXPECT_TRUE(text.contains(QString("success: %1").arg(r.success))) << text.toStdString();
    EXPECT_TRUE(text.contains(QString("failure: %1").arg(r.failure))) << text.toStdString();
    EXPECT_TRUE(v->describeAt(31).isEmpty()) << "the live bucket has no values yet";
    const QString latency = qobject_cast<TimeChart *>(view(panel, "latency"))->describeAt(12.4);
    EXPECT_TRUE(latency.contains(QString("p99: %1 ms").arg(r.p99Ms, 0, 'f', 1)))
        << latency.toStdString();
}

TEST_F(ChartsTest, HotAppliedEditsAreMarkedOnEveryChart)
{
    advance(controller, 30);
    Scenario edited = controller.scenario();
    edited.load.ratePerS *= 2;
    controller.apply(edited, /*hot=*/true);
    ASSERT_EQ(controller.hotApplyTimes().size(), 1u);
    const double at = toSeconds(controller.hotApplyTimes().front());
    advance(controller, 10);
    for (const QString &name : panel.chartNames()) {
        QChartView *v = view(panel, name);
        auto *marker = series<QLineSeries>(v, "edit applied");
        ASSERT_NE(marker, nullptr) << name.toStdString();
        ASSERT_EQ(marker->count(), 2);
        EXPECT_DOUBLE_EQ(marker->at(0).x(), at);
        EXPECT_DOUBLE_EQ(marker->at(1).x(), at);
        EXPECT_LT(marker->at(0).y(), marker->at(1).y()) << "a vertical line";
    }
    // A new run forgets them.
    controller.reset();
    EXPECT_EQ(series<QLineSeries>(view(panel, "latency"), "edit applied"), nullptr);
}

TEST(ChartsWindow, LongRunsAreSampledToBoundedSeries)
{
    Scenario s = preset("outage-and-recovery");
    s.durationS = 20000;
    s.bucketMs = 1000;
    Simulation sim(s);
    sim.advanceTo(fromSeconds(12000.5));
    const BucketWindow whole = makeBucketWindow(sim, 0, 4000);
    EXPECT_EQ(whole.end, 12000u);
    EXPECT_EQ(whole.stride, 3u);
    EXPECT_LE(whole.pointCount(), 4000u);
    const BucketWindow last = makeBucketWindow(sim, 60, 4000);
    EXPECT_EQ(last.stride, 1u);
    EXPECT_DOUBLE_EQ(last.xHi, 12000.5);
    EXPECT_EQ(last.first, 11941u) << "buckets starting inside the window only";
}

} // namespace
} // namespace reslab::ui
