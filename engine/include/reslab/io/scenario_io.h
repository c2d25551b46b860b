#pragma once

#include "reslab/model/scenario.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reslab {

/// One problem in a scenario: where (a JSON path such as `pipeline[2].timeout_ms`, empty for the
/// whole document) and what (`must be > 0 (got -5)`).
struct ScenarioError
{
    std::string path;
    std::string message;
    /// "pipeline[2].timeout_ms: must be > 0 (got -5)"
    std::string toString() const;
};

/// A parsed scenario, or every error found in it (never both).
struct ScenarioParse
{
    std::optional<Scenario> scenario;
    std::vector<ScenarioError> errors;
    bool ok() const { return scenario.has_value(); }
};

/// Limits that protect the process from inputs it cannot finish (documented in docs/scenario.md).
namespace limits {
inline constexpr std::size_t kMaxFileBytes = 16u << 20; ///< 16 MiB
inline constexpr int kMaxNestingDepth = 64;
inline constexpr double kMaxBuckets = 4e6;          ///< duration_s * 1000 / bucket_ms
inline constexpr double kMaxExpectedRequests = 2e9; ///< rate x duration, worst phase
inline constexpr int kMaxClients = 1000000;
} // namespace limits

/// Validates a JSON document as a version-1 scenario. All errors are collected, not just the first.
ScenarioParse parseScenario(const nlohmann::json &doc);
/// Parses JSON text then validates it; syntax errors and excessive nesting are errors too.
ScenarioParse parseScenarioText(std::string_view text);
/// Reads and parses a file. Missing files, directories, unreadable and over-large files are errors
/// (with an empty path and a message naming the file).
ScenarioParse loadScenarioFile(const std::string &filePath);

/// The scenario as a JSON document that parseScenario() reads back to an equal Scenario.
/// Keys equal to their defaults are still written, so files are self-describing.
nlohmann::json scenarioToJson(const Scenario &scenario);

} // namespace reslab
