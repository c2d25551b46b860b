#pragma once

// Reading JSON with every error reported at its path: typed reads against a schema row or a
// range, "did you mean" for unknown keys, keys of a sibling variant named as such. The scenario
// reader and every stage and policy codec read through it (private to the engine).

#include "reslab/io/scenario_io.h"
#include "reslab/model/outcome.h"
#include "reslab/model/parameter_schema.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reslab::io {

using nlohmann::json;
using Keys = std::vector<std::string_view>;

// ------------------------------------------------------------------------------------------------
// Limits beyond those in scenario_io.h (all documented in docs/scenario.md).

inline constexpr double kInf = std::numeric_limits<double>::infinity();
using schema::kMaxDurationS;
inline constexpr double kMaxArrivalMs = kMaxDurationS * 1000; ///< script arrivals, bucket_ms
using schema::kMaxMs;
inline constexpr double kMaxRatePerS = 1e6;
using schema::kDayMs;
inline constexpr double kMaxConcurrency = 1e6;
inline constexpr double kMaxQueueLimit = 1e12;
using schema::kIntMax;

// ------------------------------------------------------------------------------------------------
// Text helpers.

/// A number as a person writes it: integers without a fraction, others in shortest round-trip form.
std::string formatNumber(double v);
/// Copies valid UTF-8 and writes any other byte as \xNN, so messages are always printable.
std::string sanitizeUtf8(std::string_view s);
/// A JSON value as it would appear in the file, shortened for messages.
std::string jsonText(const json &v);
/// "string \"abc\"", "number 5", "an array", ... for "expected X, got Y" messages.
std::string describe(const json &v);
std::string jsonQuoted(std::string_view s);
bool isPlainKey(std::string_view k);
/// `parent.key`, or `parent["odd key"]` when the key has characters a path cannot show plainly.
std::string keyPath(const std::string &parent, std::string_view key);
std::string indexPath(const std::string &parent, std::size_t i);
/// The candidate within 2 edits of `word` (and closer than the word's own length), if any.
std::optional<std::string_view> closest(std::string_view word, const Keys &candidates);
std::string joinList(const Keys &items, std::string_view sep = ", ");
Keys plus(Keys a, const Keys &b);
/// nlohmann's message without its "[json.exception.parse_error.101] " prefix.
std::string jsonExceptionText(const char *what);
/// Integral values as JSON integers (so files read "120", not "120.0"); others as doubles.
json num(double v);

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

inline Range atLeast(double lo, double hi, std::string_view hiLabel = {})
{
    Range r;
    r.lo = lo;
    r.hi = hi;
    r.hiLabel = hiLabel;
    return r;
}

inline Range greaterThan(double lo, double hi, std::string_view hiLabel = {})
{
    Range r = atLeast(lo, hi, hiLabel);
    r.loOpen = true;
    return r;
}

inline Range within(double lo, double hi)
{
    Range r = atLeast(lo, hi);
    r.interval = true;
    return r;
}

inline const Range kMs = atLeast(0, kMaxMs, "1e9 ms");             ///< >= 0 ms
inline const Range kPositiveMs = greaterThan(0, kMaxMs, "1e9 ms"); ///< > 0 ms
inline const Range kProbability = within(0, 1);
inline const Range kAtS = atLeast(0, kMaxDurationS, "2592000 (30 days)");
inline const Range kPercent = [] {
    Range r = within(0, 100);
    r.loOpen = true;
    return r;
}();

/// The validator's range of a schema row.
inline Range rangeOf(const ParamInfo &p)
{
    Range r;
    r.lo = p.min;
    r.hi = p.max;
    r.loOpen = p.minExclusive;
    r.hiOpen = p.maxExclusive;
    r.interval = p.interval;
    r.hiLabel = p.maxLabel;
    return r;
}

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
    using Value = E;
    std::string_view name;
    E value;
};

/// The value type of a table of Named (a std::array or a std::vector).
template <class Table>
using NamedValue = typename Table::value_type::Value;

template <class Table>
Keys namesOf(const Table &table)
{
    Keys names;
    for (const auto &n : table)
        names.push_back(n.name);
    return names;
}

template <class Table>
std::string_view nameOf(const Table &table, NamedValue<Table> value)
{
    for (const auto &n : table) {
        if (n.value == value)
            return n.name;
    }
    return table[0].name;
}

std::optional<double> readNumber(Checker &c, const json &v, const std::string &path,
                                 const Range &r);
/// Integer in `r` (which must be bounded well inside int64). 3.0 is an integer; 2.5 is not.
std::optional<std::int64_t> readInteger(Checker &c, const json &v, const std::string &path,
                                        const Range &r);
std::optional<bool> readBool(Checker &c, const json &v, const std::string &path);
std::optional<std::string> readString(Checker &c, const json &v, const std::string &path);

template <class Table>
std::optional<NamedValue<Table>> readChoice(Checker &c, const json &v, const std::string &path,
                                            const Table &table)
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
std::string ownersText(const std::vector<const KeyGroup *> &groups);

enum class Need
{
    Optional,
    Required
};

/// A JSON object being validated at `path`.
class JsonObject
{
public:
    JsonObject(Checker &errors, const json &object, std::string path)
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

    /// The same reads against a schema row: its key and its range.
    bool number(const ParamInfo &p, double &out, Need need = Need::Optional) const
    {
        return number(p.key, out, rangeOf(p), need);
    }
    bool optNumber(const ParamInfo &p, std::optional<double> &out) const
    {
        return optNumber(p.key, out, rangeOf(p));
    }
    template <class Int>
    bool integer(const ParamInfo &p, Int &out, Need need = Need::Optional) const
    {
        return integer(p.key, out, rangeOf(p), need);
    }
    template <class Int>
    bool optInteger(const ParamInfo &p, std::optional<Int> &out) const
    {
        return optInteger(p.key, out, rangeOf(p));
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
    template <class E, class Table>
    bool choice(std::string_view key, E &out, const Table &table, Need need = Need::Optional) const
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
                       each(JsonObject(c, e, p), i);
                   });
}

/// Phases must come in time order; `last` carries the previous phase's at_s.
void checkPhaseOrder(const JsonObject &o, double atS, bool atOk, std::optional<double> &last);

/// The failure outcomes' names: "error", "timeout", ...
Keys failureOutcomeNames();
/// `record`, `retry_on`, `handle`: an array of failure outcome names.
bool readOutcomes(const JsonObject &o, std::string_view key, OutcomeSet &out);
void writeOutcomes(json &j, std::string_view key, const OutcomeSet &set);

/// Key groups of every variant in `table` but `chosen`, for "not a key of ..." messages.
template <class Table, class KeysOf>
std::vector<KeyGroup> otherVariants(const Table &table, NamedValue<Table> chosen,
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

template <class Table, class KeysOf>
Keys allVariantKeys(const Table &table, KeysOf keysOf)
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

std::string serviceList(const std::vector<std::string> &names);
/// `name` must be one of `services`.
void checkServiceRef(Checker &c, const std::string &path, const std::string &name,
                     const std::vector<std::string> &services);

} // namespace reslab::io
