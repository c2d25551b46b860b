// GoogleTest main for the GUI suites: one QApplication on the offscreen platform.
#include <QApplication>
#include <QStandardPaths>

#include <gtest/gtest.h>

#include <cstdlib>

int main(int argc, char **argv)
{
    // gtest_discover_tests runs this binary at build time without the test environment.
    if (std::getenv("QT_QPA_PLATFORM") == nullptr)
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    QStandardPaths::setTestModeEnabled(true); // QSettings go to a throw-away place
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ResilienceLabTests");
    QApplication::setApplicationName("Resilience Lab Tests");
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
