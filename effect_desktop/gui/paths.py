"""Where the GUI finds its shipped files and keeps its per-profile files.

Everything the GUI writes beside a profile (window geometry, the instance lock,
the log) lives in the profile's folder, so two profiles — and every test's
temporary profile — stay independent of each other and of the user's global
settings.
"""

from __future__ import annotations

from pathlib import Path

from ..bootstrap import LOG_FILE_NAME
from ..resources_path import ResourcesNotFound, resources_root

_REPO_RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def resources_dir() -> Path:
    """The shipped `resources/` folder (checkout, wheel or frozen bundle)."""
    try:
        return resources_root()
    except ResourcesNotFound:
        return _REPO_RESOURCES  # missing files then surface as readable errors where used


def starter_deck_path() -> Path:
    return resources_dir() / "starter_deck" / "starter_deck_en_ja.csv"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def icon_path(name: str = "effect-desktop.svg") -> Path:
    return resources_dir() / "icons" / name


def profile_stem(profile_file: Path) -> str:
    """`default` for `default.effect.sqlite3`: the name used for files beside it."""
    name = profile_file.name
    return name.split(".", 1)[0] if "." in name else name


def gui_settings_path(profile_file: Path) -> Path:
    return profile_file.parent / f"{profile_stem(profile_file)}.gui.ini"


def lock_path(profile_file: Path) -> Path:
    return profile_file.parent / f"{profile_stem(profile_file)}.lock"


def log_path(profile_file: Path) -> Path:
    return profile_file.parent / LOG_FILE_NAME
