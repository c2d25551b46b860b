#include "reslab/model/graph.h"

#include "reslab/stages/stage_pattern.h"

namespace reslab {

std::string callEdgeName(const ServiceSpec &caller, std::size_t callIndex)
{
    const std::string &to = caller.calls[callIndex].to;
    std::size_t k = 1;
    for (std::size_t i = 0; i < callIndex; ++i)
        k += caller.calls[i].to == to ? 1 : 0;
    std::string name = caller.name + "->" + to;
    if (k > 1)
        name += "#" + std::to_string(k);
    return name;
}

std::vector<EdgeRef> scenarioEdges(const Scenario &scenario)
{
    std::vector<EdgeRef> edges;
    edges.push_back({.name = "client->" + scenario.target,
                     .caller = "client",
                     .callee = scenario.target,
                     .callIndex = EdgeRef::kClientEdge,
                     .pipeline = &scenario.pipeline,
                     .path = "pipeline"});
    for (const auto &[name, svc] : scenario.services) {
        for (std::size_t i = 0; i < svc.calls.size(); ++i) {
            edges.push_back(
                {.name = callEdgeName(svc, i),
                 .caller = name,
                 .callee = svc.calls[i].to,
                 .callIndex = i,
                 .pipeline = &svc.calls[i].pipeline,
                 .path = "services." + name + ".calls[" + std::to_string(i) + "].pipeline"});
        }
    }
    return edges;
}

namespace {
bool pipelineUsesVersion2(const std::vector<StageSpec> &pipeline)
{
    for (const StageSpec &s : pipeline) {
        if (s.pattern().version > 1)
            return true;
    }
    return false;
}
} // namespace

bool usesVersion2(const Scenario &scenario)
{
    if (!scenario.layout.empty() || !scenario.i18n.empty() ||
        pipelineUsesVersion2(scenario.pipeline))
        return true;
    for (const auto &[name, svc] : scenario.services) {
        if (!svc.calls.empty() || svc.callMode != CallMode::Sequential || svc.replicas != 1 ||
            svc.loadBalancer != LoadBalancer::RoundRobin)
            return true;
        for (const ServicePhase &p : svc.phases) {
            if (p.state || !p.replicas.empty())
                return true;
        }
    }
    return false;
}

bool isGraph(const Scenario &scenario)
{
    for (const auto &[name, svc] : scenario.services) {
        if (!svc.calls.empty() || svc.replicas > 1)
            return true;
    }
    return false;
}

} // namespace reslab
