"""A damaged profile with no backup to restore: a new profile made of what the damaged one still holds.

Without a backup the app could only say "choose another profile", which threw
away every answer the damaged file still held: damage usually hits some pages,
not all. Here the damaged file is moved into the backups (never deleted, never
pruned), a new profile takes its place under the same learner id and settings,
built beside it first: every event that can still be read and continues its
stream is appended to it, with its read models, in one transaction
(backup/salvage.py, from the log's start). Whatever is lost is counted; a sync brings back what reached the
server.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from ..bootstrap import open_profile
from ..persistence.errors import StoreError
from ..projections.projector import ProjectionFailed
from ..projections.upgrade import FINGERPRINT_KEY, PROJECTION_KEY
from .backups import IN_USE, Backup, BackupError, check_file, left_behind, other_process_holding, set_aside
from .salvage import Salvage, salvage_into
from .schedule import LAST_DAILY_SETTING

# kept by the store itself, or counted afresh from the events: not carried over
_NOT_SETTINGS = {"user_id", "store_format", "created_at", "day_start_hour", FINGERPRINT_KEY, PROJECTION_KEY,
                 LAST_DAILY_SETTING}  # (the new profile has no backup yet: today's is still to take)


@dataclass(frozen=True)
class Recovery:
    damaged: Backup  # the damaged file, kept among the backups
    salvage: Salvage


RECOVERING = ".recovering"  # the new profile, while it is built beside the damaged one
RECOVERED = ".recovered"  # built and closed: only this one is ever moved into the profile's place


def finish_interrupted_recovery(profile_file: Path) -> bool:
    """A recovery stopped between setting the damaged file aside and moving the new one into place
    leaves the profile missing and NAME.recovered beside it: move it in (True). Called before any
    open, which would otherwise make a new, empty profile there. A half-built NAME.recovering is
    never moved in: its recovery did not end."""
    finished = profile_file.with_name(profile_file.name + RECOVERED)
    if profile_file.exists() or not finished.exists():
        return False
    _move(finished, profile_file)
    return True


def recover_without_backup(profile_file: Path) -> Recovery:
    """Replace a damaged `profile_file` (closed) by a new profile of what it still holds.

    The new profile is built beside it, from the damaged file as it lies; only once its events are
    committed and it is closed is it named as finished, and then the two are moved (two renames).
    Built in place, an interrupted recovery (Ctrl+C, a crash) left an empty profile there, and the
    damaged one could no longer be reached."""
    building = profile_file.with_name(profile_file.name + RECOVERING)
    finished = profile_file.with_name(profile_file.name + RECOVERED)
    holder = other_process_holding(profile_file)
    if holder is not None:
        raise BackupError(f"Effect Desktop has this profile open (process {holder}); close it first. "
                          f"{left_behind(profile_file)} Nothing was changed.")
    if not profile_file.exists():
        raise BackupError(f"There is no profile {profile_file}; nothing to recover.")
    state = check_file(profile_file)
    if state is None:
        raise BackupError(f"The profile {profile_file.name} is not damaged; nothing was changed.")
    if state == IN_USE:
        raise BackupError(f"Another program is using {profile_file.name} (it is busy); close it first. "
                          "Nothing was changed.")
    _remove(building)  # what an interrupted recovery left
    _remove(finished)  # (a finished one beside a profile that is there was never moved in: stale)
    user_id, settings = _readable_info(profile_file)
    try:
        profile = open_profile(building)
        try:
            if user_id is not None:  # the streak and the sync account follow the learner's id
                profile.settings.set("user_id", str(user_id))
                profile.user_id = profile.service.user_id = user_id
            for key, value in settings.items():
                profile.settings.set(key, value)
            report = salvage_into(profile, profile_file)
        finally:
            profile.close()
    except BaseException as error:  # a Ctrl+C too: the damaged profile stays where it is
        _remove(building)
        if isinstance(error, StoreError | ProjectionFailed | OSError):
            raise BackupError(f"Nothing could be recovered from {profile_file.name} ({error}); it was left as "
                              "it was.") from error
        raise
    _move(building, finished)
    damaged = set_aside(profile_file)
    _move(finished, profile_file)
    return Recovery(damaged, report)


def _readable_info(path: Path) -> tuple[UUID | None, dict[str, str]]:
    """The learner id and the settings, as far as they can be read (a damaged page may hide them)."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            rows = connection.execute("SELECT key, value FROM profile_info").fetchall()
    except sqlite3.Error:
        return None, {}
    found = {str(key): str(value) for key, value in rows if isinstance(key, str) and value is not None}
    try:
        user_id = UUID(found["user_id"]) if "user_id" in found else None
    except ValueError:
        user_id = None
    return user_id, {k: v for k, v in found.items() if k not in _NOT_SETTINGS}


def _move(source: Path, target: Path) -> None:
    """A closed profile to another name, with its write-ahead log if one is left (closing normally
    folds it in; if not, it holds committed events and must go along)."""
    wal = Path(f"{source}-wal")
    if wal.exists():
        os.replace(wal, Path(f"{target}-wal"))
    Path(f"{source}-shm").unlink(missing_ok=True)
    os.replace(source, target)


def _remove(profile: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{profile}{suffix}").unlink(missing_ok=True)
