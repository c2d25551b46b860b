#include "fallback_panel.h"

#include "simulation_controller.h"

#include <QLabel>
#include <QVBoxLayout>

namespace reslab::ui {

FallbackPanel::FallbackPanel(SimulationController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Fallback hits"), this));
}

} // namespace reslab::ui
