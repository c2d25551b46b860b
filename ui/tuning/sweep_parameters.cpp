#include "sweep_parameters.h"

#include "editor/parameter_catalog.h"
#include "i18n/texts.h"
#include "pattern_style.h"
#include "scenario_document.h"

#include "reslab/io/json_path.h"

#include <nlohmann/json.hpp>

namespace reslab::ui {
namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

bool isIndex(const std::string &t)
{
    return !t.empty() && t.find_first_not_of("0123456789") == std::string::npos;
}

/// "circuit breaker" for "circuit_breaker": the stage type's title in the GUI's language, in
/// lower case; an unknown type as it is written.
QString stageTypeWords(const std::string &type)
{
    if (patternStyle(type).key != type)
        return qs(type).replace('_', ' ');
    return patternTitle(type).toLower();
}

/// "Service api · phase 2 · latency" for the object at `tokens` in `doc`.
QString whereLabel(const nlohmann::json &doc, const std::vector<std::string> &tokens)
{
    QStringList parts;
    const nlohmann::json *node = &doc;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string &t = tokens[i];
        const std::string parent = i > 0 ? tokens[i - 1] : std::string();
        const nlohmann::json *next = nullptr;
        if (node->is_array() && isIndex(t) && std::stoul(t) < node->size())
            next = &(*node)[std::stoul(t)];
        else if (node->is_object() && node->contains(t))
            next = &(*node)[t];
        if (i == 0 && t == "load") {
            parts << QObject::tr("Load");
        } else if (i == 0 && t == "services") {
            // the service name follows
        } else if (parent == "services" && i == 1) {
            parts << QObject::tr("Service %1").arg(qs(t));
        } else if (parent == "phases" && isIndex(t)) {
            parts << QObject::tr("phase %1").arg(std::stoi(t) + 1);
        } else if (parent == "pipeline" && isIndex(t)) {
            QString what = QObject::tr("Stage %1").arg(std::stoi(t) + 1);
            if (next && next->is_object()) {
                const auto type = next->find("type");
                const auto name = next->find("name");
                if (name != next->end() && name->is_string())
                    what = QObject::tr("%1 (%2)").arg(what, qs(name->get<std::string>()));
                else if (type != next->end() && type->is_string())
                    what =
                        QObject::tr("%1 (%2)").arg(what, stageTypeWords(type->get<std::string>()));
            }
            parts << what;
        } else if (t == "pipeline" || t == "phases") {
            // the index follows
        } else if (t == "latency_ms") {
            parts << QObject::tr("latency");
        } else if (t == "error_latency_ms") {
            parts << QObject::tr("error latency");
        } else if (t == "think_time_ms") {
            parts << QObject::tr("think time");
        } else {
            parts << qs(t).replace('_', ' ');
        }
        if (!next)
            break;
        node = next;
    }
    return parts.isEmpty() ? QObject::tr("Scenario") : parts.join(QStringLiteral(" · "));
}

void visit(const nlohmann::json &doc, const nlohmann::json &obj, const std::string &path,
           std::vector<SweepParameter> &out)
{
    if (!obj.is_object())
        return;
    const std::vector<std::string> tokens =
        splitScenarioPath(path).value_or(std::vector<std::string>{});
    for (const ParamInfo &row : parameterCatalog()) {
        if (!row.isNumeric())
            continue;
        const std::string key(row.key);
        const std::string candidate = path.empty() ? key : path + "." + key;
        if (parameterForPath(doc, candidate) != &row)
            continue;
        SweepParameter p;
        p.path = candidate;
        p.info = &row;
        const auto it = obj.find(key);
        if (it != obj.end() && it->is_number()) {
            p.present = true;
            p.current = it->get<double>();
        } else if (it == obj.end() && row.hasDefault && !row.optional) {
            p.current = row.defaultValue;
        } else {
            continue;
        }
        p.label = whereLabel(doc, tokens) + QStringLiteral(" · ") + schemaText(row.label);
        out.push_back(std::move(p));
    }
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (it.key().find('.') != std::string::npos || it.key().find('[') != std::string::npos)
            continue; // not reachable by a dotted path
        const std::string child = path.empty() ? it.key() : path + "." + it.key();
        if (it->is_object()) {
            visit(doc, *it, child, out);
        } else if (it->is_array()) {
            for (std::size_t i = 0; i < it->size(); ++i)
                visit(doc, (*it)[i], child + "[" + std::to_string(i) + "]", out);
        }
    }
}

} // namespace

std::vector<SweepParameter> sweepParameters(const nlohmann::json &doc)
{
    std::vector<SweepParameter> out;
    visit(doc, doc, std::string(), out);
    return out;
}

AxisPresentation axisPresentation(const nlohmann::json &doc, const std::string &path)
{
    AxisPresentation a;
    const ParamInfo *info = parameterForPath(doc, path);
    if (!info || !info->isNumeric()) {
        a.title = QString::fromStdString(path);
        return a;
    }
    std::vector<std::string> tokens = splitScenarioPath(path).value_or(std::vector<std::string>{});
    if (!tokens.empty())
        tokens.pop_back();
    a.unit = schemaText(info->unit);
    a.scale = info->displayScale;
    a.decimals = info->decimals;
    a.title = whereLabel(doc, tokens) + QStringLiteral(" · ") + schemaText(info->label);
    if (!a.unit.isEmpty())
        a.title += " (" + a.unit + ")";
    return a;
}

} // namespace reslab::ui
