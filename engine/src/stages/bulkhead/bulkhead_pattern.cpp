// The bulkhead stage's registry entry: schema, codec and construction.
#include "stages/bulkhead/bulkhead_stage.h"
#include "stages/stage_codec.h"

namespace reslab {
namespace {
using namespace io;
using namespace schema;

std::vector<ParamInfo> parameters()
{
    std::vector<ParamInfo> rows;
    rows.push_back({.context = "bulkhead",
                    .key = "max_concurrent_calls",
                    .label = "maxConcurrentCalls",
                    .unit = "calls",
                    .kind = ParamKind::Integer,
                    .min = 0,
                    .max = kMaxConcurrency,
                    .defaultValue = 25,
                    .slider = SliderScale::Log,
                    .sliderMin = 1,
                    .sliderMax = 1000,
                    .tooltip = "Calls let through at the same time; the others wait for a permit "
                               "or are rejected.",
                    .library = "resilience4j BulkheadConfig"});
    {
        ParamInfo p = ms("bulkhead", "max_wait_ms", "maxWaitDuration", 0,
                         "How long a call waits for a permit when every permit is taken before it "
                         "is rejected.");
        p.library = "resilience4j BulkheadConfig";
        p.decimals = 0; // used in whole ms, truncated (maxWaitDuration.toMillis())
        p.zeroText = "reject at once";
        rows.push_back(p);
    }
    rows.push_back({.context = "bulkhead",
                    .key = "queue_limit",
                    .label = "QueueLimit",
                    .unit = "calls",
                    .kind = ParamKind::Integer,
                    .min = 0,
                    .max = kMaxQueueLimit,
                    .hasDefault = false,
                    .slider = SliderScale::Log,
                    .sliderMin = 1,
                    .sliderMax = 100000,
                    .tooltip = "Calls that may wait for a permit at the same time; one more is "
                               "rejected at once.",
                    .library = "Polly ConcurrencyLimiterOptions",
                    .optional = true,
                    .optionLabel = "limit",
                    .absentText = "unbounded",
                    .enableValue = 100});
    return rows;
}

std::vector<std::string_view> keys()
{
    return {"max_concurrent_calls", "max_wait_ms", "queue_limit"};
}

void read(const JsonObject &o, StageSpec &stage, const StageReadContext &)
{
    BulkheadSpec &b = stage.as<BulkheadSpec>();
    o.checkKeys(plus(stageCommonKeys(), keys()), otherStageTypes(BulkheadSpec::pattern()));
    o.integer(row("bulkhead", "max_concurrent_calls"), b.maxConcurrentCalls);
    o.number(row("bulkhead", "max_wait_ms"), b.maxWaitMs);
    o.optInteger(row("bulkhead", "queue_limit"), b.queueLimit);
}

void write(json &j, const StageSpec &stage)
{
    const BulkheadSpec &b = stage.as<BulkheadSpec>();
    j["max_concurrent_calls"] = b.maxConcurrentCalls;
    j["max_wait_ms"] = num(b.maxWaitMs);
    if (b.queueLimit)
        j["queue_limit"] = *b.queueLimit;
}

std::unique_ptr<Stage> create(const StageBuild &b, const StageSpec &stage)
{
    return std::make_unique<BulkheadStage>(b.ctx, b.name, stage.as<BulkheadSpec>());
}

} // namespace

const StagePattern &BulkheadSpec::pattern()
{
    static const StagePattern p{.key = "bulkhead",
                                .title = "Bulkhead",
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
