#pragma once

namespace reslab {

struct BreakerPolicyPattern;

/// `policy: "polly"`: Polly v8's CircuitBreakerStrategyOptions names and defaults. One probe in
/// half-open and no automatic transition: the common keys `half_open_max_calls` and
/// `automatic_transition` only admit 1 and false. Its state machine and codec live in
/// engine/src/policies/polly/.
struct PollyOptions
{
    double failureRatio = 0.1;
    int minimumThroughput = 100;
    double samplingDurationMs = 30000;
    double breakDurationMs = 5000;

    /// What the policy registry knows of this policy (engine/src/policies/policy_pattern.h).
    static const BreakerPolicyPattern &pattern();
    bool operator==(const PollyOptions &) const = default;
};

} // namespace reslab
