#include "editor/editor_hub.h"

#include "scenario_document.h"

#include <QFrame>
#include <QLabel>
#include <QMetaMethod>
#include <QStyle>

#include <algorithm>

namespace reslab::ui {

EditorHub::EditorHub(ScenarioDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{}

const nlohmann::json &EditorHub::json() const
{
    static const nlohmann::json null;
    return m_document ? m_document->json() : null;
}

nlohmann::json EditorHub::value(const std::string &path) const
{
    return m_document ? m_document->value(path) : nlohmann::json();
}

bool EditorHub::canSweep() const
{
    return isSignalConnected(QMetaMethod::fromSignal(&EditorHub::sweepRequested));
}

void EditorHub::write(const std::string &path, const nlohmann::json &value)
{
    if (m_document)
        m_document->setValue(path, value);
}

std::string validatorPath(const std::string &editorPath)
{
    if (editorPath.find('[') == std::string::npos)
        return editorPath; // dotted keys only: already the validator's form
    const auto plain = [](const std::string &k) {
        return !k.empty() && std::all_of(k.begin(), k.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '_' || c == '-' || c == '.';
        });
    };
    std::string out;
    const std::vector<std::string> tokens = splitJsonPath(editorPath);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string &t = tokens[i];
        const bool index =
            i > 0 && !t.empty() &&
            std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
            tokens[i - 1] != "services";
        if (index)
            out += "[" + t + "]";
        else if (plain(t))
            out += (out.empty() ? "" : ".") + t;
        else
            out += "[" + nlohmann::json(t).dump() + "]";
    }
    return out;
}

QStringList EditorHub::errorMessages(const std::string &editorPath, bool subtree) const
{
    QStringList out;
    if (!m_document)
        return out;
    const std::string path = validatorPath(editorPath);
    for (const ScenarioError &e : m_document->errorsAt(path)) {
        if (e.path == path)
            out << QString::fromStdString(e.message);
        else if (subtree)
            out << QString::fromStdString(
                e.path.substr(path.size() + (e.path[path.size()] == '.')) + ": " + e.message);
    }
    return out;
}

void EditorHub::registerField(BoundField *field)
{
    if (std::find(m_fields.begin(), m_fields.end(), field) == m_fields.end())
        m_fields.push_back(field);
}

void EditorHub::unregisterField(BoundField *field)
{
    m_fields.erase(std::remove(m_fields.begin(), m_fields.end(), field), m_fields.end());
}

bool EditorHub::isShownByAField(const std::string &errorPath) const
{
    for (const BoundField *f : m_fields) {
        if (!f->showsErrors())
            continue;
        const std::string p = validatorPath(f->path());
        if (p == errorPath)
            return true;
        if (f->coversSubtree() && errorPath.size() > p.size() && errorPath.rfind(p, 0) == 0 &&
            (errorPath[p.size()] == '.' || errorPath[p.size()] == '['))
            return true;
    }
    return false;
}

bool EditorHub::isCollapsed(const QString &key, bool byDefault) const
{
    if (m_collapsed.contains(key))
        return true;
    if (m_expanded.contains(key))
        return false;
    return byDefault;
}

void EditorHub::setCollapsed(const QString &key, bool collapsed)
{
    if (collapsed) {
        m_collapsed.insert(key);
        m_expanded.remove(key);
    } else {
        m_expanded.insert(key);
        m_collapsed.remove(key);
    }
}

// ------------------------------------------------------------------------------------------------

BoundField::BoundField(EditorHub *hub, std::string path, QWidget *parent)
    : QWidget(parent)
    , m_hub(hub)
    , m_path(std::move(path))
{
    setObjectName(QString::fromStdString(m_path));
    m_hub->registerField(this);
    connect(m_hub, &EditorHub::refreshValues, this, [this] {
        if (!m_retired)
            refresh();
    });
    connect(m_hub, &EditorHub::refreshErrors, this, [this] {
        if (!m_retired)
            refreshErrors();
    });
}

BoundField::~BoundField()
{
    if (m_hub)
        m_hub->unregisterField(this);
}

void BoundField::retire()
{
    if (m_retired)
        return;
    m_retired = true;
    if (m_hub) {
        m_hub->unregisterField(this);
        disconnect(m_hub, nullptr, this, nullptr);
    }
}

void BoundField::setErrorWidgets(QFrame *frame, QLabel *label)
{
    m_errorFrame = frame;
    m_errorLabel = label;
}

void BoundField::refreshErrors()
{
    if (!m_hub)
        return;
    const QStringList errors = m_hub->errorMessages(m_path, coversSubtree());
    if (errors == m_errors && property("hasError").isValid())
        return;
    m_errors = errors;
    const bool has = !errors.isEmpty();
    setProperty("hasError", has);
    setProperty("errorText", errors.join('\n'));
    if (m_errorFrame) {
        m_errorFrame->setProperty("hasError", has);
        m_errorFrame->style()->unpolish(m_errorFrame);
        m_errorFrame->style()->polish(m_errorFrame);
        m_errorFrame->update();
    }
    if (m_errorLabel) {
        QString text = errors.join('\n');
        const QString hint = has ? errorHint() : QString();
        if (!hint.isEmpty())
            text += " — " + hint;
        m_errorLabel->setText(text);
        m_errorLabel->setVisible(has);
        m_errorLabel->setToolTip(text);
    }
}

// ------------------------------------------------------------------------------------------------

void retireWidget(QWidget *w)
{
    if (!w)
        return;
    if (auto *f = qobject_cast<BoundField *>(w))
        f->retire();
    for (BoundField *f : w->findChildren<BoundField *>())
        f->retire();
    for (QWidget *c : w->findChildren<QWidget *>())
        c->blockSignals(true);
    w->blockSignals(true);
    w->hide();
    w->setParent(nullptr);
    w->deleteLater();
}

QLabel *makeNote(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setProperty("role", "note");
    QPalette pal = l->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::Disabled, QPalette::WindowText));
    l->setPalette(pal);
    QFont f = l->font();
    f.setPointSizeF(f.pointSizeF() * 0.9);
    l->setFont(f);
    return l;
}

QLabel *makeErrorLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setObjectName("error");
    l->setWordWrap(true);
    l->setStyleSheet("color: #c62828;");
    QFont f = l->font();
    f.setPointSizeF(f.pointSizeF() * 0.9);
    l->setFont(f);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->hide();
    return l;
}

QString breakableName(const QString &name)
{
    QString out;
    out.reserve(name.size() + 8);
    for (int i = 0; i < name.size(); ++i) {
        const QChar c = name[i];
        if (i > 0 && ((c.isUpper() && name[i - 1].isLower()) || name[i - 1] == '_'))
            out += QChar(0x200B);
        out += c;
    }
    return out;
}

QString toQString(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace reslab::ui
