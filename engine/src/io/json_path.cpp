#include "reslab/io/json_path.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>

namespace reslab {

std::optional<std::vector<std::string>> splitScenarioPath(const std::string &path)
{
    std::vector<std::string> parts;
    std::string cur;
    bool afterIndex = false;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const char c = path[i];
        if (c == '.') {
            if (cur.empty() && !afterIndex)
                return std::nullopt;
            if (!cur.empty())
                parts.push_back(cur);
            cur.clear();
            afterIndex = false;
        } else if (c == '[') {
            if (cur.empty() && !afterIndex)
                return std::nullopt;
            if (!cur.empty())
                parts.push_back(cur);
            cur.clear();
            const std::size_t close = path.find(']', i);
            if (close == std::string::npos || close == i + 1)
                return std::nullopt;
            const std::string index = path.substr(i + 1, close - i - 1);
            if (index.find_first_not_of("0123456789") != std::string::npos)
                return std::nullopt;
            parts.push_back(index);
            i = close;
            afterIndex = true;
        } else {
            if (afterIndex)
                return std::nullopt; // `a[1]b`
            cur += c;
        }
    }
    if (!cur.empty())
        parts.push_back(cur);
    else if (!afterIndex)
        return std::nullopt;
    if (parts.empty())
        return std::nullopt;
    return parts;
}

std::optional<std::string> setNumberAtPath(nlohmann::json &doc, const std::string &path,
                                           double value)
{
    const auto parts = splitScenarioPath(path);
    if (!parts)
        return "\"" + path + "\" is not a path (use keys and [index], e.g. pipeline[1].timeout_ms)";
    if (!std::isfinite(value))
        return "the value for " + path + " is not a finite number";
    nlohmann::json *node = &doc;
    std::string where;
    for (std::size_t i = 0; i < parts->size(); ++i) {
        const std::string &key = (*parts)[i];
        const bool last = i + 1 == parts->size();
        if (node->is_array()) {
            const std::size_t index = std::stoul(key);
            if (index >= node->size())
                return where + "[" + key + "] does not exist (" + where + " has " +
                       std::to_string(node->size()) + " items)";
            node = &(*node)[index];
            where += "[" + key + "]";
        } else if (node->is_object()) {
            where += (where.empty() ? "" : ".") + key;
            if (!node->contains(key)) {
                if (!last)
                    return where + " does not exist in the scenario";
                (*node)[key] = 0;
            }
            node = &(*node)[key];
        } else {
            return where + " is not an object or a list";
        }
        if (last && !node->is_number() && !node->is_null())
            return path + " is not a number in the scenario";
    }
    const double whole = std::round(value);
    if (whole == value && std::fabs(value) < 9.0e15)
        *node = static_cast<std::int64_t>(whole);
    else
        *node = value;
    return std::nullopt;
}

} // namespace reslab
