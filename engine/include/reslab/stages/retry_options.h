#pragma once

#include "reslab/model/outcome.h"

#include <optional>

namespace reslab {

struct StagePattern;

/// A Finagle-style retry budget (`budget` of a retry stage).
struct RetryBudgetSpec
{
    double ratio = 0.2;         ///< retries allowed per request (Finagle percentCanRetry)
    double minRetriesPerS = 10; ///< reserve (Finagle minRetriesPerSec)
    double ttlMs = 10000;       ///< how long a deposit counts (Finagle ttl)
    bool operator==(const RetryBudgetSpec &) const = default;
};

/// `type: retry`: attempts, backoff, jitter and an optional retry budget.
struct RetrySpec
{
    enum class Backoff
    {
        Fixed,
        Linear,
        Exponential
    };
    enum class Jitter
    {
        None,
        Proportional,
        Randomized,
        Full,
        Equal,
        Decorrelated,
        PollyV2
    };
    int maxRetries = 3;
    Backoff backoff = Backoff::Exponential;
    double baseMs = 100;
    double multiplier = 2;
    std::optional<double> maxDelayMs; ///< absent: no cap
    Jitter jitter = Jitter::None;
    double jitterRatio = 0.1;         ///< proportional
    double randomizationFactor = 0.5; ///< randomized (resilience4j)
    OutcomeSet retryOn{Outcome::Error, Outcome::Timeout, Outcome::Overloaded};
    std::optional<RetryBudgetSpec> budget;
    /// What the registry knows of this stage type (engine/src/stages/).
    static const StagePattern &pattern();
    bool operator==(const RetrySpec &) const = default;
};

} // namespace reslab
