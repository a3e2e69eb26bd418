"""The window's brief wait for another program's write lock stays the window's (lock_wait.py).

SQLite's busy timeout belongs to a connection, and the engine's connections are pooled across threads:
the window's short wait must not leak to a sync or an import that later gets the same connection. The
other program is a second real SQLite connection to the file, holding BEGIN IMMEDIATE until a timer lets
go after LET_GO_S, long after the brief wait and well before the long one."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import OperationalError

from effect_desktop.persistence.lock_wait import BRIEF_WAIT_MS, waiting_briefly
from effect_desktop.persistence.sqlite import BUSY_TIMEOUT_MS, create_sqlite_engine

LET_GO_S = 2.0


def _held(path: Path) -> tuple[sqlite3.Connection, threading.Event]:
    other = sqlite3.connect(path, isolation_level=None, timeout=0, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    released = threading.Event()

    def let_go() -> None:
        other.execute("ROLLBACK")
        released.set()

    threading.Timer(LET_GO_S, let_go).start()
    return other, released


@pytest.fixture
def engine(tmp_path: Path):  # type: ignore[no-untyped-def]
    made = create_sqlite_engine(tmp_path / "lock.sqlite3")
    with made.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE notes (text TEXT)")
    yield made
    made.dispose()


def _write(engine: sa.Engine, text: str) -> None:
    with engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO notes VALUES (?)", (text,))


def _notes(engine: sa.Engine) -> list[str]:
    with engine.connect() as connection:
        return [row[0] for row in connection.exec_driver_sql("SELECT text FROM notes")]


def test_a_brief_write_gives_up_at_once_and_its_connection_keeps_the_long_wait_for_another_thread(
        engine: sa.Engine) -> None:
    assert BRIEF_WAIT_MS <= 500 < BUSY_TIMEOUT_MS
    other, released = _held(Path(engine.url.database or ""))
    try:
        with waiting_briefly(), pytest.raises(OperationalError, match="locked"):
            _write(engine, "from the window")
        assert not released.is_set(), "it waited for the other program to let go"
        assert engine.pool.checkedin() == 1  # type: ignore[attr-defined]  # one connection: the next is that one

        seen: list[object] = []

        def sync() -> None:  # another thread, on the same pooled connection
            with engine.connect() as connection:
                seen.append(connection.exec_driver_sql("PRAGMA busy_timeout").scalar())
            _write(engine, "from a sync")
            seen.append(released.is_set())

        worker = threading.Thread(target=sync)
        worker.start()
        worker.join(30)
        assert seen == [BUSY_TIMEOUT_MS, True], "the sync waited the long wait, and then wrote"
    finally:
        released.wait(10)
        other.close()
    assert _notes(engine) == ["from a sync"]


def test_a_brief_write_waits_as_long_as_before_for_this_programs_own_work(engine: sa.Engine) -> None:
    """The window's own import or sync holding the lock is not "another program": the answer waits."""
    holding, go_on = threading.Event(), threading.Event()

    def own_work() -> None:
        with engine.begin() as connection:
            connection.exec_driver_sql("INSERT INTO notes VALUES ('own work')")
            holding.set()
            go_on.wait(10)

    worker = threading.Thread(target=own_work)
    worker.start()
    assert holding.wait(10)
    threading.Timer(LET_GO_S, go_on.set).start()
    with waiting_briefly():
        _write(engine, "from the window")
    assert go_on.is_set()
    worker.join(10)
    assert _notes(engine) == ["own work", "from the window"]
