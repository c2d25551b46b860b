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

} // namespace reslab::io
