"""Find the shipped `resources/` folder wherever the app runs from.

The same code runs from a source checkout, from an installed wheel and from a
PyInstaller bundle, and each keeps `resources/` somewhere else: beside the
package in a checkout, inside the unpacked bundle (`sys._MEIPASS`) when
frozen, and under the environment's `share/` when installed. Every caller
asks here instead of guessing relative to its own `__file__`, so a packaged
app finds its icon, translations and starter deck. No Qt here: the CLI and
the self-test use it too.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_OVERRIDE = "EFFECT_RESOURCES_DIR"
_MARKER = "starter_deck"  # a folder every real resources/ has


class ResourcesNotFound(Exception):
    """No `resources/` folder was found; the message lists where we looked."""


def resource_candidates() -> list[Path]:
    """Where `resources/` may be, most specific first."""
    env = os.environ.get(ENV_OVERRIDE)
    if env:  # an explicit choice is the only candidate: a wrong one is reported, not silently bypassed
        return [Path(env).expanduser()]
    candidates: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # PyInstaller: the spec copies resources/ to the bundle's top
        candidates.append(Path(bundle) / "resources")
    package = Path(__file__).resolve().parent
    candidates.append(package / "resources")  # a wheel that ships them inside the package
    candidates.append(package.parent / "resources")  # a source checkout
    candidates.append(Path(sys.prefix) / "share" / "effect-desktop" / "resources")  # wheel data files
    return candidates


def resources_root() -> Path:
    """The first candidate that looks like our `resources/` folder."""
    candidates = resource_candidates()
    for candidate in candidates:
        if (candidate / _MARKER).is_dir():
            return candidate
    looked = ", ".join(str(c) for c in candidates)
    raise ResourcesNotFound(
        f"Effect Desktop's resources folder was not found (looked in: {looked}). "
        f"Reinstall the app, or set {ENV_OVERRIDE} to the folder that holds icons/ and starter_deck/.")


def resource_path(*parts: str) -> Path:
    """`resource_path("icons", "effect-desktop.svg")`: a path inside `resources/` (may not exist)."""
    return resources_root().joinpath(*parts)
