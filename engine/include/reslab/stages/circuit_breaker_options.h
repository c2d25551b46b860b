#pragma once

#include "reslab/model/outcome.h"

namespace reslab {

struct StagePattern;

/// `type: circuit_breaker`: the common keys and every policy's options (docs/semantics.md).
struct BreakerSpec
{
    enum class Policy
    {
        Consecutive,
        Resilience4j,
        Polly
    };
    Policy policy = Policy::Consecutive;
    OutcomeSet record{Outcome::Error, Outcome::Timeout, Outcome::Overloaded};
    int halfOpenMaxCalls = 1;         ///< consecutive: trial calls at a time
    bool automaticTransition = false; ///< open -> half-open by timer

    // consecutive
    int failureThreshold = 5;
    int successThreshold = 1;
    double resetTimeoutMs = 30000;

    // resilience4j (CircuitBreakerConfig names and defaults)
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
    int permittedNumberOfCallsInHalfOpenState = 10;
    double waitDurationInOpenStateMs = 60000;
    double maxWaitDurationInHalfOpenStateMs = 0;
    // automaticTransition doubles as automatic_transition_from_open_to_half_open_enabled

    // polly (CircuitBreakerStrategyOptions names and defaults)
    double failureRatio = 0.1;
    int minimumThroughput = 100;
    double samplingDurationMs = 30000;
    double breakDurationMs = 5000;

    /// What the registry knows of this stage type (engine/src/stages/).
    static const StagePattern &pattern();
    bool operator==(const BreakerSpec &) const = default;
};

} // namespace reslab
