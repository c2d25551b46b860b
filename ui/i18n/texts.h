#pragma once

// Texts that come from outside ui/ but are shown by it, translated on the UI side: the engine's
// parameter schema (labels, units, tooltips) and the built-in scenarios' descriptions. The engine
// and the scenario files stay English; the tables are in texts.cpp.

#include <QString>
#include <QStringList>

#include <string>
#include <string_view>

namespace reslab::ui {

/// A string of the engine's parameter schema (ParamInfo::label, unit, tooltip, zeroText,
/// optionLabel, absentText) in the GUI's language; the English text when it has no translation.
QString schemaText(std::string_view english);

/// The preset's description in the GUI's language. `englishDescription` is the scenario's own
/// `description`; it is returned as it is when the table has no translation for exactly it.
QString presetDescription(const QString &presetName, const QString &englishDescription);

/// The presets the description table has an entry for (tests).
QStringList presetsWithTexts();

} // namespace reslab::ui
