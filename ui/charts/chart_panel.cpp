#include "chart_panel.h"

#include "simulation_controller.h"

#include <QLabel>
#include <QVBoxLayout>

namespace reslab::ui {

ChartPanel::ChartPanel(SimulationController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Charts"), this));
}

QStringList ChartPanel::chartNames() const { return {}; }

bool ChartPanel::exportImage(const QString &, const QString &, QString *error)
{
    if (error)
        *error = tr("not implemented yet");
    return false;
}

} // namespace reslab::ui
