// The retry card's delay preview ("Delays before retries: 100, 200, 400 ms"): the engine's
// backoff (reslab::baseDelayMs) on the stage as the engine reads it, not a formula of the UI's.
#include "editor/editor_widgets.h"
#include "editor/scenario_editor.h"
#include "scenario_document.h"

#include <QApplication>
#include <QLabel>

#include <gtest/gtest.h>

namespace reslab::ui {
namespace {

using nlohmann::json;

/// seed-resilient-service: pipeline[4] is an exponential retry, base 100 ms, cap 5 s,
/// proportional jitter.
struct DelaysFixture
{
    ScenarioDocument document;
    ScenarioEditor editor{&document};

    DelaysFixture()
    {
        QString error;
        EXPECT_TRUE(document.open("preset:seed-resilient-service", &error)) << error.toStdString();
        QApplication::processEvents();
    }
    /// The note under the retry card, "" while hidden.
    QString delays()
    {
        QApplication::processEvents();
        auto *note = editor.findChild<ComputedNote *>("pipeline[4]:delays");
        EXPECT_NE(note, nullptr);
        if (!note || note->isHidden())
            return {};
        return note->label()->text();
    }
    void set(const std::string &path, const json &value) { document.setValue(path, value); }
};

TEST(RetryDelays, ThePresetsExponentialBackoff)
{
    DelaysFixture f;
    EXPECT_EQ(f.delays(), "Delays before retries: 100, 200, 400 ms (before proportional jitter)");
}

TEST(RetryDelays, MultiplierCapAndTheFirstSixRetries)
{
    DelaysFixture f;
    f.set("pipeline[4].max_retries", 8);
    f.set("pipeline[4].multiplier", 3);
    EXPECT_EQ(f.delays(), "Delays before retries: 100, 300, 900, 2700, 5000, 5000, … ms"
                          " (before proportional jitter)");
    f.set("pipeline[4].max_delay_ms", nullptr); // no cap
    EXPECT_EQ(f.delays(), "Delays before retries: 100, 300, 900, 2700, 8100, 24300, … ms"
                          " (before proportional jitter)");
}

TEST(RetryDelays, LinearAndFixedBackoffWithoutJitter)
{
    DelaysFixture f;
    f.set("pipeline[4].jitter", "none");
    f.set("pipeline[4].backoff", "linear");
    f.set("pipeline[4].base_ms", 50);
    EXPECT_EQ(f.delays(), "Delays before retries: 50, 100, 150 ms");
    f.set("pipeline[4].backoff", "fixed");
    f.set("pipeline[4].base_ms", 2.5);
    EXPECT_EQ(f.delays(), "Delays before retries: 2.5, 2.5, 2.5 ms");
}

TEST(RetryDelays, NoRetries)
{
    DelaysFixture f;
    f.set("pipeline[4].max_retries", 0);
    EXPECT_EQ(f.delays(), "No retries: every call gets a single attempt.");
}

TEST(RetryDelays, AProblemElsewhereInTheDocumentDoesNotHideThem)
{
    DelaysFixture f;
    f.set("services.backend.failure_rate", 5); // out of range
    ASSERT_FALSE(f.document.errors().empty());
    EXPECT_EQ(f.delays(), "Delays before retries: 100, 200, 400 ms (before proportional jitter)");
}

} // namespace
} // namespace reslab::ui
