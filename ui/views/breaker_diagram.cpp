#include "breaker_diagram.h"

#include "simulation_controller.h"

#include <QLabel>
#include <QVBoxLayout>

namespace reslab::ui {

BreakerDiagram::BreakerDiagram(SimulationController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Breaker state diagram"), this));
}

} // namespace reslab::ui
