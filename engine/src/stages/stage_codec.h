#pragma once

// What every stage type's codec shares: the keys every stage has, and the keys of the other stage
// types (a key of another type is reported as such, not as a typo).

#include "io/json_reader.h"
#include "reslab/model/scenario.h"
#include "reslab/stages/stage_pattern.h"

namespace reslab::io {

/// `type`, `name`, `enabled`.
const Keys &stageCommonKeys();
/// The keys of every stage type but `self`, for "not a key of stage type X" messages.
std::vector<KeyGroup> otherStageTypes(const StagePattern &self);
/// The row (context, key) of the schema: codecs read their ranges from it.
inline const ParamInfo &row(std::string_view context, std::string_view key)
{
    return parameter(context, key);
}

/// StagePattern::sameShape for a type whose running stage takes any new options of its type.
inline bool anyOptionsReconfigure(const StageSpec &, const StageSpec &)
{
    return true;
}

} // namespace reslab::io
