"""Looking at a file that may be an open profile without dropping SQLite's locks on it.

POSIX advisory locks belong to a process, not to a descriptor: closing *any* descriptor of a file
releases every lock the process holds on it. SQLite guards its own descriptors against this (one
inode record per file, closes deferred while locks are held), but a plain `open()`/`close()` of
the open profile, to read its header, silently released the window's locks. The next program to
close its connection then took itself for the last one and deleted the write-ahead log, and what
the window wrote after that was lost. So a profile, or any file that may be one, is only ever
opened through SQLite, and a profile's companions (-wal, -shm) are never opened at all.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing
from enum import Enum
from pathlib import Path

COMPANIONS = ("-wal", "-shm", "-journal")


NO_SPACE_BYTES = 1 << 20  # below this, a failure to open is taken for a full disk


class Probe(Enum):
    """What a file that may be a profile turned out to be, so that each case gets its own advice:
    a permission or a full disk is not damage, and must never lead to a restore over the file."""

    SQLITE = "sqlite"
    EMPTY = "empty"
    NOT_SQLITE = "not SQLite"
    DAMAGED = "damaged"  # SQLite's own header, but its pages do not read
    NO_ACCESS = "no access"
    NO_SPACE = "no space"
    UNREADABLE = "unreadable"  # an I/O error of the disk


def probe_file(path: Path) -> tuple[Probe, str]:
    """What `path` is, asked of SQLite read-only, and SQLite's words for it."""
    try:
        if os.stat(path).st_size == 0:
            return Probe.EMPTY, ""
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0)) as connection:
            connection.execute("PRAGMA schema_version").fetchone()
    except sqlite3.Error as error:
        return _kind_of(path, error), str(error)
    except PermissionError as error:
        return Probe.NO_ACCESS, error.strerror or str(error)
    except OSError as error:
        return Probe.UNREADABLE, error.strerror or str(error)
    return Probe.SQLITE, ""


def _kind_of(path: Path, error: sqlite3.Error) -> Probe:
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return Probe.SQLITE  # held by another program: a database all the same
    if code == sqlite3.SQLITE_NOTADB:
        return Probe.NOT_SQLITE
    if code == sqlite3.SQLITE_CORRUPT:
        return Probe.DAMAGED
    if not os.access(path, os.R_OK):
        return Probe.NO_ACCESS
    if code in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_FULL, sqlite3.SQLITE_CANTOPEN):
        try:
            if shutil.disk_usage(path.parent).free < NO_SPACE_BYTES:
                return Probe.NO_SPACE  # SQLite could not make its shared-memory file beside it
        except OSError:
            pass
        return Probe.UNREADABLE
    return Probe.NOT_SQLITE


def foreign_wal(path: Path) -> bool:
    """Whether the write-ahead log beside `path` belongs to another profile.

    SQLite ties a `-wal` file to its database by name only: another profile's log left there (a
    profile file copied in over one that had crashed) is read as this profile's pages, and the
    profile shows the other's words or reads as damaged; the next write makes it so for good.
    The file alone is read with `immutable=1`, which leaves the log out, and the two are told apart
    by the moment each profile was created (its learner id can change, on joining a sync account)."""
    wal = Path(f"{path}-wal")
    try:
        if wal.stat().st_size == 0:
            return False
    except OSError:
        return False
    query = "SELECT value FROM profile_info WHERE key = 'created_at'"
    try:
        with closing(sqlite3.connect(f"file:{path}?immutable=1", uri=True)) as alone:
            own = alone.execute(query).fetchone()
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0)) as joined:
            seen = joined.execute(query).fetchone()
    except sqlite3.Error:  # a profile created in the log itself, a damaged page: not this question
        return False
    return own is not None and seen is not None and own != seen


def is_sqlite_file(path: Path) -> bool:
    """Whether `path` is an SQLite database, damaged or not (an empty file is not)."""
    return probe_file(path)[0] in (Probe.SQLITE, Probe.DAMAGED)


def same_file(path: Path, other: Path) -> bool:
    """Whether two paths name one file (by device and inode: no descriptor is opened)."""
    try:
        a, b = os.stat(path), os.stat(other)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def is_profile_file(path: Path, profile: Path) -> bool:
    """`path` is the profile itself or one of its companion files."""
    return any(same_file(path, Path(f"{profile}{suffix}")) for suffix in ("", *COMPANIONS))
