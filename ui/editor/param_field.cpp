#include "editor/param_field.h"

#include "editor/field_json.h"
#include "i18n/texts.h"

#include <QAction>
#include <QCheckBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace reslab::ui {
namespace {

constexpr int kSteps = 1000;

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

ParamField::ParamField(EditorHub *hub, std::string path, const ParamInfo &info, QWidget *parent,
                       FieldOptions options)
    : FramedField(hub, std::move(path), parent)
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

    auto *header = new QHBoxLayout;
    header->setSpacing(4);
    m_label =
        makeLabel(m_options.label.isEmpty() ? schemaText(m_info.label) : m_options.label, this);
    header->addWidget(m_label, 1);
    header->addWidget(makeHint(this));
    if (m_absent == Absent::Optional) {
        m_option = new QCheckBox(schemaText(m_info.optionLabel), this);
        m_option->setObjectName("option");
        m_option->setToolTip(tr("Unchecked: %1").arg(schemaText(m_info.absentText)));
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
        header->addWidget(makeResetButton(this, m_options.removable));
        addResetAction(m_options.removable ? tr("Remove from this phase") : tr("Reset to default"));
    }
    column()->addLayout(header);
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

    auto *row = addFrameRow(6);
    QFrame *frame = this->frame();
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
    setUnit(m_options.unit.isEmpty() ? schemaText(m_info.unit) : m_options.unit);

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
            hint = schemaText(m_info.absentText);
            break;
        case Absent::Required:
            hint = tr("required");
            break;
        }
    }
    if (!m_info.zeroText.empty() && v == 0 && (present || m_absent != Absent::Optional))
        hint = hint.isEmpty() ? schemaText(m_info.zeroText)
                              : schemaText(m_info.zeroText) + " · " + hint;
    setHint(hint);
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
    if (!m_options.removable)
        setResetVisible(present);
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
                      .arg(schemaText(m_info.label).toHtmlEscaped(),
                           schemaText(m_info.tooltip).toHtmlEscaped());
    QStringList facts;
    facts << tr("key <code>%1</code>").arg(toQString(m_info.key));
    if (!m_info.library.empty())
        facts << toQString(m_info.library).toHtmlEscaped();
    QString range = toQString(m_info.rangeText());
    if (m_info.displayScale != 1)
        range =
            QStringLiteral("%1 (%2 – %3 %4)")
                .arg(range, displayNumber(toShown(m_info.min), m_info.decimals),
                     displayNumber(toShown(m_info.max), m_info.decimals), schemaText(m_info.unit));
    facts << tr("valid %1").arg(range);
    if (m_info.hasDefault)
        facts << tr("default %1 %2")
                     .arg(displayNumber(toShown(m_info.defaultValue), 6), schemaText(m_info.unit))
                     .trimmed();
    else if (m_info.optional)
        facts << tr("absent: %1").arg(schemaText(m_info.absentText));
    else if (m_absent == Absent::Inherit)
        facts << tr("absent: unchanged");
    else
        facts << tr("required");
    tip += QStringLiteral("<p style='color:gray'>%1</p>").arg(facts.join(QStringLiteral(" · ")));
    return tip;
}

} // namespace reslab::ui
