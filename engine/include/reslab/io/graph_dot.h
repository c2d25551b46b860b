#pragma once

// A scenario's service graph as Graphviz DOT text (`resilience-lab graph --format dot`, and the
// input of the topology view's layout): the client and every service as nodes, every edge with
// its name as `id` and its pipeline as the label.

#include "reslab/model/scenario.h"

#include <string>

namespace reslab {

/// The DOT text: `digraph services { rankdir=LR; ... }`. Node names are the service names
/// (and "client"); each edge carries `id="EDGE"` so that a layout can be matched back.
std::string scenarioToDot(const Scenario &scenario);

/// The short label of a pipeline as drawn on its edge: "timeout 300 ms · circuit_breaker";
/// "direct" when it has no enabled stage.
std::string pipelineLabel(const std::vector<StageSpec> &pipeline);

} // namespace reslab
