// `resilience-lab render`: the dashboard (or one chart) of a run, drawn to a file with no display.
#include "gui_main.h"

#include "charts/chart_panel.h"
#include "export_image.h"
#include "i18n/language.h"
#include "simulation_controller.h"
#include "views/topology_view.h"

#include "reslab/io/scenario_io.h"
#include "reslab/model/presets.h"

#include <QApplication>
#include <QFileInfo>

#include <cmath>
#include <iostream>
#include <limits>
#include <optional>
#include <string_view>

namespace reslab::ui {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 2;
constexpr QSize kDashboardSize(1400, 900);
constexpr QSize kChartSize(1200, 520);

/// Loads a file or preset:NAME, printing every error as `run` does (label: path: message).
std::optional<Scenario> loadScenario(const std::string &arg)
{
    constexpr std::string_view kPrefix = "preset:";
    ScenarioParse parse;
    if (arg.rfind(kPrefix, 0) == 0) {
        const std::string name = arg.substr(kPrefix.size());
        if (auto p = findPreset(name)) {
            parse = parseScenarioText(p->json);
        } else {
            std::string names;
            for (const Preset &pr : presets())
                names += (names.empty() ? "" : ", ") + std::string(pr.name);
            parse.errors.push_back(
                {"", "no built-in scenario named \"" + name + "\" (presets are: " + names + ")"});
        }
    } else {
        parse = loadScenarioFile(arg);
    }
    for (const ScenarioError &e : parse.errors)
        std::cerr << arg << ": " << e.toString() << '\n';
    return parse.scenario;
}

/// `--chart topology`: the service graph at --at, with its live badges (no dots: a still).
int renderTopology(SimulationController &controller, const Scenario &scenario, const QString &path,
                   double atSeconds, const std::string &outPath)
{
    TopologyView view(&controller);
    view.setAnimated(false); // a still: the badges and gauges, no requests in mid-flight
    view.setWindowTitle(QString::fromStdString(scenario.name) + " — Resilience Lab");
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(kChartSize);
    view.show();
    controller.setFrameBudgetMs(std::numeric_limits<double>::infinity());
    const Simulation *sim = controller.simulation();
    const SimTime target = atSeconds >= 0 ? fromSeconds(atSeconds) : sim->end();
    controller.tick(toMillis(std::min(target, sim->end()) - sim->now()));
    QApplication::processEvents();
    if (!view.model().layoutError().empty())
        std::cerr << "resilience-lab: warning: " << view.model().layoutError()
                  << " (drawn left to right instead)\n";
    QString error;
    if (!exportWidgetImage(&view, path, &error)) {
        if (!error.isEmpty())
            error[0] = error[0].toLower();
        std::cerr << "resilience-lab: " << error.toStdString() << '\n';
        return kExitBadInput;
    }
    std::cout << "wrote " << outPath << " (t = " << toSeconds(sim->now()) << " s)\n";
    return kExitOk;
}

} // namespace

int renderToFile(int argc, char **argv, const std::string &scenarioArg, const std::string &outPath,
                 double atSeconds, const std::string &chart, const std::string &language)
{
    const std::optional<Scenario> scenario = loadScenario(scenarioArg);
    if (!scenario)
        return kExitBadInput;
    if (!std::isfinite(atSeconds)) {
        std::cerr << "resilience-lab: --at must be a number of seconds\n";
        return kExitBadInput;
    }
    if (atSeconds > scenario->durationS) {
        std::cerr << "resilience-lab: --at " << atSeconds << " is past the end of the run ("
                  << scenario->durationS << " s)\n";
        return kExitBadInput;
    }
    const QString path = QString::fromStdString(outPath);
    const QString format = QFileInfo(path).suffix().toLower();
    if (format != "png" && format != "svg" && format != "pdf") {
        std::cerr << "resilience-lab: cannot write " << outPath
                  << ": the file name must end in .png, .svg or .pdf\n";
        return kExitBadInput;
    }

    // No display needed: draw offscreen unless the caller chose a platform.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(kSettingsOrganization);
    QApplication::setApplicationName(kSettingsApplication);
    // The charts' texts in the language; the messages below stay English.
    Language::instance().apply(language.empty() ? Language::savedChoice()
                                                : QString::fromStdString(language));

    SimulationController controller;
    controller.load(*scenario);
    if (chart == "topology")
        return renderTopology(controller, *scenario, path, atSeconds, outPath);
    ChartPanel panel(&controller);
    const QString chartName = QString::fromStdString(chart);
    if (!panel.showOnly(chartName)) {
        std::cerr << "resilience-lab: unknown chart \"" << chart
                  << "\" (charts are: " << panel.chartNames().join(", ").toStdString()
                  << ", topology)\n";
        return kExitBadInput;
    }
    panel.setWholeRun(true);
    panel.setWindowTitle(QString::fromStdString(scenario->name) + " — Resilience Lab");
    panel.setAttribute(Qt::WA_DontShowOnScreen);
    panel.resize(chartName.isEmpty() ? kDashboardSize : kChartSize);
    panel.show();

    // Run to --at (or the end) in one frame: the budget is unlimited, nothing is on screen.
    controller.setFrameBudgetMs(std::numeric_limits<double>::infinity());
    const Simulation *sim = controller.simulation();
    const SimTime target = atSeconds >= 0 ? fromSeconds(atSeconds) : sim->end();
    controller.tick(toMillis(std::min(target, sim->end()) - sim->now()));
    panel.refresh();
    QApplication::processEvents();

    QString error;
    bool written = panel.exportImage(path, chartName, &error);
    if (!written && Language::instance().current() != QLatin1String("en")) {
        // The reason in English, as every message of the command line: without the translators,
        // the same export again for its message (it fails the same way).
        Language::instance().apply(QStringLiteral("en"));
        error.clear();
        written = panel.exportImage(path, chartName, &error);
    }
    if (!written) {
        // The message is written for the GUI ("Cannot write ..."); the CLI's start lower case.
        if (!error.isEmpty())
            error[0] = error[0].toLower();
        std::cerr << "resilience-lab: " << error.toStdString() << '\n';
        return kExitBadInput;
    }
    std::cout << "wrote " << outPath << " (t = " << toSeconds(sim->now()) << " s)\n";
    return kExitOk;
}

} // namespace reslab::ui
