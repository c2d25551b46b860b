#include "reslab/policies/policy_pattern.h"

namespace reslab {

// One line per policy (each defined in its folder, engine/src/policies/NAME/).
extern const BreakerPolicyPattern kConsecutivePolicy;
extern const BreakerPolicyPattern kResilience4jPolicy;
extern const BreakerPolicyPattern kPollyPolicy;

const std::vector<const BreakerPolicyPattern *> &breakerPolicies()
{
    static const std::vector<const BreakerPolicyPattern *> all{
        &kConsecutivePolicy,
        &kResilience4jPolicy,
        &kPollyPolicy,
    };
    return all;
}

const BreakerPolicyPattern &breakerPolicy(BreakerSpec::Policy id)
{
    for (const BreakerPolicyPattern *p : breakerPolicies()) {
        if (p->id == id)
            return *p;
    }
    return *breakerPolicies().front();
}

const BreakerPolicyPattern *findBreakerPolicy(std::string_view key)
{
    for (const BreakerPolicyPattern *p : breakerPolicies()) {
        if (p->key == key)
            return p;
    }
    return nullptr;
}

std::vector<std::string_view> policyKeys()
{
    std::vector<std::string_view> keys;
    for (const BreakerPolicyPattern *p : breakerPolicies())
        keys.push_back(p->key);
    return keys;
}

} // namespace reslab
