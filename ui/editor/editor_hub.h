#pragma once

#include <nlohmann/json.hpp>

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QWidget>

#include <string>
#include <vector>

class QFrame;
class QLabel;

namespace reslab::ui {

class ScenarioDocument;
class BoundField;

/// What every field of the editor shares: the document, the live fields (so the editor can
/// refresh them all after a change, and tell which errors no field shows), and the collapsed
/// state of sections (kept across rebuilds).
class EditorHub final : public QObject
{
    Q_OBJECT

public:
    explicit EditorHub(ScenarioDocument *document, QObject *parent = nullptr);

    ScenarioDocument *document() const { return m_document; }
    /// The whole document.
    const nlohmann::json &json() const;
    /// The value at a dotted path, or null.
    nlohmann::json value(const std::string &path) const;
    /// document->setValue(path, value): null removes the key.
    void write(const std::string &path, const nlohmann::json &value);
    /// The messages of the errors at `path` exactly (or below it with `subtree`).
    QStringList errorMessages(const std::string &path, bool subtree = false) const;

    void registerField(BoundField *field);
    void unregisterField(BoundField *field);
    const std::vector<BoundField *> &fields() const { return m_fields; }
    /// Whether a live field shows the error at `path`.
    bool isShownByAField(const std::string &errorPath) const;

    bool isCollapsed(const QString &key, bool byDefault = false) const;
    void setCollapsed(const QString &key, bool collapsed);

signals:
    void refreshValues();
    void refreshErrors();
    /// A field's "Sweep this parameter…": the main window opens a sweep on `path`.
    void sweepRequested(const QString &path);

public:
    /// Whether somebody opens sweeps (fields offer "Sweep this parameter…" only then).
    bool canSweep() const;

private:
    ScenarioDocument *m_document;
    std::vector<BoundField *> m_fields;
    QSet<QString> m_collapsed;
    QSet<QString> m_expanded;
};

/// A widget bound to one JSON path of the document. Its objectName is the path.
class BoundField : public QWidget
{
    Q_OBJECT

public:
    BoundField(EditorHub *hub, std::string path, QWidget *parent);
    ~BoundField() override;

    const std::string &path() const { return m_path; }
    /// Shows the document's value (never writes).
    virtual void refresh() = 0;
    /// Shows the errors at the path: red frame and the message under the field.
    virtual void refreshErrors();
    /// Whether this field shows errors below its path too (distributions, outcome lists).
    virtual bool coversSubtree() const { return false; }
    /// Whether the errors at the path are shown by this field (not by the problems banner).
    virtual bool showsErrors() const { return true; }
    /// Errors currently shown.
    QStringList errors() const { return m_errors; }
    /// The field stops listening and writing (it is about to be deleted).
    void retire();

protected:
    /// The frame that turns red and the label that shows the message.
    void setErrorWidgets(QFrame *frame, QLabel *label);
    /// Extra text under an error message (e.g. the range in display units).
    virtual QString errorHint() const { return {}; }
    bool retired() const { return m_retired; }

    QPointer<EditorHub> m_hub; ///< may go first when the whole editor is destroyed
    std::string m_path;

private:
    QFrame *m_errorFrame = nullptr;
    QLabel *m_errorLabel = nullptr;
    QStringList m_errors;
    bool m_retired = false;
};

/// Retires every BoundField in `w` (and `w` itself), blocks their signals, hides and deletes it
/// later: safe to call from a slot of one of its own children.
void retireWidget(QWidget *w);

/// The path as the validator writes it in errors (`services.pay.ments.failure_rate`,
/// `services["odd name"]`), for an editor path (`services[pay.ments].failure_rate`).
std::string validatorPath(const std::string &editorPath);

/// Small shared look: a grey note, a red error label, a section caption.
QLabel *makeNote(const QString &text, QWidget *parent);
QLabel *makeErrorLabel(QWidget *parent);
/// Inserts zero-width spaces at camelCase boundaries so long library names can wrap.
QString breakableName(const QString &name);
QString toQString(std::string_view s);

} // namespace reslab::ui
