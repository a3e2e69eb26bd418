#!/usr/bin/env bash
# Build the standalone Effect Desktop app for Linux: one command, from a checkout.
#
#   packaging/build.sh [--venv] [--dist DIR] [--work DIR] [--no-tarball]
#
# 1. makes sure PyInstaller (and Pillow) are importable: in the current Python by default, or in a
#    fresh build venv (build/venv) with --venv, where the project is installed too;
# 2. runs PyInstaller on packaging/effect-desktop.spec (one-folder build, stripped);
# 3. adds the .desktop entry and its installer to the folder and packs
#    DIR/EffectDesktop-<version>-linux-x86_64.tar.gz;
# 4. prints the unpacked size and the time from start to the main window being painted, cold
#    and warm (packaging/measure_startup.py);
# 5. last: unpacks the tarball into a temporary folder and runs the app's `--self-test` there,
#    with an empty environment (no Python paths), and fails the build if it fails.
# Windows: packaging/windows/build.ps1. macOS: packaging/macos/build.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

use_venv=0
dist="$root/dist"
work="$root/build/pyinstaller"
tarball=1
while [ $# -gt 0 ]; do
    case "$1" in
        --venv) use_venv=1 ;;
        --dist) dist="$(mkdir -p "$2" && cd "$2" && pwd)"; shift ;;
        --work) work="$2"; shift ;;
        --no-tarball) tarball=0 ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "build.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
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
if ! "$python" -c "import PyInstaller, PIL" 2>/dev/null; then
    step "installing the build tools (packaging/requirements-build.txt)"
    "$python" -m pip install -q -r packaging/requirements-build.txt
fi
if ! "$python" -c "import effect_desktop, PySide6.QtCharts" 2>/dev/null; then
    echo "build.sh: $python cannot import effect_desktop and PySide6.QtCharts;" \
         "run \`$python -m pip install -e .\` first, or use --venv" >&2
    exit 1
fi
version="$("$python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
arch="$(uname -m)"

qt_plugins="$("$python" -c 'from PySide6.QtCore import QLibraryInfo as L; print(L.path(L.LibraryPath.PluginsPath))')"
missing_libs="$(ldd "$qt_plugins/platforms/libqxcb.so" 2>/dev/null | awk '/not found/ {print $1}' | tr '\n' ' ')"
if [ -n "$missing_libs" ]; then
    echo "build.sh: warning: this machine lacks $missing_libs(needed by Qt's X11 plugin);" \
         "they will not be bundled. On Debian/Ubuntu: apt-get install libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0" >&2
fi

step "icons"
if [ ! -f resources/icons/effect-desktop-512.png ] || [ resources/icons/effect-desktop.svg -nt resources/icons/effect-desktop-512.png ]; then
    "$python" packaging/make_icons.py  # the committed PNG sizes are missing or older than the SVG
else
    echo "resources/icons: PNG sizes up to date"
fi

step "PyInstaller $("$python" -m PyInstaller --version) -> $dist/EffectDesktop"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
"$python" -m PyInstaller --noconfirm --log-level WARN --distpath "$dist" --workpath "$work" \
    packaging/effect-desktop.spec
app="$dist/EffectDesktop"
install -m 644 packaging/linux/effect-desktop.desktop "$app/effect-desktop.desktop"
install -m 755 packaging/linux/install-desktop-entry.sh "$app/install-desktop-entry.sh"
install -m 644 packaging/linux/README.txt "$app/README.txt"

size_mb="$(du -sb "$app" | awk '{printf "%.1f", $1 / 1048576}')"
archive="$dist/EffectDesktop-$version-linux-$arch.tar.gz"
if [ "$tarball" -eq 1 ]; then
    step "tarball"
    tar -C "$dist" -czf "$archive" EffectDesktop
    echo "$archive ($(du -b "$archive" | awk '{printf "%.1f MB", $1 / 1048576}'))"
fi

step "start-up time (process start to main window painted, offscreen, fresh profile)"
# Cold: the bundle's files evicted from the page cache first; then warm runs. The CPU time is
# what an idle machine's wall time would be when this one is shared with other work.
startup="$(QT_QPA_PLATFORM="$QT_QPA_PLATFORM" "$python" packaging/measure_startup.py "$app/effect-desktop" --runs 3)"
echo "$startup"
startup_summary="$(tail -n 1 <<<"$startup")"

step "self-test of the built app"
check_dir="$(mktemp -d)"
trap 'rm -rf "$check_dir"' EXIT
if [ "$tarball" -eq 1 ]; then
    tar -C "$check_dir" -xzf "$archive"
    tested="$check_dir/EffectDesktop"
else
    tested="$app"
fi
env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$check_dir" QT_QPA_PLATFORM="$QT_QPA_PLATFORM" \
    "$tested/effect-desktop" --self-test

printf '\nbuilt Effect Desktop %s: %s MB unpacked; %s\n' "$version" "$size_mb" "$startup_summary"
