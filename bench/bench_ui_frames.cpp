// GUI frame time under load, offscreen: the whole MainWindow on seed-resilient-service at
// 1000 req/s, driven frame by frame at 10x speed with a synthetic wall clock of 16.7 ms per frame
// (SimulationController::tick), as the window's 60 Hz timer would. Per frame it measures the
// engine's advance, the views' per-frame work (every frameAdvanced slot: flow view, charts, event
// log model, ...) and the repaint into the offscreen backing store, in two passes:
//   full   the whole window repainted every frame (QWidget::repaint + processEvents): worst case;
//   dirty  only what the views marked dirty (processEvents after the frame): what the app does.
// In the full pass it also times the event log apart: a second EventLogModel + kind filter fed
// the same frames, and the repaint of the event log dock's widget alone.
// Baselines from the same run: the repaint of an empty QWidget of the same size, and the engine
// advanced alone by the same steps with the same event sink and no window.
// Times are wall clock; "CPU" is this thread's CPU time (the machine may be shared).
//
//   bench_ui_frames [--frames N] [--rate R] [--speed S]
//
// Built only with RESLAB_BUILD_UI and RESLAB_BUILD_BENCH; reported in docs/performance.md.
#include "charts/bucket_window.h"
#include "frame_events.h"
#include "main_window.h"
#include "scenario_document.h"
#include "simulation_controller.h"
#include "views/event_log_model.h"
#include "views/event_log_view.h"

#include "models.h"

#include "reslab/io/scenario_io.h"
#include "reslab/model/presets.h"
#include "reslab/model/simulation.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QHeaderView>
#include <QStandardPaths>
#include <QTableView>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace reslab;
using namespace reslab::ui;

constexpr double kFrameMs = 16.7; // the 60 frames/s budget

struct Options
{
    int frames = 600;
    double rate = 1000;
    double speed = 10;
    bool fanout = false; ///< the 10-service fan-out graph: the window opens on its topology
};

struct Stats
{
    double mean = 0, p50 = 0, p95 = 0, p99 = 0, max = 0, total = 0;
};

Stats stats(std::vector<double> v)
{
    Stats s;
    if (v.empty())
        return s;
    std::sort(v.begin(), v.end());
    auto q = [&](double p) {
        const auto i = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size()))) - 1;
        return v[std::min(i, v.size() - 1)];
    };
    s.total = std::accumulate(v.begin(), v.end(), 0.0);
    s.mean = s.total / static_cast<double>(v.size());
    s.p50 = q(0.50);
    s.p95 = q(0.95);
    s.p99 = q(0.99);
    s.max = v.back();
    return s;
}

void printRow(const char *name, const Stats &s)
{
    std::printf("%-44s %8.2f %8.2f %8.2f %8.2f %8.2f\n", name, s.mean, s.p50, s.p95, s.p99, s.max);
}

double elapsedMs(const QElapsedTimer &t)
{
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

std::string firstLine(const char *path, const char *prefix)
{
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (prefix == nullptr || line.rfind(prefix, 0) == 0)
            return line;
    }
    return {};
}

nlohmann::json scenarioJson(double rate, bool fanout)
{
    if (fanout)
        return scenarioToJson(bench::fanoutScenario(rate, 3600));
    const auto preset = findPreset("seed-resilient-service");
    if (!preset) {
        std::fprintf(stderr, "bench_ui_frames: preset seed-resilient-service is missing\n");
        std::exit(1);
    }
    nlohmann::json doc = nlohmann::json::parse(preset->json);
    doc["load"]["rate_per_s"] = rate;
    return doc;
}

struct Pass
{
    std::vector<double> engine, views, paint, frame, frameCpu;
    std::vector<double> logAppend; ///< full pass only
    int logPaints = 0;             ///< frames in which the event log's rows were painted
    std::vector<double> bucketFrames, otherFrames; ///< frame totals: a bucket closed or not
    int lagging = 0;
    std::uint64_t events = 0;
    double simulatedS = 0;
    std::string logGeometry; ///< the event log dock's widget
};

/// Counts the paint events a widget receives.
class PaintCounter final : public QObject
{
public:
    int count = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++count;
        return QObject::eventFilter(watched, event);
    }
};

enum class Mode
{
    Full,        ///< the whole window repainted every frame
    Dirty,       ///< only what the views marked dirty
    DirtyNoDocks ///< the same with the event log and summary docks closed
};

/// One pass of `frames` frames over the whole window.
Pass runWindow(const Options &o, Mode mode)
{
    const bool full = mode == Mode::Full;
    MainWindow window;
    window.document()->reset(
        scenarioJson(o.rate, o.fanout),
        QString(o.fanout ? "fan-out graph (%1 req/s)" : "preset:seed-resilient-service (%1 req/s)")
            .arg(o.rate));
    window.resize(1600, 1000);
    window.show();
    QApplication::processEvents();
    SimulationController *c = window.controller();
    c->setSpeed(o.speed);
    // The event log's model work, measured apart on a twin fed the same frames.
    EventLogModel twin;
    EventKindFilter twinFilter;
    twinFilter.setSourceModel(&twin);
    QWidget *logWidget = window.eventLog();
    PaintCounter logPaints;
    window.eventLog()->table()->viewport()->installEventFilter(&logPaints);
    // The docks start closed in the app (View > Event log / Summary): the first two passes open
    // them (the heaviest window), the third measures the window as it starts.
    for (const char *name : {"eventLogDock", "summaryDock"})
        window.findChild<QWidget *>(name)->setVisible(mode != Mode::DirtyNoDocks);
    QApplication::processEvents();

    Pass p;
    QTableView *table = window.eventLog()->table();
    p.logGeometry =
        QString("%1x%2 px, %3 rows in sight")
            .arg(logWidget->width())
            .arg(logWidget->height())
            .arg(table->viewport()->height() / table->verticalHeader()->defaultSectionSize())
            .toStdString();
    const std::uint64_t events0 = c->frameEvents().total();
    for (int i = 0; i < o.frames; ++i) {
        const double cpu0 = threadCpuMs();
        QElapsedTimer t;
        t.start();
        const std::size_t closed0 = closedRowCount(*c->simulation());
        c->tick(kFrameMs); // the engine advance + every frameAdvanced slot
        const bool bucketClosed = closedRowCount(*c->simulation()) != closed0;
        const double tickMs = elapsedMs(t);
        const double engineMs = c->lastFrameEngineMs();
        t.restart();
        if (full)
            window.repaint(); // the whole window, synchronously, into the backing store
        QApplication::processEvents();
        const double paintMs = elapsedMs(t);
        const double cpuMs = threadCpuMs() - cpu0;
        p.engine.push_back(engineMs);
        p.views.push_back(std::max(0.0, tickMs - engineMs));
        p.paint.push_back(paintMs);
        p.frame.push_back(tickMs + paintMs);
        p.frameCpu.push_back(cpuMs);
        (bucketClosed ? p.bucketFrames : p.otherFrames).push_back(tickMs + paintMs);
        p.lagging += c->lagging() ? 1 : 0;
        if (full) {
            t.restart();
            twin.append(c->frameEvents().events());
            p.logAppend.push_back(elapsedMs(t));
        }
    }
    p.logPaints = logPaints.count;
    p.events = c->frameEvents().total() - events0;
    p.simulatedS = toSeconds(c->now());
    if (window.eventLog()->model()->rowCount() != EventLogModel::kDefaultCapacity)
        std::fprintf(stderr, "bench_ui_frames: the event log holds %d rows, expected %d\n",
                     window.eventLog()->model()->rowCount(), EventLogModel::kDefaultCapacity);
    return p;
}

std::vector<double> runEmptyWidget(int frames)
{
    QWidget empty;
    empty.resize(1600, 1000);
    empty.show();
    QApplication::processEvents();
    std::vector<double> v;
    for (int i = 0; i < frames; ++i) {
        QElapsedTimer t;
        t.start();
        empty.repaint();
        QApplication::processEvents();
        v.push_back(elapsedMs(t));
    }
    return v;
}

std::vector<double> runEngineAlone(const Options &o)
{
    const ScenarioParse parsed = parseScenario(scenarioJson(o.rate, o.fanout));
    FrameEvents sink;
    RunOptions options;
    options.sink = &sink;
    Simulation sim(*parsed.scenario, options);
    const auto step = static_cast<SimTime>(std::llround(kFrameMs * 1000.0 * o.speed));
    std::vector<double> v;
    for (int i = 0; i < o.frames; ++i) {
        sink.clear();
        QElapsedTimer t;
        t.start();
        sim.advanceTo(sim.now() + step);
        v.push_back(elapsedMs(t));
    }
    return v;
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&] {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "bench_ui_frames: %s needs a value\n", a.c_str());
                std::exit(2);
            }
            return std::atof(argv[++i]);
        };
        if (a == "--frames")
            o.frames = std::max(1, static_cast<int>(next()));
        else if (a == "--rate")
            o.rate = next();
        else if (a == "--speed")
            o.speed = next();
        else if (a == "--fanout")
            o.fanout = true;
        else {
            std::fprintf(stderr, "usage: bench_ui_frames [--frames N] [--rate R] [--speed S] "
                                 "[--no-log-pass] [--fanout]\n");
            return 2;
        }
    }

    setenv("QT_QPA_PLATFORM", "offscreen", 1); // no display needed, same pixels as grab()
    QStandardPaths::setTestModeEnabled(true);  // leave the user's settings alone
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ResilienceLabBench");
    QApplication::setApplicationName("bench_ui_frames");

    const std::string load0 = firstLine("/proc/loadavg", nullptr);
    const Pass full = runWindow(o, Mode::Full);
    const Pass dirty = runWindow(o, Mode::Dirty);
    const Pass noDocks = runWindow(o, Mode::DirtyNoDocks);
    const std::vector<double> empty = runEmptyWidget(o.frames);
    const std::vector<double> alone = runEngineAlone(o);
    const std::string load1 = firstLine("/proc/loadavg", nullptr);

    std::string cpu = firstLine("/proc/cpuinfo", "model name");
    if (const auto colon = cpu.find(':'); colon != std::string::npos)
        cpu = cpu.substr(colon + 2);
    std::printf("Resilience Lab — GUI frame time (offscreen, MainWindow 1600x1000)\n");
    std::printf("scenario    %s, load %.0f req/s, speed %.0fx, %d frames of "
                "%.1f ms wall per pass (%.1f s simulated, %.2f M events)\n",
                o.fanout ? "10-service fan-out graph (topology view)" : "seed-resilient-service",
                o.rate, o.speed, o.frames, kFrameMs, full.simulatedS,
                static_cast<double>(full.events) / 1e6);
    std::printf("machine     %s, %u hardware threads; Qt %s, platform %s\n", cpu.c_str(),
                std::thread::hardware_concurrency(), qVersion(),
                qPrintable(QGuiApplication::platformName()));
    std::printf("event log   %s (2000 rows kept)\n", full.logGeometry.c_str());
    std::printf("load avg    %s before, %s after\n\n", load0.substr(0, 14).c_str(),
                load1.substr(0, 14).c_str());

    const Stats frame = stats(full.frame), engine = stats(full.engine), views = stats(full.views),
                paint = stats(full.paint), frameCpu = stats(full.frameCpu);
    const Stats dFrame = stats(dirty.frame), dEngine = stats(dirty.engine),
                dViews = stats(dirty.views), dPaint = stats(dirty.paint),
                dCpu = stats(dirty.frameCpu);
    const Stats logAppend = stats(full.logAppend), nd = stats(noDocks.frame),
                ndCpu = stats(noDocks.frameCpu);
    const Stats emptyS = stats(empty), aloneS = stats(alone);
    std::printf("%-44s %8s %8s %8s %8s %8s\n", "per frame (ms)", "mean", "p50", "p95", "p99",
                "max");
    std::printf("%s\n", std::string(89, '-').c_str());
    printRow("full repaint: frame total (wall)", frame);
    printRow("  engine advance", engine);
    printRow("  views update (frameAdvanced slots)", views);
    printRow("  repaint of the whole window", paint);
    printRow("  frame total, thread CPU time", frameCpu);
    printRow("  event log: model + filter append (twin)", logAppend);
    printRow("dirty only: frame total (wall)", dFrame);
    printRow("  engine advance", dEngine);
    printRow("  views update (frameAdvanced slots)", dViews);
    printRow("  repaint of what the views marked dirty", dPaint);
    printRow("  frame total, thread CPU time", dCpu);
    printRow("dirty only, docks closed as at start (wall)", nd);
    printRow("  frame total, thread CPU time", ndCpu);
    printRow("baseline: empty QWidget 1600x1000 repaint", emptyS);
    printRow("baseline: engine alone, same steps", aloneS);

    auto over = [](const std::vector<double> &v) {
        return static_cast<int>(
            std::count_if(v.begin(), v.end(), [](double ms) { return ms > kFrameMs; }));
    };
    std::printf("\nshares and ratios                               full repaint   dirty only\n");
    std::printf("  engine share of frame time                    %8.1f %%   %8.1f %%\n",
                100.0 * engine.total / frame.total, 100.0 * dEngine.total / dFrame.total);
    std::printf("  drawing share (views update + repaint)        %8.1f %%   %8.1f %%\n",
                100.0 * (views.total + paint.total) / frame.total,
                100.0 * (dViews.total + dPaint.total) / dFrame.total);
    std::printf("  frame mean / 16.7 ms budget (wall)            %8.2f     %8.2f\n",
                frame.mean / kFrameMs, dFrame.mean / kFrameMs);
    std::printf("  frame p95 / budget (wall)                     %8.2f     %8.2f\n",
                frame.p95 / kFrameMs, dFrame.p95 / kFrameMs);
    std::printf("  frame mean / budget (thread CPU)              %8.2f     %8.2f\n",
                frameCpu.mean / kFrameMs, dCpu.mean / kFrameMs);
    std::printf("  frames over budget (wall)                     %5d/%d    %5d/%d\n",
                over(full.frame), o.frames, over(dirty.frame), o.frames);
    std::printf("  frames where the engine lagged                %5d/%d    %5d/%d\n", full.lagging,
                o.frames, dirty.lagging, o.frames);
    std::printf("  achievable frames/s (1000 / wall mean)        %8.1f     %8.1f\n",
                1000.0 / frame.mean, 1000.0 / dFrame.mean);
    std::printf("  repaint / empty-widget repaint                %8.1fx    %8.1fx\n",
                paint.mean / emptyS.mean, dPaint.mean / emptyS.mean);
    std::printf("  engine in the GUI / engine alone              %8.2fx    %8.2fx\n",
                engine.mean / aloneS.mean, dEngine.mean / aloneS.mean);
    std::printf("  event log model append / frame                %8.1f %%\n",
                100.0 * logAppend.total / frame.total);
    std::printf("  frames in which the log's rows were painted   %5d/%d    %5d/%d\n",
                full.logPaints, o.frames, dirty.logPaints, o.frames);
    std::printf("  frames in which a bucket closed (charts redraw) %3zu/%d      %3zu/%d\n",
                full.bucketFrames.size(), o.frames, dirty.bucketFrames.size(), o.frames);
    std::printf("    their mean frame (wall)                     %8.2f ms   %8.2f ms\n",
                stats(full.bucketFrames).mean, stats(dirty.bucketFrames).mean);
    std::printf("    the other frames' mean / p95 (wall)         %5.2f / %5.2f  %5.2f / %5.2f\n",
                stats(full.otherFrames).mean, stats(full.otherFrames).p95,
                stats(dirty.otherFrames).mean, stats(dirty.otherFrames).p95);
    std::printf("  dirty frame with docks / without (wall, CPU)  %8.2fx    %8.2fx\n",
                dFrame.mean / nd.mean, dCpu.mean / ndCpu.mean);
    return 0;
}
