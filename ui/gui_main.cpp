#include "gui_main.h"

#include "main_window.h"

#include <QApplication>
#include <QMessageBox>

#include <cstdlib>
#include <iostream>

namespace reslab::ui {

int runGui(int argc, char **argv, const std::string &scenario)
{
    if (std::getenv("DISPLAY") == nullptr && std::getenv("WAYLAND_DISPLAY") == nullptr &&
        std::getenv("QT_QPA_PLATFORM") == nullptr) {
        std::cerr << "resilience-lab: no display (DISPLAY is not set). Run it in a desktop "
                     "session, or use the headless commands (resilience-lab run|render ...).\n";
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ResilienceLab");
    QApplication::setApplicationName("Resilience Lab");
    MainWindow window;
    if (!window.openScenario(QString::fromStdString(scenario))) {
        std::cerr << "resilience-lab: cannot open " << scenario << '\n';
        if (!window.openScenario("preset:seed-resilient-service"))
            return 2;
    }
    window.show();
    return app.exec();
}

} // namespace reslab::ui
