"""Loading a whole event log into an empty SQLite events table, two of its indexes built once at the end.

The stream index (aggregate id, version) and the type index take their keys
in no particular order, so keeping them up to date row by row cost more than
building them once afterwards, which sorts the keys; the event id (time
ordered) and time indexes take theirs nearly in order and are kept up to
date (measured: deferring those two as well made a million-event import
slower, since it lengthened the end, where nothing else runs). This is only
done inside the import's own transaction: the two indexes are dropped there
and created again from their own stored definitions (`sqlite_master`) before
it commits, so the schema afterwards is exactly what it was, and a failed or
cancelled import rolls the drop back with everything else. A unique index
that cannot be built, or an insert the event id index refuses, means the log
holds a stream version or an event twice; the error names it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from .errors import ConcurrencyError, StoreError
from .sql_store import SqlEventStore

DEFERRED = ("idx_events_aggregate", "idx_events_type")
_INDEXES = ("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' "
            "AND sql IS NOT NULL AND name IN (?, ?) ORDER BY name")
_INSERT = ("INSERT INTO events (event_id, aggregate_id, aggregate_type, event_type, event_data, metadata, "
           "created_at, version, schema_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
_TWICE = {
    "idx_events_aggregate": ("SELECT aggregate_id, version, count(*) FROM events GROUP BY aggregate_id, version "
                             "HAVING count(*) > 1 LIMIT 1", "stream {0} has version {1} in the file {2}."),
}


@contextmanager
def indexes_built_after(store: SqlEventStore) -> Iterator[None]:
    """Inside the caller's transaction on an empty SQLite log: insert the rows in the body (with
    `insert_page`), and the `DEFERRED` indexes are built once afterwards. ConcurrencyError names a
    duplicate."""
    with store.transaction() as connection:
        if connection.dialect.name != "sqlite":
            yield
            return
        driver = _driver(connection)
        indexes = driver.execute(_INDEXES, DEFERRED).fetchall()
        for name, _ in indexes:
            driver.execute(f"DROP INDEX {_quoted(name)}")  # a name SQLite itself listed, quoted
        yield
        for name, sql in indexes:
            try:
                driver.execute(sql)
            except sqlite3.IntegrityError as error:
                raise ConcurrencyError(_duplicate(driver, name, error)) from error
            except sqlite3.Error as error:
                raise StoreError(f"the events' index {name} could not be built ({error})") from error


def insert_page(store: SqlEventStore, rows: Sequence[Sequence[Any]]) -> int:
    """Insert rows (as `raw_import.Row`) in order in the caller's transaction; an event id that is
    already there is named."""
    with store.transaction() as connection:
        driver = _driver(connection)
        last = driver.execute("SELECT max(position) FROM events").fetchone()[0] or 0
        try:
            driver.executemany(_INSERT, rows).close()  # (its statement let go: see SqliteAppender.insert_params)
        except sqlite3.IntegrityError as error:
            raise ConcurrencyError(_id_twice(driver, rows, last, error)) from error
        except sqlite3.Error as error:
            raise StoreError(f"the events could not be written ({error})") from error
    return len(rows)


def _id_twice(driver: sqlite3.Connection, rows: Sequence[Sequence[Any]], last: int, error: sqlite3.Error) -> str:
    """The first id of the page stored before it (up to position `last`) or earlier in the page."""
    seen: set[bytes] = set()
    for row in rows:
        event_id = bytes(row[0])
        if event_id in seen or driver.execute("SELECT 1 FROM events WHERE event_id = ? AND position <= ?",
                                              (event_id, last)).fetchone():
            return f"event {UUID(bytes=event_id)} is in the file twice."
        seen.add(event_id)
    return f"an event or a stream version is in the file twice ({error})"


def _duplicate(driver: sqlite3.Connection, index: str, error: sqlite3.Error) -> str:
    known = _TWICE.get(index)
    if known is None:
        return f"an event or a stream version is in the file twice ({error})"
    query, message = known
    found = driver.execute(query).fetchone()
    if found is None:
        return f"an event or a stream version is in the file twice ({error})"
    *middle, count = found[1:]
    return message.format(UUID(bytes=bytes(found[0])), *middle, "twice" if count == 2 else f"{count} times")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _driver(connection: sa.Connection) -> sqlite3.Connection:
    return connection.connection.driver_connection  # type: ignore[return-value]
