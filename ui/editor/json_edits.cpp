#include "editor/json_edits.h"

#include "reslab/stages/stage_pattern.h"

#include "editor/parameter_catalog.h"

#include <QCoreApplication>

#include <cmath>

namespace reslab::ui {
namespace {

using nlohmann::json;

const json *member(const json &obj, const char *key)
{
    if (!obj.is_object())
        return nullptr;
    const auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
}

std::string stringOr(const json &obj, const char *key, const std::string &fallback)
{
    const json *v = member(obj, key);
    return v && v->is_string() ? v->get<std::string>() : fallback;
}

json niceNumber(double v)
{
    if (v <= 0 || !std::isfinite(v))
        return 0;
    const double magnitude = std::floor(std::log10(v));
    const double factor = std::pow(10.0, 1 - magnitude); // 2 significant digits
    const double r = std::round(v * factor) / factor;
    if (r == std::floor(r) && r < 1e15)
        return static_cast<long long>(r);
    return r;
}

void addShape(std::string &out, const char *label, const std::string &value)
{
    out += label;
    out += '=';
    out += value;
    out += ';';
}

std::string keyList(const json &obj)
{
    std::string out;
    if (!obj.is_object())
        return "!";
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        out += it.key();
        out += ',';
    }
    return out;
}

} // namespace

json breakerPolicyDefaults(const std::string &policy)
{
    json j = json::object();
    for (const ParamInfo *p : parametersIn("circuit_breaker." + policy))
        j[std::string(p->key)] = p->defaultJson();
    return j;
}

json switchBreakerPolicy(const json &stage, const std::string &policy)
{
    json out = json::object();
    if (stage.is_object()) {
        for (const char *keep : {"type", "name", "enabled", "record"}) {
            if (const json *v = member(stage, keep))
                out[keep] = *v;
        }
        // The common keys mean the same under consecutive; under resilience4j they are aliases
        // of the library names (written below), and Polly admits only their defaults.
        if (policy == "consecutive") {
            for (const char *keep : {"half_open_max_calls", "automatic_transition"}) {
                if (const json *v = member(stage, keep))
                    out[keep] = *v;
            }
        }
    }
    if (!out.contains("type"))
        out["type"] = "circuit_breaker";
    out["policy"] = policy;
    const json defaults = breakerPolicyDefaults(policy);
    for (auto it = defaults.begin(); it != defaults.end(); ++it)
        out[it.key()] = *it;
    return out;
}

double typicalLatency(const json &dist)
{
    const std::string d = stringOr(dist, "dist", "");
    const auto num = [&](const char *key) {
        const json *v = member(dist, key);
        return v && v->is_number() ? v->get<double>() : 0.0;
    };
    double t = 0;
    if (d == "constant")
        t = num("value");
    else if (d == "uniform")
        t = (num("min") + num("max")) / 2;
    else if (d == "exponential" || d == "normal")
        t = num("mean");
    else if (d == "lognormal")
        t = num("median");
    return t > 0 && std::isfinite(t) ? t : 0;
}

json switchDistribution(const json &previous, const std::string &dist)
{
    double t = typicalLatency(previous);
    if (t <= 0)
        t = 10;
    json j = json::object();
    j["dist"] = dist;
    if (dist == "constant") {
        j["value"] = niceNumber(t);
    } else if (dist == "uniform") {
        j["min"] = niceNumber(t / 2);
        j["max"] = niceNumber(t * 1.5);
    } else if (dist == "exponential") {
        j["mean"] = niceNumber(t);
    } else if (dist == "normal") {
        j["mean"] = niceNumber(t);
        j["stddev"] = niceNumber(t / 4);
    } else if (dist == "lognormal") {
        j["median"] = niceNumber(t);
        j["p99"] = niceNumber(t * 5);
    }
    return j;
}

json switchLoadType(const json &load, const std::string &type)
{
    const std::string old = stringOr(load, "type", "");
    const bool oldOpen = old == "poisson" || old == "constant";
    json out = json::object();
    out["type"] = type;
    if (type == "poisson" || type == "constant") {
        const json *rate = member(load, "rate_per_s");
        out["rate_per_s"] = rate && rate->is_number() ? *rate : json(100);
        if (oldOpen) {
            if (const json *phases = member(load, "phases"))
                out["phases"] = *phases;
        }
    } else if (type == "closed") {
        const json *clients = member(load, "clients");
        out["clients"] = clients && clients->is_number() ? *clients : json(10);
        if (const json *think = member(load, "think_time_ms"))
            out["think_time_ms"] = *think;
        else
            out["think_time_ms"] = json{{"dist", "constant"}, {"value", 1000}};
        if (old == "closed") {
            if (const json *phases = member(load, "phases"))
                out["phases"] = *phases;
        }
    } else if (type == "script") {
        const json *at = member(load, "at_ms");
        out["at_ms"] = at ? *at : json::array({0, 1000, 2000});
    }
    return out;
}

json switchFallbackMode(const json &stage, const std::string &mode,
                        const std::string &defaultService)
{
    json out = json::object();
    if (stage.is_object()) {
        for (const char *keep : {"type", "name", "enabled", "handle"}) {
            if (const json *v = member(stage, keep))
                out[keep] = *v;
        }
    }
    if (!out.contains("type"))
        out["type"] = "fallback";
    out["mode"] = mode;
    if (mode == "cache")
        out["ttl_ms"] = findParameter("fallback.cache", "ttl_ms")->defaultJson();
    else if (mode == "service")
        out["service"] = defaultService;
    return out;
}

json newStage(const std::string &type)
{
    if (type == "circuit_breaker")
        return switchBreakerPolicy(json{{"type", "circuit_breaker"}}, "consecutive");
    if (type == "retry")
        return json{{"type", "retry"},
                    {"max_retries", 3},
                    {"backoff", "exponential"},
                    {"base_ms", 100},
                    {"jitter", "full"}};
    if (type == "timeout")
        return json{{"type", "timeout"}, {"timeout_ms", 1000}};
    if (type == "fallback")
        return json{{"type", "fallback"}, {"mode", "static"}};
    if (type == "rate_limiter") // limit_refresh_period_ms has no default
        return json{{"type", "rate_limiter"},
                    {"algorithm", "fixed_window"},
                    {"limit_for_period", 50},
                    {"limit_refresh_period_ms", 1000}};
    return json{{"type", type}};
}

std::string distributionShape(const json *dist)
{
    if (!dist)
        return "absent";
    if (!dist->is_object())
        return "!";
    return stringOr(*dist, "dist", "?");
}

std::string loadShape(const json &doc)
{
    const json *load = member(doc, "load");
    if (!load || !load->is_object())
        return "!";
    std::string s;
    addShape(s, "type", stringOr(*load, "type", "?"));
    addShape(s, "think", distributionShape(member(*load, "think_time_ms")));
    if (const json *phases = member(*load, "phases")) {
        if (!phases->is_array()) {
            addShape(s, "phases", "!");
        } else {
            for (const json &p : *phases) {
                addShape(s, "phase", keyList(p));
                if (p.is_object())
                    addShape(s, "think", distributionShape(member(p, "think_time_ms")));
            }
        }
    }
    return s;
}

std::string serviceShape(const json &service)
{
    if (!service.is_object())
        return "!";
    std::string s;
    addShape(s, "latency", distributionShape(member(service, "latency_ms")));
    addShape(s, "error", distributionShape(member(service, "error_latency_ms")));
    if (const json *phases = member(service, "phases")) {
        if (!phases->is_array()) {
            addShape(s, "phases", "!");
        } else {
            for (const json &p : *phases) {
                addShape(s, "phase", keyList(p));
                if (p.is_object()) {
                    addShape(s, "l", distributionShape(member(p, "latency_ms")));
                    addShape(s, "e", distributionShape(member(p, "error_latency_ms")));
                }
            }
        }
    }
    // Each call's stages are cards of the service's section: a new call or a stage of another
    // shape rebuilds it.
    if (const json *calls = member(service, "calls")) {
        if (!calls->is_array()) {
            addShape(s, "calls", "!");
        } else {
            for (const json &c : *calls) {
                addShape(s, "call", "");
                const json *pipeline = c.is_object() ? member(c, "pipeline") : nullptr;
                if (pipeline && pipeline->is_array()) {
                    for (const json &st : *pipeline)
                        addShape(s, "stage", stageShape(st));
                }
            }
        }
    }
    return s;
}

std::string stageShape(const json &stage)
{
    if (!stage.is_object())
        return "!";
    std::string s;
    const std::string type = stringOr(stage, "type", "?");
    addShape(s, "type", type);
    const auto has = [&](const char *key) {
        return member(stage, key) ? "1" : "0";
    };
    if (type == "circuit_breaker") {
        const std::string policy = stringOr(stage, "policy", "consecutive");
        addShape(s, "policy", policy);
        if (policy == "resilience4j") {
            addShape(s, "window", stringOr(stage, "sliding_window_type", "count"));
            addShape(s, "alias",
                     std::string(has("half_open_max_calls")) + has("automatic_transition"));
        }
    } else if (type == "retry") {
        // Which optional fields the card shows (the setting uses them, or the file has them);
        // not the bare presence, so that writing a shown default does not rebuild the card.
        const std::string backoff = stringOr(stage, "backoff", "exponential");
        const std::string jitter = stringOr(stage, "jitter", "none");
        const auto shown = [&](bool used, const char *key) {
            return used || member(stage, key) ? "1" : "0";
        };
        addShape(s, "backoff", backoff);
        addShape(s, "jitter", jitter);
        addShape(s, "keys",
                 std::string(shown(backoff == "exponential", "multiplier")) +
                     shown(jitter == "proportional", "jitter_ratio") +
                     shown(jitter == "randomized", "randomization_factor"));
        const json *budget = member(stage, "budget");
        addShape(s, "budget", budget ? (budget->is_object() ? "1" : "!") : "0");
    } else if (type == "fallback") {
        addShape(s, "mode", stringOr(stage, "mode", "static"));
    } else if (const StagePattern *p = findStagePattern(type); p && !p->variantKey.empty()) {
        // A type built from its schema rows: its variant decides which rows the card shows.
        const ParamInfo *selector = findParameter(type, p->variantKey);
        addShape(s, "variant",
                 stringOr(stage, std::string(p->variantKey).c_str(),
                          selector ? std::string(selector->defaultChoice).c_str() : ""));
    }
    return s;
}

std::string servicePath(const std::string &name)
{
    if (name.find_first_of(".[]") == std::string::npos && !name.empty())
        return "services." + name;
    return "services[" + name + "]";
}

QString serviceNameProblem(const json &doc, const std::string &name)
{
    // Shown in the editor (the rename field's tooltip): in the GUI's language.
    if (name.empty() || name.find_first_not_of(" \t") == std::string::npos)
        return QCoreApplication::translate("reslab::ui::ScenarioEditor", "a service needs a name");
    if (name.find_first_of("[]") != std::string::npos)
        return QCoreApplication::translate("reslab::ui::ScenarioEditor",
                                           "a service name cannot contain [ or ]");
    const json *services = member(doc, "services");
    if (services && services->is_object() && services->contains(name))
        return QCoreApplication::translate("reslab::ui::ScenarioEditor",
                                           "there is already a service named \"%1\"")
            .arg(QString::fromStdString(name));
    return {};
}

json renameService(const json &doc, const std::string &from, const std::string &to)
{
    const json *services = member(doc, "services");
    if (!services || !services->is_object() || !services->contains(from) || from == to)
        return doc;
    json out = doc;
    json moved = std::move(out["services"][from]);
    out["services"].erase(from);
    out["services"][to] = std::move(moved);
    if (out.contains("target") && out["target"] == from)
        out["target"] = to;
    if (out.contains("pipeline") && out["pipeline"].is_array()) {
        for (json &stage : out["pipeline"]) {
            if (stage.is_object() && stage.contains("service") && stage["service"] == from)
                stage["service"] = to;
        }
    }
    return out;
}

std::vector<std::string> serviceNames(const json &doc)
{
    std::vector<std::string> names;
    const json *services = member(doc, "services");
    if (services && services->is_object()) {
        for (auto it = services->begin(); it != services->end(); ++it)
            names.push_back(it.key());
    }
    return names;
}

} // namespace reslab::ui
