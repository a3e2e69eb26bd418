"""Loading a whole event log into an empty SQLite events table: its secondary indexes built once, at the end.

Keeping four indexes up to date row by row was most of SQLite's share of a
million-event import (the stream index's keys arrive in random order); an
index built afterwards sorts its keys once. This is only done inside the
import's own transaction: the indexes are dropped there, and created again
from their own stored definitions (`sqlite_master`) before it commits, so
the schema afterwards is exactly what it was, and a failed or cancelled
import rolls the drop back with everything else. A unique index that cannot
be built means the log holds an event, or a stream version, twice.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from uuid import UUID

import sqlalchemy as sa

from .errors import ConcurrencyError, StoreError
from .sql_store import SqlEventStore

_INDEXES = ("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' "
            "AND sql IS NOT NULL ORDER BY name")
_TWICE = {
    "uq_events_event_id": ("SELECT event_id, count(*) FROM events GROUP BY event_id HAVING count(*) > 1 LIMIT 1",
                           "event {0} is in the file {1}."),
    "idx_events_aggregate": ("SELECT aggregate_id, version, count(*) FROM events GROUP BY aggregate_id, version "
                             "HAVING count(*) > 1 LIMIT 1", "stream {0} has version {1} in the file {2}."),
}


@contextmanager
def indexes_built_after(store: SqlEventStore) -> Iterator[None]:
    """Inside the caller's transaction on an empty SQLite log: insert the rows in the body, and the
    events table's secondary indexes are built once afterwards. ConcurrencyError names a duplicate."""
    with store.transaction() as connection:
        if connection.dialect.name != "sqlite":
            yield
            return
        driver = _driver(connection)
        # The event id first: a line given twice is reported as that, not as its stream's version twice.
        indexes = sorted(driver.execute(_INDEXES).fetchall(), key=lambda index: index[0] != "uq_events_event_id")
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
