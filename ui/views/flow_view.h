#pragma once

#include <QWidget>

namespace reslab::ui {

class SimulationController;

/// Request flow (scaffold: replaced by the real view).
class FlowView final : public QWidget
{
    Q_OBJECT

public:
    explicit FlowView(SimulationController *controller, QWidget *parent = nullptr);

private:
    SimulationController *m_controller;
};

} // namespace reslab::ui
