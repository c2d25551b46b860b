#include "policies/policy_pattern.h"

#include <utility>

namespace reslab {
namespace {

// The table is BreakerPolicyOptions: one entry per alternative, in its order (each policy's
// pattern() is defined in its folder, engine/src/policies/NAME/).
constexpr std::size_t kPolicyCount = std::variant_size_v<BreakerPolicyOptions>;

template <std::size_t... I>
std::vector<const BreakerPolicyPattern *> patternsOf(std::index_sequence<I...>)
{
    return {&std::variant_alternative_t<I, BreakerPolicyOptions>::pattern()...};
}

template <std::size_t... I>
bool emplaceByKey(std::string_view key, BreakerPolicyOptions &out, std::index_sequence<I...>)
{
    return ((std::variant_alternative_t<I, BreakerPolicyOptions>::pattern().key == key
                 ? (out.emplace<I>(), true)
                 : false) ||
            ...);
}

} // namespace

const std::vector<const BreakerPolicyPattern *> &breakerPolicies()
{
    static const std::vector<const BreakerPolicyPattern *> all =
        patternsOf(std::make_index_sequence<kPolicyCount>{});
    return all;
}

const BreakerPolicyPattern &breakerPolicy(std::size_t index)
{
    const auto &all = breakerPolicies();
    return index < all.size() ? *all[index] : *all.front();
}

const BreakerPolicyPattern *findBreakerPolicy(std::string_view key)
{
    for (const BreakerPolicyPattern *p : breakerPolicies()) {
        if (p->key == key)
            return p;
    }
    return nullptr;
}

bool makeBreakerPolicy(std::string_view key, BreakerPolicyOptions &out)
{
    return emplaceByKey(key, out, std::make_index_sequence<kPolicyCount>{});
}

std::vector<std::string_view> policyKeys()
{
    std::vector<std::string_view> keys;
    for (const BreakerPolicyPattern *p : breakerPolicies())
        keys.push_back(p->key);
    return keys;
}

std::string_view BreakerSpec::policyKey() const
{
    return breakerPolicy(policy.index()).key;
}

} // namespace reslab
