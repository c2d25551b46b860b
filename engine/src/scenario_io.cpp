#include "reslab/scenario_io.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <system_error>
#include <utility>

namespace reslab {

using nlohmann::json;

std::string ScenarioError::toString() const
{
    if (path.empty())
        return message;
    return path + ": " + message;
}

namespace {

// ------------------------------------------------------------------------------------------------
// Limits beyond those in scenario_io.h (all documented in docs/scenario.md).

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kMaxDurationS = 30.0 * 24 * 3600;     ///< 30 days
constexpr double kMaxArrivalMs = kMaxDurationS * 1000; ///< script arrivals, bucket_ms
constexpr double kMaxMs = 1e9;                         ///< any latency, delay, timeout or wait
constexpr double kMaxRatePerS = 1e6;
constexpr double kDayMs = 86400000;
constexpr double kMaxWindow = 1e6; ///< count windows are allocated: sliding / half-open sizes
constexpr double kMaxConcurrency = 1e6;
constexpr double kMaxQueueLimit = 1e12;
constexpr double kIntMax = INT_MAX;
constexpr double kMaxMultiplier = 1000;
constexpr double kMaxBudgetRatio = 1000;
constexpr double kMaxRetriesPerS = 1e6;
constexpr double kMaxRetries = 100;
constexpr std::size_t kMaxShownValueChars = 80;

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

using Keys = std::vector<std::string_view>;

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

std::string joinList(const Keys &items, std::string_view sep = ", ")
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

// ------------------------------------------------------------------------------------------------
// Numeric ranges and their messages.

struct Range
{
    double lo = -kInf;
    double hi = kInf;
    bool loOpen = false;
    bool hiOpen = false;
    bool interval = false;    ///< describe as "in [lo, hi]" rather than by the violated side
    std::string_view hiLabel; ///< how to write hi, e.g. "1e9 ms"

    bool aboveLow(double v) const { return loOpen ? v > lo : v >= lo; }
    bool belowHigh(double v) const { return hiOpen ? v < hi : v <= hi; }
    bool contains(double v) const { return !std::isnan(v) && aboveLow(v) && belowHigh(v); }

    std::string lowText() const { return std::string(loOpen ? "> " : ">= ") + formatNumber(lo); }
    std::string highText() const
    {
        return std::string(hiOpen ? "< " : "<= ") +
               (hiLabel.empty() ? formatNumber(hi) : std::string(hiLabel));
    }
    std::string intervalText() const
    {
        return std::string(loOpen ? "(" : "[") + formatNumber(lo) + ", " +
               (hiLabel.empty() ? formatNumber(hi) : std::string(hiLabel)) + (hiOpen ? ")" : "]");
    }
    /// "must be > 0" (the rule that `v` breaks).
    std::string rule(double v) const
    {
        if (interval)
            return "must be in " + intervalText();
        const bool hasLow = lo > -kInf;
        const bool hasHigh = hi < kInf;
        if (std::isnan(v) && hasLow && hasHigh)
            return "must be " + lowText() + " and " + highText();
        if (hasLow && !aboveLow(v))
            return "must be " + lowText();
        return "must be " + highText();
    }
};

Range atLeast(double lo, double hi, std::string_view hiLabel = {})
{
    Range r;
    r.lo = lo;
    r.hi = hi;
    r.hiLabel = hiLabel;
    return r;
}

Range greaterThan(double lo, double hi, std::string_view hiLabel = {})
{
    Range r = atLeast(lo, hi, hiLabel);
    r.loOpen = true;
    return r;
}

Range within(double lo, double hi)
{
    Range r = atLeast(lo, hi);
    r.interval = true;
    return r;
}

const Range kMs = atLeast(0, kMaxMs, "1e9 ms");             ///< >= 0 ms
const Range kPositiveMs = greaterThan(0, kMaxMs, "1e9 ms"); ///< > 0 ms
const Range kProbability = within(0, 1);
const Range kAtS = atLeast(0, kMaxDurationS, "2592000 (30 days)");
const Range kPercent = [] {
    Range r = within(0, 100);
    r.loOpen = true;
    return r;
}();

// ------------------------------------------------------------------------------------------------
// Error collection and typed readers.

class Checker
{
public:
    void error(std::string path, std::string message)
    {
        m_errors.push_back({std::move(path), std::move(message)});
    }
    std::size_t count() const { return m_errors.size(); }
    std::vector<ScenarioError> take() { return std::move(m_errors); }

private:
    std::vector<ScenarioError> m_errors;
};

template <class E>
struct Named
{
    std::string_view name;
    E value;
};

template <class E, std::size_t N>
Keys namesOf(const std::array<Named<E>, N> &table)
{
    Keys names;
    for (const auto &n : table)
        names.push_back(n.name);
    return names;
}

template <class E, std::size_t N>
std::string_view nameOf(const std::array<Named<E>, N> &table, E value)
{
    for (const auto &n : table) {
        if (n.value == value)
            return n.name;
    }
    return table[0].name;
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

template <class E, std::size_t N>
std::optional<E> readChoice(Checker &c, const json &v, const std::string &path,
                            const std::array<Named<E>, N> &table)
{
    const Keys names = namesOf(table);
    if (v.is_string()) {
        const auto &s = v.get_ref<const std::string &>();
        for (const auto &n : table) {
            if (n.name == s)
                return n.value;
        }
    }
    std::string msg = "must be one of " + joinList(names) + " (got " + jsonText(v) + ")";
    if (v.is_string()) {
        if (auto near = closest(v.get_ref<const std::string &>(), names))
            msg += ", did you mean \"" + std::string(*near) + "\"?";
    }
    c.error(path, msg);
    return std::nullopt;
}

/// Keys that belong to a sibling variant (another policy, dist, load type, stage type...).
struct KeyGroup
{
    std::string label;   ///< "policy"
    std::string variant; ///< "polly"
    Keys keys;           ///< its keys
    std::string context; ///< what the object is, for the message: "policy consecutive"
};

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

enum class Need
{
    Optional,
    Required
};

/// A JSON object being validated at `path`.
class Obj
{
public:
    Obj(Checker &errors, const json &object, std::string path)
        : m_c(errors)
        , m_j(object)
        , m_path(std::move(path))
    {}

    const std::string &path() const { return m_path; }
    std::string sub(std::string_view key) const { return keyPath(m_path, key); }

    const json *find(std::string_view key) const
    {
        const auto it = m_j.find(std::string(key));
        return it == m_j.end() ? nullptr : &*it;
    }

    /// The value of `key`; a missing required key is an error.
    const json *get(std::string_view key, Need need) const
    {
        const json *v = find(key);
        if (v == nullptr && need == Need::Required)
            m_c.error(sub(key), "missing required key \"" + std::string(key) + "\"");
        return v;
    }

    /// Every key must be in `allowed`; keys of a sibling variant and typos get their own message.
    void checkKeys(const Keys &allowed, const std::vector<KeyGroup> &foreign = {}) const
    {
        for (const auto &item : m_j.items()) {
            const std::string &key = item.key();
            if (std::find(allowed.begin(), allowed.end(), key) != allowed.end())
                continue;
            std::vector<const KeyGroup *> owners;
            for (const KeyGroup &g : foreign) {
                if (std::find(g.keys.begin(), g.keys.end(), key) != g.keys.end())
                    owners.push_back(&g);
            }
            if (!owners.empty()) {
                m_c.error(sub(key), "not a key of " + owners.front()->context +
                                        " (it is a key of " + ownersText(owners) + ")");
                continue;
            }
            std::optional<std::string_view> near = closest(key, allowed);
            if (!near) {
                Keys others;
                for (const KeyGroup &g : foreign)
                    others.insert(others.end(), g.keys.begin(), g.keys.end());
                near = closest(key, others);
            }
            if (near)
                m_c.error(sub(key), "unknown key (did you mean \"" + std::string(*near) + "\"?)");
            else
                m_c.error(sub(key), "unknown key (known keys: " + joinList(allowed) + ")");
        }
    }

    /// Reads a number if present; true when a valid value was stored.
    bool number(std::string_view key, double &out, const Range &r, Need need = Need::Optional) const
    {
        const json *v = get(key, need);
        if (v == nullptr)
            return false;
        const auto d = readNumber(m_c, *v, sub(key), r);
        if (d)
            out = *d;
        return d.has_value();
    }

    bool optNumber(std::string_view key, std::optional<double> &out, const Range &r) const
    {
        double d = 0;
        if (!number(key, d, r))
            return false;
        out = d;
        return true;
    }

    template <class Int>
    bool integer(std::string_view key, Int &out, const Range &r, Need need = Need::Optional) const
    {
        const json *v = get(key, need);
        if (v == nullptr)
            return false;
        const auto n = readInteger(m_c, *v, sub(key), r);
        if (n)
            out = static_cast<Int>(*n);
        return n.has_value();
    }

    template <class Int>
    bool optInteger(std::string_view key, std::optional<Int> &out, const Range &r) const
    {
        Int n = 0;
        if (!integer(key, n, r))
            return false;
        out = n;
        return true;
    }

    bool boolean(std::string_view key, bool &out) const
    {
        const json *v = find(key);
        if (v == nullptr)
            return false;
        const auto b = readBool(m_c, *v, sub(key));
        if (b)
            out = *b;
        return b.has_value();
    }

    bool string(std::string_view key, std::string &out, Need need = Need::Optional) const
    {
        const json *v = get(key, need);
        if (v == nullptr)
            return false;
        auto s = readString(m_c, *v, sub(key));
        if (s)
            out = std::move(*s);
        return s.has_value();
    }

    /// An enumerated string; true when `out` is usable (valid, or absent and optional).
    template <class E, std::size_t N>
    bool choice(std::string_view key, E &out, const std::array<Named<E>, N> &table,
                Need need = Need::Optional) const
    {
        const json *v = get(key, need);
        if (v == nullptr)
            return need == Need::Optional;
        const auto e = readChoice(m_c, *v, sub(key), table);
        if (e)
            out = *e;
        return e.has_value();
    }

    Checker &checker() const { return m_c; }

private:
    Checker &m_c;
    const json &m_j;
    std::string m_path;
};

/// Calls `each(element, path, index)` for every element of an array (anything else is an error).
template <class Fn>
void forEachElement(Checker &c, const json &v, const std::string &path, std::string_view what,
                    Fn &&each)
{
    if (!v.is_array()) {
        c.error(path, "expected an array of " + std::string(what) + ", got " + describe(v));
        return;
    }
    for (std::size_t i = 0; i < v.size(); ++i)
        each(v[i], indexPath(path, i), i);
}

/// Like forEachElement, for arrays of objects: each element is checked to be an object first.
template <class Fn>
void forEachObject(Checker &c, const json &v, const std::string &path, std::string_view what,
                   Fn &&each)
{
    forEachElement(c, v, path, std::string(what) + " objects",
                   [&](const json &e, const std::string &p, std::size_t i) {
                       if (!e.is_object()) {
                           c.error(p, "expected an object (" + std::string(what) + "), got " +
                                          describe(e));
                           return;
                       }
                       each(Obj(c, e, p), i);
                   });
}

/// Phases must come in time order; `last` carries the previous phase's at_s.
void checkPhaseOrder(const Obj &o, double atS, bool atOk, std::optional<double> &last)
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
bool readOutcomes(const Obj &o, std::string_view key, OutcomeSet &out)
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

// ------------------------------------------------------------------------------------------------
// Latency distributions.

constexpr std::array<Named<LatencySpec::Dist>, 5> kDists{{
    {"constant", LatencySpec::Dist::Constant},
    {"uniform", LatencySpec::Dist::Uniform},
    {"exponential", LatencySpec::Dist::Exponential},
    {"normal", LatencySpec::Dist::Normal},
    {"lognormal", LatencySpec::Dist::Lognormal},
}};

Keys distKeys(LatencySpec::Dist d)
{
    switch (d) {
    case LatencySpec::Dist::Constant:
        return {"value"};
    case LatencySpec::Dist::Uniform:
        return {"min", "max"};
    case LatencySpec::Dist::Exponential:
        return {"mean"};
    case LatencySpec::Dist::Normal:
        return {"mean", "stddev"};
    case LatencySpec::Dist::Lognormal:
        return {"median", "p99"};
    }
    return {};
}

/// Key groups of every variant in `table` but `chosen`, for "not a key of ..." messages.
template <class E, std::size_t N, class KeysOf>
std::vector<KeyGroup> otherVariants(const std::array<Named<E>, N> &table, E chosen,
                                    std::string_view label, KeysOf keysOf)
{
    std::vector<KeyGroup> groups;
    const std::string context = std::string(label) + " " + std::string(nameOf(table, chosen));
    for (const auto &n : table) {
        if (n.value != chosen)
            groups.push_back({std::string(label), std::string(n.name), keysOf(n.value), context});
    }
    return groups;
}

template <class E, std::size_t N, class KeysOf>
Keys allVariantKeys(const std::array<Named<E>, N> &table, KeysOf keysOf)
{
    Keys all;
    for (const auto &n : table) {
        for (std::string_view k : keysOf(n.value)) {
            if (std::find(all.begin(), all.end(), k) == all.end())
                all.push_back(k);
        }
    }
    return all;
}

std::optional<LatencySpec> parseLatency(Checker &c, const json &v, const std::string &path)
{
    if (!v.is_object()) {
        c.error(path, "expected a distribution object such as {\"dist\": \"constant\", "
                      "\"value\": 5}, got " +
                          describe(v));
        return std::nullopt;
    }
    const std::size_t before = c.count();
    const Obj o(c, v, path);
    LatencySpec s;
    const bool known = o.choice("dist", s.dist, kDists, Need::Required);
    if (known)
        o.checkKeys(plus({"dist"}, distKeys(s.dist)),
                    otherVariants(kDists, s.dist, "dist", distKeys));
    else
        o.checkKeys(plus({"dist"}, allVariantKeys(kDists, distKeys)));
    if (!known)
        return std::nullopt;

    switch (s.dist) {
    case LatencySpec::Dist::Constant:
        o.number("value", s.value, kMs, Need::Required);
        break;
    case LatencySpec::Dist::Uniform: {
        const bool minOk = o.number("min", s.min, kMs, Need::Required);
        const bool maxOk = o.number("max", s.max, kMs, Need::Required);
        if (minOk && maxOk && s.max < s.min)
            c.error(o.sub("max"), "must be >= min (" + formatNumber(s.min) + ") (got " +
                                      formatNumber(s.max) + ")");
        break;
    }
    case LatencySpec::Dist::Exponential:
        o.number("mean", s.mean, kPositiveMs, Need::Required);
        break;
    case LatencySpec::Dist::Normal:
        o.number("mean", s.mean, kMs, Need::Required);
        o.number("stddev", s.stddev, kMs, Need::Required);
        break;
    case LatencySpec::Dist::Lognormal: {
        const bool medianOk = o.number("median", s.median, kPositiveMs, Need::Required);
        const bool p99Ok = o.number("p99", s.p99, kMs, Need::Required);
        if (medianOk && p99Ok && s.p99 < s.median)
            c.error(o.sub("p99"), "must be >= median (" + formatNumber(s.median) + ") (got " +
                                      formatNumber(s.p99) + ")");
        break;
    }
    }
    if (c.count() != before)
        return std::nullopt;
    return s;
}

/// Reads an optional distribution key into `out`.
template <class Out>
void latencyKey(const Obj &o, std::string_view key, Out &out, Need need = Need::Optional)
{
    if (const json *v = o.get(key, need)) {
        if (auto l = parseLatency(o.checker(), *v, o.sub(key)))
            out = *l;
    }
}

// ------------------------------------------------------------------------------------------------
// Load.

constexpr std::array<Named<LoadSpec::Type>, 4> kLoadTypes{{
    {"poisson", LoadSpec::Type::Poisson},
    {"constant", LoadSpec::Type::Constant},
    {"closed", LoadSpec::Type::Closed},
    {"script", LoadSpec::Type::Script},
}};

Keys loadKeys(LoadSpec::Type t)
{
    switch (t) {
    case LoadSpec::Type::Poisson:
    case LoadSpec::Type::Constant:
        return {"rate_per_s", "phases"};
    case LoadSpec::Type::Closed:
        return {"clients", "think_time_ms", "phases"};
    case LoadSpec::Type::Script:
        return {"at_ms"};
    }
    return {};
}

Keys loadPhaseKeys(LoadSpec::Type t)
{
    switch (t) {
    case LoadSpec::Type::Poisson:
    case LoadSpec::Type::Constant:
        return {"rate_per_s"};
    case LoadSpec::Type::Closed:
        return {"clients", "think_time_ms"};
    case LoadSpec::Type::Script:
        return {};
    }
    return {};
}

const Range kRate = atLeast(0, kMaxRatePerS);
const Range kClients = atLeast(1, limits::kMaxClients);

void parseLoad(Checker &c, const json &v, LoadSpec &l)
{
    const std::string path = "load";
    if (!v.is_object()) {
        c.error(path, "expected an object (the load), got " + describe(v));
        return;
    }
    const Obj o(c, v, path);
    const bool known = o.choice("type", l.type, kLoadTypes, Need::Required);
    if (!known) {
        o.checkKeys(plus({"type"}, allVariantKeys(kLoadTypes, loadKeys)));
        return;
    }
    o.checkKeys(plus({"type"}, loadKeys(l.type)),
                otherVariants(kLoadTypes, l.type, "load type", loadKeys));

    switch (l.type) {
    case LoadSpec::Type::Poisson:
    case LoadSpec::Type::Constant:
        o.number("rate_per_s", l.ratePerS, kRate, Need::Required);
        break;
    case LoadSpec::Type::Closed:
        o.integer("clients", l.clients, kClients, Need::Required);
        latencyKey(o, "think_time_ms", l.thinkTime);
        break;
    case LoadSpec::Type::Script:
        if (const json *at = o.get("at_ms", Need::Required)) {
            forEachElement(c, *at, o.sub("at_ms"), "arrival times in ms",
                           [&](const json &e, const std::string &p, std::size_t) {
                               if (auto t = readNumber(
                                       c, e, p, atLeast(0, kMaxArrivalMs, "2592000000 (30 days)")))
                                   l.atMs.push_back(*t);
                           });
        }
        return;
    }

    const json *phases = o.find("phases");
    if (phases == nullptr)
        return;
    const LoadSpec::Type type = l.type;
    std::optional<double> lastAt;
    forEachObject(c, *phases, o.sub("phases"), "load phase", [&](const Obj &p, std::size_t) {
        p.checkKeys(plus({"at_s"}, loadPhaseKeys(type)),
                    otherVariants(kLoadTypes, type, "load type", loadPhaseKeys));
        LoadPhase phase;
        const bool atOk = p.number("at_s", phase.atS, kAtS, Need::Required);
        checkPhaseOrder(p, phase.atS, atOk, lastAt);
        if (type == LoadSpec::Type::Closed) {
            p.optInteger("clients", phase.clients, kClients);
            latencyKey(p, "think_time_ms", phase.thinkTime);
        } else {
            p.optNumber("rate_per_s", phase.ratePerS, kRate);
        }
        l.phases.push_back(phase);
    });
}

// ------------------------------------------------------------------------------------------------
// Services.

const Keys kServiceKeys{"failure_rate", "latency_ms",  "error_latency_ms",
                        "concurrency",  "queue_limit", "latency_per_inflight_ms",
                        "phases",       "script"};
const Keys kServicePhaseKeys{
    "at_s",        "failure_rate",           "latency_ms", "error_latency_ms", "concurrency",
    "queue_limit", "latency_per_inflight_ms"};
const Range kConcurrency = atLeast(0, kMaxConcurrency);
const Range kQueueLimit = atLeast(0, kMaxQueueLimit);

bool isValidServiceName(std::string_view name)
{
    return isPlainKey(name);
}

/// "ok", "error", "ok:250", "error:12.5".
std::optional<ScriptedOutcome> parseScriptEntry(std::string_view s, std::string &problem)
{
    const std::size_t colon = s.find(':');
    const std::string_view head = s.substr(0, colon);
    ScriptedOutcome out;
    if (head == "ok")
        out.ok = true;
    else if (head == "error")
        out.ok = false;
    else
        return std::nullopt;
    if (colon == std::string_view::npos)
        return out;
    const std::string_view tail = s.substr(colon + 1);
    double ms = 0;
    const auto res = std::from_chars(tail.data(), tail.data() + tail.size(), ms);
    if (tail.empty() || res.ptr != tail.data() + tail.size() ||
        (res.ec != std::errc() && res.ec != std::errc::result_out_of_range))
        return std::nullopt;
    if (res.ec == std::errc::result_out_of_range || !kMs.contains(ms)) {
        problem = "latency must be in [0, 1e9] ms";
        return std::nullopt;
    }
    out.latencyMs = ms;
    return out;
}

std::string scriptEntryText(const ScriptedOutcome &e)
{
    std::string s = e.ok ? "ok" : "error";
    if (e.latencyMs) {
        std::array<char, 64> buf{};
        const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), *e.latencyMs);
        s += ":" + std::string(buf.data(), res.ptr);
    }
    return s;
}

void parseService(Checker &c, const json &v, const std::string &path, ServiceSpec &svc)
{
    if (!v.is_object()) {
        c.error(path, "expected an object (a service), got " + describe(v));
        return;
    }
    const Obj o(c, v, path);
    o.checkKeys(kServiceKeys);
    o.number("failure_rate", svc.failureRate, kProbability);
    latencyKey(o, "latency_ms", svc.latency, Need::Required);
    latencyKey(o, "error_latency_ms", svc.errorLatency);
    o.integer("concurrency", svc.concurrency, kConcurrency);
    o.optInteger("queue_limit", svc.queueLimit, kQueueLimit);
    o.number("latency_per_inflight_ms", svc.latencyPerInflightMs, kMs);

    if (const json *phases = o.find("phases")) {
        std::optional<double> lastAt;
        forEachObject(c, *phases, o.sub("phases"), "service phase", [&](const Obj &p, std::size_t) {
            p.checkKeys(kServicePhaseKeys);
            ServicePhase phase;
            const bool atOk = p.number("at_s", phase.atS, kAtS, Need::Required);
            checkPhaseOrder(p, phase.atS, atOk, lastAt);
            p.optNumber("failure_rate", phase.failureRate, kProbability);
            latencyKey(p, "latency_ms", phase.latency);
            latencyKey(p, "error_latency_ms", phase.errorLatency);
            p.optInteger("concurrency", phase.concurrency, kConcurrency);
            p.optInteger("queue_limit", phase.queueLimit, kQueueLimit);
            p.optNumber("latency_per_inflight_ms", phase.latencyPerInflightMs, kMs);
            svc.phases.push_back(phase);
        });
    }
    if (const json *script = o.find("script")) {
        forEachElement(c, *script, o.sub("script"), "outcomes such as \"ok\" or \"error:250\"",
                       [&](const json &e, const std::string &p, std::size_t) {
                           if (!e.is_string()) {
                               c.error(p, "expected a string such as \"ok\", \"error\" or "
                                          "\"ok:250\", got " +
                                              describe(e));
                               return;
                           }
                           std::string problem;
                           if (auto entry =
                                   parseScriptEntry(e.get_ref<const std::string &>(), problem)) {
                               svc.script.push_back(*entry);
                               return;
                           }
                           if (problem.empty())
                               problem = "must be \"ok\", \"error\", \"ok:MS\" or \"error:MS\" "
                                         "(MS: a latency in ms)";
                           c.error(p, problem + " (got " + jsonText(e) + ")");
                       });
    }
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

// ------------------------------------------------------------------------------------------------
// Pipeline stages.

constexpr std::array<Named<StageSpec::Type>, 4> kStageTypes{{
    {"circuit_breaker", StageSpec::Type::CircuitBreaker},
    {"retry", StageSpec::Type::Retry},
    {"timeout", StageSpec::Type::Timeout},
    {"fallback", StageSpec::Type::Fallback},
}};

constexpr std::array<Named<BreakerSpec::Policy>, 3> kPolicies{{
    {"consecutive", BreakerSpec::Policy::Consecutive},
    {"resilience4j", BreakerSpec::Policy::Resilience4j},
    {"polly", BreakerSpec::Policy::Polly},
}};

constexpr std::array<Named<BreakerSpec::WindowType>, 2> kWindowTypes{{
    {"count", BreakerSpec::WindowType::Count},
    {"time", BreakerSpec::WindowType::Time},
}};

constexpr std::array<Named<RetrySpec::Backoff>, 3> kBackoffs{{
    {"fixed", RetrySpec::Backoff::Fixed},
    {"linear", RetrySpec::Backoff::Linear},
    {"exponential", RetrySpec::Backoff::Exponential},
}};

constexpr std::array<Named<RetrySpec::Jitter>, 7> kJitters{{
    {"none", RetrySpec::Jitter::None},
    {"proportional", RetrySpec::Jitter::Proportional},
    {"randomized", RetrySpec::Jitter::Randomized},
    {"full", RetrySpec::Jitter::Full},
    {"equal", RetrySpec::Jitter::Equal},
    {"decorrelated", RetrySpec::Jitter::Decorrelated},
    {"polly_v2", RetrySpec::Jitter::PollyV2},
}};

constexpr std::array<Named<FallbackSpec::Mode>, 3> kModes{{
    {"static", FallbackSpec::Mode::Static},
    {"cache", FallbackSpec::Mode::Cache},
    {"service", FallbackSpec::Mode::Service},
}};

const Keys kStageCommonKeys{"type", "name", "enabled"};
const Keys kBreakerCommonKeys{"policy", "record", "half_open_max_calls", "automatic_transition"};
const Keys kRetryKeys{"max_retries",  "backoff", "base_ms",      "multiplier",
                      "max_delay_ms", "jitter",  "jitter_ratio", "randomization_factor",
                      "retry_on",     "budget"};
const Keys kBudgetKeys{"ratio", "min_retries_per_s", "ttl_ms"};
const Keys kTimeoutKeys{"timeout_ms", "cancel_inner"};
const Keys kFallbackCommonKeys{"mode", "handle"};

Keys policyKeys(BreakerSpec::Policy p)
{
    switch (p) {
    case BreakerSpec::Policy::Consecutive:
        return {"failure_threshold", "success_threshold", "reset_timeout_ms"};
    case BreakerSpec::Policy::Resilience4j:
        return {"sliding_window_type",
                "sliding_window_size",
                "minimum_number_of_calls",
                "failure_rate_threshold",
                "slow_call_rate_threshold",
                "slow_call_duration_threshold_ms",
                "permitted_number_of_calls_in_half_open_state",
                "wait_duration_in_open_state_ms",
                "max_wait_duration_in_half_open_state_ms",
                "automatic_transition_from_open_to_half_open_enabled"};
    case BreakerSpec::Policy::Polly:
        return {"failure_ratio", "minimum_throughput", "sampling_duration_ms", "break_duration_ms"};
    }
    return {};
}

Keys modeKeys(FallbackSpec::Mode m)
{
    switch (m) {
    case FallbackSpec::Mode::Static:
        return {};
    case FallbackSpec::Mode::Cache:
        return {"ttl_ms"};
    case FallbackSpec::Mode::Service:
        return {"service"};
    }
    return {};
}

/// Every key a stage of type `t` can have (whatever its policy or mode).
Keys stageTypeKeys(StageSpec::Type t)
{
    switch (t) {
    case StageSpec::Type::CircuitBreaker:
        return plus(kBreakerCommonKeys, allVariantKeys(kPolicies, policyKeys));
    case StageSpec::Type::Retry:
        return kRetryKeys;
    case StageSpec::Type::Timeout:
        return kTimeoutKeys;
    case StageSpec::Type::Fallback:
        return plus(kFallbackCommonKeys, allVariantKeys(kModes, modeKeys));
    }
    return {};
}

/// Keys of the other stage types, reported as "not a key of stage type X".
std::vector<KeyGroup> otherStageTypes(StageSpec::Type t)
{
    return otherVariants(kStageTypes, t, "stage type", stageTypeKeys);
}

const Range kThreshold = atLeast(1, kIntMax);
const Range kWindow = atLeast(1, kMaxWindow);
const Range kPollyDuration = within(500, kDayMs);

/// resilience4j: the common key `alias` and the library's `library` name for one setting.
const json *aliasedKey(const Obj &o, std::string_view alias, std::string_view library,
                       std::string_view &usedKey)
{
    const json *a = o.find(alias);
    const json *l = o.find(library);
    if (a != nullptr && l != nullptr) {
        o.checker().error(o.sub(alias), "is an alias of " + std::string(library) +
                                            ", which is also given: keep only one");
        return nullptr;
    }
    usedKey = a != nullptr ? alias : library;
    return a != nullptr ? a : l;
}

void parseBreaker(const Obj &o, BreakerSpec &b)
{
    Checker &c = o.checker();
    const bool known = o.choice("policy", b.policy, kPolicies);
    const Keys common = plus(kStageCommonKeys, kBreakerCommonKeys);
    if (!known) {
        o.checkKeys(plus(common, allVariantKeys(kPolicies, policyKeys)),
                    otherStageTypes(StageSpec::Type::CircuitBreaker));
    } else {
        std::vector<KeyGroup> foreign = otherVariants(kPolicies, b.policy, "policy", policyKeys);
        const std::vector<KeyGroup> stages = otherStageTypes(StageSpec::Type::CircuitBreaker);
        foreign.insert(foreign.end(), stages.begin(), stages.end());
        o.checkKeys(plus(common, policyKeys(b.policy)), foreign);
    }
    readOutcomes(o, "record", b.record);
    if (!known)
        return;

    switch (b.policy) {
    case BreakerSpec::Policy::Consecutive:
        o.integer("half_open_max_calls", b.halfOpenMaxCalls, kWindow);
        o.boolean("automatic_transition", b.automaticTransition);
        o.integer("failure_threshold", b.failureThreshold, kThreshold);
        o.integer("success_threshold", b.successThreshold, kThreshold);
        o.number("reset_timeout_ms", b.resetTimeoutMs, kPositiveMs);
        break;
    case BreakerSpec::Policy::Resilience4j: {
        o.choice("sliding_window_type", b.slidingWindowType, kWindowTypes);
        o.integer("sliding_window_size", b.slidingWindowSize, kWindow);
        o.integer("minimum_number_of_calls", b.minimumNumberOfCalls, kThreshold);
        o.number("failure_rate_threshold", b.failureRateThreshold, kPercent);
        o.number("slow_call_rate_threshold", b.slowCallRateThreshold, kPercent);
        o.number("slow_call_duration_threshold_ms", b.slowCallDurationThresholdMs,
                 atLeast(1, kMaxMs, "1e9 ms"));
        std::string_view used;
        if (const json *v = aliasedKey(o, "half_open_max_calls",
                                       "permitted_number_of_calls_in_half_open_state", used)) {
            if (auto n = readInteger(c, *v, o.sub(used), kWindow))
                b.permittedNumberOfCallsInHalfOpenState = static_cast<int>(*n);
        }
        o.number("wait_duration_in_open_state_ms", b.waitDurationInOpenStateMs,
                 atLeast(1, kMaxMs, "1e9 ms"));
        o.number("max_wait_duration_in_half_open_state_ms", b.maxWaitDurationInHalfOpenStateMs,
                 kMs);
        if (const json *v =
                aliasedKey(o, "automatic_transition",
                           "automatic_transition_from_open_to_half_open_enabled", used)) {
            if (auto f = readBool(c, *v, o.sub(used)))
                b.automaticTransition = *f;
        }
        break;
    }
    case BreakerSpec::Policy::Polly: {
        int probes = 1;
        if (o.integer("half_open_max_calls", probes, kWindow) && probes != 1)
            c.error(o.sub("half_open_max_calls"), "must be 1 with policy polly (got " +
                                                      std::to_string(probes) +
                                                      "): Polly v8 admits exactly one probe");
        bool automatic = false;
        if (o.boolean("automatic_transition", automatic) && automatic)
            c.error(o.sub("automatic_transition"),
                    "must be false with policy polly (got true): Polly v8 moves to half-open "
                    "only on a call");
        o.number("failure_ratio", b.failureRatio, kProbability);
        o.integer("minimum_throughput", b.minimumThroughput, atLeast(2, kIntMax));
        o.number("sampling_duration_ms", b.samplingDurationMs, kPollyDuration);
        o.number("break_duration_ms", b.breakDurationMs, kPollyDuration);
        break;
    }
    }
}

void parseRetry(const Obj &o, RetrySpec &r)
{
    Checker &c = o.checker();
    o.checkKeys(plus(kStageCommonKeys, kRetryKeys), otherStageTypes(StageSpec::Type::Retry));
    o.integer("max_retries", r.maxRetries, within(0, kMaxRetries));
    o.choice("backoff", r.backoff, kBackoffs);
    o.number("base_ms", r.baseMs, kMs);
    o.number("multiplier", r.multiplier, atLeast(1, kMaxMultiplier));
    o.optNumber("max_delay_ms", r.maxDelayMs, kMs);
    o.choice("jitter", r.jitter, kJitters);
    o.number("jitter_ratio", r.jitterRatio, within(0, 10));
    o.number("randomization_factor", r.randomizationFactor, kProbability);
    readOutcomes(o, "retry_on", r.retryOn);
    if (const json *v = o.find("budget")) {
        if (!v->is_object()) {
            c.error(o.sub("budget"), "expected an object (a retry budget), got " + describe(*v));
            return;
        }
        const Obj b(c, *v, o.sub("budget"));
        b.checkKeys(kBudgetKeys);
        RetryBudgetSpec budget;
        b.number("ratio", budget.ratio, within(0, kMaxBudgetRatio));
        b.number("min_retries_per_s", budget.minRetriesPerS, atLeast(0, kMaxRetriesPerS));
        b.number("ttl_ms", budget.ttlMs, greaterThan(0, kDayMs, "86400000 (1 day)"));
        r.budget = budget;
    }
}

void parseTimeout(const Obj &o, TimeoutSpec &t)
{
    o.checkKeys(plus(kStageCommonKeys, kTimeoutKeys), otherStageTypes(StageSpec::Type::Timeout));
    o.number("timeout_ms", t.timeoutMs, kPositiveMs, Need::Required);
    o.boolean("cancel_inner", t.cancelInner);
}

void parseFallback(const Obj &o, FallbackSpec &f, const std::vector<std::string> &services)
{
    const bool known = o.choice("mode", f.mode, kModes);
    const Keys common = plus(kStageCommonKeys, kFallbackCommonKeys);
    if (!known) {
        o.checkKeys(plus(common, allVariantKeys(kModes, modeKeys)),
                    otherStageTypes(StageSpec::Type::Fallback));
    } else {
        std::vector<KeyGroup> foreign = otherVariants(kModes, f.mode, "mode", modeKeys);
        const std::vector<KeyGroup> stages = otherStageTypes(StageSpec::Type::Fallback);
        foreign.insert(foreign.end(), stages.begin(), stages.end());
        o.checkKeys(plus(common, modeKeys(f.mode)), foreign);
    }
    readOutcomes(o, "handle", f.handle);
    if (!known)
        return;
    if (f.mode == FallbackSpec::Mode::Cache)
        o.number("ttl_ms", f.ttlMs, kPositiveMs);
    if (f.mode == FallbackSpec::Mode::Service) {
        if (o.string("service", f.service, Need::Required) && !services.empty())
            checkServiceRef(o.checker(), o.sub("service"), f.service, services);
    }
}

/// The stage's name when the file gives none: its type, or "type#index" if the type repeats.
std::string defaultStageName(const std::vector<StageSpec> &pipeline, std::size_t index)
{
    const StageSpec::Type type = pipeline[index].type;
    const auto same = std::count_if(pipeline.begin(), pipeline.end(),
                                    [type](const StageSpec &s) { return s.type == type; });
    std::string name(stageTypeName(type));
    if (same > 1)
        name += "#" + std::to_string(index);
    return name;
}

void parsePipeline(Checker &c, const json &v, std::vector<StageSpec> &pipeline,
                   const std::vector<std::string> &services)
{
    std::vector<bool> named;
    forEachObject(c, v, "pipeline", "a pipeline stage", [&](const Obj &o, std::size_t) {
        StageSpec st;
        const bool typeKnown = o.choice("type", st.type, kStageTypes, Need::Required);
        bool hasName = false;
        if (o.string("name", st.name)) {
            hasName = true;
            if (st.name.empty())
                c.error(o.sub("name"), "must not be empty (leave the key out for the default "
                                       "name)");
        }
        o.boolean("enabled", st.enabled);
        if (!typeKnown) {
            Keys all = kStageCommonKeys;
            for (const auto &t : kStageTypes)
                all = plus(all, stageTypeKeys(t.value));
            o.checkKeys(all);
        } else {
            switch (st.type) {
            case StageSpec::Type::CircuitBreaker:
                parseBreaker(o, st.breaker);
                break;
            case StageSpec::Type::Retry:
                parseRetry(o, st.retry);
                break;
            case StageSpec::Type::Timeout:
                parseTimeout(o, st.timeout);
                break;
            case StageSpec::Type::Fallback:
                parseFallback(o, st.fallback, services);
                break;
            }
        }
        pipeline.push_back(st);
        named.push_back(hasName);
    });

    // Default names, then uniqueness (events.csv tells stages apart by name).
    for (std::size_t i = 0; i < pipeline.size(); ++i) {
        if (!named[i])
            pipeline[i].name = defaultStageName(pipeline, i);
    }
    for (std::size_t i = 0; i < pipeline.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (pipeline[i].name.empty() || pipeline[i].name != pipeline[j].name)
                continue;
            const std::size_t at = named[i] ? i : j;
            const std::size_t other = at == i ? j : i;
            c.error(keyPath(indexPath("pipeline", at), "name"),
                    "duplicate stage name " + jsonQuoted(pipeline[i].name) + " (also " +
                        indexPath("pipeline", other) + ")");
            break;
        }
    }
}

// ------------------------------------------------------------------------------------------------
// The document.

const Keys kRootKeys{"version",   "name", "description", "seed",   "duration_s",
                     "bucket_ms", "load", "services",    "target", "pipeline"};

void parseSeed(Checker &c, const json &v, std::uint64_t &seed)
{
    const std::string path = "seed";
    const std::string rule = "must be an integer in [0, 18446744073709551615]";
    if (v.is_number_unsigned()) {
        seed = v.get<std::uint64_t>();
    } else if (v.is_number_integer()) {
        const auto n = v.get<std::int64_t>();
        if (n < 0)
            c.error(path, "must be >= 0 (got " + jsonText(v) + ")");
        else
            seed = static_cast<std::uint64_t>(n);
    } else if (v.is_number_float()) {
        const double d = v.get<double>();
        if (!(d >= 0))
            c.error(path, "must be >= 0 (got " + jsonText(v) + ")");
        else if (!(d < 18446744073709551616.0))
            c.error(path, rule + " (got " + jsonText(v) + ")");
        else if (d != std::floor(d))
            c.error(path, "expected an integer, got " + jsonText(v));
        else
            seed = static_cast<std::uint64_t>(d);
    } else {
        c.error(path, "expected an integer, got " + describe(v));
    }
}

void parseRoot(Checker &c, const json &doc, Scenario &s)
{
    if (!doc.is_object()) {
        c.error("", "the document must be a JSON object, got " + describe(doc));
        return;
    }
    const Obj o(c, doc, "");
    o.checkKeys(kRootKeys);

    if (const json *v = o.get("version", Need::Required)) {
        if (!v->is_number())
            c.error("version", "expected an integer, got " + describe(*v));
        else if (v->get<double>() != 1.0)
            c.error("version", "must be 1 (got " + jsonText(*v) +
                                   "): this program reads scenario format version 1");
    }
    o.string("name", s.name, Need::Required);
    o.string("description", s.description);
    if (const json *v = o.find("seed"))
        parseSeed(c, *v, s.seed);
    const bool durationOk =
        o.number("duration_s", s.durationS, greaterThan(0, kMaxDurationS, "2592000 (30 days)")) ||
        o.find("duration_s") == nullptr;
    const bool bucketOk =
        o.number("bucket_ms", s.bucketMs, atLeast(1, kMaxArrivalMs, "2592000000 (30 days)")) ||
        o.find("bucket_ms") == nullptr;

    if (const json *v = o.get("load", Need::Required))
        parseLoad(c, *v, s.load);

    std::vector<std::string> serviceNames;
    if (const json *v = o.get("services", Need::Required)) {
        if (!v->is_object()) {
            c.error("services", "expected an object of services by name, got " + describe(*v));
        } else if (v->empty()) {
            c.error("services", "must define at least one service");
        } else {
            for (const auto &item : v->items()) {
                const std::string &name = item.key();
                const std::string path = keyPath("services", name);
                serviceNames.push_back(name);
                if (!isValidServiceName(name))
                    c.error(path, "service names must be non-empty and use only letters, digits, "
                                  "'_', '.' and '-' (got " +
                                      jsonQuoted(name) + ")");
                ServiceSpec svc;
                svc.name = name;
                parseService(c, item.value(), path, svc);
                s.services[name] = std::move(svc);
            }
        }
    }
    const bool haveServices = !serviceNames.empty();

    if (o.string("target", s.target, Need::Required) && haveServices)
        checkServiceRef(c, "target", s.target, serviceNames);

    if (const json *v = o.find("pipeline"))
        parsePipeline(c, *v, s.pipeline, haveServices ? serviceNames : std::vector<std::string>{});

    // Protection limits: refuse runs the process could not finish.
    if (durationOk && bucketOk) {
        const double buckets = s.durationS * 1000 / s.bucketMs;
        if (buckets > limits::kMaxBuckets)
            c.error("bucket_ms", "run would need " + formatNumber(std::ceil(buckets)) +
                                     " buckets (limit " + formatNumber(limits::kMaxBuckets) +
                                     "): raise bucket_ms or shorten duration_s");
    }
    if (durationOk &&
        (s.load.type == LoadSpec::Type::Poisson || s.load.type == LoadSpec::Type::Constant)) {
        double rate = s.load.ratePerS;
        for (const LoadPhase &p : s.load.phases)
            rate = std::max(rate, p.ratePerS.value_or(0));
        const double expected = rate * s.durationS;
        if (expected > limits::kMaxExpectedRequests)
            c.error("duration_s", "run would expect about " + formatNumber(std::ceil(expected)) +
                                      " requests at rate_per_s " + formatNumber(rate) + " (limit " +
                                      formatNumber(limits::kMaxExpectedRequests) +
                                      "): lower the rate or shorten duration_s");
    }
}

// ------------------------------------------------------------------------------------------------
// Writing.

/// Integral values as JSON integers (so files read "120", not "120.0"); others as doubles.
json num(double v)
{
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9007199254740992.0)
        return json(static_cast<std::int64_t>(v));
    return json(v);
}

json latencyToJson(const LatencySpec &l)
{
    json j = json::object();
    j["dist"] = std::string(nameOf(kDists, l.dist));
    switch (l.dist) {
    case LatencySpec::Dist::Constant:
        j["value"] = num(l.value);
        break;
    case LatencySpec::Dist::Uniform:
        j["min"] = num(l.min);
        j["max"] = num(l.max);
        break;
    case LatencySpec::Dist::Exponential:
        j["mean"] = num(l.mean);
        break;
    case LatencySpec::Dist::Normal:
        j["mean"] = num(l.mean);
        j["stddev"] = num(l.stddev);
        break;
    case LatencySpec::Dist::Lognormal:
        j["median"] = num(l.median);
        j["p99"] = num(l.p99);
        break;
    }
    return j;
}

json loadToJson(const LoadSpec &l)
{
    json j = json::object();
    j["type"] = std::string(nameOf(kLoadTypes, l.type));
    switch (l.type) {
    case LoadSpec::Type::Poisson:
    case LoadSpec::Type::Constant:
        j["rate_per_s"] = num(l.ratePerS);
        break;
    case LoadSpec::Type::Closed:
        j["clients"] = l.clients;
        j["think_time_ms"] = latencyToJson(l.thinkTime);
        break;
    case LoadSpec::Type::Script: {
        json at = json::array();
        for (double t : l.atMs)
            at.push_back(num(t));
        j["at_ms"] = std::move(at);
        return j;
    }
    }
    json phases = json::array();
    for (const LoadPhase &p : l.phases) {
        json pj = json::object();
        pj["at_s"] = num(p.atS);
        if (l.type == LoadSpec::Type::Closed) {
            if (p.clients)
                pj["clients"] = *p.clients;
            if (p.thinkTime)
                pj["think_time_ms"] = latencyToJson(*p.thinkTime);
        } else if (p.ratePerS) {
            pj["rate_per_s"] = num(*p.ratePerS);
        }
        phases.push_back(std::move(pj));
    }
    j["phases"] = std::move(phases);
    return j;
}

json serviceToJson(const ServiceSpec &s)
{
    json j = json::object();
    j["failure_rate"] = num(s.failureRate);
    j["latency_ms"] = latencyToJson(s.latency);
    if (s.errorLatency)
        j["error_latency_ms"] = latencyToJson(*s.errorLatency);
    j["concurrency"] = s.concurrency;
    if (s.queueLimit)
        j["queue_limit"] = *s.queueLimit;
    j["latency_per_inflight_ms"] = num(s.latencyPerInflightMs);
    json phases = json::array();
    for (const ServicePhase &p : s.phases) {
        json pj = json::object();
        pj["at_s"] = num(p.atS);
        if (p.failureRate)
            pj["failure_rate"] = num(*p.failureRate);
        if (p.latency)
            pj["latency_ms"] = latencyToJson(*p.latency);
        if (p.errorLatency)
            pj["error_latency_ms"] = latencyToJson(*p.errorLatency);
        if (p.concurrency)
            pj["concurrency"] = *p.concurrency;
        if (p.queueLimit)
            pj["queue_limit"] = *p.queueLimit;
        if (p.latencyPerInflightMs)
            pj["latency_per_inflight_ms"] = num(*p.latencyPerInflightMs);
        phases.push_back(std::move(pj));
    }
    j["phases"] = std::move(phases);
    json script = json::array();
    for (const ScriptedOutcome &e : s.script)
        script.push_back(scriptEntryText(e));
    j["script"] = std::move(script);
    return j;
}

void breakerToJson(json &j, const BreakerSpec &b)
{
    j["policy"] = std::string(nameOf(kPolicies, b.policy));
    writeOutcomes(j, "record", b.record);
    switch (b.policy) {
    case BreakerSpec::Policy::Consecutive:
        j["half_open_max_calls"] = b.halfOpenMaxCalls;
        j["automatic_transition"] = b.automaticTransition;
        j["failure_threshold"] = b.failureThreshold;
        j["success_threshold"] = b.successThreshold;
        j["reset_timeout_ms"] = num(b.resetTimeoutMs);
        break;
    case BreakerSpec::Policy::Resilience4j:
        j["sliding_window_type"] = std::string(nameOf(kWindowTypes, b.slidingWindowType));
        j["sliding_window_size"] = b.slidingWindowSize;
        j["minimum_number_of_calls"] = b.minimumNumberOfCalls;
        j["failure_rate_threshold"] = num(b.failureRateThreshold);
        j["slow_call_rate_threshold"] = num(b.slowCallRateThreshold);
        j["slow_call_duration_threshold_ms"] = num(b.slowCallDurationThresholdMs);
        j["permitted_number_of_calls_in_half_open_state"] = b.permittedNumberOfCallsInHalfOpenState;
        j["wait_duration_in_open_state_ms"] = num(b.waitDurationInOpenStateMs);
        j["max_wait_duration_in_half_open_state_ms"] = num(b.maxWaitDurationInHalfOpenStateMs);
        j["automatic_transition_from_open_to_half_open_enabled"] = b.automaticTransition;
        break;
    case BreakerSpec::Policy::Polly:
        j["half_open_max_calls"] = b.halfOpenMaxCalls;
        j["automatic_transition"] = b.automaticTransition;
        j["failure_ratio"] = num(b.failureRatio);
        j["minimum_throughput"] = b.minimumThroughput;
        j["sampling_duration_ms"] = num(b.samplingDurationMs);
        j["break_duration_ms"] = num(b.breakDurationMs);
        break;
    }
}

void retryToJson(json &j, const RetrySpec &r)
{
    j["max_retries"] = r.maxRetries;
    j["backoff"] = std::string(nameOf(kBackoffs, r.backoff));
    j["base_ms"] = num(r.baseMs);
    j["multiplier"] = num(r.multiplier);
    if (r.maxDelayMs)
        j["max_delay_ms"] = num(*r.maxDelayMs);
    j["jitter"] = std::string(nameOf(kJitters, r.jitter));
    j["jitter_ratio"] = num(r.jitterRatio);
    j["randomization_factor"] = num(r.randomizationFactor);
    writeOutcomes(j, "retry_on", r.retryOn);
    if (r.budget) {
        json b = json::object();
        b["ratio"] = num(r.budget->ratio);
        b["min_retries_per_s"] = num(r.budget->minRetriesPerS);
        b["ttl_ms"] = num(r.budget->ttlMs);
        j["budget"] = std::move(b);
    }
}

json stageToJson(const std::vector<StageSpec> &pipeline, std::size_t index)
{
    const StageSpec &st = pipeline[index];
    json j = json::object();
    j["type"] = std::string(stageTypeName(st.type));
    if (!st.name.empty() && st.name != defaultStageName(pipeline, index))
        j["name"] = st.name;
    j["enabled"] = st.enabled;
    switch (st.type) {
    case StageSpec::Type::CircuitBreaker:
        breakerToJson(j, st.breaker);
        break;
    case StageSpec::Type::Retry:
        retryToJson(j, st.retry);
        break;
    case StageSpec::Type::Timeout:
        j["timeout_ms"] = num(st.timeout.timeoutMs);
        j["cancel_inner"] = st.timeout.cancelInner;
        break;
    case StageSpec::Type::Fallback:
        j["mode"] = std::string(nameOf(kModes, st.fallback.mode));
        writeOutcomes(j, "handle", st.fallback.handle);
        if (st.fallback.mode == FallbackSpec::Mode::Cache)
            j["ttl_ms"] = num(st.fallback.ttlMs);
        if (st.fallback.mode == FallbackSpec::Mode::Service)
            j["service"] = st.fallback.service;
        break;
    }
    return j;
}

// ------------------------------------------------------------------------------------------------
// Text and files.

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

ScenarioParse parseScenario(const json &doc)
{
    Checker c;
    Scenario s;
    try {
        parseRoot(c, doc, s);
    } catch (const json::exception &e) {
        // Only reachable with documents built in code (e.g. invalid UTF-8 in a string).
        c.error("", "cannot read the document: " + jsonExceptionText(e.what()));
    }
    ScenarioParse r;
    if (c.count() == 0)
        r.scenario = std::move(s);
    else
        r.errors = c.take();
    return r;
}

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

json scenarioToJson(const Scenario &scenario)
{
    json j = json::object();
    j["version"] = scenario.version;
    j["name"] = scenario.name;
    j["description"] = scenario.description;
    j["seed"] = scenario.seed;
    j["duration_s"] = num(scenario.durationS);
    j["bucket_ms"] = num(scenario.bucketMs);
    j["load"] = loadToJson(scenario.load);
    json services = json::object();
    for (const auto &[name, svc] : scenario.services)
        services[name] = serviceToJson(svc);
    j["services"] = std::move(services);
    j["target"] = scenario.target;
    json pipeline = json::array();
    for (std::size_t i = 0; i < scenario.pipeline.size(); ++i)
        pipeline.push_back(stageToJson(scenario.pipeline, i));
    j["pipeline"] = std::move(pipeline);
    return j;
}

} // namespace reslab
