// The controller's frame events: the overflow policies of FrameEvents, and a step to the next
// breaker transition keeping the events that led to it.
#include "frame_events.h"
#include "simulation_controller.h"
#include "ui_runs.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace reslab::ui {
namespace {
using namespace reslab::ui::test;

TEST(StepToTransition, KeepsTheFailuresThatTrippedTheBreaker)
{
    // outage-and-recovery with a breaker that needs 3000 consecutive failures at 200 req/s: the
    // streak lasts 15 s and takes well over 4096 engine steps (the old code cleared the frame
    // every 4096 steps and lost its beginning).
    Scenario s = preset("outage-and-recovery");
    s.load.ratePerS = 200;
    constexpr int kThreshold = 3000;
    ASSERT_TRUE(s.pipeline[1].is<BreakerSpec>());
    s.pipeline[1].as<BreakerSpec>().as<ConsecutiveOptions>().failureThreshold = kThreshold;
    SimulationController c;
    c.load(s);
    c.stepToTransition();
    ASSERT_EQ(c.simulation()->breakers()[0]->state(), BreakerState::Open);

    std::vector<std::string> frame;
    for (const EventRecord &e : c.frameEvents().events())
        frame.push_back(csvLine(e));
    const std::vector<std::string> engine = replayCsv(c);
    ASSERT_FALSE(frame.empty());
    EXPECT_EQ(frame, tail(engine, frame.size())); // the most recent events, in order

    // The transition is among them, and so are the attempt_end events of the failing calls
    // that led to it: the kThreshold failures just before the transition.
    std::size_t transition = engine.size();
    for (std::size_t i = engine.size(); i-- > 0;) {
        if (engine[i].find(",breaker_transition,closed->open") != std::string::npos) {
            transition = i;
            break;
        }
    }
    ASSERT_LT(transition, engine.size());
    const std::size_t firstInFrame = engine.size() - frame.size();
    EXPECT_GE(transition, firstInFrame);
    int failures = 0;
    std::size_t i = transition;
    while (failures < kThreshold && i-- > 0) {
        if (engine[i].find(",service:payments,attempt_end,") == std::string::npos)
            continue;
        EXPECT_NE(engine[i].find(",attempt_end,error"), std::string::npos) << engine[i];
        ++failures;
    }
    ASSERT_EQ(failures, kThreshold);
    EXPECT_GE(i, firstInFrame) << "the first failure of the streak was dropped";
}

TEST(FrameEvents, KeepLatestDropsTheOldestAndKeepsOrder)
{
    FrameEvents frame(10);
    frame.setOverflow(FrameEvents::Overflow::KeepLatest);
    for (std::uint64_t id = 1; id <= 25; ++id)
        frame.onEvent({.time = static_cast<SimTime>(id), .request = id});
    ASSERT_GE(frame.events().size(), 5u);
    EXPECT_LE(frame.events().size(), 10u);
    EXPECT_EQ(frame.events().back().request, 25u);
    for (std::size_t i = 1; i < frame.events().size(); ++i)
        EXPECT_EQ(frame.events()[i].request, frame.events()[i - 1].request + 1);
    EXPECT_EQ(frame.dropped() + frame.events().size(), 25u);
    EXPECT_EQ(frame.total(), 25u);

    FrameEvents first(10); // the default: the frame's first events
    for (std::uint64_t id = 1; id <= 25; ++id)
        first.onEvent({.time = static_cast<SimTime>(id), .request = id});
    ASSERT_EQ(first.events().size(), 10u);
    EXPECT_EQ(first.events().back().request, 10u);
    EXPECT_EQ(first.dropped(), 15u);
}

} // namespace
} // namespace reslab::ui
