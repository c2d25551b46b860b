#include "editor/field_json.h"

#include "reslab/model/outcome.h"

#include <cmath>

namespace reslab::ui {

nlohmann::json numberJson(double v, bool integer)
{
    if (!std::isfinite(v))
        return nlohmann::json(v);
    if (integer || (v == std::floor(v) && std::fabs(v) < 1e15)) {
        if (std::fabs(v) < 9e18)
            return nlohmann::json(static_cast<long long>(std::llround(v)));
    }
    return nlohmann::json(v);
}

const std::vector<std::string> &outcomeNames()
{
    // The engine's failure outcomes, in the engine's order (the order of scenarioToJson).
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (int i = 0; i < kOutcomeCount; ++i) {
            const auto o = static_cast<Outcome>(i);
            if (OutcomeSet::allFailures().contains(o))
                out.emplace_back(outcomeName(o));
        }
        return out;
    }();
    return names;
}

} // namespace reslab::ui
