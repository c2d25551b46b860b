#pragma once

#include "editor/editor_hub.h"
#include "editor/parameter_catalog.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSlider>

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

class QCheckBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace reslab::ui {

/// A spin box that sizes itself for a few digits (not for its huge range), shows numbers
/// without trailing zeros, and ignores the mouse wheel unless focused (so the editor scrolls).
class FieldSpinBox final : public QDoubleSpinBox
{
    Q_OBJECT

public:
    explicit FieldSpinBox(QWidget *parent = nullptr);
    QString textFromValue(double value) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }
    /// Marks the shown value as a default / inherited one (grey, italic).
    void setDefaultLook(bool on);

protected:
    void wheelEvent(QWheelEvent *event) override;
};

/// A slider that ignores the mouse wheel unless focused.
class FieldSlider final : public QSlider
{
    Q_OBJECT

public:
    explicit FieldSlider(QWidget *parent = nullptr);

protected:
    void wheelEvent(QWheelEvent *event) override;
};

/// A combo box that ignores the mouse wheel unless focused (scrolling the editor must never
/// switch a policy or a distribution by accident).
class FieldComboBox final : public QComboBox
{
    Q_OBJECT

public:
    explicit FieldComboBox(QWidget *parent = nullptr);

protected:
    void wheelEvent(QWheelEvent *event) override;
};

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
class ParamField final : public BoundField
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
    QToolButton *resetButton() const { return m_reset; }
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
    bool m_updating = false;
    bool m_showingDefault = false;

    QLabel *m_label = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_unit = nullptr;
    QToolButton *m_reset = nullptr;
    QCheckBox *m_option = nullptr;
    FieldSlider *m_slider = nullptr;
    FieldSpinBox *m_spin = nullptr;
};

/// A check box for one boolean key; absent shows the default with a "default" hint.
class BoolField final : public BoundField
{
    Q_OBJECT

public:
    BoolField(EditorHub *hub, std::string path, const ParamInfo &info, QWidget *parent);
    QCheckBox *checkBox() const { return m_box; }
    void refresh() override;

private:
    ParamInfo m_info;
    QCheckBox *m_box = nullptr;
    QLabel *m_hint = nullptr;
    QToolButton *m_reset = nullptr;
    bool m_updating = false;
};

/// A combo box for one string key with a fixed or computed list of choices.
class ChoiceField final : public BoundField
{
    Q_OBJECT

public:
    using Items = std::vector<std::pair<std::string, QString>>; ///< value, text shown
    struct Options
    {
        QString label;
        QString tooltip;
        std::string defaultChoice; ///< shown (greyed) while absent; empty: required
        Items items;
        std::function<Items()> itemsProvider; ///< recomputed on refresh (service names)
        /// Replaces the plain write (policy, mode, distribution switches rewrite the object).
        std::function<void(const std::string &)> apply;
        bool labelAbove = false;
    };

    ChoiceField(EditorHub *hub, std::string path, Options options, QWidget *parent);
    QComboBox *comboBox() const { return m_combo; }
    void refresh() override;

private:
    void setItems(const Items &items);
    Options m_options;
    Items m_items;
    QComboBox *m_combo = nullptr;
    QLabel *m_hint = nullptr;
    bool m_updating = false;
};

/// Check boxes for an outcome list (`record`, `retry_on`, `handle`), written in canonical order.
class OutcomeSetField final : public BoundField
{
    Q_OBJECT

public:
    OutcomeSetField(EditorHub *hub, std::string path, const QString &label,
                    std::vector<std::string> defaults, const QString &tooltip, QWidget *parent);
    QCheckBox *box(const std::string &outcome) const;
    bool coversSubtree() const override { return true; }
    void refresh() override;

private:
    void write();
    std::vector<std::string> m_defaults;
    std::vector<std::pair<std::string, QCheckBox *>> m_boxes;
    QLabel *m_hint = nullptr;
    QToolButton *m_reset = nullptr;
    bool m_updating = false;
};

/// A line (or a few lines) of text for a string key, written when editing finishes.
class TextField final : public BoundField
{
    Q_OBJECT

public:
    struct Options
    {
        QString label;
        QString placeholder;
        QString tooltip;
        bool removeWhenEmpty = false; ///< an empty text removes the key
        bool multiLine = false;
        /// list: the text is a comma-separated JSON array (numbers where they parse).
        enum class Kind
        {
            String,
            StringList,
            NumberList,
            UnsignedInteger
        } kind = Kind::String;
    };

    TextField(EditorHub *hub, std::string path, Options options, QWidget *parent);
    QLineEdit *lineEdit() const { return m_line; }
    bool coversSubtree() const override { return true; }
    void refresh() override;
    /// Writes the current text (called when editing finishes).
    void commit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString text() const;
    void setText(const QString &text);
    nlohmann::json parse(const QString &text) const;
    QString format(const nlohmann::json &value) const;

    Options m_options;
    QLineEdit *m_line = nullptr;
    QPlainTextEdit *m_plain = nullptr;
    bool m_updating = false;
};

/// Adds the shared red-border style of field frames to `w` (once, on the editor).
QString fieldStyleSheet();
/// A value for JSON: whole numbers as integers, others as doubles.
nlohmann::json numberJson(double v, bool integer);
/// Canonical outcome names (the order of scenarioToJson).
const std::vector<std::string> &outcomeNames();

} // namespace reslab::ui
