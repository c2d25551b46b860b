#include "charts/heat_map.h"
#include "charts/sweep_line_chart.h"
#include "editor/fields.h"
#include "editor/scenario_editor.h"
#include "main_window.h"
#include "scenario_document.h"
#include "tuning/sweep_parameters.h"
#include "tuning/sweep_window.h"

#include "reslab/io/json_path.h"
#include "reslab/model/presets.h"
#include "reslab/model/simulation.h"
#include "reslab/tuning/sweep.h"

#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <sstream>

namespace reslab::ui {
namespace {

/// Short and small, so that a sweep of a few dozen runs takes well under a second.
nlohmann::json flaky()
{
    return nlohmann::json::parse(R"({
      "version": 1, "name": "sweep-ui", "seed": 7, "duration_s": 10,
      "load": { "type": "poisson", "rate_per_s": 20 },
      "services": { "api": { "failure_rate": 0.3,
                             "latency_ms": { "dist": "constant", "value": 20 } } },
      "target": "api",
      "pipeline": [
        { "type": "circuit_breaker", "policy": "consecutive", "failure_threshold": 5,
          "success_threshold": 1, "reset_timeout_ms": 1000 },
        { "type": "retry", "max_retries": 1, "backoff": "fixed", "base_ms": 10 } ]
    })");
}

/// Constant latency behind a timeout: a request succeeds exactly when latency < timeout.
nlohmann::json latencyVsTimeout()
{
    return nlohmann::json::parse(R"({
      "version": 1, "name": "latency-timeout", "seed": 1, "duration_s": 5,
      "load": { "type": "constant", "rate_per_s": 10 },
      "services": { "api": { "failure_rate": 0,
                             "latency_ms": { "dist": "constant", "value": 100 } } },
      "target": "api",
      "pipeline": [ { "type": "timeout", "timeout_ms": 150 } ]
    })");
}

RunMetrics runAlone(nlohmann::json doc, const std::vector<std::pair<std::string, double>> &set,
                    std::uint64_t seed)
{
    for (const auto &[path, value] : set)
        EXPECT_FALSE(setNumberAtPath(doc, path, value));
    const ScenarioParse parse = parseScenario(doc);
    EXPECT_TRUE(parse.ok());
    RunOptions options;
    options.seed = seed;
    Simulation sim(*parse.scenario, options);
    sim.runToEnd();
    return metricsOf(sim.summary());
}

bool runToEnd(SweepWindow &w)
{
    QSignalSpy finished(&w, &SweepWindow::sweepFinished);
    if (!w.startSweep()) {
        ADD_FAILURE() << w.statusText().toStdString();
        return false;
    }
    if (!finished.wait(60000))
        return false;
    return finished.first().first().toBool();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
    return f.readAll();
}

TEST(SweepWindow, OneAxisGivesALineWhosePointsAreSeparateRuns)
{
    SweepWindow::cache()->clear();
    SweepWindow w(flaky(), "flaky");
    w.resize(1100, 700);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    w.setAxis(0, "pipeline[1].max_retries", 0, 3, 4, false);
    w.setSeeds(2);
    w.setMetric("success_rate");
    ASSERT_TRUE(runToEnd(w));
    ASSERT_NE(w.result(), nullptr);
    ASSERT_EQ(w.points().size(), 4u);
    ASSERT_EQ(w.result()->results().size(), 8u);
    EXPECT_EQ(w.progressBar()->value(), 8);
    EXPECT_EQ(w.progressBar()->maximum(), 8);
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(w.points()[i].values, std::vector<double>{static_cast<double>(i)});
        double sum = 0;
        for (std::uint64_t s = 0; s < 2; ++s) {
            const RunMetrics alone =
                runAlone(flaky(), {{"pipeline[1].max_retries", static_cast<double>(i)}}, 7 + s);
            const RunMetrics &swept = w.result()->results()[i * 2 + s].metrics;
            EXPECT_EQ(swept.successRate, alone.successRate) << "point " << i << " seed " << s;
            EXPECT_EQ(swept.p99Ms, alone.p99Ms);
            EXPECT_EQ(swept.amplification, alone.amplification);
            EXPECT_EQ(swept.failureCircuitOpenRate, alone.failureCircuitOpenRate);
            sum += alone.successRate;
        }
        EXPECT_DOUBLE_EQ(w.points()[i].mean.successRate, sum / 2);
    }
    // The chart: x = the parameter, y = the mean in %, a band for two seeds.
    const SweepLineData &d = w.lineChart()->data();
    ASSERT_EQ(d.x.size(), 4u);
    EXPECT_EQ(d.x, (std::vector<double>{0, 1, 2, 3}));
    EXPECT_DOUBLE_EQ(d.mean[2], w.points()[2].mean.successRate * 100);
    EXPECT_DOUBLE_EQ(d.low[2], w.points()[2].min.successRate * 100);
    EXPECT_TRUE(d.showSpread);
    EXPECT_FALSE(d.logX);
    EXPECT_TRUE(d.yTitle.contains("%"));
    EXPECT_TRUE(d.xTitle.contains("Max retries", Qt::CaseInsensitive)) << d.xTitle.toStdString();

    // Another metric re-draws from the results: nothing runs again.
    const Sweep *before = w.result();
    w.setMetric("p99_ms");
    EXPECT_EQ(w.result(), before);
    EXPECT_DOUBLE_EQ(w.lineChart()->data().mean[1], w.points()[1].mean.p99Ms);
    EXPECT_TRUE(w.lineChart()->data().yTitle.contains("ms"));

    // Running the same grid again takes everything from the cache.
    ASSERT_TRUE(runToEnd(w));
    EXPECT_EQ(w.result()->simulatedRuns(), 0u);
    EXPECT_TRUE(w.statusText().contains("0 simulated")) << w.statusText().toStdString();

    // Clicking point 2 hands back the scenario with max_retries = 2.
    QByteArray loaded;
    QObject::connect(&w, &SweepWindow::loadConfiguration,
                     [&](const QByteArray &json) { loaded = json; });
    QChartView *view = w.lineChart()->view();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, w.lineChart()->positionOf(2));
    ASSERT_FALSE(loaded.isEmpty());
    const auto doc = nlohmann::json::parse(loaded.toStdString());
    EXPECT_EQ(doc["pipeline"][1]["max_retries"].get<int>(), 2);
    EXPECT_EQ(doc["services"]["api"]["failure_rate"].get<double>(), 0.3); // the rest unchanged
}

TEST(SweepWindow, TwoAxesGiveAHeatMapAndTheCliCsv)
{
    SweepWindow w(flaky(), "flaky");
    w.resize(1100, 700);
    w.setAxis(0, "pipeline[0].failure_threshold", 2, 6, 3, false);
    w.setSecondAxisEnabled(true);
    w.setAxis(1, "services.api.failure_rate", 10, 30, 3, false); // shown in %: 0.1 … 0.3
    w.setSeeds(1);
    w.setMetric("success_rate");
    ASSERT_TRUE(runToEnd(w));
    const HeatMapData &d = w.heatMap()->data();
    EXPECT_EQ(d.nx, 3);
    EXPECT_EQ(d.ny, 3);
    ASSERT_EQ(d.values.size(), 9u);
    EXPECT_EQ(d.xTicks, (QStringList{"2", "4", "6"}));
    EXPECT_EQ(d.yTicks, (QStringList{"10", "20", "30"}));
    EXPECT_EQ(d.unit, "%");

    // The same grid through the engine's sweep, as `resilience-lab sweep` runs it.
    std::string error;
    Sweep cli(flaky(),
              {*parseSweepAxis("pipeline[0].failure_threshold=2:6:3", error),
               *parseSweepAxis("services.api.failure_rate=0.1:0.3:3", error)},
              1);
    ASSERT_TRUE(cli.prepare().empty());
    ASSERT_TRUE(cli.run(1, nullptr));
    for (std::size_t i = 0; i < 9; ++i)
        EXPECT_DOUBLE_EQ(d.values[i], cli.results()[i].metrics.successRate * 100) << i;
    // Cell (threshold 4, failure rate 30 %) is index 1 * 3 + 2 (first axis slowest).
    EXPECT_EQ(cli.results()[5].values, (std::vector<double>{4, 0.3}));
    EXPECT_DOUBLE_EQ(
        d.values[5],
        runAlone(flaky(),
                 {{"pipeline[0].failure_threshold", 4}, {"services.api.failure_rate", 0.3}}, 7)
                .successRate *
            100);

    QTemporaryDir dir;
    const QString csv = dir.filePath("sweep.csv");
    QString why;
    ASSERT_TRUE(w.exportCsv(csv, &why)) << why.toStdString();
    std::ostringstream expected;
    cli.writeCsv(expected);
    const QByteArray written = readAll(csv);
    EXPECT_EQ(written.toStdString(), expected.str());
    EXPECT_TRUE(written.startsWith("pipeline[0].failure_threshold,services.api.failure_rate,seed,"
                                   "success_rate,"));
    EXPECT_EQ(written.count('\n'), 10); // header + 9 rows

    ASSERT_TRUE(w.exportImage(dir.filePath("heat.png"), &why)) << why.toStdString();
    EXPECT_TRUE(readAll(dir.filePath("heat.png")).startsWith("\x89PNG"));
    ASSERT_TRUE(w.exportImage(dir.filePath("heat.svg"), &why)) << why.toStdString();
    EXPECT_TRUE(readAll(dir.filePath("heat.svg")).contains("<svg"));
    ASSERT_TRUE(w.exportImage(dir.filePath("heat.pdf"), &why)) << why.toStdString();
    EXPECT_TRUE(readAll(dir.filePath("heat.pdf")).startsWith("%PDF"));

    // Unwritable: an error naming the path; the results stay.
    EXPECT_FALSE(w.exportCsv("/nonexistent-dir/sweep.csv", &why));
    EXPECT_TRUE(why.contains("/nonexistent-dir/sweep.csv")) << why.toStdString();
    EXPECT_FALSE(w.exportImage("/nonexistent-dir/heat.png", &why));
    EXPECT_TRUE(why.contains("/nonexistent-dir/heat.png")) << why.toStdString();
    EXPECT_NE(w.result(), nullptr);
}

TEST(SweepWindow, GoalMarksTheRegionAndTheBestCellThenAClickLoadsIt)
{
    SweepWindow w(latencyVsTimeout(), "latency");
    w.resize(1100, 700);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    w.setAxis(0, "services.api.latency_ms.value", 100, 400, 4, false); // 100 200 300 400 ms
    w.setSecondAxisEnabled(true);
    w.setAxis(1, "pipeline[0].timeout_ms", 150, 350, 3, false); // 150 250 350 ms
    w.setSeeds(1);
    w.setMetric("p99_ms");
    w.setGoal("success >= 95 % and p99 >= 150 ms");
    ASSERT_TRUE(runToEnd(w));
    ASSERT_EQ(w.points().size(), 12u);
    // 50 requests, at 0, 0.1 … 4.9 s. Success needs latency < timeout; then only the requests
    // that end after the 5 s end are not successes: 1 of 50 for 200 ms (98 %), 2 for 300 ms
    // (96 %); a timeout fails them all. p99 >= 150 needs latency >= 150. So the goal holds at
    // (200, 250), (200, 350) and (300, 350): indices 1*3+1, 1*3+2 and 2*3+2.
    std::vector<bool> expected(12, false);
    expected[4] = expected[5] = expected[8] = true;
    EXPECT_EQ(w.meetsGoal(), expected);
    // Lowest p99 among them: 200 ms at 4 and 5, equal on every tie-break -> the first, 4.
    ASSERT_TRUE(w.bestIndex().has_value());
    EXPECT_EQ(*w.bestIndex(), 4u);
    EXPECT_EQ(w.heatMap()->data().best, 4);
    EXPECT_EQ(w.heatMap()->data().meets, expected);
    EXPECT_TRUE(w.bestText().contains("3 of 12")) << w.bestText().toStdString();

    // Metric success: 98 % at 4 and 5 beats 96 %; p99 and amplification tie -> the first, 4.
    w.setMetric("success_rate");
    EXPECT_EQ(w.bestIndex(), std::optional<std::size_t>(4));
    EXPECT_DOUBLE_EQ(w.points()[4].mean.successRate, 0.98);
    EXPECT_DOUBLE_EQ(w.points()[8].mean.successRate, 0.96);
    // A stricter goal leaves (200, ·) only; p99 shown: 200 ms at both -> the first, 4.
    w.setGoal("success >= 97 % and p99 >= 150 ms");
    EXPECT_EQ(w.meetsGoal()[8], false);
    EXPECT_EQ(w.bestIndex(), std::optional<std::size_t>(4));
    // An impossible goal: nothing marked, said so.
    w.setGoal("p99 < 50");
    EXPECT_FALSE(w.bestIndex());
    EXPECT_TRUE(w.bestText().contains("No setting meets")) << w.bestText().toStdString();
    // A goal that does not parse is named, never a crash.
    w.setGoal("p99 <= fast");
    EXPECT_TRUE(w.goalError().contains("clause 1")) << w.goalError().toStdString();
    w.setGoal("success >= 95 % and p99 >= 150 ms");

    QByteArray loaded;
    QObject::connect(&w, &SweepWindow::loadConfiguration,
                     [&](const QByteArray &json) { loaded = json; });
    const QRect cell = w.heatMap()->cellRect(4);
    ASSERT_FALSE(cell.isEmpty());
    EXPECT_EQ(w.heatMap()->cellAt(cell.center()), 4);
    QTest::mouseClick(w.heatMap(), Qt::LeftButton, {}, cell.center());
    ASSERT_FALSE(loaded.isEmpty());
    const auto doc = nlohmann::json::parse(loaded.toStdString());
    EXPECT_EQ(doc["services"]["api"]["latency_ms"]["value"].get<double>(), 200);
    EXPECT_EQ(doc["pipeline"][0]["timeout_ms"].get<double>(), 250);
}

TEST(SweepWindow, CancelStopsWithinASecond)
{
    auto big = flaky();
    big["duration_s"] = 60;
    SweepWindow w(big, "big");
    w.setAxis(0, "load.rate_per_s", 100, 2000, 100, false);
    w.setSeeds(20); // 2000 runs of a minute each: far more than a second of work
    QSignalSpy finished(&w, &SweepWindow::sweepFinished);
    ASSERT_TRUE(w.startSweep()) << w.statusText().toStdString();
    EXPECT_TRUE(w.isRunning());
    QTest::qWait(100);
    QElapsedTimer clock;
    clock.start();
    w.cancelSweep();
    ASSERT_TRUE(finished.wait(1000)) << "not stopped after " << clock.elapsed() << " ms";
    EXPECT_LT(clock.elapsed(), 1000);
    ::testing::Test::RecordProperty("cancel_to_finished_ms", static_cast<int>(clock.elapsed()));
    EXPECT_FALSE(finished.first().first().toBool()); // cancelled, not complete
    EXPECT_FALSE(w.isRunning());
    EXPECT_LT(w.progressBar()->value(), w.progressBar()->maximum());
    EXPECT_EQ(w.progressBar()->maximum(), 2000);
    EXPECT_TRUE(w.statusText().contains("Cancelled")) << w.statusText().toStdString();
}

TEST(SweepWindow, ClosingWhileRunningStopsSafely)
{
    auto big = flaky();
    big["duration_s"] = 60;
    QElapsedTimer clock;
    clock.start();
    {
        auto *w = new SweepWindow(big, "big");
        w->setAttribute(Qt::WA_DeleteOnClose);
        w->setAxis(0, "load.rate_per_s", 100, 2000, 100, false);
        w->setSeeds(20);
        ASSERT_TRUE(w->startSweep());
        w->close(); // cancels; deleted later
    }
    QTest::qWait(50);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    EXPECT_LT(clock.elapsed(), 3000);
}

TEST(SweepWindow, BadFormsAreExplainedNotRun)
{
    SweepWindow w(flaky(), "flaky");
    w.setAxis(0, "pipeline[1].max_retries", 0, 3, 1, false);
    EXPECT_FALSE(w.startSweep());
    EXPECT_TRUE(w.statusText().contains("at least 2 steps")) << w.statusText().toStdString();

    w.setAxis(0, "load.rate_per_s", 0, 100, 5, true);
    EXPECT_FALSE(w.startSweep());
    EXPECT_TRUE(w.statusText().contains("log spacing")) << w.statusText().toStdString();

    w.setAxis(0, "pipeline[7].max_retries", 0, 3, 4, false);
    EXPECT_FALSE(w.startSweep());
    EXPECT_TRUE(w.statusText().contains("pipeline[7]")) << w.statusText().toStdString();

    w.setAxis(0, "pipeline[1].max_retries", 0, 3, 1000, false);
    w.setSecondAxisEnabled(true);
    w.setAxis(1, "load.rate_per_s", 1, 100, 1000, false);
    EXPECT_FALSE(w.startSweep());
    EXPECT_TRUE(w.statusText().contains("too many")) << w.statusText().toStdString();

    w.setAxis(1, "pipeline[1].max_retries", 0, 3, 4, false);
    w.setAxis(0, "pipeline[1].max_retries", 0, 3, 4, false);
    EXPECT_FALSE(w.startSweep());
    EXPECT_TRUE(w.statusText().contains("two different")) << w.statusText().toStdString();
    EXPECT_EQ(w.result(), nullptr);
}

TEST(SweepWindow, OffersTheScenariosNumericParametersByPath)
{
    const std::vector<SweepParameter> params = sweepParameters(flaky());
    std::vector<std::string> paths;
    for (const SweepParameter &p : params)
        paths.push_back(p.path);
    const auto has = [&](const std::string &p) {
        return std::find(paths.begin(), paths.end(), p) != paths.end();
    };
    EXPECT_TRUE(has("load.rate_per_s"));
    EXPECT_TRUE(has("services.api.failure_rate"));
    EXPECT_TRUE(has("services.api.latency_ms.value"));
    EXPECT_TRUE(has("pipeline[0].failure_threshold"));
    EXPECT_TRUE(has("pipeline[1].max_retries"));
    EXPECT_TRUE(has("pipeline[1].base_ms"));
    EXPECT_FALSE(has("target"));
    const AxisPresentation a = axisPresentation(flaky(), "services.api.failure_rate");
    EXPECT_EQ(a.unit, "%");
    EXPECT_DOUBLE_EQ(a.scale, 100);
    EXPECT_TRUE(a.title.startsWith("Service api")) << a.title.toStdString();
}

TEST(SweepWindow, TuneMenuOpensItAndAClickedPointBecomesTheDocument)
{
    MainWindow main;
    ASSERT_TRUE(main.openScenario("preset:flaky-dependency"));
    QAction *action = nullptr;
    for (QAction *m : main.menuBar()->actions()) {
        if (auto *menu = m->menu<QMenu *>()) {
            for (QAction *a : menu->actions()) {
                if (a->objectName() == "parameterSweepAction")
                    action = a;
            }
        }
    }
    ASSERT_NE(action, nullptr);
    action->trigger();
    auto *sweep = main.findChild<SweepWindow *>();
    ASSERT_NE(sweep, nullptr);
    nlohmann::json doc = main.document()->json();
    ASSERT_FALSE(setNumberAtPath(doc, "load.rate_per_s", 77));
    emit sweep->loadConfiguration(QByteArray::fromStdString(doc.dump()));
    EXPECT_EQ(main.document()->value("load.rate_per_s").get<double>(), 77);
    EXPECT_TRUE(main.document()->isModified());
    sweep->close();
}

TEST(SweepWindow, AnEditorFieldsContextMenuSweepsThatParameter)
{
    MainWindow main;
    ASSERT_TRUE(main.openScenario("preset:flaky-dependency"));
    auto *field = main.findChild<ParamField *>("services.inventory.failure_rate");
    ASSERT_NE(field, nullptr);
    QAction *sweepAction = nullptr;
    for (QAction *a : field->actions()) {
        if (a->objectName() == "sweepAction")
            sweepAction = a;
    }
    ASSERT_NE(sweepAction, nullptr);
    EXPECT_EQ(field->contextMenuPolicy(), Qt::ActionsContextMenu);
    sweepAction->trigger();
    auto *sweep = main.findChild<SweepWindow *>();
    ASSERT_NE(sweep, nullptr);
    EXPECT_EQ(sweep->axisPath(0), "services.inventory.failure_rate");
    sweep->close();

    // An editor nobody opens sweeps for (the compare window's) does not offer the action.
    ScenarioDocument doc;
    ScenarioEditor editor(&doc);
    QString error;
    ASSERT_TRUE(doc.open("preset:flaky-dependency", &error));
    auto *plain = editor.findChild<ParamField *>("services.inventory.failure_rate");
    ASSERT_NE(plain, nullptr);
    for (QAction *a : plain->actions())
        EXPECT_NE(a->objectName(), "sweepAction");
}

/// The flaky-dependency preset cut to 10 s (1000 requests a run), so that its sweeps are quick.
nlohmann::json shortFlakyDependency()
{
    const auto preset = findPreset("flaky-dependency");
    EXPECT_TRUE(preset.has_value());
    auto doc = nlohmann::json::parse(std::string(preset ? preset->json : "{}"));
    doc["duration_s"] = 10;
    return doc;
}

// The two windows bench/tools/snapshot_ui saves as pictures, smaller: every point is drawn, and
// the goal region is where the arithmetic puts it.
TEST(SweepSnapshot, LineAndHeatMapOfAPresetShowEveryPointAndTheGoal)
{
    const auto base = shortFlakyDependency();
    {
        SweepWindow w(base, "preset:flaky-dependency");
        w.resize(1220, 780);
        w.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
        w.setAxis(0, "pipeline[0].max_retries", 0, 5, 6, false);
        w.setSeeds(2);
        w.setMetric("success_rate");
        // 20 % of attempts fail: n retries succeed 1 - 0.2^(n+1) of the time, 80 % with none,
        // 96 % with one, 99.84 % with three, 99.99 % with five.
        w.setGoal("success >= 99 %");
        ASSERT_TRUE(runToEnd(w));
        QApplication::processEvents();
        ASSERT_EQ(w.points().size(), 6u);
        EXPECT_EQ(w.result()->results().size(), 12u);
        const SweepLineData &d = w.lineChart()->data();
        ASSERT_EQ(d.x.size(), 6u);
        ASSERT_EQ(d.mean.size(), 6u);
        EXPECT_TRUE(d.showSpread);
        EXPECT_NEAR(d.mean[0], 80, 3);
        EXPECT_NEAR(d.mean[1], 96, 1.5);
        const std::vector<bool> meets = w.meetsGoal();
        ASSERT_EQ(meets.size(), 6u);
        EXPECT_EQ(d.meets, meets);
        EXPECT_FALSE(meets[0]);
        EXPECT_FALSE(meets[1]);
        EXPECT_TRUE(meets[3]);
        EXPECT_TRUE(meets[4]);
        EXPECT_TRUE(meets[5]);
        ASSERT_TRUE(w.bestIndex().has_value());
        EXPECT_TRUE(meets[*w.bestIndex()]);
        EXPECT_EQ(d.best, static_cast<int>(*w.bestIndex()));
        const QImage picture = w.grab().toImage();
        EXPECT_EQ(picture.size(), w.size() * picture.devicePixelRatio());
    }
    {
        SweepWindow w(base, "preset:flaky-dependency");
        w.resize(1220, 780);
        w.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
        w.setAxis(0, "pipeline[1].timeout_ms", 20, 1000, 4, true); // 20, 73.7, 271, 1000 ms
        w.setSecondAxisEnabled(true);
        w.setAxis(1, "services.inventory.failure_rate", 0, 50, 3, false); // 0, 25, 50 %
        w.setSeeds(1);
        w.setMetric("success_rate");
        // A 20 ms timeout cuts most attempts (median 25 ms): far below 99 % at any failure rate.
        // With 1000 ms nearly nothing times out: 100 % at 0 %, 1 - 0.25^4 = 99.6 % at 25 %,
        // 1 - 0.5^4 = 93.75 % at 50 %.
        w.setGoal("success >= 99 %");
        ASSERT_TRUE(runToEnd(w));
        QApplication::processEvents();
        ASSERT_EQ(w.points().size(), 12u);
        const HeatMapData &d = w.heatMap()->data();
        EXPECT_EQ(d.nx, 4);
        EXPECT_EQ(d.ny, 3);
        ASSERT_EQ(d.values.size(), 12u);
        ASSERT_EQ(d.meets.size(), 12u);
        EXPECT_EQ(d.meets, w.meetsGoal());
        for (int iy = 0; iy < 3; ++iy)
            EXPECT_FALSE(d.meets[static_cast<std::size_t>(iy)]) << "20 ms, row " << iy;
        EXPECT_TRUE(d.meets[3 * 3 + 0]);
        EXPECT_TRUE(d.meets[3 * 3 + 1]);
        EXPECT_FALSE(d.meets[3 * 3 + 2]);
        EXPECT_NEAR(d.values[3 * 3 + 2], 93.75, 2.5);
        ASSERT_GE(d.best, 0);
        EXPECT_TRUE(d.meets[static_cast<std::size_t>(d.best)]);
        EXPECT_EQ(w.bestIndex(), std::optional<std::size_t>(static_cast<std::size_t>(d.best)));
        for (int i = 0; i < 12; ++i)
            EXPECT_FALSE(w.heatMap()->cellRect(i).isEmpty()) << i;
        const QImage picture = w.grab().toImage();
        EXPECT_EQ(picture.size(), w.size() * picture.devicePixelRatio());
    }
}

} // namespace
} // namespace reslab::ui
