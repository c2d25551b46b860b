#pragma once

#include "time_chart.h"

class QGraphicsSimpleTextItem;

namespace reslab::ui {

/// The circuit breaker's state over time as a band: for each bucket, the share of it the breaker
/// spent closed (green), open (red) and half-open (amber), stacked to 1 — the engine's
/// BucketRow::breakerTime fractions. Says so when the scenario has no breaker.
class BreakerChart final : public TimeChart
{
    Q_OBJECT

public:
    explicit BreakerChart(SimulationController *controller, QWidget *parent = nullptr);

    /// False when the run has no breaker (the band is hidden and the chart says so).
    bool hasBreaker() const { return m_hasBreaker; }

protected:
    void retranslate() override;
    double rebuild(const BucketWindow &window) override;
    QString describeRow(const BucketRow &row, double bucketS) const override;
    void clearSeries() override;
    std::vector<OverlayLine> overlayLines() const override;

private:
    void setHasBreaker(bool has);
    void placeNote();

    QLineSeries *m_closedTop;
    QLineSeries *m_openBottom;
    QLineSeries *m_openTop;
    QLineSeries *m_halfOpenBottom;
    QLineSeries *m_halfOpenTop;
    QList<QAreaSeries *> m_areas;
    QGraphicsSimpleTextItem *m_note;
    bool m_hasBreaker = true;
};

} // namespace reslab::ui
