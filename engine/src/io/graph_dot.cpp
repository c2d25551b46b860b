#include "reslab/io/graph_dot.h"

#include "reslab/model/graph.h"
#include "reslab/stages/stage_pattern.h"

#include <cmath>
#include <cstdio>

namespace reslab {
namespace {

/// A DOT string: quotes escaped; backslashes are left as they are, so that labels can break lines
/// with the escape \n (names are plain keys and have none).
std::string quoted(const std::string &s)
{
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string number(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

} // namespace

std::string pipelineLabel(const std::vector<StageSpec> &pipeline)
{
    std::string label;
    for (const StageSpec &s : pipeline) {
        if (!s.enabled)
            continue;
        if (!label.empty())
            label += " \xc2\xb7 "; // a middle dot
        label += std::string(s.typeName());
        if (s.is<TimeoutSpec>())
            label += " " + number(s.as<TimeoutSpec>().timeoutMs) + " ms";
        else if (s.is<RetrySpec>())
            label += " x" + std::to_string(s.as<RetrySpec>().maxRetries);
    }
    return label.empty() ? "direct" : label;
}

std::string scenarioToDot(const Scenario &scenario)
{
    std::string dot = "digraph services {\n"
                      "  rankdir=LR;\n"
                      "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef3fb\", "
                      "fontname=\"Helvetica\", fontsize=11];\n"
                      "  edge [fontname=\"Helvetica\", fontsize=9];\n"
                      "  \"client\" [shape=plaintext, style=\"\", label=\"client\"];\n";
    for (const auto &[name, svc] : scenario.services) {
        std::string label = name;
        if (svc.replicas > 1)
            label += "\\n" + std::to_string(svc.replicas) + " replicas";
        if (svc.concurrency > 0)
            label += "\\n" + std::to_string(svc.concurrency) + " slots";
        dot += "  " + quoted(name) + " [label=" + quoted(label) + "];\n";
    }
    for (const EdgeRef &e : scenarioEdges(scenario)) {
        std::string label = pipelineLabel(*e.pipeline);
        std::string style;
        if (!e.isClient()) {
            const CallSpec &call = scenario.services.at(e.caller).calls[e.callIndex];
            if (call.probability < 1)
                label += "\\n" + number(std::round(call.probability * 1000) / 10) + " %";
            if (!call.required)
                style = ", style=dashed";
        }
        dot += "  " + quoted(e.caller) + " -> " + quoted(e.callee) + " [id=" + quoted(e.name) +
               ", label=" + quoted(label) + style + "];\n";
    }
    dot += "}\n";
    return dot;
}

} // namespace reslab
