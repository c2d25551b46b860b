#pragma once

namespace reslab {

struct BreakerPolicyPattern;

/// `policy: "resilience4j"`: CircuitBreakerConfig's names and defaults. Its state machine and
/// codec live in engine/src/policies/resilience4j/.
struct Resilience4jOptions
{
    enum class WindowType
    {
        Count,
        Time
    };
    WindowType slidingWindowType = WindowType::Count;
    int slidingWindowSize = 100;
    int minimumNumberOfCalls = 100;
    double failureRateThreshold = 50;
    double slowCallRateThreshold = 100;
    double slowCallDurationThresholdMs = 60000;
    /// Also read as the common key `half_open_max_calls`.
    int permittedNumberOfCallsInHalfOpenState = 10;
    double waitDurationInOpenStateMs = 60000;
    double maxWaitDurationInHalfOpenStateMs = 0;
    /// automatic_transition_from_open_to_half_open_enabled (or the common `automatic_transition`).
    bool automaticTransition = false;

    /// What the policy registry knows of this policy (engine/src/policies/policy_pattern.h).
    static const BreakerPolicyPattern &pattern();
    bool operator==(const Resilience4jOptions &) const = default;
};

} // namespace reslab
