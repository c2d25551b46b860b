// Reads a scenario document into a validated Scenario, collecting every error with its JSON path.
// Stage types read their own keys (engine/src/stages/*/); this file reads the document around them.
#include "reslab/io/scenario_io.h"

#include "io/json_reader.h"
#include "io/scenario_tables.h"
#include "reslab/stages/stage_pattern.h"
#include "stages/stage_codec.h"

#include <charconv>
#include <map>
#include <set>

namespace reslab {
namespace io {
namespace {

// ------------------------------------------------------------------------------------------------
// Latency distributions.

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

std::optional<LatencySpec> parseLatency(Checker &c, const json &v, const std::string &path)
{
    if (!v.is_object()) {
        c.error(path, "expected a distribution object such as {\"dist\": \"constant\", "
                      "\"value\": 5}, got " +
                          describe(v));
        return std::nullopt;
    }
    const std::size_t before = c.count();
    const JsonObject o(c, v, path);
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
void latencyKey(const JsonObject &o, std::string_view key, Out &out, Need need = Need::Optional)
{
    if (const json *v = o.get(key, need)) {
        if (auto l = parseLatency(o.checker(), *v, o.sub(key)))
            out = *l;
    }
}

// ------------------------------------------------------------------------------------------------
// Load.

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
    const JsonObject o(c, v, path);
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
    forEachObject(c, *phases, o.sub("phases"), "load phase", [&](const JsonObject &p, std::size_t) {
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
const Keys kServiceKeysV2{"calls", "call_mode", "replicas", "load_balancer"};
const Keys kServicePhaseKeys{
    "at_s",        "failure_rate",           "latency_ms", "error_latency_ms", "concurrency",
    "queue_limit", "latency_per_inflight_ms"};
const Keys kServicePhaseKeysV2{"state", "replicas"};
const Keys kCallKeys{"to", "probability", "required", "pipeline"};

/// What reading the parts of a document needs to know of the rest of it.
struct DocContext
{
    int version = 1;
    std::vector<std::string> services; ///< every service name (empty: none valid)
};

/// A version-2 key in a version-1 document is an error that names it.
void checkVersion2Keys(const JsonObject &o, const Keys &keys, const DocContext &doc)
{
    if (doc.version >= 2)
        return;
    for (std::string_view k : keys) {
        if (o.find(k))
            o.checker().error(o.sub(k), "\"" + std::string(k) +
                                            "\" needs scenario version 2 (set \"version\": 2)");
    }
}
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

void parsePipeline(Checker &c, const json &v, const std::string &path,
                   std::vector<StageSpec> &pipeline, const DocContext &doc);

void parseCalls(Checker &c, const json &v, const std::string &path, ServiceSpec &svc,
                const DocContext &doc)
{
    forEachObject(c, v, path, "call", [&](const JsonObject &o, std::size_t) {
        o.checkKeys(kCallKeys);
        CallSpec call;
        if (o.string("to", call.to, Need::Required) && !doc.services.empty())
            checkServiceRef(c, o.sub("to"), call.to, doc.services);
        o.number(row("call", "probability"), call.probability);
        o.boolean("required", call.required);
        if (const json *p = o.find("pipeline"))
            parsePipeline(c, *p, o.sub("pipeline"), call.pipeline, doc);
        svc.calls.push_back(std::move(call));
    });
}

/// A phase's `replicas`: distinct indices of replicas the service has.
void readPhaseReplicas(Checker &c, const json &v, const std::string &path, const ServiceSpec &svc,
                       bool replicasKnown, std::vector<int> &out)
{
    forEachElement(
        c, v, path, "replica indices", [&](const json &e, const std::string &p, std::size_t) {
            const auto i = readInteger(c, e, p, atLeast(0, kMaxReplicas - 1));
            if (!i)
                return;
            const int index = static_cast<int>(*i);
            if (replicasKnown && index >= svc.replicas) {
                c.error(p, "replica " + std::to_string(index) + " does not exist (" + svc.name +
                               " has " + std::to_string(svc.replicas) +
                               (svc.replicas == 1
                                    ? " replica: 0)"
                                    : " replicas: 0 to " + std::to_string(svc.replicas - 1) + ")"));
                return;
            }
            if (std::find(out.begin(), out.end(), index) != out.end()) {
                c.error(p, "replica " + std::to_string(index) + " is listed twice");
                return;
            }
            out.push_back(index);
        });
}

void parseService(Checker &c, const json &v, const std::string &path, ServiceSpec &svc,
                  const DocContext &doc)
{
    if (!v.is_object()) {
        c.error(path, "expected an object (a service), got " + describe(v));
        return;
    }
    const JsonObject o(c, v, path);
    o.checkKeys(plus(kServiceKeys, kServiceKeysV2));
    checkVersion2Keys(o, kServiceKeysV2, doc);
    const bool replicasOk =
        o.integer(row("service", "replicas"), svc.replicas) || o.find("replicas") == nullptr;
    o.choice("load_balancer", svc.loadBalancer, kLoadBalancers);
    o.choice("call_mode", svc.callMode, kCallModes);
    if (const json *calls = o.find("calls"))
        parseCalls(c, *calls, o.sub("calls"), svc, doc);
    o.number("failure_rate", svc.failureRate, kProbability);
    latencyKey(o, "latency_ms", svc.latency, Need::Required);
    latencyKey(o, "error_latency_ms", svc.errorLatency);
    o.integer("concurrency", svc.concurrency, kConcurrency);
    o.optInteger("queue_limit", svc.queueLimit, kQueueLimit);
    o.number("latency_per_inflight_ms", svc.latencyPerInflightMs, kMs);

    if (const json *phases = o.find("phases")) {
        std::optional<double> lastAt;
        forEachObject(
            c, *phases, o.sub("phases"), "service phase", [&](const JsonObject &p, std::size_t) {
                p.checkKeys(plus(kServicePhaseKeys, kServicePhaseKeysV2));
                checkVersion2Keys(p, kServicePhaseKeysV2, doc);
                ServicePhase phase;
                const bool atOk = p.number("at_s", phase.atS, kAtS, Need::Required);
                checkPhaseOrder(p, phase.atS, atOk, lastAt);
                p.optNumber("failure_rate", phase.failureRate, kProbability);
                latencyKey(p, "latency_ms", phase.latency);
                latencyKey(p, "error_latency_ms", phase.errorLatency);
                p.optInteger("concurrency", phase.concurrency, kConcurrency);
                p.optInteger("queue_limit", phase.queueLimit, kQueueLimit);
                p.optNumber("latency_per_inflight_ms", phase.latencyPerInflightMs, kMs);
                ReplicaState state = ReplicaState::Up;
                if (p.find("state") && p.choice("state", state, kReplicaStates))
                    phase.state = state;
                if (const json *r = p.find("replicas"))
                    readPhaseReplicas(c, *r, p.sub("replicas"), svc, replicasOk, phase.replicas);
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

/// The `type` of a stage, as a registered stage type; `st.options` becomes that type's defaults.
bool readStageType(const JsonObject &o, StageSpec &st)
{
    std::vector<Named<std::size_t>> table;
    for (std::size_t i = 0; i < stagePatterns().size(); ++i)
        table.push_back({stagePatterns()[i]->key, i});
    std::size_t index = 0;
    if (!o.choice("type", index, table, Need::Required))
        return false;
    return makeStage(stagePatterns()[index]->key, st);
}

void parsePipeline(Checker &c, const json &v, const std::string &path,
                   std::vector<StageSpec> &pipeline, const DocContext &doc)
{
    const std::vector<std::string> &services = doc.services;
    std::vector<bool> named;
    forEachObject(c, v, path, "a pipeline stage", [&](const JsonObject &o, std::size_t) {
        StageSpec st;
        const bool typeKnown = readStageType(o, st);
        if (typeKnown && st.pattern().version > doc.version)
            c.error(o.sub("type"),
                    "stage type \"" + std::string(st.typeName()) + "\" needs scenario version " +
                        std::to_string(st.pattern().version) +
                        " (set \"version\": " + std::to_string(st.pattern().version) + ")");
        bool hasName = false;
        if (o.string("name", st.name)) {
            hasName = true;
            if (st.name.empty())
                c.error(o.sub("name"), "must not be empty (leave the key out for the default "
                                       "name)");
        }
        o.boolean("enabled", st.enabled);
        if (!typeKnown) {
            Keys all = stageCommonKeys();
            for (const StagePattern *p : stagePatterns())
                all = plus(all, p->keys());
            o.checkKeys(all);
        } else {
            st.pattern().read(o, st, StageReadContext{services});
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
            c.error(keyPath(indexPath(path, at), "name"),
                    "duplicate stage name " + jsonQuoted(pipeline[i].name) + " (also " +
                        indexPath(path, other) + ")");
            break;
        }
    }
}

// ------------------------------------------------------------------------------------------------
// Version 2: layout, translations, and the graph's shape.

void parseLayout(Checker &c, const json &v, Scenario &s, const std::vector<std::string> &services)
{
    if (!v.is_object()) {
        c.error("layout",
                "expected an object of [x, y] positions by service name, got " + describe(v));
        return;
    }
    for (const auto &item : v.items()) {
        const std::string path = keyPath("layout", item.key());
        if (std::find(services.begin(), services.end(), item.key()) == services.end()) {
            checkServiceRef(c, path, item.key(), services);
            continue;
        }
        const json &xy = item.value();
        if (!xy.is_array() || xy.size() != 2) {
            c.error(path, "expected a position [x, y], got " + describe(xy));
            continue;
        }
        const Range any = atLeast(-1e6, 1e6);
        const auto x = readNumber(c, xy[0], indexPath(path, 0), any);
        const auto y = readNumber(c, xy[1], indexPath(path, 1), any);
        if (x && y)
            s.layout[item.key()] = {*x, *y};
    }
}

void parseI18n(Checker &c, const json &v, Scenario &s)
{
    if (!v.is_object()) {
        c.error("i18n",
                "expected an object of translations by language (\"zh_CN\"), got " + describe(v));
        return;
    }
    for (const auto &item : v.items()) {
        const std::string path = keyPath("i18n", item.key());
        if (!isPlainKey(item.key())) {
            c.error(path, "a language is a locale name such as \"zh_CN\" (got " +
                              jsonQuoted(item.key()) + ")");
            continue;
        }
        if (!item.value().is_object()) {
            c.error(path, "expected an object with \"name\" and \"description\", got " +
                              describe(item.value()));
            continue;
        }
        const JsonObject o(c, item.value(), path);
        o.checkKeys({"name", "description"});
        ScenarioText text;
        o.string("name", text.name);
        o.string("description", text.description);
        s.i18n[item.key()] = std::move(text);
    }
}

/// The services a service calls, with the JSON path that names each: its calls, and the services
/// of fallback stages on those calls.
std::vector<std::pair<std::string, std::string>> calledServices(const std::string &name,
                                                                const ServiceSpec &svc)
{
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t i = 0; i < svc.calls.size(); ++i) {
        const std::string call = indexPath(keyPath(keyPath("services", name), "calls"), i);
        out.emplace_back(svc.calls[i].to, keyPath(call, "to"));
        const auto &pipeline = svc.calls[i].pipeline;
        for (std::size_t k = 0; k < pipeline.size(); ++k) {
            if (pipeline[k].is<FallbackSpec>() &&
                pipeline[k].as<FallbackSpec>().mode == FallbackSpec::Mode::Service)
                out.emplace_back(pipeline[k].as<FallbackSpec>().service,
                                 keyPath(indexPath(keyPath(call, "pipeline"), k), "service"));
        }
    }
    return out;
}

/// Cycles through calls or fallback services, and chains deeper than kMaxCallDepth.
void checkGraph(Checker &c, const Scenario &s)
{
    enum Mark : std::uint8_t
    {
        Unseen,
        OnPath,
        Done
    };
    std::map<std::string, Mark> mark;
    std::map<std::string, int> depth; // services on the longest chain from here, itself included
    std::vector<std::string> path;
    bool cycle = false;
    const auto visit = [&](const auto &self, const std::string &name) -> void {
        mark[name] = OnPath;
        path.push_back(name);
        int deepest = 1;
        for (const auto &[callee, at] : calledServices(name, s.services.at(name))) {
            if (!s.services.count(callee))
                continue;
            if (mark[callee] == OnPath) {
                std::string text;
                const auto from = std::find(path.begin(), path.end(), callee);
                for (auto it = from; it != path.end(); ++it)
                    text += *it + " -> ";
                c.error(at, "cycle " + text + callee);
                cycle = true;
                continue;
            }
            if (mark[callee] == Unseen)
                self(self, callee);
            deepest = std::max(deepest, 1 + depth[callee]);
        }
        depth[name] = deepest;
        path.pop_back();
        mark[name] = Done;
    };
    for (const auto &[name, svc] : s.services) {
        if (mark[name] == Unseen)
            visit(visit, name);
    }
    if (cycle)
        return;
    // Depth from the client: the target, or a service the client's fallback calls.
    std::vector<std::pair<std::string, std::string>> roots{{s.target, "target"}};
    for (std::size_t k = 0; k < s.pipeline.size(); ++k) {
        if (s.pipeline[k].is<FallbackSpec>() &&
            s.pipeline[k].as<FallbackSpec>().mode == FallbackSpec::Mode::Service)
            roots.emplace_back(s.pipeline[k].as<FallbackSpec>().service,
                               keyPath(indexPath("pipeline", k), "service"));
    }
    for (const auto &[root, at] : roots) {
        if (!depth.count(root) || depth[root] <= kMaxCallDepth)
            continue;
        // Walk the deepest chain to the call that goes past the limit.
        std::string name = root;
        std::string chain = root;
        std::string where = at;
        for (int d = 1; d <= kMaxCallDepth; ++d) {
            for (const auto &[callee, p] : calledServices(name, s.services.at(name))) {
                if (depth.count(callee) && depth[callee] == depth[name] - 1) {
                    name = callee;
                    where = p;
                    break;
                }
            }
            chain += " -> " + name;
        }
        c.error(where, "calls go " + std::to_string(depth[root]) + " services deep (limit " +
                           std::to_string(kMaxCallDepth) + "): " + chain);
        return;
    }
}

// ------------------------------------------------------------------------------------------------
// The document.

const Keys kRootKeys{"version", "name",     "description", "seed",     "duration_s", "bucket_ms",
                     "load",    "services", "target",      "pipeline", "layout",     "i18n"};
const Keys kRootKeysV2{"layout", "i18n"};

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
    const JsonObject o(c, doc, "");
    o.checkKeys(kRootKeys);

    DocContext context;
    if (const json *v = o.get("version", Need::Required)) {
        if (!v->is_number())
            c.error("version", "expected an integer, got " + describe(*v));
        else if (v->get<double>() != 1.0 && v->get<double>() != 2.0)
            c.error("version", "must be 1 or 2 (got " + jsonText(*v) +
                                   "): this program reads scenario format versions 1 and 2");
        else
            context.version = static_cast<int>(v->get<double>());
    }
    s.version = context.version;
    checkVersion2Keys(o, kRootKeysV2, context);
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
            for (const auto &item : v->items())
                serviceNames.push_back(item.key());
            context.services = serviceNames;
            for (const auto &item : v->items()) {
                const std::string &name = item.key();
                const std::string path = keyPath("services", name);
                if (!isValidServiceName(name))
                    c.error(path, "service names must be non-empty and use only letters, digits, "
                                  "'_', '.' and '-' (got " +
                                      jsonQuoted(name) + ")");
                ServiceSpec svc;
                svc.name = name;
                parseService(c, item.value(), path, svc, context);
                if (name == "client" && !svc.calls.empty())
                    c.error(keyPath(path, "calls"),
                            "a service named \"client\" cannot make calls (\"client\" is the "
                            "load's side of the edge names, as in client->" +
                                std::string(svc.calls.front().to) + ")");
                s.services[name] = std::move(svc);
            }
        }
    }
    const bool haveServices = !serviceNames.empty();

    if (o.string("target", s.target, Need::Required) && haveServices)
        checkServiceRef(c, "target", s.target, serviceNames);

    if (const json *v = o.find("pipeline"))
        parsePipeline(c, *v, "pipeline", s.pipeline, context);
    if (const json *v = o.find("layout"))
        parseLayout(c, *v, s, serviceNames);
    if (const json *v = o.find("i18n"))
        parseI18n(c, *v, s);
    if (haveServices && c.count() == 0)
        checkGraph(c, s);

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

} // namespace
} // namespace io

using nlohmann::json;

ScenarioParse parseScenario(const json &doc)
{
    io::Checker c;
    Scenario s;
    try {
        io::parseRoot(c, doc, s);
    } catch (const json::exception &e) {
        // Only reachable with documents built in code (e.g. invalid UTF-8 in a string).
        c.error("", "cannot read the document: " + io::jsonExceptionText(e.what()));
    }
    ScenarioParse r;
    if (c.count() == 0)
        r.scenario = std::move(s);
    else
        r.errors = c.take();
    return r;
}

} // namespace reslab
