#pragma once

#include "editor/framed_field.h"

#include <string>

class QLineEdit;
class QPlainTextEdit;

namespace reslab::ui {

/// A line (or a few lines) of text for a string key, written when editing finishes.
class TextField final : public FramedField
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
};

} // namespace reslab::ui
