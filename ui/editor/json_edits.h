#pragma once

// Structural edits of the scenario JSON that the editor makes in one step (one setValue):
// switching a breaker policy, a distribution, a load type or a fallback mode; new stages; the
// "shape" strings that tell the editor when a part must be rebuilt rather than refreshed.

#include <nlohmann/json.hpp>

#include <QString>

#include <string>
#include <vector>

namespace reslab::ui {

/// The policy-specific keys of `policy` with the library's defaults (consecutive: the design
/// notes').
nlohmann::json breakerPolicyDefaults(const std::string &policy);
/// `stage` with its policy switched: the old policy's own keys (and aliases) are replaced by
/// the new policy's defaults; type, name, enabled and record are kept.
nlohmann::json switchBreakerPolicy(const nlohmann::json &stage, const std::string &policy);

/// A distribution object of `dist` with values on the scale of `previous` (e.g. lognormal
/// median 40 -> constant 40).
nlohmann::json switchDistribution(const nlohmann::json &previous, const std::string &dist);
/// The load with another type: numbers that still apply are kept, the rest get defaults.
nlohmann::json switchLoadType(const nlohmann::json &load, const std::string &type);
/// `stage` with another fallback mode (`service` names `defaultService`).
nlohmann::json switchFallbackMode(const nlohmann::json &stage, const std::string &mode,
                                  const std::string &defaultService);
/// A new stage of `type` ("circuit_breaker", "retry", "timeout", "fallback").
nlohmann::json newStage(const std::string &type);
/// The typical value of a distribution (median / mean / value), for phase copies and switches.
double typicalLatency(const nlohmann::json &dist);

/// The editor path of a service: `services.NAME`, or `services[NAME]` when the name has a dot
/// (ScenarioDocument splits paths at dots).
std::string servicePath(const std::string &name);

/// Why `name` cannot be a new service name in `doc` (empty, taken, or a character the
/// editor's paths cannot carry), or an empty string when it can.
QString serviceNameProblem(const nlohmann::json &doc, const std::string &name);
/// `doc` with service `from` renamed to `to`, and every reference to it (`target`, a fallback
/// stage's `service`) following. Unchanged when `from` does not exist.
nlohmann::json renameService(const nlohmann::json &doc, const std::string &from,
                             const std::string &to);

/// Shapes: when one changes, the matching part of the editor is rebuilt.
std::string distributionShape(const nlohmann::json *dist);
std::string loadShape(const nlohmann::json &doc);
std::string serviceShape(const nlohmann::json &service);
std::string stageShape(const nlohmann::json &stage);
std::vector<std::string> serviceNames(const nlohmann::json &doc);

} // namespace reslab::ui
