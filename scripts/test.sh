#!/usr/bin/env bash
# Builds everything and runs every test: the full build with warnings as errors, then the engine
# and CLI suites again under AddressSanitizer + UndefinedBehaviorSanitizer.
#   scripts/test.sh            both passes
#   scripts/test.sh --quick    the first pass only
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
jobs="$(nproc)"

echo "== build and test (warnings are errors)"
cmake -S . -B build/ci -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRESLAB_WERROR=ON \
      -DRESLAB_BUILD_BENCH=OFF >/dev/null
cmake --build build/ci -j "$jobs"
ctest --test-dir build/ci --output-on-failure -j "$jobs" --timeout 300

[ "${1:-}" = "--quick" ] && exit 0

echo "== engine and CLI tests under ASan + UBSan"
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRESLAB_WERROR=ON \
      -DRESLAB_SANITIZE=ON -DRESLAB_BUILD_UI=OFF >/dev/null
cmake --build build/asan -j "$jobs"
# Graphviz (the `graph --format svg` command) and fontconfig keep process-wide caches that
# LeakSanitizer reports at exit: tests/lsan.supp suppresses those libraries, never ours.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" \
    ctest --test-dir build/asan --output-on-failure -j "$jobs" --timeout 600
