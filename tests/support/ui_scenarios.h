#pragma once
// Small scripted scenarios shared by the GUI suites (views, flow model): one service
// ("payments") answering from a script, requests at given times, and the stages they use.
#include "reslab/model/scenario.h"

#include <string>
#include <utility>
#include <vector>

namespace reslab::ui::test {

inline ScriptedOutcome ok(double ms = 10)
{
    return {true, ms};
}
inline ScriptedOutcome error(double ms = 10)
{
    return {false, ms};
}

/// One service ("payments") answering from `script`, requests arriving at `arrivalsMs`.
inline Scenario scripted(std::vector<ScriptedOutcome> script, std::vector<double> arrivalsMs,
                         std::vector<StageSpec> pipeline)
{
    Scenario s;
    s.name = "scripted";
    s.seed = 7;
    s.durationS = 10;
    s.bucketMs = 1000;
    s.load.type = LoadSpec::Type::Script;
    s.load.atMs = std::move(arrivalsMs);
    ServiceSpec svc;
    svc.name = "payments";
    svc.latency = LatencySpec::constant(10);
    svc.script = std::move(script);
    s.services["payments"] = svc;
    s.target = "payments";
    s.pipeline = std::move(pipeline);
    return s;
}

} // namespace reslab::ui::test
