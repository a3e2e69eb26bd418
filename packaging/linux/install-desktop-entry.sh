#!/usr/bin/env bash
# Put Effect Desktop in the desktop's application menu (for the current user, no root needed).
#
# Run it from the unpacked folder: ./install-desktop-entry.sh
# It installs the icon in the user's hicolor theme and a .desktop entry whose Exec points at
# this folder's `effect-desktop`. `./install-desktop-entry.sh --remove` takes both away again.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
entry="$data/applications/effect-desktop.desktop"
icons="$data/icons/hicolor"
sizes=(16 24 32 48 64 128 256 512)

if [ "${1:-}" = "--remove" ]; then
    rm -f "$entry"
    for size in "${sizes[@]}"; do rm -f "$icons/${size}x${size}/apps/effect-desktop.png"; done
    rm -f "$icons/scalable/apps/effect-desktop.svg"
    echo "Effect Desktop removed from the application menu (the app folder and your data are untouched)."
    exit 0
fi

resources="$here/_internal/resources/icons"
if [ ! -x "$here/effect-desktop" ] || [ ! -d "$resources" ]; then
    echo "install-desktop-entry: run me from the unpacked EffectDesktop folder (effect-desktop not found beside me)" >&2
    exit 1
fi
for size in "${sizes[@]}"; do
    install -D -m 644 "$resources/effect-desktop-$size.png" "$icons/${size}x${size}/apps/effect-desktop.png"
done
install -D -m 644 "$resources/effect-desktop.svg" "$icons/scalable/apps/effect-desktop.svg"
mkdir -p "$(dirname "$entry")"
sed -e "s|^Exec=.*|Exec=\"$here/effect-desktop\"|" -e "s|^TryExec=.*|TryExec=$here/effect-desktop|" \
    "$here/effect-desktop.desktop" > "$entry"
chmod 644 "$entry"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$icons" || true
echo "Effect Desktop is in your application menu ($entry)."
