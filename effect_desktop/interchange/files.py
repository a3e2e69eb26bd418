"""Writing an export so that a failure (a full disk, a cancel) never leaves half a file behind,
and so that an export never lands on something that is not an export's to replace."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..os_reasons import reason_in_words, what_to_do
from ..persistence.file_probe import COMPANIONS, is_profile_file, is_sqlite_file
from .errors import ExportNotWritten, InterchangeError


@contextmanager
def replacing(path: Path, mode: str = "wb", **options: Any) -> Iterator[IO[Any]]:
    """Write to `path.partial`, then rename over `path` only if the block finished.

    A symbolic link is followed (its target gets the export, the link stays); a pipe or a device is
    written in place, as a shell redirection would; a database (a profile, a backup, another
    program's SQLite file, or one of their journals) is never replaced: it was once, when a profile's
    own file was given as the export's name, and the whole history was gone."""
    target = Path(os.path.realpath(path))
    kind = _existing_kind(target)
    if kind == "directory":
        raise InterchangeError(f"{path} is a folder; give a file name for the export.")
    if kind == "special":
        try:
            with open(target, mode.replace("w", "a") if "w" in mode else mode, **options) as out:
                yield out
        except OSError as error:
            raise _not_written(path, error) from None
        return
    _refuse_a_database(path, target)
    partial = target.with_name(target.name + ".partial")
    try:
        with open(partial, mode, **options) as out:
            yield out
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise _not_written(path, error) from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _not_written(path: Path, error: OSError) -> ExportNotWritten:
    """Why, in words, and what to do: "No space left on device." was all a full disk got."""
    reason = reason_in_words(error)
    return ExportNotWritten(f"{path} could not be written ({reason}). {what_to_do(reason, another_folder=True)}")


def _existing_kind(target: Path) -> str | None:
    try:
        mode = target.stat().st_mode
    except OSError:
        return None  # nothing there yet (or unreachable: the write says why)
    if stat.S_ISDIR(mode):
        return "directory"
    return "file" if stat.S_ISREG(mode) else "special"


def _refuse_a_database(path: Path, target: Path) -> None:
    candidates = [target]
    for suffix in COMPANIONS:
        if target.name.endswith(suffix):
            candidates.append(target.with_name(target.name[: -len(suffix)]))
    for candidate in candidates:
        if is_sqlite_file(candidate):  # never a plain open(): it would drop SQLite's locks (file_probe.py)
            raise InterchangeError(
                f"{path} is a database (a profile, a backup or another program's data), not an export; "
                "it was left untouched. Choose another file name for the export.")


def refuse_the_profile(path: Path, profile: Path) -> None:
    """An import is never read from the profile itself or its companions: reading them is pointless,
    and a plain read of an open profile's files drops SQLite's locks on them (file_probe.py)."""
    if is_profile_file(path, profile):
        raise InterchangeError(f"{path} is this profile's own file, not a word list or an export; "
                               "choose the file to import.")
