#!/usr/bin/env bash
# Build the standalone Effect Desktop app for macOS: one command, from a checkout, on a Mac.
#
#   packaging/macos/build.sh [--venv] [--dist DIR]
#
# Same steps as packaging/build.sh on Linux: build tools, icons (.icns), PyInstaller on
# packaging/effect-desktop.spec, a disk image, the start-up time, and the built app's
# --self-test last. Result: DIR/Effect Desktop.app (bundle id org.effect.desktop) and
# DIR/EffectDesktop-<version>-macos-<arch>.dmg. The app is built for the Mac's own architecture
# (arm64 or x86_64). Signing and notarization are left to the maintainer: see README.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

use_venv=0
dist="$root/dist"
work="$root/build/pyinstaller"
while [ $# -gt 0 ]; do
    case "$1" in
        --venv) use_venv=1 ;;
        --dist) dist="$(mkdir -p "$2" && cd "$2" && pwd)"; shift ;;
        --work) work="$2"; shift ;;
        *) echo "build.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
step() { printf '\n== %s\n' "$*"; }

python="${PYTHON:-python3}"
if [ "$use_venv" -eq 1 ]; then
    step "build venv (build/venv)"
    "$python" -m venv "$root/build/venv"
    python="$root/build/venv/bin/python"
    "$python" -m pip install -q --upgrade pip
    "$python" -m pip install -q "$root[sync]" -r packaging/requirements-build.txt
fi
"$python" -c "import PyInstaller, PIL" 2>/dev/null || "$python" -m pip install -q -r packaging/requirements-build.txt
if ! "$python" -c "import effect_desktop, PySide6.QtCharts" 2>/dev/null; then
    echo "build.sh: $python cannot import effect_desktop and PySide6.QtCharts; run \`$python -m pip install -e .\` or use --venv" >&2
    exit 1
fi
version="$("$python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
arch="$(uname -m)"

step "icons (.icns)"
mkdir -p build/icons
"$python" packaging/make_icons.py --icns build/icons/effect-desktop.icns
export EFFECT_ICON="$root/build/icons/effect-desktop.icns"

step "PyInstaller -> $dist/Effect Desktop.app"
"$python" -m PyInstaller --noconfirm --log-level WARN --distpath "$dist" --workpath "$work" packaging/effect-desktop.spec
app="$dist/Effect Desktop.app"
binary="$app/Contents/MacOS/effect-desktop"
size_mb="$(du -sk "$app" | awk '{printf "%.1f", $1 / 1024}')"

step "disk image"
dmg="$dist/EffectDesktop-$version-macos-$arch.dmg"
rm -f "$dmg"
hdiutil create -quiet -volname "Effect Desktop" -srcfolder "$app" -ov -format UDZO "$dmg"
echo "$dmg"

step "start-up time (process start to main window painted, offscreen)"
times=()
for run in 1 2 3; do
    start=$("$python" -c 'import time; print(time.monotonic_ns())')
    QT_QPA_PLATFORM=offscreen "$binary" --startup-probe >/dev/null
    end=$("$python" -c 'import time; print(time.monotonic_ns())')
    times+=("$(( (end - start) / 1000000 ))")
done
echo "first run ${times[0]} ms, then ${times[1]} ms and ${times[2]} ms (includes ~30 ms of python3 -c)"

step "self-test of the built app"
QT_QPA_PLATFORM=offscreen "$binary" --self-test

printf '\nbuilt Effect Desktop %s: %s MB unpacked, start to window %s ms (first of 3 runs)\n' \
    "$version" "$size_mb" "${times[0]}"
