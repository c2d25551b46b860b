#pragma once

#include <QStringList>
#include <QWidget>

namespace reslab::ui {

class SimulationController;

/// The dashboard's charts (scaffold: replaced by the real QtCharts panel).
class ChartPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit ChartPanel(SimulationController *controller, QWidget *parent = nullptr);

    /// Names accepted by exportImage() and `render --chart`.
    QStringList chartNames() const;
    /// Writes one chart (or all of them, with an empty name) to .png, .svg or .pdf.
    bool exportImage(const QString &path, const QString &chart, QString *error);

private:
    SimulationController *m_controller;
};

} // namespace reslab::ui
