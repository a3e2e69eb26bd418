"""Render the app icon's PNG sizes from its SVG, and the .ico / .icns the installers want.

One source of truth (resources/icons/effect-desktop.svg); every raster size
is drawn from it with QtSvg, so a changed icon needs one command:

    python packaging/make_icons.py            # PNGs into resources/icons/ (committed)
    python packaging/make_icons.py --ico OUT.ico --icns OUT.icns   # build time only

Writing .ico and .icns needs Pillow (in packaging/requirements-build.txt,
never a runtime dependency). Without Pillow the PNGs are still written and
the missing formats are reported.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "effect-desktop.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def png_name(size: int) -> str:
    return f"effect-desktop-{size}.png"


def render_pngs(svg: Path, out_dir: Path, sizes: tuple[int, ...]) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out_dir / png_name(size)
        if not image.save(str(path)):
            raise SystemExit(f"make_icons: could not write {path}")
        written.append(path)
    return written


def write_ico(pngs: dict[int, Path], out: Path) -> None:
    from PIL import Image

    largest = Image.open(pngs[max(pngs)])
    largest.save(out, format="ICO", sizes=[(s, s) for s in ICO_SIZES])


def write_icns(pngs: dict[int, Path], out: Path) -> None:
    from PIL import Image

    largest = Image.open(pngs[max(pngs)])
    largest.save(out, format="ICNS", append_images=[Image.open(pngs[s]) for s in sorted(pngs)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SVG)
    parser.add_argument("--png-dir", type=Path, help="where the PNG sizes go (default: beside the SVG, "
                                                       "unless only --ico/--icns are asked for)")
    parser.add_argument("--ico", type=Path, help="write a Windows .ico here")
    parser.add_argument("--icns", type=Path, help="write a macOS .icns here")
    args = parser.parse_args(argv)
    png_dir = args.png_dir or (None if (args.ico or args.icns) else args.svg.parent)
    if png_dir is not None:
        written = render_pngs(args.svg, png_dir, PNG_SIZES)
        print(f"make_icons: {len(written)} PNGs in {png_dir}")
    if not (args.ico or args.icns):
        return 0
    try:
        import PIL  # noqa: F401
    except ImportError:
        print("make_icons: Pillow is not installed; .ico/.icns not written "
              "(pip install -r packaging/requirements-build.txt)", file=sys.stderr)
        return 1
    sizes = tuple(sorted(set(ICO_SIZES) | set(ICNS_SIZES)))
    scratch = (args.ico or args.icns).parent / "icon-sizes"
    pngs = dict(zip(sizes, render_pngs(args.svg, scratch, sizes), strict=True))
    if args.ico:
        write_ico({s: pngs[s] for s in ICO_SIZES}, args.ico)
        print(f"make_icons: wrote {args.ico}")
    if args.icns:
        write_icns({s: pngs[s] for s in ICNS_SIZES}, args.icns)
        print(f"make_icons: wrote {args.icns}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
