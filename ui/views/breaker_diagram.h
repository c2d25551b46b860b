#pragma once

#include <QWidget>

namespace reslab::ui {

class SimulationController;

/// Breaker state diagram (scaffold: replaced by the real view).
class BreakerDiagram final : public QWidget
{
    Q_OBJECT

public:
    explicit BreakerDiagram(SimulationController *controller, QWidget *parent = nullptr);

private:
    SimulationController *m_controller;
};

} // namespace reslab::ui
