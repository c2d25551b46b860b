#pragma once

// The editor's parameter catalogue is the engine's parameter schema (reslab/model/parameter_schema.h):
// one row per option with its range, default, unit and help, contributed by each stage type and
// breaker policy. The editor builds its fields from it; nothing here is kept beside it.

#include "reslab/model/parameter_schema.h"

namespace reslab::ui {

using reslab::contextForPath;
using reslab::findParameter;
using reslab::ParamInfo;
using reslab::ParamKind;
using reslab::parameterCatalog;
using reslab::parameterForPath;
using reslab::parametersIn;
using reslab::SliderScale;

/// The distinct contexts, in catalogue order.
inline std::vector<std::string_view> contexts()
{
    return reslab::parameterContexts();
}

} // namespace reslab::ui
