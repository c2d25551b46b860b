#pragma once

// The parameter schema: one row per numeric, boolean or enumerated scenario key, with what the
// validator needs (valid range, required or default) and what a person needs to edit it (label,
// unit, slider scale, a one-sentence explanation). It is the one description of every option:
// the scenario reader checks values against it, the editor builds its fields from it and the
// sweep lists its parameters from it. Each stage type and breaker policy contributes its own rows
// (engine/src/stages/*/ and engine/src/policies/*/); the two library breaker policies use the
// library's own option names as labels.

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace reslab {

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
    /// "retry.budget", "timeout", "fallback", "fallback.cache", ... (see parameterContexts()).
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
    /// How the validator words the range: "must be in [0, 1]" (true) or by the violated side
    /// ("must be >= 1"); and how it writes `max` ("1e9 ms"; empty: the number).
    bool interval = false;
    std::string_view maxLabel;

    bool isNumeric() const { return kind == ParamKind::Integer || kind == ParamKind::Real; }
    /// Whether `v` (JSON units) is valid.
    bool accepts(double v) const;
    /// "(0, 100]", "[1, 2147483647]"
    std::string rangeText() const;
    /// The validator's rule that `v` breaks: "must be > 0", "must be in [0, 1]".
    std::string rule(double v) const;
    /// The default as JSON (integer, number, bool or string); null when there is none.
    nlohmann::json defaultJson() const;
};

/// Every row, grouped by context in the order the editor shows them.
const std::vector<ParamInfo> &parameterCatalog();
/// The row for (context, key), or nullptr.
const ParamInfo *findParameter(std::string_view context, std::string_view key);
/// The row for (context, key); the key must exist (a programming error otherwise).
const ParamInfo &parameter(std::string_view context, std::string_view key);
/// The rows of one context, in order.
std::vector<const ParamInfo *> parametersIn(std::string_view context);
/// The distinct contexts, in catalogue order.
std::vector<std::string_view> parameterContexts();

/// The context that a JSON path's last key belongs to in `doc` (it looks up the stage type,
/// breaker policy, fallback mode or distribution there): `pipeline[1].failure_ratio` ->
/// "circuit_breaker.polly". Empty when the path names no catalogued parameter.
std::string contextForPath(const nlohmann::json &doc, const std::string &path);
/// findParameter(contextForPath(doc, path), last key of path), or nullptr.
const ParamInfo *parameterForPath(const nlohmann::json &doc, const std::string &path);

/// Shorthands for schema rows (used by every pattern's parameter list).
namespace schema {
inline constexpr double kMaxMs = 1e9;
inline constexpr double kIntMax = 2147483647.0;
inline constexpr double kMaxDurationS = 2592000.0;
inline constexpr double kDayMs = 86400000.0;
/// A duration in ms, >= 0, up to 1e9 ms, on a log slider.
ParamInfo ms(std::string_view context, std::string_view key, std::string_view label, double def,
             std::string_view tooltip);
/// The same, > 0.
ParamInfo positiveMs(std::string_view context, std::string_view key, std::string_view label,
                     double def, std::string_view tooltip);
/// The row without a default (the key is required).
ParamInfo required(ParamInfo p);
} // namespace schema

} // namespace reslab
