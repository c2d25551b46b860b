#pragma once

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace reslab {

/// Splits a scenario path (`services.api.latency_ms.p99`, `pipeline[1].failure_threshold`) into
/// its keys and indices; nullopt when it is malformed (empty key, unclosed or non-numeric index).
std::optional<std::vector<std::string>> splitScenarioPath(const std::string &path);

/// Sets the number at `path` in `doc` (creating the last key if absent, never intermediate ones).
/// Integral values are written as JSON integers. Returns an error message, or nullopt on success.
std::optional<std::string> setNumberAtPath(nlohmann::json &doc, const std::string &path,
                                           double value);

} // namespace reslab
