#include "reslab/tuning/sweep_goal.h"

#include <gtest/gtest.h>

namespace reslab {
namespace {

RunMetrics metrics(double success, double p99, double amplification)
{
    RunMetrics m;
    m.successRate = success;
    m.failureRate = 1 - success;
    m.p99Ms = p99;
    m.amplification = amplification;
    return m;
}

TEST(SweepGoal, ParsesClausesWithUnitsAndSeparators)
{
    const GoalParse g = parseGoal("p99 <= 500 ms and success >= 99.5 % and amplification <= 1.5");
    ASSERT_TRUE(g.ok()) << g.error;
    ASSERT_EQ(g.goal->clauses.size(), 3u);
    EXPECT_EQ(g.goal->clauses[0].metric, "p99_ms");
    EXPECT_EQ(g.goal->clauses[0].op, GoalOp::LessEqual);
    EXPECT_DOUBLE_EQ(g.goal->clauses[0].value, 500);
    EXPECT_EQ(g.goal->clauses[1].metric, "success_rate");
    EXPECT_EQ(g.goal->clauses[1].op, GoalOp::GreaterEqual);
    EXPECT_DOUBLE_EQ(g.goal->clauses[1].value, 0.995); // 99.5 % is the fraction 0.995
    EXPECT_EQ(g.goal->clauses[2].metric, "amplification");
    EXPECT_DOUBLE_EQ(g.goal->clauses[2].value, 1.5);

    // Unicode operators, &&, commas, seconds, CSV names, a bare fraction, AND in capitals.
    const GoalParse h = parseGoal("p50\xE2\x89\xA4 0.2 s && success_rate \xE2\x89\xA5 0.99, open < "
                                  "5% AND utilisation > 10 %");
    ASSERT_TRUE(h.ok()) << h.error;
    ASSERT_EQ(h.goal->clauses.size(), 4u);
    EXPECT_EQ(h.goal->clauses[0].metric, "p50_ms");
    EXPECT_DOUBLE_EQ(h.goal->clauses[0].value, 200); // 0.2 s = 200 ms
    EXPECT_EQ(h.goal->clauses[1].op, GoalOp::GreaterEqual);
    EXPECT_DOUBLE_EQ(h.goal->clauses[1].value, 0.99);
    EXPECT_EQ(h.goal->clauses[2].metric, "open_fraction");
    EXPECT_EQ(h.goal->clauses[2].op, GoalOp::Less);
    EXPECT_DOUBLE_EQ(h.goal->clauses[2].value, 0.05);
    EXPECT_EQ(h.goal->clauses[3].metric, "utilization");
    EXPECT_EQ(h.goal->clauses[3].op, GoalOp::Greater);
    EXPECT_DOUBLE_EQ(h.goal->clauses[3].value, 0.1);

    const GoalParse cause = parseGoal("failure_timeout <= 1 %");
    ASSERT_TRUE(cause.ok()) << cause.error;
    EXPECT_EQ(cause.goal->clauses[0].metric, "failure_timeout_rate");
    EXPECT_DOUBLE_EQ(cause.goal->clauses[0].value, 0.01);

    const GoalParse empty = parseGoal("   ");
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty.goal->empty());
}

TEST(SweepGoal, RejectsBadClausesNamingThem)
{
    EXPECT_EQ(parseGoal("p99 <= 500 and latency < 3").error,
              "clause 2 (\"latency < 3\"): unknown metric \"latency\" (use success, fallback, "
              "failure, rejected, amplification, p50, p99, open, utilization or a sweep CSV "
              "column name)");
    EXPECT_EQ(parseGoal("p99 = 500").error,
              "clause 1 (\"p99 = 500\"): expected <=, >=, < or > after \"p99\"");
    EXPECT_EQ(parseGoal("success >= high").error,
              "clause 1 (\"success >= high\"): \"high\" is not a number");
    EXPECT_EQ(parseGoal("success >= 99.5").error,
              "clause 1 (\"success >= 99.5\"): a rate is a fraction from 0 to 1 or a percentage: "
              "write 99.5 % (or 0.995)");
    EXPECT_EQ(parseGoal("p99 <= 5 %").error,
              "clause 1 (\"p99 <= 5 %\"): unit \"%\" does not fit p99_ms (use ms or s)");
    EXPECT_EQ(parseGoal("success >= 50 ms").error,
              "clause 1 (\"success >= 50 ms\"): unit \"ms\" does not fit success_rate (a rate: "
              "use % or a fraction from 0 to 1)");
    EXPECT_EQ(parseGoal("p99 <= 500 and").error, "clause 2 is empty");
    EXPECT_EQ(parseGoal("p99 <=").error,
              "clause 1 (\"p99 <=\"): expected a number after the comparison");
    EXPECT_FALSE(parseGoal("amplification <= 2 ms").ok());
    EXPECT_TRUE(parseGoal("amplification <= 2 x").ok());
    // "and" inside a word is not a separator.
    EXPECT_FALSE(parseGoal("standard < 1").ok());
}

TEST(SweepGoal, ClausesCompareWithTheirOperator)
{
    const Goal g = *parseGoal("p99 <= 500 and success > 0.9").goal;
    EXPECT_TRUE(g.meets(metrics(0.95, 500, 1)));  // p99 exactly 500 meets <=
    EXPECT_FALSE(g.meets(metrics(0.9, 400, 1)));  // success exactly 0.9 fails >
    EXPECT_FALSE(g.meets(metrics(0.95, 501, 1))); // p99 over
    EXPECT_TRUE(Goal{}.meets(metrics(0, 1e9, 9)));
}

TEST(SweepGoal, SummarisesSeedsIntoMeanMinMax)
{
    std::vector<SweepResult> results;
    // Point (1): seeds give success 0.8 and 1.0; point (2): 0.5, 0.7.
    results.push_back({{1}, 3, metrics(0.8, 100, 1.0)});
    results.push_back({{1}, 4, metrics(1.0, 300, 2.0)});
    results.push_back({{2}, 3, metrics(0.5, 50, 1.0)});
    results.push_back({{2}, 4, metrics(0.7, 70, 1.0)});
    const auto points = summarisePoints(results, 2);
    ASSERT_EQ(points.size(), 2u);
    EXPECT_EQ(points[0].values, std::vector<double>{1});
    EXPECT_EQ(points[0].seeds, 2);
    EXPECT_DOUBLE_EQ(points[0].mean.successRate, 0.9);
    EXPECT_DOUBLE_EQ(points[0].min.successRate, 0.8);
    EXPECT_DOUBLE_EQ(points[0].max.successRate, 1.0);
    EXPECT_DOUBLE_EQ(points[0].mean.p99Ms, 200);
    EXPECT_DOUBLE_EQ(points[0].mean.amplification, 1.5);
    EXPECT_DOUBLE_EQ(points[1].mean.successRate, 0.6);
    EXPECT_DOUBLE_EQ(points[1].min.p99Ms, 50);
    EXPECT_DOUBLE_EQ(points[1].max.p99Ms, 70);
}

SweepPoint point(double x, const RunMetrics &m)
{
    return SweepPoint{{x}, m, m, m, 1};
}

TEST(SweepGoal, BestMeetsTheGoalThenOptimisesTheShownMetric)
{
    const std::vector<SweepPoint> points = {
        point(0, metrics(0.999, 900, 1.1)), // best success, but p99 breaks the goal
        point(1, metrics(0.996, 450, 1.4)), // meets
        point(2, metrics(0.997, 480, 1.2)), // meets, higher success than point 1
        point(3, metrics(0.997, 300, 1.3)), // meets, same success as 2, lower p99
        point(4, metrics(0.990, 100, 1.0)), // success below 99.5 %
    };
    const Goal goal = *parseGoal("p99 <= 500 ms and success >= 99.5 %").goal;
    // Shown success: highest success among 1, 2, 3 is 0.997 (2 and 3); tie -> lower p99 -> 3.
    EXPECT_EQ(bestPoint(points, goal, "success_rate"), std::optional<std::size_t>(3));
    // Shown p99 (lower is better): 300 ms at point 3.
    EXPECT_EQ(bestPoint(points, goal, "p99_ms"), std::optional<std::size_t>(3));
    // Shown amplification (lower is better): 1.2 at point 2.
    EXPECT_EQ(bestPoint(points, goal, "amplification"), std::optional<std::size_t>(2));
    // No goal: the lowest p99 of all is point 4's 100 ms.
    EXPECT_EQ(bestPoint(points, Goal{}, "p99_ms"), std::optional<std::size_t>(4));
    // Nothing meets an impossible goal.
    EXPECT_EQ(bestPoint(points, *parseGoal("p99 < 50").goal, "success_rate"), std::nullopt);
    EXPECT_EQ(bestPoint(points, goal, "no_such_metric"), std::nullopt);
    EXPECT_TRUE(higherIsBetter("success_rate"));
    EXPECT_FALSE(higherIsBetter("fallback_rate"));
    EXPECT_FALSE(higherIsBetter("utilization"));
}

} // namespace
} // namespace reslab
