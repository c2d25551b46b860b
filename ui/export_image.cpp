#include "export_image.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QSvgRenderer>
#include <QWidget>

namespace reslab::ui {
namespace {

constexpr qreal kPngScale = 2.0;

QString documentTitle(const QWidget *w)
{
    const QString window = w->window()->windowTitle();
    return window.isEmpty() ? QStringLiteral("Resilience Lab") : window;
}

bool drawPng(QWidget *w, QIODevice *out)
{
    QImage image(w->size() * kPngScale, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return false;
    image.setDevicePixelRatio(kPngScale);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        w->render(&painter);
    }
    return image.save(out, "PNG");
}

bool drawSvg(QWidget *w, QIODevice *out, const QString &title)
{
    QSvgGenerator svg;
    svg.setOutputDevice(out);
    svg.setSize(w->size());
    svg.setViewBox(QRect(QPoint(0, 0), w->size()));
    svg.setResolution(w->logicalDpiX());
    svg.setTitle(title);
    svg.setDescription(QStringLiteral("Exported by Resilience Lab"));
    QPainter painter;
    if (!painter.begin(&svg))
        return false;
    w->render(&painter);
    return painter.end();
}

bool drawPdf(QWidget *w, QIODevice *out, const QString &title)
{
    // The widget goes to PDF by way of SVG: QtCharts clips its legend text away when it is
    // painted straight onto a PDF painter anywhere but at the origin (the dashboard's charts
    // are not), while its SVG is right and QSvgRenderer draws it as vector paths and text.
    QBuffer svgBytes;
    if (!svgBytes.open(QIODevice::WriteOnly) || !drawSvg(w, &svgBytes, title))
        return false;
    QSvgRenderer svg(svgBytes.data());
    if (!svg.isValid())
        return false;

    QPdfWriter pdf(out);
    // One page exactly the widget's size, at the widget's resolution: one device pixel of the
    // page is one pixel of the widget.
    const int dpi = w->logicalDpiX() > 0 ? w->logicalDpiX() : 96;
    pdf.setResolution(dpi);
    const QSizeF points(w->width() * 72.0 / dpi, w->height() * 72.0 / dpi);
    pdf.setPageSize(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setTitle(title);
    pdf.setCreator(QStringLiteral("Resilience Lab"));
    QPainter painter;
    if (!painter.begin(&pdf))
        return false;
    svg.render(&painter, QRectF(0, 0, pdf.width(), pdf.height()));
    return painter.end();
}

} // namespace

bool exportWidgetImage(QWidget *w, const QString &path, QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = QObject::tr("Cannot write %1: %2").arg(path, why);
        return false;
    };
    if (path.isEmpty()) {
        if (error)
            *error = QObject::tr("Cannot write the image: no file name given");
        return false;
    }
    const QString format = QFileInfo(path).suffix().toLower();
    if (format != "png" && format != "svg" && format != "pdf")
        return fail(
            format.isEmpty()
                ? QObject::tr("no file extension (use .png, .svg or .pdf)")
                : QObject::tr("unknown image format \".%1\" (use .png, .svg or .pdf)").arg(format));
    if (!w)
        return fail(QObject::tr("nothing to draw"));
    if (w->width() <= 0 || w->height() <= 0)
        return fail(QObject::tr("the view has no size yet"));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    const QString title = documentTitle(w);
    bool drawn = false;
    if (format == "png")
        drawn = drawPng(w, &file);
    else if (format == "svg")
        drawn = drawSvg(w, &file, title);
    else
        drawn = drawPdf(w, &file, title);
    if (!drawn || file.error() != QFileDevice::NoError) {
        const QString why = file.error() != QFileDevice::NoError
                                ? file.errorString()
                                : QObject::tr("the %1 encoder failed").arg(format.toUpper());
        file.cancelWriting();
        return fail(why);
    }
    if (file.size() <= 0) {
        file.cancelWriting();
        return fail(QObject::tr("nothing was written"));
    }
    if (!file.commit())
        return fail(file.errorString());
    if (QFileInfo(path).size() <= 0)
        return fail(QObject::tr("the file is empty after writing"));
    return true;
}

} // namespace reslab::ui
