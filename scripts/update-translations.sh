#!/usr/bin/env bash
# Updates the translation sources from the code (docs/languages.md): every tr() string of ui/
# and app/ into translations/resilience-lab_zh_CN.ts (new strings come in unfinished, strings
# gone from the code leave), and the English plural forms into translations/resilience-lab_en.ts.
# Then translate the unfinished entries (Qt Linguist: linguist translations/*.ts, or an editor).
#   scripts/update-translations.sh
set -euo pipefail
cd "$(dirname "$0")/.."

lupdate="${LUPDATE:-/usr/lib/qt6/bin/lupdate}"
[ -x "$lupdate" ] || lupdate="$(command -v lupdate)"
opts=(-no-obsolete -locations none -extensions cpp,h)
"$lupdate" "${opts[@]}" ui app -ts translations/resilience-lab_zh_CN.ts
"$lupdate" "${opts[@]}" -pluralonly ui app -ts translations/resilience-lab_en.ts
