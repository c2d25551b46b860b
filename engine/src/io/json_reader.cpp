#include "io/json_reader.h"

#include <charconv>
#include <cstdio>

namespace reslab::io {

namespace {
constexpr std::size_t kMaxShownValueChars = 80;

/// Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps.
std::size_t editDistance(std::string_view a, std::string_view b)
{
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1, 0));
    for (std::size_t i = 0; i <= n; ++i)
        d[i][0] = i;
    for (std::size_t j = 0; j <= m; ++j)
        d[0][j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}
} // namespace

// ------------------------------------------------------------------------------------------------
// Text helpers.

/// A number as a person writes it: integers without a fraction, others in shortest round-trip form.
std::string formatNumber(double v)
{
    if (std::isnan(v))
        return "nan";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        return std::to_string(static_cast<long long>(v));
    std::array<char, 64> buf{};
    const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    return std::string(buf.data(), res.ptr);
}

/// Copies valid UTF-8 and writes any other byte as \xNN, so messages are always printable.
std::string sanitizeUtf8(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        if (b < 0x80)
            len = 1;
        else if (b >= 0xC2 && b <= 0xDF)
            len = 2;
        else if (b >= 0xE0 && b <= 0xEF)
            len = 3;
        else if (b >= 0xF0 && b <= 0xF4)
            len = 4;
        bool valid = len > 0 && i + len <= s.size();
        for (std::size_t k = 1; valid && k < len; ++k)
            valid = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
        if (valid) {
            out.append(s.substr(i, len));
            i += len;
        } else {
            std::array<char, 8> hex{};
            std::snprintf(hex.data(), hex.size(), "\\x%02X", static_cast<unsigned>(b));
            out += hex.data();
            ++i;
        }
    }
    return out;
}

/// A JSON value as it would appear in the file, shortened for messages.
std::string jsonText(const json &v)
{
    if (v.is_number_float() && !std::isfinite(v.get<double>()))
        return formatNumber(v.get<double>());
    std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
    if (s.size() > kMaxShownValueChars) {
        std::size_t cut = kMaxShownValueChars - 3;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
            --cut; // never split a UTF-8 sequence
        s = s.substr(0, cut) + "...";
    }
    return s;
}

/// "string \"abc\"", "number 5", "an array", ... for "expected X, got Y" messages.
std::string describe(const json &v)
{
    switch (v.type()) {
    case json::value_t::null:
        return "null";
    case json::value_t::boolean:
        return "boolean " + jsonText(v);
    case json::value_t::string:
        return "string " + jsonText(v);
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return "number " + jsonText(v);
    case json::value_t::object:
        return "an object";
    case json::value_t::array:
        return "an array";
    case json::value_t::binary:
        return "binary data";
    case json::value_t::discarded:
        break;
    }
    return "nothing";
}

std::string jsonQuoted(std::string_view s)
{
    return json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
}

bool isPlainKey(std::string_view k)
{
    if (k.empty())
        return false;
    return std::all_of(k.begin(), k.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
               ch == '_' || ch == '-' || ch == '.';
    });
}

/// `parent.key`, or `parent["odd key"]` when the key has characters a path cannot show plainly.
std::string keyPath(const std::string &parent, std::string_view key)
{
    if (!isPlainKey(key))
        return parent + "[" + jsonQuoted(key) + "]";
    if (parent.empty())
        return std::string(key);
    return parent + "." + std::string(key);
}

std::string indexPath(const std::string &parent, std::size_t i)
{
    return parent + "[" + std::to_string(i) + "]";
}

/// The candidate within 2 edits of `word` (and closer than the word's own length), if any.
std::optional<std::string_view> closest(std::string_view word, const Keys &candidates)
{
    if (word.size() > 200)
        return std::nullopt;
    std::optional<std::string_view> best;
    std::size_t bestDistance = 3;
    for (std::string_view c : candidates) {
        const std::size_t dist = editDistance(word, c);
        if (dist < bestDistance && dist < word.size()) {
            bestDistance = dist;
            best = c;
        }
    }
    return best;
}

std::string joinList(const Keys &items, std::string_view sep)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += sep;
        out += items[i];
    }
    return out;
}

Keys plus(Keys a, const Keys &b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

/// Integral values as JSON integers (so files read "120", not "120.0"); others as doubles.
json num(double v)
{
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9007199254740992.0)
        return json(static_cast<std::int64_t>(v));
    return json(v);
}

std::optional<double> readNumber(Checker &c, const json &v, const std::string &path, const Range &r)
{
    if (!v.is_number()) {
        c.error(path, "expected a number, got " + describe(v));
        return std::nullopt;
    }
    const double d = v.get<double>();
    if (!r.contains(d)) {
        c.error(path, r.rule(d) + " (got " + jsonText(v) + ")");
        return std::nullopt;
    }
    return d;
}

/// Integer in `r` (which must be bounded well inside int64). 3.0 is an integer; 2.5 is not.
std::optional<std::int64_t> readInteger(Checker &c, const json &v, const std::string &path,
                                        const Range &r)
{
    if (!v.is_number()) {
        c.error(path, "expected an integer, got " + describe(v));
        return std::nullopt;
    }
    const double d = v.get<double>(); // range first, in double: never converts a huge value
    if (!r.contains(d)) {
        c.error(path, r.rule(d) + " (got " + jsonText(v) + ")");
        return std::nullopt;
    }
    if (v.is_number_float()) {
        if (d != std::floor(d)) {
            c.error(path, "expected an integer, got " + jsonText(v));
            return std::nullopt;
        }
        return static_cast<std::int64_t>(d);
    }
    if (v.is_number_unsigned())
        return static_cast<std::int64_t>(v.get<std::uint64_t>());
    return v.get<std::int64_t>();
}

std::optional<bool> readBool(Checker &c, const json &v, const std::string &path)
{
    if (!v.is_boolean()) {
        c.error(path, "expected true or false, got " + describe(v));
        return std::nullopt;
    }
    return v.get<bool>();
}

std::optional<std::string> readString(Checker &c, const json &v, const std::string &path)
{
    if (!v.is_string()) {
        c.error(path, "expected a string, got " + describe(v));
        return std::nullopt;
    }
    return v.get<std::string>();
}

/// "policy polly", or "load type poisson, constant or closed" for several of one kind.
std::string ownersText(const std::vector<const KeyGroup *> &groups)
{
    std::string out;
    const bool sameLabel = std::all_of(groups.begin(), groups.end(), [&](const KeyGroup *g) {
        return g->label == groups.front()->label;
    });
    for (std::size_t i = 0; i < groups.size(); ++i) {
        if (i > 0)
            out += i + 1 == groups.size() ? " or " : ", ";
        if (i == 0 || !sameLabel)
            out += groups[i]->label + " ";
        out += groups[i]->variant;
    }
    return out;
}

/// Phases must come in time order; `last` carries the previous phase's at_s.
void checkPhaseOrder(const JsonObject &o, double atS, bool atOk, std::optional<double> &last)
{
    if (!atOk)
        return;
    if (last && atS < *last) {
        o.checker().error(o.sub("at_s"), "must be >= " + formatNumber(*last) +
                                             ", the previous phase's at_s (phases are listed in "
                                             "time order) (got " +
                                             formatNumber(atS) + ")");
    }
    last = atS;
}

// ------------------------------------------------------------------------------------------------
// Outcome lists.

Keys failureOutcomeNames()
{
    Keys names;
    for (int i = 0; i < kOutcomeCount; ++i) {
        const auto o = static_cast<Outcome>(i);
        if (isFailure(o))
            names.push_back(outcomeName(o));
    }
    return names;
}

/// `record`, `retry_on`, `handle`: an array of failure outcome names.
bool readOutcomes(const JsonObject &o, std::string_view key, OutcomeSet &out)
{
    const json *v = o.find(key);
    if (v == nullptr)
        return false;
    Checker &c = o.checker();
    const Keys names = failureOutcomeNames();
    OutcomeSet set;
    bool ok = true;
    forEachElement(c, *v, o.sub(key), "outcome names such as [\"error\", \"timeout\"]",
                   [&](const json &e, const std::string &p, std::size_t) {
                       if (!e.is_string()) {
                           c.error(p, "expected an outcome name (one of " + joinList(names) +
                                          "), got " + describe(e));
                           ok = false;
                           return;
                       }
                       const auto &s = e.get_ref<const std::string &>();
                       const auto outcome = parseOutcome(s);
                       if (outcome && isFailure(*outcome)) {
                           set.insert(*outcome);
                           return;
                       }
                       ok = false;
                       if (outcome) {
                           c.error(p, jsonQuoted(s) + " is not a failure outcome (must be one of " +
                                          joinList(names) + ")");
                           return;
                       }
                       std::string msg =
                           "must be one of " + joinList(names) + " (got " + jsonText(e) + ")";
                       if (auto near = closest(s, names))
                           msg += ", did you mean \"" + std::string(*near) + "\"?";
                       c.error(p, msg);
                   });
    if (ok && v->is_array())
        out = set;
    return ok && v->is_array();
}

void writeOutcomes(json &j, std::string_view key, const OutcomeSet &set)
{
    json arr = json::array();
    for (int i = 0; i < kOutcomeCount; ++i) {
        const auto o = static_cast<Outcome>(i);
        if (set.contains(o))
            arr.push_back(std::string(outcomeName(o)));
    }
    j[std::string(key)] = std::move(arr);
}

std::string serviceList(const std::vector<std::string> &names)
{
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0)
            out += ", ";
        out += isPlainKey(names[i]) ? names[i] : jsonQuoted(names[i]);
    }
    return out;
}

/// `name` must be one of `services`.
void checkServiceRef(Checker &c, const std::string &path, const std::string &name,
                     const std::vector<std::string> &services)
{
    if (std::find(services.begin(), services.end(), name) != services.end())
        return;
    std::string msg =
        jsonQuoted(name) + " names no service (services are: " + serviceList(services) + ")";
    const Keys candidates(services.begin(), services.end());
    if (auto near = closest(name, candidates))
        msg += ", did you mean \"" + std::string(*near) + "\"?";
    c.error(path, msg);
}

/// nlohmann's message without its "[json.exception.parse_error.101] " prefix.
std::string jsonExceptionText(const char *what)
{
    std::string_view s(what);
    if (!s.empty() && s.front() == '[') {
        const std::size_t close = s.find("] ");
        if (close != std::string_view::npos)
            s.remove_prefix(close + 2);
    }
    return sanitizeUtf8(s);
}

} // namespace reslab::io
