#include "config_export_dialog.h"

#include "reslab/io/config_export.h"

#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace reslab::ui {

ConfigExportDialog::ConfigExportDialog(const Scenario &scenario, const QString &what,
                                       QWidget *parent)
    : QDialog(parent)
    , m_scenario(scenario)
    , m_format(new QComboBox(this))
    , m_preview(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName("configExport");
    m_what = what;
    m_format->setObjectName("format");
    m_format->addItem(QString());
    m_format->addItem(QString());

    m_preview->setObjectName("preview");
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_status->setObjectName("status");
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *formatRow = new QHBoxLayout;
    m_formatLabel = new QLabel(this);
    m_formatLabel->setBuddy(m_format);
    formatRow->addWidget(m_formatLabel);
    formatRow->addWidget(m_format, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_save = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this, &ConfigExportDialog::copyToClipboard);
    connect(m_save, &QPushButton::clicked, this, &ConfigExportDialog::save);

    m_note = new QLabel(this);
    m_note->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addLayout(formatRow);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ConfigExportDialog::refresh);
    retranslate();
    refresh();
    resize(900, 640);
}

void ConfigExportDialog::retranslate()
{
    // The configuration itself is the libraries' own format: it is never translated.
    setWindowTitle(tr("Library configuration — %1").arg(m_what));
    m_format->setItemText(0, tr("resilience4j (Spring Boot application.yml)"));
    m_format->setItemText(1, tr("Polly v8 (C# options)"));
    m_formatLabel->setText(tr("&Format:"));
    m_copy->setText(tr("&Copy to clipboard"));
    m_save->setText(tr("&Save…"));
    m_note->setText(tr("The breaker, retry and timeout stages of \"%1\" as the library's "
                       "own configuration; what does not map is listed in comments. "
                       "Same output as resilience-lab export-config.")
                        .arg(QString::fromStdString(m_scenario.name)));
    if (m_statusWords)
        m_status->setText(m_statusWords());
}

void ConfigExportDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ConfigExportDialog::showStatus(std::function<QString()> words, bool error)
{
    m_statusWords = std::move(words);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
    m_status->setText(m_statusWords ? m_statusWords() : QString());
}

void ConfigExportDialog::setFormat(Format format)
{
    m_format->setCurrentIndex(format == Format::Resilience4j ? 0 : 1);
}

ConfigExportDialog::Format ConfigExportDialog::format() const
{
    return m_format->currentIndex() == 1 ? Format::Polly : Format::Resilience4j;
}

QString ConfigExportDialog::text() const
{
    return m_preview->toPlainText();
}

QString ConfigExportDialog::suggestedFileName() const
{
    return format() == Format::Polly ? QStringLiteral("ResiliencePipeline.cs")
                                     : QStringLiteral("application.yml");
}

void ConfigExportDialog::refresh()
{
    const std::string text = format() == Format::Polly ? exportPollyCSharp(m_scenario)
                                                       : exportResilience4jYaml(m_scenario);
    m_preview->setPlainText(QString::fromStdString(text));
    showStatus({}, false);
}

bool ConfigExportDialog::saveTo(const QString &path, QString *error)
{
    const QByteArray bytes = text().toUtf8();
    QSaveFile file(path);
    QString why;
    if (path.isEmpty())
        why = tr("no file name given");
    else if (!file.open(QIODevice::WriteOnly))
        why = file.errorString();
    else if (file.write(bytes) != bytes.size()) {
        why = file.errorString();
        file.cancelWriting();
    } else if (!file.commit())
        why = file.errorString();
    if (why.isEmpty()) {
        showStatus([path] { return tr("Saved to %1").arg(path); }, false);
        return true;
    }
    const auto words = [path, why] {
        return tr("Cannot write %1: %2 — the configuration is still here; copy it "
                  "or save it elsewhere.")
            .arg(path, why);
    };
    showStatus(words, true);
    if (error)
        *error = words();
    return false;
}

void ConfigExportDialog::copyToClipboard()
{
    QGuiApplication::clipboard()->setText(text());
    showStatus([] { return tr("Copied to the clipboard."); }, false);
}

void ConfigExportDialog::save()
{
    if (QGuiApplication::platformName() == "offscreen")
        return; // no one to ask for a file name
    const QString filter = format() == Format::Polly ? tr("C# (*.cs);;All files (*)")
                                                     : tr("YAML (*.yml *.yaml);;All files (*)");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save configuration"), suggestedFileName(), filter);
    if (path.isEmpty())
        return;
    QString error;
    if (!saveTo(path, &error))
        QMessageBox::warning(this, tr("Save failed"), error);
}

} // namespace reslab::ui
