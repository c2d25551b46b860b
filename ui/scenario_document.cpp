#include "scenario_document.h"

#include "reslab/presets.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSaveFile>

namespace reslab::ui {

std::vector<std::string> splitJsonPath(const std::string &path)
{
    std::vector<std::string> parts;
    std::string cur;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const char c = path[i];
        if (c == '.') {
            if (!cur.empty())
                parts.push_back(cur);
            cur.clear();
        } else if (c == '[') {
            if (!cur.empty())
                parts.push_back(cur);
            cur.clear();
            const std::size_t close = path.find(']', i);
            if (close == std::string::npos)
                break;
            parts.push_back(path.substr(i + 1, close - i - 1));
            i = close;
        } else {
            cur += c;
        }
    }
    if (!cur.empty())
        parts.push_back(cur);
    return parts;
}

namespace {
nlohmann::json::json_pointer pointerFor(const std::string &path)
{
    nlohmann::json::json_pointer p;
    for (const std::string &part : splitJsonPath(path))
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
    const auto ptr = pointerFor(path);
    try {
        if (m_doc.contains(ptr))
            return m_doc.at(ptr);
    } catch (const nlohmann::json::exception &) {
    }
    return nullptr;
}

void ScenarioDocument::setValue(const std::string &path, const nlohmann::json &value)
{
    const auto ptr = pointerFor(path);
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
