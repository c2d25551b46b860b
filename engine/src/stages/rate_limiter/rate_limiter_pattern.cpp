// The rate limiter stage's registry entry: schema, codec and construction.
#include "stages/rate_limiter/rate_limiter_stage.h"
#include "stages/stage_codec.h"

namespace reslab {
namespace {
using namespace io;
using namespace schema;

constexpr std::array<Named<RateLimiterSpec::Algorithm>, 2> kAlgorithms{{
    {"fixed_window", RateLimiterSpec::Algorithm::FixedWindow},
    {"token_bucket", RateLimiterSpec::Algorithm::TokenBucket},
}};

std::vector<ParamInfo> parameters()
{
    std::vector<ParamInfo> rows;
    rows.push_back({.context = "rate_limiter",
                    .key = "algorithm",
                    .label = "Algorithm",
                    .kind = ParamKind::Enum,
                    .defaultChoice = "fixed_window",
                    .choices = {"fixed_window", "token_bucket"},
                    .slider = SliderScale::None,
                    .tooltip = "How permits come back: all at once at the start of each period "
                               "(resilience4j), or continuously into a bucket (token bucket)."});
    {
        ParamInfo p = ms("rate_limiter", "timeout_ms", "timeoutDuration", 5000,
                         "Longest wait for a permit a call may reserve; a call that would wait "
                         "longer is rejected at once.");
        p.library = "resilience4j RateLimiterConfig";
        p.zeroText = "never wait";
        rows.push_back(p);
    }
    rows.push_back({.context = "rate_limiter.fixed_window",
                    .key = "limit_for_period",
                    .label = "limitForPeriod",
                    .unit = "calls",
                    .kind = ParamKind::Integer,
                    .min = 1,
                    .max = kIntMax,
                    .defaultValue = 50,
                    .slider = SliderScale::Log,
                    .sliderMin = 1,
                    .sliderMax = 10000,
                    .tooltip = "Permits each refresh period starts with.",
                    .library = "resilience4j RateLimiterConfig"});
    {
        ParamInfo p = required(ms("rate_limiter.fixed_window", "limit_refresh_period_ms",
                                  "limitRefreshPeriod", 0,
                                  "Length of one period: permits are refreshed at every multiple "
                                  "of it from the start of the run."));
        p.min = 0.001; // one µs: the period is kept in whole µs
        p.decimals = 3;
        p.sliderMin = 1;
        p.library = "resilience4j RateLimiterConfig";
        rows.push_back(p);
    }
    rows.push_back(required({.context = "rate_limiter.token_bucket",
                             .key = "tokens_per_s",
                             .label = "Tokens per second",
                             .unit = "tokens/s",
                             .kind = ParamKind::Real,
                             .min = 0,
                             .max = 1e6,
                             .minExclusive = true,
                             .decimals = 3,
                             .slider = SliderScale::Log,
                             .sliderMin = 0.1,
                             .sliderMax = 10000,
                             .tooltip = "Rate at which the bucket refills; each call takes one "
                                        "token."}));
    rows.push_back({.context = "rate_limiter.token_bucket",
                    .key = "burst",
                    .label = "Burst (bucket size)",
                    .unit = "tokens",
                    .kind = ParamKind::Integer,
                    .min = 1,
                    .max = 1e6,
                    .defaultValue = 1,
                    .slider = SliderScale::Log,
                    .sliderMin = 1,
                    .sliderMax = 10000,
                    .tooltip = "Tokens the bucket holds when full (it starts full): calls that "
                               "may pass at once after a quiet spell."});
    return rows;
}

const Keys kCommonKeys{"algorithm", "timeout_ms"};

Keys algorithmKeys(RateLimiterSpec::Algorithm a)
{
    switch (a) {
    case RateLimiterSpec::Algorithm::FixedWindow:
        return {"limit_for_period", "limit_refresh_period_ms"};
    case RateLimiterSpec::Algorithm::TokenBucket:
        return {"tokens_per_s", "burst"};
    }
    return {};
}

std::vector<std::string_view> keys()
{
    return plus(kCommonKeys, allVariantKeys(kAlgorithms, algorithmKeys));
}

void read(const JsonObject &o, StageSpec &stage, const StageReadContext &)
{
    RateLimiterSpec &r = stage.as<RateLimiterSpec>();
    const bool known = o.choice("algorithm", r.algorithm, kAlgorithms);
    const Keys common = plus(stageCommonKeys(), kCommonKeys);
    const std::vector<KeyGroup> stages = otherStageTypes(RateLimiterSpec::pattern());
    if (!known) {
        o.checkKeys(plus(common, allVariantKeys(kAlgorithms, algorithmKeys)), stages);
    } else {
        std::vector<KeyGroup> foreign =
            otherVariants(kAlgorithms, r.algorithm, "algorithm", algorithmKeys);
        foreign.insert(foreign.end(), stages.begin(), stages.end());
        o.checkKeys(plus(common, algorithmKeys(r.algorithm)), foreign);
    }
    o.number(row("rate_limiter", "timeout_ms"), r.timeoutMs);
    if (!known)
        return;
    if (r.algorithm == RateLimiterSpec::Algorithm::FixedWindow) {
        o.integer(row("rate_limiter.fixed_window", "limit_for_period"), r.limitForPeriod);
        o.number(row("rate_limiter.fixed_window", "limit_refresh_period_ms"),
                 r.limitRefreshPeriodMs, Need::Required);
    } else {
        o.number(row("rate_limiter.token_bucket", "tokens_per_s"), r.tokensPerS, Need::Required);
        o.integer(row("rate_limiter.token_bucket", "burst"), r.burst);
    }
}

void write(json &j, const StageSpec &stage)
{
    const RateLimiterSpec &r = stage.as<RateLimiterSpec>();
    j["algorithm"] = std::string(nameOf(kAlgorithms, r.algorithm));
    j["timeout_ms"] = num(r.timeoutMs);
    if (r.algorithm == RateLimiterSpec::Algorithm::FixedWindow) {
        j["limit_for_period"] = r.limitForPeriod;
        j["limit_refresh_period_ms"] = num(r.limitRefreshPeriodMs);
    } else {
        j["tokens_per_s"] = num(r.tokensPerS);
        j["burst"] = r.burst;
    }
}

std::unique_ptr<Stage> create(const StageBuild &b, const StageSpec &stage)
{
    return std::make_unique<RateLimiterStage>(b.ctx, b.name, stage.as<RateLimiterSpec>());
}

} // namespace

const StagePattern &RateLimiterSpec::pattern()
{
    static const StagePattern p{.key = "rate_limiter",
                                .title = "Rate limiter",
                                .variantKey = "algorithm",
                                .keys = keys,
                                .read = read,
                                .write = write,
                                .create = create,
                                .sameShape = anyOptionsReconfigure,
                                .parameters = parameters,
                                .version = 2};
    return p;
}

} // namespace reslab
