#include "charts/bucket_window.h"
#include "charts/chart_panel.h"
#include "charts/time_chart.h"
#include "main_window.h"
#include "scenario_document.h"
#include "simulation_controller.h"
#include "tuning/compare_model.h"
#include "tuning/compare_window.h"
#include "tuning/config_export_dialog.h"
#include "tuning/lockstep_clock.h"
#include "views/breaker_diagram.h"

#include "reslab/io/config_export.h"
#include "reslab/io/scenario_io.h"
#include "reslab/model/presets.h"
#include "reslab/model/simulation.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QBrush>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLineSeries>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

namespace reslab::ui {
namespace {

/// The design notes' ResilientService, short: an outage from 5 s to 12 s in a 20 s run.
nlohmann::json shortSeedScenario()
{
    const auto p = findPreset("seed-resilient-service");
    EXPECT_TRUE(p.has_value());
    nlohmann::json doc = nlohmann::json::parse(p ? p->json : "{}");
    doc["duration_s"] = 20;
    doc["services"]["backend"]["phases"] = {{{"at_s", 5}, {"failure_rate", 0.85}},
                                            {{"at_s", 12}, {"failure_rate", 0.02}}};
    return doc;
}

Scenario parsed(const nlohmann::json &doc)
{
    const ScenarioParse parse = parseScenarioText(doc.dump());
    EXPECT_TRUE(parse.ok());
    return parse.scenario.value_or(Scenario{});
}

QString readAll(const QString &path)
{
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
    return QString::fromUtf8(f.readAll());
}

void expectSameRows(const std::vector<BucketRow> &a, const std::vector<BucketRow> &b, std::size_t n)
{
    ASSERT_GE(a.size(), n);
    ASSERT_GE(b.size(), n);
    for (std::size_t i = 0; i < n; ++i) {
        const BucketRow &x = a[i];
        const BucketRow &y = b[i];
        EXPECT_EQ(x.start, y.start) << i;
        EXPECT_EQ(x.arrivals, y.arrivals) << i;
        EXPECT_EQ(x.success, y.success) << i;
        EXPECT_EQ(x.fallback, y.fallback) << i;
        EXPECT_EQ(x.failure, y.failure) << i;
        EXPECT_EQ(x.attempts, y.attempts) << i;
        EXPECT_EQ(x.retries, y.retries) << i;
        EXPECT_EQ(x.rejected, y.rejected) << i;
        EXPECT_EQ(x.transitions, y.transitions) << i;
        EXPECT_EQ(x.p50Ms, y.p50Ms) << i;
        EXPECT_EQ(x.p99Ms, y.p99Ms) << i;
        EXPECT_EQ(x.breakerState, y.breakerState) << i;
        EXPECT_EQ(x.breakerTime, y.breakerTime) << i;
        EXPECT_EQ(x.inFlight, y.inFlight) << i;
        EXPECT_EQ(x.queueLen, y.queueLen) << i;
        EXPECT_EQ(x.utilization, y.utilization) << i;
    }
}

QLineSeries *line(const ChartPanel *panel, const QString &chart, const QString &name)
{
    auto *v = panel->findChild<QChartView *>(chart);
    if (!v)
        return nullptr;
    for (QAbstractSeries *s : v->chart()->series())
        if (s->name() == name)
            return qobject_cast<QLineSeries *>(s);
    return nullptr;
}

TEST(CompareWindow, StartsWithTwoCopiesOfTheScenarioOnOneSeed)
{
    const nlohmann::json doc = shortSeedScenario();
    CompareWindow w(doc, "preset:seed-resilient-service");
    EXPECT_EQ(w.documentA()->json(), doc);
    EXPECT_EQ(w.documentB()->json(), doc);
    ASSERT_NE(w.controllerA()->simulation(), nullptr);
    ASSERT_NE(w.controllerB()->simulation(), nullptr);
    EXPECT_EQ(w.seed(), 42u);
    EXPECT_EQ(w.controllerA()->simulation()->seed(), 42u);
    EXPECT_EQ(w.controllerB()->simulation()->seed(), 42u);
    ASSERT_EQ(w.editorTabs()->count(), 2);
    EXPECT_EQ(w.editorTabs()->tabText(0), "Edit A");
    EXPECT_EQ(w.editorTabs()->tabText(1), "Edit B");
    EXPECT_EQ(w.editorTabs()->currentIndex(), 1);
    EXPECT_TRUE(w.breakerA()->hasBreaker());
    EXPECT_TRUE(w.breakerB()->hasBreaker());
    EXPECT_TRUE(w.findChild<QLabel *>("titleA")->text().startsWith("A — "));
    EXPECT_TRUE(w.findChild<QLabel *>("titleB")->text().startsWith("B — "));
}

TEST(CompareWindow, OneSeedForBothRunsWhereverItIsChanged)
{
    CompareWindow w(shortSeedScenario(), "test");
    w.setSeed(7);
    EXPECT_EQ(w.seed(), 7u);
    EXPECT_EQ(w.controllerA()->simulation()->seed(), 7u);
    EXPECT_EQ(w.controllerB()->simulation()->seed(), 7u);
    // A seed typed into B's editor is the seed of both runs.
    w.documentB()->setValue("seed", 9);
    w.restartRuns();
    EXPECT_EQ(w.seed(), 9u);
    EXPECT_EQ(w.controllerA()->simulation()->seed(), 9u);
    EXPECT_EQ(w.controllerB()->simulation()->seed(), 9u);
    EXPECT_EQ(w.findChild<QSpinBox *>("seed")->value(), 9);
    // Other edits leave it alone.
    w.documentA()->setValue("load.rate_per_s", 150);
    w.restartRuns();
    EXPECT_EQ(w.seed(), 9u);
    EXPECT_EQ(w.controllerA()->simulation()->seed(), 9u);
}

TEST(CompareWindow, IdenticalConfigsGiveIdenticalResults)
{
    CompareWindow w(shortSeedScenario(), "test");
    w.charts()->setWholeRun(true);
    w.clock()->advanceTo(fromSeconds(15));
    const Simulation *a = w.controllerA()->simulation();
    const Simulation *b = w.controllerB()->simulation();
    EXPECT_EQ(a->now(), fromSeconds(15));
    EXPECT_EQ(b->now(), fromSeconds(15));

    // Every bucket alike, field by field, and the difference table all zeros.
    ASSERT_EQ(a->recorder().rows().size(), b->recorder().rows().size());
    expectSameRows(a->recorder().rows(), b->recorder().rows(), a->recorder().rows().size());
    EXPECT_GT(a->summary().requests, 2000u);
    EXPECT_GT(a->summary().breakerTransitions, 0u) << "the outage should move the breaker";
    const CompareModel *m = w.model();
    ASSERT_TRUE(m->hasRuns());
    ASSERT_EQ(m->rowCount(), 8);
    for (int row = 0; row < m->rowCount(); ++row) {
        EXPECT_EQ(m->value(row, CompareModel::A), m->value(row, CompareModel::B)) << row;
        EXPECT_EQ(m->value(row, CompareModel::Delta), 0.0) << row;
        EXPECT_EQ(m->value(row, CompareModel::Relative), 0.0) << row;
        EXPECT_EQ(m->verdict(row), 0) << row;
        EXPECT_FALSE(m->data(m->index(row, CompareModel::Delta), Qt::ForegroundRole).isValid());
    }

    // The overlaid charts draw the same points for both.
    for (const auto &[chart, name] :
         {std::pair{"latency", "p99"}, std::pair{"attempts", "attempts"},
          std::pair{"throughput", "success"}, std::pair{"breaker", "open"}}) {
        QLineSeries *la = line(w.charts(), chart, QString("A: ") + name);
        QLineSeries *lb = line(w.charts(), chart, QString("B: ") + name);
        ASSERT_TRUE(la && lb) << chart;
        EXPECT_GT(la->count(), 0) << chart;
        EXPECT_EQ(la->points(), lb->points()) << chart;
        EXPECT_EQ(la->pen().style(), Qt::SolidLine);
        EXPECT_EQ(lb->pen().style(), Qt::DashLine);
    }
}

TEST(CompareWindow, OverlayLegendNamesBothRunsAndTheHoverTextGivesBoth)
{
    CompareWindow w(shortSeedScenario(), "test");
    w.clock()->advanceTo(fromSeconds(6));
    for (const QString &name : w.charts()->chartNames()) {
        auto *v = w.charts()->findChild<QChartView *>(name);
        ASSERT_NE(v, nullptr);
        // Only the overlay's series are visible, and so in the legend (Qt hides the marker of
        // a hidden series).
        int shown = 0;
        for (QAbstractSeries *series : v->chart()->series()) {
            if (!series->isVisible())
                continue;
            ++shown;
            EXPECT_TRUE(series->name().startsWith("A: ") || series->name().startsWith("B: "))
                << name.toStdString() << ": " << series->name().toStdString();
        }
        EXPECT_GE(shown, 4) << name.toStdString();
    }
    auto *latency = w.charts()->findChild<TimeChart *>("latency");
    ASSERT_NE(latency, nullptr);
    const QString hover = latency->describeAt(2.5);
    EXPECT_TRUE(hover.startsWith("A:\nt = 2 – 3 s")) << hover.toStdString();
    EXPECT_TRUE(hover.contains("\n\nB:\nt = 2 – 3 s")) << hover.toStdString();
}

TEST(CompareWindow, TheClockKeepsBothRunsAtTheSameTime)
{
    CompareWindow w(shortSeedScenario(), "test");
    LockstepClock *clock = w.clock();
    clock->setSpeed(50);
    clock->play();
    ASSERT_TRUE(clock->isPlaying());
    for (int i = 0; i < 10; ++i) {
        clock->tick(16);
        EXPECT_EQ(w.controllerA()->now(), w.controllerB()->now());
    }
    EXPECT_GT(clock->now(), 0);
    clock->runToEnd();
    for (int i = 0; i < 10000 && !clock->isFinished(); ++i)
        clock->tick(16);
    EXPECT_TRUE(clock->isFinished());
    EXPECT_FALSE(clock->isPlaying());
    EXPECT_EQ(w.controllerA()->now(), w.controllerB()->now());
    EXPECT_EQ(clock->now(), fromSeconds(20));

    clock->reset();
    EXPECT_EQ(w.controllerA()->now(), 0);
    EXPECT_EQ(w.controllerB()->now(), 0);
}

TEST(CompareWindow, WhenTheEnginesCannotKeepUpBothRunsSlowDownAlike)
{
    CompareWindow w(shortSeedScenario(), "test");
    LockstepClock *clock = w.clock();
    clock->setFrameBudgetMs(1e-6); // nothing fits: the clock must hold back
    clock->setSpeed(1000);
    clock->play();
    clock->tick(100); // asks for 100 virtual seconds in one frame
    EXPECT_TRUE(clock->lagging());
    EXPECT_GT(clock->now(), 0);
    EXPECT_LT(clock->now(), fromSeconds(20));
    EXPECT_EQ(w.controllerA()->now(), w.controllerB()->now());
    const SimTime first = clock->now();
    clock->tick(100);
    EXPECT_EQ(w.controllerA()->now(), w.controllerB()->now());
    EXPECT_LT(clock->now() - first, first) << "the step shrinks after an over-budget frame";
    clock->pause();
    EXPECT_FALSE(clock->lagging());
}

TEST(CompareWindow, FewerRetriesInBChangeBButNotTheTraffic)
{
    // No outage: the breakers stay closed and every request reaches the service.
    nlohmann::json doc = shortSeedScenario();
    doc["services"]["backend"].erase("phases");
    CompareWindow w(doc, "test");
    ASSERT_EQ(w.documentB()->value("pipeline[4].max_retries"), 3);
    w.documentB()->setValue("pipeline[4].max_retries", 0);
    ASSERT_TRUE(w.documentB()->errors().empty());
    w.restartRuns();
    w.clock()->advanceTo(fromSeconds(15));
    const Simulation *a = w.controllerA()->simulation();
    const Simulation *b = w.controllerB()->simulation();
    EXPECT_EQ(b->retries().size(), 1u);

    // Same arrivals in every bucket (common random numbers)...
    const std::size_t n = closedRowCount(*a);
    ASSERT_EQ(n, 15u);
    for (std::size_t i = 0; i < n; ++i)
        EXPECT_EQ(a->recorder().rows()[i].arrivals, b->recorder().rows()[i].arrivals) << i;
    // ...A exactly as if it ran alone...
    RunOptions options;
    options.seed = 42;
    Simulation alone(parsed(doc), options);
    alone.advanceTo(fromSeconds(15));
    expectSameRows(alone.recorder().rows(), a->recorder().rows(), n);
    // ...and B without retries: no amplification, so lower than A's.
    const CompareModel *m = w.model();
    const int amp = 6;
    ASSERT_EQ(CompareModel::metrics()[amp].key, "amplification");
    EXPECT_GT(m->value(amp, CompareModel::A), 1.0);
    EXPECT_LE(m->value(amp, CompareModel::B), 1.0);
    EXPECT_EQ(b->summary().retries, 0u);
    EXPECT_LT(m->value(amp, CompareModel::Delta), 0.0);
    EXPECT_EQ(m->value(amp, CompareModel::Delta),
              m->value(amp, CompareModel::B) - m->value(amp, CompareModel::A));
    EXPECT_EQ(m->verdict(amp), 1) << "less amplification is better";
    EXPECT_EQ(
        m->data(m->index(amp, CompareModel::Delta), Qt::ForegroundRole).value<QBrush>().color(),
        QColor(0x2e, 0x7d, 0x32));
    EXPECT_DOUBLE_EQ(m->value(amp, CompareModel::A), a->summary().amplification);
}

TEST(CompareWindow, AHigherBreakerThresholdInBKeepsItOpenLess)
{
    CompareWindow w(shortSeedScenario(), "test");
    w.documentB()->setValue("pipeline[1].failure_threshold", 40);
    w.restartRuns();
    EXPECT_EQ(w.statusBar()->currentMessage(),
              "B differs from A in: pipeline[1].failure_threshold: 5 → 40");
    w.clock()->advanceTo(fromSeconds(20));
    ASSERT_TRUE(w.clock()->isFinished());
    const Simulation *a = w.controllerA()->simulation();
    const Simulation *b = w.controllerB()->simulation();
    for (std::size_t i = 0; i < 20; ++i)
        EXPECT_EQ(a->recorder().rows()[i].arrivals, b->recorder().rows()[i].arrivals) << i;

    const CompareModel *m = w.model();
    const int open = 7;
    const int rejected = 3;
    ASSERT_EQ(CompareModel::metrics()[open].key, "open_fraction");
    ASSERT_EQ(CompareModel::metrics()[rejected].key, "rejected_rate");
    EXPECT_GT(m->value(open, CompareModel::A), 0.0);
    EXPECT_LT(m->value(open, CompareModel::Delta), 0.0);
    EXPECT_LT(m->value(rejected, CompareModel::Delta), 0.0);
    EXPECT_EQ(m->value(open, CompareModel::A), metricsOf(a->summary()).openFraction);
    EXPECT_EQ(m->value(open, CompareModel::B), metricsOf(b->summary()).openFraction);
}

TEST(CompareModel, ComputesDeltasAndColoursThemByTheMetricsDirection)
{
    CompareModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_FALSE(model.hasRuns());
    EXPECT_EQ(model.data(model.index(0, 0)).toString(), "—");
    EXPECT_TRUE(std::isnan(model.value(0, CompareModel::Delta)));

    RunMetrics a, b;
    a.successRate = 0.90;
    b.successRate = 0.95;
    a.p99Ms = 200;
    b.p99Ms = 250;
    a.amplification = 1.5;
    b.amplification = 1.5;
    a.rejectedRate = 0;
    b.rejectedRate = 0.01;
    model.setRuns(a, b);
    ASSERT_EQ(model.columnCount(), 4);
    EXPECT_EQ(model.headerData(0, Qt::Horizontal).toString(), "A");
    EXPECT_EQ(model.headerData(2, Qt::Horizontal).toString(), "Δ (B − A)");
    EXPECT_EQ(model.headerData(0, Qt::Vertical).toString(), "success %");

    const auto rowOf = [](const std::string &key) {
        const auto &ms = CompareModel::metrics();
        for (std::size_t i = 0; i < ms.size(); ++i)
            if (ms[i].key == key)
                return static_cast<int>(i);
        return -1;
    };
    const int success = rowOf("success_rate"), p99 = rowOf("p99_ms"), amp = rowOf("amplification"),
              rejected = rowOf("rejected_rate");
    for (const std::string key : {"success_rate", "failure_rate", "fallback_rate", "rejected_rate",
                                  "p50_ms", "p99_ms", "amplification", "open_fraction"})
        EXPECT_GE(rowOf(key), 0) << key;

    EXPECT_DOUBLE_EQ(model.value(success, CompareModel::Delta), 0.95 - 0.90);
    EXPECT_DOUBLE_EQ(model.value(success, CompareModel::Relative), (0.95 - 0.90) / 0.90);
    EXPECT_EQ(model.verdict(success), 1);
    EXPECT_EQ(model.data(model.index(success, CompareModel::A)).toString(), "90.00 %");
    EXPECT_EQ(model.data(model.index(success, CompareModel::Delta)).toString(), "+5.00 pp");
    EXPECT_EQ(model.data(model.index(success, CompareModel::Relative)).toString(), "+5.6 %");
    EXPECT_DOUBLE_EQ(
        model.data(model.index(success, CompareModel::Delta), CompareModel::RawValueRole)
            .toDouble(),
        0.95 - 0.90);

    EXPECT_EQ(model.verdict(p99), -1); // higher latency is worse
    EXPECT_EQ(model.data(model.index(p99, CompareModel::Delta)).toString(), "+50.0 ms");
    EXPECT_EQ(model.data(model.index(p99, CompareModel::Delta), Qt::ForegroundRole)
                  .value<QBrush>()
                  .color(),
              QColor(0xc6, 0x28, 0x28));
    EXPECT_EQ(model.verdict(amp), 0);
    EXPECT_EQ(model.data(model.index(amp, CompareModel::Delta)).toString(), "0.000×");
    // From zero there is no relative change.
    EXPECT_TRUE(std::isnan(model.value(rejected, CompareModel::Relative)));
    EXPECT_EQ(model.data(model.index(rejected, CompareModel::Relative)).toString(), "—");
    EXPECT_EQ(model.verdict(rejected), -1);

    model.clear();
    EXPECT_FALSE(model.hasRuns());
    model.setRuns(b, a);
    EXPECT_EQ(model.verdict(success), -1);
}

TEST(CompareWindow, ModelPassesTheItemModelTesterWhileRunning)
{
    CompareWindow w(shortSeedScenario(), "test");
    QAbstractItemModelTester tester(w.model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    w.clock()->advanceTo(fromSeconds(3));
    w.documentB()->setValue("pipeline[4].max_retries", 1);
    w.restartRuns();
    w.clock()->advanceTo(fromSeconds(4));
    EXPECT_TRUE(w.model()->hasRuns());
}

TEST(CompareWindow, ExportsTheDifferenceTableAndBothTimeseriesAsCsv)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    CompareWindow w(shortSeedScenario(), "test");
    w.documentB()->setValue("pipeline[4].max_retries", 0);
    w.restartRuns();
    w.clock()->advanceTo(fromSeconds(5));

    QString error;
    const QString diff = dir.filePath("differences.csv");
    ASSERT_TRUE(w.exportDifferenceCsv(diff, &error)) << error.toStdString();
    const QStringList lines = readAll(diff).split('\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 9);
    EXPECT_EQ(lines[0], "metric,unit,a,b,delta,relative_change,better");
    EXPECT_TRUE(lines[1].startsWith("success_rate,fraction,")) << lines[1].toStdString();
    EXPECT_TRUE(lines[1].endsWith(",higher"));
    const QStringList amp = lines[7].split(',');
    ASSERT_EQ(amp.size(), 7);
    EXPECT_EQ(amp[0], "amplification");
    EXPECT_EQ(amp[1], "ratio");
    EXPECT_LE(amp[3].toDouble(), 1.0); // B: no retries
    EXPECT_LT(amp[4].toDouble(), 0.0);
    EXPECT_DOUBLE_EQ(amp[2].toDouble(), w.controllerA()->simulation()->summary().amplification);
    EXPECT_EQ(amp[6], "lower");

    const QString ts = dir.filePath("timeseries.csv");
    ASSERT_TRUE(w.exportTimeseriesCsv(ts, &error)) << error.toStdString();
    const QStringList rows = readAll(ts).split('\n', Qt::SkipEmptyParts);
    ASSERT_EQ(rows.size(), 1 + 5 + 5);
    EXPECT_TRUE(rows[0].startsWith("run,t_s,arrivals,success,fallback,failure,attempts,retries,"))
        << rows[0].toStdString();
    EXPECT_TRUE(rows[1].startsWith("A,0,"));
    EXPECT_TRUE(rows[5].startsWith("A,4,"));
    EXPECT_TRUE(rows[6].startsWith("B,0,"));
    // Same arrivals in A and B, bucket by bucket.
    for (int i = 1; i <= 5; ++i)
        EXPECT_EQ(rows[i].split(',')[2], rows[i + 5].split(',')[2]) << i;

    // A failing write says why and changes nothing.
    const QString bad = dir.filePath("missing/dir/differences.csv");
    error.clear();
    EXPECT_FALSE(w.exportDifferenceCsv(bad, &error));
    EXPECT_TRUE(error.contains(bad)) << error.toStdString();
    EXPECT_FALSE(QFile::exists(bad));
    EXPECT_FALSE(w.exportTimeseriesCsv(bad, &error));
}

TEST(CompareWindow, ExportsTheComparisonAsImages)
{
    QTemporaryDir dir;
    CompareWindow w(shortSeedScenario(), "test");
    w.resize(1600, 1000);
    w.clock()->advanceTo(fromSeconds(8));
    QString error;
    for (const char *name : {"comparison.png", "comparison.svg", "comparison.pdf"}) {
        const QString path = dir.filePath(name);
        ASSERT_TRUE(w.exportImage(path, &error)) << name << ": " << error.toStdString();
        EXPECT_GT(QFile(path).size(), 1000) << name;
    }
    EXPECT_TRUE(w.exportCharts(dir.filePath("charts.svg"), &error)) << error.toStdString();
    EXPECT_FALSE(w.exportImage(dir.filePath("nope/comparison.png"), &error));
    EXPECT_TRUE(error.contains("nope")) << error.toStdString();
}

TEST(ConfigExportDialog, ShowsTheEnginesExporterOutputForBothFormats)
{
    const Scenario s = parsed(shortSeedScenario());
    ConfigExportDialog dialog(s, "A");
    EXPECT_EQ(dialog.format(), ConfigExportDialog::Format::Resilience4j);
    EXPECT_EQ(dialog.text(), QString::fromStdString(exportResilience4jYaml(s)));
    EXPECT_TRUE(dialog.preview()->isReadOnly());
    EXPECT_EQ(dialog.suggestedFileName(), "application.yml");
    dialog.setFormat(ConfigExportDialog::Format::Polly);
    EXPECT_EQ(dialog.text(), QString::fromStdString(exportPollyCSharp(s)));
    EXPECT_EQ(dialog.suggestedFileName(), "ResiliencePipeline.cs");
    dialog.formatBox()->setCurrentIndex(0);
    EXPECT_EQ(dialog.text(), QString::fromStdString(exportResilience4jYaml(s)));

    dialog.copyToClipboard();
    EXPECT_EQ(QGuiApplication::clipboard()->text(), dialog.text());

    QTemporaryDir dir;
    const QString path = dir.filePath("application.yml");
    QString error;
    ASSERT_TRUE(dialog.saveTo(path, &error)) << error.toStdString();
    EXPECT_EQ(readAll(path), dialog.text());
}

TEST(ConfigExportDialog, AFailedSaveSaysWhyAndKeepsTheText)
{
    const Scenario s = parsed(shortSeedScenario());
    ConfigExportDialog dialog(s, "B");
    const QString before = dialog.text();
    QTemporaryDir dir;
    const QString bad = dir.filePath("no/such/dir/application.yml");
    QString error;
    EXPECT_FALSE(dialog.saveTo(bad, &error));
    EXPECT_TRUE(error.contains(bad)) << error.toStdString();
    EXPECT_TRUE(dialog.statusLabel()->text().contains("Cannot write"));
    EXPECT_EQ(dialog.text(), before);
    EXPECT_FALSE(QFile::exists(bad));
}

TEST(CompareWindow, OpensFromTheMainWindowsTuneMenu)
{
    MainWindow main;
    ASSERT_TRUE(main.openScenario("preset:outage-and-recovery"));
    QAction *compare = nullptr;
    QAction *library = nullptr;
    for (QAction *menu : main.menuBar()->actions()) {
        if (!menu->menu())
            continue;
        for (QAction *a : menu->menu()->actions()) {
            if (a->text() == "Compare &A/B…")
                compare = a;
            if (a->menu())
                for (QAction *sub : a->menu()->actions())
                    if (sub->text() == "Library configuration (resilience4j / Polly)…")
                        library = sub;
        }
        if (menu->text() == "&Tune") {
            EXPECT_NE(compare, nullptr);
        }
    }
    ASSERT_NE(compare, nullptr);
    EXPECT_EQ(compare->shortcut(), QKeySequence("Ctrl+Shift+B"));
    ASSERT_NE(library, nullptr);

    CompareWindow *w = main.openCompare();
    ASSERT_NE(w, nullptr);
    EXPECT_FALSE(w->isModal());
    EXPECT_EQ(w->documentA()->json(), main.document()->json());
    EXPECT_EQ(w->documentB()->json(), main.document()->json());
    // Editing B leaves the main window's scenario alone.
    w->documentB()->setValue("pipeline[1].failure_threshold", 9);
    EXPECT_EQ(main.document()->value("pipeline[1].failure_threshold"), 5);

    ConfigExportDialog *d = main.showLibraryConfiguration();
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->text(),
              QString::fromStdString(exportResilience4jYaml(*main.document()->scenario())));
    ConfigExportDialog *db = w->showLibraryConfiguration(true);
    ASSERT_NE(db, nullptr);
    EXPECT_EQ(db->text(),
              QString::fromStdString(exportResilience4jYaml(*w->documentB()->scenario())));
    w->close();
    d->close();
}

} // namespace
} // namespace reslab::ui
