#include "cli.h"

#include "reslab/io/config_export.h"
#include "reslab/io/graph_dot.h"
#include "reslab/io/scenario_io.h"
#include "reslab/layout/graph_layout.h"
#include "reslab/metrics/event_log.h"
#include "reslab/metrics/report.h"
#include "reslab/model/presets.h"
#include "reslab/model/run_outputs.h"
#include "reslab/model/simulation.h"
#include "reslab/tuning/sweep.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unistd.h>
#include <vector>

#ifdef RESLAB_HAVE_UI
#include "gui_main.h"
#endif

namespace reslab::cli {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitChecksFailed = 1;
constexpr int kExitBadInput = 2;

constexpr std::string_view kUsage = R"(Resilience Lab: a laboratory for resilience patterns.

usage:
  resilience-lab                       open the GUI on the default scenario
  resilience-lab gui [SCENARIO] [--lang L]
                                       open the GUI
  resilience-lab run SCENARIO [--seed N] [--duration S] [--out DIR] [--events]
                                       run headless; print the summary; with --out write
                                       summary.json, timeseries.csv, edges.csv, services.csv
                                       (and events.csv) into DIR
  resilience-lab validate SCENARIO     check a scenario; print every error with its path
  resilience-lab render SCENARIO --out FILE.{png,svg,pdf} [--at S] [--chart NAME]
                       [--lang L]      run to S seconds (default: the end) and draw the
                                       dashboard, or one chart (throughput, latency, breaker,
                                       attempts, queue), without a display
  resilience-lab presets [--lang L]    list the built-in scenarios
  resilience-lab sweep SCENARIO --param PATH=FROM:TO:STEPS [--param ...] [--seeds K]
                       [--metric M] --out FILE.csv
                                       grid of runs over one or two parameters on all cores;
                                       PATH like pipeline[1].failure_threshold, log:FROM:TO:STEPS
                                       for geometric spacing
  resilience-lab export-config SCENARIO --format resilience4j|polly
                                       the pipeline as resilience4j YAML or Polly v8 C# options
  resilience-lab graph SCENARIO --format dot|svg [--out FILE]
                                       the service graph alone, as Graphviz DOT or laid out as
                                       SVG (stdout without --out)

SCENARIO is a file path or preset:NAME. --lang en|zh_CN: the language of the GUI,
the charts and the preset descriptions (default: the GUI's choice, else the system's).
Exit codes: 0 ok, 1 the run's own checks failed, 2 bad input.
)";

struct Loaded
{
    std::string label; ///< file path or preset:NAME, for messages
    ScenarioParse parse;
};

/// Loads a file or `preset:NAME`; never throws.
Loaded loadScenario(const std::string &arg)
{
    Loaded l{arg, {}};
    constexpr std::string_view kPrefix = "preset:";
    if (arg.rfind(kPrefix, 0) == 0) {
        const std::string name = arg.substr(kPrefix.size());
        if (auto p = findPreset(name)) {
            l.parse = parseScenarioText(p->json);
        } else {
            std::string names;
            for (const Preset &pr : presets())
                names += (names.empty() ? "" : ", ") + std::string(pr.name);
            l.parse.errors.push_back(
                {"", "no built-in scenario named \"" + name + "\" (presets are: " + names + ")"});
        }
        return l;
    }
    l.parse = loadScenarioFile(arg);
    return l;
}

void printErrors(const Loaded &l)
{
    for (const ScenarioError &e : l.parse.errors)
        std::cerr << l.label << ": " << e.toString() << '\n';
}

int badUsage(const std::string &message)
{
    std::cerr << "resilience-lab: " << message << "\n\n" << kUsage;
    return kExitBadInput;
}

std::optional<std::uint64_t> parseSeed(const std::string &s)
{
    if (s.empty() || s.size() > 20 || s.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    errno = 0;
    char *end = nullptr;
    const unsigned long long v = std::strtoull(s.c_str(), &end, 10);
    if (errno != 0 || *end != '\0')
        return std::nullopt;
    return static_cast<std::uint64_t>(v);
}

std::optional<double> parseDuration(const std::string &s)
{
    char *end = nullptr;
    errno = 0;
    const double v = std::strtod(s.c_str(), &end);
    if (s.empty() || errno != 0 || *end != '\0' || !std::isfinite(v) || v <= 0 || v > 30 * 86400.0)
        return std::nullopt;
    return v;
}

/// Reads `--lang L` at args[i] (advancing i): L must be a language the GUI ships. Messages and
/// file formats of the command line stay English whatever the language.
bool readLanguage(const std::vector<std::string> &args, std::size_t &i,
                  std::optional<std::string> &lang, std::string &error)
{
    const std::string v = i + 1 < args.size() ? args[++i] : std::string();
    if (v != "en" && v != "zh_CN") {
        error = "--lang needs en or zh_CN (got \"" + v + "\")";
        return false;
    }
    lang = v;
    return true;
}

int commandValidate(const std::vector<std::string> &args)
{
    if (args.size() != 1)
        return badUsage("validate takes exactly one SCENARIO");
    const Loaded l = loadScenario(args[0]);
    if (!l.parse.ok()) {
        printErrors(l);
        std::cerr << l.label << ": " << l.parse.errors.size()
                  << (l.parse.errors.size() == 1 ? " error\n" : " errors\n");
        return kExitBadInput;
    }
    const Scenario &s = *l.parse.scenario;
    std::cout << l.label << ": ok — \"" << s.name << "\", " << s.services.size() << " service"
              << (s.services.size() == 1 ? "" : "s") << ", " << s.pipeline.size() << " stage"
              << (s.pipeline.size() == 1 ? "" : "s") << ", " << s.durationS << " s\n";
    return kExitOk;
}

int commandPresets(const std::vector<std::string> &args)
{
    std::optional<std::string> lang;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string error;
        if (args[i] != "--lang")
            return badUsage("presets takes no arguments but --lang L");
        if (!readLanguage(args, i, lang, error))
            return badUsage(error);
    }
#ifdef RESLAB_HAVE_UI
    const std::string language = ui::commandLanguage(lang.value_or(std::string()));
#else
    if (lang && *lang != "en") {
        std::cerr << "resilience-lab: this build has no GUI (configured with "
                     "-DRESLAB_BUILD_UI=OFF), so it has no translations: use --lang en.\n";
        return kExitBadInput;
    }
#endif
    for (const Preset &p : presets()) {
        const ScenarioParse parse = parseScenarioText(p.json);
        std::string about = parse.ok() ? parse.scenario->description : "(invalid!)";
#ifdef RESLAB_HAVE_UI
        // The name is an identifier (preset:NAME): only the description is translated.
        if (parse.ok() && !about.empty())
            about = ui::presetDescriptionIn(language, std::string(p.name), about);
#endif
        if (about.empty() && parse.ok())
            about = parse.scenario->name;
        std::printf("%-28s %s\n", std::string(p.name).c_str(), about.c_str());
    }
    return kExitOk;
}

/// Writes `write(stream)` to `path` atomically enough for a CLI: to a temporary, then renamed.
template <typename Fn>
bool writeFile(const std::filesystem::path &path, Fn write, std::string &error)
{
    const std::filesystem::path tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) {
            error = "cannot write " + tmp.string() + ": " + std::strerror(errno);
            return false;
        }
        write(out);
        out.flush();
        if (!out) {
            error = "cannot write " + tmp.string() + ": " + std::strerror(errno);
            return false;
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        error = "cannot write " + path.string() + ": " + ec.message();
        return false;
    }
    return true;
}

int commandRun(const std::vector<std::string> &args)
{
    std::optional<std::string> scenarioArg;
    RunOptions options;
    std::optional<std::filesystem::path> outDir;
    bool events = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        auto value = [&](std::string_view flag) -> std::optional<std::string> {
            if (i + 1 >= args.size())
                return std::nullopt;
            (void)flag;
            return args[++i];
        };
        if (a == "--seed") {
            const auto v = value(a);
            const auto seed = v ? parseSeed(*v) : std::nullopt;
            if (!seed)
                return badUsage("--seed needs a whole number from 0 to 18446744073709551615");
            options.seed = *seed;
        } else if (a == "--duration") {
            const auto v = value(a);
            const auto d = v ? parseDuration(*v) : std::nullopt;
            if (!d)
                return badUsage("--duration needs seconds, > 0 and at most 2592000 (30 days)");
            options.durationS = *d;
        } else if (a == "--out") {
            const auto v = value(a);
            if (!v || v->empty())
                return badUsage("--out needs a directory");
            outDir = *v;
        } else if (a == "--events") {
            events = true;
        } else if (!a.empty() && a[0] == '-') {
            return badUsage("unknown option " + a);
        } else if (!scenarioArg) {
            scenarioArg = a;
        } else {
            return badUsage("run takes one SCENARIO (got also \"" + a + "\")");
        }
    }
    if (!scenarioArg)
        return badUsage("run needs a SCENARIO");
    if (events && !outDir)
        return badUsage("--events needs --out DIR");

    Loaded l = loadScenario(*scenarioArg);
    if (!l.parse.ok()) {
        printErrors(l);
        return kExitBadInput;
    }
    Scenario scenario = *l.parse.scenario;
    if (options.durationS) {
        // The limits that depend on the duration (buckets, expected requests) must hold for the
        // overridden duration too: validate the scenario again with it.
        nlohmann::json doc = scenarioToJson(scenario);
        doc["duration_s"] = *options.durationS;
        ScenarioParse again = parseScenario(doc);
        if (!again.ok()) {
            for (const ScenarioError &e : again.errors)
                std::cerr << l.label << " with --duration " << *options.durationS << ": "
                          << e.toString() << '\n';
            return kExitBadInput;
        }
        scenario = *again.scenario;
        options.durationS.reset();
    }

    if (outDir) {
        std::error_code ec;
        std::filesystem::create_directories(*outDir, ec);
        if (ec || !std::filesystem::is_directory(*outDir)) {
            std::cerr << "resilience-lab: cannot create output directory " << outDir->string()
                      << ": " << (ec ? ec.message() : "not a directory") << '\n';
            return kExitBadInput;
        }
    }

    std::ofstream eventsFile;
    std::optional<CsvEventWriter> eventWriter;
    std::filesystem::path eventsTmp;
    if (events) {
        eventsTmp = *outDir / "events.csv.tmp";
        eventsFile.open(eventsTmp, std::ios::binary | std::ios::trunc);
        if (!eventsFile) {
            std::cerr << "resilience-lab: cannot write " << eventsTmp.string() << ": "
                      << std::strerror(errno) << '\n';
            return kExitBadInput;
        }
        eventWriter.emplace(eventsFile);
        options.sink = &*eventWriter;
    }

    Simulation sim(scenario, options);
    const bool showProgress = isatty(STDERR_FILENO) != 0;
    const auto wallStart = std::chrono::steady_clock::now();
    bool progressShown = false;
    const SimTime slice = std::max<SimTime>(1, sim.end() / 200);
    while (!sim.finished()) {
        sim.advanceTo(sim.now() + slice);
        if (showProgress) {
            const double wall =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
            if (wall > 2.0) {
                std::fprintf(stderr, "\r  %5.1f %%  simulated %.0f of %.0f s",
                             100.0 * static_cast<double>(sim.now()) /
                                 static_cast<double>(sim.end()),
                             toSeconds(sim.now()), toSeconds(sim.end()));
                progressShown = true;
            }
        }
    }
    if (progressShown)
        std::fprintf(stderr, "\r%60s\r", "");

    const Summary summary = sim.summary();
    std::cout << formatSummaryText(summary);
    const bool aborted = !sim.abortReason().empty();
    if (aborted)
        std::cerr << l.label << ": run abandoned: " << sim.abortReason() << '\n';

    if (outDir) {
        std::string error;
        const bool ok =
            writeFile(
                *outDir / "summary.json",
                [&](std::ostream &o) { o << summaryToJson(summary).dump(2) << '\n'; }, error) &&
            writeFile(
                *outDir / "timeseries.csv",
                [&](std::ostream &o) { writeTimeseriesCsv(o, sim.recorder()); }, error) &&
            writeFile(
                *outDir / "edges.csv", [&](std::ostream &o) { writeEdgesCsv(o, sim); }, error) &&
            writeFile(
                *outDir / "services.csv", [&](std::ostream &o) { writeServicesCsv(o, sim); },
                error);
        if (events) {
            eventsFile.flush();
            const bool good = static_cast<bool>(eventsFile);
            eventsFile.close();
            std::error_code ec;
            if (good)
                std::filesystem::rename(eventsTmp, *outDir / "events.csv", ec);
            if (!good || ec) {
                std::cerr << "resilience-lab: cannot write " << (*outDir / "events.csv").string()
                          << '\n';
                return kExitBadInput;
            }
        }
        if (!ok) {
            std::cerr << "resilience-lab: " << error << '\n';
            return kExitBadInput;
        }
    }
    return aborted ? kExitChecksFailed : kExitOk;
}

int commandRender(const std::vector<std::string> &args, int argc, char **argv)
{
    std::optional<std::string> scenarioArg;
    std::optional<std::string> out;
    std::optional<double> at;
    std::string chart;
    std::optional<std::string> lang;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        const bool hasValue = i + 1 < args.size();
        std::string error;
        if (a == "--lang") {
            if (!readLanguage(args, i, lang, error))
                return badUsage(error);
        } else if (a == "--out") {
            if (!hasValue || args[i + 1].empty())
                return badUsage("--out needs a file name ending in .png, .svg or .pdf");
            out = args[++i];
        } else if (a == "--at") {
            char *end = nullptr;
            errno = 0;
            const std::string v = hasValue ? args[++i] : std::string();
            const double s = std::strtod(v.c_str(), &end);
            if (v.empty() || errno != 0 || *end != '\0' || !std::isfinite(s) || s < 0)
                return badUsage("--at needs a time in seconds, >= 0 (got \"" + v + "\")");
            at = s;
        } else if (a == "--chart") {
            if (!hasValue || args[i + 1].empty())
                return badUsage("--chart needs a chart name");
            chart = args[++i];
        } else if (!a.empty() && a[0] == '-') {
            return badUsage("unknown option " + a);
        } else if (!scenarioArg) {
            scenarioArg = a;
        } else {
            return badUsage("render takes one SCENARIO (got also \"" + a + "\")");
        }
    }
    if (!scenarioArg)
        return badUsage("render needs a SCENARIO");
    if (!out)
        return badUsage("render needs --out FILE.png, FILE.svg or FILE.pdf");
#ifdef RESLAB_HAVE_UI
    return ui::renderToFile(argc, argv, *scenarioArg, *out, at.value_or(-1.0), chart,
                            lang.value_or(std::string()));
#else
    (void)argc;
    (void)argv;
    (void)lang;
    std::cerr << "resilience-lab: this build has no GUI (configured with -DRESLAB_BUILD_UI=OFF), "
                 "so it cannot render charts.\n"
                 "Try: resilience-lab run SCENARIO --out DIR (timeseries.csv has every number)\n";
    return kExitBadInput;
#endif
}

int commandSweep(const std::vector<std::string> &args)
{
    std::optional<std::string> scenarioArg;
    std::vector<SweepAxis> axes;
    int seeds = 1;
    std::string metric = "success_rate";
    std::optional<std::string> out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        const bool hasValue = i + 1 < args.size();
        if (a == "--param") {
            if (!hasValue)
                return badUsage("--param needs PATH=FROM:TO:STEPS");
            std::string error;
            auto axis = parseSweepAxis(args[++i], error);
            if (!axis)
                return badUsage(error);
            axes.push_back(std::move(*axis));
        } else if (a == "--seeds") {
            const auto v = hasValue ? parseSeed(args[++i]) : std::nullopt;
            if (!v || *v < 1 || *v > 1000)
                return badUsage("--seeds needs a whole number from 1 to 1000");
            seeds = static_cast<int>(*v);
        } else if (a == "--metric") {
            if (!hasValue)
                return badUsage("--metric needs a name");
            metric = args[++i];
            if (!metricValue(RunMetrics{}, metric)) {
                std::string names;
                for (const auto &n : sweepMetricNames())
                    names += (names.empty() ? "" : ", ") + n;
                return badUsage("unknown metric \"" + metric + "\" (metrics are: " + names + ")");
            }
        } else if (a == "--out") {
            if (!hasValue)
                return badUsage("--out needs FILE.csv");
            out = args[++i];
        } else if (!a.empty() && a[0] == '-') {
            return badUsage("unknown option " + a);
        } else if (!scenarioArg) {
            scenarioArg = a;
        } else {
            return badUsage("sweep takes one SCENARIO (got also \"" + a + "\")");
        }
    }
    if (!scenarioArg)
        return badUsage("sweep needs a SCENARIO");
    if (axes.empty() || axes.size() > 2)
        return badUsage("sweep needs one or two --param PATH=FROM:TO:STEPS");
    if (!out)
        return badUsage("sweep needs --out FILE.csv");
    const Loaded l = loadScenario(*scenarioArg);
    if (!l.parse.ok()) {
        printErrors(l);
        return kExitBadInput;
    }
    Sweep sweep(scenarioToJson(*l.parse.scenario), axes, seeds);
    const std::vector<std::string> errors = sweep.prepare();
    if (!errors.empty()) {
        for (const std::string &e : errors)
            std::cerr << l.label << ": " << e << '\n';
        return kExitBadInput;
    }
    {
        // Fail before hours of work, not after.
        std::ofstream probe(*out + ".tmp", std::ios::trunc);
        if (!probe) {
            std::cerr << "resilience-lab: cannot write " << *out << ": " << std::strerror(errno)
                      << '\n';
            return kExitBadInput;
        }
    }
    const int threads = std::max(1u, std::thread::hardware_concurrency());
    std::cerr << "sweep: " << sweep.runCount() << " runs on " << threads << " threads\n";
    const bool terminal = isatty(STDERR_FILENO) != 0;
    sweep.run(threads, [terminal](std::size_t done, std::size_t total) {
        const std::size_t step = std::max<std::size_t>(1, total / (terminal ? 100 : 10));
        if (done == total || done % step == 0)
            std::fprintf(stderr, terminal ? "\rsweep: %zu / %zu runs" : "sweep: %zu / %zu runs\n",
                         done, total);
    });
    if (terminal)
        std::fprintf(stderr, "\n");
    std::string error;
    std::error_code ec;
    std::filesystem::remove(*out + ".tmp", ec);
    if (!writeFile(
            *out, [&](std::ostream &o) { sweep.writeCsv(o); }, error)) {
        std::cerr << "resilience-lab: " << error << '\n';
        return kExitBadInput;
    }
    // The chosen metric, point by point (mean over seeds), on stdout.
    std::cout << axes[0].path << (axes.size() > 1 ? "," + axes[1].path : std::string()) << ","
              << metric << '\n';
    const auto &results = sweep.results();
    for (std::size_t i = 0; i < results.size(); i += static_cast<std::size_t>(seeds)) {
        double sum = 0;
        for (int k = 0; k < seeds; ++k)
            sum += *metricValue(results[i + static_cast<std::size_t>(k)].metrics, metric);
        for (std::size_t a = 0; a < results[i].values.size(); ++a)
            std::cout << (a ? "," : "") << formatDecimal3(results[i].values[a]);
        std::cout << "," << formatFraction(sum / seeds) << '\n';
    }
    return kExitOk;
}

int commandExportConfig(const std::vector<std::string> &args)
{
    std::optional<std::string> scenarioArg;
    std::optional<std::string> format;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--format") {
            if (i + 1 >= args.size())
                return badUsage("--format needs resilience4j or polly");
            format = args[++i];
        } else if (!args[i].empty() && args[i][0] == '-') {
            return badUsage("unknown option " + args[i]);
        } else if (!scenarioArg) {
            scenarioArg = args[i];
        } else {
            return badUsage("export-config takes one SCENARIO");
        }
    }
    if (!scenarioArg || !format)
        return badUsage("export-config needs SCENARIO --format resilience4j|polly");
    if (*format != "resilience4j" && *format != "polly")
        return badUsage("--format must be resilience4j or polly (got \"" + *format + "\")");
    const Loaded l = loadScenario(*scenarioArg);
    if (!l.parse.ok()) {
        printErrors(l);
        return kExitBadInput;
    }
    std::cout << (*format == "resilience4j" ? exportResilience4jYaml(*l.parse.scenario)
                                            : exportPollyCSharp(*l.parse.scenario));
    return kExitOk;
}

int commandGraph(const std::vector<std::string> &args)
{
    std::optional<std::string> scenarioArg;
    std::optional<std::string> format;
    std::optional<std::filesystem::path> out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--format") {
            if (i + 1 >= args.size())
                return badUsage("--format needs dot or svg");
            format = args[++i];
        } else if (args[i] == "--out") {
            if (i + 1 >= args.size())
                return badUsage("--out needs a FILE");
            out = args[++i];
        } else if (!args[i].empty() && args[i][0] == '-') {
            return badUsage("unknown option " + args[i]);
        } else if (!scenarioArg) {
            scenarioArg = args[i];
        } else {
            return badUsage("graph takes one SCENARIO");
        }
    }
    if (!scenarioArg)
        return badUsage("graph needs SCENARIO --format dot|svg");
    const std::string fmt = format.value_or("dot");
    if (fmt != "dot" && fmt != "svg")
        return badUsage("--format must be dot or svg (got \"" + fmt + "\")");
    const Loaded l = loadScenario(*scenarioArg);
    if (!l.parse.ok()) {
        printErrors(l);
        return kExitBadInput;
    }
    std::string text = scenarioToDot(*l.parse.scenario);
    if (fmt == "svg") {
        std::string error;
        std::optional<std::string> svg = layout::renderSvg(text, error);
        if (!svg) {
            std::cerr << "resilience-lab: " << error << '\n';
            return kExitChecksFailed;
        }
        text = std::move(*svg);
    }
    if (!out) {
        std::cout << text;
        return kExitOk;
    }
    std::string error;
    if (!writeFile(
            *out, [&](std::ostream &o) { o << text; }, error)) {
        std::cerr << "resilience-lab: " << error << '\n';
        return kExitBadInput;
    }
    return kExitOk;
}

int commandGui(const std::vector<std::string> &args, int argc, char **argv)
{
    std::optional<std::string> scenarioArg;
    std::optional<std::string> lang;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string error;
        if (args[i] == "--lang") {
            if (!readLanguage(args, i, lang, error))
                return badUsage(error);
        } else if (!args[i].empty() && args[i][0] == '-') {
            return badUsage("unknown option " + args[i]);
        } else if (!scenarioArg) {
            scenarioArg = args[i];
        } else {
            return badUsage("gui takes at most one SCENARIO");
        }
    }
#ifdef RESLAB_HAVE_UI
    return ui::runGui(argc, argv, scenarioArg.value_or("preset:seed-resilient-service"),
                      lang.value_or(std::string()));
#else
    (void)argc;
    (void)argv;
    (void)scenarioArg;
    (void)lang;
    std::cerr << "resilience-lab: this build has no GUI (configured with -DRESLAB_BUILD_UI=OFF).\n"
                 "Try: resilience-lab run preset:seed-resilient-service\n";
    return kExitBadInput;
#endif
}

} // namespace

int run(int argc, char **argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty())
        return commandGui({}, argc, argv);
    const std::string command = args.front();
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    try {
        if (command == "run")
            return commandRun(rest);
        if (command == "validate")
            return commandValidate(rest);
        if (command == "presets")
            return commandPresets(rest);
        if (command == "render")
            return commandRender(rest, argc, argv);
        if (command == "sweep")
            return commandSweep(rest);
        if (command == "export-config")
            return commandExportConfig(rest);
        if (command == "graph")
            return commandGraph(rest);
        if (command == "gui")
            return commandGui(rest, argc, argv);
        if (command == "help" || command == "--help" || command == "-h") {
            std::cout << kUsage;
            return kExitOk;
        }
    } catch (const std::bad_alloc &) {
        std::cerr << "resilience-lab: out of memory\n";
        return kExitChecksFailed;
    } catch (const std::exception &e) {
        std::cerr << "resilience-lab: internal error: " << e.what() << '\n';
        return kExitChecksFailed;
    }
    return badUsage("unknown command \"" + command + "\"");
}

} // namespace reslab::cli
