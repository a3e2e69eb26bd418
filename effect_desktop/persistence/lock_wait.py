"""How long a write waits for the profile's write lock while another program holds it.

SQLite makes a writer wait (its busy timeout, BUSY_TIMEOUT_MS in sqlite.py) while another connection
holds the file's write lock. Ten seconds suits work off the GUI thread, the command line and syncs:
another program's short write commits within it, and the work then goes on. On the GUI thread that
wait froze the window: during a command-line rebuild (24 s on a million events) each answer held it
10 s, and then failed all the same.

A write started on a thread inside `waiting_briefly()` (the window's commands) waits at most
BRIEF_WAIT_MS instead, and fails as busy at once. 0.5 s lets through what another program holds the
lock for in ordinary use (an answer or an edit in another window, a `words add` or a sync's page,
tens of milliseconds), and is short of the second after which a window reads as hung.

Only another program is given up on so soon: if the lock is found held by one of this program's own
connections (the window's sync or import, in the background), the write waits the long wait for it, as
before. That work is the window's own, and ends; calling it "another program" would be wrong.

SQLite's busy timeout belongs to a connection, and connections are pooled across threads: the brief
one is set just for the BEGIN that takes the lock and put back before the BEGIN returns, succeeded or
not, so no other use of the connection ever waits briefly. (Once the lock is taken, nothing in the
transaction waits on it again: reads in WAL mode never wait, and the commit's checkpoint is passive.)
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

BRIEF_WAIT_MS = 500

_this_thread = threading.local()


@contextmanager
def waiting_briefly() -> Iterator[None]:
    """Writes this thread starts meanwhile wait at most BRIEF_WAIT_MS for another program's lock."""
    before = getattr(_this_thread, "brief", False)
    _this_thread.brief = True
    try:
        yield
    finally:
        _this_thread.brief = before


def waits_briefly() -> bool:
    """Whether a write this thread starts now waits only briefly (a failure then says it was not saved)."""
    return bool(getattr(_this_thread, "brief", False))


def _is_busy(error: sqlite3.Error) -> bool:
    return "locked" in str(error) or "busy" in str(error)


class WriteLock:
    """Taking one profile's write lock (BEGIN IMMEDIATE) on one of its engine's connections, and which
    of them holds it now.

    Only one connection can hold a file's write lock at a time, so the latest one to take it is the
    only one of this program's that may still hold it."""

    def __init__(self, long_wait_ms: Callable[[], int]) -> None:
        self._long_wait_ms = long_wait_ms
        self._guard = threading.Lock()
        self._latest: sqlite3.Connection | None = None

    def take(self, connection: sqlite3.Connection) -> None:
        """BEGIN IMMEDIATE on `connection`, waiting as long as this thread may."""
        if waits_briefly():
            self._take_briefly(connection)
        else:
            connection.execute("BEGIN IMMEDIATE")
        with self._guard:
            self._latest = connection

    def read(self, connection: sqlite3.Connection) -> None:
        """BEGIN DEFERRED: a read, which takes no lock (and so ends any hold this connection had)."""
        with self._guard:
            if self._latest is connection:
                self._latest = None
        connection.execute("BEGIN DEFERRED")

    def held_here(self) -> bool:
        """Whether one of this program's connections holds the write lock now."""
        with self._guard:
            latest = self._latest
        if latest is None:
            return False
        try:
            return latest.in_transaction
        except sqlite3.ProgrammingError:  # closed since
            return False

    def _take_briefly(self, connection: sqlite3.Connection) -> None:
        connection.execute(f"PRAGMA busy_timeout={BRIEF_WAIT_MS}")
        try:
            connection.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            if not (_is_busy(error) and self.held_here()):
                raise
            # one of this program's own threads holds the lock: wait for it, as always
        finally:
            connection.execute(f"PRAGMA busy_timeout={self._long_wait_ms()}")
        connection.execute("BEGIN IMMEDIATE")
