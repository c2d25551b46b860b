#pragma once

// The parameter catalogue: one plain row per numeric, boolean or enumerated scenario key, with
// what a person needs to edit it (label, unit, valid range, default, slider scale, a one-sentence
// explanation). The scenario editor builds its fields from it; a parameter-sweep picker can list
// the same rows. Ranges and defaults follow docs/scenario.md (engine/src/scenario_io.cpp is the
// validator); the two library breaker policies use the library's own option names as labels.

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace reslab::ui {

enum class ParamKind
{
    Integer,
    Real,
    Bool,
    Enum
};
enum class SliderScale
{
    None,
    Linear,
    Log
};

struct ParamInfo
{
    /// Where the key lives: "scenario", "load", "load_phase", "service", "service_phase",
    /// "dist.lognormal", "stage", "circuit_breaker", "circuit_breaker.resilience4j", "retry",
    /// "retry.budget", "timeout", "fallback", "fallback.cache", ... (see contexts()).
    std::string_view context;
    std::string_view key;   ///< JSON key, e.g. "failure_rate_threshold"
    std::string_view label; ///< shown to the user; the library's option name where there is one
    /// "ms", "s", "%", "req/s", "calls", "ratio", ... as shown (after displayScale).
    std::string_view unit;
    ParamKind kind = ParamKind::Real;
    double min = 0; ///< valid range, in JSON units
    double max = 0;
    bool minExclusive = false;
    bool maxExclusive = false;
    bool hasDefault = true;         ///< false: required key, or a phase key (absent = inherited)
    double defaultValue = 0;        ///< Integer / Real / Bool (0 or 1)
    std::string_view defaultChoice; ///< Enum
    std::vector<std::string_view> choices; ///< Enum
    /// Shown value = JSON value x displayScale (100 shows a 0-1 probability as a percentage).
    double displayScale = 1;
    int decimals = 0; ///< decimals shown (after displayScale)
    SliderScale slider = SliderScale::Linear;
    double sliderMin = 0; ///< the slider's practical span, JSON units (log: sliderMin > 0)
    double sliderMax = 0;
    std::string_view tooltip;  ///< one plain sentence: what the number does
    std::string_view library;  ///< e.g. "resilience4j CircuitBreakerConfig" (empty: ours)
    std::string_view zeroText; ///< what 0 means, if special ("unlimited", "wait forever")
    /// Optional keys whose absence means "none" rather than a default (queue_limit,
    /// max_delay_ms): the editor shows a check box `optionLabel`, `absentText` when unchecked and
    /// writes `enableValue` when checked.
    bool optional = false;
    std::string_view optionLabel;
    std::string_view absentText;
    double enableValue = 0;
    std::string_view alias; ///< a second accepted key (resilience4j: half_open_max_calls)

    bool isNumeric() const { return kind == ParamKind::Integer || kind == ParamKind::Real; }
    /// Whether `v` (JSON units) is valid.
    bool accepts(double v) const;
    /// "(0, 100]", "[1, 2147483647]"
    std::string rangeText() const;
    /// The default as JSON (integer, number, bool or string); null when there is none.
    nlohmann::json defaultJson() const;
};

/// Every row, grouped by context in the order the editor shows them.
const std::vector<ParamInfo> &parameterCatalog();
/// The row for (context, key), or nullptr.
const ParamInfo *findParameter(std::string_view context, std::string_view key);
/// The rows of one context, in order.
std::vector<const ParamInfo *> parametersIn(std::string_view context);
/// The distinct contexts, in catalogue order.
std::vector<std::string_view> contexts();

/// The context that a JSON path's last key belongs to in `doc` (it looks up the stage type,
/// breaker policy, fallback mode or distribution there): `pipeline[1].failure_ratio` ->
/// "circuit_breaker.polly". Empty when the path names no catalogued parameter.
std::string contextForPath(const nlohmann::json &doc, const std::string &path);
/// findParameter(contextForPath(doc, path), last key of path), or nullptr.
const ParamInfo *parameterForPath(const nlohmann::json &doc, const std::string &path);

} // namespace reslab::ui
