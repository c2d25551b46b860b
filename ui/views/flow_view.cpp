#include "flow_view.h"

#include "simulation_controller.h"

#include <QLabel>
#include <QVBoxLayout>

namespace reslab::ui {

FlowView::FlowView(SimulationController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Request flow"), this));
}

} // namespace reslab::ui
