#pragma once

namespace reslab::cli {
/// Runs the command line (headless sub-commands, or the GUI); returns the exit code.
int run(int argc, char **argv);
} // namespace reslab::cli
