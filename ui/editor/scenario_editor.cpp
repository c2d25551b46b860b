#include "scenario_editor.h"

#include "editor/editor_hub.h"
#include "editor/editor_widgets.h"
#include "editor/fields.h"
#include "editor/json_edits.h"
#include "editor/parameter_catalog.h"
#include "editor/pipeline_editor.h"
#include "editor/stage_card.h"
#include "i18n/texts.h"
#include "scenario_document.h"

#include <QCheckBox>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

namespace reslab::ui {
namespace {

const ParamInfo &param(std::string_view context, std::string_view key)
{
    const ParamInfo *p = findParameter(context, key);
    Q_ASSERT(p);
    return *p;
}

QString joinedNames(const std::vector<std::string> &names)
{
    QStringList out;
    for (const std::string &n : names)
        out << QString::fromStdString(n);
    return out.join('\n');
}

} // namespace

ScenarioEditor::ScenarioEditor(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_hub(new EditorHub(document, this))
{
    setObjectName("scenarioEditor");
    setStyleSheet(fieldStyleSheet());
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(4, 4, 4, 4);
    m_layout->setSpacing(0);

    m_problems = new QLabel(this);
    m_problems->setObjectName("problems");
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setStyleSheet("QLabel#problems { color: #b71c1c; background: #fdecea;"
                              " border: 1px solid #f5c6cb; border-radius: 3px; padding: 4px; }");
    m_problems->hide();
    m_layout->addWidget(m_problems);

    connect(m_document, &ScenarioDocument::documentReplaced, this, &ScenarioEditor::rebuild);
    connect(m_document, &ScenarioDocument::changed, this, &ScenarioEditor::onChanged);
    connect(m_document, &ScenarioDocument::errorsChanged, this, &ScenarioEditor::onErrorsChanged);
    rebuild();
}

void ScenarioEditor::changeEvent(QEvent *event)
{
    // The editor is a form generated from the document and the schema: in a new language it is
    // generated again (the sections keep their collapsed state, kept by the hub).
    if (event->type() == QEvent::LanguageChange && m_content)
        rebuild();
    QWidget::changeEvent(event);
}

ScenarioEditor::~ScenarioEditor()
{
    // The fields go before the hub they are registered with.
    delete m_content;
    m_content = nullptr;
}

void ScenarioEditor::rebuild()
{
    if (m_content)
        retireWidget(m_content);
    m_loadSection = nullptr;
    m_loadBody = nullptr;
    m_servicesSection = nullptr;
    m_servicesBody = nullptr;
    m_services.clear();
    m_pipeline = nullptr;

    m_content = new QWidget(this);
    m_content->setObjectName("editorContent");
    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_layout->addWidget(m_content);

    auto *general = new CollapsibleSection(m_hub, "general", tr("General"), 0, m_content);
    buildGeneral(general);
    layout->addWidget(general);

    m_loadSection = new CollapsibleSection(m_hub, "load", tr("Load"), 0, m_content);
    layout->addWidget(m_loadSection);
    buildLoad();

    m_servicesSection = new CollapsibleSection(m_hub, "services", tr("Services"), 0, m_content);
    layout->addWidget(m_servicesSection);
    buildServices();

    auto *target = new CollapsibleSection(m_hub, "target", tr("Target"), 0, m_content);
    buildTarget(target);
    layout->addWidget(target);

    auto *pipeline = new CollapsibleSection(m_hub, "pipeline", tr("Pipeline"), 0, m_content);
    m_pipeline = new PipelineEditor(m_hub, pipeline->body());
    pipeline->bodyLayout()->addWidget(m_pipeline);
    layout->addWidget(pipeline);
    layout->addStretch(1);

    updatePhaseSliders();
    updateProblems();
}

void ScenarioEditor::onChanged()
{
    if (!m_content)
        return;
    if (loadShape(m_hub->json()) != m_loadShape)
        buildLoad();
    syncServices();
    if (m_pipeline)
        m_pipeline->sync();
    updatePhaseSliders();
    emit m_hub->refreshValues();
    emit m_hub->refreshErrors();
    updateProblems();
}

void ScenarioEditor::onErrorsChanged()
{
    emit m_hub->refreshErrors();
    updateProblems();
}

void ScenarioEditor::updateProblems()
{
    QStringList lines;
    int hidden = 0;
    for (const ScenarioError &e : m_document->errors()) {
        if (m_hub->isShownByAField(e.path))
            continue;
        if (lines.size() < 8)
            lines << QString::fromStdString(e.toString());
        else
            ++hidden;
    }
    if (hidden > 0)
        lines << tr("… and %n more", nullptr, hidden);
    const QString text = lines.join('\n');
    if (m_problems->text() != text)
        m_problems->setText(text);
    m_problems->setVisible(!lines.isEmpty());
}

void ScenarioEditor::updatePhaseSliders()
{
    const nlohmann::json d = m_hub->value("duration_s");
    const double duration = d.is_number() && d.get<double>() > 0 ? d.get<double>() : 60.0;
    for (BoundField *f : m_hub->fields()) {
        auto *p = qobject_cast<ParamField *>(f);
        if (p && p->info().key == "at_s")
            p->setSliderRange(0, duration);
    }
}

// ------------------------------------------------------------------------------------------------

void ScenarioEditor::buildGeneral(CollapsibleSection *section)
{
    QWidget *body = section->body();
    QVBoxLayout *l = section->bodyLayout();

    TextField::Options name;
    name.label = tr("Name");
    name.tooltip = tr("The scenario's title, shown in the window and in exports.");
    l->addWidget(new TextField(m_hub, "name", name, body));

    TextField::Options description;
    description.label = tr("Description");
    description.placeholder = tr("What this scenario shows (optional)");
    description.tooltip = tr("Free text: what the scenario is about.");
    description.multiLine = true;
    description.removeWhenEmpty = true;
    l->addWidget(new TextField(m_hub, "description", description, body));

    TextField::Options seed;
    seed.label = tr("Seed");
    seed.placeholder = tr("1 (default)");
    seed.tooltip = schemaText(param("scenario", "seed").tooltip);
    seed.kind = TextField::Options::Kind::UnsignedInteger;
    seed.removeWhenEmpty = true;
    l->addWidget(new TextField(m_hub, "seed", seed, body));

    l->addWidget(new ParamField(m_hub, "duration_s", param("scenario", "duration_s"), body));
    l->addWidget(new ParamField(m_hub, "bucket_ms", param("scenario", "bucket_ms"), body));
}

void ScenarioEditor::buildLoad()
{
    const nlohmann::json doc = m_hub->json();
    m_loadShape = loadShape(doc);
    if (m_loadBody)
        retireWidget(m_loadBody);
    m_loadBody = new QWidget(m_loadSection->body());
    m_loadBody->setObjectName("loadBody");
    m_loadSection->bodyLayout()->addWidget(m_loadBody);
    auto *l = new QVBoxLayout(m_loadBody);
    l->setContentsMargins(0, 0, 0, 0);
    l->setSpacing(4);

    const nlohmann::json load = m_hub->value("load");
    const std::string type = load.is_object() && load.contains("type") && load["type"].is_string()
                                 ? load["type"].get<std::string>()
                                 : std::string();
    EditorHub *hub = m_hub;
    ChoiceField::Options o;
    o.label = tr("Type");
    o.tooltip = tr("poisson: random arrivals at a rate; constant: evenly spaced arrivals; "
                   "closed: a fixed number of clients that wait for each answer; script: "
                   "arrivals at listed times.");
    o.items = {{"poisson", tr("poisson (open, random)")},
               {"constant", tr("constant (open, even)")},
               {"closed", tr("closed (clients)")},
               {"script", tr("script (listed times)")}};
    o.apply = [hub](const std::string &t) {
        hub->write("load", switchLoadType(hub->value("load"), t));
    };
    l->addWidget(new ChoiceField(m_hub, "load.type", o, m_loadBody));

    std::vector<PhaseList::Key> phaseKeys;
    if (type == "poisson" || type == "constant") {
        l->addWidget(
            new ParamField(m_hub, "load.rate_per_s", param("load", "rate_per_s"), m_loadBody));
        phaseKeys.push_back({"rate_per_s", tr("Arrival rate"), false});
    } else if (type == "closed") {
        l->addWidget(new ParamField(m_hub, "load.clients", param("load", "clients"), m_loadBody));
        DistributionEditor::Options think;
        think.title = tr("Think time");
        think.tooltip = tr("How long each client waits between the end of one request and the "
                           "start of the next.");
        think.absentText = tr("constant 0 ms (default)");
        think.absentDefault = {{"dist", "constant"}, {"value", 0}};
        l->addWidget(new DistributionEditor(m_hub, "load.think_time_ms", think, m_loadBody));
        phaseKeys.push_back({"clients", tr("Clients"), false});
        phaseKeys.push_back({"think_time_ms", tr("Think time"), true});
    } else if (type == "script") {
        TextField::Options at;
        at.label = tr("Arrivals");
        at.placeholder = tr("0, 250, 1000 (ms)");
        at.tooltip = tr("One request at each of these times, in milliseconds, separated by "
                        "commas.");
        at.kind = TextField::Options::Kind::NumberList;
        l->addWidget(new TextField(m_hub, "load.at_ms", at, m_loadBody));
    }
    if (type != "script" && !type.empty())
        l->addWidget(new PhaseList(m_hub, "load", "load_phase", phaseKeys, m_loadBody));
}

void ScenarioEditor::buildServices()
{
    if (m_servicesBody)
        retireWidget(m_servicesBody);
    m_services.clear();
    m_servicesBody = new QWidget(m_servicesSection->body());
    m_servicesBody->setObjectName("servicesBody");
    m_servicesSection->bodyLayout()->addWidget(m_servicesBody);
    auto *l = new QVBoxLayout(m_servicesBody);
    l->setContentsMargins(0, 0, 0, 0);
    l->setSpacing(4);

    const std::vector<std::string> names = serviceNames(m_hub->json());
    m_serviceNames = joinedNames(names).toStdString();
    for (const std::string &name : names) {
        auto *slot = new QWidget(m_servicesBody);
        auto *sl = new QVBoxLayout(slot);
        sl->setContentsMargins(0, 0, 0, 0);
        l->addWidget(slot);
        buildService(name, slot);
    }

    auto *row = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add service"), m_servicesBody);
    add->setObjectName("addService");
    add->setToolTip(tr("Add a virtual service (for a fallback to call, or a new target)"));
    row->addWidget(add);
    row->addStretch(1);
    l->addLayout(row);
    EditorHub *hub = m_hub;
    connect(add, &QPushButton::clicked, this, [hub] {
        const nlohmann::json services = hub->value("services");
        std::string name = "service";
        for (int i = 2; services.is_object() && services.contains(name); ++i)
            name = "service" + std::to_string(i);
        hub->write(
            servicePath(name),
            nlohmann::json{{"failure_rate", 0},
                           {"latency_ms", {{"dist", "lognormal"}, {"median", 20}, {"p99", 100}}}});
    });
}

void ScenarioEditor::buildService(const std::string &name, QWidget *slot)
{
    const std::string base = servicePath(name);
    const nlohmann::json service = m_hub->value(base);
    auto *section = new CollapsibleSection(m_hub, QString::fromStdString("service:" + name),
                                           QString::fromStdString(name), 1, slot);
    slot->layout()->addWidget(section);
    m_services[name] = {section, serviceShape(service)};

    auto *remove = new QToolButton(section);
    remove->setObjectName("removeService");
    remove->setAutoRaise(true);
    remove->setText(QString::fromUtf8("\u00d7"));
    remove->setToolTip(tr("Remove this service"));
    remove->setEnabled(serviceNames(m_hub->json()).size() > 1);
    EditorHub *hub = m_hub;

    // Rename in place: the name becomes a line edit; Enter renames the service and every
    // reference to it (target, fallback stages) in one edit, Escape or leaving cancels.
    auto *rename = new QToolButton(section);
    rename->setObjectName("renameService");
    rename->setAutoRaise(true);
    rename->setText(QString::fromUtf8("\u270e"));
    rename->setToolTip(tr("Rename this service (the target and fallbacks follow)"));
    auto *nameEdit = new QLineEdit(QString::fromStdString(name), section);
    nameEdit->setObjectName("serviceName");
    nameEdit->setVisible(false);
    nameEdit->setMaximumWidth(180);
    section->headerLayout()->addWidget(nameEdit);
    section->headerLayout()->addWidget(rename);
    section->headerLayout()->addWidget(remove);
    connect(rename, &QToolButton::clicked, this, [nameEdit] {
        nameEdit->setVisible(true);
        nameEdit->setFocus();
        nameEdit->selectAll();
    });
    connect(nameEdit, &QLineEdit::returnPressed, this, [hub, nameEdit, name] {
        const std::string to = nameEdit->text().trimmed().toStdString();
        if (to == name) {
            nameEdit->setVisible(false);
            return;
        }
        const QString problem = serviceNameProblem(hub->json(), to);
        if (!problem.isEmpty()) {
            nameEdit->setStyleSheet("QLineEdit { border: 1px solid #c62828; }");
            nameEdit->setToolTip(problem);
            QToolTip::showText(nameEdit->mapToGlobal(QPoint(0, nameEdit->height())), problem,
                               nameEdit);
            return;
        }
        // The editor rebuilds the services after this edit: do not touch nameEdit afterwards.
        hub->document()->setJson(renameService(hub->json(), name, to));
    });
    connect(nameEdit, &QLineEdit::editingFinished, this, [nameEdit, name] {
        if (!nameEdit->hasFocus()) { // focus left without Enter: cancel
            nameEdit->setText(QString::fromStdString(name));
            nameEdit->setStyleSheet(QString());
            nameEdit->setVisible(false);
        }
    });
    connect(remove, &QToolButton::clicked, this, [hub, base] { hub->write(base, nullptr); });

    QWidget *body = section->body();
    QVBoxLayout *l = section->bodyLayout();
    if (!service.is_object()) {
        l->addWidget(makeNote(tr("Not a service object."), body));
        return;
    }
    l->addWidget(
        new ParamField(m_hub, base + ".failure_rate", param("service", "failure_rate"), body));

    DistributionEditor::Options latency;
    latency.title = tr("Latency");
    latency.tooltip = tr("How long a successful attempt takes (and a failed one, without a "
                         "separate error latency).");
    l->addWidget(new DistributionEditor(m_hub, base + ".latency_ms", latency, body));

    auto *separate = new QCheckBox(tr("Separate latency for errors"), body);
    separate->setObjectName(QString::fromStdString(base + ".error_latency_ms:enabled"));
    separate->setToolTip(tr("Failed attempts take their own time (e.g. fast errors)."));
    const bool hasError = service.contains("error_latency_ms");
    separate->setChecked(hasError);
    connect(separate, &QCheckBox::toggled, this, [hub, base](bool on) {
        hub->write(base + ".error_latency_ms",
                   on ? nlohmann::json{{"dist", "constant"}, {"value", 5}} : nlohmann::json());
    });
    l->addWidget(separate);
    if (hasError) {
        DistributionEditor::Options error;
        error.title = tr("Error latency");
        error.tooltip = tr("How long a failed attempt takes.");
        error.removable = true;
        l->addWidget(new DistributionEditor(m_hub, base + ".error_latency_ms", error, body));
    }

    l->addWidget(
        new ParamField(m_hub, base + ".concurrency", param("service", "concurrency"), body));
    l->addWidget(
        new ParamField(m_hub, base + ".queue_limit", param("service", "queue_limit"), body));
    l->addWidget(new ParamField(m_hub, base + ".latency_per_inflight_ms",
                                param("service", "latency_per_inflight_ms"), body));
    // Version 2: replicas, their balancer, and the calls this service makes.
    for (const char *key : {"replicas", "load_balancer", "call_mode"})
        l->addWidget(makeSchemaField(m_hub, base + "." + key, param("service", key), body));
    buildCalls(name, l, body);

    l->addWidget(
        new PhaseList(m_hub, base, "service_phase",
                      {{"failure_rate", tr("Failure rate"), false},
                       {"latency_ms", tr("Latency"), true},
                       {"error_latency_ms", tr("Error latency"), true},
                       {"concurrency", tr("Concurrency"), false},
                       {"queue_limit", tr("Queue limit"), false},
                       {"latency_per_inflight_ms", tr("Latency per in-flight call"), false}},
                      body));

    TextField::Options script;
    script.label = tr("Script");
    script.placeholder = tr("ok, error, ok:250 … (optional)");
    script.tooltip = tr("Outcomes of the successive attempts, overriding the random draws: ok, "
                        "error, ok:MS or error:MS, separated by commas.");
    script.kind = TextField::Options::Kind::StringList;
    script.removeWhenEmpty = true;
    l->addWidget(new TextField(m_hub, base + ".script", script, body));
}

void ScenarioEditor::buildCalls(const std::string &name, QVBoxLayout *l, QWidget *body)
{
    const std::string base = servicePath(name);
    const nlohmann::json calls = m_hub->value(base + ".calls");
    EditorHub *hub = m_hub;
    const std::size_t count = calls.is_array() ? calls.size() : 0;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string call = base + ".calls[" + std::to_string(i) + "]";
        auto *box = new QFrame(body);
        box->setObjectName(QString::fromStdString("call:" + call));
        box->setFrameShape(QFrame::StyledPanel);
        auto *bl = new QVBoxLayout(box);
        bl->setContentsMargins(6, 4, 6, 4);
        auto *head = new QHBoxLayout;
        auto *title = new QLabel(tr("Call %1").arg(i + 1), box);
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        head->addWidget(title);
        head->addStretch(1);
        auto *remove = new QToolButton(box);
        remove->setObjectName("removeCall");
        remove->setAutoRaise(true);
        remove->setText(QString::fromUtf8("\u00d7"));
        remove->setToolTip(tr("Remove this call"));
        connect(remove, &QToolButton::clicked, this, [hub, call] { hub->write(call, nullptr); });
        head->addWidget(remove);
        bl->addLayout(head);
        ChoiceField::Options to;
        to.label = tr("To service");
        to.tooltip = tr("The service this call goes to.");
        to.itemsProvider = [hub, name] {
            ChoiceField::Items items;
            for (const std::string &s : serviceNames(hub->json())) {
                if (s != name)
                    items.emplace_back(s, QString::fromStdString(s));
            }
            return items;
        };
        bl->addWidget(new ChoiceField(m_hub, call + ".to", to, box));
        bl->addWidget(
            makeSchemaField(m_hub, call + ".probability", param("call", "probability"), box));
        bl->addWidget(makeSchemaField(m_hub, call + ".required", param("call", "required"), box));
        bl->addWidget(new PipelineEditor(m_hub, box, call + ".pipeline"));
        l->addWidget(box);
    }
    auto *row = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add call"), body);
    add->setObjectName("addCall");
    add->setToolTip(tr("Let this service call another one after its own work (a version-2 "
                       "service graph)"));
    row->addWidget(add);
    row->addStretch(1);
    l->addLayout(row);
    connect(add, &QPushButton::clicked, this, [hub, base, name] {
        nlohmann::json list = hub->value(base + ".calls");
        if (!list.is_array())
            list = nlohmann::json::array();
        std::string to;
        for (const std::string &s : serviceNames(hub->json())) {
            if (s != name) {
                to = s;
                break;
            }
        }
        if (to.empty())
            return; // no other service to call
        list.push_back({{"to", to}, {"pipeline", nlohmann::json::array()}});
        hub->write(base + ".calls", list);
    });
}

void ScenarioEditor::syncServices()
{
    if (!m_servicesSection)
        return;
    const nlohmann::json doc = m_hub->json();
    const std::vector<std::string> names = serviceNames(doc);
    if (joinedNames(names).toStdString() != m_serviceNames) {
        buildServices();
    } else {
        for (const std::string &name : names) {
            auto it = m_services.find(name);
            if (it == m_services.end())
                continue;
            const std::string shape = serviceShape(m_hub->value(servicePath(name)));
            if (shape == it->second.second)
                continue;
            CollapsibleSection *old = it->second.first;
            QWidget *slot = old->parentWidget();
            retireWidget(old);
            buildService(name, slot);
        }
    }
    const nlohmann::json target = m_hub->value("target");
    for (auto &[name, entry] : m_services)
        entry.first->setBadge(target.is_string() && target.get<std::string>() == name ? tr("target")
                                                                                      : QString());
    m_servicesSection->setBadge(tr("%n service(s)", nullptr, static_cast<int>(names.size())));
}

void ScenarioEditor::buildTarget(CollapsibleSection *section)
{
    EditorHub *hub = m_hub;
    ChoiceField::Options o;
    o.label = tr("Target service");
    o.tooltip = tr("The service the pipeline calls (its innermost stage calls it).");
    o.itemsProvider = [hub] {
        ChoiceField::Items items;
        for (const std::string &n : serviceNames(hub->json()))
            items.emplace_back(n, QString::fromStdString(n));
        return items;
    };
    section->bodyLayout()->addWidget(new ChoiceField(m_hub, "target", o, section->body()));
}

} // namespace reslab::ui
