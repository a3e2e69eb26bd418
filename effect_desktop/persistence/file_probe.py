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
import sqlite3
from contextlib import closing
from pathlib import Path

COMPANIONS = ("-wal", "-shm", "-journal")


def is_sqlite_file(path: Path) -> bool:
    """Whether `path` is an SQLite database (an empty file is not), asked of SQLite read-only."""
    try:
        if os.stat(path).st_size == 0:
            return False
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0)) as connection:
            connection.execute("PRAGMA schema_version").fetchone()
    except sqlite3.Error as error:  # held by another program: a database all the same
        return getattr(error, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    except OSError:
        return False
    return True


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
