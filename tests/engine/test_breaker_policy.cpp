// The three breaker policies driven directly, with a fake host that records transitions and timer
// arms, at explicit virtual times. Every expected value is worked out by hand from the rules in
// docs/semantics.md (circuit breaker: consecutive, resilience4j's CircuitBreakerStateMachine and
// Polly v8), never by printing what the code does.

#include "reslab/policies/breaker_policy.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace reslab {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr SimTime ms(std::int64_t v)
{
    return v * kMicrosPerMilli;
}

/// A breaker host that logs "T_ms from->to" for each transition and keeps the one armed timer.
class Harness final : public BreakerHost
{
public:
    explicit Harness(const BreakerSpec &spec) { policy = BreakerPolicy::create(spec, *this); }
    Harness(const Harness &) = delete;
    Harness &operator=(const Harness &) = delete;
    virtual ~Harness() = default;

    struct Call
    {
        bool allowed = false;
        std::uint32_t ticket = 0;
        SimTime started = 0;
    };

    Call call(SimTime t)
    {
        now = t;
        const BreakerPolicy::Permit p = policy->tryAcquire(t);
        return {p.allowed, p.ticket, t};
    }
    /// The call ends at `t`; its duration is the time since it was admitted.
    void end(SimTime t, const Call &c, bool failure)
    {
        now = t;
        policy->onResult(t, c.ticket, failure, t - c.started);
    }
    void ok(SimTime t, const Call &c) { end(t, c, false); }
    void fail(SimTime t, const Call &c) { end(t, c, true); }
    void cancel(SimTime t, const Call &c)
    {
        now = t;
        policy->onCancel(t, c.ticket);
    }
    /// Admitted and ended at `t` (duration 0).
    void instant(SimTime t, bool failure)
    {
        const Call c = call(t);
        ASSERT_TRUE(c.allowed) << "call at " << formatMillis(t) << " ms was rejected";
        end(t, c, failure);
    }
    /// Admitted at `t`, ends at `t + 1 ms`.
    void quick(SimTime t, bool failure)
    {
        const Call c = call(t);
        ASSERT_TRUE(c.allowed) << "call at " << formatMillis(t) << " ms was rejected";
        end(t + ms(1), c, failure);
    }
    /// Fires the armed timer at its own time; false when none is armed.
    bool fireTimer()
    {
        if (!timer)
            return false;
        const SimTime at = *timer;
        timer.reset();
        now = at;
        policy->onTimer(at);
        return true;
    }

    BreakerState state() const { return policy->state(); }
    BreakerView view() { return policy->view(now); }

    void onTransition(BreakerState from, BreakerState to) override
    {
        log.push_back(formatMillis(now) + " " + std::string(breakerStateName(from)) + "->" +
                      std::string(breakerStateName(to)));
    }
    void armTimer(SimTime at) override
    {
        timer = at;
        arms.push_back(at);
    }
    void cancelTimer() override { timer.reset(); }

    SimTime now = 0;
    std::vector<std::string> log;
    std::optional<SimTime> timer;
    std::vector<SimTime> arms;
    std::unique_ptr<BreakerPolicy> policy;
};

BreakerSpec consecutive(int failureThreshold, int successThreshold, double resetMs,
                        int halfOpenMaxCalls = 1, bool automatic = false)
{
    BreakerSpec s;
    ConsecutiveOptions &o = s.policy.emplace<ConsecutiveOptions>();
    o.failureThreshold = failureThreshold;
    o.successThreshold = successThreshold;
    o.resetTimeoutMs = resetMs;
    o.halfOpenMaxCalls = halfOpenMaxCalls;
    o.automaticTransition = automatic;
    return s;
}

BreakerSpec r4j(int windowSize, int minimumCalls, double failureRateThreshold, double waitMs,
                int permittedInHalfOpen = 10)
{
    BreakerSpec s;
    Resilience4jOptions &o = s.policy.emplace<Resilience4jOptions>();
    o.slidingWindowType = Resilience4jOptions::WindowType::Count;
    o.slidingWindowSize = windowSize;
    o.minimumNumberOfCalls = minimumCalls;
    o.failureRateThreshold = failureRateThreshold;
    o.waitDurationInOpenStateMs = waitMs;
    o.permittedNumberOfCallsInHalfOpenState = permittedInHalfOpen;
    return s;
}

BreakerSpec polly(double failureRatio, int minimumThroughput, double samplingMs, double breakMs)
{
    BreakerSpec s;
    PollyOptions &o = s.policy.emplace<PollyOptions>();
    o.failureRatio = failureRatio;
    o.minimumThroughput = minimumThroughput;
    o.samplingDurationMs = samplingMs;
    o.breakDurationMs = breakMs;
    return s;
}

// =============================================================================================
// consecutive

TEST(BreakerConsecutive, OpensWhenConsecutiveFailuresReachThreshold)
{
    Harness h(consecutive(3, 1, 1000));
    h.quick(ms(0), true);  // 1
    h.quick(ms(2), true);  // 2
    h.quick(ms(4), false); // a success resets the count
    EXPECT_EQ(h.view().consecutiveFailures, 0);
    h.quick(ms(6), true); // 1
    h.quick(ms(8), true); // 2
    EXPECT_EQ(h.state(), BreakerState::Closed);
    EXPECT_EQ(h.view().consecutiveFailures, 2);
    EXPECT_THAT(h.log, IsEmpty());
    h.quick(ms(10), true); // 3 >= 3: opens when this failure ends, at 11 ms
    EXPECT_EQ(h.state(), BreakerState::Open);
    EXPECT_THAT(h.log, ElementsAre("11 closed->open"));
    const BreakerView v = h.view();
    EXPECT_EQ(v.openedAt, ms(11));
    EXPECT_EQ(v.openUntil, ms(1011));
    EXPECT_TRUE(h.arms.empty()) << "no timer without automatic_transition";
}

TEST(BreakerConsecutive, OpenRejectsUntilResetTimeoutThenHalfOpensLazilyAtTheDeadline)
{
    Harness h(consecutive(1, 1, 1000));
    h.quick(ms(10), true); // opens at 11 ms; deadline 1011 ms
    ASSERT_EQ(h.state(), BreakerState::Open);
    EXPECT_FALSE(h.call(ms(12)).allowed);
    EXPECT_FALSE(h.call(ms(1011) - 1).allowed) << "1 us before the deadline";
    EXPECT_EQ(h.state(), BreakerState::Open);
    // Nothing happens at the deadline by itself: the breaker is still open until a call comes.
    h.now = ms(5000);
    EXPECT_EQ(h.view().state, BreakerState::Open);
    EXPECT_THAT(h.log, ElementsAre("11 closed->open"));

    Harness g(consecutive(1, 1, 1000));
    g.quick(ms(10), true);
    const Harness::Call trial = g.call(ms(1011)); // exactly at the deadline: half-open
    EXPECT_TRUE(trial.allowed);
    EXPECT_EQ(g.state(), BreakerState::HalfOpen);
    EXPECT_THAT(g.log, ElementsAre("11 closed->open", "1011 open->half_open"));
    EXPECT_TRUE(g.arms.empty());
    g.ok(ms(1030), trial); // success_threshold 1: closes
    EXPECT_EQ(g.state(), BreakerState::Closed);
    EXPECT_THAT(g.log,
                ElementsAre("11 closed->open", "1011 open->half_open", "1030 half_open->closed"));
    EXPECT_EQ(g.view().consecutiveFailures, 0);
}

TEST(BreakerConsecutive, AutomaticTransitionHalfOpensByTimerAtTheDeadline)
{
    Harness h(consecutive(1, 1, 1000, 1, true));
    h.quick(ms(10), true); // opens at 11 ms
    ASSERT_TRUE(h.timer.has_value());
    EXPECT_EQ(*h.timer, ms(1011));
    EXPECT_FALSE(h.call(ms(1011) - 1).allowed);
    ASSERT_TRUE(h.fireTimer());
    EXPECT_EQ(h.state(), BreakerState::HalfOpen);
    EXPECT_THAT(h.log, ElementsAre("11 closed->open", "1011 open->half_open"));
    // Half-open with no call yet: the first call is the trial.
    const Harness::Call trial = h.call(ms(1500));
    EXPECT_TRUE(trial.allowed);
    EXPECT_FALSE(h.call(ms(1501)).allowed);
    h.ok(ms(1600), trial);
    EXPECT_EQ(h.log.back(), "1600 half_open->closed");
}

TEST(BreakerConsecutive, AutomaticTransitionCallAtTheDeadlineBeforeTheTimerHalfOpensOnce)
{
    Harness h(consecutive(1, 1, 1000, 1, true));
    h.quick(ms(10), true);
    ASSERT_EQ(h.timer, ms(1011));
    const Harness::Call trial = h.call(ms(1011)); // the call comes before the timer event
    EXPECT_TRUE(trial.allowed);
    EXPECT_EQ(h.state(), BreakerState::HalfOpen);
    EXPECT_FALSE(h.timer.has_value()) << "the pending timer is cancelled";
    // Even if a stale timer fired, half-open stays half-open: one transition only.
    h.policy->onTimer(ms(1011));
    EXPECT_THAT(h.log, ElementsAre("11 closed->open", "1011 open->half_open"));
    EXPECT_FALSE(h.call(ms(1011)).allowed) << "the one trial is under way";
}

TEST(BreakerConsecutive, HalfOpenAdmitsMaxCallsAtATimeAndNeedsSuccessThresholdToClose)
{
    Harness h(consecutive(1, 3, 1000, 2));
    h.quick(ms(0), true); // opens at 1 ms
    const Harness::Call a = h.call(ms(1001));
    const Harness::Call b = h.call(ms(1002));
    EXPECT_TRUE(a.allowed);
    EXPECT_TRUE(b.allowed);
    EXPECT_FALSE(h.call(ms(1003)).allowed) << "two trials at a time";
    EXPECT_EQ(h.view().halfOpenInFlight, 2);
    EXPECT_EQ(h.view().halfOpenPermits, 2);

    h.ok(ms(1010), a); // 1 success; its permit comes back
    EXPECT_EQ(h.state(), BreakerState::HalfOpen);
    EXPECT_EQ(h.view().halfOpenSuccesses, 1);
    EXPECT_EQ(h.view().halfOpenInFlight, 1);
    const Harness::Call c = h.call(ms(1011));
    EXPECT_TRUE(c.allowed);
    EXPECT_FALSE(h.call(ms(1012)).allowed);

    h.ok(ms(1020), b); // 2
    EXPECT_EQ(h.state(), BreakerState::HalfOpen);
    h.ok(ms(1030), c); // 3 >= success_threshold: closed
    EXPECT_EQ(h.state(), BreakerState::Closed);
    EXPECT_THAT(h.log,
                ElementsAre("1 closed->open", "1001 open->half_open", "1030 half_open->closed"));
}

TEST(BreakerConsecutive, FailedTrialReopensAndRestartsTheTimer)
{
    Harness h(consecutive(1, 2, 1000, 1, true));
    h.quick(ms(0), true); // opens at 1 ms, timer at 1001
    ASSERT_TRUE(h.fireTimer());
    const Harness::Call a = h.call(ms(1100));
    h.ok(ms(1110), a); // 1 of 2
    EXPECT_EQ(h.view().halfOpenSuccesses, 1);
    const Harness::Call b = h.call(ms(1120));
    h.fail(ms(1150), b); // any failed trial reopens
    EXPECT_EQ(h.state(), BreakerState::Open);
    EXPECT_EQ(h.view().openedAt, ms(1150));
    EXPECT_EQ(h.view().openUntil, ms(2150));
    EXPECT_EQ(h.view().halfOpenSuccesses, 0);
    ASSERT_TRUE(h.timer.has_value());
    EXPECT_EQ(*h.timer, ms(2150)) << "the timer restarts from the failure";
    EXPECT_FALSE(h.call(ms(2150) - 1).allowed);
    EXPECT_THAT(h.log,
                ElementsAre("1 closed->open", "1001 open->half_open", "1150 half_open->open"));

    // Lazily too: the reset timeout counts from the failed trial.
    Harness g(consecutive(1, 2, 1000));
    g.quick(ms(0), true);
    const Harness::Call t = g.call(ms(1001));
    g.fail(ms(1300), t);
    EXPECT_FALSE(g.call(ms(2300) - 1).allowed);
    EXPECT_TRUE(g.call(ms(2300)).allowed);
    EXPECT_THAT(g.log, ElementsAre("1 closed->open", "1001 open->half_open", "1300 half_open->open",
                                   "2300 open->half_open"));
}

TEST(BreakerConsecutive, CancelledTrialReturnsItsPermitAndCountsNothing)
{
    Harness h(consecutive(1, 1, 1000));
    h.quick(ms(0), true);
    const Harness::Call a = h.call(ms(1001));
    ASSERT_TRUE(a.allowed);
    EXPECT_FALSE(h.call(ms(1002)).allowed);
    h.cancel(ms(1003), a);
    EXPECT_EQ(h.state(), BreakerState::HalfOpen) << "a cancel is neither success nor failure";
    EXPECT_EQ(h.view().halfOpenSuccesses, 0);
    EXPECT_EQ(h.view().halfOpenInFlight, 0);
    const Harness::Call b = h.call(ms(1004));
    EXPECT_TRUE(b.allowed);
    EXPECT_FALSE(h.call(ms(1005)).allowed);
    h.ok(ms(1010), b);
    EXPECT_THAT(h.log,
                ElementsAre("1 closed->open", "1001 open->half_open", "1010 half_open->closed"));
}

TEST(BreakerConsecutive, LateResultsFromAnEarlierStateDoNotCount)
{
    Harness h(consecutive(1, 1, 1000, 2));
    const Harness::Call lateFail = h.call(ms(0));  // admitted while closed
    const Harness::Call lateOk = h.call(ms(0));    // admitted while closed
    const Harness::Call lateFail2 = h.call(ms(0)); // admitted while closed
    h.quick(ms(1), true);                          // opens at 2 ms
    ASSERT_EQ(h.state(), BreakerState::Open);
    h.fail(ms(500), lateFail); // in OPEN: ignored, the timer does not restart
    EXPECT_EQ(h.view().openedAt, ms(2));
    EXPECT_EQ(h.view().openUntil, ms(1002));

    const Harness::Call t1 = h.call(ms(1002));
    const Harness::Call t2 = h.call(ms(1003));
    ASSERT_TRUE(t1.allowed);
    ASSERT_TRUE(t2.allowed);
    h.ok(ms(1010), lateOk); // in HALF_OPEN: not a trial of this half-open, does not close
    EXPECT_EQ(h.state(), BreakerState::HalfOpen);
    EXPECT_EQ(h.view().halfOpenSuccesses, 0);
    EXPECT_EQ(h.view().halfOpenInFlight, 2);
    h.fail(ms(1011), lateFail2); // nor does its failure reopen
    EXPECT_EQ(h.state(), BreakerState::HalfOpen);

    h.ok(ms(1020), t1); // closes
    ASSERT_EQ(h.state(), BreakerState::Closed);
    h.fail(ms(1030), t2); // a half-open trial ending after the close: failure_threshold 1, but
                          // it belongs to the half-open state and is ignored
    EXPECT_EQ(h.state(), BreakerState::Closed);
    EXPECT_EQ(h.view().consecutiveFailures, 0);
    EXPECT_THAT(h.log,
                ElementsAre("2 closed->open", "1002 open->half_open", "1020 half_open->closed"));
    h.quick(ms(1040), true); // a call of this closed state does count
    EXPECT_EQ(h.state(), BreakerState::Open);
}

// =============================================================================================
// resilience4j: closed state and the sliding windows

TEST(BreakerResilience4j, NoTripBeforeMinimumNumberOfCallsAndRateIsMinusOne)
{
    Harness h(r4j(10, 5, 50, 1000));
    for (int i = 0; i < 4; ++i)
        h.quick(ms(10 * i), true);
    BreakerView v = h.view();
    EXPECT_EQ(h.state(), BreakerState::Closed);
    EXPECT_EQ(v.failureRate, -1);
    EXPECT_EQ(v.slowCallRate, -1);
    EXPECT_EQ(v.bufferedCalls, 4);
    EXPECT_EQ(v.minimumCalls, 5);
    EXPECT_EQ(v.windowSize, 10);
    h.quick(ms(40), true); // 5 calls, 100 % >= 50 %
    EXPECT_EQ(h.state(), BreakerState::Open);
    EXPECT_THAT(h.log, ElementsAre("41 closed->open"));
    EXPECT_EQ(h.view().failureRate, 100);
}

TEST(BreakerResilience4j, MinimumNumberOfCallsIsCappedAtCountWindowSize)
{
    Harness h(r4j(3, 100, 50, 1000));
    EXPECT_EQ(h.view().minimumCalls, 3);
    h.quick(ms(0), true);
    h.quick(ms(2), true);
    EXPECT_EQ(h.state(), BreakerState::Closed);
    EXPECT_EQ(h.view().failureRate, -1);
    h.quick(ms(4), true); // 3 of min(100, 3)
    EXPECT_EQ(h.state(), BreakerState::Open);
    EXPECT_THAT(h.log, ElementsAre("5 closed->open"));
}

TEST(BreakerResilience4j, MinimumNumberOfCallsIsNotCappedForTimeWindows)
{
    BreakerSpec s = r4j(2, 5, 50, 1000);
    s.as<Resilience4jOptions>().slidingWindowType = Resilience4jOptions::WindowType::Time;
    Harness h(s);
    EXPECT_EQ(h.view().minimumCalls, 5);
    EXPECT_EQ(h.view().windowSize, 2);
    for (int i = 0; i < 4; ++i)
        h.quick(ms(100 + 100 * i), true); // all within epoch second 0
    EXPECT_EQ(h.state(), BreakerState::Closed) << "4 calls < minimum 5, window of 2 s";
    EXPECT_EQ(h.view().bufferedCalls, 4);
    EXPECT_EQ(h.view().failureRate, -1);
    h.quick(ms(600), true);
    EXPECT_EQ(h.state(), BreakerState::Open);
    EXPECT_THAT(h.log, ElementsAre("601 closed->open"));
}

TEST(BreakerResilience4j, ASuccessCanOpenTheBreaker)
{
    Harness h(r4j(4, 4, 50, 1000));
    h.quick(ms(0), true);
    h.quick(ms(2), true);
    h.quick(ms(4), false);
    EXPECT_EQ(h.state(), BreakerState::Closed);
    EXPECT_EQ(h.view().failureRate, -1) << "3 calls < 4";
    h.quick(ms(6), false); // n = 4, 2 failures: 50 % >= 50 %, on a success
    EXPECT_EQ(h.state(), BreakerState::Open);
    EXPECT_THAT(h.log, ElementsAre("7 closed->open"));
    EXPECT_EQ(h.view().failureRate, 50);
}

TEST(BreakerResilience4j, BelowThresholdStaysClosed)
{
    Harness h(r4j(4, 4, 50.5, 1000));
    h.quick(ms(0), true);
    h.quick(ms(2), true);
    h.quick(ms(4), false);
    h.quick(ms(6), false); // 50 % < 50.5 %
    EXPECT_EQ(h.state(), BreakerState::Closed);
    EXPECT_EQ(h.view().failureRate, 50);
    EXPECT_THAT(h.log, IsEmpty());
}

TEST(BreakerResilience4j, CountWindowEvictsTheOldestCall)
{
    Harness h(r4j(4, 4, 40, 1000));
    h.quick(ms(0), true);
    h.quick(ms(2), false);
    h.quick(ms(4), false);
    h.quick(ms(6), false); // F S S S: 25 %
    EXPECT_EQ(h.view().failureRate, 25);
    h.quick(ms(8), true); // S S S F: still 25 % (F, S, S, S, F over all calls would be 40 %)
    EXPECT_EQ(h.state(), BreakerState::Closed);
    EXPECT_EQ(h.view().bufferedCalls, 4);
    EXPECT_EQ(h.view().failureRate, 25);
    h.quick(ms(10), true); // S S F F: 50 % >= 40 %
    EXPECT_EQ(h.state(), BreakerState::Open);
    EXPECT_THAT(h.log, ElementsAre("11 closed->open"));
}

TEST(BreakerResilience4j, SlowCallsAreStrictlyLongerThanTheThreshold)
{
    BreakerSpec s = r4j(2, 2, 100, 1000);
    s.as<Resilience4jOptions>().slowCallRateThreshold = 50;
    s.as<Resilience4jOptions>().slowCallDurationThresholdMs = 100;
    Harness h(s);
    const Harness::Call a = h.call(ms(0));
    h.ok(ms(100), a); // exactly 100 ms: not slow
    const Harness::Call b = h.call(ms(200));
    h.ok(ms(300), b);
    EXPECT_EQ(h.state(), BreakerState::Closed);
    EXPECT_EQ(h.view().slowCallRate, 0);
    EXPECT_EQ(h.view().failureRate, 0);
    const Harness::Call c = h.call(ms(400));
    h.ok(ms(500) + 1, c); // 100.001 ms: slow; window (b, c): 50 % slow >= 50 %
    EXPECT_EQ(h.state(), BreakerState::Open);
    EXPECT_THAT(h.log, ElementsAre("500.001 closed->open"));
    EXPECT_EQ(h.view().slowCallRate, 50);
    EXPECT_EQ(h.view().failureRate, 0);
}

TEST(BreakerResilience4j, SlowErrorCountsInBothRates)
{
    BreakerSpec s = r4j(2, 2, 100, 1000);
    s.as<Resilience4jOptions>().slowCallRateThreshold = 100;
    s.as<Resilience4jOptions>().slowCallDurationThresholdMs = 10;
    Harness h(s);
    const Harness::Call a = h.call(ms(0));
    h.fail(ms(50), a); // slow error
    const Harness::Call b = h.call(ms(60));
    h.ok(ms(65), b); // fast success
    const BreakerView v = h.view();
    EXPECT_EQ(v.failureRate, 50);
    EXPECT_EQ(v.slowCallRate, 50);
    EXPECT_EQ(h.state(), BreakerState::Closed);
}

TEST(BreakerResilience4j, TimeWindowDropsWholeEpochSeconds)
{
    BreakerSpec s = r4j(2, 2, 50, 1000);
    s.as<Resilience4jOptions>().slidingWindowType = Resilience4jOptions::WindowType::Time;

    // 1.001 s apart but in seconds 0 and 2: the window at 2.0 s is seconds {1, 2}.
    Harness a(s);
    a.quick(ms(998), true); // ends at 0.999 s
    EXPECT_EQ(a.view().bufferedCalls, 1);
    a.quick(ms(1999), true); // ends at 2.000 s
    EXPECT_EQ(a.state(), BreakerState::Closed);
    EXPECT_EQ(a.view().bufferedCalls, 1);
    EXPECT_EQ(a.view().failureRate, -1);

    // 1.999 s apart but in seconds 0 and 1: both in the window, 100 % -> open.
    Harness b(s);
    const Harness::Call c1 = b.call(0);
    b.fail(0, c1); // at 0.000 s
    const Harness::Call c2 = b.call(ms(1999));
    b.fail(ms(1999), c2); // at 1.999 s
    EXPECT_EQ(b.state(), BreakerState::Open);
    EXPECT_THAT(b.log, ElementsAre("1999 closed->open"));

    // Reading the window moves it too.
    Harness c(s);
    c.quick(ms(499), true); // at 0.5 s
    c.now = ms(1999);
    EXPECT_EQ(c.view().bufferedCalls, 1);
    c.now = ms(2000);
    EXPECT_EQ(c.view().bufferedCalls, 0);
}

TEST(BreakerResilience4j, TimeWindowKeepsTheCurrentSecondAndThePreviousSizeMinusOne)
{
    BreakerSpec s = r4j(3, 3, 50, 1000);
    s.as<Resilience4jOptions>().slidingWindowType = Resilience4jOptions::WindowType::Time;
    Harness h(s);
    h.quick(ms(0), true);     // second 0, ends 0.001
    h.quick(ms(1500), false); // second 1
    EXPECT_EQ(h.view().bufferedCalls, 2);
    // At 3.2 s the window is seconds {1, 2, 3}: the failure of second 0 is gone.
    h.quick(ms(3200), true); // ends 3.201
    EXPECT_EQ(h.view().bufferedCalls, 2);
    EXPECT_EQ(h.state(), BreakerState::Closed);
    h.quick(ms(3300), true); // S F F in seconds 1 and 3: 66.7 % >= 50 %
    EXPECT_EQ(h.state(), BreakerState::Open);
    EXPECT_THAT(h.log, ElementsAre("3301 closed->open"));
}

// =============================================================================================
// resilience4j: open

TEST(BreakerResilience4j, HalfOpenOnlyStrictlyAfterTheWaitDuration)
{
    Harness h(r4j(1, 1, 50, 1000));
    h.quick(ms(10), true); // opens at 11 ms: retryAfter 1011 ms
    ASSERT_EQ(h.state(), BreakerState::Open);
    EXPECT_EQ(h.view().openUntil, ms(1011));
    EXPECT_FALSE(h.call(ms(1011)).allowed) << "exactly at the deadline: rejected";
    EXPECT_EQ(h.state(), BreakerState::Open);
    EXPECT_TRUE(h.call(ms(1011) + 1).allowed) << "1 us after: half-open, admitted";
    EXPECT_EQ(h.state(), BreakerState::HalfOpen);
    EXPECT_THAT(h.log, ElementsAre("11 closed->open", "1011.001 open->half_open"));
    EXPECT_TRUE(h.arms.empty());
}

TEST(BreakerResilience4j, WaitDurationsAreWholeMilliseconds)
{
    // resilience4j keeps the open wait as IntervalFunction.of(waitDurationInOpenState), i.e.
    // of(duration.toMillis()): whole milliseconds, truncated; OpenState then sets
    // retryAfter = now + waitMillis (MILLIS). HalfOpenState schedules its timer after
    // maxWaitDurationInHalfOpenState.toMillis() ms. So 1000.5 ms waits 1000 ms, 300.7 ms 300 ms.
    BreakerSpec s = r4j(1, 1, 50, 1000.5, 1);
    s.as<Resilience4jOptions>().maxWaitDurationInHalfOpenStateMs = 300.7;
    Harness h(s);
    h.quick(ms(10), true); // opens at 11 ms: retryAfter 11 + 1000 = 1011 ms
    EXPECT_EQ(h.view().openUntil, ms(1011));
    EXPECT_FALSE(h.call(ms(1011)).allowed) << "at retryAfter: not yet (strictly after)";
    EXPECT_TRUE(h.call(ms(1011) + 1).allowed) << "1 us after 1011 ms (before 1011.5 ms)";
    EXPECT_EQ(h.state(), BreakerState::HalfOpen);
    ASSERT_TRUE(h.timer.has_value());
    EXPECT_EQ(*h.timer, ms(1011) + 1 + ms(300)) << "half-open timer after 300 ms, not 300.7";

    // With automatic transition the scheduler fires after the same whole-ms wait.
    BreakerSpec a = r4j(1, 1, 50, 1000.5, 1);
    a.as<Resilience4jOptions>().automaticTransition = true;
    Harness t(a);
    t.quick(ms(10), true);
    ASSERT_TRUE(t.timer.has_value());
    EXPECT_EQ(*t.timer, ms(1011));
}

TEST(BreakerResilience4j, AutomaticTransitionFiresExactlyAtTheWaitDuration)
{
    BreakerSpec s = r4j(1, 1, 50, 1000);
    s.as<Resilience4jOptions>().automaticTransition = true;
    Harness h(s);
    h.quick(ms(10), true);
    ASSERT_TRUE(h.timer.has_value());
    EXPECT_EQ(*h.timer, ms(1011));
    EXPECT_FALSE(h.call(ms(1011) - 1).allowed);
    ASSERT_TRUE(h.fireTimer());
    EXPECT_EQ(h.state(), BreakerState::HalfOpen);
    EXPECT_THAT(h.log, ElementsAre("11 closed->open", "1011 open->half_open"));
    EXPECT_TRUE(h.call(ms(1011)).allowed);
}

TEST(BreakerResilience4j, LateResultsInOpenAreRecordedWithoutTransition)
{
    Harness h(r4j(4, 2, 50, 1000));
    const Harness::Call a = h.call(ms(0));
    const Harness::Call b = h.call(ms(0));
    const Harness::Call c = h.call(ms(0));
    const Harness::Call d = h.call(ms(0));
    h.fail(ms(1), a);
    h.fail(ms(2), b); // n = 2, 100 %: opens at 2 ms
    ASSERT_EQ(h.state(), BreakerState::Open);
    h.ok(ms(3), c); // recorded in the window OPEN kept: 2 of 3 failed
    EXPECT_EQ(h.state(), BreakerState::Open);
    EXPECT_EQ(h.view().bufferedCalls, 3);
    EXPECT_FLOAT_EQ(static_cast<float>(h.view().failureRate), 200.0f / 3.0f);
    h.fail(ms(4), d); // a failure in OPEN neither re-opens nor extends the wait
    EXPECT_EQ(h.view().bufferedCalls, 4);
    EXPECT_EQ(h.view().failureRate, 75);
    EXPECT_EQ(h.view().openUntil, ms(1002));
    EXPECT_THAT(h.log, ElementsAre("2 closed->open"));
}

// =============================================================================================
// resilience4j: half-open

TEST(BreakerResilience4j, HalfOpenPermitsAreATotalNotReturnedOnCompletion)
{
    Harness h(r4j(1, 10, 50, 1000, 3)); // half-open decides after min(10, 3) = 3 results
    h.quick(ms(0), true);               // opens at 1 ms
    const Harness::Call a = h.call(ms(1002));
    const Harness::Call b = h.call(ms(1003));
    const Harness::Call c = h.call(ms(1004));
    EXPECT_TRUE(a.allowed && b.allowed && c.allowed);
    EXPECT_FALSE(h.call(ms(1005)).allowed);
    EXPECT_EQ(h.view().halfOpenPermits, 3);
    EXPECT_EQ(h.view().minimumCalls, 3);
    h.ok(ms(1010), a);
    EXPECT_EQ(h.state(), BreakerState::HalfOpen) << "1 result < 3";
    EXPECT_FALSE(h.call(ms(1011)).allowed) << "a finished trial does not give its permit back";
    h.ok(ms(1020), b);
    EXPECT_FALSE(h.call(ms(1021)).allowed);
    h.ok(ms(1030), c); // 3 results, 0 % < 50 %: closed
    EXPECT_EQ(h.state(), BreakerState::Closed);
    EXPECT_THAT(h.log,
                ElementsAre("1 closed->open", "1002 open->half_open", "1030 half_open->closed"));
    // A fresh closed window of the configured size.
    EXPECT_EQ(h.view().bufferedCalls, 0);
    EXPECT_EQ(h.view().windowSize, 1);
    EXPECT_TRUE(h.call(ms(1031)).allowed);
}

TEST(BreakerResilience4j, HalfOpenDecidesAfterMinimumCallsWhenFewerThanPermitted)
{
    // permitted 4, minimum 2: the decision comes after 2 results.
    Harness open(r4j(1, 2, 50, 1000, 4));
    open.quick(ms(0), true); // window 1, min min(2, 1) = 1: opens at 1 ms
    ASSERT_EQ(open.state(), BreakerState::Open);
    const Harness::Call a = open.call(ms(1002));
    const Harness::Call b = open.call(ms(1003));
    open.fail(ms(1010), a);
    EXPECT_EQ(open.state(), BreakerState::HalfOpen) << "1 result < 2";
    EXPECT_EQ(open.view().failureRate, -1);
    open.ok(ms(1020), b); // 1 of 2 failed: 50 % >= 50 %: back to open
    EXPECT_EQ(open.state(), BreakerState::Open);
    EXPECT_EQ(open.view().openUntil, ms(2020));
    EXPECT_THAT(open.log,
                ElementsAre("1 closed->open", "1002 open->half_open", "1020 half_open->open"));

    Harness closed(r4j(1, 2, 50, 1000, 4));
    closed.quick(ms(0), true);
    const Harness::Call c = closed.call(ms(1002));
    const Harness::Call d = closed.call(ms(1003));
    closed.ok(ms(1010), c);
    closed.ok(ms(1020), d); // 0 % < 50 %: closed with 2 of 4 permits unused
    EXPECT_EQ(closed.state(), BreakerState::Closed);
    EXPECT_THAT(closed.log,
                ElementsAre("1 closed->open", "1002 open->half_open", "1020 half_open->closed"));
}

TEST(BreakerResilience4j, HalfOpenWithMorePermitsThanWindowUsesThePermittedWindow)
{
    // Closed window 2 (min 2), but half-open uses a count window of the permitted size 3 with
    // min(minimum 5, 3) = 3.
    Harness h(r4j(2, 5, 50, 1000, 3));
    h.quick(ms(0), true);
    h.quick(ms(2), true); // opens at 3 ms
    ASSERT_EQ(h.state(), BreakerState::Open);
    const Harness::Call a = h.call(ms(1004));
    const Harness::Call b = h.call(ms(1005));
    const Harness::Call c = h.call(ms(1006));
    h.fail(ms(1010), a);
    h.ok(ms(1011), b);
    EXPECT_EQ(h.state(), BreakerState::HalfOpen) << "2 results < 3";
    EXPECT_EQ(h.view().windowSize, 3);
    h.ok(ms(1012), c); // 1 of 3 = 33.3 % < 50 %
    EXPECT_EQ(h.state(), BreakerState::Closed);
}

TEST(BreakerResilience4j, CancelledHalfOpenCallReturnsItsPermit)
{
    Harness h(r4j(1, 1, 50, 1000, 1));
    h.quick(ms(0), true);
    const Harness::Call a = h.call(ms(1002));
    ASSERT_TRUE(a.allowed);
    EXPECT_FALSE(h.call(ms(1003)).allowed);
    h.cancel(ms(1004), a); // releasePermission()
    EXPECT_EQ(h.state(), BreakerState::HalfOpen);
    const Harness::Call b = h.call(ms(1005));
    EXPECT_TRUE(b.allowed);
    EXPECT_FALSE(h.call(ms(1006)).allowed);
    h.ok(ms(1010), b);
    EXPECT_EQ(h.state(), BreakerState::Closed);
}

TEST(BreakerResilience4j, MaxWaitInHalfOpenMovesToOpenByTimer)
{
    BreakerSpec s = r4j(1, 1, 50, 1000, 2);
    s.as<Resilience4jOptions>().maxWaitDurationInHalfOpenStateMs = 300;
    Harness h(s);
    h.quick(ms(0), true); // opens at 1 ms
    EXPECT_FALSE(h.timer.has_value());
    const Harness::Call a = h.call(ms(1002)); // half-open at 1002: timer at 1302
    ASSERT_TRUE(a.allowed);
    ASSERT_TRUE(h.timer.has_value());
    EXPECT_EQ(*h.timer, ms(1302));
    ASSERT_TRUE(h.fireTimer());
    EXPECT_EQ(h.state(), BreakerState::Open);
    EXPECT_EQ(h.view().openedAt, ms(1302));
    EXPECT_EQ(h.view().openUntil, ms(2302));
    EXPECT_THAT(h.log,
                ElementsAre("1 closed->open", "1002 open->half_open", "1302 half_open->open"));
    // The trial's late success lands in OPEN: recorded, no transition.
    h.ok(ms(1400), a);
    EXPECT_EQ(h.state(), BreakerState::Open);
    EXPECT_EQ(h.log.size(), 3u);
    EXPECT_FALSE(h.call(ms(2302)).allowed);
    EXPECT_TRUE(h.call(ms(2302) + 1).allowed);
}

TEST(BreakerResilience4j, MaxWaitTimerIsCancelledWhenHalfOpenDecides)
{
    BreakerSpec s = r4j(1, 1, 50, 1000, 1);
    s.as<Resilience4jOptions>().maxWaitDurationInHalfOpenStateMs = 300;
    Harness h(s);
    h.quick(ms(0), true);
    const Harness::Call a = h.call(ms(1002));
    ASSERT_EQ(h.timer, ms(1302));
    h.ok(ms(1100), a); // closes
    EXPECT_EQ(h.state(), BreakerState::Closed);
    EXPECT_FALSE(h.timer.has_value());
}

TEST(BreakerResilience4j, AutomaticTransitionAfterHalfOpenFailureRearmsTheTimer)
{
    BreakerSpec s = r4j(1, 1, 50, 1000, 1);
    s.as<Resilience4jOptions>().automaticTransition = true;
    Harness h(s);
    h.quick(ms(0), true); // open at 1, timer at 1001
    ASSERT_TRUE(h.fireTimer());
    const Harness::Call a = h.call(ms(1100));
    h.fail(ms(1200), a); // 100 % >= 50 %: open again at 1200, timer at 2200
    EXPECT_EQ(h.state(), BreakerState::Open);
    ASSERT_TRUE(h.timer.has_value());
    EXPECT_EQ(*h.timer, ms(2200));
    EXPECT_THAT(h.arms, ElementsAre(ms(1001), ms(2200)));
}

TEST(BreakerResilience4j, LateClosedCallsCountInTheHalfOpenDecision)
{
    // Results go to the current state's metrics, whenever the call started.
    Harness h(r4j(2, 2, 50, 1000, 2));
    const Harness::Call late = h.call(ms(0));
    h.quick(ms(1), true);
    h.quick(ms(3), true); // opens at 4 ms
    const Harness::Call t = h.call(ms(1005));
    ASSERT_TRUE(t.allowed);
    h.fail(ms(1010), late); // 1 result in the half-open window
    EXPECT_EQ(h.state(), BreakerState::HalfOpen);
    h.ok(ms(1020), t); // 2 results, 1 failed: 50 % >= 50 %: open
    EXPECT_EQ(h.state(), BreakerState::Open);
    EXPECT_THAT(h.log,
                ElementsAre("4 closed->open", "1005 open->half_open", "1020 half_open->open"));
}

// =============================================================================================
// polly

TEST(BreakerPolly, BreaksOnAFailureWhenThroughputAndRatioAreReached)
{
    Harness h(polly(0.5, 4, 10000, 1000));
    h.quick(ms(0), true);  // 1 call, 1 failure
    h.quick(ms(2), false); // 2, 1
    h.quick(ms(4), true);  // 3, 2: 66 % but throughput 3 < 4
    EXPECT_EQ(h.state(), BreakerState::Closed);
    EXPECT_EQ(h.view().failureRate, -1);
    EXPECT_EQ(h.view().bufferedCalls, 3);
    h.quick(ms(6), false); // 4, 2: 50 % >= 50 % and throughput 4 - but a success never breaks
    EXPECT_EQ(h.state(), BreakerState::Closed);
    EXPECT_EQ(h.view().failureRate, 50);
    h.quick(ms(8), true); // 5, 3: 60 %: breaks
    EXPECT_EQ(h.state(), BreakerState::Open);
    EXPECT_THAT(h.log, ElementsAre("9 closed->open"));
    EXPECT_EQ(h.view().openedAt, ms(9));
    EXPECT_EQ(h.view().openUntil, ms(1009));
}

TEST(BreakerPolly, RatioAndThroughputAreInclusive)
{
    Harness h(polly(0.5, 4, 10000, 1000));
    h.quick(ms(0), false);
    h.quick(ms(2), false);
    h.quick(ms(4), true);
    EXPECT_EQ(h.state(), BreakerState::Closed);
    h.quick(ms(6), true); // 4 calls, 2 failures: 0.5 >= 0.5, 4 >= 4
    EXPECT_EQ(h.state(), BreakerState::Open);

    Harness g(polly(1.0, 2, 10000, 1000));
    g.quick(ms(0), true);
    EXPECT_EQ(g.state(), BreakerState::Closed) << "throughput 1 < 2, even at 100 %";
    g.quick(ms(2), true);
    EXPECT_EQ(g.state(), BreakerState::Open);
}

TEST(BreakerPolly, HalfOpenAtOrAfterBreakDurationWithExactlyOneProbe)
{
    Harness h(polly(0.5, 2, 10000, 1000));
    h.quick(ms(0), true);
    h.quick(ms(2), true); // opens at 3 ms: blocked until 1003
    ASSERT_EQ(h.state(), BreakerState::Open);
    EXPECT_FALSE(h.call(ms(1003) - 1).allowed);
    EXPECT_EQ(h.state(), BreakerState::Open);
    const Harness::Call probe = h.call(ms(1003)); // now >= blockedUntil
    EXPECT_TRUE(probe.allowed);
    EXPECT_EQ(h.state(), BreakerState::HalfOpen);
    EXPECT_FALSE(h.call(ms(1003)).allowed) << "one probe";
    EXPECT_FALSE(h.call(ms(2003)).allowed) << "break duration passed again: still one probe";
    EXPECT_FALSE(h.call(ms(9000)).allowed);
    EXPECT_EQ(h.view().halfOpenInFlight, 1);
    h.ok(ms(9500), probe); // closes and resets the metrics
    EXPECT_EQ(h.state(), BreakerState::Closed);
    EXPECT_EQ(h.view().bufferedCalls, 0);
    EXPECT_THAT(h.log,
                ElementsAre("3 closed->open", "1003 open->half_open", "9500 half_open->closed"));
    EXPECT_TRUE(h.arms.empty()) << "Polly v8 never moves by timer";
    // Fresh metrics: one failure does not break (throughput 1 < 2).
    h.quick(ms(9600), true);
    EXPECT_EQ(h.state(), BreakerState::Closed);
}

TEST(BreakerPolly, StaysOpenPastTheBreakUntilACallComes)
{
    Harness h(polly(0.5, 2, 10000, 1000));
    h.quick(ms(0), true);
    h.quick(ms(2), true);
    h.now = ms(50000);
    EXPECT_EQ(h.view().state, BreakerState::Open);
    EXPECT_TRUE(h.arms.empty());
    EXPECT_TRUE(h.call(ms(50000)).allowed);
    EXPECT_THAT(h.log, ElementsAre("3 closed->open", "50000 open->half_open"));
    // Polly v8 has no automatic transition: PollyOptions has no such option (the scenario
    // parser refuses automatic_transition true, test_scenario_io).
}

TEST(BreakerPolly, ProbeFailureReopensForBreakDurationFromTheFailure)
{
    Harness h(polly(0.5, 2, 10000, 1000));
    h.quick(ms(0), true);
    h.quick(ms(2), true); // open at 3
    const Harness::Call probe = h.call(ms(1003));
    h.fail(ms(1500), probe);
    EXPECT_EQ(h.state(), BreakerState::Open);
    EXPECT_EQ(h.view().bufferedCalls, 2) << "a failed probe is not counted";
    EXPECT_EQ(h.view().openedAt, ms(1500));
    EXPECT_EQ(h.view().openUntil, ms(2500));
    EXPECT_FALSE(h.call(ms(2500) - 1).allowed);
    EXPECT_TRUE(h.call(ms(2500)).allowed);
    EXPECT_THAT(h.log, ElementsAre("3 closed->open", "1003 open->half_open", "1500 half_open->open",
                                   "2500 open->half_open"));
}

TEST(BreakerPolly, AnySuccessInHalfOpenClosesAndAnyFailureReopens)
{
    Harness h(polly(0.5, 2, 10000, 1000));
    const Harness::Call lateOk = h.call(ms(0)); // admitted while closed
    h.quick(ms(1), true);
    h.quick(ms(3), true); // open at 4
    const Harness::Call probe = h.call(ms(1004));
    ASSERT_TRUE(probe.allowed);
    h.ok(ms(1100), lateOk); // not the probe, but a success in half-open closes
    EXPECT_EQ(h.state(), BreakerState::Closed);
    EXPECT_EQ(h.view().bufferedCalls, 0);
    h.fail(ms(1200), probe); // the probe ends in CLOSED: an ordinary failure, throughput 1
    EXPECT_EQ(h.state(), BreakerState::Closed);
    EXPECT_EQ(h.view().bufferedCalls, 1);
    EXPECT_THAT(h.log,
                ElementsAre("4 closed->open", "1004 open->half_open", "1100 half_open->closed"));

    Harness g(polly(0.5, 2, 10000, 1000));
    const Harness::Call lateFail = g.call(ms(0));
    g.quick(ms(1), true);
    g.quick(ms(3), true); // open at 4
    const Harness::Call p = g.call(ms(1004));
    ASSERT_TRUE(p.allowed);
    g.fail(ms(1100), lateFail); // a failure in half-open re-opens, whoever made it
    EXPECT_EQ(g.state(), BreakerState::Open);
    EXPECT_EQ(g.view().openUntil, ms(2100));
    EXPECT_THAT(g.log,
                ElementsAre("4 closed->open", "1004 open->half_open", "1100 half_open->open"));
}

TEST(BreakerPolly, LateResultsInOpenAreCountedWithoutExtension)
{
    Harness h(polly(0.5, 2, 10000, 1000));
    const Harness::Call lateFail = h.call(ms(0));
    const Harness::Call lateOk = h.call(ms(0));
    h.quick(ms(1), true);
    h.quick(ms(3), true); // open at 4: throughput 2
    EXPECT_EQ(h.view().bufferedCalls, 2);
    h.fail(ms(100), lateFail);
    EXPECT_EQ(h.state(), BreakerState::Open);
    EXPECT_EQ(h.view().bufferedCalls, 3);
    EXPECT_EQ(h.view().openUntil, ms(1004)) << "no extension";
    h.ok(ms(200), lateOk); // a success in OPEN is counted and does not close
    EXPECT_EQ(h.state(), BreakerState::Open);
    EXPECT_EQ(h.view().bufferedCalls, 4);
    EXPECT_THAT(h.log, ElementsAre("4 closed->open"));
}

TEST(BreakerPolly, CancelTakesTheSuccessPath)
{
    // In half-open: the cancelled probe closes the breaker.
    Harness h(polly(0.5, 2, 10000, 1000));
    h.quick(ms(0), true);
    h.quick(ms(2), true); // open at 3
    const Harness::Call probe = h.call(ms(1003));
    h.cancel(ms(1010), probe);
    EXPECT_EQ(h.state(), BreakerState::Closed);
    EXPECT_THAT(h.log,
                ElementsAre("3 closed->open", "1003 open->half_open", "1010 half_open->closed"));

    // In closed: a cancel counts as a success in the throughput.
    Harness g(polly(0.5, 2, 10000, 1000));
    g.quick(ms(0), true); // 1 failure
    const Harness::Call c = g.call(ms(5));
    g.cancel(ms(6), c); // success: throughput 2, ratio 0.5, but a success never breaks
    EXPECT_EQ(g.state(), BreakerState::Closed);
    EXPECT_EQ(g.view().bufferedCalls, 2);
    EXPECT_EQ(g.view().failureRate, 50);
    g.quick(ms(10), true); // 3 calls, 2 failures: breaks
    EXPECT_EQ(g.state(), BreakerState::Open);
}

TEST(BreakerPolly, OldFailureFallsOutOfTheRollingWindowAndPreventsATrip)
{
    // 1 s sampling: ten windows of 100 ms, each started at its first event.
    Harness h(polly(0.5, 3, 1000, 5000));
    Harness::Call c = h.call(0);
    h.fail(0, c); // window A starts at 0
    c = h.call(ms(90));
    h.fail(ms(90), c); // still window A (90 < 100)
    c = h.call(ms(150));
    h.ok(ms(150), c); // window B starts at 150
    EXPECT_EQ(h.view().bufferedCalls, 3);
    h.now = ms(1000) - 1;
    EXPECT_EQ(h.view().bufferedCalls, 3);
    h.now = ms(1000); // window A is exactly 1000 ms old: out
    EXPECT_EQ(h.view().bufferedCalls, 1);
    c = h.call(ms(1000));
    h.fail(ms(1000), c); // 1000 - 0 >= 1000: window A (both failures) is dropped
    EXPECT_EQ(h.state(), BreakerState::Closed) << "throughput 2 < 3";
    EXPECT_EQ(h.view().bufferedCalls, 2);

    // 1 ms earlier, window A is still in: 4 calls, 3 failures.
    Harness g(polly(0.5, 3, 1000, 5000));
    c = g.call(0);
    g.fail(0, c);
    c = g.call(ms(90));
    g.fail(ms(90), c);
    c = g.call(ms(150));
    g.ok(ms(150), c);
    c = g.call(ms(999));
    g.fail(ms(999), c);
    EXPECT_EQ(g.state(), BreakerState::Open);
    EXPECT_THAT(g.log, ElementsAre("999 closed->open"));
}

TEST(BreakerPolly, RollingWindowsStartAtTheirFirstEventNotOnAGrid)
{
    // A window starts at 50 ms (not 0): at 1040 ms it is 990 ms old and still counts.
    Harness h(polly(0.5, 2, 1000, 5000));
    Harness::Call c = h.call(ms(50));
    h.fail(ms(50), c);
    c = h.call(ms(1040));
    h.fail(ms(1040), c);
    EXPECT_EQ(h.state(), BreakerState::Open);
    EXPECT_THAT(h.log, ElementsAre("1040 closed->open"));

    Harness g(polly(0.5, 2, 1000, 5000));
    c = g.call(ms(50));
    g.fail(ms(50), c);
    c = g.call(ms(1050)); // exactly 1000 ms old: dropped
    g.fail(ms(1050), c);
    EXPECT_EQ(g.state(), BreakerState::Closed);
    EXPECT_EQ(g.view().bufferedCalls, 1);
}

TEST(BreakerPolly, SingleWindowBelow200msStartsWhenCreatedAndRestartsWhenOld)
{
    // SingleHealthMetrics (sampling 100 ms < 200 ms): one window from construction (t = 0) that
    // restarts at the first event at least 100 ms after its start.
    Harness h(polly(0.5, 2, 100, 500));
    Harness::Call c = h.call(ms(90));
    h.fail(ms(90), c);
    c = h.call(ms(100));
    h.fail(ms(100), c); // 100 - 0 >= 100: the window restarts at 100 with this failure only
    EXPECT_EQ(h.state(), BreakerState::Closed);
    EXPECT_EQ(h.view().bufferedCalls, 1);
    c = h.call(ms(150));
    h.fail(ms(150), c); // 2 failures in the window started at 100
    EXPECT_EQ(h.state(), BreakerState::Open);
    EXPECT_THAT(h.log, ElementsAre("150 closed->open"));

    // Sampling 200 ms is not below 200 ms: rolling, ten windows of 20 ms, the first started at
    // 150 and still in at 210 (a single window from 0 would have restarted at 210).
    Harness g(polly(0.5, 2, 200, 500));
    c = g.call(ms(150));
    g.fail(ms(150), c);
    c = g.call(ms(210));
    g.fail(ms(210), c);
    EXPECT_EQ(g.state(), BreakerState::Open);
    EXPECT_THAT(g.log, ElementsAre("210 closed->open"));

    // Sampling 199 ms: single, from 0: at 210 the window restarts with one failure.
    Harness k(polly(0.5, 2, 199, 500));
    c = k.call(ms(150));
    k.fail(ms(150), c);
    c = k.call(ms(210));
    k.fail(ms(210), c);
    EXPECT_EQ(k.state(), BreakerState::Closed);
    EXPECT_EQ(k.view().bufferedCalls, 1);
}

TEST(BreakerPolly, SingleWindowRestartsWhenTheBreakerCloses)
{
    // SingleHealthMetrics.Reset() restarts the window at the moment of the close.
    Harness h(polly(0.5, 2, 100, 500));
    h.quick(ms(10), true);
    h.quick(ms(20), true); // open at 21
    ASSERT_EQ(h.state(), BreakerState::Open);
    const Harness::Call probe = h.call(ms(521));
    h.ok(ms(530), probe); // closed; window restarts at 530
    ASSERT_EQ(h.state(), BreakerState::Closed);
    Harness::Call c = h.call(ms(620));
    h.fail(ms(620), c); // 90 ms into the window
    c = h.call(ms(630));
    h.fail(ms(630), c); // 100 ms after 530: restarts, 1 failure
    EXPECT_EQ(h.state(), BreakerState::Closed);
    EXPECT_EQ(h.view().bufferedCalls, 1);
}

TEST(BreakerPolly, LookingAtTheViewDoesNotMoveTheWindows)
{
    // Polly reads its health metrics only on a failure; the GUI reading the view between events
    // must not start a window that Polly would not have started. Ten windows of 100 ms.
    auto run = [](bool watch) {
        Harness h(polly(0.5, 2, 1000, 5000));
        h.instant(0, false);
        h.instant(0, false); // window A at 0: 2 successes
        if (watch) {
            h.now = ms(150);
            EXPECT_EQ(h.view().bufferedCalls, 2);
        }
        h.instant(ms(200), true); // window B at 200: 3 calls, 1 failure
        EXPECT_EQ(h.state(), BreakerState::Closed);
        // At 1180 window A (1180 ms old) is dropped, B (980 ms old) is kept: 2 calls, 2 failures.
        h.instant(ms(1180), true);
        EXPECT_EQ(h.state(), BreakerState::Open) << (watch ? "watched" : "unwatched");
        return h.log;
    };
    EXPECT_THAT(run(false), ElementsAre("1180 closed->open"));
    EXPECT_THAT(run(true), ElementsAre("1180 closed->open"));
}

TEST(BreakerPolly, LookingAtTheViewDoesNotRestartTheSingleWindow)
{
    auto run = [](bool watch) {
        Harness h(polly(0.5, 2, 100, 500)); // one window, from 0
        h.instant(ms(90), true);
        if (watch) {
            h.now = ms(150);
            EXPECT_EQ(h.view().bufferedCalls, 0) << "the window at 0 is over at 150";
        }
        h.instant(ms(240), true); // restarts at 240: 1 failure
        EXPECT_EQ(h.state(), BreakerState::Closed);
        h.instant(ms(260), true); // 2 failures in the window of 240
        return h.log;
    };
    EXPECT_THAT(run(false), ElementsAre("260 closed->open"));
    EXPECT_THAT(run(true), ElementsAre("260 closed->open"));
}

TEST(BreakerPolly, ViewShowsRatioAsPercentOnceThroughputIsReached)
{
    Harness h(polly(0.25, 4, 10000, 1000));
    h.quick(ms(0), false);
    h.quick(ms(2), false);
    h.quick(ms(4), false);
    EXPECT_EQ(h.view().failureRate, -1);
    h.quick(ms(6), true); // 4 calls, 1 failure: 0.25 >= 0.25
    EXPECT_EQ(h.state(), BreakerState::Open);
    const BreakerView v = h.view();
    EXPECT_EQ(v.failureRate, 25);
    EXPECT_EQ(v.failureRateThreshold, 25);
    EXPECT_EQ(v.minimumCalls, 4);
    EXPECT_EQ(v.halfOpenPermits, 1);
}

} // namespace
} // namespace reslab
