#pragma once

#include "frame_events.h"
#include "playback_clock.h"

#include "reslab/model/scenario.h"
#include "reslab/model/simulation.h"

#include <QObject>

#include <memory>
#include <optional>

namespace reslab::ui {

/// Paces the engine against the wall clock for the GUI (DESIGN rule 4: the engine never sleeps;
/// the UI advances it to wall_clock x speed, the PlaybackClock's frames). Each frame it runs the
/// engine within a time budget, so the window stays responsive even when the engine cannot keep up
/// (then it says so through lagging()). Views read the Simulation and the frame's events in
/// their slot for frameAdvanced().
class SimulationController final : public QObject
{
    Q_OBJECT

public:
    explicit SimulationController(QObject *parent = nullptr);
    ~SimulationController() override;

    /// Starts a new run of `scenario` (paused at t = 0).
    void load(const Scenario &scenario);
    /// Applies an edited scenario: in the running simulation from now on (hot), or by restarting.
    void apply(const Scenario &scenario, bool hot);

    Simulation *simulation() const { return m_sim.get(); }
    const Scenario &scenario() const { return m_scenario; }
    /// The events of the last frame (cleared at the start of each frame; a step to the next
    /// transition keeps the most recent ones).
    const FrameEvents &frameEvents() const { return m_events; }
    bool isPlaying() const { return m_clock.isPlaying(); }
    double speed() const { return m_clock.speed(); }
    /// The transport: play/pause, speed and the frame timer (tests inject its wall clock).
    PlaybackClock *playback() { return &m_clock; }
    std::uint64_t seed() const { return m_seed; }
    SimTime now() const;
    /// True when the last frames could not reach wall x speed within the frame budget.
    bool lagging() const { return m_lagging; }
    /// Virtual times at which edits were hot-applied in this run.
    std::vector<SimTime> hotApplyTimes() const;
    /// Runs this run again from t = 0 to now() with `sink` attached — same scenario, seed and
    /// hot-applied edits at the same instants, so it replays exactly (the full event log for an
    /// export, without keeping every event in memory while playing).
    void replay(EventSink &sink) const;
    /// Wall time the engine took in the last frame, in ms.
    double lastFrameEngineMs() const { return m_lastEngineMs; }

    /// The edge the views follow (breaker diagram, fallback panel, retry timeline, event log):
    /// the client's unless an edge of the graph was selected. It outlives reruns by name and
    /// falls back to the client edge when the name disappears.
    void setSelectedEdge(const std::string &name);
    const std::string &selectedEdgeName() const { return m_selectedEdge; }
    /// The selected edge of the running simulation (the client edge when none or not found);
    /// nullptr without a simulation.
    const EdgeRun *selectedEdge() const;

    /// Frame budget for the engine (ms of wall time per frame).
    void setFrameBudgetMs(double ms) { m_budgetMs = ms; }
    /// Drives one frame as if `wallMs` had passed (tests and benchmarks call this directly).
    void tick(double wallMs);

public slots:
    void play();
    void pause();
    void togglePlay();
    void setSpeed(double speed);
    void setSeed(std::uint64_t seed);
    /// Runs exactly the next event.
    void stepEvent();
    /// Runs until the next breaker transition (or the end).
    void stepToTransition();
    void reset();
    /// Runs to the end over the next frames (the window stays responsive).
    void runToEnd();

signals:
    /// The simulation advanced; views redraw from simulation() and frameEvents().
    void frameAdvanced();
    /// A new run started (new scenario, seed or reset): views forget what they drew.
    void runReset();
    /// Edits were applied to the running simulation at virtual time t (µs).
    void hotApplied(qint64 t);
    /// Play/pause, speed, seed or lag status changed.
    void transportChanged();
    /// The run reached its end.
    void finished();
    /// Another edge was selected: the views that follow it redraw.
    void selectedEdgeChanged();

private:
    std::string m_selectedEdge;
    void restart();
    /// One frame: the paced run advances by `step` of virtual time (running to the end: as far
    /// as the budget allows).
    void advanceFrame(SimTime step);
    void advanceWithin(SimTime target, double budgetMs);

    Scenario m_scenario;
    std::unique_ptr<Simulation> m_sim;
    FrameEvents m_events;
    PlaybackClock m_clock;
    bool m_lagging = false;
    double m_budgetMs = 12.0;
    double m_lastEngineMs = 0;
    std::uint64_t m_seed = 1;
    Scenario m_runScenario; ///< what the run started with
    std::vector<std::pair<SimTime, Scenario>> m_hotApplies;
};

} // namespace reslab::ui
