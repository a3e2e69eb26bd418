"""A profile found damaged while it is in use.

Opening checks every page of a small profile, but only the log's ends of a large one (a full check of
a million events takes 10 s; bootstrap._integrity): damage in the middle of a large file shows first
when a statement reads it. It came to the learner as "An unexpected error occurred: (sqlite3.
DatabaseError) database disk image is malformed [SQL: SELECT …]", with no word of the backup to
restore. Now it is said as damage, and a mark beside the file makes the next opening check the whole
file, which then offers the latest backup (and takes back what was done since) as for any damage
found at opening.
"""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from pathlib import Path

from .errors import ProfileUnreadable

_SIGNS = ("database disk image is malformed", "file is not a database")
_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB (extended codes keep them in their low byte)


class ProfileDamaged(ProfileUnreadable):
    """SQLite found damage in the open profile; what was saved before stays, nothing more was written."""


def is_damage(error: BaseException | None) -> bool:
    """Whether this is SQLite's own error (bare, or as SQLAlchemy wraps it) saying the file is damaged.
    Not an error another one was raised from: a damaged Anki deck's collection is not the profile (its
    import error, raised from SQLite's, marked the learner's profile for a full check)."""
    if error is not None and not isinstance(error, sqlite3.DatabaseError):
        error = getattr(error, "orig", None)  # sqlalchemy.exc.DBAPIError
    return isinstance(error, sqlite3.DatabaseError) and (
        (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF in _CODES or any(sign in str(error) for sign in _SIGNS))


def marker(path: Path) -> Path:
    return path.with_name(path.name + ".damage-seen")


def mark(path: Path) -> None:
    with suppress(OSError):  # a read-only folder: the message still says to reopen; the daily backup checks
        marker(path).touch()


def marked(path: Path) -> bool:
    return marker(path).exists()


def clear(path: Path) -> None:
    with suppress(OSError):
        marker(path).unlink(missing_ok=True)


def damaged(path: Path, error: BaseException) -> ProfileDamaged:
    """Marked, and said: what happened and what to do."""
    mark(path)
    return ProfileDamaged(
        f"The profile {path} is damaged (SQLite: {_reason(error)}); what was saved before stays, and nothing "
        "more was written. Close Effect Desktop and open it again: it checks the file and offers to restore "
        "the latest backup, taking back what was done since (from a terminal: effect-desktop backup restore).")


def _reason(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error)
    return next((sign for sign in _SIGNS if sign in text), text.splitlines()[0][:120] if text else "damaged")
