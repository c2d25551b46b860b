#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

#include <vector>

namespace reslab::ui {

/// What a heat map shows: a grid of values (already in display units) over two parameters.
struct HeatMapData
{
    QString title;              ///< above the map
    QString xTitle, yTitle;     ///< axis titles with units
    QStringList xTicks, yTicks; ///< one label per column / row
    int nx = 0, ny = 0;
    std::vector<double> values; ///< index = ix * ny + iy (first axis slowest, as sweeps order)
    std::vector<bool> meets;    ///< per cell; empty when there is no goal
    int best = -1;              ///< the best cell, or -1
    QString unit;               ///< of the values, for the colour scale ("%", "ms", "")
    int decimals = 1;
    std::vector<QString> tooltips; ///< per cell
};

/// A heat map of a two-parameter sweep: one cell per grid point coloured on the viridis scale,
/// tick labels and titles on both axes, a colour-scale legend with min and max, the cells that
/// meet the goal outlined as a region (the others hatched), the best cell ringed. Hovering shows
/// a cell's exact values; clicking emits cellClicked.
class HeatMap final : public QWidget
{
    Q_OBJECT

public:
    explicit HeatMap(QWidget *parent = nullptr);

    void setData(HeatMapData data);
    const HeatMapData &data() const { return m_data; }

    /// Where cell `index` is drawn (widget coordinates); empty if there is no such cell.
    QRect cellRect(int index) const;
    /// The cell under `pos`, or -1.
    int cellAt(QPoint pos) const;

    QSize sizeHint() const override { return {720, 520}; }
    QSize minimumSizeHint() const override { return {360, 260}; }

signals:
    void cellClicked(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    QRect plotRect() const;
    QRect legendRect() const;

    HeatMapData m_data;
    double m_min = 0, m_max = 0;
};

} // namespace reslab::ui
