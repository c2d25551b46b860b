#include "reslab/scenario.h"

namespace reslab {

std::string_view stageTypeName(StageSpec::Type t)
{
    switch (t) {
    case StageSpec::Type::CircuitBreaker:
        return "circuit_breaker";
    case StageSpec::Type::Retry:
        return "retry";
    case StageSpec::Type::Timeout:
        return "timeout";
    case StageSpec::Type::Fallback:
        return "fallback";
    }
    return "unknown";
}

} // namespace reslab
