"""Reading the log in position order on SQLite, for replays (rebuild, catch-up, verify).

A replay reads every event once; SQLAlchemy's per-row result processing (a
UUID object per id column, a datetime per timestamp, through generic
processors) was most of the read cost. The statement is still compiled by
SQLAlchemy from the same table; here the rows come straight from the driver
and each column is converted by a dedicated function that gives the very same
Python values the Core path gives.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import sqlite as sqlite_dialect

from .schema import events as events_table
from .schema import snapshots as snapshots_table
from .types import uuid_from_bytes

__all__ = ["SqliteLogReader", "utc_from_text", "uuid_from_bytes"]

_fromisoformat = datetime.fromisoformat


def utc_from_text(text: str) -> datetime:
    return _fromisoformat(text).replace(tzinfo=UTC)


class SqliteLogReader:
    COLUMNS = ("position", "event_id", "aggregate_id", "aggregate_type", "event_type", "event_data",
               "metadata", "created_at", "version", "schema_version")

    def __init__(self) -> None:
        c = events_table.c
        query = (sa.select(*(c[name] for name in self.COLUMNS))
                 .where(c.position > sa.bindparam("after")).order_by(c.position)
                 .limit(sa.bindparam("limit")))
        compiled = query.compile(dialect=sqlite_dialect.dialect())
        self.sql = str(compiled)
        self.order = compiled.positiontup or []

    def rows(self, connection: sa.Connection, after: int, limit: int) -> list[tuple[Any, ...]]:
        driver: sqlite3.Connection = connection.connection.driver_connection  # type: ignore[assignment]
        values = {"after": after, "limit": limit}
        params = tuple(values.get(name, 0) for name in self.order)  # SQLite's LIMIT adds OFFSET 0
        try:
            return driver.execute(self.sql, params).fetchall()
        except sqlite3.Error as error:
            raise sa.exc.DBAPIError.instance(self.sql, params, error, sqlite3.Error) from error

    def stored_rows(self, connection: sa.Connection, aggregate_id: bytes, from_version: int) -> list[Any]:
        """(version, event_id, event_type, schema_version, event_data) of one stream, as the driver
        gives them (`SqlEventStore.stream_stored`)."""
        driver: sqlite3.Connection = connection.connection.driver_connection  # type: ignore[assignment]
        params = (aggregate_id, from_version)
        try:
            return driver.execute(_STORED_ROWS, params).fetchall()
        except sqlite3.Error as error:
            raise sa.exc.DBAPIError.instance(_STORED_ROWS, params, error, sqlite3.Error) from error

    def archived_positions(self, connection: sa.Connection, aggregate_id: bytes, from_version: int) -> dict[int, int]:
        """version -> position of the stream's compacted rows (their JSON is in the archive)."""
        driver: sqlite3.Connection = connection.connection.driver_connection  # type: ignore[assignment]
        params = (aggregate_id, from_version)
        try:
            return dict(driver.execute(_ARCHIVED_ROWS, params).fetchall())
        except sqlite3.Error as error:
            raise sa.exc.DBAPIError.instance(_ARCHIVED_ROWS, params, error, sqlite3.Error) from error

    def stream_head(self, connection: sa.Connection, aggregate_id: bytes) -> tuple[int, bytes] | None:
        """(version, event_id bytes) of the stream's last event, if any (`SqlEventStore.stream_head`)."""
        driver: sqlite3.Connection = connection.connection.driver_connection  # type: ignore[assignment]
        try:
            return driver.execute(_STREAM_HEAD, (aggregate_id,)).fetchone()  # type: ignore[no-any-return]
        except sqlite3.Error as error:
            raise sa.exc.DBAPIError.instance(_STREAM_HEAD, (aggregate_id,), error, sqlite3.Error) from error

    def snapshot_row(self, connection: sa.Connection, aggregate_id: bytes) -> tuple[Any, ...] | None:
        """(aggregate_type, snapshot_data, version, created_at) of a stream's snapshot, if any."""
        driver: sqlite3.Connection = connection.connection.driver_connection  # type: ignore[assignment]
        try:
            return driver.execute(_SNAPSHOT_ROW, (aggregate_id,)).fetchone()  # type: ignore[no-any-return]
        except sqlite3.Error as error:
            raise sa.exc.DBAPIError.instance(_SNAPSHOT_ROW, (aggregate_id,), error, sqlite3.Error) from error


_STREAM_HEAD = (f"SELECT version, event_id FROM {events_table.name} WHERE aggregate_id = ? "
                "ORDER BY version DESC LIMIT 1")
_SNAPSHOT_ROW = (f"SELECT aggregate_type, snapshot_data, version, created_at FROM {snapshots_table.name} "
                 "WHERE aggregate_id = ?")
_STORED_ROWS = (f"SELECT version, event_id, event_type, schema_version, event_data "
                f"FROM {events_table.name} WHERE aggregate_id = ? AND version >= ? ORDER BY version")
_ARCHIVED_ROWS = (f"SELECT version, position FROM {events_table.name} "
                  "WHERE aggregate_id = ? AND version >= ? AND event_data = ''")
