#include "config_export_dialog.h"

#include "reslab/io/config_export.h"

#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
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
    setWindowTitle(tr("Library configuration — %1").arg(what));
    m_format->setObjectName("format");
    m_format->addItem(tr("resilience4j (Spring Boot application.yml)"));
    m_format->addItem(tr("Polly v8 (C# options)"));

    m_preview->setObjectName("preview");
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_status->setObjectName("status");
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *formatRow = new QHBoxLayout;
    auto *formatLabel = new QLabel(tr("&Format:"), this);
    formatLabel->setBuddy(m_format);
    formatRow->addWidget(formatLabel);
    formatRow->addWidget(m_format, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = buttons->addButton(tr("&Copy to clipboard"), QDialogButtonBox::ActionRole);
    m_save = buttons->addButton(tr("&Save…"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this, &ConfigExportDialog::copyToClipboard);
    connect(m_save, &QPushButton::clicked, this, &ConfigExportDialog::save);

    auto *note = new QLabel(tr("The breaker, retry and timeout stages of \"%1\" as the library's "
                               "own configuration; what does not map is listed in comments. "
                               "Same output as resilience-lab export-config.")
                                .arg(QString::fromStdString(scenario.name)),
                            this);
    note->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(formatRow);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ConfigExportDialog::refresh);
    refresh();
    resize(900, 640);
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
    m_status->clear();
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
        m_status->setStyleSheet(QString());
        m_status->setText(tr("Saved to %1").arg(path));
        return true;
    }
    const QString message = tr("Cannot write %1: %2 — the configuration is still here; copy it "
                               "or save it elsewhere.")
                                .arg(path, why);
    m_status->setStyleSheet("color: #c62828;");
    m_status->setText(message);
    if (error)
        *error = message;
    return false;
}

void ConfigExportDialog::copyToClipboard()
{
    QGuiApplication::clipboard()->setText(text());
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Copied to the clipboard."));
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
