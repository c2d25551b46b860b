#pragma once

#include <QEvent>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QTranslator;

namespace reslab::ui {

/// The QSettings names of the GUI (QCoreApplication's organization and application names).
inline constexpr char kSettingsOrganization[] = "ResilienceLab";
inline constexpr char kSettingsApplication[] = "Resilience Lab";

/// The language of the GUI: English (the source texts) or Simplified Chinese, from the translations
/// compiled into the binary (translations/resilience-lab_*.ts, embedded as :/i18n/*.qm).
///
/// The choice is "system" (the default: the first shipped language among the system's UI
/// languages, else English), "en" or "zh_CN", kept in QSettings under `ui/language`. apply()
/// switches at run time: it replaces the installed translators, so Qt sends QEvent::LanguageChange
/// to every widget (each one sets its texts again in changeEvent()), and emits changed() for what
/// is not a widget (item models).
///
///     Language::instance().apply(Language::savedChoice()); // at start-up
///     Language::instance().apply("zh_CN");                 // View ▸ Language ▸ 简体中文
class Language final : public QObject
{
    Q_OBJECT

public:
    /// The languages shipped, English first: "en", "zh_CN".
    static QStringList available();
    /// The language's name in that language ("English", "简体中文").
    static QString nativeName(const QString &code);
    /// Whether `code` is "system" or a shipped language.
    static bool isChoice(const QString &code);
    /// The shipped language a choice means: "system" (or empty, or unknown) follows
    /// QLocale::system().uiLanguages(); English when none of them is shipped.
    static QString resolve(const QString &choice);
    /// The choice kept in QSettings ("system" when nothing was chosen yet). Without a
    /// QCoreApplication (the command line's `presets`) it reads the GUI's own settings.
    static QString savedChoice();
    static void saveChoice(const QString &choice);

    /// The one instance (created on first use; it lives as long as the application).
    static Language &instance();

    /// Switches the GUI to `choice` ("system", "en", "zh_CN"): installs its translators (ours and
    /// Qt's own, when the system has them), sets QLocale's default, gives the application font a
    /// CJK family for Chinese, and emits changed(). Nothing happens when the language stays the
    /// same. Needs a QCoreApplication.
    void apply(const QString &choice);
    /// The language in use ("en" until apply() chose another).
    QString current() const { return m_current; }
    /// The choice last applied ("system", "en" or "zh_CN").
    QString choice() const { return m_choice; }

    /// The font family used for Chinese text when the system has it ("Noto Sans CJK SC"), else
    /// the first installed family that can write Simplified Chinese; empty when none can.
    static QString cjkFamily();

signals:
    /// After a switch: the translators of the new language are installed.
    void changed();

private:
    Language();
    ~Language() override;
    void applyFont(bool chinese);

    QString m_current = QStringLiteral("en");
    QString m_choice = QStringLiteral("system");
    std::unique_ptr<QTranslator> m_app;
    std::unique_ptr<QTranslator> m_qt;
    bool m_applied = false; ///< apply() ran once (English too installs its plural forms)
    bool m_fontSaved = false;
    QStringList m_defaultFamilies;
};

} // namespace reslab::ui
