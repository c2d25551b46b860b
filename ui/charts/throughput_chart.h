#pragma once

#include "time_chart.h"

namespace reslab::ui {

/// Requests ending per second, stacked by outcome: success, fallback, failure.
class ThroughputChart final : public TimeChart
{
    Q_OBJECT

public:
    explicit ThroughputChart(SimulationController *controller, QWidget *parent = nullptr);

protected:
    void retranslate() override;
    double rebuild(const BucketWindow &window) override;
    QString describeRow(const BucketRow &row, double bucketS) const override;
    void clearSeries() override;
    std::vector<OverlayLine> overlayLines() const override;

private:
    // Each area is bounded by its own upper and lower lines (areas never share a line series).
    QLineSeries *m_successTop;
    QLineSeries *m_fallbackBottom;
    QLineSeries *m_fallbackTop;
    QLineSeries *m_failureBottom;
    QLineSeries *m_failureTop;
};

} // namespace reslab::ui
