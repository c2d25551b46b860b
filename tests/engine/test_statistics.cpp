// Statistical tests of whole runs against closed-form results of queueing and probability theory.
// Every expected value is computed here from its textbook formula (M/M/1, Erlang C,
// Pollaczek–Khinchine, geometric retries, Poisson counts, the latency distributions' quantiles),
// never from the code under test. Seeds are fixed, so every run is reproducible; the sample sizes
// make each tolerance about 4 standard errors wide or more (the margins are worked out next to
// each test and were checked on seeds 1..30, see the comments).

#include "reslab/model/scenario.h"
#include "reslab/model/simulation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>
#include <vector>

namespace reslab {
namespace {

constexpr double kServiceMeanMs = 1.0; ///< queueing tests: mean service time 1 ms, mu = 1000/s
constexpr double kMu = 1000.0 / kServiceMeanMs;

/// A scenario with Poisson arrivals at `ratePerS` to one service "svc" and an empty pipeline.
Scenario singleService(double ratePerS, double durationS, LatencySpec latency, int concurrency,
                       std::uint64_t seed)
{
    Scenario s;
    s.name = "statistics";
    s.seed = seed;
    s.durationS = durationS;
    s.bucketMs = 1000;
    s.load.type = LoadSpec::Type::Poisson;
    s.load.ratePerS = ratePerS;
    ServiceSpec svc;
    svc.name = "svc";
    svc.latency = latency;
    svc.concurrency = concurrency; // queueLimit absent: unbounded FIFO queue
    s.services.emplace(svc.name, svc);
    s.target = svc.name;
    return s;
}

LatencySpec exponentialMs(double mean)
{
    LatencySpec l;
    l.dist = LatencySpec::Dist::Exponential;
    l.mean = mean;
    return l;
}

Summary run(const Scenario &scenario)
{
    Simulation sim(scenario);
    sim.runToEnd();
    EXPECT_TRUE(sim.finished());
    return sim.summary();
}

/// Erlang C: the probability that an arrival waits in M/M/c with offered load a = lambda / mu
/// (a < c), from its definition
///   C(c, a) = (a^c / c!) (c / (c - a)) / (sum_{k<c} a^k / k! + (a^c / c!) (c / (c - a))).
double erlangC(int c, double a)
{
    double term = 1.0; // a^k / k!
    double sum = 0.0;
    for (int k = 0; k < c; ++k) {
        sum += term;
        term *= a / (k + 1);
    }
    const double top = term * c / (c - a); // term is now a^c / c!
    return top / (sum + top);
}

double relErr(double measured, double expected)
{
    return std::abs(measured - expected) / expected;
}

// ---------------------------------------------------------------------------------------------
// M/M/1: W = 1 / (mu - lambda), utilisation rho = lambda / mu.
//
// The sample mean of sojourn times in M/M/1 is strongly autocorrelated; its asymptotic relative
// variance per unit of simulated time is about 2 (1 + rho) / (mu rho (1 - rho)^2) (that of the
// time-average number in system, by Little's law). rho = 0.5, 600 s (300k requests): 0.63 %
// standard error, so 3 % is ~4.8 sigma. rho = 0.8, 2000 s (1.6M requests): 0.75 %, so 3 % is
// 4 sigma. Over seeds 1..30 the relative error of W had s.d. 0.58 % (max 1.65 %) at rho = 0.5 and
// 0.77 % (max 1.76 %) at rho = 0.8; utilisation (s.e. ~ sqrt(2 / (lambda T))) stayed within
// 0.63 %.

struct MM1Case
{
    double rho;
    double durationS;
    std::uint64_t seed;
};

void checkMM1(const MM1Case &c)
{
    const double lambda = c.rho * kMu;
    const Summary s =
        run(singleService(lambda, c.durationS, exponentialMs(kServiceMeanMs), 1, c.seed));
    const double expectedWms = 1000.0 / (kMu - lambda);
    ASSERT_EQ(s.services.size(), 1u);
    const double completed = static_cast<double>(s.success + s.failure);
    EXPECT_GT(completed, 0.99 * lambda * c.durationS);
    EXPECT_EQ(s.failure, 0u);
    EXPECT_LT(relErr(s.latencyMean, expectedWms), 0.03)
        << "rho " << c.rho << ": W " << s.latencyMean << " ms, expected " << expectedWms;
    EXPECT_LT(relErr(s.services[0].utilization, c.rho), 0.02)
        << "utilization " << s.services[0].utilization << ", expected " << c.rho;
    EXPECT_EQ(s.attempts, s.requests); // empty pipeline: one attempt per request
}

TEST(StatisticsMM1, MeanResponseTimeAtRho05)
{
    checkMM1({.rho = 0.5, .durationS = 600, .seed = 11});
}

TEST(StatisticsMM1, MeanResponseTimeAtRho08)
{
    checkMM1({.rho = 0.8, .durationS = 2000, .seed = 12});
}

// ---------------------------------------------------------------------------------------------
// M/M/c: W = C(c, a) / (c mu - lambda) + 1 / mu, a = lambda / mu, rho = a / c.
// 300k requests each. Over seeds 1..30 the relative error of W had s.d. 0.73 % (max 1.38 %) for
// c = 4 and 0.47 % (max 0.86 %) for c = 8.

void checkMMc(int c, double rho, double durationS, std::uint64_t seed)
{
    const double lambda = rho * c * kMu;
    const double a = lambda / kMu;
    const Summary s = run(singleService(lambda, durationS, exponentialMs(kServiceMeanMs), c, seed));
    const double expectedWms = 1000.0 * (erlangC(c, a) / (c * kMu - lambda) + 1.0 / kMu);
    EXPECT_LT(relErr(s.latencyMean, expectedWms), 0.03)
        << "c " << c << ": W " << s.latencyMean << " ms, expected " << expectedWms;
    // Utilisation is busy servers / c.
    ASSERT_EQ(s.services.size(), 1u);
    EXPECT_LT(relErr(s.services[0].utilization, rho), 0.02)
        << "utilization " << s.services[0].utilization << ", expected " << rho;
}

TEST(StatisticsMMc, ErlangCSanity)
{
    // Hand-worked: C(1, a) = a (M/M/1's P(wait) = rho); C(4, 3) = 13.5 / 26.5.
    EXPECT_NEAR(erlangC(1, 0.8), 0.8, 1e-15);
    EXPECT_NEAR(erlangC(4, 3.0), 13.5 / 26.5, 1e-15);
    EXPECT_NEAR(erlangC(2, 1.0), 1.0 / 3.0, 1e-15); // (1/2 * 2) / (1 + 1 + 1)
}

TEST(StatisticsMMc, FourServersAtRho075)
{
    checkMMc(4, 0.75, 100, 21);
}

TEST(StatisticsMMc, EightServersAtRho075)
{
    checkMMc(8, 0.75, 50, 22);
}

// ---------------------------------------------------------------------------------------------
// M/D/1 (constant service time D = 1 / mu): Pollaczek–Khinchine gives the mean wait in queue
// Wq = rho / (2 mu (1 - rho)); the response time is Wq + D. Checked on Wq itself (3 %), which is
// stricter than on W. rho = 0.5 over 600 s and rho = 0.8 over 1200 s: over seeds 1..30 the
// relative error of Wq had s.d. 0.61 % (max 1.60 %) and 0.76 % (max 1.87 %).

TEST(StatisticsMD1, PollaczekKhinchineWait)
{
    for (const double rho : {0.5, 0.8}) {
        const double lambda = rho * kMu;
        const double durationS = rho < 0.6 ? 600 : 1200;
        const Summary s =
            run(singleService(lambda, durationS, LatencySpec::constant(kServiceMeanMs), 1, 31));
        const double expectedWqMs = 1000.0 * rho / (2.0 * kMu * (1.0 - rho));
        const double wqMs = s.latencyMean - kServiceMeanMs;
        EXPECT_LT(relErr(wqMs, expectedWqMs), 0.03)
            << "rho " << rho << ": Wq " << wqMs << " ms, expected " << expectedWqMs;
        EXPECT_LT(relErr(s.services[0].utilization, rho), 0.02);
        // No response can be shorter than the service time.
        EXPECT_GE(s.latencyP50, kServiceMeanMs);
    }
}

// ---------------------------------------------------------------------------------------------
// Retries with independent failures. Each attempt fails with probability p, independently; a
// retry stage allows n retries with no delay. Attempts per request follow a truncated geometric
// law: E[attempts] = sum_{k=0..n} p^k = (1 - p^(n+1)) / (1 - p); success = 1 - p^(n+1).
//
// Tolerances: amplification within 1 % relative (its standard error is < 0.07 % at 500k
// requests). Success probability within 1 % relative as asked, and also within 4 binomial
// standard errors 4 sqrt(s (1 - s) / N) (0.0004 at p = 0.2, 0.0019 at p = 0.5), which is the
// tighter and more meaningful bound: 1 % of 0.9984 would hide a doubled failure rate. Over seeds
// 1..30 the success z-score stayed within 2.05 and amplification within 0.2 %.

void checkRetries(double p, int n, std::uint64_t seed)
{
    Scenario sc = singleService(1000, 500, LatencySpec::constant(1), 0, seed);
    sc.services.at("svc").failureRate = p;
    StageSpec retry;
    retry.options = RetrySpec{};
    retry.as<RetrySpec>().maxRetries = n;
    retry.as<RetrySpec>().backoff = RetrySpec::Backoff::Fixed;
    retry.as<RetrySpec>().baseMs = 0;
    retry.as<RetrySpec>().jitter = RetrySpec::Jitter::None;
    sc.pipeline.push_back(retry);
    const Summary s = run(sc);

    // Latency is at most (n + 1) ms against 500 s: nearly every request has finished.
    EXPECT_LE(s.inFlight, 20u);
    const double done = static_cast<double>(s.success + s.failure);
    ASSERT_EQ(s.success + s.failure + s.inFlight, s.requests);
    ASSERT_GT(done, 400000);

    const double pn1 = std::pow(p, n + 1);
    const double expectedAttempts = (1.0 - pn1) / (1.0 - p);
    const double expectedSuccess = 1.0 - pn1;
    EXPECT_LT(relErr(s.amplification, expectedAttempts), 0.01)
        << "p " << p << " n " << n << ": amplification " << s.amplification << ", expected "
        << expectedAttempts;
    const double success = static_cast<double>(s.success) / done;
    EXPECT_LT(relErr(success, expectedSuccess), 0.01);
    EXPECT_NEAR(success, expectedSuccess, 4.0 * std::sqrt(expectedSuccess * pn1 / done))
        << "p " << p << " n " << n;
    // Every failure is an exhausted error, and retries = attempts - requests.
    EXPECT_EQ(s.failure, s.failureByCause[static_cast<std::size_t>(Outcome::Error)]);
    EXPECT_EQ(s.retries + s.requests, s.attempts);
}

TEST(StatisticsRetry, AmplificationP02N3)
{
    checkRetries(0.2, 3, 41);
}

TEST(StatisticsRetry, AmplificationP05N2)
{
    checkRetries(0.5, 2, 42);
}

// ---------------------------------------------------------------------------------------------
// Arrival counts per 1 s bucket. Poisson: mean = variance = lambda. At lambda = 20 over 20000
// buckets the mean's standard error is 0.16 % (1 % = 6 sigma) and the sample variance's relative
// standard error is sqrt((1/lambda + 2) / K) = 1.0 % (5 % = 5 sigma). Over seeds 1..30: mean
// within 0.36 %, variance within 2.8 % (s.d. 0.97 %).

struct CountStats
{
    double mean = 0;
    double variance = 0;
};

CountStats countStats(const std::vector<BucketRow> &rows, std::size_t from, std::size_t to)
{
    CountStats st;
    const double k = static_cast<double>(to - from);
    for (std::size_t i = from; i < to; ++i)
        st.mean += rows[i].arrivals;
    st.mean /= k;
    for (std::size_t i = from; i < to; ++i)
        st.variance += (rows[i].arrivals - st.mean) * (rows[i].arrivals - st.mean);
    st.variance /= k - 1;
    return st;
}

TEST(StatisticsArrivals, PoissonCountsHaveMeanAndVarianceLambda)
{
    constexpr double kLambda = 20;
    constexpr std::size_t kBuckets = 20000;
    Simulation sim(singleService(kLambda, kBuckets, LatencySpec::constant(0), 0, 51));
    sim.runToEnd();
    const auto &rows = sim.recorder().rows();
    ASSERT_EQ(rows.size(), kBuckets);
    const CountStats st = countStats(rows, 0, kBuckets);
    EXPECT_LT(relErr(st.mean, kLambda), 0.01) << "mean " << st.mean;
    EXPECT_LT(relErr(st.variance, kLambda), 0.05) << "variance " << st.variance;

    // The whole count distribution: chi-square of the bucket counts against Poisson(20), cells
    // <= 10, 11, ..., 29, >= 30 (22 cells, each expecting >= 65 buckets), 21 degrees of freedom:
    // its 99.9 % quantile is 46.8.
    std::vector<double> observed(22, 0.0);
    for (const BucketRow &r : rows)
        observed[std::clamp<std::size_t>(r.arrivals, 10, 31) - 10] += 1;
    std::vector<double> pmf(64);
    pmf[0] = std::exp(-kLambda);
    for (std::size_t k = 1; k < pmf.size(); ++k)
        pmf[k] = pmf[k - 1] * kLambda / static_cast<double>(k);
    std::vector<double> expected(22, 0.0);
    double below = 0;
    for (std::size_t k = 0; k <= 10; ++k)
        below += pmf[k];
    expected[0] = below;
    double cumulative = below;
    for (std::size_t k = 11; k <= 30; ++k) {
        expected[k - 10] = pmf[k];
        cumulative += pmf[k];
    }
    expected[21] = 1.0 - cumulative;
    double chi2 = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const double e = expected[i] * static_cast<double>(kBuckets);
        chi2 += (observed[i] - e) * (observed[i] - e) / e;
    }
    EXPECT_LT(chi2, 46.8);

    // Each arrival is one attempt (empty pipeline) and the totals agree with the rows.
    std::uint64_t total = 0;
    for (const BucketRow &r : rows)
        total += r.arrivals;
    EXPECT_EQ(total, sim.summary().requests);
}

TEST(StatisticsArrivals, ConstantLoadIsExactPerBucket)
{
    // 50/s: one arrival every 20 ms exactly, the first at t = 0; [k s, (k+1) s) holds 50.
    Scenario sc = singleService(50, 100, LatencySpec::constant(1), 0, 52);
    sc.load.type = LoadSpec::Type::Constant;
    Simulation constant(sc);
    constant.runToEnd();
    const auto &rows = constant.recorder().rows();
    ASSERT_EQ(rows.size(), 100u);
    for (const BucketRow &r : rows)
        EXPECT_EQ(r.arrivals, 50u) << "bucket at " << r.start;
    EXPECT_EQ(constant.summary().requests, 5000u);
}

TEST(StatisticsArrivals, PoissonPhaseChangesTheRate)
{
    // 20/s for 5000 s, then 60/s for 5000 s. Standard error of each half's mean: 0.32 % and
    // 0.18 %; 1.5 % is > 4.5 sigma.
    Scenario sc = singleService(20, 10000, LatencySpec::constant(0), 0, 53);
    LoadPhase phase;
    phase.atS = 5000;
    phase.ratePerS = 60;
    sc.load.phases.push_back(phase);
    Simulation sim(sc);
    sim.runToEnd();
    const auto &rows = sim.recorder().rows();
    ASSERT_EQ(rows.size(), 10000u);
    const CountStats before = countStats(rows, 0, 5000);
    const CountStats after = countStats(rows, 5000, 10000);
    EXPECT_LT(relErr(before.mean, 20), 0.015) << "before " << before.mean;
    EXPECT_LT(relErr(after.mean, 60), 0.015) << "after " << after.mean;
    // Still Poisson after the change: variance = mean (relative s.e. 2 %, 10 % is 5 sigma).
    EXPECT_LT(relErr(after.variance, 60), 0.10) << "after variance " << after.variance;
}

TEST(StatisticsArrivals, ConstantPhaseChangesTheRate)
{
    // 50/s, then 100/s from 5 s: 50 in each bucket before, 100 in each bucket after the first one
    // of the phase. The first bucket of the phase holds 99 or 100, depending on whether the new
    // phase's first arrival is at at_s or one new gap after the previous arrival (the engine
    // does the latter today).
    Scenario sc = singleService(50, 10, LatencySpec::constant(1), 0, 54);
    sc.load.type = LoadSpec::Type::Constant;
    LoadPhase phase;
    phase.atS = 5;
    phase.ratePerS = 100;
    sc.load.phases.push_back(phase);
    Simulation sim(sc);
    sim.runToEnd();
    const auto &rows = sim.recorder().rows();
    ASSERT_EQ(rows.size(), 10u);
    for (std::size_t i = 0; i < 5; ++i)
        EXPECT_EQ(rows[i].arrivals, 50u) << "bucket " << i;
    EXPECT_GE(rows[5].arrivals, 99u);
    EXPECT_LE(rows[5].arrivals, 100u);
    for (std::size_t i = 6; i < 10; ++i)
        EXPECT_EQ(rows[i].arrivals, 100u) << "bucket " << i;
}

// A Poisson process whose rate changes at phase boundaries is still Poisson with the new rate
// from the boundary on (memorylessness): rate 20 and 60 alternating every second, 4000 s, the
// mean count in each kind of bucket is its rate (standard errors 0.5 % and 0.29 %; 2 % is
// > 4 sigma). A phase that sets the same rate must change nothing.
//
// DISABLED: fails today: 19.08 and 18.96 per bucket with 20 <-> 20, 19.00 and 59.17 with
// 20 <-> 60 (seed 55; with a fresh-draw fix: 19.95, 20.01, 19.97, 60.04). When a phase
// changes the rate, LoadGenerator::applyPhase calls scheduleNextOpen(now), which redraws the gap
// from now with the SAME uniform (index m_nextIndex) that drew the pending arrival. Conditioned
// on that arrival still pending at at_s, -ln(u) >= rate_old * d (d = time since the previous
// arrival), so the first gap of the new phase is (rate_old * d + E) / rate_new instead of
// E / rate_new: about one arrival is lost per phase change (a same-rate phase delays the next
// arrival by d). Fix: rescale the residual, next = now + (pendingAt - now) * rate_old / rate_new
// (exact by the time-change theorem, keeps common random numbers, and a same-rate phase becomes a
// no-op), or draw the new gap from a fresh coordinate.
TEST(StatisticsArrivals, PoissonRateChangesKeepThePoissonMean)
{
    for (const double other : {20.0, 60.0}) {
        Scenario sc = singleService(20, 4000, LatencySpec::constant(0), 0, 55);
        for (int k = 1; k < 4000; ++k) {
            LoadPhase phase;
            phase.atS = k;
            phase.ratePerS = k % 2 == 1 ? other : 20.0;
            sc.load.phases.push_back(phase);
        }
        Simulation sim(sc);
        sim.runToEnd();
        const auto &rows = sim.recorder().rows();
        ASSERT_EQ(rows.size(), 4000u);
        double even = 0;
        double odd = 0;
        for (std::size_t i = 0; i < rows.size(); ++i)
            (i % 2 == 0 ? even : odd) += rows[i].arrivals;
        EXPECT_LT(relErr(even / 2000, 20), 0.02) << "20/s buckets: " << even / 2000;
        EXPECT_LT(relErr(odd / 2000, other), 0.02) << other << "/s buckets: " << odd / 2000;
    }
}

// ---------------------------------------------------------------------------------------------
// Latency distributions through an unlimited-concurrency service: the response time is the
// service time. Percentiles come from the log histogram (<= 0.4 % relative error), means are
// exact sums of microseconds. Over seeds 1..30 the largest relative errors were: lognormal p50
// 0.48 %, p90 0.23 %, p99 0.69 %, mean 0.22 %; exponential mean 0.49 %, p50 0.83 %, p99 1.17 %;
// truncated normal mean 0.57 %.

Summary latencyRun(const LatencySpec &latency, double durationS, std::uint64_t seed)
{
    return run(singleService(1000, durationS, latency, 0, seed));
}

TEST(StatisticsLatency, LognormalMedianAndP99)
{
    // sigma = ln(p99 / median) / z_0.99. Standard errors at 1M samples: median 0.11 %,
    // p99 0.32 % (sqrt(0.99 * 0.01 / N) sigma / phi(z_0.99)), plus 0.4 % histogram error.
    LatencySpec l;
    l.dist = LatencySpec::Dist::Lognormal;
    l.median = 40;
    l.p99 = 300;
    const Summary s = latencyRun(l, 1000, 61);
    EXPECT_LT(relErr(s.latencyP50, 40), 0.02) << "p50 " << s.latencyP50;
    EXPECT_LT(relErr(s.latencyP99, 300), 0.02) << "p99 " << s.latencyP99;
    // The mean, exp(mu + sigma^2 / 2): relative standard error sqrt(e^(sigma^2) - 1) / sqrt(N).
    const double z99 = 2.3263478740408408; // Phi^-1(0.99)
    const double sigma = std::log(300.0 / 40.0) / z99;
    const double mean = 40.0 * std::exp(sigma * sigma / 2.0);
    EXPECT_LT(relErr(s.latencyMean, mean), 0.01) << "mean " << s.latencyMean << " vs " << mean;
    // p90: median * exp(sigma z_0.9).
    const double p90 = 40.0 * std::exp(sigma * 1.2815515655446004);
    EXPECT_LT(relErr(s.latencyP90, p90), 0.02) << "p90 " << s.latencyP90 << " vs " << p90;
}

TEST(StatisticsLatency, ExponentialMeanAndMedian)
{
    // Mean standard error 1 / sqrt(N) = 0.22 % at 200k; median 1.44 / sqrt(N) = 0.32 %.
    const Summary s = latencyRun(exponentialMs(50), 200, 62);
    EXPECT_LT(relErr(s.latencyMean, 50), 0.01) << "mean " << s.latencyMean;
    EXPECT_LT(relErr(s.latencyP50, 50 * std::numbers::ln2), 0.02) << "p50 " << s.latencyP50;
    // p99 = mean ln 100.
    EXPECT_LT(relErr(s.latencyP99, 50 * std::log(100.0)), 0.03) << "p99 " << s.latencyP99;
}

TEST(StatisticsLatency, UniformMeanAndRange)
{
    LatencySpec l;
    l.dist = LatencySpec::Dist::Uniform;
    l.min = 20;
    l.max = 80;
    const Summary s = latencyRun(l, 200, 63);
    EXPECT_LT(relErr(s.latencyMean, 50), 0.005) << "mean " << s.latencyMean;
    EXPECT_LT(relErr(s.latencyP50, 50), 0.01) << "p50 " << s.latencyP50;
    EXPECT_LT(relErr(s.latencyP90, 74), 0.01) << "p90 " << s.latencyP90; // min + 0.9 (max - min)
    EXPECT_LE(s.latencyMax, 80.0);
    EXPECT_GT(s.latencyMax, 79.9);
}

TEST(StatisticsLatency, NormalFarFromZeroKeepsItsMean)
{
    // mean 100, stddev 10: truncation at 0 (10 sigma away) changes nothing measurable.
    LatencySpec l;
    l.dist = LatencySpec::Dist::Normal;
    l.mean = 100;
    l.stddev = 10;
    const Summary s = latencyRun(l, 200, 64);
    EXPECT_LT(relErr(s.latencyMean, 100), 0.01) << "mean " << s.latencyMean;
    EXPECT_LT(relErr(s.latencyP50, 100), 0.01) << "p50 " << s.latencyP50;
    EXPECT_LT(relErr(s.latencyP90, 100 + 10 * 1.2815515655446004), 0.01) << "p90 " << s.latencyP90;
}

TEST(StatisticsLatency, NormalTruncatedAtZero)
{
    // mean 0, stddev 10: half the draws are clamped to 0, so the median is 0 (or just above it)
    // and the mean is E[max(0, X)] = stddev / sqrt(2 pi) (relative standard error
    // ~ 1.2 / sqrt(N)).
    LatencySpec l;
    l.dist = LatencySpec::Dist::Normal;
    l.mean = 0;
    l.stddev = 10;
    const Summary s = latencyRun(l, 500, 65);
    EXPECT_LT(relErr(s.latencyMean, 10 / std::sqrt(2 * std::numbers::pi)), 0.01)
        << "mean " << s.latencyMean;
    // The share of zeros is 1/2 +- 0.5 / sqrt(N) (N = 500 000: s.d. 7.1e-4); when it falls
    // below 1/2 the median is the positive draw at rank N / 2, within 5 s.d. of 0 that is at most
    // stddev * Phi^-1(0.5 + 0.0035) = 10 * 0.0035 * sqrt(2 pi) = 0.088 ms (exact histogram
    // buckets below 256 us).
    EXPECT_LT(s.latencyP50, 0.09);
}

TEST(StatisticsLatency, ConstantIsExact)
{
    const Summary s = latencyRun(LatencySpec::constant(25), 50, 66);
    EXPECT_DOUBLE_EQ(s.latencyMean, 25.0);
    EXPECT_DOUBLE_EQ(s.latencyP50, 25.0);
    EXPECT_DOUBLE_EQ(s.latencyP99, 25.0);
    EXPECT_DOUBLE_EQ(s.latencyP999, 25.0);
    EXPECT_DOUBLE_EQ(s.latencyMax, 25.0);
}

} // namespace
} // namespace reslab
