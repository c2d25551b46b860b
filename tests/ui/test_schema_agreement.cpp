// The parameter schema walked row by row: the editor's field and the validator must agree on
// every option's range, default and unit. Each check drives the real widgets (the spin box a
// person types into) and reads what the validator says about the document they wrote; a row whose
// range, default or scale the editor and the scenario reader disagree on fails here, and so does a
// schema context that this walk does not know how to reach.
#include "editor/choice_field.h"
#include "editor/param_field.h"
#include "editor/parameter_catalog.h"
#include "editor/scenario_editor.h"
#include "editor/text_field.h"
#include "scenario_document.h"

#include "reslab/io/scenario_io.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QScrollArea>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <string>

namespace reslab::ui {
namespace {

using nlohmann::json;

/// One scenario that holds every schema context: each distribution, each breaker policy, a retry
/// with a budget, a timeout, a cache fallback, a load phase and a service phase.
json everything()
{
    return json::parse(R"({
      "version": 2, "name": "every context", "seed": 3, "duration_s": 60, "bucket_ms": 1000,
      "load": { "type": "poisson", "rate_per_s": 50, "phases": [ { "at_s": 10, "rate_per_s": 80 } ] },
      "services": {
        "api": { "failure_rate": 0.1, "concurrency": 16,
                 "latency_ms": { "dist": "lognormal", "median": 40, "p99": 400 },
                 "phases": [ { "at_s": 20, "failure_rate": 0.5 } ],
                 "calls": [ { "to": "c", "probability": 0.5 } ] },
        "c": { "latency_ms": { "dist": "constant", "value": 10 } },
        "u": { "latency_ms": { "dist": "uniform", "min": 10, "max": 5000 } },
        "e": { "latency_ms": { "dist": "exponential", "mean": 30 } },
        "n": { "latency_ms": { "dist": "normal", "mean": 3000, "stddev": 5 } }
      },
      "target": "api",
      "pipeline": [
        { "type": "circuit_breaker", "policy": "consecutive" },
        { "type": "circuit_breaker", "policy": "resilience4j" },
        { "type": "circuit_breaker", "policy": "polly" },
        { "type": "retry", "max_retries": 2, "budget": { "ratio": 0.2 } },
        { "type": "timeout", "timeout_ms": 500 },
        { "type": "fallback", "mode": "cache" },
        { "type": "bulkhead", "max_concurrent_calls": 10 },
        { "type": "rate_limiter", "limit_refresh_period_ms": 1000 },
        { "type": "rate_limiter", "algorithm": "token_bucket", "tokens_per_s": 100 },
        { "type": "hedging", "delay_ms": 100 }
      ]
    })");
}

/// Where each context's keys live in everything(). A context missing here fails the walk: add
/// it (and its object to everything()) when a pattern brings one.
const std::map<std::string, std::string> &prefixes()
{
    static const std::map<std::string, std::string> p{
        {"scenario", ""},
        {"load", "load."},
        {"load_phase", "load.phases[0]."},
        {"service", "services.api."},
        {"service_phase", "services.api.phases[0]."},
        {"call", "services.api.calls[0]."},
        {"dist.lognormal", "services.api.latency_ms."},
        {"dist.constant", "services.c.latency_ms."},
        {"dist.uniform", "services.u.latency_ms."},
        {"dist.exponential", "services.e.latency_ms."},
        {"dist.normal", "services.n.latency_ms."},
        {"stage", "pipeline[3]."},
        {"circuit_breaker", "pipeline[0]."},
        {"circuit_breaker.consecutive", "pipeline[0]."},
        {"circuit_breaker.resilience4j", "pipeline[1]."},
        {"circuit_breaker.polly", "pipeline[2]."},
        {"retry", "pipeline[3]."},
        {"retry.budget", "pipeline[3].budget."},
        {"timeout", "pipeline[4]."},
        {"fallback", "pipeline[5]."},
        {"fallback.cache", "pipeline[5]."},
        {"bulkhead", "pipeline[6]."},
        {"rate_limiter", "pipeline[7]."},
        {"rate_limiter.fixed_window", "pipeline[7]."},
        {"rate_limiter.token_bucket", "pipeline[8]."},
        {"hedging", "pipeline[9]."},
    };
    return p;
}

std::string pathOf(const ParamInfo &row)
{
    return prefixes().at(std::string(row.context)) + std::string(row.key);
}

/// everything() as the editor must see it to show `row`'s field: the editor shows a field only
/// where it applies (clients for a closed loop, jitter_ratio for proportional jitter) and a phase
/// only the keys the phase sets.
json docFor(const ParamInfo &row)
{
    json doc = everything();
    const std::string context(row.context);
    const std::string key(row.key);
    if (context == "load" && key == "clients") {
        doc["load"] = {{"type", "closed"}, {"clients", 4}};
    } else if (context == "load_phase" && key == "clients") {
        doc["load"] = {{"type", "closed"}, {"clients", 4}};
        doc["load"]["phases"] = json::array({{{"at_s", 10}, {"clients", 8}}});
    } else if (context == "service_phase" && key == "state") {
        doc["services"]["api"]["phases"][0][key] = "up";
    } else if (context == "service_phase" && key != "at_s") {
        const ParamInfo *base = findParameter("service", row.key);
        const double v = base && base->hasDefault && !base->optional
                             ? base->defaultValue
                             : (base ? base->enableValue : 1);
        doc["services"]["api"]["phases"][0][key] = v;
    } else if (context == "retry" && key == "jitter_ratio") {
        doc["pipeline"][3]["jitter"] = "proportional";
    } else if (context == "retry" && key == "randomization_factor") {
        doc["pipeline"][3]["jitter"] = "randomized";
    }
    return doc;
}

json::json_pointer pointerFor(const std::string &path)
{
    std::string p;
    for (const std::string &t : splitJsonPath(path))
        p += "/" + t;
    return json::json_pointer(p);
}

struct Editor
{
    ScenarioDocument document;
    std::unique_ptr<QScrollArea> scroll = std::make_unique<QScrollArea>();
    ScenarioEditor *editor = nullptr;

    explicit Editor(const json &doc = everything())
    {
        editor = new ScenarioEditor(&document);
        scroll->setWidget(editor);
        scroll->setWidgetResizable(true);
        scroll->resize(420, 900);
        document.reset(doc, "test:walk");
        scroll->show();
        QApplication::processEvents();
    }
    /// A 64-bit number the editor takes as text (the seed): no spin box, no display scale.
    bool isText(const std::string &path) const
    {
        QApplication::processEvents();
        return editor->findChild<TextField *>(QString::fromStdString(path)) != nullptr;
    }
    ParamField *field(const std::string &path) const
    {
        QApplication::processEvents();
        return editor->findChild<ParamField *>(QString::fromStdString(path));
    }
    /// Types `shown` (display units) into the field's spin box, as a person would.
    void type(const std::string &path, double shown)
    {
        ParamField *f = field(path);
        ASSERT_NE(f, nullptr) << path;
        if (f->optionBox() && !f->optionBox()->isChecked()) // an optional key: switch it on
            f->optionBox()->setChecked(true);
        if (f->spinBox()->value() == shown) // no change, no write: move off it first
            f->spinBox()->setValue(shown + f->spinBox()->singleStep());
        f->spinBox()->setValue(shown);
        QApplication::processEvents();
    }
    bool errorAt(const std::string &path) const { return !document.errorsAt(path).empty(); }
};

/// One step of the spin box: the smallest change a person can type (display units).
double shownStep(const ParamInfo &row)
{
    return row.kind == ParamKind::Integer ? 1.0 : std::pow(10.0, -row.decimals);
}

/// Keys whose lower end is another key's value: the validator checks them against it.
std::string lowerPartner(const ParamInfo &row)
{
    if (row.context == "dist.uniform" && row.key == "max")
        return "min";
    if (row.context == "dist.lognormal" && row.key == "p99")
        return "median";
    return {};
}

std::vector<const ParamInfo *> numericRows()
{
    std::vector<const ParamInfo *> rows;
    for (const ParamInfo &row : parameterCatalog()) {
        if (row.isNumeric())
            rows.push_back(&row);
    }
    return rows;
}

TEST(SchemaAgreement, EveryContextIsReachableInTheWalkDocument)
{
    const json doc = everything();
    ASSERT_TRUE(parseScenario(doc).ok()) << parseScenario(doc).errors.front().toString();
    for (std::string_view context : parameterContexts()) {
        SCOPED_TRACE(std::string(context));
        ASSERT_EQ(prefixes().count(std::string(context)), 1u)
            << "a new schema context: give it a place in everything() and prefixes()";
        for (const ParamInfo *row : parametersIn(context))
            EXPECT_EQ(contextForPath(doc, pathOf(*row)), context) << pathOf(*row);
    }
}

TEST(SchemaAgreement, EveryNumericRowHasAFieldWithTheSchemaUnit)
{
    int fields = 0;
    for (const ParamInfo *row : numericRows()) {
        const std::string path = pathOf(*row);
        SCOPED_TRACE(path);
        Editor e(docFor(*row));
        if (e.isText(path)) {
            EXPECT_TRUE(row->unit.empty()) << "a text field shows no unit";
            ++fields;
            continue;
        }
        ParamField *f = e.field(path);
        ASSERT_NE(f, nullptr) << "the editor shows no field for " << path;
        const QLabel *unit = f->findChild<QLabel *>("unit");
        ASSERT_NE(unit, nullptr);
        EXPECT_EQ(unit->text().toStdString(), std::string(row->unit));
        ++fields;
    }
    EXPECT_GE(fields, 50); // the walk reached the catalogue, not a handful of rows
}

// Just inside each end of the valid range the validator is silent; one spin-box step outside it
// reports an error at exactly that path. Values are typed in display units, so a wrong display
// scale (a ratio shown as a percentage, or not) fails too.
TEST(SchemaAgreement, TheValidRangeIsWhereTheValidatorIsSilent)
{
    for (const ParamInfo *row : numericRows()) {
        const std::string path = pathOf(*row);
        SCOPED_TRACE(path);
        const json doc = docFor(*row);
        Editor e(doc);
        if (e.isText(path)) { // typed as text: the JSON number itself
            e.document.setValue(path, static_cast<long long>(row->min));
            EXPECT_FALSE(e.errorAt(path));
            e.document.setValue(path, static_cast<long long>(row->min) - 1);
            EXPECT_TRUE(e.errorAt(path));
            continue;
        }
        ParamField *f = e.field(path);
        ASSERT_NE(f, nullptr);
        const double scale = row->displayScale;
        const double step = shownStep(*row);
        const double lo = row->min * scale;
        const double hi = row->max * scale;
        const double insideLo = row->minExclusive ? lo + step : lo;
        const double insideHi = row->maxExclusive ? hi - step : hi;
        // The spin box holds a step beyond each end, so an out-of-range value can be typed.
        EXPECT_LE(f->spinBox()->minimum(), lo - step);
        if (hi < 1e12) {
            EXPECT_GE(f->spinBox()->maximum(), hi + step);
        }

        if (const std::string partner = lowerPartner(*row); !partner.empty()) {
            // Its low end is the partner's value (max >= min, p99 >= median), not the schema's.
            const std::string partnerPath = prefixes().at(std::string(row->context)) + partner;
            const double at = doc.at(pointerFor(partnerPath)).get<double>() * scale;
            e.type(path, at);
            EXPECT_FALSE(e.errorAt(path));
            e.type(path, at - step);
            EXPECT_TRUE(e.errorAt(path));
            EXPECT_GE(at - step, lo) << "the schema's own low end is below the partner's";
        } else {
            e.type(path, insideLo);
            ASSERT_TRUE(e.document.value(path).is_number()) << e.document.value(path).dump();
            EXPECT_NEAR(e.document.value(path).get<double>(), insideLo / scale, 1e-9 * (1 + hi))
                << "typed " << insideLo << " " << row->unit;
            EXPECT_FALSE(e.errorAt(path)) << "rejects " << insideLo << " " << row->unit << ": "
                                          << e.document.errorsAt(path).front().message;
            e.type(path, row->minExclusive ? lo : lo - step);
            EXPECT_TRUE(e.errorAt(path)) << "accepts " << (row->minExclusive ? lo : lo - step);
        }

        if (hi < 1e12) { // the 2^31 - 1 and 1e9 ms caps are typed too
            e.type(path, insideHi);
            EXPECT_FALSE(e.errorAt(path)) << "rejects " << insideHi << " " << row->unit << ": "
                                          << e.document.errorsAt(path).front().message;
            e.type(path, row->maxExclusive ? hi : hi + step);
            EXPECT_TRUE(e.errorAt(path)) << "accepts " << (row->maxExclusive ? hi : hi + step);
        }
    }
}

// An absent key: the editor shows the schema default, and the validator reads the same value as
// when that default is written out (the scenario it builds is the same, key by key).
TEST(SchemaAgreement, AnAbsentKeyMeansTheDefaultInBoth)
{
    int checked = 0;
    for (const ParamInfo *row : numericRows()) {
        if (!row->hasDefault || row->optional)
            continue; // required keys, phase keys (inherit) and optional keys (absent = none)
        const std::string path = pathOf(*row);
        SCOPED_TRACE(path);
        json without = docFor(*row);
        const json::json_pointer pointer = pointerFor(path);
        if (without.contains(pointer))
            without.at(pointer.parent_pointer()).erase(pointer.back());
        json with = without;
        with[pointer] = row->kind == ParamKind::Integer
                            ? json(static_cast<long long>(row->defaultValue))
                            : json(row->defaultValue);
        const ScenarioParse a = parseScenario(without);
        const ScenarioParse b = parseScenario(with);
        ASSERT_TRUE(a.ok()) << a.errors.front().toString();
        ASSERT_TRUE(b.ok()) << b.errors.front().toString();
        EXPECT_EQ(scenarioToJson(*a.scenario), scenarioToJson(*b.scenario))
            << "the reader's default is not the schema's " << row->defaultValue;

        Editor e(without);
        if (e.isText(path)) {
            ++checked;
            continue;
        }
        ParamField *f = e.field(path);
        ASSERT_NE(f, nullptr);
        EXPECT_TRUE(f->isShowingDefault());
        EXPECT_NEAR(f->spinBox()->value(), row->defaultValue * row->displayScale,
                    0.5 * shownStep(*row));
        ++checked;
    }
    EXPECT_GE(checked, 30);
}

// Enumerated keys: the editor offers exactly the schema's choices, the validator accepts each and
// rejects anything else.
TEST(SchemaAgreement, EnumeratedKeysOfferTheChoicesTheValidatorAccepts)
{
    Editor e;
    int checked = 0;
    for (const ParamInfo &row : parameterCatalog()) {
        if (row.kind != ParamKind::Enum || prefixes().count(std::string(row.context)) == 0)
            continue;
        const std::string path = prefixes().at(std::string(row.context)) + std::string(row.key);
        SCOPED_TRACE(path);
        std::set<std::string> schema(row.choices.begin(), row.choices.end());
        for (const std::string &choice : schema) {
            e.document.reset(everything(), "test:everything");
            e.document.setValue(path, choice);
            EXPECT_TRUE(e.document.errorsAt(path).empty()) << choice;
        }
        e.document.reset(everything(), "test:everything");
        e.document.setValue(path, "no_such_choice");
        EXPECT_FALSE(e.document.errorsAt(path).empty());
        e.document.reset(everything(), "test:everything");
        QApplication::processEvents();
        if (const auto *f = e.editor->findChild<ChoiceField *>(QString::fromStdString(path))) {
            std::set<std::string> offered;
            for (int i = 0; i < f->comboBox()->count(); ++i)
                offered.insert(f->comboBox()->itemData(i).toString().toStdString());
            EXPECT_EQ(offered, schema);
        }
        ++checked;
    }
    EXPECT_GE(checked, 3);
}

} // namespace
} // namespace reslab::ui
