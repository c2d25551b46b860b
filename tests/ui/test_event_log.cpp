// The event-log model and its view: structurally sound under QAbstractItemModelTester while it
// fills, trims and resets; its rows are the engine's own most recent events (checked against a
// replay written by the events.csv writer); the cap holds; the kind filter filters; a hot edit
// does not repeat a frame; the main window docks it.
#include "main_window.h"
#include "simulation_controller.h"
#include "ui_runs.h"
#include "views/event_log_model.h"
#include "views/event_log_view.h"
#include "views/summary_model.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace reslab::ui {
namespace {
using namespace reslab::ui::test;

std::vector<std::string> modelCsv(const EventLogModel &m)
{
    std::vector<std::string> lines;
    for (int r = 0; r < m.rowCount(); ++r)
        lines.push_back(m.csvLine(r));
    return lines;
}

TEST(EventLogModel, PassesTheModelTesterWhileFilledTrimmedAndReset)
{
    SimulationController c;
    c.load(preset("seed-resilient-service"));
    EventLogModel model(100); // small: every frame trims
    model.follow(&c);
    EventKindFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester modelTester(&model,
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester filterTester(&filter,
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);

    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_EQ(model.columnCount(), 6);
    c.setSpeed(1.0);
    c.tick(5); // a few events: filling
    EXPECT_GT(model.rowCount(), 0);
    EXPECT_LT(model.rowCount(), 100);
    play(c, 30, 10.0); // hundreds per frame: trimmed from the top every frame
    EXPECT_EQ(model.rowCount(), 100);
    filter.showOnly(EventKind::AttemptEnd);
    play(c, 10, 10.0);
    filter.showAll();
    play(c, 5, 1.0);
    EXPECT_EQ(model.rowCount(), 100);

    c.reset(); // a new run: empty
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_EQ(model.seen(), 0u);
    c.stepEvent(); // one engine event: an arrival, which publishes a few events
    EXPECT_GT(model.rowCount(), 0);
    EXPECT_EQ(static_cast<std::size_t>(model.rowCount()), c.frameEvents().events().size());
    play(c, 10, 10.0);
    EXPECT_EQ(model.rowCount(), 100);
}

TEST(EventLogModel, LastRowsAreTheEnginesEventsAndTheCapHolds)
{
    SimulationController c;
    c.load(preset("seed-resilient-service")); // 200 req/s
    EventLogModel model;                      // the GUI's cap, 2000
    model.follow(&c);
    ASSERT_EQ(model.capacity(), 2000);

    play(c, 60, 10.0); // 60 frames x 16.7 ms x 10 = 10.02 virtual seconds
    ASSERT_EQ(c.now(), 60 * 167 * kMicrosPerMilli);
    const std::vector<std::string> engine = replayCsv(c);
    ASSERT_GT(engine.size(), 4000u); // the cap must have bitten
    EXPECT_EQ(model.rowCount(), 2000);
    EXPECT_EQ(model.seen(), engine.size());
    EXPECT_EQ(model.missed(), 0u);
    EXPECT_EQ(modelCsv(model), tail(engine, 2000));

    // Display strings are the events.csv fields.
    const int last = model.rowCount() - 1;
    QStringList fields;
    for (int col = 0; col < model.columnCount(); ++col)
        fields << model.index(last, col).data().toString();
    EXPECT_EQ(fields.join(',').toStdString(), engine.back());
    EXPECT_EQ(model.headerData(0, Qt::Horizontal).toString(), "t_ms");
    EXPECT_EQ(model.headerData(5, Qt::Horizontal).toString(), "detail");

    // Single steps append one event at a time and keep the cap.
    for (int i = 0; i < 5; ++i)
        c.stepEvent();
    EXPECT_EQ(model.rowCount(), 2000);
    EXPECT_EQ(modelCsv(model), tail(replayCsv(c), 2000));
}

TEST(EventLogModel, AHotEditDoesNotRepeatTheLastFrame)
{
    SimulationController c;
    Scenario s = preset("seed-resilient-service");
    c.load(s);
    EventLogModel model;
    model.follow(&c);
    play(c, 3, 1.0);
    const int rows = model.rowCount();
    ASSERT_GT(rows, 0);
    s.services.begin()->second.failureRate = 0.5;
    c.apply(s, true); // emits frameAdvanced without running the engine
    EXPECT_EQ(model.rowCount(), rows);
    play(c, 3, 1.0);
    EXPECT_EQ(modelCsv(model), tail(replayCsv(c), 2000));
}

TEST(EventLogModel, KindFilterShowsOnlyThatKind)
{
    SimulationController c;
    c.load(preset("outage-and-recovery"));
    EventLogView view(&c);
    EventLogModel *model = view.model();
    EventKindFilter *filter = view.filter();
    play(c, 200, 10.0); // 33 s: the outage has started, the breaker has opened

    auto countKind = [&](EventKind k) {
        int n = 0;
        for (int r = 0; r < model->rowCount(); ++r)
            n += model->index(r, 0).data(EventLogModel::KindRole).toInt() == static_cast<int>(k);
        return n;
    };
    ASSERT_EQ(filter->rowCount(), model->rowCount()); // all kinds by default

    view.kindBox()->setCurrentIndex(view.kindBox()->findText("attempt_end"));
    const int ends = countKind(EventKind::AttemptEnd);
    ASSERT_GT(ends, 0);
    EXPECT_EQ(filter->rowCount(), ends);
    for (int r = 0; r < filter->rowCount(); ++r)
        ASSERT_EQ(filter->index(r, EventLogModel::Kind).data().toString(), "attempt_end");

    // The filter follows new frames.
    play(c, 5, 10.0);
    EXPECT_EQ(filter->rowCount(), countKind(EventKind::AttemptEnd));

    view.kindBox()->setCurrentIndex(view.kindBox()->findText("breaker_rejected"));
    EXPECT_EQ(filter->rowCount(), countKind(EventKind::BreakerRejected));
    EXPECT_GT(filter->rowCount(), 0);
    for (int r = 0; r < filter->rowCount(); ++r)
        ASSERT_EQ(filter->index(r, EventLogModel::Detail).data().toString(), "open");

    view.kindBox()->setCurrentIndex(0); // all kinds
    EXPECT_EQ(filter->rowCount(), model->rowCount());
}

TEST(EventLogModel, MainWindowDocksTheLogAndFollowsTheRun)
{
    MainWindow window;
    ASSERT_TRUE(window.openScenario("preset:seed-resilient-service"));
    window.show();
    EventLogView *log = window.eventLog();
    ASSERT_NE(log, nullptr);
    auto *dock = window.findChild<QDockWidget *>("eventLogDock");
    ASSERT_NE(dock, nullptr);
    auto *summaryDock = window.findChild<QDockWidget *>("summaryDock");
    ASSERT_NE(summaryDock, nullptr);
    // Closed at start (the animated views get the height); the View menu opens both.
    EXPECT_FALSE(dock->isVisible());
    EXPECT_FALSE(summaryDock->isVisible());
    auto *showLog = window.findChild<QAction *>("showEventLog");
    auto *showSummary = window.findChild<QAction *>("showSummary");
    ASSERT_NE(showLog, nullptr);
    ASSERT_NE(showSummary, nullptr);
    showLog->trigger();
    showSummary->trigger();
    QApplication::processEvents();
    EXPECT_TRUE(dock->isVisible());
    EXPECT_EQ(window.dockWidgetArea(dock), Qt::BottomDockWidgetArea);

    play(*window.controller(), 30, 10.0);
    EXPECT_EQ(log->model()->rowCount(), EventLogModel::kDefaultCapacity);
    // Follow keeps the newest row in sight.
    QTableView *table = log->table();
    const QModelIndex newest = log->filter()->index(log->filter()->rowCount() - 1, 0);
    EXPECT_TRUE(table->viewport()->rect().intersects(table->visualRect(newest)));

    // The summary sits beside the log and shows the engine's numbers.
    EXPECT_TRUE(summaryDock->isVisible());
    EXPECT_EQ(window.dockWidgetArea(summaryDock), Qt::BottomDockWidgetArea);
    EXPECT_TRUE(window.tabifiedDockWidgets(dock).isEmpty());
    EXPECT_GT(summaryDock->x(), dock->x());
    SummaryModel *summary = window.summaryModel();
    summary->refresh();
    EXPECT_EQ(summary->value(summary->rowOf("requests")),
              static_cast<double>(window.controller()->simulation()->summary().requests));

    window.controller()->reset();
    EXPECT_EQ(log->model()->rowCount(), 0);
}

TEST(EventLogView, RepaintsItsRowsAtMostEveryKRepaintMsAndShowsTheLastChange)
{
    SimulationController c;
    c.load(preset("seed-resilient-service"));
    EventLogView view(&c);
    view.resize(900, 300);
    view.show();
    QWidget *rows = view.table()->viewport();
    play(c, 1, 10.0); // the first change paints at once
    EXPECT_TRUE(rows->updatesEnabled());
    play(c, 3, 10.0); // the next ones, right after it, wait
    EXPECT_FALSE(rows->updatesEnabled());
    // The model itself is current.
    EXPECT_EQ(static_cast<std::size_t>(view.model()->rowCount()), replayCsv(c).size());
    // Within kRepaintMs the rows are repainted as they are now.
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return rows->updatesEnabled(); }, 10 * EventLogView::kRepaintMs));
    const QModelIndex newest = view.filter()->index(view.filter()->rowCount() - 1, 0);
    EXPECT_TRUE(rows->rect().intersects(view.table()->visualRect(newest)));
}

} // namespace
} // namespace reslab::ui
