#pragma once

// The service graph of a scenario (version 2): its edges, named as in files, events and exports.
// The client's pipeline is the edge `client->TARGET`; each call of a service is an edge
// `CALLER->CALLEE`, `CALLER->CALLEE#2`, ... when one caller calls one callee more than once.

#include "reslab/model/scenario.h"

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace reslab {

/// One edge of a scenario's graph.
struct EdgeRef
{
    std::string name;   ///< "client->gateway", "gateway->reviews", "gateway->reviews#2"
    std::string caller; ///< "client" or the calling service
    std::string callee;
    /// The call's index in the caller's `calls`; kClientEdge for the client's pipeline.
    std::size_t callIndex = kClientEdge;
    const std::vector<StageSpec> *pipeline = nullptr; ///< points into the scenario
    std::string path; ///< JSON path of the pipeline: "pipeline", "services.gw.calls[1].pipeline"

    static constexpr std::size_t kClientEdge = std::numeric_limits<std::size_t>::max();
    bool isClient() const { return callIndex == kClientEdge; }
};

/// Every edge, the client's first, then each service's calls in service-name order and call
/// order. The pointers stay valid while the scenario lives unchanged.
std::vector<EdgeRef> scenarioEdges(const Scenario &scenario);

/// The name of a call's edge: "CALLER->CALLEE", with "#k" for the k-th call (k >= 2) of one
/// caller to one callee.
std::string callEdgeName(const ServiceSpec &caller, std::size_t callIndex);

/// Whether the scenario uses a key that only version 2 has (then it is saved as version 2).
bool usesVersion2(const Scenario &scenario);

/// Whether the scenario is a graph (some service makes calls or has more than one replica).
bool isGraph(const Scenario &scenario);

} // namespace reslab
