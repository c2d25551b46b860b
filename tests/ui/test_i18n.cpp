// Languages (docs/languages.md): switching at run time retranslates the open windows; every
// string shown from the engine's schema and the presets has its translation; Chinese has a font.
#include "charts/chart_panel.h"
#include "editor/editor_widgets.h"
#include "editor/scenario_editor.h"
#include "gui_main.h"
#include "i18n/language.h"
#include "i18n/texts.h"
#include "main_window.h"
#include "simulation_controller.h"
#include "transport_bar.h"
#include "tuning/compare_window.h"
#include "tuning/sweep_window.h"

#include "reslab/io/scenario_io.h"
#include "reslab/model/parameter_schema.h"
#include "reslab/model/presets.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QFontMetrics>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QToolButton>
#include <QTranslator>

#include <gtest/gtest.h>

namespace reslab::ui {
namespace {

/// Delivers the LanguageChange events a switch posted, and the widgets a rebuild retired.
void settle()
{
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

/// Every test leaves the application in English, as it found it.
class I18n : public ::testing::Test
{
protected:
    void TearDown() override
    {
        Language::instance().apply(QStringLiteral("en"));
        settle();
    }
};

std::string text(const QString &s)
{
    return s.toStdString();
}

std::string menuTitle(const MainWindow &w, const char *name)
{
    const auto *menu = w.menuBar()->findChild<QMenu *>(QString::fromLatin1(name));
    return menu ? text(menu->title()) : std::string("(no menu) ") + name;
}

std::string chartTitle(const MainWindow &w, const char *name)
{
    const auto *view = w.charts()->findChild<QChartView *>(QString::fromLatin1(name));
    return view ? text(view->chart()->title()) : std::string("(no chart) ") + name;
}

std::string axisTitle(const MainWindow &w, const char *name, Qt::Orientation o)
{
    const auto *view = w.charts()->findChild<QChartView *>(QString::fromLatin1(name));
    const auto axes = view ? view->chart()->axes(o) : QList<QAbstractAxis *>{};
    return axes.isEmpty() ? std::string("(no axis) ") + name : text(axes.front()->titleText());
}

/// The title of an editor section ("section:general"), as its header shows it.
std::string sectionTitle(const MainWindow &w, const char *key)
{
    const auto *s = w.editor()->findChild<CollapsibleSection *>(
        QStringLiteral("section:%1").arg(QLatin1String(key)));
    return s ? text(s->toggleButton()->text()) : std::string("(no section) ") + key;
}

/// The label of the editor field bound to `path` (a schema row's label).
std::string fieldLabel(const MainWindow &w, const char *path)
{
    const auto *field = w.editor()->findChild<QWidget *>(QString::fromLatin1(path));
    const auto *label = field ? field->findChild<QLabel *>(QStringLiteral("label")) : nullptr;
    return label ? text(label->text()) : std::string("(no field) ") + path;
}

TEST_F(I18n, SwitchingLanguageRetranslatesTheOpenMainWindow)
{
    MainWindow w;
    ASSERT_TRUE(w.openScenario("preset:seed-resilient-service"));
    w.resize(1024, 640);
    w.show();
    settle();

    const auto expectEnglish = [&] {
        EXPECT_EQ(menuTitle(w, "fileMenu"), "&File");
        EXPECT_EQ(menuTitle(w, "viewMenu"), "&View");
        EXPECT_EQ(menuTitle(w, "tuneMenu"), "&Tune");
        EXPECT_EQ(text(w.transport()->playAction()->text()), "Play");
        EXPECT_EQ(sectionTitle(w, "general"), "General");
        EXPECT_EQ(sectionTitle(w, "pipeline"), "Pipeline");
        EXPECT_EQ(fieldLabel(w, "duration_s"), "Duration");
        EXPECT_EQ(chartTitle(w, "throughput"), "Throughput by outcome");
        EXPECT_EQ(chartTitle(w, "breaker"), "Circuit breaker state");
        EXPECT_EQ(axisTitle(w, "latency", Qt::Horizontal), "time (s)");
        EXPECT_EQ(axisTitle(w, "latency", Qt::Vertical), "latency (ms)");
    };
    expectEnglish();

    Language::instance().apply(QStringLiteral("zh_CN"));
    settle();
    EXPECT_EQ(Language::instance().current(), "zh_CN");
    EXPECT_EQ(menuTitle(w, "fileMenu"), "文件(&F)");
    EXPECT_EQ(menuTitle(w, "viewMenu"), "视图(&V)");
    EXPECT_EQ(menuTitle(w, "tuneMenu"), "调优(&T)");
    EXPECT_EQ(text(w.transport()->playAction()->text()), "播放");
    EXPECT_EQ(sectionTitle(w, "general"), "常规");
    EXPECT_EQ(sectionTitle(w, "pipeline"), "管道");
    EXPECT_EQ(fieldLabel(w, "duration_s"), "时长"); // a label of the engine's schema
    EXPECT_EQ(chartTitle(w, "throughput"), "按结果划分的吞吐量");
    EXPECT_EQ(chartTitle(w, "breaker"), "熔断器状态");
    EXPECT_EQ(axisTitle(w, "latency", Qt::Horizontal), "时间 (s)");
    EXPECT_EQ(axisTitle(w, "latency", Qt::Vertical), "延迟 (ms)");
    // The document, the run and the editor's state are the same window's, not a new one.
    EXPECT_EQ(w.controller()->simulation()->scenario().name, "Seed ResilientService");

    Language::instance().apply(QStringLiteral("en"));
    settle();
    expectEnglish();
}

/// The labels of a form (QFormLayout's label column), in order.
QStringList formLabels(const QWidget &w)
{
    QStringList labels;
    for (const QFormLayout *form : w.findChildren<QFormLayout *>()) {
        for (int r = 0; r < form->rowCount(); ++r) {
            const QLayoutItem *item = form->itemAt(r, QFormLayout::LabelRole);
            if (const auto *l = item ? qobject_cast<QLabel *>(item->widget()) : nullptr)
                labels << l->text();
        }
    }
    return labels;
}

TEST_F(I18n, TheSweepAndCompareWindowsRetranslateToo)
{
    MainWindow main;
    ASSERT_TRUE(main.openScenario("preset:flaky-dependency"));
    SweepWindow *sweep = main.openSweep();
    CompareWindow *compare = main.openCompare();
    settle();
    EXPECT_TRUE(formLabels(*sweep).contains("Seeds per point"))
        << text(formLabels(*sweep).join('|'));
    const auto *run = sweep->findChild<QPushButton *>(QStringLiteral("run"));
    ASSERT_NE(run, nullptr);
    EXPECT_EQ(text(run->text()), "Run");
    const auto *tabs = compare->findChild<QTabWidget *>(QStringLiteral("editors"));
    ASSERT_NE(tabs, nullptr);
    EXPECT_EQ(text(tabs->tabText(1)), "Edit B");

    Language::instance().apply(QStringLiteral("zh_CN"));
    settle();
    const QStringList labels = formLabels(*sweep);
    for (const char *label :
         {"参数", "JSON 路径", "从 / 到", "步数、间隔方式", "每点种子数", "指标", "目标"})
        EXPECT_TRUE(labels.contains(QString::fromUtf8(label)))
            << label << ": " << text(labels.join('|'));
    EXPECT_EQ(text(run->text()), "运行");
    EXPECT_TRUE(sweep->windowTitle().startsWith(QString::fromUtf8("参数扫描 — ")));
    EXPECT_EQ(text(tabs->tabText(1)), "编辑 B");
    EXPECT_EQ(text(compare->menuBar()->actions().front()->text()), "文件(&F)");
    sweep->close();
    compare->close();
}

TEST_F(I18n, ViewLanguageMenuSwitchesAndKeepsTheChoice)
{
    MainWindow w;
    ASSERT_TRUE(w.openScenario("preset:flaky-dependency"));
    auto *chinese = w.findChild<QAction *>(QStringLiteral("language:zh_CN"));
    auto *english = w.findChild<QAction *>(QStringLiteral("language:en"));
    auto *system = w.findChild<QAction *>(QStringLiteral("language:system"));
    ASSERT_TRUE(chinese && english && system);
    // Each language is named in itself; "System" says which one it means here.
    EXPECT_EQ(text(chinese->text()), "简体中文");
    EXPECT_EQ(text(english->text()), "English");
    EXPECT_TRUE(system->text().startsWith("System (")) << system->text().toStdString();

    chinese->trigger();
    settle();
    EXPECT_EQ(QSettings().value("ui/language").toString(), "zh_CN");
    EXPECT_EQ(Language::savedChoice(), "zh_CN");
    EXPECT_TRUE(chinese->isChecked());
    EXPECT_EQ(menuTitle(w, "runMenu"), "运行(&R)");
    EXPECT_TRUE(system->text().startsWith("跟随系统（")) << system->text().toStdString();

    english->trigger();
    settle();
    EXPECT_EQ(Language::savedChoice(), "en");
    EXPECT_EQ(menuTitle(w, "runMenu"), "&Run");
    QSettings().remove("ui/language");
}

TEST_F(I18n, ChoicesResolveToShippedLanguages)
{
    EXPECT_EQ(Language::resolve("en"), "en");
    EXPECT_EQ(Language::resolve("zh_CN"), "zh_CN");
    const QString system = Language::resolve("system");
    EXPECT_TRUE(system == "en" || system == "zh_CN") << system.toStdString();
    EXPECT_TRUE(Language::isChoice("system"));
    EXPECT_FALSE(Language::isChoice("fr"));
    EXPECT_EQ(commandLanguage("zh_CN"), "zh_CN");
    EXPECT_EQ(commandLanguage("en"), "en");
}

TEST_F(I18n, EnglishPluralsComeFromTheEnglishFile)
{
    Language::instance().apply(QStringLiteral("en"));
    EXPECT_EQ(
        QCoreApplication::translate("reslab::ui::ScenarioEditor", "%n service(s)", nullptr, 1),
        "1 service");
    EXPECT_EQ(
        QCoreApplication::translate("reslab::ui::ScenarioEditor", "%n service(s)", nullptr, 3),
        "3 services");
}

TEST_F(I18n, ChineseTextHasAFontThatWritesIt)
{
    const QString family = Language::cjkFamily();
    ASSERT_FALSE(family.isEmpty()) << "no CJK font installed (fonts-noto-cjk)";
    Language::instance().apply(QStringLiteral("zh_CN"));
    const QFont font = QApplication::font();
    ASSERT_FALSE(font.families().isEmpty());
    EXPECT_EQ(font.families().front(), family);
    const QFontMetrics metrics(font);
    for (const char32_t c : {U'熔', U'断', U'器', U'降', U'级', U'退', U'避'})
        EXPECT_TRUE(metrics.inFontUcs4(c)) << "no glyph for U+" << std::hex << unsigned(c);
    Language::instance().apply(QStringLiteral("en"));
    EXPECT_NE(QApplication::font().families().front(), family); // English keeps its own font
}

/// The compiled Chinese translation, read on its own (QTranslator::translate is empty for a
/// string it lacks, where QCoreApplication::translate would return the source).
QTranslator &chinese()
{
    static QTranslator t;
    static const bool loaded =
        t.load(QStringLiteral("resilience-lab_zh_CN"), QStringLiteral(":/i18n"));
    EXPECT_TRUE(loaded) << "no :/i18n/resilience-lab_zh_CN.qm in the binary";
    return t;
}

TEST_F(I18n, EverySchemaStringIsTranslated)
{
    // The engine's parameter schema is shown by the editor and the sweep window: each row's
    // texts need a line in ui/i18n/texts.cpp (kSchemaStrings) and a translation.
    QStringList missing;
    for (const ParamInfo &p : parameterCatalog()) {
        for (const std::string_view s :
             {p.label, p.unit, p.tooltip, p.zeroText, p.optionLabel, p.absentText}) {
            if (s.empty())
                continue;
            const QByteArray source(s.data(), static_cast<qsizetype>(s.size()));
            if (chinese().translate("ParameterSchema", source.constData()).isEmpty())
                missing << QStringLiteral("%1.%2: \"%3\"")
                               .arg(QString::fromUtf8(p.context.data(), p.context.size()),
                                    QString::fromUtf8(p.key.data(), p.key.size()),
                                    QString::fromUtf8(source));
        }
    }
    missing.removeDuplicates();
    EXPECT_TRUE(missing.isEmpty()) << "schema strings without a translation (add them to "
                                      "kSchemaStrings in ui/i18n/texts.cpp, then run "
                                      "scripts/update-translations.sh and translate):\n"
                                   << missing.join('\n').toStdString();
}

TEST_F(I18n, EveryPresetDescriptionIsTranslated)
{
    QStringList missing;
    for (const Preset &p : presets()) {
        const ScenarioParse parse = parseScenarioText(p.json);
        ASSERT_TRUE(parse.ok());
        const std::string &english = parse.scenario->description;
        if (english.empty())
            continue;
        const std::string chineseText = presetDescriptionIn("zh_CN", std::string(p.name), english);
        if (chineseText == english)
            missing << QString::fromUtf8(p.name.data(), p.name.size());
        // The English stays the scenario's own.
        EXPECT_EQ(presetDescriptionIn("en", std::string(p.name), english), english);
    }
    EXPECT_TRUE(missing.isEmpty())
        << "presets whose description has no translation (add or update their line in "
           "kPresetTexts in ui/i18n/texts.cpp, then translate it):\n"
        << missing.join('\n').toStdString();
}

TEST_F(I18n, ThePresetsMenuKeepsNamesAndTranslatesDescriptions)
{
    MainWindow w;
    auto *menu = w.menuBar()->findChild<QMenu *>(QStringLiteral("presetsMenu"));
    ASSERT_NE(menu, nullptr);
    Language::instance().apply(QStringLiteral("zh_CN"));
    settle();
    bool seen = false;
    for (const QAction *a : menu->actions()) {
        if (a->text() != "seed-resilient-service")
            continue;
        seen = true;
        EXPECT_TRUE(a->toolTip().startsWith("设计笔记中的 ResilientService"))
            << a->toolTip().toStdString();
    }
    EXPECT_TRUE(seen);
}

} // namespace
} // namespace reslab::ui
