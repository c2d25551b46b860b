#pragma once

#include "reslab/model/outcome.h"

namespace reslab {

struct StagePattern;

/// `type: timeout`.
struct TimeoutSpec
{
    double timeoutMs = 1000;
    bool cancelInner = false;
    /// What the registry knows of this stage type (engine/src/stages/).
    static const StagePattern &pattern();
    bool operator==(const TimeoutSpec &) const = default;
};

} // namespace reslab
