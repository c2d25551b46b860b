#include "editor/stage_card.h"

#include "i18n/texts.h"
#include "pattern_style.h"

#include "editor/editor_widgets.h"
#include "editor/fields.h"
#include "editor/json_edits.h"
#include "editor/parameter_catalog.h"

#include "reslab/io/scenario_io.h"
#include "reslab/stages/backoff.h"
#include "reslab/stages/stage_pattern.h"

#include <QGraphicsOpacityEffect>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <optional>
#include <variant>

namespace reslab::ui {
namespace {

std::string stringAt(const nlohmann::json &obj, const char *key, const char *fallback)
{
    if (obj.is_object()) {
        const auto it = obj.find(key);
        if (it != obj.end() && it->is_string())
            return it->get<std::string>();
    }
    return fallback;
}

QString numberText(double v)
{
    if (v >= 100 || v == std::floor(v))
        return QString::number(std::round(v), 'f', 0);
    return QString::number(v, 'g', 3);
}

/// The retry stage `stage` as the engine reads it (in a scenario of its own, so that problems
/// elsewhere in the document do not matter); nullopt if the engine rejects it.
std::optional<RetrySpec> engineRetrySpec(const nlohmann::json &stage)
{
    nlohmann::json retry = stage;
    retry["type"] = "retry";
    const nlohmann::json doc = {
        {"version", 1},
        {"name", "delays"},
        {"load", {{"type", "poisson"}, {"rate_per_s", 0}}},
        {"services", {{"s", {{"latency_ms", {{"dist", "constant"}, {"value", 1}}}}}}},
        {"target", "s"},
        {"pipeline", nlohmann::json::array({retry})}};
    const ScenarioParse parse = parseScenario(doc);
    if (!parse.ok() || parse.scenario->pipeline.size() != 1)
        return std::nullopt;
    const auto *spec = std::get_if<RetrySpec>(&parse.scenario->pipeline.front().options);
    return spec ? std::optional<RetrySpec>(*spec) : std::nullopt;
}

/// "Delays: 100, 200, 400 ms" for a retry stage (before jitter), by the engine's backoff.
QString retryDelays(const nlohmann::json &stage)
{
    if (!stage.is_object())
        return {};
    const std::optional<RetrySpec> spec = engineRetrySpec(stage);
    if (!spec)
        return {}; // the stage's fields show what is wrong
    const int retries = spec->maxRetries;
    if (retries <= 0)
        return QObject::tr("No retries: every call gets a single attempt.");
    QStringList delays;
    const int shown = std::min(retries, 6);
    for (int k = 0; k < shown; ++k)
        delays << numberText(baseDelayMs(*spec, k));
    QString text = QObject::tr("Delays before retries: %1%2 ms")
                       .arg(delays.join(", "), retries > shown ? QStringLiteral(", …") : QString());
    const std::string jitter = stringAt(stage, "jitter", "none");
    if (jitter != "none")
        text += QObject::tr(" (before %1 jitter)").arg(QString::fromStdString(jitter));
    return text;
}

QString jitterNote(const std::string &jitter)
{
    if (jitter == "proportional")
        return QObject::tr("proportional: d + U[0, ratio·d] (the design notes')");
    if (jitter == "randomized")
        return QObject::tr("randomized: U[d − f·d, d + f·d] (resilience4j)");
    if (jitter == "full")
        return QObject::tr("full: U[0, d] (AWS)");
    if (jitter == "equal")
        return QObject::tr("equal: d/2 + U[0, d/2] (AWS)");
    if (jitter == "decorrelated")
        return QObject::tr("decorrelated: min(cap, U[base, 3·previous]) (AWS)");
    if (jitter == "polly_v2")
        return QObject::tr("Polly DecorrelatedJitterBackoffV2 (median near base·2^k)");
    return {};
}

/// A one-line label that elides its text instead of growing or being clipped.
class ElidedLabel final : public QLabel
{
public:
    using QLabel::QLabel;
    QSize minimumSizeHint() const override { return {10, QLabel::minimumSizeHint().height()}; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setPen(palette().color(QPalette::WindowText));
        p.setFont(font());
        const QString shown = fontMetrics().elidedText(text(), Qt::ElideRight, width());
        p.drawText(rect(), Qt::AlignVCenter | Qt::AlignLeft, shown);
    }
};

} // namespace

QColor stageColor(const std::string &type)
{
    return patternColour(type);
}

QString stageTitle(const std::string &type)
{
    return patternTitle(type);
}

// ------------------------------------------------------------------------------------------------
// StageHeader

StageHeader::StageHeader(EditorHub *hub, int index, QWidget *parent, std::string base)
    : BoundField(hub, base + "[" + std::to_string(index) + "]", parent)
    , m_index(index)
    , m_base(std::move(base))
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(2, 3, 2, 3);
    row->setSpacing(5);
    m_handle = new DragHandle(this);
    m_title = new QLabel(this);
    m_title->setObjectName("title");
    m_title->setTextFormat(Qt::RichText);
    m_name = new ElidedLabel(this);
    m_name->setObjectName("name");
    QFont small = m_name->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_name->setFont(small);
    QPalette grey = m_name->palette();
    grey.setColor(QPalette::WindowText, grey.color(QPalette::Disabled, QPalette::WindowText));
    m_name->setPalette(grey);
    m_name->setMinimumWidth(10);
    m_name->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_badge = new QLabel(this);
    m_badge->setObjectName("errorBadge");
    m_badge->setStyleSheet("color: white; background: #d32f2f; border-radius: 7px;"
                           " padding: 0px 5px; font-weight: bold;");
    m_badge->hide();
    m_switch = new ToggleSwitch(this);
    m_switch->setObjectName(QString::fromStdString(m_path + ".enabled"));
    m_switch->setToolTip(tr("Enabled: a disabled stage is skipped (writes \"enabled\": false)"));
    m_menu = new QToolButton(this);
    m_menu->setObjectName("stageMenu");
    m_menu->setAutoRaise(true);
    m_menu->setText(QString::fromUtf8("\u22ee"));
    m_menu->setPopupMode(QToolButton::InstantPopup);
    m_menu->setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }");
    m_menu->setToolTip(tr("Move, duplicate or remove this stage"));
    m_remove = new QToolButton(this);
    m_remove->setObjectName("removeStage");
    m_remove->setAutoRaise(true);
    m_remove->setText(QString::fromUtf8("\u00d7"));
    m_remove->setToolTip(tr("Remove this stage"));
    QFont big = m_remove->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_remove->setFont(big);

    row->addWidget(m_handle);
    row->addWidget(m_title);
    row->addWidget(m_name, 1);
    row->addWidget(m_badge);
    row->addWidget(m_switch);
    row->addWidget(m_menu);
    row->addWidget(m_remove);

    connect(m_switch, &ToggleSwitch::toggled, this, [this](bool on) {
        if (m_updating || retired())
            return;
        // Enabled is the default: switching back on removes the key.
        m_hub->write(m_path + ".enabled", on ? nlohmann::json() : nlohmann::json(false));
    });
    refresh();
    refreshErrors();
}

void StageHeader::refresh()
{
    const nlohmann::json pipeline = m_hub->value(m_base);
    nlohmann::json stage;
    if (pipeline.is_array() && m_index < static_cast<int>(pipeline.size()))
        stage = pipeline[static_cast<std::size_t>(m_index)];
    const std::string type = stringAt(stage, "type", "?");
    const QColor color = stageColor(type);
    QString subtitle;
    if (type == "circuit_breaker") {
        const std::string policy = stringAt(stage, "policy", "consecutive");
        subtitle = policy == "polly" ? QStringLiteral("Polly v8") : QString::fromStdString(policy);
    } else if (type == "fallback") {
        subtitle = QString::fromStdString(stringAt(stage, "mode", "static"));
    } else if (type == "timeout" && stage.is_object() && stage.contains("timeout_ms") &&
               stage["timeout_ms"].is_number()) {
        subtitle = numberText(stage["timeout_ms"].get<double>()) + " ms";
    } else if (type == "retry" && stage.is_object()) {
        const auto it = stage.find("max_retries");
        subtitle =
            tr("%1 ×").arg(it != stage.end() && it->is_number() ? numberText(it->get<double>())
                                                                : QStringLiteral("3"));
    }
    const bool enabled = !(stage.is_object() && stage.contains("enabled") &&
                           stage["enabled"].is_boolean() && !stage["enabled"].get<bool>());
    const QString titleText =
        QStringLiteral("<span style='color:%1; font-weight:bold'>%2.</span> "
                       "<span style='font-weight:bold%3'>%4</span>")
            .arg(color.darker(125).name())
            .arg(m_index + 1)
            .arg(enabled ? QString() : QStringLiteral("; text-decoration:line-through"))
            .arg(stageTitle(type).toHtmlEscaped());
    if (m_title->text() != titleText)
        m_title->setText(titleText);

    // The name the engine uses: explicit, or the type (type#index when repeated).
    std::string name = stringAt(stage, "name", "");
    if (name.empty()) {
        int same = 0;
        if (pipeline.is_array()) {
            for (const auto &s : pipeline)
                same += stringAt(s, "type", "") == type ? 1 : 0;
        }
        name = same > 1 ? type + "#" + std::to_string(m_index) : type;
    }
    QString nameText = QString::fromStdString(name);
    if (!subtitle.isEmpty())
        nameText = subtitle + QStringLiteral(" · ") + nameText;
    if (!enabled)
        nameText = tr("disabled · %1").arg(nameText);
    m_name->setText(nameText);
    m_name->setToolTip(tr("Stage name in events.csv: %1").arg(QString::fromStdString(name)));
    m_updating = true;
    m_switch->setChecked(enabled);
    m_updating = false;
    setProperty("stageEnabled", enabled);
}

void StageHeader::refreshErrors()
{
    BoundField::refreshErrors();
    const QStringList all = m_hub->errorMessages(m_path, true);
    m_badge->setText(QString::number(all.size()));
    m_badge->setToolTip(all.join('\n'));
    m_badge->setVisible(!all.isEmpty());
}

// ------------------------------------------------------------------------------------------------
// StageCard

StageCard::StageCard(EditorHub *hub, int index, QWidget *parent, std::string base)
    : QFrame(parent)
    , m_hub(hub)
    , m_index(index)
    , m_base(std::move(base))
{
    setObjectName(QStringLiteral("stage:%1").arg(index));
    const nlohmann::json stage = m_hub->value(path(""));
    m_shape = stageShape(stage);
    m_type = stringAt(stage, "type", "?");
    m_color = stageColor(m_type);
    setAutoFillBackground(false);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(9, 2, 5, 6);
    layout->setSpacing(2);
    m_header = new StageHeader(hub, index, this, m_base);
    layout->addWidget(m_header);

    auto *menu = new QMenu(m_header->menuButton());
    QAction *up = menu->addAction(tr("Move up (outwards)"));
    up->setObjectName("moveUp");
    QAction *down = menu->addAction(tr("Move down (inwards)"));
    down->setObjectName("moveDown");
    QAction *dup = menu->addAction(tr("Duplicate"));
    dup->setObjectName("duplicate");
    menu->addSeparator();
    QAction *remove = menu->addAction(tr("Remove"));
    remove->setObjectName("remove");
    m_header->menuButton()->setMenu(menu);
    const nlohmann::json pipeline = m_hub->value(m_base);
    const int count = pipeline.is_array() ? static_cast<int>(pipeline.size()) : 0;
    up->setEnabled(index > 0);
    down->setEnabled(index + 1 < count);
    connect(up, &QAction::triggered, this, [this] { emit moveRequested(m_index, m_index - 1); });
    connect(down, &QAction::triggered, this, [this] { emit moveRequested(m_index, m_index + 1); });
    connect(dup, &QAction::triggered, this, [this] { emit duplicateRequested(m_index); });
    connect(remove, &QAction::triggered, this, [this] { emit removeRequested(m_index); });
    connect(m_header->removeButton(), &QToolButton::clicked, this,
            [this] { emit removeRequested(m_index); });

    m_body = new QWidget(this);
    m_body->setObjectName("stageBody");
    auto *body = new QVBoxLayout(m_body);
    body->setContentsMargins(4, 0, 0, 0);
    body->setSpacing(2);
    layout->addWidget(m_body);

    if (!stage.is_object()) {
        body->addWidget(makeNote(tr("This entry is not a stage object; remove it or fix the "
                                    "file."),
                                 m_body));
        return;
    }

    TextField::Options nameOptions;
    nameOptions.label = tr("Name");
    nameOptions.placeholder = tr("automatic");
    nameOptions.tooltip = tr("The stage's name in events.csv and the views; empty: the type, or "
                             "type#index when the type repeats.");
    nameOptions.removeWhenEmpty = true;
    body->addWidget(new TextField(m_hub, path("name"), nameOptions, m_body));

    if (m_type == "circuit_breaker")
        buildBreaker(body, stage);
    else if (m_type == "retry")
        buildRetry(body, stage);
    else if (m_type == "timeout")
        buildTimeout(body);
    else if (m_type == "fallback")
        buildFallback(body, stage);
    else if (findStagePattern(m_type))
        buildFromSchema(body); // a stage type without a card of its own: its schema rows
    else
        body->addWidget(makeNote(tr("Unknown stage type: choose one of %1.").arg([] {
            QStringList keys;
            for (const StagePattern *p : stagePatterns())
                keys << QString::fromUtf8(p->key.data(), static_cast<qsizetype>(p->key.size()));
            return keys.join(", ");
        }()),
                                 m_body));

    // Greys the parameters of a disabled stage (they stay editable).
    auto *dim = new ComputedNote(
        m_hub, path("") + ":enabled",
        [this] {
            const nlohmann::json e = m_hub->value(path("enabled"));
            const bool enabled = !(e.is_boolean() && !e.get<bool>());
            if (m_body->property("dimmed").toBool() == enabled) {
                m_body->setProperty("dimmed", !enabled);
                auto *effect = enabled ? nullptr : new QGraphicsOpacityEffect(m_body);
                if (effect)
                    effect->setOpacity(0.55);
                m_body->setGraphicsEffect(effect);
            }
            return enabled ? QString() : tr("Disabled: calls pass straight through this stage.");
        },
        this);
    m_body->setProperty("dimmed", false);
    dim->refresh();
    layout->addWidget(dim);
}

std::string StageCard::path(const std::string &key) const
{
    std::string p = m_base + "[" + std::to_string(m_index) + "]";
    if (!key.empty())
        p += "." + key;
    return p;
}

void StageCard::buildBreaker(QVBoxLayout *layout, const nlohmann::json &stage)
{
    const std::string policy = stringAt(stage, "policy", "consecutive");
    const std::string stagePath = path("");
    ChoiceField::Options o;
    o.label = tr("Policy");
    o.tooltip = schemaText(findParameter("circuit_breaker", "policy")->tooltip) + "\n" +
                tr("Switching policy replaces the policy's own keys with the new policy's "
                   "defaults.");
    o.defaultChoice = "consecutive";
    o.items = {{"consecutive", tr("consecutive (the design notes')")},
               {"resilience4j", tr("resilience4j")},
               {"polly", tr("Polly v8")}};
    o.apply = [this, stagePath](const std::string &choice) {
        m_hub->write(stagePath, switchBreakerPolicy(m_hub->value(stagePath), choice));
    };
    layout->addWidget(new ChoiceField(m_hub, path("policy"), o, m_body));

    QString caption;
    if (policy == "resilience4j")
        caption = tr("<b>resilience4j CircuitBreakerConfig</b> — the library's option names "
                     "and defaults; thresholds are checked after every call, nothing trips "
                     "before minimumNumberOfCalls.");
    else if (policy == "polly")
        caption = tr("<b>Polly v8 CircuitBreakerStrategyOptions</b> — the library's names and "
                     "defaults; breaks only on a failure; one probe call in half-open.");
    else if (policy == "consecutive")
        caption = tr("<b>Consecutive failures</b> (the design notes' breaker): opens after N "
                     "failures in a row, probes after the reset timeout.");
    auto *captionLabel = makeNote(caption, m_body);
    captionLabel->setObjectName("policyCaption");
    layout->addWidget(captionLabel);

    const std::string context = "circuit_breaker." + policy;
    for (const ParamInfo *p : parametersIn(context)) {
        std::string key(p->key);
        // resilience4j accepts the common names as aliases: edit whichever the file uses.
        if (!p->alias.empty() && stage.contains(std::string(p->alias)) && !stage.contains(key))
            key = std::string(p->alias);
        if (p->kind == ParamKind::Bool) {
            layout->addWidget(new BoolField(m_hub, path(key), *p, m_body));
        } else if (p->kind == ParamKind::Enum) {
            ChoiceField::Options co;
            co.label = schemaText(p->label);
            co.tooltip = schemaText(p->tooltip);
            co.defaultChoice = std::string(p->defaultChoice);
            for (std::string_view c : p->choices)
                co.items.emplace_back(std::string(c), c == "count"  ? tr("count (COUNT_BASED)")
                                                      : c == "time" ? tr("time (TIME_BASED)")
                                                                    : toQString(c));
            co.labelAbove = p->label.size() > 14;
            layout->addWidget(new ChoiceField(m_hub, path(key), co, m_body));
        } else {
            FieldOptions fo;
            if (key == "sliding_window_size" &&
                stringAt(stage, "sliding_window_type", "count") == "time")
                fo.unit = tr("s");
            layout->addWidget(new ParamField(m_hub, path(key), *p, m_body, fo));
        }
    }
    if (policy == "consecutive") {
        layout->addWidget(new ParamField(m_hub, path("half_open_max_calls"),
                                         *findParameter("circuit_breaker", "half_open_max_calls"),
                                         m_body));
        layout->addWidget(new BoolField(m_hub, path("automatic_transition"),
                                        *findParameter("circuit_breaker", "automatic_transition"),
                                        m_body));
    }
    layout->addWidget(new OutcomeSetField(
        m_hub, path("record"), tr("Record as failures (record)"),
        {"error", "timeout", "overloaded"},
        tr("Outcomes of the inner stages that count as failures for this breaker."), m_body));
}

void StageCard::buildRetry(QVBoxLayout *layout, const nlohmann::json &stage)
{
    const auto add = [&](const char *key) {
        layout->addWidget(schemaField(key, *findParameter("retry", key)));
    };
    const std::string backoff = stringAt(stage, "backoff", "exponential");
    const std::string jitter = stringAt(stage, "jitter", "none");
    add("max_retries");
    add("backoff");
    add("base_ms");
    if (backoff == "exponential" || stage.contains("multiplier"))
        add("multiplier");
    add("max_delay_ms");
    add("jitter");
    if (const QString note = jitterNote(jitter); !note.isEmpty())
        layout->addWidget(makeNote(note, m_body));
    if (jitter == "proportional" || stage.contains("jitter_ratio"))
        add("jitter_ratio");
    if (jitter == "randomized" || stage.contains("randomization_factor"))
        add("randomization_factor");
    const std::string stagePath = path("");
    layout->addWidget(new ComputedNote(
        m_hub, stagePath + ":delays",
        [this, stagePath] { return retryDelays(m_hub->value(stagePath)); }, m_body));
    layout->addWidget(new OutcomeSetField(
        m_hub, path("retry_on"), tr("Retry on (retry_on)"), {"error", "timeout", "overloaded"},
        tr("Outcomes that are retried; circuit_open only if listed."), m_body));

    auto *budget = new QGroupBox(tr("Retry budget (Finagle RetryBudget)"), m_body);
    budget->setObjectName(QString::fromStdString(path("budget")));
    budget->setCheckable(true);
    const bool hasBudget = stage.contains("budget");
    budget->setChecked(hasBudget);
    budget->setToolTip(tr("A token bucket on retries: retries may add at most `ratio` of the "
                          "recent requests, plus a small reserve, so they cannot multiply the "
                          "load without bound."));
    auto *bl = new QVBoxLayout(budget);
    bl->setContentsMargins(6, 2, 4, 4);
    bl->setSpacing(2);
    if (hasBudget) {
        for (const ParamInfo *p : parametersIn("retry.budget"))
            bl->addWidget(new ParamField(m_hub, path("budget." + std::string(p->key)), *p, budget));
    } else {
        bl->addWidget(makeNote(tr("Off: retries are limited only by max retries."), budget));
    }
    connect(budget, &QGroupBox::toggled, this, [this](bool on) {
        m_hub->write(path("budget"), on ? nlohmann::json::object() : nlohmann::json());
    });
    layout->addWidget(budget);
}

void StageCard::buildTimeout(QVBoxLayout *layout)
{
    layout->addWidget(
        new ParamField(m_hub, path("timeout_ms"), *findParameter("timeout", "timeout_ms"), m_body));
    layout->addWidget(new BoolField(m_hub, path("cancel_inner"),
                                    *findParameter("timeout", "cancel_inner"), m_body));
}

void StageCard::buildFallback(QVBoxLayout *layout, const nlohmann::json &stage)
{
    const std::string mode = stringAt(stage, "mode", "static");
    const std::string stagePath = path("");
    EditorHub *hub = m_hub;
    ChoiceField::Options o;
    o.label = tr("Mode");
    o.tooltip = schemaText(findParameter("fallback", "mode")->tooltip);
    o.defaultChoice = "static";
    o.items = {{"static", tr("static (answer at once)")},
               {"cache", tr("cache (last good answer)")},
               {"service", tr("service (another service)")}};
    o.apply = [hub, stagePath](const std::string &choice) {
        // A service fallback defaults to the first service that is not the target.
        std::string service;
        const nlohmann::json services = hub->value("services");
        const nlohmann::json target = hub->value("target");
        if (services.is_object()) {
            for (auto it = services.begin(); it != services.end(); ++it) {
                if (!target.is_string() || it.key() != target.get<std::string>()) {
                    service = it.key();
                    break;
                }
            }
            if (service.empty() && !services.empty())
                service = services.begin().key();
        }
        hub->write(stagePath, switchFallbackMode(hub->value(stagePath), choice, service));
    };
    layout->addWidget(new ChoiceField(m_hub, path("mode"), o, m_body));
    if (mode == "cache") {
        layout->addWidget(new ParamField(m_hub, path("ttl_ms"),
                                         *findParameter("fallback.cache", "ttl_ms"), m_body));
    } else if (mode == "service") {
        ChoiceField::Options so;
        so.label = tr("Service");
        so.tooltip = tr("The virtual service that gives the degraded answer (it may fail too).");
        so.itemsProvider = [hub] {
            ChoiceField::Items items;
            const nlohmann::json services = hub->value("services");
            if (services.is_object()) {
                for (auto it = services.begin(); it != services.end(); ++it)
                    items.emplace_back(it.key(), QString::fromStdString(it.key()));
            }
            return items;
        };
        layout->addWidget(new ChoiceField(m_hub, path("service"), so, m_body));
    } else if (mode == "static") {
        layout->addWidget(makeNote(tr("Answers at once with a static value."), m_body));
    }
    layout->addWidget(new OutcomeSetField(m_hub, path("handle"), tr("Handle (handle)"),
                                          outcomeNames(),
                                          tr("Failure outcomes this fallback replaces."), m_body));
}

void StageCard::setSelected(bool selected)
{
    if (m_selected == selected)
        return;
    m_selected = selected;
    setProperty("selected", selected);
    update();
}

void StageCard::setDragging(bool dragging)
{
    m_dragging = dragging;
    update();
}

void StageCard::mousePressEvent(QMouseEvent *event)
{
    emit selectRequested(m_index);
    QFrame::mousePressEvent(event);
}

void StageCard::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QPainterPath outline;
    outline.addRoundedRect(r, 5, 5);
    QColor fill = m_color;
    fill.setAlpha(m_dragging ? 40 : 16);
    p.fillPath(outline, palette().color(QPalette::Base));
    p.fillPath(outline, fill);
    // Header band.
    const QRect header = m_header->geometry().adjusted(-9, -2, 5, 1);
    QPainterPath band;
    band.addRect(QRectF(header).intersected(r));
    QColor bandColor = m_color;
    bandColor.setAlpha(42);
    p.save();
    p.setClipPath(outline);
    p.fillPath(band, bandColor);
    // Colour bar on the left.
    p.fillRect(QRectF(r.left(), r.top(), 5, r.height()), m_color);
    p.restore();
    QPen pen(m_selected ? palette().color(QPalette::Highlight) : m_color.lighter(120),
             m_selected ? 2.0 : 1.0);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    p.drawPath(outline);
}

QWidget *makeSchemaField(EditorHub *hub, const std::string &path, const ParamInfo &p,
                         QWidget *parent)
{
    if (p.kind == ParamKind::Bool)
        return new BoolField(hub, path, p, parent);
    if (p.kind == ParamKind::Enum) {
        ChoiceField::Options co;
        co.label = schemaText(p.label);
        co.tooltip = schemaText(p.tooltip);
        co.defaultChoice = std::string(p.defaultChoice);
        for (std::string_view c : p.choices)
            co.items.emplace_back(std::string(c), toQString(c));
        return new ChoiceField(hub, path, co, parent);
    }
    return new ParamField(hub, path, p, parent);
}

QWidget *StageCard::schemaField(const std::string &key, const ParamInfo &p)
{
    return makeSchemaField(m_hub, path(key), p, m_body);
}

void StageCard::buildFromSchema(QVBoxLayout *layout)
{
    for (const ParamInfo *p : parametersIn(m_type))
        layout->addWidget(schemaField(std::string(p->key), *p));
    const StagePattern *pattern = findStagePattern(m_type);
    if (m_type == "hedging") // an outcome set: no schema row (Polly's ShouldHandle)
        layout->addWidget(new OutcomeSetField(
            m_hub, path("handle"), tr("Handle (handle)"), outcomeNames(),
            tr("Failure outcomes after which a hedged attempt starts at once; any other answer "
               "wins."),
            m_body));
    // A type with variants (a rate limiter's algorithm): the chosen variant's rows follow.
    if (!pattern || pattern->variantKey.empty())
        return;
    const ParamInfo *selector = findParameter(m_type, pattern->variantKey);
    const nlohmann::json chosen = m_hub->value(path(std::string(pattern->variantKey)));
    const std::string variant = chosen.is_string()
                                    ? chosen.get<std::string>()
                                    : std::string(selector ? selector->defaultChoice : "");
    for (const ParamInfo *p : parametersIn(m_type + "." + variant))
        layout->addWidget(schemaField(std::string(p->key), *p));
}

} // namespace reslab::ui
