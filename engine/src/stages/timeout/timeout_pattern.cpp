// The timeout stage's registry entry: schema, codec and construction.
#include "stages/stage_codec.h"
#include "stages/timeout/timeout_stage.h"

namespace reslab {
namespace {
using namespace io;
using namespace schema;

std::vector<ParamInfo> parameters()
{
    std::vector<ParamInfo> rows;
    {
        ParamInfo p = required(positiveMs("timeout", "timeout_ms", "Timeout", 0,
                                          "Time after which the caller gets a timeout at once; "
                                          "outside a retry it bounds the whole request, inside "
                                          "each attempt."));
        rows.push_back(p);
    }
    rows.push_back({.context = "timeout",
                    .key = "cancel_inner",
                    .label = "Cancel the abandoned attempt",
                    .kind = ParamKind::Bool,
                    .defaultValue = 0,
                    .slider = SliderScale::None,
                    .tooltip = "Stop the work behind a timed-out call; off (the default, as real "
                               "servers) it keeps the service busy."});

    return rows;
}

std::vector<std::string_view> keys()
{
    return {"timeout_ms", "cancel_inner"};
}

void read(const JsonObject &o, StageSpec &stage, const StageReadContext &)
{
    TimeoutSpec &t = stage.as<TimeoutSpec>();
    o.checkKeys(plus(stageCommonKeys(), keys()), otherStageTypes(TimeoutSpec::pattern()));
    o.number(row("timeout", "timeout_ms"), t.timeoutMs, Need::Required);
    o.boolean("cancel_inner", t.cancelInner);
}

void write(json &j, const StageSpec &stage)
{
    const TimeoutSpec &t = stage.as<TimeoutSpec>();
    j["timeout_ms"] = num(t.timeoutMs);
    j["cancel_inner"] = t.cancelInner;
}

std::unique_ptr<Stage> create(const StageBuild &b, const StageSpec &stage)
{
    return std::make_unique<TimeoutStage>(b.ctx, b.name, stage.as<TimeoutSpec>());
}

} // namespace

const StagePattern &TimeoutSpec::pattern()
{
    static const StagePattern p{.key = "timeout",
                                .title = "Timeout",
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
