// The scenario editor: fields bound to JSON paths, structural edits, stage cards.
#include "editor/editor_hub.h"
#include "editor/editor_widgets.h"
#include "editor/fields.h"
#include "editor/json_edits.h"
#include "editor/parameter_catalog.h"
#include "editor/pipeline_editor.h"
#include "editor/scenario_editor.h"
#include "editor/stage_card.h"
#include "main_window.h"
#include "scenario_document.h"
#include "simulation_controller.h"

#include "reslab/io/scenario_io.h"
#include "reslab/model/presets.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>

#include <gtest/gtest.h>

#include <memory>

namespace reslab::ui {
namespace {

using nlohmann::json;

/// A document and an editor in a scroll area of a realistic size, shown offscreen.
struct Fixture
{
    ScenarioDocument document;
    std::unique_ptr<QScrollArea> scroll = std::make_unique<QScrollArea>();
    ScenarioEditor *editor = nullptr;

    explicit Fixture(const QString &source = "preset:seed-resilient-service")
    {
        editor = new ScenarioEditor(&document);
        scroll->setWidget(editor);
        scroll->setWidgetResizable(true);
        scroll->resize(380, 900);
        QString error;
        const bool ok = document.open(source, &error);
        EXPECT_TRUE(ok) << error.toStdString();
        scroll->show();
        QApplication::processEvents();
    }

    template <class T>
    T *find(const std::string &name) const
    {
        return editor->findChild<T *>(QString::fromStdString(name));
    }
    ParamField *param(const std::string &path) const { return find<ParamField>(path); }
};

Scenario parsedPreset(const std::string &name)
{
    const auto preset = findPreset(name);
    EXPECT_TRUE(preset.has_value());
    const ScenarioParse parse = parseScenarioText(preset->json);
    EXPECT_TRUE(parse.ok());
    return *parse.scenario;
}

// ---- catalogue ---------------------------------------------------------------------------------

TEST(EditorCatalog, LibraryDefaultsAndNames)
{
    const ParamInfo *fr = findParameter("circuit_breaker.resilience4j", "failure_rate_threshold");
    ASSERT_NE(fr, nullptr);
    EXPECT_EQ(fr->label, "failureRateThreshold");
    EXPECT_EQ(fr->unit, "%");
    EXPECT_EQ(fr->defaultValue, 50);
    EXPECT_TRUE(fr->minExclusive);
    EXPECT_EQ(fr->library, "resilience4j CircuitBreakerConfig");

    const std::vector<std::pair<const char *, double>> r4j{
        {"sliding_window_size", 100},
        {"minimum_number_of_calls", 100},
        {"failure_rate_threshold", 50},
        {"slow_call_rate_threshold", 100},
        {"slow_call_duration_threshold_ms", 60000},
        {"permitted_number_of_calls_in_half_open_state", 10},
        {"wait_duration_in_open_state_ms", 60000},
        {"max_wait_duration_in_half_open_state_ms", 0},
        {"automatic_transition_from_open_to_half_open_enabled", 0}};
    for (const auto &[key, def] : r4j) {
        const ParamInfo *p = findParameter("circuit_breaker.resilience4j", key);
        ASSERT_NE(p, nullptr) << key;
        EXPECT_EQ(p->defaultValue, def) << key;
    }
    EXPECT_EQ(findParameter("circuit_breaker.resilience4j", "sliding_window_type")->defaultChoice,
              "count");
    const std::vector<std::pair<const char *, double>> polly{{"failure_ratio", 0.1},
                                                             {"minimum_throughput", 100},
                                                             {"sampling_duration_ms", 30000},
                                                             {"break_duration_ms", 5000}};
    for (const auto &[key, def] : polly) {
        const ParamInfo *p = findParameter("circuit_breaker.polly", key);
        ASSERT_NE(p, nullptr) << key;
        EXPECT_EQ(p->defaultValue, def) << key;
    }
    EXPECT_EQ(findParameter("circuit_breaker.polly", "failure_ratio")->label, "FailureRatio");
    EXPECT_EQ(findParameter("circuit_breaker.polly", "minimum_throughput")->min, 2);
}

TEST(EditorCatalog, EveryRowIsComplete)
{
    for (const ParamInfo &p : parameterCatalog()) {
        SCOPED_TRACE(std::string(p.context) + "." + std::string(p.key));
        EXPECT_FALSE(p.label.empty());
        EXPECT_FALSE(p.tooltip.empty());
        if (p.isNumeric()) {
            EXPECT_LT(p.min, p.max);
            if (p.hasDefault) {
                EXPECT_TRUE(p.accepts(p.defaultValue));
            }
            if (p.slider == SliderScale::Log) {
                EXPECT_GT(p.sliderMin, 0);
            }
            if (p.slider != SliderScale::None) {
                EXPECT_LT(p.sliderMin, p.sliderMax);
            }
        }
        if (p.kind == ParamKind::Enum) {
            EXPECT_FALSE(p.choices.empty());
            EXPECT_NE(std::find(p.choices.begin(), p.choices.end(), p.defaultChoice),
                      p.choices.end());
        }
        EXPECT_EQ(findParameter(p.context, p.key), &p);
    }
}

TEST(EditorCatalog, DefaultsMatchTheValidator)
{
    // A stage written with every catalogue default validates and equals the parsed default.
    for (const std::string policy : {"consecutive", "resilience4j", "polly"}) {
        json doc = json::parse(findPreset("resilience4j-defaults")->json);
        doc["pipeline"][0] = switchBreakerPolicy(json{{"type", "circuit_breaker"}}, policy);
        const ScenarioParse withDefaults = parseScenario(doc);
        ASSERT_TRUE(withDefaults.ok()) << withDefaults.errors.front().toString();
        doc["pipeline"][0] = json{{"type", "circuit_breaker"}, {"policy", policy}};
        const ScenarioParse bare = parseScenario(doc);
        ASSERT_TRUE(bare.ok());
        EXPECT_EQ(withDefaults.scenario->pipeline[0], bare.scenario->pipeline[0]) << policy;
    }
}

TEST(EditorCatalog, LooksUpPaths)
{
    const json doc = json::parse(findPreset("seed-resilient-service")->json);
    EXPECT_EQ(contextForPath(doc, "services.backend.failure_rate"), "service");
    EXPECT_EQ(contextForPath(doc, "services.backend.latency_ms.p99"), "dist.lognormal");
    EXPECT_EQ(contextForPath(doc, "services.backend.phases[0].failure_rate"), "service_phase");
    EXPECT_EQ(contextForPath(doc, "pipeline[1].failure_threshold"), "circuit_breaker.consecutive");
    EXPECT_EQ(contextForPath(doc, "pipeline[4].base_ms"), "retry");
    EXPECT_EQ(contextForPath(doc, "load.rate_per_s"), "load");
    EXPECT_EQ(contextForPath(doc, "duration_s"), "scenario");
    const ParamInfo *p = parameterForPath(doc, "pipeline[2].timeout_ms");
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->key, "timeout_ms");
    EXPECT_EQ(parameterForPath(doc, "pipeline[9].timeout_ms"), nullptr);
}

// ---- presets round trip ------------------------------------------------------------------------

TEST(EditorPresets, EveryPresetLoadsAndRoundTripsUnchanged)
{
    for (const Preset &preset : presets()) {
        const std::string name(preset.name);
        SCOPED_TRACE(name);
        Fixture f(QString::fromStdString("preset:" + name));
        const json before = f.document.json();
        // Touch every section: collapse/expand, refresh everything.
        emit f.editor->hub()->refreshValues();
        QApplication::processEvents();
        EXPECT_FALSE(f.document.isModified());
        EXPECT_EQ(f.document.json(), before);
        ASSERT_TRUE(f.document.scenario().has_value());
        EXPECT_EQ(*f.document.scenario(), parsedPreset(name));
        EXPECT_TRUE(f.document.errors().empty());
        EXPECT_TRUE(f.editor->problemsLabel()->isHidden());
        // Every stage has a card.
        EXPECT_EQ(f.editor->pipelineEditor()->count(),
                  static_cast<int>(f.document.scenario()->pipeline.size()));
        for (std::size_t i = 0; i < f.document.scenario()->pipeline.size(); ++i)
            EXPECT_NE(f.find<StageCard>("stage:" + std::to_string(i)), nullptr);
    }
}

TEST(EditorPresets, WritingBackWhatEveryFieldShowsKeepsTheScenario)
{
    // Display <-> JSON conversions are exact: 0.02 shown as 2 % is written back as 0.02.
    for (const Preset &preset : presets()) {
        const std::string name(preset.name);
        SCOPED_TRACE(name);
        Fixture f(QString::fromStdString("preset:" + name));
        std::vector<QPointer<ParamField>> fields;
        for (ParamField *field : f.editor->findChildren<ParamField *>())
            fields.emplace_back(field);
        int written = 0;
        for (const QPointer<ParamField> &field : fields) {
            ASSERT_FALSE(field.isNull());
            if (f.document.value(field->path()).is_null() || !field->spinBox()->isEnabled())
                continue;
            FieldSpinBox *spin = field->spinBox();
            const double shown = spin->value();
            spin->setValue(shown + spin->singleStep());
            spin->setValue(shown);
            ++written;
        }
        EXPECT_GT(written, 5);
        ASSERT_TRUE(f.document.errors().empty()) << f.document.errors().front().toString();
        EXPECT_EQ(*f.document.scenario(), parsedPreset(name));
    }
}

// ---- fields ------------------------------------------------------------------------------------

TEST(EditorFields, SpinBoxWritesTheDocument)
{
    Fixture f;
    ParamField *field = f.param("services.backend.failure_rate");
    ASSERT_NE(field, nullptr);
    EXPECT_EQ(field->spinBox()->value(), 2); // 0.02 shown as 2 %
    field->spinBox()->setValue(7);
    EXPECT_EQ(f.document.value("services.backend.failure_rate"), json(0.07));
    EXPECT_DOUBLE_EQ(f.document.scenario()->services.at("backend").failureRate, 0.07);
    EXPECT_TRUE(f.document.isModified());

    ParamField *timeout = f.param("pipeline[2].timeout_ms");
    ASSERT_NE(timeout, nullptr);
    timeout->spinBox()->setValue(2500);
    EXPECT_EQ(f.document.value("pipeline[2].timeout_ms"), json(2500));
    EXPECT_TRUE(f.document.value("pipeline[2].timeout_ms").is_number_integer());
    EXPECT_DOUBLE_EQ(f.document.scenario()->pipeline[2].as<TimeoutSpec>().timeoutMs, 2500);
}

TEST(EditorFields, IntegersAreWrittenAsJsonIntegers)
{
    Fixture f;
    ParamField *field = f.param("pipeline[1].failure_threshold");
    ASSERT_NE(field, nullptr);
    field->spinBox()->setValue(8);
    emit field->spinBox()->editingFinished();
    const json v = f.document.value("pipeline[1].failure_threshold");
    EXPECT_TRUE(v.is_number_integer()) << v.dump();
    EXPECT_EQ(v, json(8));
    EXPECT_EQ(f.document.scenario()
                  ->pipeline[1]
                  .as<BreakerSpec>()
                  .as<ConsecutiveOptions>()
                  .failureThreshold,
              8);
}

TEST(EditorFields, SliderAndSpinBoxFollowEachOther)
{
    Fixture f;
    ParamField *field = f.param("pipeline[1].reset_timeout_ms");
    ASSERT_NE(field, nullptr);
    EXPECT_EQ(field->slider()->value(), field->positionFor(30000));
    field->slider()->setValue(field->slider()->maximum());
    const double top = field->valueAt(field->slider()->maximum());
    EXPECT_DOUBLE_EQ(field->spinBox()->value(), top);
    EXPECT_EQ(f.document.value("pipeline[1].reset_timeout_ms"), numberJson(top, false));
    field->spinBox()->setValue(1000);
    EXPECT_EQ(field->slider()->value(), field->positionFor(1000));
    // Log slider: the ends map to the catalogue span, values in between are round numbers.
    EXPECT_DOUBLE_EQ(field->valueAt(field->slider()->minimum()), 1);
    EXPECT_DOUBLE_EQ(top, 600000);
}

TEST(EditorFields, AbsentKeyShowsDefaultAndResetRemovesIt)
{
    Fixture f;
    // The consecutive breaker of the seed preset has no half_open_max_calls.
    ParamField *field = f.param("pipeline[1].half_open_max_calls");
    ASSERT_NE(field, nullptr);
    EXPECT_TRUE(field->isShowingDefault());
    EXPECT_TRUE(field->property("isDefault").toBool());
    EXPECT_EQ(field->spinBox()->value(), 1);
    EXPECT_TRUE(field->spinBox()->font().italic());
    auto *hint = field->findChild<QLabel *>("hint");
    ASSERT_NE(hint, nullptr);
    EXPECT_FALSE(hint->isHidden());
    EXPECT_EQ(hint->text(), "default");
    EXPECT_TRUE(field->resetButton()->isHidden());

    field->spinBox()->setValue(3);
    EXPECT_EQ(f.document.value("pipeline[1].half_open_max_calls"), json(3));
    EXPECT_FALSE(field->isShowingDefault());
    EXPECT_FALSE(field->spinBox()->font().italic());
    EXPECT_TRUE(hint->isHidden());
    EXPECT_FALSE(field->resetButton()->isHidden());

    field->resetButton()->click();
    EXPECT_TRUE(f.document.value("pipeline[1].half_open_max_calls").is_null());
    EXPECT_FALSE(f.document.json()["pipeline"][1].contains("half_open_max_calls"));
    EXPECT_TRUE(field->isShowingDefault());
    EXPECT_EQ(field->spinBox()->value(), 1);
}

TEST(EditorFields, OutOfRangeValueShowsTheErrorAndIsKept)
{
    Fixture f;
    ParamField *field = f.param("services.backend.failure_rate");
    ASSERT_NE(field, nullptr);
    field->spinBox()->setValue(150);
    // The document keeps what was typed; the simulation keeps the last valid scenario.
    EXPECT_EQ(f.document.value("services.backend.failure_rate"), json(1.5));
    ASSERT_TRUE(f.document.scenario().has_value());
    EXPECT_DOUBLE_EQ(f.document.scenario()->services.at("backend").failureRate, 0.02);
    EXPECT_FALSE(f.document.errorsAt("services.backend.failure_rate").empty());
    // The field shows it: property, red frame, message under the field.
    EXPECT_TRUE(field->property("hasError").toBool());
    auto *frame = field->findChild<QWidget *>("frame");
    ASSERT_NE(frame, nullptr);
    EXPECT_TRUE(frame->property("hasError").toBool());
    auto *error = field->findChild<QLabel *>("error");
    ASSERT_NE(error, nullptr);
    EXPECT_TRUE(error->isVisible());
    EXPECT_TRUE(error->text().contains("must be in [0, 1]")) << error->text().toStdString();
    EXPECT_TRUE(error->text().contains("100 %")) << error->text().toStdString();
    EXPECT_EQ(field->spinBox()->value(), 150); // still what the user typed
    // Only the field shows it: nothing in the problems banner.
    EXPECT_TRUE(f.editor->problemsLabel()->isHidden());

    field->spinBox()->setValue(50);
    EXPECT_FALSE(field->property("hasError").toBool());
    EXPECT_TRUE(error->isHidden());
    EXPECT_DOUBLE_EQ(f.document.scenario()->services.at("backend").failureRate, 0.5);
}

TEST(EditorFields, UpdatesWithoutRebuildingOnExternalChange)
{
    Fixture f;
    ParamField *field = f.param("load.rate_per_s");
    ASSERT_NE(field, nullptr);
    field->spinBox()->setFocus();
    f.document.setValue("load.rate_per_s", 321);
    EXPECT_EQ(f.param("load.rate_per_s"), field); // same widget, not rebuilt
    EXPECT_EQ(field->spinBox()->value(), 321);
}

TEST(EditorFields, WritingAShownDefaultDoesNotRebuildTheCard)
{
    Fixture f;
    ParamField *multiplier = f.param("pipeline[4].multiplier"); // absent: default 2
    ASSERT_NE(multiplier, nullptr);
    EXPECT_TRUE(multiplier->isShowingDefault());
    StageCard *card = f.find<StageCard>("stage:4");
    multiplier->slider()->setValue(multiplier->positionFor(3));
    EXPECT_EQ(f.document.value("pipeline[4].multiplier"), json(3));
    QApplication::processEvents();
    EXPECT_EQ(f.find<StageCard>("stage:4"), card);
    EXPECT_EQ(f.param("pipeline[4].multiplier"), multiplier);
    EXPECT_FALSE(multiplier->isShowingDefault());
}

TEST(EditorFields, WheelOverAnUnfocusedControlScrollsInsteadOfEditing)
{
    Fixture f;
    const json before = f.document.json();
    auto *dist = f.find<ChoiceField>("services.cache.latency_ms.dist");
    ParamField *rate = f.param("services.backend.failure_rate");
    ASSERT_NE(dist, nullptr);
    ASSERT_NE(rate, nullptr);
    for (QWidget *w :
         std::initializer_list<QWidget *>{dist->comboBox(), rate->spinBox(), rate->slider()}) {
        ASSERT_FALSE(w->hasFocus());
        const QPointF pos(w->width() / 2.0, w->height() / 2.0);
        QWheelEvent wheel(pos, w->mapToGlobal(pos), QPoint(), QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(w, &wheel);
        EXPECT_FALSE(wheel.isAccepted()) << w->metaObject()->className();
    }
    EXPECT_EQ(f.document.json(), before);
    EXPECT_FALSE(f.document.isModified());
}

TEST(EditorFields, OptionalQueueLimit)
{
    Fixture f;
    ParamField *field = f.param("services.cache.queue_limit");
    ASSERT_NE(field, nullptr);
    ASSERT_NE(field->optionBox(), nullptr);
    EXPECT_FALSE(field->optionBox()->isChecked());
    EXPECT_FALSE(field->spinBox()->isEnabled());
    field->optionBox()->setChecked(true);
    EXPECT_EQ(f.document.value("services.cache.queue_limit"), json(100));
    EXPECT_TRUE(field->spinBox()->isEnabled());
    field->optionBox()->setChecked(false);
    EXPECT_TRUE(f.document.value("services.cache.queue_limit").is_null());
}

// ---- structure ---------------------------------------------------------------------------------

TEST(EditorStructure, SwitchingBreakerPolicyWritesTheLibraryDefaults)
{
    Fixture f;
    auto *policy = f.find<ChoiceField>("pipeline[1].policy");
    ASSERT_NE(policy, nullptr);
    QComboBox *combo = policy->comboBox();
    combo->setCurrentIndex(combo->findData("resilience4j"));
    const json stage = f.document.value("pipeline[1]");
    EXPECT_EQ(stage["policy"], "resilience4j");
    EXPECT_EQ(stage["sliding_window_type"], "count");
    EXPECT_EQ(stage["sliding_window_size"], 100);
    EXPECT_EQ(stage["minimum_number_of_calls"], 100);
    EXPECT_EQ(stage["failure_rate_threshold"], 50);
    EXPECT_EQ(stage["slow_call_rate_threshold"], 100);
    EXPECT_EQ(stage["slow_call_duration_threshold_ms"], 60000);
    EXPECT_EQ(stage["permitted_number_of_calls_in_half_open_state"], 10);
    EXPECT_EQ(stage["wait_duration_in_open_state_ms"], 60000);
    EXPECT_EQ(stage["max_wait_duration_in_half_open_state_ms"], 0);
    EXPECT_EQ(stage["automatic_transition_from_open_to_half_open_enabled"], false);
    EXPECT_FALSE(stage.contains("failure_threshold"));
    EXPECT_FALSE(stage.contains("reset_timeout_ms"));
    EXPECT_TRUE(f.document.errors().empty());
    EXPECT_TRUE(f.document.scenario()->pipeline[1].as<BreakerSpec>().is<Resilience4jOptions>());
    // The card now shows the library's names, with the library caption.
    QApplication::processEvents();
    ParamField *rate = f.param("pipeline[1].failure_rate_threshold");
    ASSERT_NE(rate, nullptr);
    EXPECT_TRUE(rate->findChild<QLabel *>("label")->text().remove(QChar(0x200B)) ==
                "failureRateThreshold");
    auto *caption = f.find<StageCard>("stage:1")->findChild<QLabel *>("policyCaption");
    ASSERT_NE(caption, nullptr);
    EXPECT_TRUE(caption->text().contains("resilience4j CircuitBreakerConfig"));
    EXPECT_EQ(f.param("pipeline[1].failure_threshold"), nullptr);

    policy = f.find<ChoiceField>("pipeline[1].policy");
    ASSERT_NE(policy, nullptr);
    policy->comboBox()->setCurrentIndex(policy->comboBox()->findData("polly"));
    const json polly = f.document.value("pipeline[1]");
    EXPECT_EQ(polly["failure_ratio"], 0.1);
    EXPECT_EQ(polly["minimum_throughput"], 100);
    EXPECT_EQ(polly["sampling_duration_ms"], 30000);
    EXPECT_EQ(polly["break_duration_ms"], 5000);
    EXPECT_FALSE(polly.contains("sliding_window_size"));
    EXPECT_TRUE(f.document.errors().empty());
    EXPECT_TRUE(f.document.scenario()->pipeline[1].as<BreakerSpec>().is<PollyOptions>());
}

TEST(EditorStructure, SwitchingDistributionReplacesTheObject)
{
    Fixture f;
    auto *dist = f.find<ChoiceField>("services.backend.latency_ms.dist");
    ASSERT_NE(dist, nullptr);
    dist->comboBox()->setCurrentIndex(dist->comboBox()->findData("exponential"));
    EXPECT_EQ(f.document.value("services.backend.latency_ms"),
              json({{"dist", "exponential"}, {"mean", 40}}));
    EXPECT_TRUE(f.document.errors().empty());
    QApplication::processEvents();
    EXPECT_NE(f.param("services.backend.latency_ms.mean"), nullptr);
    EXPECT_EQ(f.param("services.backend.latency_ms.median"), nullptr);
}

TEST(EditorStructure, DisablingAStageWritesEnabledFalse)
{
    Fixture f;
    auto *toggle = f.find<ToggleSwitch>("pipeline[3].enabled");
    ASSERT_NE(toggle, nullptr);
    EXPECT_TRUE(toggle->isChecked());
    toggle->click();
    EXPECT_EQ(f.document.value("pipeline[3].enabled"), json(false));
    EXPECT_FALSE(f.document.scenario()->pipeline[3].enabled);
    toggle = f.find<ToggleSwitch>("pipeline[3].enabled");
    ASSERT_NE(toggle, nullptr);
    EXPECT_FALSE(toggle->isChecked());
    toggle->click();
    EXPECT_TRUE(f.document.value("pipeline[3].enabled").is_null());
    EXPECT_TRUE(f.document.scenario()->pipeline[3].enabled);
}

TEST(EditorStructure, ReorderingStagesWritesThePipelineOnce)
{
    Fixture f;
    int changes = 0;
    QObject::connect(&f.document, &ScenarioDocument::changed, [&] { ++changes; });
    PipelineEditor *pipeline = f.editor->pipelineEditor();
    pipeline->moveStage(4, 0); // retry outermost
    EXPECT_EQ(changes, 1);
    const json p = f.document.value("pipeline");
    ASSERT_EQ(p.size(), 5u);
    EXPECT_EQ(p[0]["type"], "retry");
    EXPECT_EQ(p[1]["type"], "fallback");
    EXPECT_EQ(p[2]["type"], "circuit_breaker");
    EXPECT_TRUE(f.document.scenario()->pipeline[0].is<RetrySpec>());
    QApplication::processEvents();
    // The cards follow: card 0 is the retry now, its fields bound to pipeline[0].
    EXPECT_EQ(f.find<StageCard>("stage:0")->type(), "retry");
    ASSERT_NE(f.param("pipeline[0].max_retries"), nullptr);
    EXPECT_EQ(f.param("pipeline[0].max_retries")->spinBox()->value(), 3);
    EXPECT_EQ(f.find<StageCard>("stage:1")->type(), "fallback");
}

TEST(EditorStructure, ReorderingByDraggingTheGrip)
{
    Fixture f;
    f.scroll->resize(380, 6000); // everything in view: no auto-scroll while dragging
    QApplication::processEvents();
    PipelineEditor *pipeline = f.editor->pipelineEditor();
    StageCard *first = f.find<StageCard>("stage:0");
    StageCard *third = f.find<StageCard>("stage:2");
    ASSERT_NE(first, nullptr);
    ASSERT_NE(third, nullptr);
    DragHandle *grip = first->header()->dragHandle();
    const QPoint start = grip->rect().center();
    const QPoint startGlobal = grip->mapToGlobal(start);
    // Drop just below the middle of the third card: the fallback lands after it.
    const QPoint target = third->mapToGlobal(QPoint(20, third->height() / 2 + 5));
    const auto send = [&](QEvent::Type type, const QPoint &global, Qt::MouseButton button,
                          Qt::MouseButtons buttons) {
        QMouseEvent e(type, grip->mapFromGlobal(global), global, button, buttons, Qt::NoModifier);
        QApplication::sendEvent(grip, &e);
    };
    send(QEvent::MouseButtonPress, startGlobal, Qt::LeftButton, Qt::LeftButton);
    send(QEvent::MouseMove, startGlobal + QPoint(0, 30), Qt::NoButton, Qt::LeftButton);
    send(QEvent::MouseMove, target, Qt::NoButton, Qt::LeftButton);
    EXPECT_EQ(pipeline->slotAt(target), 3);
    send(QEvent::MouseButtonRelease, target, Qt::LeftButton, Qt::NoButton);
    const json p = f.document.value("pipeline");
    EXPECT_EQ(p[0]["type"], "circuit_breaker");
    EXPECT_EQ(p[1]["type"], "timeout");
    EXPECT_EQ(p[2]["type"], "fallback");
    EXPECT_TRUE(f.document.scenario()->pipeline[2].is<FallbackSpec>());
    QApplication::processEvents();
}

TEST(EditorStructure, AddingAndRemovingStages)
{
    Fixture f;
    PipelineEditor *pipeline = f.editor->pipelineEditor();
    pipeline->select(1);
    QMenu *menu = pipeline->addButton()->menu();
    ASSERT_NE(menu, nullptr);
    QAction *addTimeout = menu->findChild<QAction *>("add:timeout");
    ASSERT_NE(addTimeout, nullptr);
    addTimeout->trigger();
    json p = f.document.value("pipeline");
    ASSERT_EQ(p.size(), 6u);
    EXPECT_EQ(p[2]["type"], "timeout"); // after the selected card
    EXPECT_EQ(p[2]["timeout_ms"], 1000);
    EXPECT_TRUE(f.document.errors().empty());
    EXPECT_EQ(pipeline->count(), 6);
    QApplication::processEvents();
    ASSERT_NE(f.find<StageCard>("stage:5"), nullptr);

    pipeline->select(-1);
    menu->findChild<QAction *>("add:circuit_breaker")->trigger();
    p = f.document.value("pipeline");
    ASSERT_EQ(p.size(), 7u);
    EXPECT_EQ(p[6]["type"], "circuit_breaker"); // at the end
    EXPECT_TRUE(f.document.errors().empty());

    auto *remove = f.find<StageCard>("stage:0")->findChild<QToolButton *>("removeStage");
    ASSERT_NE(remove, nullptr);
    remove->click();
    p = f.document.value("pipeline");
    ASSERT_EQ(p.size(), 6u);
    EXPECT_EQ(p[0]["type"], "circuit_breaker");
    QApplication::processEvents();
    EXPECT_EQ(pipeline->count(), 6);
    EXPECT_EQ(f.find<StageCard>("stage:6"), nullptr);
}

TEST(EditorStructure, PhasesAddAndRemove)
{
    Fixture f;
    auto *phases = f.find<PhaseList>("services.backend.phases");
    ASSERT_NE(phases, nullptr);
    phases->findChild<QPushButton *>("addPhase")->click();
    json list = f.document.value("services.backend.phases");
    ASSERT_EQ(list.size(), 3u);
    EXPECT_GT(list[2]["at_s"].get<double>(), 120);
    EXPECT_TRUE(f.document.errors().empty());
    QApplication::processEvents();
    ParamField *at = f.param("services.backend.phases[2].at_s");
    ASSERT_NE(at, nullptr);
    // Phase keys that are absent inherit the service's value.
    ParamField *rate = f.param("services.backend.phases[2].failure_rate");
    ASSERT_NE(rate, nullptr);
    rate->resetButton()->click(); // removes the key from the phase
    EXPECT_FALSE(f.document.value("services.backend.phases[2]").contains("failure_rate"));
    QApplication::processEvents();
    auto *box = f.find<QWidget>("services.backend.phases[2]");
    ASSERT_NE(box, nullptr);
    box->findChild<QToolButton *>("removePhase")->click();
    EXPECT_EQ(f.document.value("services.backend.phases").size(), 2u);
}

TEST(EditorStructure, LoadTypeSwitch)
{
    Fixture f;
    auto *type = f.find<ChoiceField>("load.type");
    ASSERT_NE(type, nullptr);
    type->comboBox()->setCurrentIndex(type->comboBox()->findData("closed"));
    const json load = f.document.value("load");
    EXPECT_EQ(load["type"], "closed");
    EXPECT_TRUE(load.contains("clients"));
    EXPECT_FALSE(load.contains("rate_per_s"));
    EXPECT_TRUE(f.document.errors().empty());
    QApplication::processEvents();
    EXPECT_NE(f.param("load.clients"), nullptr);
    EXPECT_EQ(f.param("load.rate_per_s"), nullptr);
}

TEST(EditorStructure, RebuildsOnDocumentReplaced)
{
    Fixture f;
    ASSERT_NE(f.param("pipeline[1].failure_threshold"), nullptr);
    QString error;
    ASSERT_TRUE(f.document.open("preset:polly-defaults", &error));
    QApplication::processEvents();
    EXPECT_EQ(f.param("pipeline[1].failure_threshold"), nullptr);
    ParamField *ratio = f.param("pipeline[0].failure_ratio");
    ASSERT_NE(ratio, nullptr);
    EXPECT_TRUE(ratio->isShowingDefault()); // the preset relies on Polly's defaults
    EXPECT_DOUBLE_EQ(ratio->spinBox()->value(), 0.1);
    EXPECT_EQ(f.editor->pipelineEditor()->count(), 2);
}

TEST(EditorStructure, UnboundErrorsShowInTheProblemsBanner)
{
    Fixture f;
    f.document.setValue("pipeline[2].bogus", 1);
    EXPECT_FALSE(f.editor->problemsLabel()->isHidden());
    EXPECT_TRUE(f.editor->problemsLabel()->text().contains("pipeline[2].bogus"));
    auto *badge = f.find<StageCard>("stage:2")->findChild<QLabel *>("errorBadge");
    ASSERT_NE(badge, nullptr);
    EXPECT_FALSE(badge->isHidden());
    f.document.setValue("pipeline[2].bogus", nullptr);
    EXPECT_TRUE(f.editor->problemsLabel()->isHidden());
}

TEST(EditorStructure, ServiceNamesWithDots)
{
    Fixture f;
    json doc = f.document.json();
    doc["services"]["edge.cache"] = doc["services"]["cache"];
    doc["services"].erase("cache");
    doc["pipeline"][0]["service"] = "edge.cache";
    f.document.reset(doc, "test");
    ASSERT_TRUE(f.document.errors().empty());
    ParamField *field = f.param("services[edge.cache].failure_rate");
    ASSERT_NE(field, nullptr);
    field->spinBox()->setValue(25);
    EXPECT_EQ(f.document.json()["services"]["edge.cache"]["failure_rate"], json(0.25));
    EXPECT_FALSE(f.document.json()["services"].contains("edge"));
    EXPECT_DOUBLE_EQ(f.document.scenario()->services.at("edge.cache").failureRate, 0.25);
    field->spinBox()->setValue(150);
    EXPECT_TRUE(field->property("hasError").toBool()); // the validator's path is dotted
    EXPECT_TRUE(f.editor->problemsLabel()->isHidden());
    EXPECT_EQ(validatorPath("services[edge.cache].phases[1].at_s"),
              "services.edge.cache.phases[1].at_s");
    EXPECT_EQ(validatorPath("services[pay ments]"), "services[\"pay ments\"]");
}

TEST(EditorStructure, RenameServiceMovesEveryReference)
{
    json doc = {
        {"services", {{"backend", {{"failure_rate", 0.1}}}, {"cache", {{"failure_rate", 0}}}}},
        {"target", "backend"},
        {"pipeline",
         {{{"type", "fallback"}, {"mode", "service"}, {"service", "cache"}},
          {{"type", "retry"}, {"max_retries", 2}}}}};
    const json renamed = renameService(doc, "cache", "edge cache");
    EXPECT_FALSE(renamed["services"].contains("cache"));
    EXPECT_EQ(renamed["services"]["edge cache"], doc["services"]["cache"]);
    EXPECT_EQ(renamed["pipeline"][0]["service"], "edge cache");
    EXPECT_EQ(renamed["target"], "backend");
    EXPECT_EQ(renamed["pipeline"][1], doc["pipeline"][1]);

    const json target = renameService(doc, "backend", "payments");
    EXPECT_EQ(target["target"], "payments");
    EXPECT_EQ(target["services"]["payments"]["failure_rate"], 0.1);
    EXPECT_EQ(target["pipeline"][0]["service"], "cache");

    EXPECT_EQ(renameService(doc, "nope", "x"), doc);
    EXPECT_EQ(serviceNameProblem(doc, "").toStdString(), "a service needs a name");
    EXPECT_EQ(serviceNameProblem(doc, "cache").toStdString(),
              "there is already a service named \"cache\"");
    EXPECT_EQ(serviceNameProblem(doc, "a[1]").toStdString(),
              "a service name cannot contain [ or ]");
    EXPECT_EQ(serviceNameProblem(doc, "payments").toStdString(), "");
}

TEST(EditorStructure, RenamingAServiceInTheEditorIsOneUndoableEdit)
{
    Fixture f; // seed-resilient-service: target backend, fallback to cache
    const json before = f.document.json();
    auto *section = f.editor->findChild<CollapsibleSection *>("section:service:cache");
    ASSERT_NE(section, nullptr);
    auto *rename = section->findChild<QToolButton *>("renameService");
    auto *edit = section->findChild<QLineEdit *>("serviceName");
    ASSERT_NE(rename, nullptr);
    ASSERT_NE(edit, nullptr);
    EXPECT_TRUE(edit->isHidden());
    rename->click();
    EXPECT_FALSE(edit->isHidden());

    // A taken name is refused at the field; the document is untouched.
    edit->setText("backend");
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_EQ(f.document.json(), before);
    EXPECT_TRUE(edit->toolTip().contains("already a service")) << edit->toolTip().toStdString();

    edit->setText("redis");
    QTest::keyClick(edit, Qt::Key_Return);
    QApplication::processEvents();
    EXPECT_TRUE(f.document.json()["services"].contains("redis"));
    EXPECT_FALSE(f.document.json()["services"].contains("cache"));
    EXPECT_EQ(f.document.json()["pipeline"][0]["service"], "redis");
    ASSERT_TRUE(f.document.errors().empty());
    EXPECT_EQ(f.document.scenario()->pipeline[0].as<FallbackSpec>().service, "redis");
    EXPECT_NE(f.editor->findChild<CollapsibleSection *>("section:service:redis"), nullptr);

    f.document.undo();
    QApplication::processEvents();
    EXPECT_EQ(f.document.json(), before);
    EXPECT_NE(f.editor->findChild<CollapsibleSection *>("section:service:cache"), nullptr);
}

TEST(EditorStructure, SurvivesMalformedDocuments)
{
    Fixture f;
    json doc = f.document.json();
    doc["pipeline"][0] = 5;
    doc["services"]["backend"]["latency_ms"] = "fast";
    doc["load"] = json::array();
    f.document.setJson(doc);
    QApplication::processEvents();
    EXPECT_FALSE(f.document.errors().empty());
    EXPECT_EQ(f.editor->pipelineEditor()->count(), 5);
    // Errors no field can show are listed on top of the editor.
    EXPECT_FALSE(f.editor->problemsLabel()->isHidden());
    EXPECT_TRUE(f.editor->problemsLabel()->text().contains("pipeline[0]"))
        << f.editor->problemsLabel()->text().toStdString();
    doc["pipeline"] = "nope";
    doc["services"] = 3;
    f.document.setJson(doc);
    QApplication::processEvents();
    EXPECT_EQ(f.editor->pipelineEditor()->count(), 0);
}

} // namespace
} // namespace reslab::ui

namespace reslab::ui {
namespace {

TEST(EditorInMainWindow, EditsReachTheSimulationAndErrorsDoNot)
{
    MainWindow window;
    ASSERT_TRUE(window.openScenario("preset:seed-resilient-service"));
    auto *editor = window.findChild<ScenarioEditor *>();
    ASSERT_NE(editor, nullptr);
    auto *field = editor->findChild<ParamField *>("services.backend.failure_rate");
    ASSERT_NE(field, nullptr);
    field->spinBox()->setValue(40);
    QTest::qWait(400); // the window applies edits after a short pause
    EXPECT_DOUBLE_EQ(window.controller()->scenario().services.at("backend").failureRate, 0.4);
    // An invalid value stays in the document only; the simulation keeps the last valid one.
    field->spinBox()->setValue(150);
    QTest::qWait(400);
    EXPECT_EQ(window.document()->value("services.backend.failure_rate"), json(1.5));
    EXPECT_DOUBLE_EQ(window.controller()->scenario().services.at("backend").failureRate, 0.4);
    EXPECT_TRUE(field->property("hasError").toBool());
    // A new preset from the menu rebuilds the editor (the edits are discarded on purpose).
    window.setDiscardPrompt([](const QString &) { return int(QMessageBox::Discard); });
    ASSERT_TRUE(window.openScenario("preset:resilience4j-defaults"));
    EXPECT_EQ(editor->findChild<ParamField *>("services.backend.failure_rate"), nullptr);
    EXPECT_NE(editor->findChild<ParamField *>("pipeline[0].minimum_number_of_calls"), nullptr);
}

/// How many different colours a picture holds, counted on a coarse grid (a blank grab has one).
int coloursIn(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}

// The states bench/tools/snapshot_ui saves as pictures: each grab is a drawn picture of the
// widget's size, and the error and the rename editor are on it.
TEST(EditorSnapshot, GrabsShowEachPresetTheErrorAndTheRenameField)
{
    for (const char *preset : {"seed-resilient-service", "slow-dependency-timeouts",
                               "retry-storm-with-budget", "thundering-herd"}) {
        SCOPED_TRACE(preset);
        Fixture f(QString("preset:") + preset);
        f.scroll->resize(380, 1400);
        QApplication::processEvents();
        EXPECT_EQ(f.editor->pipelineEditor()->count(),
                  static_cast<int>(parsedPreset(preset).pipeline.size()));
        const QImage view = f.scroll->grab().toImage();
        EXPECT_EQ(view.size(), QSize(380, 1400));
        EXPECT_GT(coloursIn(view), 2);
        f.editor->resize(f.editor->width(), f.editor->sizeHint().height());
        QApplication::processEvents();
        const QImage full = f.editor->grab().toImage();
        EXPECT_FALSE(full.isNull());
        EXPECT_EQ(full.size(), f.editor->size());
        EXPECT_GE(full.height(), f.editor->minimumSizeHint().height());
        EXPECT_GT(coloursIn(full), 2);
    }
    // An error at a field and one no field shows.
    Fixture f;
    f.scroll->resize(380, 1400);
    ParamField *field = f.param("services.backend.failure_rate");
    ASSERT_NE(field, nullptr);
    const QImage clean = f.scroll->grab().toImage();
    field->spinBox()->setValue(150);
    f.document.setValue("pipeline[1].bogus", 1);
    QApplication::processEvents();
    EXPECT_TRUE(field->property("hasError").toBool());
    auto *error = field->findChild<QLabel *>("error");
    ASSERT_NE(error, nullptr);
    EXPECT_TRUE(error->isVisible());
    EXPECT_TRUE(error->text().contains("must be in [0, 1]")) << error->text().toStdString();
    EXPECT_TRUE(f.editor->problemsLabel()->isVisible());
    EXPECT_TRUE(f.editor->problemsLabel()->text().contains("pipeline[1].bogus"))
        << f.editor->problemsLabel()->text().toStdString();
    const QImage marked = f.scroll->grab().toImage();
    EXPECT_EQ(marked.size(), QSize(380, 1400));
    EXPECT_NE(marked, clean) << "the error is drawn";
    // Renaming a service in place: the name editor opens, focused, with the old name.
    auto *section = f.editor->findChild<CollapsibleSection *>("section:service:backend");
    ASSERT_NE(section, nullptr);
    auto *rename = section->findChild<QToolButton *>("renameService");
    auto *edit = section->findChild<QLineEdit *>("serviceName");
    ASSERT_NE(rename, nullptr);
    ASSERT_NE(edit, nullptr);
    EXPECT_FALSE(edit->isVisible());
    rename->click();
    QApplication::processEvents();
    EXPECT_TRUE(edit->isVisible());
    EXPECT_EQ(edit->text(), "backend");
    EXPECT_NE(f.scroll->grab().toImage(), marked) << "the rename editor is drawn";
}

} // namespace
} // namespace reslab::ui

namespace reslab::ui {
namespace {

// The "Add stage" menu is built from the engine's stage registry: every type, in its order.
TEST(EditorRegistry, AddStageOffersEveryRegisteredStageType)
{
    ScenarioDocument document;
    ScenarioEditor editor(&document);
    QString error;
    ASSERT_TRUE(document.open("preset:seed-resilient-service", &error));
    QApplication::processEvents();
    auto *add = editor.findChild<QPushButton *>("addStage");
    ASSERT_NE(add, nullptr);
    ASSERT_NE(add->menu(), nullptr);
    const QList<QAction *> actions = add->menu()->actions();
    const std::vector<const char *> expected{
        "circuit_breaker", "retry", "timeout", "fallback", "bulkhead", "rate_limiter", "hedging"};
    ASSERT_EQ(actions.size(), static_cast<qsizetype>(expected.size()));
    for (std::size_t i = 0; i < expected.size(); ++i)
        EXPECT_EQ(actions[static_cast<qsizetype>(i)]->objectName(), QString("add:") + expected[i]);
}

} // namespace
} // namespace reslab::ui
