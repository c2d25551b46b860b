#include "reslab/policies/breaker_policy.h"

#include "policies/policy_pattern.h"

namespace reslab {

// What every policy shares lives in the base class (reslab/policies/breaker_policy.h); each
// policy's state machine is in its folder, engine/src/policies/NAME/.

std::unique_ptr<BreakerPolicy> BreakerPolicy::create(const BreakerSpec &spec, BreakerHost &host)
{
    return breakerPolicy(spec.policy.index()).create(spec, host);
}

} // namespace reslab
