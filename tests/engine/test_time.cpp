#include "reslab/kernel/time.h"

#include <gtest/gtest.h>

namespace reslab {
namespace {

TEST(TimeFormat, MillisHaveUpToThreeDecimals)
{
    EXPECT_EQ(formatMillis(0), "0");
    EXPECT_EQ(formatMillis(1500), "1.5");
    EXPECT_EQ(formatMillis(1000), "1");
    EXPECT_EQ(formatMillis(1234567), "1234.567");
    EXPECT_EQ(formatMillis(1001), "1.001");
    EXPECT_EQ(formatMillis(-2500), "-2.5");
}

TEST(TimeFormat, SecondsRoundToMilliseconds)
{
    EXPECT_EQ(formatSeconds(0), "0");
    EXPECT_EQ(formatSeconds(500000), "0.5");
    EXPECT_EQ(formatSeconds(60000000), "60");
    EXPECT_EQ(formatSeconds(1999), "0.002");
}

TEST(TimeFormat, DecimalsTrimTrailingZeros)
{
    EXPECT_EQ(formatDecimal3(0.0), "0");
    EXPECT_EQ(formatDecimal3(12.0), "12");
    EXPECT_EQ(formatDecimal3(0.25), "0.25");
    EXPECT_EQ(formatDecimal3(-1.5), "-1.5");
    EXPECT_EQ(formatDecimal3(3.14159), "3.142");
}

TEST(TimeConvert, MillisRoundToMicroseconds)
{
    EXPECT_EQ(fromMillis(1.0), 1000);
    EXPECT_EQ(fromMillis(0.0004), 0);
    EXPECT_EQ(fromMillis(0.0006), 1);
    EXPECT_EQ(fromMillis(-5), 0);
    EXPECT_EQ(fromMillis(1e300), kMaxDuration);
}

} // namespace
} // namespace reslab
