#include "reslab/model/scenario.h"

#include "reslab/stages/stage_pattern.h"

#include <algorithm>

namespace reslab {

std::string defaultStageName(const std::vector<StageSpec> &pipeline, std::size_t index)
{
    const std::size_t type = pipeline[index].options.index();
    const auto same = std::count_if(pipeline.begin(), pipeline.end(), [type](const StageSpec &s) {
        return s.options.index() == type;
    });
    std::string name(pipeline[index].typeName());
    if (same > 1)
        name += "#" + std::to_string(index);
    return name;
}

} // namespace reslab
