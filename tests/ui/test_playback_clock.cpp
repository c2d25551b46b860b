// The one playback clock of the GUI (PlaybackClock): virtual time = wall time × speed, pause stops
// it, a speed change applies from the change on; and the SimulationController and the compare
// window's LockstepClock advance by its frames. A fake wall clock: no sleeps.
#include "playback_clock.h"
#include "simulation_controller.h"
#include "tuning/lockstep_clock.h"
#include "ui_runs.h"

#include <gtest/gtest.h>

#include <vector>

namespace reslab::ui {
namespace {
using namespace reslab::ui::test;

/// A PlaybackClock on a wall clock the test moves by hand, recording the frames it emits.
struct FakeWall
{
    explicit FakeWall(PlaybackClock &c)
        : clock(c)
    {
        clock.setWallClock([this] { return nowMs; });
        QObject::connect(&clock, &PlaybackClock::frame, &clock,
                         [this](double wallMs, SimTime step) {
                             wall.push_back(wallMs);
                             steps.push_back(step);
                         });
    }
    /// `ms` of wall time pass, then the frame timer fires.
    void frameAfter(qint64 ms)
    {
        nowMs += ms;
        clock.onTimer();
    }
    SimTime total() const
    {
        SimTime t = 0;
        for (SimTime s : steps)
            t += s;
        return t;
    }

    PlaybackClock &clock;
    qint64 nowMs = 1000;
    std::vector<double> wall;
    std::vector<SimTime> steps;
};

TEST(PlaybackClock, VirtualTimeIsElapsedTimesSpeed)
{
    PlaybackClock clock;
    FakeWall fake(clock);
    EXPECT_FALSE(clock.isPlaying());
    EXPECT_EQ(clock.speed(), 1.0);
    clock.play();
    EXPECT_TRUE(clock.isPlaying());
    fake.frameAfter(16);
    fake.frameAfter(17);
    ASSERT_EQ(fake.steps.size(), 2u);
    EXPECT_EQ(fake.wall, (std::vector<double>{16, 17}));
    EXPECT_EQ(fake.steps, (std::vector<SimTime>{16 * kMicrosPerMilli, 17 * kMicrosPerMilli}));

    EXPECT_TRUE(clock.setSpeed(25));
    fake.frameAfter(40);
    EXPECT_EQ(fake.steps.back(), 40 * 25 * kMicrosPerMilli);
    EXPECT_EQ(clock.virtualFor(2.5), 62'500); // 2.5 ms × 25
    EXPECT_EQ(clock.virtualFor(-3), 0);
}

TEST(PlaybackClock, PauseStopsItAndThePauseDoesNotCount)
{
    PlaybackClock clock;
    FakeWall fake(clock);
    clock.setSpeed(10);
    clock.play();
    fake.frameAfter(20);
    ASSERT_EQ(fake.total(), 200 * kMicrosPerMilli);

    clock.pause();
    EXPECT_FALSE(clock.isPlaying());
    fake.frameAfter(500); // a timer event already queued: ignored
    clock.tick(16);
    EXPECT_EQ(fake.steps.size(), 1u);

    clock.play(); // the wall time counts from here, not from the last frame
    fake.frameAfter(30);
    EXPECT_EQ(fake.steps.back(), 300 * kMicrosPerMilli);
    EXPECT_EQ(fake.total(), 500 * kMicrosPerMilli);
}

TEST(PlaybackClock, ASpeedChangeAppliesFromTheChangeOn)
{
    PlaybackClock clock;
    FakeWall fake(clock);
    clock.play();
    fake.frameAfter(10); // 10 ms at 1×
    fake.nowMs += 6;     // 6 ms more at 1× ...
    EXPECT_TRUE(clock.setSpeed(100));
    fake.frameAfter(10); // ... then 10 ms at 100×, in the same frame
    ASSERT_EQ(fake.steps.size(), 2u);
    EXPECT_EQ(fake.wall.back(), 16);
    EXPECT_EQ(fake.steps.back(), (6 + 10 * 100) * kMicrosPerMilli);
    fake.frameAfter(16); // a whole frame at 100×
    EXPECT_EQ(fake.steps.back(), 16 * 100 * kMicrosPerMilli);
    EXPECT_EQ(fake.total(), (10 + 6 + 1000 + 1600) * kMicrosPerMilli);

    EXPECT_FALSE(clock.setSpeed(100)); // no change
    clock.pause();
    EXPECT_TRUE(clock.setSpeed(2)); // paused: nothing pending
    clock.play();
    fake.frameAfter(16);
    EXPECT_EQ(fake.steps.back(), 32 * kMicrosPerMilli);
}

TEST(PlaybackClock, SpeedIsClampedAndAStalledFrameDoesNotJump)
{
    PlaybackClock clock;
    FakeWall fake(clock);
    clock.setSpeed(0);
    EXPECT_EQ(clock.speed(), PlaybackClock::kMinSpeed);
    clock.setSpeed(1e9);
    EXPECT_EQ(clock.speed(), PlaybackClock::kMaxSpeed);
    clock.setSpeed(3);
    clock.play();
    fake.frameAfter(5000); // the window stalled for 5 s
    EXPECT_EQ(fake.wall.back(), PlaybackClock::kMaxFrameMs);
    EXPECT_EQ(fake.steps.back(), clock.virtualFor(PlaybackClock::kMaxFrameMs));
    EXPECT_EQ(fake.steps.back(), 300 * kMicrosPerMilli);
}

TEST(PlaybackClock, RunToEndPlaysUntilPaused)
{
    PlaybackClock clock;
    clock.runToEnd();
    EXPECT_TRUE(clock.isPlaying());
    EXPECT_TRUE(clock.isRunningToEnd());
    clock.pause();
    EXPECT_FALSE(clock.isPlaying());
    EXPECT_FALSE(clock.isRunningToEnd());
}

TEST(PlaybackClock, TheControllerAdvancesByItsFrames)
{
    SimulationController c;
    c.load(preset("seed-resilient-service"));
    c.setFrameBudgetMs(1e9); // the whole target, however slow the machine
    FakeWall fake(*c.playback());
    c.setSpeed(20);
    EXPECT_EQ(c.speed(), 20);
    c.play();
    EXPECT_TRUE(c.isPlaying());
    fake.frameAfter(16);
    EXPECT_EQ(c.now(), 16 * 20 * kMicrosPerMilli);
    fake.nowMs += 4;
    c.setSpeed(50);
    fake.frameAfter(12);
    EXPECT_EQ(c.now(), (16 * 20 + 4 * 20 + 12 * 50) * kMicrosPerMilli);
    c.pause();
    EXPECT_FALSE(c.isPlaying());
    fake.frameAfter(100);
    EXPECT_EQ(c.now(), (16 * 20 + 4 * 20 + 12 * 50) * kMicrosPerMilli);
    // tick() stays "one frame as if wallMs had passed at the current speed".
    c.tick(10);
    EXPECT_EQ(c.now(), (16 * 20 + 4 * 20 + 12 * 50 + 10 * 50) * kMicrosPerMilli);
}

TEST(PlaybackClock, TheLockstepClockAdvancesBothRunsByItsFrames)
{
    SimulationController a;
    SimulationController b;
    a.load(preset("seed-resilient-service"));
    b.load(preset("seed-resilient-service"));
    LockstepClock lockstep(&a, &b);
    FakeWall fake(*lockstep.playback());
    lockstep.setSpeed(10);
    lockstep.play();
    EXPECT_TRUE(lockstep.isPlaying());
    EXPECT_FALSE(a.isPlaying()); // the controllers' own clocks never run
    fake.frameAfter(16);
    EXPECT_EQ(lockstep.now(), 160 * kMicrosPerMilli);
    EXPECT_EQ(a.now(), b.now());
    lockstep.pause();
    fake.frameAfter(16);
    EXPECT_EQ(lockstep.now(), 160 * kMicrosPerMilli);
}

} // namespace
} // namespace reslab::ui
