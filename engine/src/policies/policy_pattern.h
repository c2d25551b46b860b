#pragma once

// The breaker policy registry: everything the engine knows about one circuit-breaker policy (its
// option names, defaults, ranges and help, its codec and its state machine), in one place. Each
// policy lives in its own folder under engine/src/policies/ and is listed once, as an alternative
// of BreakerPolicyOptions (reslab/stages/circuit_breaker_options.h); its options struct's
// pattern() returns its entry.

#include "reslab/model/parameter_schema.h"
#include "reslab/stages/circuit_breaker_options.h"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
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
    std::string_view key;   ///< `policy` in files: "resilience4j"
    std::string_view title; ///< "resilience4j CircuitBreaker"
    /// The policy's own keys (besides the breaker's common keys).
    std::vector<std::string_view> (*keys)();
    /// Reads the policy's keys, and the common keys whose rules depend on the policy
    /// (half_open_max_calls, automatic_transition), into `b.policy` (already of this policy).
    void (*read)(const io::JsonObject &o, BreakerSpec &b);
    /// Writes what read() reads.
    void (*write)(nlohmann::json &j, const BreakerSpec &b);
    /// The state machine; `spec.policy` is of this policy.
    std::unique_ptr<BreakerPolicy> (*create)(const BreakerSpec &spec, BreakerHost &host);
    /// Schema rows, context "circuit_breaker.KEY".
    std::vector<ParamInfo> (*parameters)();
};

/// Every policy, in the order of BreakerPolicyOptions (the order the editor lists them).
const std::vector<const BreakerPolicyPattern *> &breakerPolicies();
/// The policy of alternative `index` of BreakerPolicyOptions.
const BreakerPolicyPattern &breakerPolicy(std::size_t index);
/// The policy with this `policy` key, or nullptr.
const BreakerPolicyPattern *findBreakerPolicy(std::string_view key);
/// Options of the policy `key` with their defaults; false (`out` untouched) if there is none.
bool makeBreakerPolicy(std::string_view key, BreakerPolicyOptions &out);
/// The policies' keys, in registry order.
std::vector<std::string_view> policyKeys();

} // namespace reslab
