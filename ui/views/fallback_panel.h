#pragma once

#include <QWidget>

namespace reslab::ui {

class SimulationController;

/// Fallback hits (scaffold: replaced by the real view).
class FallbackPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit FallbackPanel(SimulationController *controller, QWidget *parent = nullptr);

private:
    SimulationController *m_controller;
};

} // namespace reslab::ui
