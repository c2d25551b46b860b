#include "scenario_document.h"

#include "reslab/io/json_path.h"
#include "reslab/model/presets.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSaveFile>

namespace reslab::ui {

namespace {

/// The tokens of an editor path: a scenario path (the engine's reslab::splitScenarioPath) whose
/// brackets may also hold a service name that a dotted path cannot spell
/// (`services[pay.ments].failure_rate`; names never contain brackets). nullopt if malformed.
std::optional<std::vector<std::string>> editorPathTokens(const std::string &path)
{
    if (path.empty())
        return std::vector<std::string>{}; // the whole document
    if (path.find('[') == std::string::npos)
        return splitScenarioPath(path);
    // Each bracketed name becomes a placeholder key the engine splits like any other.
    constexpr char kMark = '\x1f';
    std::vector<std::string> names;
    std::string engine;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const std::size_t close = path[i] == '[' ? path.find(']', i) : std::string::npos;
        if (close == std::string::npos) {
            engine += path[i];
            continue;
        }
        const std::string inside = path.substr(i + 1, close - i - 1);
        if (!inside.empty() && inside.find_first_not_of("0123456789") == std::string::npos) {
            engine += path.substr(i, close - i + 1); // an index
        } else {
            engine +=
                (engine.empty() ? "" : ".") + std::string(1, kMark) + std::to_string(names.size());
            names.push_back(inside);
        }
        i = close;
    }
    auto tokens = splitScenarioPath(engine);
    if (!tokens)
        return std::nullopt;
    for (std::string &t : *tokens) {
        if (!t.empty() && t[0] == kMark)
            t = names.at(std::stoul(t.substr(1)));
    }
    return tokens;
}

} // namespace

std::vector<std::string> splitJsonPath(const std::string &path)
{
    return editorPathTokens(path).value_or(std::vector<std::string>{});
}

namespace {
/// The JSON pointer of an editor path; nullopt if the path is malformed (it names nothing).
std::optional<nlohmann::json::json_pointer> pointerFor(const std::string &path)
{
    const auto tokens = editorPathTokens(path);
    if (!tokens)
        return std::nullopt;
    nlohmann::json::json_pointer p;
    for (const std::string &part : *tokens)
        p /= part;
    return p;
}
} // namespace

ScenarioDocument::ScenarioDocument(QObject *parent)
    : QObject(parent)
{}

bool ScenarioDocument::open(const QString &source, QString *error)
{
    const std::string src = source.toStdString();
    std::string text;
    ScenarioParse parse;
    if (src.rfind("preset:", 0) == 0) {
        const auto preset = findPreset(src.substr(7));
        if (!preset) {
            if (error)
                *error = tr("There is no built-in scenario named \"%1\".").arg(source.mid(7));
            return false;
        }
        text = std::string(preset->json);
        parse = parseScenarioText(text);
    } else {
        parse = loadScenarioFile(src);
    }
    if (!parse.ok()) {
        if (error) {
            QStringList lines;
            for (const ScenarioError &e : parse.errors)
                lines << QString::fromStdString(e.toString());
            *error = lines.join('\n');
        }
        return false;
    }
    // Keep the file's own JSON (its key order and optional keys), not a regenerated one.
    nlohmann::json doc;
    if (text.empty())
        doc = scenarioToJson(*parse.scenario);
    else
        doc = nlohmann::json::parse(text, nullptr, false);
    if (src.rfind("preset:", 0) != 0) {
        QFile f(source);
        if (f.open(QIODevice::ReadOnly)) {
            const QByteArray bytes = f.readAll();
            auto parsed =
                nlohmann::json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
            if (!parsed.is_discarded())
                doc = std::move(parsed);
        }
    }
    m_doc = std::move(doc);
    m_clean = m_doc;
    clearHistory();
    m_source = source;
    m_path = src.rfind("preset:", 0) == 0 ? QString() : QFileInfo(source).absoluteFilePath();
    m_modified = false;
    revalidate();
    emit documentReplaced();
    emit modifiedChanged(false);
    emit changed();
    return true;
}

void ScenarioDocument::reset(const nlohmann::json &doc, const QString &source)
{
    m_doc = doc;
    m_clean = m_doc;
    clearHistory();
    m_source = source;
    m_path.clear();
    m_modified = false;
    revalidate();
    emit documentReplaced();
    emit modifiedChanged(false);
    emit changed();
}

bool ScenarioDocument::saveAs(const QString &path, QString *error)
{
    if (path.isEmpty()) {
        if (error)
            *error = tr("No file name given.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    const std::string text = m_doc.dump(2) + "\n";
    file.write(text.data(), static_cast<qint64>(text.size()));
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    m_path = QFileInfo(path).absoluteFilePath();
    m_source = m_path;
    m_clean = m_doc;
    m_lastPath.clear(); // the next edit starts a new undo step
    setModified(false);
    emit changed();
    return true;
}

nlohmann::json ScenarioDocument::value(const std::string &path) const
{
    const auto pointer = pointerFor(path);
    if (!pointer)
        return nullptr;
    const nlohmann::json::json_pointer &ptr = *pointer;
    try {
        if (m_doc.contains(ptr))
            return m_doc.at(ptr);
    } catch (const nlohmann::json::exception &) {
    }
    return nullptr;
}

void ScenarioDocument::setValue(const std::string &path, const nlohmann::json &value)
{
    const auto pointer = pointerFor(path);
    if (!pointer)
        return; // a path that names nothing: nothing to change
    const nlohmann::json::json_pointer &ptr = *pointer;
    try {
        const bool present = m_doc.contains(ptr);
        if (value.is_null() ? !present : present && m_doc.at(ptr) == value)
            return; // nothing changes: no copy, no history step
    } catch (const std::exception &) {
        return; // a path that does not fit the document: nothing to change
    }
    nlohmann::json before = m_doc;
    try {
        if (value.is_null()) {
            nlohmann::json &parent = m_doc.at(ptr.parent_pointer());
            if (parent.is_object())
                parent.erase(ptr.back());
            else if (parent.is_array())
                parent.erase(static_cast<std::size_t>(std::stoul(ptr.back())));
        } else {
            m_doc[ptr] = value;
        }
    } catch (const std::exception &) {
        m_doc = std::move(before); // a path that does not fit the document: nothing to change
        return;
    }
    remember(path, std::move(before));
    upgradeVersionIfNeeded();
    setModified(m_doc != m_clean);
    revalidate();
    emit changed();
}

void ScenarioDocument::setJson(const nlohmann::json &doc)
{
    if (doc == m_doc)
        return;
    remember(std::string(), m_doc);
    m_doc = doc;
    setModified(m_doc != m_clean);
    revalidate();
    emit changed();
}

namespace {
qint64 steadyMs()
{
    static QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    return clock.elapsed();
}
} // namespace

void ScenarioDocument::remember(const std::string &path, nlohmann::json before)
{
    const qint64 now = m_clock ? m_clock() : steadyMs();
    const bool merge = !path.empty() && path == m_lastPath && !m_undo.empty() &&
                       m_lastEditMs >= 0 && now - m_lastEditMs < kMergeMs;
    m_lastPath = path;
    m_lastEditMs = now;
    const bool hadRedo = !m_redo.empty();
    m_redo.clear();
    if (merge) {
        if (hadRedo)
            emit historyChanged();
        return;
    }
    m_undo.push_back(std::move(before));
    if (m_undo.size() > kMaxHistory)
        m_undo.erase(m_undo.begin());
    emit historyChanged();
}

void ScenarioDocument::clearHistory()
{
    m_undo.clear();
    m_redo.clear();
    m_lastPath.clear();
    m_lastEditMs = -1;
    emit historyChanged();
}

void ScenarioDocument::restore(std::vector<nlohmann::json> &from, std::vector<nlohmann::json> &to)
{
    if (from.empty())
        return;
    to.push_back(std::move(m_doc));
    m_doc = std::move(from.back());
    from.pop_back();
    m_lastPath.clear(); // an edit after an undo never merges into the restored step
    setModified(m_doc != m_clean);
    revalidate();
    emit historyChanged();
    emit changed();
}

void ScenarioDocument::undo()
{
    restore(m_undo, m_redo);
}

void ScenarioDocument::redo()
{
    restore(m_redo, m_undo);
}

std::vector<ScenarioError> ScenarioDocument::errorsAt(const std::string &path) const
{
    std::vector<ScenarioError> out;
    for (const ScenarioError &e : m_errors) {
        if (e.path == path || (e.path.size() > path.size() && e.path.rfind(path, 0) == 0 &&
                               (e.path[path.size()] == '.' || e.path[path.size()] == '[')))
            out.push_back(e);
    }
    return out;
}

void ScenarioDocument::setModified(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    emit modifiedChanged(modified);
}

QString ScenarioDocument::displayName() const
{
    if (!m_path.isEmpty())
        return QFileInfo(m_path).fileName();
    if (!m_source.isEmpty())
        return m_source;
    return tr("untitled");
}

void ScenarioDocument::upgradeVersionIfNeeded()
{
    // An edit that brings a version-2 key (replicas, calls, a bulkhead) into a version-1
    // document makes it version 2 in the same step: the editor never leaves that error behind.
    if (!m_doc.is_object() || m_doc.value("version", nlohmann::json()) != 1)
        return;
    const ScenarioParse parse = parseScenario(m_doc);
    for (const ScenarioError &e : parse.errors) {
        if (e.message.find("needs scenario version 2") != std::string::npos) {
            m_doc["version"] = 2;
            return;
        }
    }
}

void ScenarioDocument::revalidate()
{
    ScenarioParse parse = parseScenario(m_doc);
    m_errors = std::move(parse.errors);
    emit errorsChanged();
    if (parse.ok() && (!m_scenario || !(*m_scenario == *parse.scenario))) {
        m_scenario = std::move(parse.scenario);
        emit scenarioChanged(*m_scenario);
    }
}

} // namespace reslab::ui
