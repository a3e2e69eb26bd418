#!/usr/bin/env bash
# Install the Debian/Ubuntu packages that Effect Desktop's Qt GUI needs.
#
# PySide6's wheels bundle Qt itself (and ICU), but their libraries link against
# these system libraries (found with ldd/readelf on PySide6/Qt/lib/libQt6{Core,Gui,
# Widgets,Charts,OpenGL,DBus}.so.6, plugins/platforms/libqoffscreen.so and the
# Qt*.abi3.so modules, then `dpkg -S` on each resolved path). The packages below are
# the direct dependencies; apt pulls in the rest (libglvnd0, libglx0, mesa, libxcb1,
# xkb-data, fontconfig-config, fonts-dejavu-core, ...). fonts-noto-cjk makes Japanese
# text render instead of empty boxes, and the Noto core and emoji fonts the other scripts. libc6, libstdc++6, libgcc-s1, zlib1g and
# libzstd1 are also linked but are part of every Debian/Ubuntu base system.
#
# Run it once (as root, or with sudo available). It installs only what is missing,
# so a second run takes well under a second.
set -euo pipefail

packages=(
    libgl1          # libGL.so.1       QtGui, QtWidgets, QtCharts, offscreen plugin
    libegl1         # libEGL.so.1      QtGui
    libx11-6        # libX11.so.6      QtGui, offscreen plugin
    libxkbcommon0   # libxkbcommon.so.0 QtGui, QtWidgets, offscreen plugin
    libfontconfig1  # libfontconfig.so.1 QtGui (font discovery)
    libfreetype6    # libfreetype.so.6 QtGui (glyph rendering)
    libglib2.0-0    # libglib-2.0.so.0, libgthread-2.0.so.0  QtCore event loop
    libdbus-1-3     # libdbus-1.so.3   QtDBus, loaded by QtGui at run time
    fontconfig      # fc-cache/fc-list: font caches are built at install time
    fonts-noto-cjk  # Japanese (and Chinese/Korean) glyphs
    fonts-noto-core # Thai, Devanagari, Arabic, Hebrew, ... (a learner's other languages: boxes without)
    fonts-noto-color-emoji  # emoji in words and meanings
    # The window on a real display (X11 or XWayland: the xcb platform plugin, plugins/platforms/
    # libqxcb.so and lib/libQt6XcbQpa.so.6). Without them Qt aborts with "Could not load the Qt
    # platform plugin "xcb"" on a minimal system that has a display (a bare X session, ssh -X, Xvfb).
    libxcb1 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
    libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1
    libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0
)

missing=()
for pkg in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$pkg")
    fi
done

if [ "${#missing[@]}" -eq 0 ]; then
    echo "install-system-deps: all ${#packages[@]} system packages present"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-system-deps: no apt-get; install the equivalents of: ${missing[*]}" >&2
    exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "install-system-deps: run as root to install: ${missing[*]}" >&2
        exit 1
    fi
    sudo=(sudo)
fi

echo "install-system-deps: installing ${missing[*]}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
apt_opts=(-q -y -o DPkg::Lock::Timeout=300 --no-install-recommends)
if ! { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300 update \
        && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install "${apt_opts[@]}" "${missing[@]}"
      } >"$log" 2>&1; then
    cat "$log" >&2
    echo "install-system-deps: apt-get failed" >&2
    exit 1
fi
echo "install-system-deps: done"
