#pragma once

#include <string>

namespace reslab::ui {

/// Starts the GUI on `scenario` (a file path or preset:NAME) in `language` ("en", "zh_CN"; empty:
/// the choice kept from View > Language, else the system's); returns the exit code.
int runGui(int argc, char **argv, const std::string &scenario, const std::string &language = {});

/// Renders the dashboard (or one chart) of `scenario` run to `atSeconds` (or its end) into
/// `outPath` (.png, .svg or .pdf) with no display, its texts in `language` (as for runGui).
/// Returns a CLI exit code; messages on stderr (in English).
int renderToFile(int argc, char **argv, const std::string &scenario, const std::string &outPath,
                 double atSeconds, const std::string &chart, const std::string &language = {});

/// The language a command line without a GUI application uses: `language` ("en", "zh_CN") when
/// given, else the GUI's kept choice, "system" resolved from the environment's locale.
std::string commandLanguage(const std::string &language);

/// The preset's description in `language` ("en", "zh_CN"), for `presets`; `englishDescription`
/// is the scenario's own.
std::string presetDescriptionIn(const std::string &language, const std::string &presetName,
                                const std::string &englishDescription);

} // namespace reslab::ui
