#include "retry_timeline.h"

#include "simulation_controller.h"

#include <QLabel>
#include <QVBoxLayout>

namespace reslab::ui {

RetryTimeline::RetryTimeline(SimulationController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Retry timeline"), this));
}

} // namespace reslab::ui
