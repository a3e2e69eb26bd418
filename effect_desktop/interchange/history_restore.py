"""A history export (JSON Lines) brought back from the window, as a backup is restored.

The command line brings a history into an empty profile (`import FILE --format jsonl`); the window had no
way at all, so a learner of the packaged app could export their history and never bring it back. Here
the history becomes a profile of its own, built beside the backups and kept among them ("from a history
export"); the Backups dialog then restores it like any backup: the current state is backed up first,
so nothing the profile held is lost, and the restore can be undone.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from contextlib import closing, suppress
from pathlib import Path

from ..backup.backups import FROM_HISTORY, Backup, backup_dir, list_backups, reserve_name
from ..bootstrap import open_profile
from .candidates import Progress
from .jsonl import import_events


def backup_from_history(profile_file: Path, history: Path, progress: Progress | None = None) -> Backup:
    """The history as a new profile among `profile_file`'s backups; nothing is changed on failure (an
    unreadable or incomplete file says why, as the command line's import does)."""
    target = reserve_name(profile_file, FROM_HISTORY)
    reserved = target.with_name(target.name + ".partial")
    building = Path(tempfile.mkdtemp(prefix=".history-", dir=backup_dir(profile_file)))  # same disk: renamed
    try:
        made = building / f"history{target.suffix}"
        profile = open_profile(made)
        try:
            import_events(profile, history, progress)
        finally:
            profile.close()
        with closing(sqlite3.connect(made)) as connection:  # one self-contained file, as every backup is
            connection.execute("PRAGMA journal_mode=DELETE")
        os.replace(made, target)
    finally:
        shutil.rmtree(building, ignore_errors=True)
        with suppress(OSError):
            reserved.unlink(missing_ok=True)
    return next(b for b in list_backups(profile_file) if b.path == target)
