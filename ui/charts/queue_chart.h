#pragma once

#include "time_chart.h"

#include <optional>

namespace reslab::ui {

/// The target service: its queue length at the end of each bucket (left axis) and its mean
/// utilisation over the bucket (right axis, 0–1).
class QueueChart final : public TimeChart
{
    Q_OBJECT

public:
    explicit QueueChart(SimulationController *controller, QWidget *parent = nullptr);

    QValueAxis *utilizationAxis() const { return m_utilAxis; }

protected:
    void retranslate() override;
    double rebuild(const BucketWindow &window) override;
    QString describeRow(const BucketRow &row, double bucketS) const override;
    void clearSeries() override;
    std::vector<OverlayLine> overlayLines() const override;

private:
    QValueAxis *m_utilAxis;
    QLineSeries *m_queue;
    QLineSeries *m_utilization;
    std::optional<QString> m_target; ///< the target service's name, once a run was drawn
    bool m_unlimited = false;        ///< the target has no concurrency limit
};

} // namespace reslab::ui
