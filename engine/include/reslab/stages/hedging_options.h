#pragma once

#include "reslab/model/outcome.h"

namespace reslab {

struct StagePattern;

/// `type: hedging` (scenario version 2): Polly v8's hedging strategy.
struct HedgingSpec
{
    /// Hedges besides the first attempt there may be at most 10 of (Polly's [Range(1, 10)]).
    static constexpr int kMaxHedgedAttempts = 10;
    int maxHedgedAttempts = 1; ///< `max_hedged_attempts` (Polly MaxHedgedAttempts)
    /// `delay_ms` (Polly Delay): how long an attempt runs unanswered before the next starts; 0
    /// starts every attempt at once, -1 hedges only after a handled failure.
    double delayMs = 2000;
    OutcomeSet handle = OutcomeSet::allFailures(); ///< `handle` (Polly ShouldHandle)
    bool cancelLosers = true;                      ///< `cancel_losers`
    /// What the registry knows of this stage type (engine/src/stages/).
    static const StagePattern &pattern();
    bool operator==(const HedgingSpec &) const = default;
};

} // namespace reslab
