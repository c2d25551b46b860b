#pragma once

#include "reslab/model/scenario.h"
#include "reslab/model/stage.h"

namespace reslab {

/// One call through a rate limiter stage.
struct RateLimiterCall : CallFrame
{
    bool waiting = false;  ///< holds a reservation; its inner call starts at `timer`
    bool rejected = false; ///< refused; the answer is an event at this instant (`timer`)
    bool inside = false;   ///< its inner call runs
    EventId timer;
};

/// The permission state of a rate limiter, without the stage around it: asked once per call, it
/// returns how long that call must wait for its permit (0: at once), or kRefused. A call that may
/// wait reserves its permit at once: permits may go negative.
class RateLimiterState
{
public:
    static constexpr SimTime kRefused = -1;
    RateLimiterState(const RateLimiterSpec &spec, SimTime now);
    /// One call at `now`.
    SimTime acquire(SimTime now);
    /// New options, keeping the permits where the algorithm stays the same.
    void reconfigure(const RateLimiterSpec &spec, SimTime now);

    /// fixed_window: permits of the current cycle (negative: reserved ahead).
    std::int64_t permissions() const { return m_permissions; }
    /// token_bucket: tokens as of the last call, in millionths of a token.
    double microTokens() const { return m_microTokens; }

private:
    void take(const RateLimiterSpec &spec);
    void fixedWindowRefresh(SimTime now);
    void tokenBucketRefill(SimTime now);
    SimTime fixedWindow(SimTime now);
    SimTime tokenBucket(SimTime now);

    RateLimiterSpec m_spec;
    SimTime m_timeout = 0;
    // fixed_window (AtomicRateLimiter.State)
    SimTime m_period = 1;
    std::int64_t m_cycle = 0;
    std::int64_t m_permissions = 0;
    // token_bucket
    double m_microTokens = 0; ///< may go negative (reservations)
    SimTime m_updated = 0;
};

/// Lets calls through at a bounded rate: resilience4j's AtomicRateLimiter (`fixed_window`) or a
/// token bucket. A call without a permit reserves the next one and waits for it if the wait is
/// at most timeout_ms; otherwise it is answered `rejected` at once and reserves nothing.
class RateLimiterStage final : public FramedStage<RateLimiterCall>
{
public:
    RateLimiterStage(RunContext &ctx, std::string name, const RateLimiterSpec &spec);

    std::uint64_t start(std::uint32_t slot, Caller *caller, std::uint64_t token) override;
    void cancel(std::uint64_t handle) override;
    void done(std::uint64_t token, Outcome outcome) override;
    void fire(std::uint32_t kind, std::uint64_t arg) override;
    void reconfigure(const StageSpec &spec) override;
    void addToSummary(Summary &s) const override;

    /// Calls let through at once.
    std::uint64_t immediate() const { return m_immediate; }
    /// Calls that waited for a reserved permit (let through later, or cancelled meanwhile).
    std::uint64_t waited() const { return m_waited; }
    /// Calls answered `rejected`.
    std::uint64_t rejected() const { return m_rejected; }
    const RateLimiterState &state() const { return m_state; }

private:
    enum : std::uint32_t
    {
        kReject = 1,
        kGo = 2
    };

    RateLimiterSpec m_spec;
    RateLimiterState m_state;
    std::uint64_t m_immediate = 0;
    std::uint64_t m_waited = 0;
    std::uint64_t m_rejected = 0;
};

} // namespace reslab
