#include "heat_map.h"

#include "colormap.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace reslab::ui {
namespace {

constexpr int kPad = 10;
constexpr int kBarWidth = 18;
constexpr QColor kMissing{0xbd, 0xbd, 0xbd};

bool isLight(const QColor &c)
{
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF() > 0.5;
}

QString formatValue(double v, int decimals, const QString &unit)
{
    if (!std::isfinite(v))
        return QStringLiteral("–");
    const QString n = QString::number(v, 'f', decimals);
    return unit.isEmpty() ? n : (unit == "%" ? n + " %" : n + " " + unit);
}

} // namespace

HeatMap::HeatMap(QWidget *parent)
    : QWidget(parent)
{
    setObjectName("heatMap");
    setMouseTracking(true);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, Qt::white);
    p.setColor(QPalette::WindowText, QColor(0x21, 0x21, 0x21));
    setPalette(p);
}

void HeatMap::setData(HeatMapData data)
{
    m_data = std::move(data);
    m_min = std::numeric_limits<double>::infinity();
    m_max = -std::numeric_limits<double>::infinity();
    for (double v : m_data.values) {
        if (std::isfinite(v)) {
            m_min = std::min(m_min, v);
            m_max = std::max(m_max, v);
        }
    }
    if (!std::isfinite(m_min))
        m_min = m_max = 0;
    update();
}

QRect HeatMap::legendRect() const
{
    const QFontMetrics fm(font());
    int labelWidth = fm.horizontalAdvance(m_data.unit.isEmpty() ? tr("value") : m_data.unit);
    for (double v : {m_min, m_max, (m_min + m_max) / 2})
        labelWidth = std::max(labelWidth,
                              fm.horizontalAdvance(formatValue(v, m_data.decimals, m_data.unit)));
    const int width = kBarWidth + 6 + labelWidth;
    const QRect plot = plotRect();
    return {this->width() - kPad - width, plot.top(), width, plot.height()};
}

QRect HeatMap::plotRect() const
{
    const QFontMetrics fm(font());
    int yTickWidth = 0;
    for (const QString &t : m_data.yTicks)
        yTickWidth = std::max(yTickWidth, fm.horizontalAdvance(t));
    int legendLabel = fm.horizontalAdvance(m_data.unit.isEmpty() ? tr("value") : m_data.unit);
    for (double v : {m_min, m_max, (m_min + m_max) / 2})
        legendLabel = std::max(legendLabel,
                               fm.horizontalAdvance(formatValue(v, m_data.decimals, m_data.unit)));
    const int left = kPad + fm.height() + 8 + yTickWidth + 6;
    const int top = kPad + fm.height() + 10;
    const int right = kPad + kBarWidth + 6 + legendLabel + 16;
    // Ticks, the x title and the line that explains the goal marks.
    const int bottom = kPad + 3 * fm.height() + 20;
    return {left, top, std::max(10, width() - left - right), std::max(10, height() - top - bottom)};
}

QRect HeatMap::cellRect(int index) const
{
    if (index < 0 || m_data.nx <= 0 || m_data.ny <= 0 || index >= m_data.nx * m_data.ny)
        return {};
    const QRect plot = plotRect();
    const int ix = index / m_data.ny;
    const int iy = index % m_data.ny;
    const double w = static_cast<double>(plot.width()) / m_data.nx;
    const double h = static_cast<double>(plot.height()) / m_data.ny;
    const int x0 = plot.left() + static_cast<int>(std::lround(ix * w));
    const int x1 = plot.left() + static_cast<int>(std::lround((ix + 1) * w));
    const int y0 = plot.bottom() + 1 - static_cast<int>(std::lround((iy + 1) * h));
    const int y1 = plot.bottom() + 1 - static_cast<int>(std::lround(iy * h));
    return {x0, y0, x1 - x0, y1 - y0};
}

int HeatMap::cellAt(QPoint pos) const
{
    const int n = m_data.nx * m_data.ny;
    for (int i = 0; i < n; ++i) {
        if (cellRect(i).contains(pos))
            return i;
    }
    return -1;
}

void HeatMap::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const QFontMetrics fm(font());
    const QColor text = palette().color(QPalette::WindowText);
    const QRect plot = plotRect();
    const int n = m_data.nx * m_data.ny;

    QFont titleFont = font();
    titleFont.setBold(true);
    p.setFont(titleFont);
    p.setPen(text);
    p.drawText(QRect(kPad, kPad, width() - 2 * kPad, fm.height() + 4),
               Qt::AlignHCenter | Qt::AlignVCenter, m_data.title);
    p.setFont(font());

    if (n <= 0 || static_cast<int>(m_data.values.size()) != n) {
        p.drawText(plot, Qt::AlignCenter, tr("No results yet"));
        return;
    }

    const double span = m_max - m_min;
    const auto colourOf = [&](double v) {
        if (!std::isfinite(v))
            return kMissing;
        return viridis(span > 0 ? (v - m_min) / span : 0.5);
    };
    const bool hasGoal = static_cast<int>(m_data.meets.size()) == n;

    // Cells, their values when they fit, the hatch on cells that miss the goal.
    for (int i = 0; i < n; ++i) {
        const QRect r = cellRect(i);
        const QColor c = colourOf(m_data.values[static_cast<std::size_t>(i)]);
        p.fillRect(r, c);
        if (hasGoal && !m_data.meets[static_cast<std::size_t>(i)])
            p.fillRect(r, QBrush(isLight(c) ? QColor(0, 0, 0, 90) : QColor(255, 255, 255, 110),
                                 Qt::BDiagPattern));
        const QString label =
            QString::number(m_data.values[static_cast<std::size_t>(i)], 'f', m_data.decimals);
        if (r.width() > fm.horizontalAdvance(label) + 6 && r.height() > fm.height() + 2) {
            p.setPen(isLight(c) ? QColor(0x21, 0x21, 0x21) : Qt::white);
            p.drawText(r, Qt::AlignCenter, label);
        }
    }

    // The region that meets the goal: its boundary, white on a dark casing.
    if (hasGoal) {
        QPainterPath edges;
        const auto meets = [&](int ix, int iy) {
            if (ix < 0 || iy < 0 || ix >= m_data.nx || iy >= m_data.ny)
                return false;
            return static_cast<bool>(m_data.meets[static_cast<std::size_t>(ix * m_data.ny + iy)]);
        };
        for (int ix = 0; ix < m_data.nx; ++ix) {
            for (int iy = 0; iy < m_data.ny; ++iy) {
                if (!meets(ix, iy))
                    continue;
                const QRectF r = cellRect(ix * m_data.ny + iy);
                if (!meets(ix - 1, iy)) {
                    edges.moveTo(r.topLeft());
                    edges.lineTo(r.bottomLeft());
                }
                if (!meets(ix + 1, iy)) {
                    edges.moveTo(r.topRight());
                    edges.lineTo(r.bottomRight());
                }
                if (!meets(ix, iy + 1)) {
                    edges.moveTo(r.topLeft());
                    edges.lineTo(r.topRight());
                }
                if (!meets(ix, iy - 1)) {
                    edges.moveTo(r.bottomLeft());
                    edges.lineTo(r.bottomRight());
                }
            }
        }
        p.setRenderHint(QPainter::Antialiasing, true);
        p.strokePath(edges, QPen(QColor(0x21, 0x21, 0x21), 5, Qt::SolidLine, Qt::SquareCap));
        p.strokePath(edges, QPen(Qt::white, 2.5, Qt::SolidLine, Qt::SquareCap));
    }

    // The best cell: a ring.
    const auto drawRing = [&](QPointF centre, double radius) {
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(0x21, 0x21, 0x21), 4));
        p.drawEllipse(centre, radius, radius);
        p.setPen(QPen(QColor(0xff, 0x40, 0x81), 2));
        p.drawEllipse(centre, radius, radius);
    };
    if (m_data.best >= 0 && m_data.best < n) {
        const QRect r = cellRect(m_data.best);
        drawRing(QRectF(r).center(), std::max(5.0, std::min(r.width(), r.height()) * 0.42));
    }
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(QColor(0x75, 0x75, 0x75));
    p.setBrush(Qt::NoBrush);
    p.drawRect(plot.adjusted(0, 0, -1, -1));

    // Ticks: as many labels as fit, always the first.
    p.setPen(text);
    int xLabelWidth = 0;
    for (const QString &t : m_data.xTicks)
        xLabelWidth = std::max(xLabelWidth, fm.horizontalAdvance(t));
    const double cellW = static_cast<double>(plot.width()) / m_data.nx;
    const double cellH = static_cast<double>(plot.height()) / m_data.ny;
    const int xStep = std::max(1, static_cast<int>(std::ceil((xLabelWidth + 10) / cellW)));
    const int yStep = std::max(1, static_cast<int>(std::ceil((fm.height() + 2) / cellH)));
    for (int ix = 0; ix < m_data.nx && ix < m_data.xTicks.size(); ix += xStep) {
        const QRect r = cellRect(ix * m_data.ny);
        p.drawLine(r.center().x(), plot.bottom() + 1, r.center().x(), plot.bottom() + 4);
        p.drawText(QRect(r.center().x() - xLabelWidth / 2 - 5, plot.bottom() + 5, xLabelWidth + 10,
                         fm.height()),
                   Qt::AlignHCenter | Qt::AlignTop, m_data.xTicks[ix]);
    }
    for (int iy = 0; iy < m_data.ny && iy < m_data.yTicks.size(); iy += yStep) {
        const QRect r = cellRect(iy);
        p.drawLine(plot.left() - 4, r.center().y(), plot.left() - 1, r.center().y());
        p.drawText(QRect(0, r.center().y() - fm.height() / 2, plot.left() - 6, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, m_data.yTicks[iy]);
    }
    // Axis titles.
    p.drawText(QRect(plot.left(), plot.bottom() + 6 + fm.height(), plot.width(), fm.height() + 4),
               Qt::AlignHCenter | Qt::AlignVCenter, m_data.xTitle);
    p.save();
    p.translate(kPad, plot.center().y());
    p.rotate(-90);
    p.drawText(QRect(-plot.height() / 2, 0, plot.height(), fm.height() + 4),
               Qt::AlignHCenter | Qt::AlignTop, m_data.yTitle);
    p.restore();

    // Colour scale: max on top, min at the bottom, the middle between.
    const QRect legend = legendRect();
    const QRect bar(legend.left(), legend.top(), kBarWidth, legend.height());
    for (int y = 0; y < bar.height(); ++y) {
        const double t = 1.0 - static_cast<double>(y) / std::max(1, bar.height() - 1);
        p.setPen(viridis(t));
        p.drawLine(bar.left(), bar.top() + y, bar.right(), bar.top() + y);
    }
    p.setPen(QColor(0x75, 0x75, 0x75));
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    p.setPen(text);
    const int lx = bar.right() + 6;
    const int lw = width() - lx;
    p.drawText(QRect(lx, bar.top(), lw, fm.height()), Qt::AlignLeft | Qt::AlignTop,
               formatValue(m_max, m_data.decimals, m_data.unit));
    p.drawText(QRect(lx, bar.center().y() - fm.height() / 2, lw, fm.height()),
               Qt::AlignLeft | Qt::AlignVCenter,
               formatValue((m_min + m_max) / 2, m_data.decimals, m_data.unit));
    p.drawText(QRect(lx, bar.bottom() - fm.height(), lw, fm.height() + 1),
               Qt::AlignLeft | Qt::AlignBottom, formatValue(m_min, m_data.decimals, m_data.unit));
    p.drawText(QRect(bar.left() - 4, bar.top() - fm.height() - 4, lw + kBarWidth, fm.height()),
               Qt::AlignLeft | Qt::AlignBottom, m_data.unit.isEmpty() ? tr("value") : m_data.unit);

    // What the marks mean, under the x title.
    if (hasGoal || m_data.best >= 0) {
        const int y = plot.bottom() + 12 + 2 * fm.height();
        int x = plot.left();
        const int sw = fm.height();
        if (hasGoal) {
            const QRect s1(x, y, sw, sw);
            p.fillRect(s1, viridis(0.35));
            p.setPen(QPen(QColor(0x21, 0x21, 0x21), 4));
            p.drawRect(s1);
            p.setPen(QPen(Qt::white, 2));
            p.drawRect(s1);
            p.setPen(text);
            const QString meetsText = tr("meets the goal");
            p.drawText(QRect(x + sw + 5, y, fm.horizontalAdvance(meetsText) + 4, sw),
                       Qt::AlignVCenter, meetsText);
            x += sw + 5 + fm.horizontalAdvance(meetsText) + 18;
            const QRect s2(x, y, sw, sw);
            p.fillRect(s2, viridis(0.35));
            p.fillRect(s2, QBrush(QColor(255, 255, 255, 110), Qt::BDiagPattern));
            const QString missText = tr("misses it");
            p.drawText(QRect(x + sw + 5, y, fm.horizontalAdvance(missText) + 4, sw),
                       Qt::AlignVCenter, missText);
            x += sw + 5 + fm.horizontalAdvance(missText) + 18;
        }
        if (m_data.best >= 0) {
            drawRing(QPointF(x + sw / 2.0, y + sw / 2.0), sw / 2.0 - 1);
            p.setRenderHint(QPainter::Antialiasing, false);
            p.setPen(text);
            const QString bestText = tr("best setting");
            p.drawText(QRect(x + sw + 5, y, fm.horizontalAdvance(bestText) + 4, sw),
                       Qt::AlignVCenter, bestText);
        }
    }
}

void HeatMap::mouseMoveEvent(QMouseEvent *event)
{
    const int i = cellAt(event->position().toPoint());
    if (i >= 0 && i < static_cast<int>(m_data.tooltips.size()))
        QToolTip::showText(event->globalPosition().toPoint(),
                           m_data.tooltips[static_cast<std::size_t>(i)], this, cellRect(i));
    else
        QToolTip::hideText();
}

void HeatMap::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const int i = cellAt(event->position().toPoint());
    if (i >= 0)
        emit cellClicked(i);
}

} // namespace reslab::ui
