#include "gui_main.h"

#include "i18n/language.h"
#include "main_window.h"

#include <QApplication>
#include <QMessageBox>

#include <cstdlib>
#include <iostream>

namespace reslab::ui {

int runGui(int argc, char **argv, const std::string &scenario, const std::string &language)
{
    if (std::getenv("DISPLAY") == nullptr && std::getenv("WAYLAND_DISPLAY") == nullptr &&
        std::getenv("QT_QPA_PLATFORM") == nullptr) {
        std::cerr << "resilience-lab: no display (DISPLAY is not set). Run it in a desktop "
                     "session, or use the headless commands (resilience-lab run|render ...).\n";
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(kSettingsOrganization);
    QApplication::setApplicationName(kSettingsApplication);
    // --lang for this session only; else what View > Language keeps (the system's by default).
    Language::instance().apply(language.empty() ? Language::savedChoice()
                                                : QString::fromStdString(language));
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
