#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace reslab::ui {

/// A value for JSON: whole numbers as integers, others as doubles.
nlohmann::json numberJson(double v, bool integer);
/// Canonical outcome names (the order of scenarioToJson).
const std::vector<std::string> &outcomeNames();

} // namespace reslab::ui
