#include "editor/fields.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QStyle>
#include <QStyleOptionSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace reslab::ui {
namespace {

constexpr int kSteps = 1000;

QString hintText(const QString &text)
{
    return text;
}

QLabel *makeHint(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setObjectName("hint");
    QFont f = l->font();
    f.setItalic(true);
    f.setPointSizeF(f.pointSizeF() * 0.85);
    l->setFont(f);
    QPalette pal = l->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::Disabled, QPalette::WindowText));
    l->setPalette(pal);
    return l;
}

QToolButton *makeResetButton(QWidget *parent, bool remove)
{
    auto *b = new QToolButton(parent);
    b->setObjectName("reset");
    b->setAutoRaise(true);
    b->setText(remove ? QString::fromUtf8("\u00d7") : QString::fromUtf8("\u21ba"));
    b->setToolTip(remove ? QObject::tr("Remove this value from the phase")
                         : QObject::tr("Reset to default (removes the key from the file)"));
    b->setFocusPolicy(Qt::NoFocus);
    b->setFixedSize(20, 20);
    return b;
}

QLabel *makeFieldLabel(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(breakableName(text), parent);
    l->setObjectName("label");
    l->setWordWrap(true);
    l->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    return l;
}

/// Rounds to `digits` significant digits (slider values are "nice" numbers).
double roundSignificant(double v, int digits)
{
    if (v == 0 || !std::isfinite(v))
        return v;
    const double magnitude = std::floor(std::log10(std::fabs(v)));
    const double factor = std::pow(10.0, digits - 1 - magnitude);
    return std::round(v * factor) / factor;
}

double roundDecimals(double v, int decimals)
{
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

QString displayNumber(double v, int decimals)
{
    QString s = QString::number(v, 'f', std::max(0, decimals));
    if (s.contains('.')) {
        while (s.endsWith('0'))
            s.chop(1);
        if (s.endsWith('.'))
            s.chop(1);
    }
    return s;
}

} // namespace

nlohmann::json numberJson(double v, bool integer)
{
    if (!std::isfinite(v))
        return nlohmann::json(v);
    if (integer || (v == std::floor(v) && std::fabs(v) < 1e15)) {
        if (std::fabs(v) < 9e18)
            return nlohmann::json(static_cast<long long>(std::llround(v)));
    }
    return nlohmann::json(v);
}

const std::vector<std::string> &outcomeNames()
{
    static const std::vector<std::string> names{"error",      "timeout",  "circuit_open",
                                                "overloaded", "rejected", "fallback_failed"};
    return names;
}

QString fieldStyleSheet()
{
    return QStringLiteral("QFrame#frame { border: 1px solid transparent; border-radius: 3px; }"
                          "QFrame#frame[hasError=\"true\"] { border: 1px solid #d32f2f;"
                          " background: rgba(211, 47, 47, 18); }");
}

// ------------------------------------------------------------------------------------------------

FieldSpinBox::FieldSpinBox(QWidget *parent)
    : QDoubleSpinBox(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setKeyboardTracking(false);
    setAccelerated(true);
}

QString FieldSpinBox::textFromValue(double value) const
{
    QLocale loc = locale();
    loc.setNumberOptions(loc.numberOptions() | QLocale::OmitGroupSeparator);
    QString s = loc.toString(value, 'f', decimals());
    if (decimals() > 0) {
        const QString point = loc.decimalPoint();
        if (s.contains(point)) {
            while (s.endsWith('0'))
                s.chop(1);
            if (s.endsWith(point))
                s.chop(point.size());
        }
    }
    return s;
}

QSize FieldSpinBox::sizeHint() const
{
    ensurePolished();
    const QFontMetrics fm(font());
    const int h = QDoubleSpinBox::sizeHint().height();
    const int w = fm.horizontalAdvance(QStringLiteral("0000000.0")) + 4;
    QStyleOptionSpinBox opt;
    initStyleOption(&opt);
    return style()
        ->sizeFromContents(QStyle::CT_SpinBox, &opt, QSize(w, h), this)
        .expandedTo(QSize(0, h));
}

void FieldSpinBox::setDefaultLook(bool on)
{
    if (property("isDefault").toBool() == on && property("isDefault").isValid())
        return;
    setProperty("isDefault", on);
    QFont f = font();
    f.setItalic(on);
    setFont(f);
    QPalette pal = palette();
    pal.setColor(QPalette::Text, on ? pal.color(QPalette::Disabled, QPalette::Text)
                                    : QPalette().color(QPalette::Active, QPalette::Text));
    setPalette(pal);
}

void FieldSpinBox::wheelEvent(QWheelEvent *event)
{
    if (!hasFocus()) {
        event->ignore();
        return;
    }
    QDoubleSpinBox::wheelEvent(event);
}

FieldSlider::FieldSlider(QWidget *parent)
    : QSlider(Qt::Horizontal, parent)
{
    setFocusPolicy(Qt::StrongFocus);
}

void FieldSlider::wheelEvent(QWheelEvent *event)
{
    if (!hasFocus()) {
        event->ignore();
        return;
    }
    QSlider::wheelEvent(event);
}

FieldComboBox::FieldComboBox(QWidget *parent)
    : QComboBox(parent)
{
    setFocusPolicy(Qt::StrongFocus);
}

void FieldComboBox::wheelEvent(QWheelEvent *event)
{
    if (!hasFocus()) {
        event->ignore();
        return;
    }
    QComboBox::wheelEvent(event);
}

// ------------------------------------------------------------------------------------------------
// ParamField

ParamField::ParamField(EditorHub *hub, std::string path, const ParamInfo &info, QWidget *parent,
                       FieldOptions options)
    : BoundField(hub, std::move(path), parent)
    , m_info(info)
    , m_options(std::move(options))
{
    if (!m_options.inheritFrom.empty() || m_options.removable)
        m_absent = Absent::Inherit;
    else if (m_info.optional)
        m_absent = Absent::Optional;
    else if (m_info.hasDefault)
        m_absent = Absent::Default;
    else
        m_absent = Absent::Required;

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->setSpacing(1);

    auto *header = new QHBoxLayout;
    header->setSpacing(4);
    m_label =
        makeFieldLabel(m_options.label.isEmpty() ? toQString(m_info.label) : m_options.label, this);
    header->addWidget(m_label, 1);
    m_hint = makeHint(this);
    header->addWidget(m_hint);
    if (m_absent == Absent::Optional) {
        m_option = new QCheckBox(toQString(m_info.optionLabel), this);
        m_option->setObjectName("option");
        m_option->setToolTip(tr("Unchecked: %1").arg(toQString(m_info.absentText)));
        header->addWidget(m_option);
        connect(m_option, &QCheckBox::toggled, this, [this](bool on) {
            if (m_updating || retired())
                return;
            m_hub->write(m_path,
                         on ? numberJson(m_info.enableValue, m_info.kind == ParamKind::Integer)
                            : nlohmann::json());
        });
    }
    if (m_absent == Absent::Default || m_options.removable) {
        m_reset = makeResetButton(this, m_options.removable);
        header->addWidget(m_reset);
        connect(m_reset, &QToolButton::clicked, this, [this] {
            if (!retired())
                m_hub->write(m_path, nullptr);
        });
        auto *action = new QAction(
            m_options.removable ? tr("Remove from this phase") : tr("Reset to default"), this);
        action->setObjectName("resetAction");
        connect(action, &QAction::triggered, m_reset, &QToolButton::click);
        addAction(action);
        setContextMenuPolicy(Qt::ActionsContextMenu);
    }
    layout->addLayout(header);
    if (m_hub->canSweep()) {
        // Right-click: sweep this number over a range (Tune > Parameter sweep, axis 1 preset).
        auto *sweep = new QAction(tr("Sweep this parameter…"), this);
        sweep->setObjectName("sweepAction");
        connect(sweep, &QAction::triggered, this, [this] {
            if (!retired())
                emit m_hub->sweepRequested(QString::fromStdString(m_path));
        });
        addAction(sweep);
        setContextMenuPolicy(Qt::ActionsContextMenu);
    }

    auto *frame = new QFrame(this);
    frame->setObjectName("frame");
    auto *row = new QHBoxLayout(frame);
    row->setContentsMargins(2, 1, 2, 1);
    row->setSpacing(6);
    m_slider = new FieldSlider(frame);
    m_slider->setObjectName("slider");
    m_spin = new FieldSpinBox(frame);
    m_spin->setObjectName("spin");
    m_unit = new QLabel(frame);
    m_unit->setObjectName("unit");
    m_unit->setMinimumWidth(QFontMetrics(m_unit->font()).horizontalAdvance("req/s") + 2);
    row->addWidget(m_slider, 1);
    row->addWidget(m_spin);
    row->addWidget(m_unit);
    layout->addWidget(frame);
    auto *error = makeErrorLabel(this);
    layout->addWidget(error);
    setErrorWidgets(frame, error);

    // Spin box: wide enough a range that an out-of-range value can be typed (and shown as an
    // error): the valid range plus its own width on each side.
    const double span = std::clamp(m_info.max - m_info.min, 1.0, 1e12);
    const bool integer = m_info.kind == ParamKind::Integer;
    m_spin->setDecimals(integer ? 0 : m_info.decimals);
    m_spin->setRange(toShown(m_info.min - span), toShown(std::min(m_info.max + span, 1e15)));
    if (m_info.slider == SliderScale::Log) {
        m_spin->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
        m_spin->setSingleStep(1);
    } else if (integer) {
        m_spin->setSingleStep(1);
    } else {
        const double width = toShown(m_info.sliderMax - m_info.sliderMin);
        m_spin->setSingleStep(width > 0 ? std::pow(10.0, std::floor(std::log10(width / 20.0)))
                                        : 1.0);
    }
    setUnit(m_options.unit.isEmpty() ? toQString(m_info.unit) : m_options.unit);

    if (m_info.slider == SliderScale::None)
        m_slider->hide();
    setSliderRange(m_info.sliderMin, m_info.sliderMax);

    m_label->setBuddy(m_spin);
    const QString tip = tooltipText();
    m_label->setToolTip(tip);
    m_slider->setToolTip(tip);
    m_spin->setToolTip(tip);

    connect(m_spin, &QDoubleSpinBox::valueChanged, this, &ParamField::onSpin);
    connect(m_slider, &QSlider::valueChanged, this, &ParamField::onSlider);
    connect(m_slider, &QSlider::sliderReleased, this, [this] {
        if (!retired())
            refresh();
    });

    refresh();
    refreshErrors();
}

void ParamField::setUnit(const QString &unit)
{
    m_unit->setText(unit);
    m_unit->setVisible(!unit.isEmpty());
}

void ParamField::setSliderRange(double lo, double hi)
{
    if (m_info.slider == SliderScale::Log)
        lo = std::max(lo, 1e-9);
    if (!(hi > lo))
        hi = lo + 1;
    if (lo == m_sliderLo && hi == m_sliderHi)
        return;
    m_sliderLo = lo;
    m_sliderHi = hi;
    m_integerSteps = m_info.kind == ParamKind::Integer && m_info.slider == SliderScale::Linear &&
                     hi - lo <= kSteps;
    const bool was = m_updating;
    m_updating = true;
    if (m_integerSteps)
        m_slider->setRange(static_cast<int>(std::lround(lo)), static_cast<int>(std::lround(hi)));
    else
        m_slider->setRange(0, kSteps);
    m_slider->setPageStep(m_integerSteps ? 1 : kSteps / 20);
    m_updating = was;
    if (!was)
        refresh();
}

int ParamField::positionFor(double v) const
{
    if (!std::isfinite(v))
        return m_slider->minimum();
    if (m_integerSteps)
        return static_cast<int>(std::clamp(std::round(v), m_sliderLo, m_sliderHi));
    if (m_info.slider == SliderScale::Log) {
        const bool zeroStop = m_info.min <= 0 && !m_info.minExclusive;
        const int first = zeroStop ? 1 : 0;
        if (zeroStop && v <= 0)
            return 0;
        if (v <= m_sliderLo)
            return first;
        const double t = std::log(v / m_sliderLo) / std::log(m_sliderHi / m_sliderLo);
        return std::clamp(first + static_cast<int>(std::lround(t * (kSteps - first))), first,
                          kSteps);
    }
    const double t = (v - m_sliderLo) / (m_sliderHi - m_sliderLo);
    return std::clamp(static_cast<int>(std::lround(t * kSteps)), 0, kSteps);
}

double ParamField::valueAt(int pos) const
{
    const bool integer = m_info.kind == ParamKind::Integer;
    if (m_integerSteps)
        return pos;
    double v = 0;
    if (m_info.slider == SliderScale::Log) {
        const bool zeroStop = m_info.min <= 0 && !m_info.minExclusive;
        const int first = zeroStop ? 1 : 0;
        if (zeroStop && pos <= 0)
            return 0;
        const double t = double(pos - first) / double(kSteps - first);
        v = m_sliderLo * std::pow(m_sliderHi / m_sliderLo, t);
        v = roundSignificant(v, 2);
    } else {
        v = m_sliderLo + (m_sliderHi - m_sliderLo) * pos / kSteps;
    }
    if (integer)
        v = std::round(v);
    // Never finer than the spin box shows.
    const int decimals = integer ? 0 : m_info.decimals;
    v = fromShown(roundDecimals(toShown(v), decimals));
    return v;
}

double ParamField::fromShown(double shown) const
{
    double v = shown / m_info.displayScale;
    if (m_info.displayScale != 1) {
        // 7 % -> 0.07, not 0.07000000000000001
        const int extra = static_cast<int>(std::lround(std::log10(m_info.displayScale)));
        v = roundDecimals(v, m_info.decimals + std::max(0, extra));
    }
    return v;
}

void ParamField::onSpin(double shown)
{
    if (m_updating || retired())
        return;
    const double v = m_info.kind == ParamKind::Integer ? std::round(shown) : fromShown(shown);
    {
        const bool was = m_updating;
        m_updating = true;
        if (!m_slider->isSliderDown())
            m_slider->setValue(positionFor(v));
        m_updating = was;
    }
    writeValue(v);
}

void ParamField::onSlider(int position)
{
    if (m_updating || retired())
        return;
    const double v = valueAt(position);
    {
        const bool was = m_updating;
        m_updating = true;
        m_spin->setValue(toShown(v));
        m_updating = was;
    }
    writeValue(v);
}

void ParamField::writeValue(double v)
{
    if (m_absent == Absent::Optional && m_option && !m_option->isChecked())
        return;
    m_hub->write(m_path, numberJson(v, m_info.kind == ParamKind::Integer));
}

void ParamField::setShown(double v)
{
    const bool was = m_updating;
    m_updating = true;
    if (std::fabs(m_spin->value() - toShown(v)) > 1e-12 * std::max(1.0, std::fabs(toShown(v))) ||
        m_spin->text().isEmpty())
        m_spin->setValue(toShown(v));
    if (!m_slider->isSliderDown())
        m_slider->setValue(positionFor(v));
    m_updating = was;
}

void ParamField::updateHint(bool present, double v)
{
    QString hint;
    if (!present) {
        switch (m_absent) {
        case Absent::Default:
            hint = tr("default");
            break;
        case Absent::Inherit:
            hint = tr("inherited");
            break;
        case Absent::Optional:
            hint = toQString(m_info.absentText);
            break;
        case Absent::Required:
            hint = tr("required");
            break;
        }
    }
    if (!m_info.zeroText.empty() && v == 0 && (present || m_absent != Absent::Optional))
        hint =
            hint.isEmpty() ? toQString(m_info.zeroText) : toQString(m_info.zeroText) + " · " + hint;
    m_hint->setText(hintText(hint));
    m_hint->setVisible(!hint.isEmpty());
}

void ParamField::refresh()
{
    const nlohmann::json v = m_hub->value(m_path);
    const bool present = !v.is_null();
    double shown = m_info.defaultValue;
    bool fromDocument = false;
    if (v.is_number()) {
        shown = v.get<double>();
        fromDocument = true;
    } else if (!present && m_absent == Absent::Inherit) {
        const nlohmann::json base =
            m_options.inheritFrom.empty() ? nlohmann::json() : m_hub->value(m_options.inheritFrom);
        if (base.is_number())
            shown = base.get<double>();
    } else if (!present && m_absent == Absent::Optional) {
        shown = m_info.enableValue;
    } else if (!present && m_absent == Absent::Required) {
        shown = std::max(m_info.min, m_info.sliderMin);
    }
    setShown(shown);
    m_showingDefault = !fromDocument;
    m_spin->setDefaultLook(!fromDocument);
    setProperty("isDefault", !present);
    if (m_option) {
        const bool was = m_updating;
        m_updating = true;
        m_option->setChecked(present);
        m_updating = was;
        m_slider->setEnabled(present);
        m_spin->setEnabled(present);
    }
    if (m_reset && !m_options.removable)
        m_reset->setVisible(present);
    updateHint(present, shown);
}

QString ParamField::errorHint() const
{
    if (m_info.displayScale == 1)
        return {};
    const double lo = toShown(m_info.min);
    const double hi = toShown(m_info.max);
    return tr("valid: %1 – %2 %3")
        .arg(displayNumber(lo, m_info.decimals), displayNumber(hi, m_info.decimals),
             m_unit->text());
}

QString ParamField::tooltipText() const
{
    QString tip = QStringLiteral("<p><b>%1</b></p><p>%2</p>")
                      .arg(toQString(m_info.label).toHtmlEscaped(),
                           toQString(m_info.tooltip).toHtmlEscaped());
    QStringList facts;
    facts << tr("key <code>%1</code>").arg(toQString(m_info.key));
    if (!m_info.library.empty())
        facts << toQString(m_info.library).toHtmlEscaped();
    QString range = toQString(m_info.rangeText());
    if (m_info.displayScale != 1)
        range =
            QStringLiteral("%1 (%2 – %3 %4)")
                .arg(range, displayNumber(toShown(m_info.min), m_info.decimals),
                     displayNumber(toShown(m_info.max), m_info.decimals), toQString(m_info.unit));
    facts << tr("valid %1").arg(range);
    if (m_info.hasDefault)
        facts << tr("default %1 %2")
                     .arg(displayNumber(toShown(m_info.defaultValue), 6), toQString(m_info.unit))
                     .trimmed();
    else if (m_info.optional)
        facts << tr("absent: %1").arg(toQString(m_info.absentText));
    else if (m_absent == Absent::Inherit)
        facts << tr("absent: unchanged");
    else
        facts << tr("required");
    tip += QStringLiteral("<p style='color:gray'>%1</p>").arg(facts.join(QStringLiteral(" · ")));
    return tip;
}

// ------------------------------------------------------------------------------------------------
// BoolField

namespace {
/// Clicking the label toggles the check box.
class LabelClickFilter final : public QObject
{
public:
    LabelClickFilter(QCheckBox *box, QObject *parent)
        : QObject(parent)
        , m_box(box)
    {}

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::MouseButtonRelease && m_box->isEnabled()) {
            m_box->click();
            return true;
        }
        return false;
    }

private:
    QCheckBox *m_box;
};
} // namespace

BoolField::BoolField(EditorHub *hub, std::string path, const ParamInfo &info, QWidget *parent)
    : BoundField(hub, std::move(path), parent)
    , m_info(info)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->setSpacing(1);
    auto *frame = new QFrame(this);
    frame->setObjectName("frame");
    auto *row = new QHBoxLayout(frame);
    row->setContentsMargins(2, 1, 2, 1);
    row->setSpacing(4);
    m_box = new QCheckBox(frame);
    m_box->setObjectName("check");
    auto *label = makeFieldLabel(toQString(info.label), frame);
    label->installEventFilter(new LabelClickFilter(m_box, label));
    m_hint = makeHint(frame);
    m_reset = makeResetButton(frame, false);
    row->addWidget(m_box, 0, Qt::AlignVCenter);
    row->addWidget(label, 1, Qt::AlignVCenter);
    row->addWidget(m_hint, 0, Qt::AlignVCenter);
    row->addWidget(m_reset, 0, Qt::AlignVCenter);
    layout->addWidget(frame);
    auto *error = makeErrorLabel(this);
    layout->addWidget(error);
    setErrorWidgets(frame, error);

    QString tip =
        QStringLiteral("<p><b>%1</b></p><p>%2</p><p style='color:gray'>%3</p>")
            .arg(toQString(info.label).toHtmlEscaped(), toQString(info.tooltip).toHtmlEscaped(),
                 tr("key <code>%1</code> · default %2")
                     .arg(toQString(info.key), info.defaultValue != 0 ? "true" : "false"));
    if (!info.library.empty())
        tip += QStringLiteral("<p style='color:gray'>%1</p>")
                   .arg(toQString(info.library).toHtmlEscaped());
    label->setToolTip(tip);
    m_box->setToolTip(tip);

    connect(m_box, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_updating && !retired())
            m_hub->write(m_path, on);
    });
    connect(m_reset, &QToolButton::clicked, this, [this] {
        if (!retired())
            m_hub->write(m_path, nullptr);
    });
    refresh();
    refreshErrors();
}

void BoolField::refresh()
{
    const nlohmann::json v = m_hub->value(m_path);
    const bool present = !v.is_null();
    const bool on = v.is_boolean() ? v.get<bool>() : m_info.defaultValue != 0;
    m_updating = true;
    m_box->setChecked(on);
    m_updating = false;
    setProperty("isDefault", !present);
    m_hint->setText(tr("default"));
    m_hint->setVisible(!present);
    m_reset->setVisible(present);
}

// ------------------------------------------------------------------------------------------------
// ChoiceField

ChoiceField::ChoiceField(EditorHub *hub, std::string path, Options options, QWidget *parent)
    : BoundField(hub, std::move(path), parent)
    , m_options(std::move(options))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->setSpacing(1);
    auto *frame = new QFrame(this);
    frame->setObjectName("frame");
    QBoxLayout *row = m_options.labelAbove ? static_cast<QBoxLayout *>(new QVBoxLayout(frame))
                                           : static_cast<QBoxLayout *>(new QHBoxLayout(frame));
    row->setContentsMargins(2, 1, 2, 1);
    row->setSpacing(m_options.labelAbove ? 1 : 6);
    auto *label = makeFieldLabel(m_options.label, frame);
    label->setToolTip(m_options.tooltip);
    m_combo = new FieldComboBox(frame);
    m_combo->setObjectName("combo");
    m_combo->setToolTip(m_options.tooltip);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(8);
    m_combo->setFocusPolicy(Qt::StrongFocus);
    m_hint = makeHint(frame);
    if (m_options.labelAbove) {
        auto *top = new QHBoxLayout;
        top->addWidget(label, 1);
        top->addWidget(m_hint);
        row->addLayout(top);
        row->addWidget(m_combo);
    } else {
        row->addWidget(label);
        row->addWidget(m_combo, 1);
        row->addWidget(m_hint);
    }
    layout->addWidget(frame);
    auto *error = makeErrorLabel(this);
    layout->addWidget(error);
    setErrorWidgets(frame, error);

    connect(m_combo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_updating || retired() || index < 0)
            return;
        const std::string choice = m_combo->itemData(index).toString().toStdString();
        if (choice.empty())
            return; // the "(invalid)" placeholder
        if (m_options.apply)
            m_options.apply(choice);
        else
            m_hub->write(m_path, choice);
    });
    setItems(m_options.itemsProvider ? m_options.itemsProvider() : m_options.items);
    refresh();
    refreshErrors();
}

void ChoiceField::setItems(const Items &items)
{
    if (items == m_items && m_combo->count() >= static_cast<int>(items.size()))
        return;
    m_items = items;
    const bool was = m_updating;
    m_updating = true;
    m_combo->clear();
    for (const auto &[value, text] : m_items)
        m_combo->addItem(text, QString::fromStdString(value));
    m_updating = was;
}

void ChoiceField::refresh()
{
    if (m_options.itemsProvider)
        setItems(m_options.itemsProvider());
    const nlohmann::json v = m_hub->value(m_path);
    const bool present = !v.is_null();
    std::string current = m_options.defaultChoice;
    if (v.is_string())
        current = v.get<std::string>();
    const bool was = m_updating;
    m_updating = true;
    // Drop an old "(invalid)" placeholder.
    for (int i = m_combo->count() - 1; i >= 0; --i) {
        if (m_combo->itemData(i).toString().isEmpty())
            m_combo->removeItem(i);
    }
    int index = m_combo->findData(QString::fromStdString(current));
    if (index < 0) {
        const QString shown =
            present ? QString::fromStdString(v.is_string() ? v.get<std::string>() : v.dump())
                    : tr("(none)");
        m_combo->addItem(tr("%1 (invalid)").arg(shown), QString());
        index = m_combo->count() - 1;
    }
    m_combo->setCurrentIndex(index);
    m_updating = was;
    const bool isDefault = !present && !m_options.defaultChoice.empty();
    setProperty("isDefault", isDefault);
    QFont f = m_combo->font();
    f.setItalic(isDefault);
    m_combo->setFont(f);
    m_hint->setText(tr("default"));
    m_hint->setVisible(isDefault);
}

// ------------------------------------------------------------------------------------------------
// OutcomeSetField

OutcomeSetField::OutcomeSetField(EditorHub *hub, std::string path, const QString &label,
                                 std::vector<std::string> defaults, const QString &tooltip,
                                 QWidget *parent)
    : BoundField(hub, std::move(path), parent)
    , m_defaults(std::move(defaults))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->setSpacing(1);
    auto *header = new QHBoxLayout;
    auto *title = makeFieldLabel(label, this);
    title->setToolTip(tooltip);
    m_hint = makeHint(this);
    m_reset = makeResetButton(this, false);
    header->addWidget(title, 1);
    header->addWidget(m_hint);
    header->addWidget(m_reset);
    layout->addLayout(header);
    auto *frame = new QFrame(this);
    frame->setObjectName("frame");
    auto *grid = new QGridLayout(frame);
    grid->setContentsMargins(2, 1, 2, 1);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(0);
    int i = 0;
    for (const std::string &name : outcomeNames()) {
        auto *box = new QCheckBox(QString::fromStdString(name), frame);
        box->setObjectName(QString::fromStdString("outcome:" + name));
        box->setToolTip(tooltip);
        grid->addWidget(box, i / 2, i % 2);
        m_boxes.emplace_back(name, box);
        connect(box, &QCheckBox::toggled, this, [this] {
            if (!m_updating && !retired())
                write();
        });
        ++i;
    }
    layout->addWidget(frame);
    auto *error = makeErrorLabel(this);
    layout->addWidget(error);
    setErrorWidgets(frame, error);
    connect(m_reset, &QToolButton::clicked, this, [this] {
        if (!retired())
            m_hub->write(m_path, nullptr);
    });
    refresh();
    refreshErrors();
}

QCheckBox *OutcomeSetField::box(const std::string &outcome) const
{
    for (const auto &[name, b] : m_boxes) {
        if (name == outcome)
            return b;
    }
    return nullptr;
}

void OutcomeSetField::write()
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto &[name, b] : m_boxes) {
        if (b->isChecked())
            list.push_back(name);
    }
    m_hub->write(m_path, list);
}

void OutcomeSetField::refresh()
{
    const nlohmann::json v = m_hub->value(m_path);
    const bool present = !v.is_null();
    std::vector<std::string> on = m_defaults;
    if (v.is_array()) {
        on.clear();
        for (const auto &e : v) {
            if (e.is_string())
                on.push_back(e.get<std::string>());
        }
    }
    m_updating = true;
    for (const auto &[name, b] : m_boxes) {
        b->setChecked(std::find(on.begin(), on.end(), name) != on.end());
        QFont f = b->font();
        f.setItalic(!present);
        b->setFont(f);
    }
    m_updating = false;
    setProperty("isDefault", !present);
    m_hint->setText(tr("default"));
    m_hint->setVisible(!present);
    m_reset->setVisible(present);
}

// ------------------------------------------------------------------------------------------------
// TextField

TextField::TextField(EditorHub *hub, std::string path, Options options, QWidget *parent)
    : BoundField(hub, std::move(path), parent)
    , m_options(std::move(options))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->setSpacing(1);
    auto *frame = new QFrame(this);
    frame->setObjectName("frame");
    QBoxLayout *row = m_options.multiLine ? static_cast<QBoxLayout *>(new QVBoxLayout(frame))
                                          : static_cast<QBoxLayout *>(new QHBoxLayout(frame));
    row->setContentsMargins(2, 1, 2, 1);
    row->setSpacing(m_options.multiLine ? 1 : 6);
    if (!m_options.label.isEmpty()) {
        auto *label = makeFieldLabel(m_options.label, frame);
        label->setWordWrap(false);
        label->setToolTip(m_options.tooltip);
        row->addWidget(label);
    }
    if (m_options.multiLine) {
        m_plain = new QPlainTextEdit(frame);
        m_plain->setObjectName("text");
        m_plain->setPlaceholderText(m_options.placeholder);
        m_plain->setToolTip(m_options.tooltip);
        m_plain->setTabChangesFocus(true);
        const int lines = 3;
        m_plain->setFixedHeight(QFontMetrics(m_plain->font()).lineSpacing() * lines + 12);
        m_plain->installEventFilter(this);
        row->addWidget(m_plain);
    } else {
        m_line = new QLineEdit(frame);
        m_line->setObjectName("text");
        m_line->setPlaceholderText(m_options.placeholder);
        m_line->setToolTip(m_options.tooltip);
        m_line->setClearButtonEnabled(m_options.removeWhenEmpty);
        row->addWidget(m_line, 1);
        connect(m_line, &QLineEdit::editingFinished, this, &TextField::commit);
    }
    layout->addWidget(frame);
    auto *error = makeErrorLabel(this);
    layout->addWidget(error);
    setErrorWidgets(frame, error);
    refresh();
    refreshErrors();
}

bool TextField::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plain && event->type() == QEvent::FocusOut)
        commit();
    return BoundField::eventFilter(watched, event);
}

QString TextField::text() const
{
    return m_line ? m_line->text() : m_plain->toPlainText();
}

void TextField::setText(const QString &text)
{
    if (this->text() == text)
        return;
    if (m_line) {
        const int cursor = m_line->cursorPosition();
        m_line->setText(text);
        m_line->setCursorPosition(std::min(cursor, static_cast<int>(text.size())));
    } else {
        m_plain->setPlainText(text);
    }
}

nlohmann::json TextField::parse(const QString &text) const
{
    const QString trimmed = text.trimmed();
    using Kind = Options::Kind;
    switch (m_options.kind) {
    case Kind::String:
        return text.toStdString();
    case Kind::UnsignedInteger: {
        bool ok = false;
        const qulonglong u = trimmed.toULongLong(&ok);
        if (ok)
            return nlohmann::json(static_cast<std::uint64_t>(u));
        const long long s = trimmed.toLongLong(&ok);
        if (ok)
            return nlohmann::json(s);
        const double d = trimmed.toDouble(&ok);
        if (ok && std::isfinite(d))
            return nlohmann::json(d);
        return trimmed.toStdString(); // kept as typed; the validator names the problem
    }
    case Kind::StringList:
    case Kind::NumberList: {
        nlohmann::json list = nlohmann::json::array();
        if (trimmed.isEmpty())
            return list;
        for (const QString &part : trimmed.split(',')) {
            const QString t = part.trimmed();
            bool ok = false;
            const double d = t.toDouble(&ok);
            if (m_options.kind == Kind::NumberList && ok && std::isfinite(d))
                list.push_back(numberJson(d, false));
            else
                list.push_back(t.toStdString());
        }
        return list;
    }
    }
    return nullptr;
}

QString TextField::format(const nlohmann::json &v) const
{
    if (v.is_null())
        return {};
    if (v.is_string())
        return QString::fromStdString(v.get<std::string>());
    if (v.is_array()) {
        QStringList parts;
        for (const auto &e : v)
            parts << (e.is_string() ? QString::fromStdString(e.get<std::string>())
                                    : QString::fromStdString(e.dump()));
        return parts.join(", ");
    }
    return QString::fromStdString(v.dump());
}

void TextField::commit()
{
    if (m_updating || retired())
        return;
    const QString t = text();
    const nlohmann::json current = m_hub->value(m_path);
    if (format(current) == t && (!current.is_null() || t.isEmpty()))
        return; // nothing edited
    if (t.trimmed().isEmpty() && m_options.removeWhenEmpty) {
        m_hub->write(m_path, nullptr);
        return;
    }
    m_hub->write(m_path, parse(t));
}

void TextField::refresh()
{
    const bool editing =
        (m_line && m_line->hasFocus() && m_line->isModified()) || (m_plain && m_plain->hasFocus());
    if (editing)
        return; // never overwrite what the user is typing
    m_updating = true;
    setText(format(m_hub->value(m_path)));
    if (m_line)
        m_line->setModified(false);
    m_updating = false;
}

} // namespace reslab::ui
