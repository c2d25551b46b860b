#include "reslab/model/presets.h"

#include <cstddef>
#include <utility>

namespace reslab {
namespace detail {
extern const std::pair<std::string_view, std::string_view> kPresetTable[];
extern const std::size_t kPresetCount;
} // namespace detail

std::vector<Preset> presets()
{
    std::vector<Preset> list;
    list.reserve(detail::kPresetCount);
    for (std::size_t i = 0; i < detail::kPresetCount; ++i)
        list.push_back({detail::kPresetTable[i].first, detail::kPresetTable[i].second});
    return list;
}

std::optional<Preset> findPreset(std::string_view name)
{
    for (const Preset &p : presets()) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

} // namespace reslab
