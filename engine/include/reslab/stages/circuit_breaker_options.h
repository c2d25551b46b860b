#pragma once

#include "reslab/model/outcome.h"
#include "reslab/policies/consecutive_options.h"
#include "reslab/policies/polly_options.h"
#include "reslab/policies/resilience4j_options.h"

#include <string_view>
#include <variant>

namespace reslab {

struct StagePattern;

/// The options of every breaker policy, one alternative per policy: this line is the policy
/// registry (engine/src/policies/policy_registry.cpp derives its table from it). Adding a policy
/// adds its options struct here and its folder under engine/src/policies/.
using BreakerPolicyOptions = std::variant<ConsecutiveOptions, Resilience4jOptions, PollyOptions>;

/// `type: circuit_breaker`: the keys every policy shares, and the chosen policy's options
/// (docs/semantics.md).
struct BreakerSpec
{
    OutcomeSet record{Outcome::Error, Outcome::Timeout, Outcome::Overloaded};
    BreakerPolicyOptions policy; ///< `policy`: consecutive unless the file says otherwise

    template <class Options>
    bool is() const
    {
        return std::holds_alternative<Options>(policy);
    }
    template <class Options>
    Options &as()
    {
        return std::get<Options>(policy);
    }
    template <class Options>
    const Options &as() const
    {
        return std::get<Options>(policy);
    }
    /// The `policy` key: "consecutive", "resilience4j", "polly".
    std::string_view policyKey() const;

    /// What the registry knows of this stage type (engine/src/stages/).
    static const StagePattern &pattern();
    bool operator==(const BreakerSpec &) const = default;
};

} // namespace reslab
