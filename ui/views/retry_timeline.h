#pragma once

#include <QWidget>

namespace reslab::ui {

class SimulationController;

/// Retry timeline (scaffold: replaced by the real view).
class RetryTimeline final : public QWidget
{
    Q_OBJECT

public:
    explicit RetryTimeline(SimulationController *controller, QWidget *parent = nullptr);

private:
    SimulationController *m_controller;
};

} // namespace reslab::ui
