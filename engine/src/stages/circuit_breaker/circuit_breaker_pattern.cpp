// The circuit breaker stage's registry entry: schema, codec and construction. Each policy brings
// its own keys, rows and state machine (engine/src/policies/policy_pattern.h).
#include "policies/policy_pattern.h"
#include "reslab/stages/circuit_breaker_stage.h"
#include "stages/stage_codec.h"

namespace reslab {
namespace {
using namespace io;
using namespace schema;

/// The policies by `policy` key, as their index in BreakerPolicyOptions.
std::vector<Named<std::size_t>> policyTable()
{
    std::vector<Named<std::size_t>> table;
    for (std::size_t i = 0; i < breakerPolicies().size(); ++i)
        table.push_back({breakerPolicies()[i]->key, i});
    return table;
}

Keys policyKeysOf(std::size_t index)
{
    return breakerPolicy(index).keys();
}

const Keys kCommonKeys{"policy", "record", "half_open_max_calls", "automatic_transition"};

std::vector<ParamInfo> parameters()
{
    std::vector<ParamInfo> rows;
    rows.push_back({.context = "circuit_breaker",
                    .key = "policy",
                    .label = "Policy",
                    .kind = ParamKind::Enum,
                    .defaultChoice = "consecutive",
                    .choices = policyKeys(),
                    .slider = SliderScale::None,
                    .tooltip = "Which breaker to simulate: the design notes' consecutive-failure "
                               "breaker, resilience4j's CircuitBreaker or Polly v8's advanced "
                               "breaker, each with its own options and rules."});
    rows.push_back({.context = "circuit_breaker",
                    .key = "half_open_max_calls",
                    .label = "Half-open trial calls",
                    .unit = "calls",
                    .kind = ParamKind::Integer,
                    .min = 1,
                    .max = 1e6,
                    .defaultValue = 1,
                    .slider = SliderScale::Log,
                    .sliderMin = 1,
                    .sliderMax = 100,
                    .tooltip = "Trial calls let through at a time while half-open; the others "
                               "are rejected as circuit_open."});
    rows.push_back({.context = "circuit_breaker",
                    .key = "automatic_transition",
                    .label = "Automatic transition to half-open",
                    .kind = ParamKind::Bool,
                    .defaultValue = 0,
                    .slider = SliderScale::None,
                    .tooltip = "Move from open to half-open by a timer when the wait ends, "
                               "rather than at the next call after it."});

    for (const BreakerPolicyPattern *p : breakerPolicies()) {
        const std::vector<ParamInfo> own = p->parameters();
        rows.insert(rows.end(), own.begin(), own.end());
    }
    return rows;
}

std::vector<std::string_view> keys()
{
    return plus(kCommonKeys, allVariantKeys(policyTable(), policyKeysOf));
}

void read(const JsonObject &o, StageSpec &stage, const StageReadContext &)
{
    BreakerSpec &b = stage.as<BreakerSpec>();
    const auto policies = policyTable();
    std::size_t policy = b.policy.index();
    const bool known = o.choice("policy", policy, policies);
    if (known)
        makeBreakerPolicy(breakerPolicy(policy).key, b.policy);
    const Keys common = plus(stageCommonKeys(), kCommonKeys);
    const std::vector<KeyGroup> stages = otherStageTypes(BreakerSpec::pattern());
    if (!known) {
        o.checkKeys(plus(common, allVariantKeys(policies, policyKeysOf)), stages);
    } else {
        std::vector<KeyGroup> foreign = otherVariants(policies, policy, "policy", policyKeysOf);
        foreign.insert(foreign.end(), stages.begin(), stages.end());
        o.checkKeys(plus(common, policyKeysOf(policy)), foreign);
    }
    readOutcomes(o, "record", b.record);
    if (known)
        breakerPolicy(policy).read(o, b);
}

void write(json &j, const StageSpec &stage)
{
    const BreakerSpec &b = stage.as<BreakerSpec>();
    const BreakerPolicyPattern &policy = breakerPolicy(b.policy.index());
    j["policy"] = std::string(policy.key);
    writeOutcomes(j, "record", b.record);
    policy.write(j, b);
}

std::unique_ptr<Stage> create(const StageBuild &b, const StageSpec &stage)
{
    return std::make_unique<CircuitBreakerStage>(b.ctx, b.name, stage.as<BreakerSpec>(), b.primary);
}

} // namespace

const StagePattern &BreakerSpec::pattern()
{
    static const StagePattern p{.key = "circuit_breaker",
                                .title = "Circuit breaker",
                                .variantKey = "policy",
                                .keys = keys,
                                .read = read,
                                .write = write,
                                .create = create,
                                .sameShape = anyOptionsReconfigure,
                                .parameters = parameters};
    return p;
}

} // namespace reslab
