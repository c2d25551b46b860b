#pragma once

#include <string>

namespace reslab::ui {

/// Starts the GUI on `scenario` (a file path or preset:NAME); returns the exit code.
int runGui(int argc, char **argv, const std::string &scenario);

/// Renders the dashboard (or one chart) of `scenario` run to `atSeconds` (or its end) into
/// `outPath` (.png, .svg or .pdf) with no display. Returns a CLI exit code; messages on stderr.
int renderToFile(int argc, char **argv, const std::string &scenario, const std::string &outPath,
                 double atSeconds, const std::string &chart);

} // namespace reslab::ui
