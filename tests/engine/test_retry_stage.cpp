// The retry stage through whole runs: attempt counts, backoff delays seen in events, retry_on,
// circuit_open, counting at attempt start, and the retry budget. Expected numbers are worked out
// by hand from docs/semantics.md "Retry" (derivations in the comments).

#include "engine_fixtures.h"
#include "reslab/model/simulation.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reslab {
namespace {

using namespace reslab::testing;

Scenario scenario(std::vector<double> atMs, const ServiceSpec &svc, std::vector<StageSpec> pipeline,
                  double durationS = 10)
{
    return scriptScenario("retry-test", 3, std::move(atMs), svc, std::move(pipeline), durationS);
}

StageSpec retry(int maxRetries, RetrySpec::Backoff backoff, double baseMs)
{
    StageSpec st;
    st.options = RetrySpec{};
    st.name = "retry";
    st.as<RetrySpec>().maxRetries = maxRetries;
    st.as<RetrySpec>().backoff = backoff;
    st.as<RetrySpec>().baseMs = baseMs;
    st.as<RetrySpec>().jitter = RetrySpec::Jitter::None;
    return st;
}

TEST(RetryTest, MaxRetriesThreeGivesFourAttemptsWithExponentialDelays)
{
    // Script error, error, error, ok (10 ms each); exponential base 100 ms, multiplier 2, no
    // jitter: delays 100, 200, 400.
    //   attempt 1: 0 .. 10 error   -> retry in 100
    //   attempt 2: 110 .. 120 error -> retry in 200
    //   attempt 3: 320 .. 330 error -> retry in 400
    //   attempt 4: 730 .. 740 ok    -> success at 740
    Collect ev;
    Simulation sim(scenario({0}, scripted({err(10), err(10), err(10), ok(10)}),
                            {retry(3, RetrySpec::Backoff::Exponential, 100)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    EXPECT_EQ(ev.times(EventKind::AttemptStart),
              (std::vector<SimTime>{0, ms(110), ms(320), ms(730)}));
    EXPECT_EQ(ev.details(EventKind::RetryScheduled),
              (std::vector<std::string>{"100", "200", "400"}));
    EXPECT_EQ(ev.times(EventKind::RetryScheduled),
              (std::vector<SimTime>{ms(10), ms(120), ms(330)}));
    // The retry number (1-based) in the attempt column; service attempts numbered 1..4.
    const auto scheduled = ev.of(EventKind::RetryScheduled);
    ASSERT_EQ(scheduled.size(), 3u);
    for (std::uint32_t k = 0; k < 3; ++k)
        EXPECT_EQ(scheduled[k].attempt, k + 1);
    const auto starts = ev.of(EventKind::AttemptStart);
    for (std::uint32_t k = 0; k < starts.size(); ++k)
        EXPECT_EQ(starts[k].attempt, k + 1);
    const auto ends = ev.of(EventKind::RequestEnd);
    ASSERT_EQ(ends.size(), 1u);
    EXPECT_EQ(ends[0].t, ms(740));
    EXPECT_EQ(ends[0].detail, "ok");

    const Summary s = sim.summary();
    EXPECT_EQ(s.requests, 1u);
    EXPECT_EQ(s.attempts, 4u);
    EXPECT_EQ(s.retries, 3u);
    EXPECT_EQ(s.success, 1u);
    EXPECT_EQ(s.failure, 0u);
    EXPECT_DOUBLE_EQ(s.latencyMax, 740.0);
}

TEST(RetryTest, ExhaustedRetriesEndWithTheLastOutcome)
{
    // Five errors scripted but max_retries 3: attempts at 0, 110, 320, 730 (as above), the last
    // error at 740 ends the request; the fifth script entry is never used.
    Collect ev;
    Simulation sim(scenario({0}, scripted({err(10), err(10), err(10), err(10), ok(10)}),
                            {retry(3, RetrySpec::Backoff::Exponential, 100)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    const Summary s = sim.summary();
    EXPECT_EQ(s.attempts, 4u);
    EXPECT_EQ(s.retries, 3u);
    EXPECT_EQ(failures(s, Outcome::Error), 1u);
    EXPECT_EQ(s.success, 0u);
    const auto ends = ev.of(EventKind::RequestEnd);
    ASSERT_EQ(ends.size(), 1u);
    EXPECT_EQ(ends[0].t, ms(740));
    EXPECT_EQ(ends[0].detail, "error");
}

TEST(RetryTest, SuccessIsNotRetried)
{
    Simulation sim(
        scenario({0}, scripted({ok(10), err(10)}), {retry(3, RetrySpec::Backoff::Fixed, 100)}));
    sim.runToEnd();
    const Summary s = sim.summary();
    EXPECT_EQ(s.attempts, 1u);
    EXPECT_EQ(s.retries, 0u);
    EXPECT_EQ(s.success, 1u);
}

struct BackoffCase
{
    const char *label;
    RetrySpec::Backoff backoff;
    double baseMs;
    double multiplier;
    std::optional<double> maxDelayMs;
    std::vector<SimTime> delays; ///< expected, µs
};

TEST(RetryTest, BackoffDelaysSeenInEvents)
{
    // Always error, 10 ms per attempt, 3 retries; attempt k+1 starts at end of attempt k + d_k.
    const std::vector<BackoffCase> cases = {
        {"fixed 50", RetrySpec::Backoff::Fixed, 50, 2, std::nullopt, {ms(50), ms(50), ms(50)}},
        {"linear 50", RetrySpec::Backoff::Linear, 50, 2, std::nullopt, {ms(50), ms(100), ms(150)}},
        {"exponential x3",
         RetrySpec::Backoff::Exponential,
         100,
         3,
         std::nullopt,
         {ms(100), ms(300), ms(900)}},
        {"exponential capped 250",
         RetrySpec::Backoff::Exponential,
         100,
         2,
         250.0,
         {ms(100), ms(200), ms(250)}},
    };
    for (const BackoffCase &c : cases) {
        StageSpec st = retry(3, c.backoff, c.baseMs);
        st.as<RetrySpec>().multiplier = c.multiplier;
        st.as<RetrySpec>().maxDelayMs = c.maxDelayMs;
        Collect ev;
        Simulation sim(scenario({0}, constantService(10, 1.0), {st}), RunOptions{.sink = &ev});
        sim.runToEnd();
        std::vector<SimTime> starts = {0};
        std::vector<std::string> details;
        for (SimTime d : c.delays) {
            starts.push_back(starts.back() + ms(10) + d);
            details.push_back(std::to_string(d / 1000));
        }
        EXPECT_EQ(ev.times(EventKind::AttemptStart), starts) << c.label;
        EXPECT_EQ(ev.details(EventKind::RetryScheduled), details) << c.label;
    }
}

TEST(RetryTest, TimeoutsAreRetriedByDefault)
{
    // Service always ok after 100 ms; a 50 ms timeout inside the retry (per attempt); fixed 10.
    //   attempt 1: 0, timeout at 50 -> retry at 60; attempt 2 times out at 110 -> retry at 120;
    //   attempt 3 times out at 170 -> max_retries 2 reached: failure timeout at 170.
    Collect ev;
    Simulation sim(scenario({0}, constantService(100, 0.0),
                            {retry(2, RetrySpec::Backoff::Fixed, 10), timeout(50)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    const Summary s = sim.summary();
    EXPECT_EQ(s.attempts, 3u);
    EXPECT_EQ(s.retries, 2u);
    EXPECT_EQ(failures(s, Outcome::Timeout), 1u);
    EXPECT_EQ(ev.times(EventKind::RequestEnd), (std::vector<SimTime>{ms(170)}));
}

TEST(RetryTest, RetryOnWithoutTimeoutDoesNotRetryTimeouts)
{
    // Same as above with retry_on = {error, overloaded}: the first timeout (50) ends it.
    StageSpec st = retry(2, RetrySpec::Backoff::Fixed, 10);
    st.as<RetrySpec>().retryOn = OutcomeSet{Outcome::Error, Outcome::Overloaded};
    Collect ev;
    Simulation sim(scenario({0}, constantService(100, 0.0), {st, timeout(50)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    const Summary s = sim.summary();
    EXPECT_EQ(s.attempts, 1u);
    EXPECT_EQ(s.retries, 0u);
    EXPECT_EQ(failures(s, Outcome::Timeout), 1u);
    EXPECT_EQ(ev.times(EventKind::RequestEnd), (std::vector<SimTime>{ms(50)}));
    EXPECT_TRUE(ev.of(EventKind::RetryScheduled).empty());
}

TEST(RetryTest, RetryOnTimeoutOnlyDoesNotRetryErrors)
{
    StageSpec st = retry(3, RetrySpec::Backoff::Fixed, 10);
    st.as<RetrySpec>().retryOn = OutcomeSet{Outcome::Timeout};
    Simulation sim(scenario({0}, constantService(5, 1.0), {st}));
    sim.runToEnd();
    const Summary s = sim.summary();
    EXPECT_EQ(s.attempts, 1u);
    EXPECT_EQ(s.retries, 0u);
    EXPECT_EQ(failures(s, Outcome::Error), 1u);
}

TEST(RetryTest, CircuitOpenIsNotRetriedByDefault)
{
    // [retry(3, fixed 10) -> breaker(consecutive, threshold 1)], service always errors in 10 ms.
    //   attempt 1: 0 .. 10 error: the breaker opens; retry scheduled for 20;
    //   retry 1 starts at 20 (counted), the breaker rejects it: circuit_open, not in retry_on:
    //   the request fails circuit_open at 20.
    Collect ev;
    Simulation sim(scenario({0}, constantService(10, 1.0),
                            {retry(3, RetrySpec::Backoff::Fixed, 10), breaker(1, 10000)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    const Summary s = sim.summary();
    EXPECT_EQ(s.attempts, 1u);
    EXPECT_EQ(s.retries, 1u);
    EXPECT_EQ(s.breakerRejected, 1u);
    EXPECT_EQ(failures(s, Outcome::CircuitOpen), 1u);
    EXPECT_EQ(failures(s, Outcome::Error), 0u);
    EXPECT_EQ(ev.times(EventKind::RequestEnd), (std::vector<SimTime>{ms(20)}));
}

TEST(RetryTest, CircuitOpenIsRetriedWhenListed)
{
    // As above with circuit_open in retry_on: retries at 20, 30, 40 are all rejected; after the
    // third the request fails circuit_open at 40.
    StageSpec st = retry(3, RetrySpec::Backoff::Fixed, 10);
    st.as<RetrySpec>().retryOn.insert(Outcome::CircuitOpen);
    Collect ev;
    Simulation sim(scenario({0}, constantService(10, 1.0), {st, breaker(1, 10000)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    const Summary s = sim.summary();
    EXPECT_EQ(s.attempts, 1u);
    EXPECT_EQ(s.retries, 3u);
    EXPECT_EQ(s.breakerRejected, 3u);
    EXPECT_EQ(failures(s, Outcome::CircuitOpen), 1u);
    EXPECT_EQ(ev.times(EventKind::BreakerRejected), (std::vector<SimTime>{ms(20), ms(30), ms(40)}));
    EXPECT_EQ(ev.times(EventKind::RequestEnd), (std::vector<SimTime>{ms(40)}));
}

TEST(RetryTest, RetryCountsWhenItsAttemptStartsNotWhenScheduled)
{
    // error at 10, retry after a fixed 1000 ms: the retry attempt starts at 1010.
    const auto make = [](double durationS) {
        return scenario({0}, scripted({err(10), ok(10)}),
                        {retry(1, RetrySpec::Backoff::Fixed, 1000)}, durationS);
    };
    {
        // The run ends at 500 ms while the retry waits: scheduled, but never started.
        Collect ev;
        Simulation sim(make(0.5), RunOptions{.sink = &ev});
        sim.runToEnd();
        const Summary s = sim.summary();
        EXPECT_EQ(ev.of(EventKind::RetryScheduled).size(), 1u);
        EXPECT_EQ(s.retries, 0u);
        EXPECT_EQ(s.attempts, 1u);
        EXPECT_EQ(s.inFlight, 1u);
        EXPECT_EQ(s.requests, 1u);
    }
    {
        // Two 1 s buckets: scheduled in bucket 0 (t = 10 ms), started in bucket 1 (t = 1010 ms).
        Simulation sim(make(2.0));
        sim.runToEnd();
        const Summary s = sim.summary();
        EXPECT_EQ(s.retries, 1u);
        EXPECT_EQ(s.attempts, 2u);
        EXPECT_EQ(s.success, 1u);
        const auto &rows = sim.recorder().rows();
        ASSERT_EQ(rows.size(), 2u);
        EXPECT_EQ(rows[0].retries, 0u);
        EXPECT_EQ(rows[1].retries, 1u);
        EXPECT_EQ(rows[0].attempts, 1u);
        EXPECT_EQ(rows[1].attempts, 1u);
    }
}

TEST(RetryTest, RetriesStartedEqualsRetryAttemptsActuallyStarted)
{
    // Many requests, always error, 3 retries of 300 ms fixed, run cut at 1 s: request at t
    // has retry attempts at t+305, t+610, t+915 (5 ms attempts); count those below 1000 ms.
    std::vector<double> at;
    for (int i = 0; i < 20; ++i)
        at.push_back(i * 50.0);
    Collect ev;
    Simulation sim(
        scenario(at, constantService(5, 1.0), {retry(3, RetrySpec::Backoff::Fixed, 300)}, 1.0),
        RunOptions{.sink = &ev});
    sim.runToEnd();
    std::uint64_t expected = 0;
    for (double t : at) {
        for (double offset : {305.0, 610.0, 915.0})
            expected += t + offset <= 1000.0 ? 1 : 0;
    }
    const Summary s = sim.summary();
    EXPECT_EQ(s.retries, expected);
    EXPECT_EQ(s.attempts, at.size() + expected);
    // Scheduled ones that never started are not counted (there are some).
    EXPECT_GT(ev.of(EventKind::RetryScheduled).size(), expected);
}

StageSpec budgeted(double ratio, double minRetriesPerS, double ttlMs, int maxRetries)
{
    StageSpec st = retry(maxRetries, RetrySpec::Backoff::Fixed, 1);
    st.as<RetrySpec>().budget = RetryBudgetSpec{ratio, minRetriesPerS, ttlMs};
    return st;
}

TEST(RetryTest, EmptyBudgetAllowsNoRetry)
{
    // ratio 0, min_retries_per_s 0: the balance is always 0, every retry is denied and the
    // request ends with the outcome it had.
    Collect ev;
    Simulation sim(scenario({0, 100, 200}, constantService(1, 1.0), {budgeted(0, 0, 10000, 3)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    const Summary s = sim.summary();
    EXPECT_EQ(s.attempts, 3u);
    EXPECT_EQ(s.retries, 0u);
    EXPECT_EQ(s.retryBudgetDenied, 3u);
    EXPECT_EQ(failures(s, Outcome::Error), 3u);
    EXPECT_EQ(ev.details(EventKind::RetryDenied),
              (std::vector<std::string>{"error", "error", "error"}));
    EXPECT_EQ(ev.times(EventKind::RequestEnd), (std::vector<SimTime>{ms(1), ms(101), ms(201)}));
}

TEST(RetryTest, BudgetReserveAllowsOnlyNRetriesInTheTtlWindow)
{
    // ratio 0, min_retries_per_s 1, ttl 3 s: a reserve of 1 x 3 = 3 retries per 3 s.
    // Always error in 1 ms, max_retries 1, fixed 1 ms. Requests at 0, 10, 20, 30, 40 ms: the
    // first three get their retry, the last two are denied. At 3500 and 3510 ms the early
    // withdrawals are more than ttl old: those two retry again.
    Collect ev;
    Simulation sim(scenario({0, 10, 20, 30, 40, 3500, 3510}, constantService(1, 1.0),
                            {budgeted(0, 1, 3000, 1)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    const Summary s = sim.summary();
    EXPECT_EQ(s.retries, 5u);
    EXPECT_EQ(s.retryBudgetDenied, 2u);
    EXPECT_EQ(s.attempts, 12u); // 7 first attempts + 5 retries
    const auto denied = ev.of(EventKind::RetryDenied);
    ASSERT_EQ(denied.size(), 2u);
    EXPECT_EQ(denied[0].request, 3u);
    EXPECT_EQ(denied[1].request, 4u);
}

TEST(RetryTest, BudgetRatioDepositsPerRequest)
{
    // ratio 0.5, no reserve, ttl 10 s; each request fails once then may retry (max 1):
    //   r0: deposits 1 -> 0.5 < 1: denied.   r1: deposits 2 -> 1.0: retry (balance 0).
    //   r2: deposits 3 -> 0.5: denied.        r3: deposits 4 -> 1.0: retry.
    Collect ev;
    Simulation sim(scenario({0, 10, 20, 30}, constantService(1, 1.0), {budgeted(0.5, 0, 10000, 1)}),
                   RunOptions{.sink = &ev});
    sim.runToEnd();
    const Summary s = sim.summary();
    EXPECT_EQ(s.retries, 2u);
    EXPECT_EQ(s.retryBudgetDenied, 2u);
    const auto denied = ev.of(EventKind::RetryDenied);
    ASSERT_EQ(denied.size(), 2u);
    EXPECT_EQ(denied[0].request, 0u);
    EXPECT_EQ(denied[1].request, 2u);
}

} // namespace
} // namespace reslab
