#pragma once

#include "time_chart.h"

namespace reslab::ui {

/// Latency percentiles (p50, p99) of the requests that ended in each bucket, in ms.
class LatencyChart final : public TimeChart
{
    Q_OBJECT

public:
    explicit LatencyChart(SimulationController *controller, QWidget *parent = nullptr);

protected:
    void retranslate() override;
    double rebuild(const BucketWindow &window) override;
    QString describeRow(const BucketRow &row, double bucketS) const override;
    void clearSeries() override;
    std::vector<OverlayLine> overlayLines() const override;

private:
    QLineSeries *m_p50;
    QLineSeries *m_p99;
};

} // namespace reslab::ui
