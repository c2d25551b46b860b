#pragma once

#include "playback_clock.h"

#include "reslab/kernel/time.h"

#include <QObject>

namespace reslab::ui {

class SimulationController;

/// One clock for two runs (the A/B compare window): every frame it advances both controllers to
/// exactly the same virtual time, so their buckets, charts and animations stay in step. Real-time
/// pacing (wall clock × speed, its own PlaybackClock) happens here; the controllers' own clocks
/// never run. When the
/// engines cannot keep up within the frame budget, both advance less (lagging()) — never one
/// without the other.
///
///     LockstepClock clock(&a, &b);
///     clock.advanceTo(fromSeconds(10)); // both runs at t = 10 s, one frame
class LockstepClock final : public QObject
{
    Q_OBJECT

public:
    LockstepClock(SimulationController *a, SimulationController *b, QObject *parent = nullptr);

    /// The common virtual time (the later of the two, should one run be shorter).
    SimTime now() const;
    /// The end of the longer run.
    SimTime end() const;
    bool isPlaying() const { return m_clock.isPlaying(); }
    double speed() const { return m_clock.speed(); }
    /// The transport: play/pause, speed and the frame timer (tests inject its wall clock).
    PlaybackClock *playback() { return &m_clock; }
    bool lagging() const { return m_lagging; }
    /// Both runs are over.
    bool isFinished() const;

    /// Runs both simulations to exactly `t` (each at most to its end) as one frame.
    void advanceTo(SimTime t);
    /// One frame as if `wallMs` had passed (what the timer does; tests call it directly).
    void tick(double wallMs);
    /// Wall time the engines may take per frame (ms).
    void setFrameBudgetMs(double ms) { m_budgetMs = ms; }
    /// Wall time both engines took in the last frame, in ms.
    double lastFrameEngineMs() const { return m_lastEngineMs; }

public slots:
    void play();
    void pause();
    void togglePlay();
    /// Virtual seconds per wall second, 0.1 to 1000.
    void setSpeed(double speed);
    /// Both runs back to t = 0 (paused).
    void reset();
    /// Runs both to the end over the next frames (the window stays responsive).
    void runToEnd();

signals:
    /// Both runs advanced (after each controller's own frameAdvanced).
    void frameAdvanced();
    /// Play/pause, speed or lag status changed.
    void transportChanged();
    /// Both runs reached their end.
    void finished();

private:
    /// One frame: both runs advance by `step` of virtual time (running to the end: as far as
    /// the budget allows).
    void advanceFrame(SimTime step);

    SimulationController *m_a;
    SimulationController *m_b;
    PlaybackClock m_clock;
    bool m_lagging = false;
    double m_budgetMs = 12.0;
    double m_lastEngineMs = 0;
    SimTime m_maxStep = 2 * kMicrosPerSecond; ///< virtual time per frame the engines manage
};

} // namespace reslab::ui
