#pragma once

// The breaker policy registry: everything the engine knows about one circuit-breaker policy (its
// option names, defaults, ranges and help, its codec and its state machine), in one place. Each
// policy lives in its own folder under engine/src/policies/ and is one line of the table in
// engine/src/policies/policy_registry.cpp.

#include "reslab/model/parameter_schema.h"
#include "reslab/stages/circuit_breaker_options.h"

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <string_view>
#include <vector>

namespace reslab {

namespace io {
class JsonObject;
}
class BreakerHost;
class BreakerPolicy;

struct BreakerPolicyPattern
{
    std::string_view key; ///< `policy` in files: "resilience4j"
    BreakerSpec::Policy id;
    std::string_view title; ///< "resilience4j CircuitBreaker"
    /// The policy's own keys (besides the breaker's common keys).
    std::vector<std::string_view> (*keys)();
    /// Reads the policy's keys, and the common keys whose rules depend on the policy
    /// (half_open_max_calls, automatic_transition).
    void (*read)(const io::JsonObject &o, BreakerSpec &b);
    /// Writes what read() reads.
    void (*write)(nlohmann::json &j, const BreakerSpec &b);
    std::unique_ptr<BreakerPolicy> (*create)(const BreakerSpec &spec, BreakerHost &host);
    /// Schema rows, context "circuit_breaker.KEY".
    std::vector<ParamInfo> (*parameters)();
};

/// Every policy, in the order the editor lists them.
const std::vector<const BreakerPolicyPattern *> &breakerPolicies();
const BreakerPolicyPattern &breakerPolicy(BreakerSpec::Policy id);
const BreakerPolicyPattern *findBreakerPolicy(std::string_view key);
/// The policies' keys, in registry order.
std::vector<std::string_view> policyKeys();

} // namespace reslab
