#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reslab {

/// A built-in scenario (resources/scenarios/NAME.json, compiled in).
struct Preset
{
    std::string_view name;
    std::string_view json;
};

/// Every built-in scenario, sorted by name.
std::vector<Preset> presets();
std::optional<Preset> findPreset(std::string_view name);

} // namespace reslab
