// The fallback stage's registry entry: schema, codec and construction.
#include "reslab/stages/fallback_stage.h"
#include "stages/stage_codec.h"

namespace reslab {
namespace {
using namespace io;
using namespace schema;

constexpr std::array<Named<FallbackSpec::Mode>, 3> kModes{{
    {"static", FallbackSpec::Mode::Static},
    {"cache", FallbackSpec::Mode::Cache},
    {"service", FallbackSpec::Mode::Service},
}};

std::vector<ParamInfo> parameters()
{
    std::vector<ParamInfo> rows;
    rows.push_back({.context = "fallback",
                    .key = "mode",
                    .label = "Mode",
                    .kind = ParamKind::Enum,
                    .defaultChoice = "static",
                    .choices = {"static", "cache", "service"},
                    .slider = SliderScale::None,
                    .tooltip = "Where the degraded answer comes from: a static value at once, the "
                               "last good answer, or another virtual service."});
    {
        ParamInfo p = positiveMs("fallback.cache", "ttl_ms", "Cache TTL", 60000,
                                 "The last good answer is served only while younger than this.");
        p.sliderMin = 100;
        p.sliderMax = 3600000;
        rows.push_back(p);
    }
    return rows;
}

const Keys kCommonKeys{"mode", "handle"};

Keys modeKeys(FallbackSpec::Mode m)
{
    switch (m) {
    case FallbackSpec::Mode::Static:
        return {};
    case FallbackSpec::Mode::Cache:
        return {"ttl_ms"};
    case FallbackSpec::Mode::Service:
        return {"service"};
    }
    return {};
}

std::vector<std::string_view> keys()
{
    return plus(kCommonKeys, allVariantKeys(kModes, modeKeys));
}

void read(const JsonObject &o, StageSpec &stage, const StageReadContext &context)
{
    FallbackSpec &f = stage.as<FallbackSpec>();
    const bool known = o.choice("mode", f.mode, kModes);
    const Keys common = plus(stageCommonKeys(), kCommonKeys);
    const std::vector<KeyGroup> stages = otherStageTypes(FallbackSpec::pattern());
    if (!known) {
        o.checkKeys(plus(common, allVariantKeys(kModes, modeKeys)), stages);
    } else {
        std::vector<KeyGroup> foreign = otherVariants(kModes, f.mode, "mode", modeKeys);
        foreign.insert(foreign.end(), stages.begin(), stages.end());
        o.checkKeys(plus(common, modeKeys(f.mode)), foreign);
    }
    readOutcomes(o, "handle", f.handle);
    if (!known)
        return;
    if (f.mode == FallbackSpec::Mode::Cache)
        o.number(row("fallback.cache", "ttl_ms"), f.ttlMs);
    if (f.mode == FallbackSpec::Mode::Service) {
        if (o.string("service", f.service, Need::Required) && !context.services.empty())
            checkServiceRef(o.checker(), o.sub("service"), f.service, context.services);
    }
}

void write(json &j, const StageSpec &stage)
{
    const FallbackSpec &f = stage.as<FallbackSpec>();
    j["mode"] = std::string(nameOf(kModes, f.mode));
    writeOutcomes(j, "handle", f.handle);
    if (f.mode == FallbackSpec::Mode::Cache)
        j["ttl_ms"] = num(f.ttlMs);
    if (f.mode == FallbackSpec::Mode::Service)
        j["service"] = f.service;
}

std::unique_ptr<Stage> create(const StageBuild &b, const StageSpec &stage)
{
    const FallbackSpec &f = stage.as<FallbackSpec>();
    Callee *service =
        f.mode == FallbackSpec::Mode::Service && b.service ? b.service(f.service) : nullptr;
    return std::make_unique<FallbackStage>(b.ctx, b.name, f, service);
}

/// A fallback to a service is wired to that service: another mode is another shape.
bool sameShape(const StageSpec &a, const StageSpec &b)
{
    return (a.as<FallbackSpec>().mode == FallbackSpec::Mode::Service) ==
           (b.as<FallbackSpec>().mode == FallbackSpec::Mode::Service);
}

} // namespace

const StagePattern &FallbackSpec::pattern()
{
    static const StagePattern p{.key = "fallback",
                                .title = "Fallback",
                                .variantKey = "mode",
                                .keys = keys,
                                .read = read,
                                .write = write,
                                .create = create,
                                .sameShape = sameShape,
                                .parameters = parameters};
    return p;
}

} // namespace reslab
