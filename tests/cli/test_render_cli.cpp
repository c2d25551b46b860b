// `resilience-lab render`: only where the binary has a GUI to draw with.
#include "cli_runner.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

namespace reslab::testing {
namespace {

#ifdef RESLAB_HAVE_UI

/// Width and height from a PNG's IHDR chunk; {0, 0} when it is not a PNG.
std::pair<std::uint32_t, std::uint32_t> pngSize(const std::string &bytes)
{
    static const std::string kMagic("\x89PNG\r\n\x1a\n", 8);
    if (bytes.size() < 24 || bytes.compare(0, 8, kMagic) != 0 || bytes.compare(12, 4, "IHDR") != 0)
        return {0, 0};
    const auto be32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < 4; ++i)
            v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
        return v;
    };
    return {be32(16), be32(20)};
}

std::string q(const std::filesystem::path &p)
{
    return shellQuote(p.string());
}

TEST(RenderCli, DrawsTheDashboardToPng)
{
    TempDir dir;
    const auto out = dir.path() / "dash.png";
    const CliResult r = runCli("render preset:outage-and-recovery --out " + q(out) + " --at 60");
    ASSERT_FALSE(r.crashed) << r.err;
    EXPECT_EQ(r.exitCode, 0) << r.err;
    ASSERT_TRUE(std::filesystem::exists(out)) << r.err;
    const auto [w, h] = pngSize(readFile(out));
    EXPECT_GE(w, 1400u);
    EXPECT_GE(h, 800u);
}

TEST(RenderCli, WritesSvgAndPdfOfOneChart)
{
    TempDir dir;
    const auto svg = dir.path() / "latency.svg";
    CliResult r = runCli("render preset:seed-resilient-service --chart latency --out " + q(svg));
    EXPECT_EQ(r.exitCode, 0) << r.err;
    const std::string text = readFile(svg);
    EXPECT_NE(text.find("<svg"), std::string::npos);
    EXPECT_NE(text.find("latency (ms)"), std::string::npos);

    const auto pdf = dir.path() / "breaker.pdf";
    r = runCli("render preset:outage-and-recovery --chart breaker --at 100 --out " + q(pdf));
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(readFile(pdf).rfind("%PDF", 0), 0u);
}

TEST(RenderCli, RunsWithoutADisplay)
{
    // No DISPLAY and no QT_QPA_PLATFORM: render must pick the offscreen platform by itself.
    struct Unset
    {
        const char *name;
        std::optional<std::string> saved;
        explicit Unset(const char *n)
            : name(n)
        {
            if (const char *v = std::getenv(n))
                saved = v;
            ::unsetenv(n);
        }
        ~Unset()
        {
            if (saved)
                ::setenv(name, saved->c_str(), 1);
        }
    };
    const Unset display("DISPLAY"), wayland("WAYLAND_DISPLAY"), platform("QT_QPA_PLATFORM");
    TempDir dir;
    const auto out = dir.path() / "dash.svg";
    const CliResult r = runCli("render preset:outage-and-recovery --at 20 --out " + q(out));
    EXPECT_FALSE(r.crashed) << r.err;
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(readFile(out).find("time (s)"), std::string::npos);
}

TEST(RenderCli, UnknownChartListsTheNames)
{
    TempDir dir;
    const auto out = dir.path() / "x.png";
    const CliResult r = runCli("render preset:outage-and-recovery --chart pie --out " + q(out));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("pie"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("throughput, latency, breaker, attempts, queue"), std::string::npos)
        << r.err;
    EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(RenderCli, BadInputExitsTwoWithAMessage)
{
    TempDir dir;
    const auto out = dir.path() / "x.png";
    // Unwritable path: named, with the reason.
    const auto nowhere = dir.path() / "no" / "such" / "dir.png";
    CliResult r = runCli("render preset:outage-and-recovery --at 5 --out " + q(nowhere));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find(nowhere.string()), std::string::npos) << r.err;

    // Unknown format.
    r = runCli("render preset:outage-and-recovery --out " + q(dir.path() / "x.gif"));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find(".png, .svg or .pdf"), std::string::npos) << r.err;

    // Bad --at: not a number, negative, past the end.
    for (const char *at : {"soon", "-3", "121"}) {
        r = runCli("render preset:outage-and-recovery --at " + std::string(at) + " --out " +
                   q(out));
        EXPECT_EQ(r.exitCode, 2) << at;
        EXPECT_NE(r.err.find("--at"), std::string::npos) << at << ": " << r.err;
    }

    // Bad scenario: the file and the JSON path are named, as `run` does.
    const auto bad = dir.write("bad.json", R"({"version": 1, "duration_s": -5})");
    r = runCli("render " + q(bad) + " --out " + q(out));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find(bad.string()), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("duration_s"), std::string::npos) << r.err;

    r = runCli("render preset:nope --out " + q(out));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("nope"), std::string::npos) << r.err;

    // Missing arguments.
    EXPECT_EQ(runCli("render preset:outage-and-recovery").exitCode, 2);
    EXPECT_EQ(runCli("render --out " + q(out)).exitCode, 2);
    EXPECT_FALSE(std::filesystem::exists(out));
}

#endif // RESLAB_HAVE_UI

} // namespace
} // namespace reslab::testing
