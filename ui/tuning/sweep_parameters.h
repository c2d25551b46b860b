#pragma once

#include <nlohmann/json_fwd.hpp>

#include <QString>

#include <string>
#include <vector>

namespace reslab {
struct ParamInfo;
}

namespace reslab::ui {

/// A numeric parameter of a scenario that a sweep can vary.
struct SweepParameter
{
    std::string path;      ///< JSON path, as `sweep --param` takes it
    QString label;         ///< "Service api · failure rate"
    const ParamInfo *info; ///< its catalogue row (label, unit, range, display scale)
    double current = 0;    ///< the scenario's value (or the default), JSON units
    bool present = false;  ///< false: absent, `current` is the default
};

/// The catalogued numeric parameters of `doc`: every number it holds that the catalogue knows,
/// and the absent keys that have a default, in document order (scenario, load, services, stages).
std::vector<SweepParameter> sweepParameters(const nlohmann::json &doc);

/// The label, unit and display scale of `path` in `doc`: the catalogue's, else the path itself.
struct AxisPresentation
{
    QString title;    ///< "failure rate (%)"
    QString unit;     ///< "%"
    double scale = 1; ///< shown value = JSON value x scale
    int decimals = 3;
};
AxisPresentation axisPresentation(const nlohmann::json &doc, const std::string &path);

} // namespace reslab::ui
