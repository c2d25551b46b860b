#include "charts/chart_panel.h"
#include "export_image.h"
#include "simulation_controller.h"

#include "reslab/io/scenario_io.h"
#include "reslab/model/presets.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include <limits>

namespace reslab::ui {
namespace {

class RenderTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        const auto p = findPreset("seed-resilient-service");
        ASSERT_TRUE(p.has_value());
        controller.load(*parseScenarioText(p->json).scenario);
        controller.setFrameBudgetMs(std::numeric_limits<double>::infinity());
        controller.tick(90'000);
        panel.setAttribute(Qt::WA_DontShowOnScreen);
        panel.resize(1400, 900);
        panel.show();
    }
    QString file(const QString &name) const { return dir.filePath(name); }
    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QTemporaryDir dir;
    SimulationController controller;
    ChartPanel panel{&controller};
};

TEST_F(RenderTest, PngOfTheDashboardLoads)
{
    QString error;
    ASSERT_TRUE(panel.exportImage(file("dash.png"), QString(), &error)) << error.toStdString();
    QImage image(file("dash.png"));
    ASSERT_FALSE(image.isNull());
    EXPECT_GT(image.width(), 1000);
    EXPECT_GT(image.height(), 600);
    // Not a blank page: the success band's green is in there somewhere.
    bool green = false;
    for (int y = 0; y < image.height() && !green; y += 3)
        for (int x = 0; x < image.width() && !green; x += 3) {
            const QColor c = image.pixelColor(x, y);
            green = c.green() > 100 && c.red() < 90 && c.blue() < 90;
        }
    EXPECT_TRUE(green);
}

TEST_F(RenderTest, PngOfOneChartHasTheChartsSize)
{
    QString error;
    ASSERT_TRUE(panel.exportImage(file("latency.png"), "latency", &error)) << error.toStdString();
    QImage image(file("latency.png"));
    ASSERT_FALSE(image.isNull());
    QWidget *chart = panel.findChild<QWidget *>("latency");
    ASSERT_NE(chart, nullptr);
    EXPECT_EQ(image.size(), chart->size() * 2) << "PNG at twice the resolution";
}

TEST_F(RenderTest, SvgParsesAndHasTheAxisTitles)
{
    QString error;
    ASSERT_TRUE(panel.exportImage(file("dash.svg"), QString(), &error)) << error.toStdString();
    const QByteArray svg = read(file("dash.svg"));
    ASSERT_FALSE(svg.isEmpty());
    QXmlStreamReader xml(svg);
    bool sawSvg = false;
    QString text;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("svg"))
            sawSvg = true;
        if (xml.isCharacters())
            text += xml.text();
    }
    ASSERT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_TRUE(sawSvg);
    for (const char *title : {"time (s)", "latency (ms)", "requests / s", "share (0–1)",
                              "queue (requests)", "utilisation (0–1)", "calls / s"})
        EXPECT_TRUE(text.contains(QString::fromUtf8(title))) << title;
    EXPECT_TRUE(text.contains("Throughput by outcome"));
}

TEST_F(RenderTest, PdfStartsWithTheMagic)
{
    QString error;
    ASSERT_TRUE(panel.exportImage(file("dash.pdf"), QString(), &error)) << error.toStdString();
    const QByteArray pdf = read(file("dash.pdf"));
    EXPECT_TRUE(pdf.startsWith("%PDF")) << pdf.left(16).toStdString();
    EXPECT_GT(pdf.size(), 1000);
    ASSERT_TRUE(panel.exportImage(file("breaker.pdf"), "breaker", &error)) << error.toStdString();
    EXPECT_TRUE(read(file("breaker.pdf")).startsWith("%PDF"));
}

TEST_F(RenderTest, UnwritablePathFailsWithThePathInTheMessage)
{
    const QString path = file("no/such/folder/dash.png");
    QString error;
    EXPECT_FALSE(panel.exportImage(path, QString(), &error));
    EXPECT_TRUE(error.contains(path)) << error.toStdString();
    EXPECT_FALSE(QFile::exists(path));

    for (const QString &name : {QString("a.svg"), QString("a.pdf")}) {
        const QString p = file("missing/" + name);
        error.clear();
        EXPECT_FALSE(panel.exportImage(p, "queue", &error));
        EXPECT_TRUE(error.contains(p)) << error.toStdString();
    }
}

TEST_F(RenderTest, UnknownFormatOrChartIsRefused)
{
    QString error;
    EXPECT_FALSE(panel.exportImage(file("dash.gif"), QString(), &error));
    EXPECT_TRUE(error.contains("dash.gif")) << error.toStdString();
    EXPECT_TRUE(error.contains(".png")) << error.toStdString();
    EXPECT_FALSE(QFile::exists(file("dash.gif")));

    error.clear();
    EXPECT_FALSE(panel.exportImage(file("x.png"), "pie", &error));
    EXPECT_TRUE(error.contains("pie") && error.contains("throughput")) << error.toStdString();
}

TEST(RenderExport, AnyWidgetExportsToTheThreeFormats)
{
    QTemporaryDir dir;
    QLabel label("Resilience Lab export test");
    label.setAttribute(Qt::WA_DontShowOnScreen);
    label.resize(320, 80);
    label.show();
    QString error;
    for (const char *ext : {"png", "svg", "pdf"}) {
        const QString path = dir.filePath(QString("label.%1").arg(ext));
        EXPECT_TRUE(exportWidgetImage(&label, path, &error)) << ext << error.toStdString();
        EXPECT_GT(QFileInfo(path).size(), 0) << ext;
    }
    EXPECT_FALSE(exportWidgetImage(nullptr, dir.filePath("x.png"), &error));
    EXPECT_FALSE(exportWidgetImage(&label, dir.path(), &error)) << "a folder is not a file";
    EXPECT_TRUE(error.contains(dir.path())) << error.toStdString();
}

} // namespace
} // namespace reslab::ui
