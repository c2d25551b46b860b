// The hedging stage's registry entry: schema, codec and construction.
#include "stages/hedging/hedging_stage.h"
#include "stages/stage_codec.h"

namespace reslab {
namespace {
using namespace io;
using namespace schema;

std::vector<ParamInfo> parameters()
{
    std::vector<ParamInfo> rows;
    rows.push_back({.context = "hedging",
                    .key = "max_hedged_attempts",
                    .label = "MaxHedgedAttempts",
                    .unit = "hedges",
                    .kind = ParamKind::Integer,
                    .min = 1,
                    .max = HedgingSpec::kMaxHedgedAttempts,
                    .defaultValue = 1,
                    .slider = SliderScale::Linear,
                    .sliderMin = 1,
                    .sliderMax = HedgingSpec::kMaxHedgedAttempts,
                    .tooltip = "Attempts a call may make besides its first one, each racing the "
                               "others.",
                    .library = "Polly HedgingStrategyOptions",
                    .interval = true});
    {
        ParamInfo p = ms("hedging", "delay_ms", "Delay", 2000,
                         "How long an attempt runs without an answer before the next one starts "
                         "(0: all at once, -1: only after a failure).");
        p.min = -1; // -1 is Polly's Timeout.InfiniteTimeSpan; the reader refuses (-1, 0)
        p.library = "Polly HedgingStrategyOptions";
        p.zeroText = "all at once";
        rows.push_back(p);
    }
    rows.push_back({.context = "hedging",
                    .key = "cancel_losers",
                    .label = "Cancel the losers",
                    .kind = ParamKind::Bool,
                    .defaultValue = 1,
                    .slider = SliderScale::None,
                    .tooltip = "Stop the other attempts when one wins; off, they run on and keep "
                               "their service busy."});
    return rows;
}

std::vector<std::string_view> keys()
{
    return {"max_hedged_attempts", "delay_ms", "handle", "cancel_losers"};
}

void read(const JsonObject &o, StageSpec &stage, const StageReadContext &)
{
    HedgingSpec &h = stage.as<HedgingSpec>();
    o.checkKeys(plus(stageCommonKeys(), keys()), otherStageTypes(HedgingSpec::pattern()));
    o.integer(row("hedging", "max_hedged_attempts"), h.maxHedgedAttempts);
    // Any negative value but -1 is an error of its own (not "must be >= -1").
    const ParamInfo &delay = row("hedging", "delay_ms");
    Range any = rangeOf(delay);
    any.lo = -kInf;
    double v = 0;
    if (o.number(delay.key, v, any)) {
        if (v < 0 && v != -1)
            o.checker().error(o.sub(delay.key),
                              "must be -1 (hedge only after a handled failure) or >= 0 (got " +
                                  formatNumber(v) + ")");
        else
            h.delayMs = v;
    }
    readOutcomes(o, "handle", h.handle);
    o.boolean("cancel_losers", h.cancelLosers);
}

void write(json &j, const StageSpec &stage)
{
    const HedgingSpec &h = stage.as<HedgingSpec>();
    j["max_hedged_attempts"] = h.maxHedgedAttempts;
    j["delay_ms"] = num(h.delayMs);
    writeOutcomes(j, "handle", h.handle);
    j["cancel_losers"] = h.cancelLosers;
}

std::unique_ptr<Stage> create(const StageBuild &b, const StageSpec &stage)
{
    return std::make_unique<HedgingStage>(b.ctx, b.name, stage.as<HedgingSpec>());
}

} // namespace

const StagePattern &HedgingSpec::pattern()
{
    static const StagePattern p{.key = "hedging",
                                .title = "Hedging",
                                .variantKey = {},
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
