// The live summary table: structurally sound under QAbstractItemModelTester, and its values are
// the engine's Summary (the numbers summary.json writes), zeroed by a new run.
#include "simulation_controller.h"
#include "ui_runs.h"
#include "views/summary_model.h"

#include <QAbstractItemModelTester>

#include <gtest/gtest.h>

namespace reslab::ui {
namespace {
using namespace reslab::ui::test;

TEST(SummaryModel, PassesTheModelTesterAndShowsTheEnginesSummary)
{
    SimulationController c;
    c.load(preset("outage-and-recovery"));
    SummaryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.follow(&c);
    ASSERT_EQ(model.columnCount(), 3);
    EXPECT_EQ(model.headerData(0, Qt::Horizontal).toString(), "metric");

    play(c, 240, 10.0); // 40 s: the outage (30-70 s) has opened the breaker
    model.refresh();    // not playing: every frame refreshes anyway
    const Summary s = c.simulation()->summary();
    auto value = [&](const char *key) {
        const int row = model.rowOf(key);
        EXPECT_GE(row, 0) << key;
        return model.index(row, SummaryModel::Value).data(SummaryModel::ValueRole).toDouble();
    };
    EXPECT_EQ(value("requests"), static_cast<double>(s.requests));
    EXPECT_EQ(value("success"), static_cast<double>(s.success));
    EXPECT_EQ(value("fallback"), static_cast<double>(s.fallback));
    EXPECT_EQ(value("failed_total"), static_cast<double>(s.failure));
    EXPECT_EQ(value("attempts"), static_cast<double>(s.attempts));
    EXPECT_EQ(value("amplification"), s.amplification);
    EXPECT_EQ(value("latency_ms.p99"), s.latencyP99);
    EXPECT_EQ(value("breaker.transitions"), static_cast<double>(s.breakerTransitions));
    EXPECT_EQ(value("breaker.rejected"), static_cast<double>(s.breakerRejected));
    EXPECT_GT(value("breaker.rejected"), 0.0);
    EXPECT_EQ(value("breaker.time_in_state_s.open"), s.timeInStateS[1]);
    EXPECT_EQ(value("events_processed"), static_cast<double>(s.eventsProcessed));
    EXPECT_NEAR(value("fallback_rate"), 100.0 * s.fallback / s.requests, 1e-9);
    const int reqRow = model.rowOf("requests");
    EXPECT_EQ(model.index(reqRow, SummaryModel::Value).data().toString(),
              QString::number(s.requests));
    EXPECT_EQ(model.index(model.rowOf("latency_ms.p99"), SummaryModel::Unit).data().toString(),
              "ms");

    c.reset();
    EXPECT_EQ(value("requests"), 0.0);
    play(c, 10, 10.0);
    EXPECT_EQ(value("requests"), static_cast<double>(c.simulation()->summary().requests));
}

TEST(SummaryModel, BreakerRowsSayDashWithoutABreaker)
{
    SimulationController c;
    c.load(preset("retry-storm")); // retries, no breaker
    SummaryModel model;
    model.follow(&c);
    play(c, 5, 1.0);
    EXPECT_EQ(
        model.index(model.rowOf("breaker.transitions"), SummaryModel::Value).data().toString(),
        QString::fromUtf8("—"));
}

} // namespace
} // namespace reslab::ui
