#include "reslab/model/outcome.h"

#include <array>

namespace reslab {
namespace {
constexpr std::array<std::string_view, kOutcomeCount> kNames = {
    "ok",           "fallback",   "error",    "timeout",
    "circuit_open", "overloaded", "rejected", "fallback_failed"};
} // namespace

std::string_view outcomeName(Outcome o)
{
    return kNames[static_cast<std::size_t>(o)];
}

std::optional<Outcome> parseOutcome(std::string_view name)
{
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i] == name)
            return static_cast<Outcome>(i);
    }
    return std::nullopt;
}

} // namespace reslab
