#include "main_window.h"
#include "scenario_document.h"
#include "simulation_controller.h"

#include <gtest/gtest.h>

namespace reslab::ui {
namespace {

TEST(MainWindow, BuildsAndOpensTheDefaultPreset)
{
    MainWindow window;
    ASSERT_TRUE(window.openScenario("preset:seed-resilient-service"));
    ASSERT_NE(window.controller()->simulation(), nullptr);
    EXPECT_EQ(window.controller()->simulation()->scenario().name, "Seed ResilientService");
    EXPECT_FALSE(window.document()->isModified());
    EXPECT_TRUE(window.windowTitle().contains("preset:seed-resilient-service"))
        << window.windowTitle().toStdString();
}

} // namespace
} // namespace reslab::ui
