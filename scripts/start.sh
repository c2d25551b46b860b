#!/usr/bin/env bash
# Builds Resilience Lab (installing what it needs) and starts it.
#   scripts/start.sh                    the GUI on the seed-resilient-service preset
#   scripts/start.sh run preset:NAME    any command of the CLI
# RESLAB_BUILD_UI=OFF builds the headless CLI only (no Qt needed).
set -euo pipefail
cd "$(dirname "$0")/.."

ui="${RESLAB_BUILD_UI:-ON}"
if [ "$ui" = OFF ]; then scripts/install-deps.sh --headless; else scripts/install-deps.sh; fi
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DRESLAB_BUILD_UI="$ui" \
      -DRESLAB_BUILD_TESTS=OFF >/dev/null
cmake --build build/release --target resilience-lab
if [ "$#" -eq 0 ] && { [ "$ui" = OFF ] || { [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; }; }; then
    echo "(no display or no GUI: running the default preset headless)" >&2
    set -- run preset:seed-resilient-service
fi
exec build/release/app/resilience-lab "$@"
