#pragma once

#include <QString>
#include <QWidget>

#include <vector>

class QChart;
class QChartView;
class QLineSeries;

namespace reslab::ui {

/// What a one-parameter sweep chart shows, in display units.
struct SweepLineData
{
    QString title;
    QString xTitle, yTitle; ///< with units
    bool logX = false;      ///< geometric spacing: a log axis
    std::vector<double> x;
    std::vector<double> mean;      ///< the line: mean across seeds
    std::vector<double> low, high; ///< the band: min and max across seeds
    bool showSpread = false;       ///< more than one seed
    QString spreadName;            ///< legend of the band ("min–max of 3 seeds")
    std::vector<bool> meets;       ///< per point; empty when there is no goal
    int best = -1;
    std::vector<QString> tooltips; ///< per point
    /// The y axis never goes beyond these (a percentage stays within 0 … 100).
    double yLowest = -1e300;
    double yHighest = 1e300;
};

/// The chart of a one-parameter sweep: the metric's mean across seeds against the parameter, the
/// min–max spread across seeds as a band, the points that meet the goal in green over a green
/// region, the best point starred. Hovering a point's column shows its values; clicking emits
/// pointClicked.
class SweepLineChart final : public QWidget
{
    Q_OBJECT

public:
    explicit SweepLineChart(QWidget *parent = nullptr);

    void setData(SweepLineData data);
    const SweepLineData &data() const { return m_data; }
    QChartView *view() const { return m_view; }
    QChart *chart() const;

    /// Where point `index` is drawn, in the view's viewport coordinates.
    QPoint positionOf(int index) const;
    /// The point whose column is nearest `viewportPos` (within half a column), or -1.
    int pointAt(QPoint viewportPos) const;

signals:
    void pointClicked(int index);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    SweepLineData m_data;
    QChartView *m_view;
    QLineSeries *m_meanSeries = nullptr;
};

} // namespace reslab::ui
