// The retry stage's registry entry: schema, codec and construction.
#include "stages/retry/retry_stage.h"
#include "stages/stage_codec.h"

namespace reslab {
namespace {
using namespace io;
using namespace schema;

constexpr std::array<Named<RetrySpec::Backoff>, 3> kBackoffs{{
    {"fixed", RetrySpec::Backoff::Fixed},
    {"linear", RetrySpec::Backoff::Linear},
    {"exponential", RetrySpec::Backoff::Exponential},
}};

constexpr std::array<Named<RetrySpec::Jitter>, 7> kJitters{{
    {"none", RetrySpec::Jitter::None},
    {"proportional", RetrySpec::Jitter::Proportional},
    {"randomized", RetrySpec::Jitter::Randomized},
    {"full", RetrySpec::Jitter::Full},
    {"equal", RetrySpec::Jitter::Equal},
    {"decorrelated", RetrySpec::Jitter::Decorrelated},
    {"polly_v2", RetrySpec::Jitter::PollyV2},
}};

std::vector<ParamInfo> parameters()
{
    std::vector<ParamInfo> rows;
    rows.push_back({.context = "retry",
                    .key = "max_retries",
                    .label = "Max retries",
                    .unit = "retries",
                    .kind = ParamKind::Integer,
                    .min = 0,
                    .max = 100,
                    .defaultValue = 3,
                    .slider = SliderScale::Linear,
                    .sliderMin = 0,
                    .sliderMax = 10,
                    .tooltip = "Extra attempts after the first (3 means up to 4 attempts).",
                    .interval = true});
    rows.push_back({.context = "retry",
                    .key = "backoff",
                    .label = "Backoff",
                    .kind = ParamKind::Enum,
                    .defaultChoice = "exponential",
                    .choices = {"fixed", "linear", "exponential"},
                    .slider = SliderScale::None,
                    .tooltip =
                        "How the delay grows between retries: the same (fixed), base x (k+1) "
                        "(linear) or base x multiplier^k (exponential)."});
    {
        ParamInfo p = ms("retry", "base_ms", "Base delay", 100,
                         "Delay before the first retry, from which the later delays grow.");
        p.sliderMax = 60000;
        rows.push_back(p);
    }
    rows.push_back({.context = "retry",
                    .key = "multiplier",
                    .label = "Multiplier",
                    .unit = "×",
                    .kind = ParamKind::Real,
                    .min = 1,
                    .max = 1000,
                    .defaultValue = 2,
                    .decimals = 2,
                    .slider = SliderScale::Linear,
                    .sliderMin = 1,
                    .sliderMax = 5,
                    .tooltip = "Factor by which each exponential delay exceeds the one before."});
    {
        ParamInfo p = ms("retry", "max_delay_ms", "Max delay", 0,
                         "Cap on any one delay (before jitter spreads it), so exponential growth "
                         "stops somewhere.");
        p.hasDefault = false;
        p.optional = true;
        p.optionLabel = "cap";
        p.absentText = "no cap";
        p.enableValue = 10000;
        rows.push_back(p);
    }
    rows.push_back({.context = "retry",
                    .key = "jitter",
                    .label = "Jitter",
                    .kind = ParamKind::Enum,
                    .defaultChoice = "none",
                    .choices = {"none", "proportional", "randomized", "full", "equal",
                                "decorrelated", "polly_v2"},
                    .slider = SliderScale::None,
                    .tooltip = "Randomness added to each delay so that clients that failed "
                               "together do not all retry at the same instant."});
    rows.push_back({.context = "retry",
                    .key = "jitter_ratio",
                    .label = "Jitter ratio",
                    .unit = "ratio",
                    .kind = ParamKind::Real,
                    .min = 0,
                    .max = 10,
                    .defaultValue = 0.1,
                    .decimals = 3,
                    .slider = SliderScale::Linear,
                    .sliderMin = 0,
                    .sliderMax = 1,
                    .tooltip = "Proportional jitter adds up to this share of the delay (0.1: up to "
                               "10 % longer).",
                    .interval = true});
    rows.push_back({.context = "retry",
                    .key = "randomization_factor",
                    .label = "randomizationFactor",
                    .unit = "ratio",
                    .kind = ParamKind::Real,
                    .min = 0,
                    .max = 1,
                    .defaultValue = 0.5,
                    .decimals = 3,
                    .slider = SliderScale::Linear,
                    .sliderMin = 0,
                    .sliderMax = 1,
                    .tooltip = "Randomized jitter spreads each delay d over [d - f·d, d + f·d] "
                               "(resilience4j IntervalFunction).",
                    .library = "resilience4j IntervalFunction",
                    .interval = true});
    rows.push_back({.context = "retry.budget",
                    .key = "ratio",
                    .label = "Ratio (percentCanRetry)",
                    .unit = "retries/req",
                    .kind = ParamKind::Real,
                    .min = 0,
                    .max = 1000,
                    .defaultValue = 0.2,
                    .decimals = 3,
                    .slider = SliderScale::Linear,
                    .sliderMin = 0,
                    .sliderMax = 1,
                    .tooltip = "Retries allowed per recent request (0.2: retries may add at most "
                               "20 % to the load), on top of the reserve.",
                    .library = "Finagle RetryBudget",
                    .interval = true});
    rows.push_back({.context = "retry.budget",
                    .key = "min_retries_per_s",
                    .label = "Reserve (minRetriesPerSec)",
                    .unit = "retries/s",
                    .kind = ParamKind::Real,
                    .min = 0,
                    .max = 1e6,
                    .defaultValue = 10,
                    .decimals = 1,
                    .slider = SliderScale::Log,
                    .sliderMin = 0.1,
                    .sliderMax = 1000,
                    .tooltip = "Retries per second always allowed, so that light traffic can "
                               "still retry.",
                    .library = "Finagle RetryBudget"});
    {
        ParamInfo p = positiveMs("retry.budget", "ttl_ms", "Window (ttl)", 10000,
                                 "How long a request's deposit counts towards the budget.");
        p.max = kDayMs;
        p.maxLabel = "86400000 (1 day)";
        p.sliderMin = 100;
        p.library = "Finagle RetryBudget";
        rows.push_back(p);
    }

    return rows;
}

std::vector<std::string_view> keys()
{
    return {"max_retries",  "backoff", "base_ms",      "multiplier",
            "max_delay_ms", "jitter",  "jitter_ratio", "randomization_factor",
            "retry_on",     "budget"};
}

void read(const JsonObject &o, StageSpec &stage, const StageReadContext &)
{
    RetrySpec &r = stage.as<RetrySpec>();
    Checker &c = o.checker();
    o.checkKeys(plus(stageCommonKeys(), keys()), otherStageTypes(RetrySpec::pattern()));
    o.integer(row("retry", "max_retries"), r.maxRetries);
    o.choice("backoff", r.backoff, kBackoffs);
    o.number(row("retry", "base_ms"), r.baseMs);
    o.number(row("retry", "multiplier"), r.multiplier);
    o.optNumber(row("retry", "max_delay_ms"), r.maxDelayMs);
    o.choice("jitter", r.jitter, kJitters);
    o.number(row("retry", "jitter_ratio"), r.jitterRatio);
    o.number(row("retry", "randomization_factor"), r.randomizationFactor);
    readOutcomes(o, "retry_on", r.retryOn);
    if (const json *v = o.find("budget")) {
        if (!v->is_object()) {
            c.error(o.sub("budget"), "expected an object (a retry budget), got " + describe(*v));
            return;
        }
        const JsonObject b(c, *v, o.sub("budget"));
        b.checkKeys({"ratio", "min_retries_per_s", "ttl_ms"});
        RetryBudgetSpec budget;
        b.number(row("retry.budget", "ratio"), budget.ratio);
        b.number(row("retry.budget", "min_retries_per_s"), budget.minRetriesPerS);
        b.number(row("retry.budget", "ttl_ms"), budget.ttlMs);
        r.budget = budget;
    }
}

void write(json &j, const StageSpec &stage)
{
    const RetrySpec &r = stage.as<RetrySpec>();
    j["max_retries"] = r.maxRetries;
    j["backoff"] = std::string(nameOf(kBackoffs, r.backoff));
    j["base_ms"] = num(r.baseMs);
    j["multiplier"] = num(r.multiplier);
    if (r.maxDelayMs)
        j["max_delay_ms"] = num(*r.maxDelayMs);
    j["jitter"] = std::string(nameOf(kJitters, r.jitter));
    j["jitter_ratio"] = num(r.jitterRatio);
    j["randomization_factor"] = num(r.randomizationFactor);
    writeOutcomes(j, "retry_on", r.retryOn);
    if (r.budget) {
        json b = json::object();
        b["ratio"] = num(r.budget->ratio);
        b["min_retries_per_s"] = num(r.budget->minRetriesPerS);
        b["ttl_ms"] = num(r.budget->ttlMs);
        j["budget"] = std::move(b);
    }
}

std::unique_ptr<Stage> create(const StageBuild &b, const StageSpec &stage)
{
    return std::make_unique<RetryStage>(b.ctx, b.name, stage.as<RetrySpec>());
}

} // namespace

const StagePattern &RetrySpec::pattern()
{
    static const StagePattern p{.key = "retry",
                                .title = "Retry",
                                .variantKey = {},
                                .keys = keys,
                                .read = read,
                                .write = write,
                                .create = create,
                                .sameShape = anyOptionsReconfigure,
                                .parameters = parameters};
    return p;
}

} // namespace reslab
