#pragma once

#include "reslab/kernel/time.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

namespace reslab::ui {

/// The transport of a playing run (DESIGN rule 4: the engine never sleeps; the UI advances it to
/// wall_clock × speed): play / pause / run to the end, the speed, and the frame timer (up to 60
/// frames per second) that says how much wall time passed since the last frame and how much
/// virtual time that stands for. Its owner (the SimulationController, the compare window's
/// LockstepClock) advances its runs on frame() by that step — or, running to the end, as far as
/// its frame budget allows.
///
///     PlaybackClock clock;
///     connect(&clock, &PlaybackClock::frame, this, [this](double, SimTime step) { advance(step); });
///     clock.setSpeed(10);
///     clock.play(); // 16 ms of wall time later: frame(16, 160 ms)
class PlaybackClock final : public QObject
{
    Q_OBJECT

public:
    static constexpr double kMinSpeed = 0.1;
    static constexpr double kMaxSpeed = 1000.0;
    /// A frame never stands for more wall time than this (a stalled window: no jump).
    static constexpr double kMaxFrameMs = 100.0;
    /// A monotonic wall clock in ms (tests inject one; by default a QElapsedTimer).
    using WallClock = std::function<qint64()>;

    explicit PlaybackClock(QObject *parent = nullptr);

    bool isPlaying() const { return m_playing; }
    /// Playing towards the end as fast as the owner's budget allows (not paced by the wall).
    bool isRunningToEnd() const { return m_runningToEnd; }
    /// Virtual seconds per wall second, kMinSpeed to kMaxSpeed.
    double speed() const { return m_speed; }
    /// The virtual time `wallMs` of wall time stands for at the current speed (0 if negative).
    SimTime virtualFor(double wallMs) const;

    /// Starts the frames; the wall time counts from now (a pause does not count).
    void play();
    /// Plays, each frame running as far as the owner can (until pause()).
    void runToEnd();
    /// Stops the frames (and running to the end).
    void pause();
    /// Clamps to [kMinSpeed, kMaxSpeed]; returns whether the speed changed. The new speed applies
    /// from now on: the wall time before the change, in the current frame, keeps the old one.
    bool setSpeed(double speed);

    /// Replaces the wall clock (tests: a fake one they move by hand). Call before play().
    void setWallClock(WallClock clock);
    /// What the timer calls: if playing, emits frame() with the wall time since the last frame
    /// (or play()), at most kMaxFrameMs. Tests call it directly with a fake wall clock.
    void onTimer();
    /// Emits frame(wallMs, virtualFor(wallMs)) if playing, as if `wallMs` of wall time had
    /// passed at the current speed.
    void tick(double wallMs);

signals:
    /// One frame while playing: `wallMs` of wall time passed, which stands for `step` of virtual
    /// time (wall × speed, each part of the frame at the speed it was played at).
    void frame(double wallMs, reslab::SimTime step);

private:
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    WallClock m_wallClock;
    qint64 m_lastFrame = 0;
    double m_pendingWallMs = 0; ///< wall time of this frame before the last speed change
    SimTime m_pendingStep = 0;  ///< its virtual time, at the speeds it was played at
    bool m_playing = false;
    bool m_runningToEnd = false;
    double m_speed = 1.0;
};

} // namespace reslab::ui
