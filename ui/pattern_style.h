#pragma once

// One description per stage type of how the GUI shows it: its title, the short title of a flow
// card, its colour and its key parameter. The editor, the flow view, the legends and the exports
// all draw a stage type through this table, so a colour means the same thing everywhere. The
// keys are the engine's stage types (reslab/stages/stage_pattern.h); a type added to the engine
// adds one row here.

#include "reslab/model/scenario.h"

#include <QColor>
#include <QString>

#include <string_view>

namespace reslab::ui {

struct PatternStyle
{
    std::string_view key;   ///< the engine's `type`: "circuit_breaker"
    const char *title;      ///< "Circuit breaker" (translated at use, context "PatternStyle")
    const char *shortTitle; ///< "Breaker": flow cards, legends
    QColor colour;
    /// The card's one key parameter ("5 fails", "3× exp 100 ms"); `compact` for narrow cards.
    QString (*keyParameter)(const StageSpec &stage, bool compact);
};

/// Every stage type's style, in the engine's order.
const std::vector<PatternStyle> &patternStyles();
/// The style of a stage type; a grey "Unknown stage" for a key the table does not know.
const PatternStyle &patternStyle(std::string_view key);
QString patternTitle(std::string_view key);
QString patternShortTitle(std::string_view key);
QColor patternColour(std::string_view key);
/// The key parameter of a stage, as its type's style writes it.
QString patternKeyParameter(const StageSpec &stage, bool compact);

} // namespace reslab::ui
