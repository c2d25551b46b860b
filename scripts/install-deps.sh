#!/usr/bin/env bash
# Installs the Debian 12 packages Resilience Lab needs, when they are missing.
#   scripts/install-deps.sh [--headless]   (--headless: no Qt; engine, CLI and engine tests only)
set -euo pipefail

headless=0
[ "${1:-}" = "--headless" ] && headless=1

pkgs=(cmake ninja-build g++ pkg-config libgtest-dev libgmock-dev libbenchmark-dev nlohmann-json3-dev
      libgraphviz-dev)
if [ "$headless" = 0 ]; then
    # qt6-tools-dev: CMake's Qt6LinguistTools; qt6-l10n-tools: lupdate and lrelease (the
    # translations are compiled at build time); qt6-translations-l10n: Qt's own texts in Chinese
    # (dialog buttons); fonts-noto-cjk: Chinese glyphs (Noto Sans CJK SC) for the GUI and renders.
    pkgs+=(qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools
           qt6-translations-l10n libqt6opengl6-dev libgl-dev qt6-qpa-plugins libqt6svg6
           fonts-dejavu-core fonts-noto-cjk)
fi

missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

echo "Installing: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
