#pragma once

namespace reslab {

struct StagePattern;

/// `type: rate_limiter` (scenario version 2): resilience4j's AtomicRateLimiter (`fixed_window`)
/// or a token bucket (`token_bucket`), both with a reservation wait bounded by `timeout_ms`.
struct RateLimiterSpec
{
    enum class Algorithm
    {
        FixedWindow,
        TokenBucket
    };
    Algorithm algorithm = Algorithm::FixedWindow;
    double timeoutMs = 5000; ///< `timeout_ms` (resilience4j timeoutDuration): longest wait
    // fixed_window
    int limitForPeriod = 50;         ///< `limit_for_period` (limitForPeriod)
    double limitRefreshPeriodMs = 0; ///< `limit_refresh_period_ms` (limitRefreshPeriod), required
    // token_bucket
    double tokensPerS = 0; ///< `tokens_per_s`, required
    int burst = 1;         ///< `burst`: the bucket's size (it starts full)
    /// What the registry knows of this stage type (engine/src/stages/).
    static const StagePattern &pattern();
    bool operator==(const RateLimiterSpec &) const = default;
};

} // namespace reslab
