#pragma once

#include "reslab/io/scenario_io.h"
#include "reslab/model/scenario.h"

#include <nlohmann/json.hpp>

#include <QObject>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace reslab::ui {

/// The scenario being edited: its JSON document (the source of truth for every edit, so that
/// nothing the user typed is ever lost, even while it does not validate), the file it came from,
/// whether it has unsaved changes, and what the validator says about it.
class ScenarioDocument final : public QObject
{
    Q_OBJECT

public:
    explicit ScenarioDocument(QObject *parent = nullptr);

    /// Loads a file or preset:NAME. On failure returns false, leaves the document as it was and
    /// puts the message(s) in `error`.
    bool open(const QString &source, QString *error);
    /// Replaces the document (e.g. a preset from the menu); not modified, no file.
    void reset(const nlohmann::json &doc, const QString &source);
    /// Writes the document to `path` with QSaveFile (all or nothing). On success the document is
    /// saved and takes that path.
    bool saveAs(const QString &path, QString *error);
    bool save(QString *error) { return saveAs(m_path, error); }

    const nlohmann::json &json() const { return m_doc; }
    /// The value at a dotted path (`services.api.failure_rate`, `pipeline[1].timeout_ms`), or null.
    nlohmann::json value(const std::string &path) const;
    /// Sets (or, with a null value, removes) the value at a dotted path and revalidates.
    void setValue(const std::string &path, const nlohmann::json &value);
    /// Replaces the whole document as an edit (modified; revalidated).
    void setJson(const nlohmann::json &doc);

    /// Edit history. Every setValue/setJson is one step, except that edits of the same path
    /// less than kMergeMs apart merge into one (a slider drag, typing in a field). Open and
    /// reset clear the history; undoing back to the saved document clears the modified mark.
    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }
    void undo();
    void redo();
    static constexpr qint64 kMergeMs = 1000;
    /// The clock (ms) that decides merging; tests set their own.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    static constexpr std::size_t kMaxHistory = 500;

    /// The last valid scenario (the one the simulation runs) and the current errors.
    const std::optional<Scenario> &scenario() const { return m_scenario; }
    const std::vector<ScenarioError> &errors() const { return m_errors; }
    /// Errors whose path is `path` or lies below it.
    std::vector<ScenarioError> errorsAt(const std::string &path) const;

    bool isModified() const { return m_modified; }
    void setModified(bool modified);
    QString path() const { return m_path; }
    /// For the title bar: file name, preset name or "untitled".
    QString displayName() const;

signals:
    /// The document changed (any edit, open or reset).
    void changed();
    /// The document validated and gave a (new) scenario.
    void scenarioChanged(const reslab::Scenario &scenario);
    void errorsChanged();
    void modifiedChanged(bool modified);
    /// A new document replaced the old one (open, reset): editors rebuild.
    void documentReplaced();
    /// canUndo() / canRedo() may have changed.
    void historyChanged();

private:
    void revalidate();
    /// Sets "version": 2 when the last edit brought a version-2 key into a version-1 document.
    void upgradeVersionIfNeeded();
    /// Records `before`, the document before an edit of `path` (empty path: never merged).
    void remember(const std::string &path, nlohmann::json before);
    void clearHistory();
    void restore(std::vector<nlohmann::json> &from, std::vector<nlohmann::json> &to);

    nlohmann::json m_doc;
    nlohmann::json m_clean; ///< the document as last opened or saved
    std::vector<nlohmann::json> m_undo;
    std::vector<nlohmann::json> m_redo;
    std::string m_lastPath;   ///< path of the last edit, for merging
    qint64 m_lastEditMs = -1; ///< steady clock of the last edit
    std::function<qint64()> m_clock;
    QString m_path;   ///< file path, empty for presets and new documents
    QString m_source; ///< what it was opened from (file path or preset:NAME)
    bool m_modified = false;
    std::optional<Scenario> m_scenario;
    std::vector<ScenarioError> m_errors;
};

/// Splits an editor path into JSON pointer tokens: a scenario path as the engine splits it
/// (reslab::splitScenarioPath: `services.api.latency_ms.p99`, `pipeline[2].timeout_ms`), where a
/// bracket may also hold a service name (`services[pay.ments].failure_rate`). Empty if malformed.
std::vector<std::string> splitJsonPath(const std::string &path);

} // namespace reslab::ui
