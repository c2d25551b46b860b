// `--lang en|zh_CN` of gui, render and presets (docs/cli.md, docs/languages.md): the texts of the
// GUI, the charts and the preset descriptions change; names, messages and file formats do not.
#include "cli_runner.h"

#include "reslab/model/presets.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace reslab::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(LanguageCli, ABadLanguageIsAUsageError)
{
    for (const char *args : {"presets --lang fr", "presets --lang",
                             "render preset:retry-storm "
                             "--out x.png --lang zh",
                             "gui --lang de"}) {
        const CliResult r = runCli(args);
        EXPECT_EQ(r.exitCode, 2) << args;
        EXPECT_THAT(r.err, HasSubstr("--lang needs en or zh_CN")) << args;
    }
    const CliResult r = runCli("presets extra");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_THAT(r.err, HasSubstr("presets takes no arguments but --lang L"));
}

TEST(LanguageCli, PresetsInEnglishAreTheScenariosOwnDescriptions)
{
    const CliResult r = runCli("presets --lang en");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_THAT(r.out,
                HasSubstr("seed-resilient-service       The design notes' ResilientService"));
    EXPECT_EQ(r.out, runCli("presets").out); // the tests run in an English locale
}

#ifdef RESLAB_HAVE_UI

std::string q(const std::filesystem::path &p)
{
    return shellQuote(p.string());
}

TEST(LanguageCli, PresetsInChineseTranslateTheDescriptionsNotTheNames)
{
    const CliResult r = runCli("presets --lang zh_CN");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    for (const Preset &p : presets())
        EXPECT_THAT(r.out, HasSubstr(std::string(p.name) + " ")) << p.name;
    EXPECT_THAT(r.out, HasSubstr("seed-resilient-service       设计笔记中的 ResilientService"));
    EXPECT_THAT(r.out, HasSubstr("重试风暴场景"));
    EXPECT_THAT(r.out, Not(HasSubstr("The design notes'")));
}

TEST(LanguageCli, RenderDrawsChineseChartsAndKeepsItsMessagesEnglish)
{
    TempDir dir;
    const auto svg = dir.path() / "throughput.svg";
    CliResult r = runCli("render preset:seed-resilient-service --chart throughput --at 90 --out " +
                         q(svg) + " --lang zh_CN");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("wrote ")); // the message stays English
    // (An SVG is long: no dump of it on failure.)
    const std::string text = readFile(svg);
    const auto has = [&](const std::string &s) {
        return text.find(s) != std::string::npos;
    };
    EXPECT_TRUE(has("按结果划分的吞吐量")) << "the chart's title";
    EXPECT_TRUE(has(">时间 (")) << "the time axis' title";
    EXPECT_TRUE(has(">成功<")) << "a legend entry";
    EXPECT_TRUE(has("font-family=\"Noto Sans CJK SC\"")) << "drawn with a CJK font";
    EXPECT_FALSE(has("Throughput by outcome"));

    r = runCli("render preset:seed-resilient-service --chart throughput --out " + q(svg) +
               " --lang en");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(readFile(svg).find("Throughput by outcome"), std::string::npos);

    // A file that cannot be written: the reason in English, as every message.
    const auto nowhere = dir.path() / "no" / "such" / "dir.png";
    r = runCli("render preset:outage-and-recovery --at 5 --out " + q(nowhere) + " --lang zh_CN");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_THAT(r.err, HasSubstr("resilience-lab: cannot write " + nowhere.string())) << r.err;
}

#else

TEST(LanguageCli, AHeadlessBuildHasOnlyEnglish)
{
    const CliResult r = runCli("presets --lang zh_CN");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_THAT(r.err, HasSubstr("no translations"));
}

#endif // RESLAB_HAVE_UI

} // namespace
} // namespace reslab::testing
