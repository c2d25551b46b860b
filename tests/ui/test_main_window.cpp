#include "main_window.h"
#include "scenario_document.h"
#include "simulation_controller.h"
#include "transport_bar.h"

#include <QDir>
#include <QFile>
#include <QMessageBox>

#include <gtest/gtest.h>

namespace reslab::ui {
namespace {

TEST(MainWindow, BuildsAndOpensTheDefaultPreset)
{
    MainWindow window;
    ASSERT_TRUE(window.openScenario("preset:seed-resilient-service"));
    ASSERT_NE(window.controller()->simulation(), nullptr);
    EXPECT_EQ(window.controller()->simulation()->scenario().name, "Seed ResilientService");
    EXPECT_FALSE(window.document()->isModified());
    EXPECT_TRUE(window.windowTitle().contains("preset:seed-resilient-service"))
        << window.windowTitle().toStdString();
}

TEST(MainWindow, UnsavedEditsAreNeverDiscardedSilently)
{
    MainWindow window;
    ASSERT_TRUE(window.openScenario("preset:flaky-dependency"));
    window.document()->setValue("services.inventory.failure_rate", 0.5);
    ASSERT_TRUE(window.document()->isModified());
    EXPECT_TRUE(window.windowTitle().contains("[*]"));
    EXPECT_TRUE(window.isWindowModified());

    int asked = 0;
    window.setDiscardPrompt([&](const QString &name) {
        ++asked;
        EXPECT_EQ(name, "preset:flaky-dependency");
        return int(QMessageBox::Cancel);
    });
    EXPECT_FALSE(window.openScenario("preset:retry-storm")); // cancelled: the edit stays
    EXPECT_EQ(asked, 1);
    EXPECT_DOUBLE_EQ(window.document()->value("services.inventory.failure_rate").get<double>(),
                     0.5);

    window.setDiscardPrompt([&](const QString &) { return int(QMessageBox::Discard); });
    EXPECT_TRUE(window.openScenario("preset:retry-storm"));
    EXPECT_FALSE(window.document()->isModified());
    EXPECT_EQ(window.controller()->simulation()->scenario().name, "Retry storm");
}

TEST(MainWindow, WithoutAPromptTheDefaultKeepsTheEdits)
{
    MainWindow window; // offscreen: nobody can answer a dialog
    ASSERT_TRUE(window.openScenario("preset:flaky-dependency"));
    window.document()->setValue("services.inventory.failure_rate", 0.4);
    EXPECT_FALSE(window.maybeDiscard());
    EXPECT_TRUE(window.document()->isModified());
}

TEST(MainWindow, SaveWritesTheDocumentAndClearsTheModifiedMark)
{
    MainWindow window;
    ASSERT_TRUE(window.openScenario("preset:flaky-dependency"));
    window.document()->setValue("services.inventory.failure_rate", 0.3);
    const QString path = QDir::temp().filePath("reslab-ui-save-test.json");
    QString error;
    ASSERT_TRUE(window.document()->saveAs(path, &error)) << error.toStdString();
    EXPECT_FALSE(window.document()->isModified());
    ScenarioDocument again;
    ASSERT_TRUE(again.open(path, &error)) << error.toStdString();
    EXPECT_DOUBLE_EQ(again.value("services.inventory.failure_rate").get<double>(), 0.3);
    QFile::remove(path);
    // An unwritable path says why and keeps the edit.
    window.document()->setValue("services.inventory.failure_rate", 0.2);
    EXPECT_FALSE(window.document()->saveAs("/proc/no-such-dir/x.json", &error));
    EXPECT_TRUE(error.contains("/proc/no-such-dir/x.json")) << error.toStdString();
    EXPECT_TRUE(window.document()->isModified());
}

TEST(TransportBar, SpeedStepsFollowTheOneTwoFiveSeries)
{
    // Hand-listed: 0.1 0.2 0.5 1 2 5 10 20 50 100 200 500 1000.
    EXPECT_DOUBLE_EQ(TransportBar::steppedSpeed(1, true), 2);
    EXPECT_DOUBLE_EQ(TransportBar::steppedSpeed(2, true), 5);
    EXPECT_DOUBLE_EQ(TransportBar::steppedSpeed(5, true), 10);
    EXPECT_DOUBLE_EQ(TransportBar::steppedSpeed(1, false), 0.5);
    EXPECT_DOUBLE_EQ(TransportBar::steppedSpeed(0.5, false), 0.2);
    EXPECT_DOUBLE_EQ(TransportBar::steppedSpeed(3, true), 5); // between steps: the next one
    EXPECT_DOUBLE_EQ(TransportBar::steppedSpeed(3, false), 2);
    EXPECT_DOUBLE_EQ(TransportBar::steppedSpeed(1000, true), 1000); // clamped
    EXPECT_DOUBLE_EQ(TransportBar::steppedSpeed(0.1, false), 0.1);
    EXPECT_DOUBLE_EQ(TransportBar::steppedSpeed(500, true), 1000);

    MainWindow window;
    ASSERT_TRUE(window.openScenario("preset:seed-resilient-service"));
    auto *bar = window.findChild<TransportBar *>();
    ASSERT_NE(bar, nullptr);
    window.controller()->setSpeed(1);
    bar->fasterAction()->trigger();
    EXPECT_DOUBLE_EQ(window.controller()->speed(), 2);
    bar->slowerAction()->trigger();
    bar->slowerAction()->trigger();
    EXPECT_DOUBLE_EQ(window.controller()->speed(), 0.5);
    EXPECT_EQ(bar->fasterAction()->shortcut(), QKeySequence(Qt::Key_BracketRight));
}

} // namespace
} // namespace reslab::ui
