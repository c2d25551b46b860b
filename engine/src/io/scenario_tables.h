#pragma once

// The names of the scenario's own enumerations, shared by the reader and the writer.

#include "io/json_reader.h"
#include "reslab/model/scenario.h"

namespace reslab::io {

inline constexpr std::array<Named<LatencySpec::Dist>, 5> kDists{{
    {"constant", LatencySpec::Dist::Constant},
    {"uniform", LatencySpec::Dist::Uniform},
    {"exponential", LatencySpec::Dist::Exponential},
    {"normal", LatencySpec::Dist::Normal},
    {"lognormal", LatencySpec::Dist::Lognormal},
}};

inline constexpr std::array<Named<LoadSpec::Type>, 4> kLoadTypes{{
    {"poisson", LoadSpec::Type::Poisson},
    {"constant", LoadSpec::Type::Constant},
    {"closed", LoadSpec::Type::Closed},
    {"script", LoadSpec::Type::Script},
}};

inline constexpr std::array<Named<CallMode>, 2> kCallModes{{
    {"sequential", CallMode::Sequential},
    {"parallel", CallMode::Parallel},
}};

inline constexpr std::array<Named<LoadBalancer>, 4> kLoadBalancers{{
    {"round_robin", LoadBalancer::RoundRobin},
    {"random", LoadBalancer::Random},
    {"least_outstanding", LoadBalancer::LeastOutstanding},
    {"p2c", LoadBalancer::PowerOfTwo},
}};

inline constexpr std::array<Named<ReplicaState>, 3> kReplicaStates{{
    {"up", ReplicaState::Up},
    {"refuse", ReplicaState::Refuse},
    {"hang", ReplicaState::Hang},
}};

/// Replicas per service: 1 to 1000.
inline constexpr int kMaxReplicas = 1000;
/// The longest chain of calls from the client (services on it, the target counting 1).
inline constexpr int kMaxCallDepth = 32;

} // namespace reslab::io
