#pragma once

// The stage registry: everything the engine knows about one stage type, in one place. Each type
// lives in its own folder under engine/src/stages/ (its options, its stage, its codec and its
// schema rows) and is listed once, as an alternative of StageOptions (reslab/model/scenario.h);
// the reader, the writer, the simulation, the editor and the sweep all go through this table.

#include "reslab/model/parameter_schema.h"

#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace reslab {

class Callee;
namespace io {
class JsonObject;
}
class Stage;
struct RunContext;
struct StageSpec;

/// What building one stage of a run needs besides its options.
struct StageBuild
{
    RunContext &ctx;
    std::string name; ///< the stage's name in events (EDGE/STAGE off the client edge)
    /// The edge's outermost breaker: the one whose state the edge's time series follow.
    bool primary = false;
    /// A service of the run by name (fallback mode `service`); nullptr if there is none.
    std::function<Callee *(const std::string &)> service;
};

/// What reading one stage needs besides its JSON object.
struct StageReadContext
{
    const std::vector<std::string> &services; ///< the scenario's service names (empty: unknown)
};

struct StagePattern
{
    std::string_view key;   ///< the `type` in files: "circuit_breaker"
    std::string_view title; ///< "Circuit breaker"
    /// The key that selects a variant of this type ("policy", "mode"), empty if none.
    std::string_view variantKey;
    /// Every key a stage of this type can have, whatever its variant (without type/name/enabled).
    std::vector<std::string_view> (*keys)();
    /// Reads the type's keys into `stage.options` (already of this type), reporting every error.
    void (*read)(const io::JsonObject &o, StageSpec &stage, const StageReadContext &context);
    /// Writes the type's keys (every key, defaults included).
    void (*write)(nlohmann::json &j, const StageSpec &stage);
    /// The running stage.
    std::unique_ptr<Stage> (*create)(const StageBuild &build, const StageSpec &stage);
    /// Whether a running stage built from `a` can take `b` through reconfigure() (same type).
    bool (*sameShape)(const StageSpec &a, const StageSpec &b);
    /// The schema rows of this type's options, in the order the editor shows them.
    std::vector<ParamInfo> (*parameters)();
    /// The scenario format version that introduced the type (a version-1 file cannot use a
    /// version-2 stage).
    int version = 1;
};

/// Every stage type, in the order of StageOptions.
const std::vector<const StagePattern *> &stagePatterns();
/// The stage type with this `type` key, or nullptr.
const StagePattern *findStagePattern(std::string_view key);
/// A stage spec of the type `key` with its defaults; false if there is no such type.
bool makeStage(std::string_view key, StageSpec &out);

} // namespace reslab
