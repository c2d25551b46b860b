// Saves pictures of the GUI to look at (offscreen): the parameter-sweep window of the
// flaky-dependency preset as a line chart and as a heat map, and the scenario editor for four
// presets, with an error at a field and with a service being renamed. Not a check: the
// assertions on the same states are in tests/ui (SweepSnapshot, EditorSnapshot).
//
//   snapshot_ui DIR
//
//   snapshot_ui DIR --window SCENARIO AT_S [WxH]   the main window (1024x640) at AT_S seconds
//
// RESLAB_LANG=zh_CN (or en) draws everything in that language (docs/languages.md). The window
// pictures also include the A/B compare window (DIR/compare.png) and each menu of the menu
// bar (DIR/menu-NAME.png).
//
// Writes DIR/sweep-line.png, DIR/sweep-heatmap.png, DIR/editor-PRESET-view.png,
// DIR/editor-PRESET-full.png, DIR/editor-error.png and DIR/editor-rename.png.

#include "editor/editor_widgets.h"
#include "editor/fields.h"
#include "editor/scenario_editor.h"
#include "i18n/language.h"
#include "main_window.h"
#include "scenario_document.h"
#include "simulation_controller.h"
#include "tuning/compare_window.h"
#include "tuning/sweep_window.h"
#include "views/breaker_diagram.h"

#include "reslab/model/presets.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QEventLoop>
#include <QMenu>
#include <QMenuBar>
#include <QScrollArea>
#include <QThread>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

using reslab::ui::SweepWindow;

int g_failures = 0;

void save(QWidget &widget, const QString &path)
{
    if (widget.grab().save(path)) {
        std::printf("wrote %s\n", qPrintable(path));
    } else {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        ++g_failures;
    }
}

/// Runs the window's sweep to its end (at most `timeoutMs`); false if it did not complete.
bool runToEnd(SweepWindow &w, int timeoutMs)
{
    QEventLoop loop;
    bool complete = false;
    QObject::connect(&w, &SweepWindow::sweepFinished, &loop, [&](bool c) {
        complete = c;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!w.startSweep()) {
        std::fprintf(stderr, "sweep did not start: %s\n", qPrintable(w.statusText()));
        return false;
    }
    loop.exec();
    return complete;
}

void settle()
{
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
}

void sweepPictures(const QDir &dir)
{
    const auto preset = reslab::findPreset("flaky-dependency");
    if (!preset) {
        std::fprintf(stderr, "no preset flaky-dependency\n");
        ++g_failures;
        return;
    }
    const auto base = nlohmann::json::parse(std::string(preset->json));
    const int threads = std::max(1, QThread::idealThreadCount());
    {
        SweepWindow w(base, "preset:flaky-dependency");
        w.setThreads(threads);
        w.resize(1220, 780);
        w.show();
        w.setAxis(0, "pipeline[0].max_retries", 0, 5, 6, false);
        w.setSeeds(5);
        w.setMetric("p99_ms");
        w.setGoal("success >= 99.5 % and p99 <= 400 ms");
        if (runToEnd(w, 600000)) {
            settle();
            std::printf("line: %s\n", qPrintable(w.statusText()));
            save(w, dir.filePath("sweep-line.png"));
        } else {
            std::fprintf(stderr, "line sweep did not finish\n");
            ++g_failures;
        }
    }
    {
        SweepWindow w(base, "preset:flaky-dependency");
        w.setThreads(threads);
        w.resize(1220, 780);
        w.show();
        w.setAxis(0, "pipeline[1].timeout_ms", 20, 1000, 20, true);
        w.setSecondAxisEnabled(true);
        w.setAxis(1, "services.inventory.failure_rate", 0, 50, 20, false);
        w.setSeeds(1);
        w.setMetric("p99_ms");
        w.setGoal("success >= 99 % and p99 <= 300 ms");
        if (runToEnd(w, 600000)) {
            settle();
            std::printf("heat map: %s\n", qPrintable(w.statusText()));
            save(w, dir.filePath("sweep-heatmap.png"));
        } else {
            std::fprintf(stderr, "heat map sweep did not finish\n");
            ++g_failures;
        }
    }
}

/// A document and its editor in a scroll area, as the main window shows them.
struct Editor
{
    reslab::ui::ScenarioDocument document;
    QScrollArea scroll;
    reslab::ui::ScenarioEditor *editor = nullptr;

    explicit Editor(const QString &source)
    {
        editor = new reslab::ui::ScenarioEditor(&document);
        scroll.setWidget(editor);
        scroll.setWidgetResizable(true);
        scroll.resize(380, 1400);
        QString error;
        if (!document.open(source, &error)) {
            std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(source), qPrintable(error));
            ++g_failures;
        }
        scroll.show();
        settle();
    }
};

void editorPictures(const QDir &dir)
{
    for (const char *preset : {"seed-resilient-service", "slow-dependency-timeouts",
                               "retry-storm-with-budget", "thundering-herd"}) {
        Editor e(QString("preset:") + preset);
        const QString base = dir.filePath(QString("editor-") + preset);
        save(e.scroll, base + "-view.png");
        e.editor->resize(e.editor->width(), e.editor->sizeHint().height());
        settle();
        save(*e.editor, base + "-full.png");
    }
    // An error at a field and one no field shows.
    Editor e("preset:seed-resilient-service");
    if (auto *field =
            e.editor->findChild<reslab::ui::ParamField *>("services.backend.failure_rate")) {
        field->spinBox()->setValue(150);
    } else {
        std::fprintf(stderr, "no field services.backend.failure_rate\n");
        ++g_failures;
    }
    e.document.setValue("pipeline[1].bogus", 1);
    settle();
    save(e.scroll, dir.filePath("editor-error.png"));
    // Renaming a service in place.
    auto *section =
        e.editor->findChild<reslab::ui::CollapsibleSection *>("section:service:backend");
    auto *rename = section ? section->findChild<QToolButton *>("renameService") : nullptr;
    if (rename) {
        rename->click();
        settle();
        save(e.scroll, dir.filePath("editor-rename.png"));
    } else {
        std::fprintf(stderr, "no rename button for service backend\n");
        ++g_failures;
    }
}

} // namespace

/// The main window at `size` on `source`, played to `atS` seconds, and its breaker diagram;
/// with several breakers, the diagram again with the last one chosen in its corner.
void windowPictures(const QDir &dir, const QString &source, double atS, QSize size)
{
    reslab::ui::MainWindow w;
    w.resize(size);
    w.show();
    if (!w.openScenario(source)) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(source));
        ++g_failures;
        return;
    }
    reslab::ui::SimulationController *c = w.controller();
    c->setSpeed(10);
    c->setFrameBudgetMs(1e9);
    for (double t = 0; t < atS * 1000 / 10; t += 16.7) {
        c->tick(16.7);
        QApplication::processEvents();
    }
    c->pause();
    settle();
    save(w, dir.filePath("window.png"));
    reslab::ui::BreakerDiagram *d = w.breakerDiagram();
    save(*d, dir.filePath("breaker.png"));
    if (auto *picker = d->findChild<QComboBox *>("stagePicker"); picker && picker->count() > 1) {
        picker->setCurrentIndex(picker->count() - 1);
        emit picker->activated(picker->count() - 1);
        settle();
        save(*d, dir.filePath("breaker-last.png"));
    }
    // The A/B compare window on the same scenario, at the window's size.
    if (reslab::ui::CompareWindow *compare = w.openCompare()) {
        compare->resize(size);
        settle();
        save(*compare, dir.filePath("compare.png"));
        compare->close();
    }
    // The menus, to read their entries (and View > Language).
    for (QMenu *menu : w.menuBar()->findChildren<QMenu *>()) {
        if (menu->objectName().isEmpty())
            continue;
        menu->adjustSize();
        save(*menu, dir.filePath("menu-" + menu->objectName() + ".png"));
    }
}

int main(int argc, char **argv)
{
    if (std::getenv("QT_QPA_PLATFORM") == nullptr)
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    QApplication app(argc, argv);
    if (const char *lang = std::getenv("RESLAB_LANG"))
        reslab::ui::Language::instance().apply(QString::fromLocal8Bit(lang));
    if (argc != 2 && argc != 5 && argc != 6) {
        std::fprintf(stderr, "usage: snapshot_ui DIR [--window SCENARIO AT_S [WIDTHxHEIGHT]]\n");
        return 2;
    }
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    if (!QDir().mkpath(dir.path())) {
        std::fprintf(stderr, "cannot create %s\n", argv[1]);
        return 1;
    }
    if (argc >= 5) {
        QSize size(1024, 640);
        if (argc == 6) {
            const QStringList wh = QString::fromLocal8Bit(argv[5]).split('x');
            if (wh.size() == 2)
                size = QSize(wh[0].toInt(), wh[1].toInt());
        }
        windowPictures(dir, QString::fromLocal8Bit(argv[3]), std::atof(argv[4]), size);
        return g_failures == 0 ? 0 : 1;
    }
    sweepPictures(dir);
    editorPictures(dir);
    return g_failures == 0 ? 0 : 1;
}
