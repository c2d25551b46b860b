#pragma once

#include "time_chart.h"

#include <optional>

namespace reslab::ui {

/// Load amplification: arrivals, attempts at the target service, retries and rejections per
/// second. The gap between attempts and arrivals is the amplification; the title gives the
/// engine's whole-run figure (Summary::amplification).
class AttemptsChart final : public TimeChart
{
    Q_OBJECT

public:
    explicit AttemptsChart(SimulationController *controller, QWidget *parent = nullptr);

protected:
    void retranslate() override;
    double rebuild(const BucketWindow &window) override;
    QString describeRow(const BucketRow &row, double bucketS) const override;
    void clearSeries() override;
    std::vector<OverlayLine> overlayLines() const override;

private:
    void updateTitle();

    QLineSeries *m_arrivals;
    QLineSeries *m_attempts;
    QLineSeries *m_retries;
    QLineSeries *m_rejected;
    std::optional<double> m_amplification;  ///< the title's, once requests arrived
    std::optional<double> m_amplificationB; ///< run B's in the overlay
};

} // namespace reslab::ui
