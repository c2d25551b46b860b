#pragma once
// Helpers for the GUI suites that run built-in presets through a SimulationController and compare
// what the GUI shows with the engine's own events.
#include "simulation_controller.h"

#include "reslab/io/scenario_io.h"
#include "reslab/model/presets.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace reslab::ui::test {

/// A built-in scenario, parsed.
inline Scenario preset(std::string_view name)
{
    const auto p = findPreset(name);
    EXPECT_TRUE(p.has_value()) << name;
    ScenarioParse parsed = parseScenarioText(p->json);
    EXPECT_TRUE(parsed.ok()) << name;
    return *parsed.scenario;
}

/// Plays `frames` frames of 16.7 ms of wall time at `speed`, each reaching its target.
inline void play(SimulationController &c, int frames, double speed)
{
    c.setSpeed(speed);
    c.setFrameBudgetMs(1e9); // tests want the whole target reached, however slow the machine
    for (int i = 0; i < frames; ++i)
        c.tick(16.7);
}

/// One event as events.csv writes it (without the newline).
inline std::string csvLine(const EventRecord &e)
{
    std::ostringstream out;
    {
        CsvEventWriter writer(out);
        writer.onEvent(e);
    }
    std::string text = out.str();
    text = text.substr(text.find('\n') + 1); // drop the header
    text.pop_back();
    return text;
}

/// events.csv of the controller's run so far (replayed), one string per row, header dropped.
inline std::vector<std::string> replayCsv(const SimulationController &c)
{
    std::ostringstream out;
    {
        CsvEventWriter writer(out);
        c.replay(writer);
    }
    std::vector<std::string> lines;
    std::istringstream in(out.str());
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line))
        lines.push_back(line);
    return lines;
}

/// The last `n` elements of `v` (all of them if it is shorter).
inline std::vector<std::string> tail(const std::vector<std::string> &v, std::size_t n)
{
    return {v.end() - static_cast<std::ptrdiff_t>(std::min(n, v.size())), v.end()};
}

} // namespace reslab::ui::test
