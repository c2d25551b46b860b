#include "reslab/stages/stage_pattern.h"

#include "reslab/model/scenario.h"
#include "stages/stage_codec.h"

#include <utility>

namespace reslab {
namespace {

template <std::size_t... I>
std::vector<const StagePattern *> patternsOf(std::index_sequence<I...>)
{
    return {&std::variant_alternative_t<I, StageOptions>::pattern()...};
}

} // namespace

const std::vector<const StagePattern *> &stagePatterns()
{
    static const std::vector<const StagePattern *> all =
        patternsOf(std::make_index_sequence<std::variant_size_v<StageOptions>>{});
    return all;
}

const StagePattern *findStagePattern(std::string_view key)
{
    for (const StagePattern *p : stagePatterns()) {
        if (p->key == key)
            return p;
    }
    return nullptr;
}

namespace {
template <std::size_t... I>
bool emplaceByKey(std::string_view key, StageOptions &out, std::index_sequence<I...>)
{
    return ((std::variant_alternative_t<I, StageOptions>::pattern().key == key
                 ? (out.emplace<I>(), true)
                 : false) ||
            ...);
}
} // namespace

bool makeStage(std::string_view key, StageSpec &out)
{
    return emplaceByKey(key, out.options,
                        std::make_index_sequence<std::variant_size_v<StageOptions>>{});
}

const StagePattern &StageSpec::pattern() const
{
    return *stagePatterns()[options.index()];
}

std::string_view StageSpec::typeName() const
{
    return pattern().key;
}

namespace io {

const Keys &stageCommonKeys()
{
    static const Keys keys{"type", "name", "enabled"};
    return keys;
}

std::vector<KeyGroup> otherStageTypes(const StagePattern &self)
{
    std::vector<KeyGroup> groups;
    const std::string context = "stage type " + std::string(self.key);
    for (const StagePattern *p : stagePatterns()) {
        if (p != &self)
            groups.push_back({"stage type", std::string(p->key), p->keys(), context});
    }
    return groups;
}

} // namespace io
} // namespace reslab
