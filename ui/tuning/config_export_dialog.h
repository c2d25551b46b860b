#pragma once

#include "reslab/model/scenario.h"

#include <QDialog>
#include <QString>

#include <functional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace reslab::ui {

/// File > Export > Library configuration: the scenario's breaker, retry and timeout settings as
/// the real library's configuration — the engine's exporters (reslab/config_export.h), exactly
/// what `resilience-lab export-config` prints. A format choice, a read-only preview, Copy and
/// Save…; a failed save says why in the dialog and leaves the text there.
class ConfigExportDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Format
    {
        Resilience4j,
        Polly
    };

    /// `what` names the scenario in the title ("A", "B", a file name).
    ConfigExportDialog(const Scenario &scenario, const QString &what, QWidget *parent = nullptr);

    void setFormat(Format format);
    Format format() const;
    /// The preview's text: the exporter's output for the chosen format.
    QString text() const;
    /// The file name Save… suggests: application.yml or ResiliencePipeline.cs.
    QString suggestedFileName() const;

    /// Writes the text to `path` all or nothing (QSaveFile). On failure returns false, sets
    /// `error` and shows it in the dialog.
    bool saveTo(const QString &path, QString *error = nullptr);
    /// Puts the text on the clipboard.
    void copyToClipboard();

    QComboBox *formatBox() const { return m_format; }
    QPlainTextEdit *preview() const { return m_preview; }
    /// The last save's or copy's outcome (an error in red).
    QLabel *statusLabel() const { return m_status; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void save();
    void retranslate();
    /// Shows the outcome worded by `words` (again after a language switch); empty: none.
    void showStatus(std::function<QString()> words, bool error);

    Scenario m_scenario;
    QComboBox *m_format;
    QPlainTextEdit *m_preview;
    QLabel *m_status;
    QPushButton *m_copy;
    QPushButton *m_save;
    QLabel *m_formatLabel = nullptr;
    QLabel *m_note = nullptr;
    QString m_what;
    std::function<QString()> m_statusWords;
};

} // namespace reslab::ui
