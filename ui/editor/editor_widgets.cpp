#include "editor/editor_widgets.h"

#include "editor/fields.h"
#include "editor/json_edits.h"
#include "editor/parameter_catalog.h"

#include "reslab/model/virtual_service.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace reslab::ui {

// ------------------------------------------------------------------------------------------------
// CollapsibleSection

CollapsibleSection::CollapsibleSection(EditorHub *hub, const QString &key, const QString &title,
                                       int level, QWidget *parent, bool collapsedByDefault)
    : QWidget(parent)
    , m_hub(hub)
    , m_key(key)
    , m_level(level)
{
    setObjectName("section:" + key);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_header = new QWidget(this);
    m_header->setObjectName("sectionHeader");
    m_headerLayout = new QHBoxLayout(m_header);
    m_headerLayout->setContentsMargins(level == 0 ? 4 : 2, 3, 4, 3);
    m_headerLayout->setSpacing(4);
    m_toggle = new QToolButton(m_header);
    m_toggle->setObjectName("toggle");
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setAutoRaise(true);
    m_toggle->setCheckable(false);
    m_toggle->setProperty("expanded", true);
    m_toggle->setFocusPolicy(Qt::TabFocus);
    QFont f = m_toggle->font();
    f.setBold(true);
    if (level == 0)
        f.setPointSizeF(f.pointSizeF() * 1.1);
    m_toggle->setFont(f);
    m_toggle->setText(title);
    m_badge = new QLabel(m_header);
    m_badge->setObjectName("badge");
    m_badge->hide();
    m_headerLayout->addWidget(m_toggle);
    m_headerLayout->addWidget(m_badge);
    m_headerLayout->addStretch(1);
    layout->addWidget(m_header);

    m_body = new QWidget(this);
    m_body->setObjectName("sectionBody");
    m_bodyLayout = new QVBoxLayout(m_body);
    m_bodyLayout->setContentsMargins(level == 0 ? 8 : 6, 2, 4, level == 0 ? 10 : 6);
    m_bodyLayout->setSpacing(4);
    layout->addWidget(m_body);

    connect(m_toggle, &QToolButton::clicked, this, [this] { setCollapsed(!isCollapsed()); });
    const bool collapsed = m_hub->isCollapsed(m_key, collapsedByDefault);
    m_toggle->setArrowType(collapsed ? Qt::RightArrow : Qt::DownArrow);
    m_toggle->setProperty("expanded", !collapsed);
    m_body->setVisible(!collapsed);
}

void CollapsibleSection::setTitle(const QString &title)
{
    m_toggle->setText(title);
}

void CollapsibleSection::setBadge(const QString &text, bool warning)
{
    m_badge->setText(text);
    m_badge->setStyleSheet(warning ? "color: #c62828;" : "color: palette(mid);");
    m_badge->setVisible(!text.isEmpty());
}

bool CollapsibleSection::isCollapsed() const
{
    return !m_toggle->property("expanded").toBool();
}

void CollapsibleSection::setCollapsed(bool collapsed)
{
    m_toggle->setProperty("expanded", !collapsed);
    m_toggle->setArrowType(collapsed ? Qt::RightArrow : Qt::DownArrow);
    m_body->setVisible(!collapsed);
    m_hub->setCollapsed(m_key, collapsed);
}

void CollapsibleSection::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRect header = m_header->geometry();
    QColor band = palette().color(QPalette::Button);
    if (m_level == 0) {
        band = band.darker(104);
        p.fillRect(header, band);
        p.setPen(palette().color(QPalette::Mid));
        p.drawLine(header.bottomLeft(), header.bottomRight());
    } else {
        p.setPen(palette().color(QPalette::Midlight));
        p.drawLine(header.topLeft(), header.topRight());
    }
}

// ------------------------------------------------------------------------------------------------
// ToggleSwitch

ToggleSwitch::ToggleSwitch(QWidget *parent)
    : QAbstractButton(parent)
{
    setCheckable(true);
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::TabFocus);
}

QSize ToggleSwitch::sizeHint() const
{
    return {34, 18};
}

void ToggleSwitch::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF track = QRectF(rect()).adjusted(1, 2, -1, -2);
    const qreal r = track.height() / 2;
    const QColor on = palette().color(QPalette::Highlight);
    const QColor off = palette().color(QPalette::Mid);
    p.setPen(Qt::NoPen);
    p.setBrush(isChecked() ? on : off);
    if (!isEnabled())
        p.setOpacity(0.5);
    p.drawRoundedRect(track, r, r);
    const qreal d = track.height() - 4;
    const qreal x = isChecked() ? track.right() - d - 2 : track.left() + 2;
    p.setBrush(Qt::white);
    p.drawEllipse(QRectF(x, track.top() + 2, d, d));
    if (hasFocus()) {
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(on.darker(130), 1, Qt::DotLine));
        p.drawRoundedRect(track.adjusted(-1, -1, 1, 1), r + 1, r + 1);
    }
}

// ------------------------------------------------------------------------------------------------
// DragHandle

DragHandle::DragHandle(QWidget *parent)
    : QWidget(parent)
{
    setCursor(Qt::OpenHandCursor);
    setObjectName("dragHandle");
    setToolTip(tr("Drag to move this stage (outermost first)"));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setFixedSize(sizeHint());
}

void DragHandle::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::Dark));
    const int cx = width() / 2;
    const int cy = height() / 2;
    for (int row = -1; row <= 1; ++row) {
        for (int col : {-1, 1})
            p.drawEllipse(QPointF(cx + col * 2.5, cy + row * 5), 1.6, 1.6);
    }
}

void DragHandle::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressed = true;
    m_dragging = false;
    m_pressPos = event->position().toPoint();
    setCursor(Qt::ClosedHandCursor);
    event->accept();
}

void DragHandle::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_pressed)
        return;
    if (!m_dragging) {
        if ((event->position().toPoint() - m_pressPos).manhattanLength() <
            QApplication::startDragDistance())
            return;
        m_dragging = true;
        emit dragStarted();
    }
    emit dragMoved(event->globalPosition().toPoint());
    event->accept();
}

void DragHandle::mouseReleaseEvent(QMouseEvent *event)
{
    const bool dragging = m_dragging;
    m_pressed = false;
    m_dragging = false;
    setCursor(Qt::OpenHandCursor);
    if (dragging)
        emit dragFinished(event->globalPosition().toPoint()); // may delete us later: last thing
}

// ------------------------------------------------------------------------------------------------
// ComputedNote

ComputedNote::ComputedNote(EditorHub *hub, std::string path, std::function<QString()> text,
                           QWidget *parent)
    : BoundField(hub, std::move(path), parent)
    , m_text(std::move(text))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = makeNote(QString(), this);
    m_label->setObjectName("note");
    m_label->setTextFormat(Qt::PlainText);
    layout->addWidget(m_label);
    refresh();
}

void ComputedNote::refresh()
{
    const QString text = m_text ? m_text() : QString();
    if (m_label->text() != text)
        m_label->setText(text);
    setVisible(!text.isEmpty());
}

// ------------------------------------------------------------------------------------------------
// DistributionEditor

namespace {
QString ms(double v)
{
    if (!std::isfinite(v))
        return QStringLiteral("?");
    if (v >= 100)
        return QString::number(std::round(v), 'f', 0);
    QString s = QString::number(v, 'f', v >= 10 ? 1 : 2);
    while (s.contains('.') && (s.endsWith('0') || s.endsWith('.')))
        s.chop(1);
    return s;
}

} // namespace

QString distributionSummary(const nlohmann::json &dist)
{
    // The engine's numbers for the distribution it samples (the editor computes none itself).
    const auto stats = VirtualService::latencyStats(dist);
    if (!stats || !std::isfinite(stats->p50) || !std::isfinite(stats->p99) ||
        !std::isfinite(stats->mean))
        return {};
    return QObject::tr("p50 %1 ms · p99 %2 ms · mean %3 ms")
        .arg(ms(stats->p50), ms(stats->p99), ms(stats->mean));
}

DistributionEditor::DistributionEditor(EditorHub *hub, std::string bindPath, Options options,
                                       QWidget *parent)
    : BoundField(hub, std::move(bindPath), parent)
    , m_options(std::move(options))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->setSpacing(1);
    const nlohmann::json value = m_hub->value(m_path);
    const std::string path = m_path;

    if (value.is_null() && !m_options.absentText.isEmpty()) {
        auto *row = new QHBoxLayout;
        auto *title = new QLabel(m_options.title, this);
        title->setToolTip(m_options.tooltip);
        auto *text = makeNote(m_options.absentText, this);
        auto *set = new QPushButton(tr("Set…"), this);
        set->setObjectName("set");
        set->setToolTip(tr("Write this distribution into the scenario to change it"));
        row->addWidget(title);
        row->addWidget(text, 1);
        row->addWidget(set);
        layout->addLayout(row);
        connect(set, &QPushButton::clicked, this, [this] {
            if (!retired())
                m_hub->write(m_path, m_options.absentDefault);
        });
    } else {
        ChoiceField::Options o;
        o.label = m_options.title;
        o.tooltip = m_options.tooltip + QStringLiteral("\n") +
                    tr("Switching the distribution replaces its numbers with ones on the same "
                       "scale.");
        o.items = {{"constant", tr("constant")},
                   {"uniform", tr("uniform")},
                   {"exponential", tr("exponential")},
                   {"normal", tr("normal")},
                   {"lognormal", tr("lognormal")}};
        o.apply = [this, path](const std::string &dist) {
            m_hub->write(path, switchDistribution(m_hub->value(path), dist));
        };
        auto *head = new QHBoxLayout;
        head->setSpacing(2);
        auto *combo = new ChoiceField(m_hub, path + ".dist", o, this);
        head->addWidget(combo, 1);
        if (m_options.removable) {
            auto *remove = new QToolButton(this);
            remove->setObjectName("remove");
            remove->setAutoRaise(true);
            remove->setText(QString::fromUtf8("\u00d7"));
            remove->setToolTip(tr("Remove %1").arg(m_options.title.toLower()));
            head->addWidget(remove, 0, Qt::AlignTop);
            connect(remove, &QToolButton::clicked, this, [this] {
                if (!retired())
                    m_hub->write(m_path, nullptr);
            });
        }
        layout->addLayout(head);

        auto *fields = new QWidget(this);
        auto *fl = new QVBoxLayout(fields);
        fl->setContentsMargins(12, 0, 0, 0);
        fl->setSpacing(2);
        const std::string dist =
            value.is_object() && value.contains("dist") && value["dist"].is_string()
                ? value["dist"].get<std::string>()
                : std::string();
        for (const ParamInfo *p : parametersIn("dist." + dist))
            fl->addWidget(new ParamField(m_hub, path + "." + std::string(p->key), *p, fields));
        m_summary = new ComputedNote(
            m_hub, path + ":summary",
            [this, path] { return distributionSummary(m_hub->value(path)); }, fields);
        fl->addWidget(m_summary);
        layout->addWidget(fields);
    }
    auto *error = makeErrorLabel(this);
    layout->addWidget(error);
    setErrorWidgets(nullptr, error);
    refreshErrors();
}

void DistributionEditor::refresh() {}

// ------------------------------------------------------------------------------------------------
// PhaseList

PhaseList::PhaseList(EditorHub *hub, std::string basePath, std::string phaseContext,
                     std::vector<Key> keys, QWidget *parent)
    : QWidget(parent)
    , m_hub(hub)
    , m_base(std::move(basePath))
    , m_context(std::move(phaseContext))
    , m_keys(std::move(keys))
{
    const std::string phasesPath = m_base + ".phases";
    setObjectName(QString::fromStdString(phasesPath));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto *titleRow = new QHBoxLayout;
    auto *title = new QLabel(tr("Phases"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    title->setToolTip(tr("From each phase's time on, the values it lists replace the base "
                         "values; the others stay as they were."));
    auto *add = new QPushButton(tr("Add phase"), this);
    add->setObjectName("addPhase");
    titleRow->addWidget(title);
    titleRow->addStretch(1);
    titleRow->addWidget(add);
    layout->addLayout(titleRow);
    connect(add, &QPushButton::clicked, this, &PhaseList::addPhase);

    const nlohmann::json phases = m_hub->value(phasesPath);
    if (!phases.is_array() || phases.empty()) {
        layout->addWidget(
            makeNote(tr("No phases: the values above hold for the whole run."), this));
        return;
    }
    const ParamInfo *at = findParameter(m_context, "at_s");
    for (std::size_t i = 0; i < phases.size(); ++i) {
        const std::string path = phasesPath + "[" + std::to_string(i) + "]";
        const nlohmann::json &phase = phases[i];
        auto *box = new QFrame(this);
        box->setObjectName(QString::fromStdString(path));
        box->setFrameShape(QFrame::StyledPanel);
        auto *bl = new QVBoxLayout(box);
        bl->setContentsMargins(6, 3, 4, 4);
        bl->setSpacing(2);
        auto *head = new QHBoxLayout;
        auto *name = new QLabel(tr("Phase %1").arg(i + 1), box);
        name->setFont(bold);
        head->addWidget(name);
        head->addStretch(1);
        auto *plus = new QToolButton(box);
        plus->setObjectName("addValue");
        plus->setText(tr("+ value"));
        plus->setAutoRaise(true);
        plus->setPopupMode(QToolButton::InstantPopup);
        plus->setToolTip(tr("Let this phase change another value"));
        auto *menu = new QMenu(plus);
        for (const Key &k : m_keys) {
            if (phase.is_object() && phase.contains(k.key))
                continue;
            QAction *a = menu->addAction(k.label);
            a->setObjectName(QString::fromStdString("add:" + k.key));
            const Key key = k;
            connect(a, &QAction::triggered, this, [this, path, key] {
                nlohmann::json base = m_hub->value(m_base + "." + key.key);
                if (base.is_null()) {
                    if (key.distribution)
                        base = nlohmann::json{{"dist", "constant"}, {"value", 10}};
                    else if (const ParamInfo *p = findParameter(m_context, key.key))
                        base = p->optional
                                   ? numberJson(p->enableValue, p->kind == ParamKind::Integer)
                                   : p->defaultJson();
                    if (base.is_null())
                        base = 0;
                }
                m_hub->write(path + "." + key.key, base);
            });
        }
        plus->setMenu(menu);
        plus->setEnabled(!menu->isEmpty());
        head->addWidget(plus);
        auto *remove = new QToolButton(box);
        remove->setObjectName("removePhase");
        remove->setAutoRaise(true);
        remove->setText(QString::fromUtf8("\u00d7"));
        remove->setToolTip(tr("Remove this phase"));
        head->addWidget(remove);
        connect(remove, &QToolButton::clicked, this, [this, path] { m_hub->write(path, nullptr); });
        bl->addLayout(head);

        if (at)
            bl->addWidget(new ParamField(m_hub, path + ".at_s", *at, box));
        for (const Key &k : m_keys) {
            if (!phase.is_object() || !phase.contains(k.key))
                continue;
            const std::string keyPath = path + "." + k.key;
            if (k.distribution) {
                DistributionEditor::Options o;
                o.title = k.label;
                o.removable = true;
                bl->addWidget(new DistributionEditor(m_hub, keyPath, o, box));
            } else if (const ParamInfo *p = findParameter(m_context, k.key)) {
                FieldOptions fo;
                fo.inheritFrom = m_base + "." + k.key;
                fo.removable = true;
                bl->addWidget(new ParamField(m_hub, keyPath, *p, box, fo));
            }
        }
        layout->addWidget(box);
    }
}

void PhaseList::addPhase()
{
    const std::string phasesPath = m_base + ".phases";
    nlohmann::json phases = m_hub->value(phasesPath);
    if (!phases.is_array())
        phases = nlohmann::json::array();
    double at = 0;
    const nlohmann::json duration = m_hub->value("duration_s");
    const double total = duration.is_number() ? duration.get<double>() : 60.0;
    if (!phases.empty() && phases.back().is_object() && phases.back().contains("at_s") &&
        phases.back()["at_s"].is_number())
        at = phases.back()["at_s"].get<double>() + std::max(1.0, std::round(total / 10));
    else
        at = std::round(total / 2);
    nlohmann::json phase = nlohmann::json::object();
    phase["at_s"] = numberJson(at, false);
    if (!m_keys.empty()) {
        const Key &k = m_keys.front();
        nlohmann::json base = m_hub->value(m_base + "." + k.key);
        if (!base.is_null())
            phase[k.key] = base;
    }
    phases.push_back(phase);
    m_hub->write(phasesPath, phases);
}

} // namespace reslab::ui
