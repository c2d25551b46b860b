#pragma once

#include "reslab/model/outcome.h"

#include <string>

namespace reslab {

struct StagePattern;

/// `type: fallback`.
struct FallbackSpec
{
    enum class Mode
    {
        Static,
        Cache,
        Service
    };
    Mode mode = Mode::Static;
    double ttlMs = 60000; ///< cache
    std::string service;  ///< service
    OutcomeSet handle = OutcomeSet::allFailures();
    /// What the registry knows of this stage type (engine/src/stages/).
    static const StagePattern &pattern();
    bool operator==(const FallbackSpec &) const = default;
};

} // namespace reslab
