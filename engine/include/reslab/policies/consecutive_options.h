#pragma once

namespace reslab {

struct BreakerPolicyPattern;

/// `policy: "consecutive"`: the design notes' breaker (docs/semantics.md). Its state machine and
/// codec live in engine/src/policies/consecutive/.
struct ConsecutiveOptions
{
    int failureThreshold = 5;
    int successThreshold = 1;
    double resetTimeoutMs = 30000;
    int halfOpenMaxCalls = 1;         ///< trial calls at a time (`half_open_max_calls`)
    bool automaticTransition = false; ///< open -> half-open by timer (`automatic_transition`)

    /// What the policy registry knows of this policy (engine/src/policies/policy_pattern.h).
    static const BreakerPolicyPattern &pattern();
    bool operator==(const ConsecutiveOptions &) const = default;
};

} // namespace reslab
