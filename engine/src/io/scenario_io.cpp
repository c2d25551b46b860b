#include "reslab/io/scenario_io.h"

namespace reslab {

std::string ScenarioError::toString() const
{
    if (path.empty())
        return message;
    return path + ": " + message;
}

} // namespace reslab
