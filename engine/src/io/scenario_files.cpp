// Scenario text and files: size and nesting limits, JSON syntax, duplicate keys; then the reader.
#include "reslab/io/scenario_io.h"

#include "io/json_reader.h"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <set>
#include <system_error>

namespace reslab {
namespace {
using namespace io;

/// Rejects bracket nesting deeper than the limit without recursing (strings are skipped).
std::optional<ScenarioError> checkNesting(std::string_view text)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    std::size_t line = 1;
    std::size_t column = 0;
    for (const char ch : text) {
        ++column;
        if (ch == '\n') {
            ++line;
            column = 0;
        }
        if (inString) {
            if (escaped)
                escaped = false;
            else if (ch == '\\')
                escaped = true;
            else if (ch == '"')
                inString = false;
            continue;
        }
        switch (ch) {
        case '"':
            inString = true;
            break;
        case '[':
        case '{':
            if (++depth > limits::kMaxNestingDepth)
                return ScenarioError{"", "nesting deeper than " +
                                             std::to_string(limits::kMaxNestingDepth) +
                                             " levels (at line " + std::to_string(line) +
                                             ", column " + std::to_string(column) + ")"};
            break;
        case ']':
        case '}':
            if (depth > 0)
                --depth;
            break;
        default:
            break;
        }
    }
    return std::nullopt;
}

/// Tracks the path of each value while nlohmann parses, to report duplicate keys.
class DuplicateKeyFinder
{
public:
    explicit DuplicateKeyFinder(std::vector<ScenarioError> &errors)
        : m_errors(errors)
    {}

    bool operator()(int /*depth*/, json::parse_event_t event, json &parsed)
    {
        switch (event) {
        case json::parse_event_t::object_start:
        case json::parse_event_t::array_start:
            m_frames.push_back({event == json::parse_event_t::array_start, 0, {}, {}, nextPath()});
            break;
        case json::parse_event_t::object_end:
        case json::parse_event_t::array_end:
            if (!m_frames.empty())
                m_frames.pop_back();
            break;
        case json::parse_event_t::key:
            if (!m_frames.empty() && parsed.is_string()) {
                Frame &f = m_frames.back();
                f.key = parsed.get<std::string>();
                if (!f.keys.insert(f.key).second)
                    m_errors.push_back({keyPath(f.path, f.key),
                                        "duplicate key (each key may appear once in an object)"});
            }
            break;
        case json::parse_event_t::value:
            nextPath();
            break;
        }
        return true;
    }

private:
    struct Frame
    {
        bool array = false;
        std::size_t next = 0; ///< arrays: index of the next element
        std::string key;      ///< objects: the key being read
        std::set<std::string> keys;
        std::string path;
    };

    /// The path of the value starting now (and advances the enclosing array's index).
    std::string nextPath()
    {
        if (m_frames.empty())
            return {};
        Frame &f = m_frames.back();
        if (f.array)
            return indexPath(f.path, f.next++);
        return keyPath(f.path, f.key);
    }

    std::vector<ScenarioError> &m_errors;
    std::vector<Frame> m_frames;
};

ScenarioParse failWith(std::string message)
{
    ScenarioParse r;
    r.errors.push_back({"", std::move(message)});
    return r;
}

std::string formatMiB(std::uintmax_t bytes)
{
    std::array<char, 32> buf{};
    std::snprintf(buf.data(), buf.size(), "%.1f", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buf.data();
}

} // namespace

ScenarioParse parseScenarioText(std::string_view text)
{
    if (text.empty())
        return failWith("empty file");
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return failWith("empty file (only whitespace)");
    if (auto err = checkNesting(text)) {
        ScenarioParse r;
        r.errors.push_back(*err);
        return r;
    }
    std::vector<ScenarioError> duplicates;
    json doc;
    try {
        DuplicateKeyFinder finder(duplicates);
        doc = json::parse(text.data(), text.data() + text.size(),
                          [&finder](int depth, json::parse_event_t event, json &parsed) {
                              return finder(depth, event, parsed);
                          });
    } catch (const json::exception &e) {
        return failWith("invalid JSON: " + jsonExceptionText(e.what()));
    }
    ScenarioParse r = parseScenario(doc);
    if (!duplicates.empty()) {
        r.scenario.reset();
        duplicates.insert(duplicates.end(), r.errors.begin(), r.errors.end());
        r.errors = std::move(duplicates);
    }
    return r;
}

ScenarioParse loadScenarioFile(const std::string &filePath)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status st = fs::status(filePath, ec);
    if (st.type() == fs::file_type::not_found)
        return failWith("cannot open " + filePath + ": " +
                        std::make_error_code(std::errc::no_such_file_or_directory).message());
    if (ec)
        return failWith("cannot open " + filePath + ": " + ec.message());
    if (fs::is_directory(st))
        return failWith(filePath + " is a directory");
    const std::string limitText =
        "scenario files are limited to " + std::to_string(limits::kMaxFileBytes >> 20) + " MiB";
    if (fs::is_regular_file(st)) {
        const std::uintmax_t size = fs::file_size(filePath, ec);
        if (!ec && size > limits::kMaxFileBytes)
            return failWith(filePath + " is " + formatMiB(size) + " MiB; " + limitText);
    }

    std::ifstream in(filePath, std::ios::binary);
    if (!in) {
        const int err = errno;
        return failWith("cannot open " + filePath + ": " +
                        std::error_code(err != 0 ? err : EIO, std::generic_category()).message());
    }
    // Read at most one byte past the limit: pipes and devices have no size to check first.
    std::string text;
    std::array<char, 65536> chunk{};
    while (text.size() <= limits::kMaxFileBytes) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const std::streamsize got = in.gcount();
        if (got <= 0)
            break;
        text.append(chunk.data(), static_cast<std::size_t>(got));
    }
    if (in.bad())
        return failWith("cannot read " + filePath + ": " +
                        std::error_code(EIO, std::generic_category()).message());
    if (text.size() > limits::kMaxFileBytes)
        return failWith(filePath + " is larger than " +
                        std::to_string(limits::kMaxFileBytes >> 20) + " MiB; " + limitText);
    return parseScenarioText(text);
}

} // namespace reslab
