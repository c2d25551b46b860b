#pragma once

#include "editor/field_slider.h"
#include "editor/field_spin_box.h"
#include "editor/framed_field.h"
#include "editor/parameter_catalog.h"

#include <string>

class QCheckBox;

namespace reslab::ui {

/// How a field treats a key that is not in the JSON.
struct FieldOptions
{
    /// Path whose value is shown (greyed, "inherits") while the key is absent: phase keys.
    std::string inheritFrom;
    /// The reset button removes the key (a phase key); shown as "×".
    bool removable = false;
    QString label; ///< overrides the catalogue label
    QString unit;  ///< overrides the catalogue unit
};

/// Slider + spin box + unit for one numeric key (ParamInfo). Editing either control writes the
/// JSON value (integers as JSON integers); an absent key shows its default greyed with a
/// "default" hint, and "reset to default" removes the key. Errors at the path show as a red
/// frame with the message under the field; the typed value stays in the document.
class ParamField final : public FramedField
{
    Q_OBJECT

public:
    enum class Absent
    {
        Default,
        Inherit,
        Optional,
        Required
    };

    ParamField(EditorHub *hub, std::string path, const ParamInfo &info, QWidget *parent,
               FieldOptions options = {});

    const ParamInfo &info() const { return m_info; }
    FieldSpinBox *spinBox() const { return m_spin; }
    FieldSlider *slider() const { return m_slider; }
    QCheckBox *optionBox() const { return m_option; }
    /// The slider's span in JSON units (e.g. a phase's at_s up to the run's duration).
    void setSliderRange(double lo, double hi);
    void setUnit(const QString &unit);
    bool isShowingDefault() const { return m_showingDefault; }

    void refresh() override;

    /// Slider position <-> JSON value (public for tests).
    int positionFor(double jsonValue) const;
    double valueAt(int position) const;

protected:
    QString errorHint() const override;

private:
    void onSpin(double shown);
    void onSlider(int position);
    void writeValue(double jsonValue);
    double toShown(double jsonValue) const { return jsonValue * m_info.displayScale; }
    double fromShown(double shown) const;
    void setShown(double jsonValue);
    void updateHint(bool present, double jsonValue);
    QString tooltipText() const;

    ParamInfo m_info;
    FieldOptions m_options;
    Absent m_absent = Absent::Default;
    double m_sliderLo = 0;
    double m_sliderHi = 0; ///< 0/0: not configured yet
    bool m_integerSteps = false;
    bool m_showingDefault = false;

    QLabel *m_label = nullptr;
    QLabel *m_unit = nullptr;
    QCheckBox *m_option = nullptr;
    FieldSlider *m_slider = nullptr;
    FieldSpinBox *m_spin = nullptr;
};

} // namespace reslab::ui
