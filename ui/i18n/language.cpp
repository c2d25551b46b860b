#include "i18n/language.h"

#include "gui_main.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

namespace reslab::ui {
namespace {

constexpr auto kSettingsKey = "ui/language";

/// Loads `:/i18n/resilience-lab_<code>.qm` into `t`; false when the binary has no such file.
bool loadOurs(QTranslator &t, const QString &code)
{
    return t.load(QStringLiteral("resilience-lab_%1").arg(code), QStringLiteral(":/i18n"));
}

} // namespace

QStringList Language::available()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString Language::nativeName(const QString &code)
{
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    return code;
}

bool Language::isChoice(const QString &code)
{
    return code == QLatin1String("system") || available().contains(code);
}

QString Language::resolve(const QString &choice)
{
    if (available().contains(choice))
        return choice;
    // uiLanguages() is in order of preference ("zh-Hans-CN", "zh-CN", "zh", "en-US", ...): the
    // first that names a shipped language wins. Any Chinese but Traditional reads as zh_CN.
    for (const QString &name : QLocale::system().uiLanguages()) {
        const QLocale l(name);
        if (l.language() == QLocale::English)
            return QStringLiteral("en");
        if (l.language() == QLocale::Chinese && l.script() != QLocale::TraditionalChineseScript &&
            l.territory() != QLocale::Taiwan && l.territory() != QLocale::HongKong &&
            l.territory() != QLocale::Macau)
            return QStringLiteral("zh_CN");
    }
    return QStringLiteral("en");
}

QString Language::savedChoice()
{
    const auto read = [](const QSettings &s) {
        return s.value(kSettingsKey, QStringLiteral("system")).toString();
    };
    const QString saved =
        QCoreApplication::instance() && !QCoreApplication::organizationName().isEmpty()
            ? read(QSettings())
            : read(QSettings(QString::fromLatin1(kSettingsOrganization),
                             QString::fromLatin1(kSettingsApplication)));
    return isChoice(saved) ? saved : QStringLiteral("system");
}

void Language::saveChoice(const QString &choice)
{
    QSettings().setValue(kSettingsKey, isChoice(choice) ? choice : QStringLiteral("system"));
}

std::string commandLanguage(const std::string &language)
{
    const QString choice =
        language.empty() ? Language::savedChoice() : QString::fromStdString(language);
    return Language::resolve(choice).toStdString();
}

Language &Language::instance()
{
    // Owned by the application (deleted with it): translators must not outlive it.
    static QPointer<Language> one;
    if (!one) {
        one = new Language;
        if (QCoreApplication::instance())
            one->setParent(QCoreApplication::instance());
    }
    return *one;
}

Language::Language() = default;

Language::~Language() = default; // a QTranslator removes itself from the application

void Language::apply(const QString &choice)
{
    m_choice = isChoice(choice) ? choice : QStringLiteral("system");
    const QString code = resolve(m_choice);
    if (code == m_current && m_applied)
        return;
    m_applied = true;

    // The new translators first, then the old ones out: each install and removal posts one
    // LanguageChange, which Qt compresses into one, delivered once the event loop runs.
    auto app = std::make_unique<QTranslator>();
    // English has source texts, but its .qm holds the plural forms ("1 problem", "2 problems").
    if (!loadOurs(*app, code))
        app.reset();
    auto qt = std::make_unique<QTranslator>();
    // Qt's own texts (standard dialog buttons, file dialogs), when the system has them.
    if (code == QLatin1String("en") ||
        !qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        qt.reset();
    if (app)
        QCoreApplication::installTranslator(app.get());
    if (qt)
        QCoreApplication::installTranslator(qt.get());
    if (m_app)
        QCoreApplication::removeTranslator(m_app.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_app = std::move(app);
    m_qt = std::move(qt);
    m_current = code;

    QLocale::setDefault(QLocale(code));
    applyFont(code == QLatin1String("zh_CN"));
    emit changed();
}

QString Language::cjkFamily()
{
    const QStringList families = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
    for (const char *preferred :
         {"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Noto Sans SC"}) {
        if (families.contains(QLatin1String(preferred)))
            return QString::fromLatin1(preferred);
    }
    return families.isEmpty() ? QString() : families.front();
}

void Language::applyFont(bool chinese)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return; // no fonts without a GUI application
    QFont font = QGuiApplication::font();
    if (!m_fontSaved) {
        m_defaultFamilies = font.families();
        if (m_defaultFamilies.isEmpty())
            m_defaultFamilies = {font.family()};
        m_fontSaved = true;
    }
    QStringList families = m_defaultFamilies;
    // Chinese: the CJK family first, so that its Latin letters, its CJK glyphs and its line height
    // go together; the usual family stays behind it for anything it lacks.
    const QString cjk = chinese ? cjkFamily() : QString();
    if (!cjk.isEmpty()) {
        families.removeAll(cjk);
        families.prepend(cjk);
    }
    if (font.families() == families)
        return;
    font.setFamilies(families);
    if (qobject_cast<QApplication *>(QCoreApplication::instance()))
        QApplication::setFont(font);
    else
        QGuiApplication::setFont(font);
}

} // namespace reslab::ui
