#include "editor/text_field.h"

#include "editor/field_json.h"

#include <QBoxLayout>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace reslab::ui {

TextField::TextField(EditorHub *hub, std::string path, Options options, QWidget *parent)
    : FramedField(hub, std::move(path), parent)
    , m_options(std::move(options))
{
    QBoxLayout *row = m_options.multiLine ? static_cast<QBoxLayout *>(addFrameColumn(1))
                                          : static_cast<QBoxLayout *>(addFrameRow(6));
    QFrame *frame = this->frame();
    if (!m_options.label.isEmpty()) {
        auto *label = makeLabel(m_options.label, frame);
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
