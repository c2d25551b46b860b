#pragma once

#include "reslab/model/scenario.h"
#include "reslab/model/stage.h"

#include <array>

namespace reslab {

/// One call through a hedging stage: its attempts (the first and the hedges), in launch order.
struct HedgingCall : CallFrame
{
    static constexpr int kMaxAttempts = HedgingSpec::kMaxHedgedAttempts + 1;
    std::array<std::uint64_t, kMaxAttempts> attempts{}; ///< attempt records (HedgingStage)
    SimTime delay = 0;            ///< the delay it started with (< 0: hedge only after failures)
    OutcomeSet handle;            ///< the handled outcomes it started with
    std::uint8_t maxAttempts = 1; ///< 1 + the max_hedged_attempts it started with
    std::uint8_t launched = 0;
    std::uint8_t running = 0;
    bool cancelLosers = true;
    bool answered = false; ///< its caller has the answer; the losers run on (cancel_losers false)
    bool timerArmed = false;
    /// The first attempt's outcome once it ended: Polly's answer when every attempt fails.
    Outcome firstOutcome = Outcome::Error;
    EventId timer; ///< the delay before the next hedge
};

/// Polly v8's hedging strategy (HedgingResilienceStrategy): a call makes a first attempt, and a
/// hedged attempt when the delay passes without an answer, or at once when an attempt fails with
/// a handled outcome, up to max_hedged_attempts hedges; the first unhandled answer wins. The
/// winner's losers are cancelled (cancel_losers), or run on to their end, holding the request.
class HedgingStage final : public FramedStage<HedgingCall>
{
public:
    HedgingStage(RunContext &ctx, std::string name, const HedgingSpec &spec);

    std::uint64_t start(std::uint32_t slot, Caller *caller, std::uint64_t token) override;
    void cancel(std::uint64_t handle) override;
    void done(std::uint64_t token, Outcome outcome) override;
    void fire(std::uint32_t kind, std::uint64_t arg) override;
    void reconfigure(const StageSpec &spec) override;
    void addToSummary(Summary &s) const override;

    /// Hedged attempts started (attempts after each call's first).
    std::uint64_t hedges() const { return m_hedges; }
    /// Attempts running now, losers included.
    std::size_t attemptsInFlight() const { return m_attempts.live(); }

private:
    /// One attempt of a call: the token its inner call answers with.
    struct Attempt
    {
        std::uint64_t call = 0;  ///< the call's handle
        std::uint64_t inner = 0; ///< the inner call's handle
        std::uint8_t index = 0;  ///< 0: the first attempt, then the hedges in launch order
    };

    /// Starts the next attempt of `handle` (a hedge unless it is the first; `reason`: the hedge
    /// event's detail) and, while hedges remain and the delay is positive, re-arms the delay.
    void launch(std::uint64_t handle, std::string_view reason);
    /// Cancels the call's timer and, with `losers`, every attempt still running.
    void stopAll(HedgingCall &f);

    HedgingSpec m_spec;
    SimTime m_delay;
    FramePool<Attempt> m_attempts;
    std::uint64_t m_hedges = 0;
};

} // namespace reslab
