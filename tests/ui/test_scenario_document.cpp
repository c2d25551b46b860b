// ScenarioDocument's edit history: undo / redo steps, merging of quick edits of one field, the
// modified mark against the saved document, and the main window's Edit menu.

#include "main_window.h"
#include "scenario_document.h"
#include "simulation_controller.h"

#include <QAction>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace reslab::ui {
namespace {

constexpr const char *kRate = "services.inventory.failure_rate";

double rate(const ScenarioDocument &doc)
{
    return doc.value(kRate).get<double>();
}

/// A document on the flaky-dependency preset (failure rate 0.2) with a clock the test moves.
struct Fixture
{
    Fixture()
    {
        QString error;
        EXPECT_TRUE(doc.open("preset:flaky-dependency", &error)) << error.toStdString();
        doc.setClock([this] { return nowMs; });
    }
    ScenarioDocument doc;
    qint64 nowMs = 10'000;
};

TEST(ScenarioDocumentHistory, UndoAndRedoStepThroughEdits)
{
    Fixture f;
    ASSERT_DOUBLE_EQ(rate(f.doc), 0.2);
    EXPECT_FALSE(f.doc.canUndo());
    f.doc.setValue(kRate, 0.3);
    f.nowMs += 5000;
    f.doc.setValue("load.rate_per_s", 50);
    ASSERT_TRUE(f.doc.canUndo());
    EXPECT_FALSE(f.doc.canRedo());

    f.doc.undo(); // the rate of arrivals comes back first
    EXPECT_EQ(f.doc.value("load.rate_per_s").get<double>(), 100);
    EXPECT_DOUBLE_EQ(rate(f.doc), 0.3);
    f.doc.undo();
    EXPECT_DOUBLE_EQ(rate(f.doc), 0.2);
    EXPECT_FALSE(f.doc.canUndo());
    EXPECT_FALSE(f.doc.isModified()) << "back at the opened document";
    f.doc.undo(); // nothing left: no change
    EXPECT_DOUBLE_EQ(rate(f.doc), 0.2);

    f.doc.redo();
    EXPECT_DOUBLE_EQ(rate(f.doc), 0.3);
    EXPECT_TRUE(f.doc.isModified());
    f.doc.redo();
    EXPECT_EQ(f.doc.value("load.rate_per_s").get<double>(), 50);
    EXPECT_FALSE(f.doc.canRedo());
}

TEST(ScenarioDocumentHistory, QuickEditsOfOneFieldAreOneStep)
{
    Fixture f;
    // A slider drag: many values of one path, each within a second of the last.
    for (double r : {0.21, 0.22, 0.25, 0.3}) {
        f.doc.setValue(kRate, r);
        f.nowMs += 400;
    }
    f.nowMs += 1000; // a pause, then the same field again: a new step
    f.doc.setValue(kRate, 0.5);
    f.doc.undo();
    EXPECT_DOUBLE_EQ(rate(f.doc), 0.3);
    f.doc.undo();
    EXPECT_DOUBLE_EQ(rate(f.doc), 0.2);
    EXPECT_FALSE(f.doc.canUndo());
}

TEST(ScenarioDocumentHistory, EditsOfDifferentFieldsAreSeparateSteps)
{
    Fixture f;
    f.doc.setValue(kRate, 0.3);
    f.doc.setValue("load.rate_per_s", 50); // same instant, other path
    f.doc.undo();
    EXPECT_DOUBLE_EQ(rate(f.doc), 0.3);
    EXPECT_EQ(f.doc.value("load.rate_per_s").get<double>(), 100);
}

TEST(ScenarioDocumentHistory, ANewEditAfterUndoDropsTheRedo)
{
    Fixture f;
    f.doc.setValue(kRate, 0.3);
    f.doc.undo();
    ASSERT_TRUE(f.doc.canRedo());
    f.doc.setValue(kRate, 0.4);
    EXPECT_FALSE(f.doc.canRedo());
    f.doc.undo();
    EXPECT_DOUBLE_EQ(rate(f.doc), 0.2);
}

TEST(ScenarioDocumentHistory, UndoRestoresTheValidatedScenario)
{
    Fixture f;
    QSignalSpy scenarios(&f.doc, &ScenarioDocument::scenarioChanged);
    f.doc.setValue(kRate, 0.7);
    ASSERT_EQ(scenarios.count(), 1);
    EXPECT_DOUBLE_EQ(f.doc.scenario()->services.at("inventory").failureRate, 0.7);
    f.doc.undo();
    ASSERT_EQ(scenarios.count(), 2);
    EXPECT_DOUBLE_EQ(f.doc.scenario()->services.at("inventory").failureRate, 0.2);

    // An invalid edit is kept (never lost) and can be undone like any other.
    f.nowMs += 5000;
    f.doc.setValue(kRate, 7.0);
    EXPECT_FALSE(f.doc.errorsAt(kRate).empty());
    f.doc.undo();
    EXPECT_TRUE(f.doc.errorsAt(kRate).empty());
}

TEST(ScenarioDocumentHistory, OpeningAnotherScenarioClearsTheHistory)
{
    Fixture f;
    f.doc.setValue(kRate, 0.3);
    QString error;
    ASSERT_TRUE(f.doc.open("preset:retry-storm", &error));
    EXPECT_FALSE(f.doc.canUndo());
    EXPECT_FALSE(f.doc.canRedo());
}

TEST(ScenarioDocumentHistory, ModifiedFollowsTheSavedDocument)
{
    Fixture f;
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    f.doc.setValue(kRate, 0.3);
    QString error;
    ASSERT_TRUE(f.doc.saveAs(dir.filePath("s.json"), &error)) << error.toStdString();
    EXPECT_FALSE(f.doc.isModified());
    f.doc.setValue(kRate, 0.4); // right after the save: still a new step
    EXPECT_TRUE(f.doc.isModified());
    f.doc.undo();
    EXPECT_DOUBLE_EQ(rate(f.doc), 0.3);
    EXPECT_FALSE(f.doc.isModified()) << "the saved document again";
    f.doc.undo();
    EXPECT_DOUBLE_EQ(rate(f.doc), 0.2);
    EXPECT_TRUE(f.doc.isModified()) << "differs from what is on disk";
}

TEST(ScenarioDocumentHistory, EditMenuUndoesAndRestartsOnTheRestoredScenario)
{
    MainWindow window;
    ASSERT_TRUE(window.openScenario("preset:flaky-dependency"));
    auto *undo = window.findChild<QAction *>("undo");
    auto *redo = window.findChild<QAction *>("redo");
    ASSERT_NE(undo, nullptr);
    ASSERT_NE(redo, nullptr);
    EXPECT_FALSE(undo->isEnabled());
    window.document()->setValue(kRate, 0.6);
    EXPECT_TRUE(undo->isEnabled());
    undo->trigger();
    EXPECT_DOUBLE_EQ(rate(*window.document()), 0.2);
    EXPECT_FALSE(undo->isEnabled());
    EXPECT_TRUE(redo->isEnabled());
    EXPECT_FALSE(window.document()->isModified());
    redo->trigger();
    EXPECT_DOUBLE_EQ(rate(*window.document()), 0.6);
}

} // namespace
} // namespace reslab::ui
