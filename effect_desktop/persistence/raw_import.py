"""Loading an exported event log on SQLite: the database parses each page of JSON lines itself.

Parsing a million lines in Python and handing SQLite a million parameter
tuples costs several times the inserts. Here a page of lines goes to SQLite
as one JSON array, and `INSERT ... SELECT ... FROM json_each(?)` takes each
field out in C; two small functions turn the id text into our 16-byte ids
and the time into the stored form. Anything malformed (a missing field, an
id that is not a UUID, a payload that is not an object, an unknown event
type) stops the statement: `RowsRejected` tells the caller to look at the
page line by line for a message naming the line. Stream versions are checked
once at the end (`stream_gaps`), since a stream spans pages.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from uuid import UUID

import sqlalchemy as sa

from .schema import events as events_table
from .sql_store import SqlEventStore


class RowsRejected(Exception):
    """SQLite refused a page; the reason, for when no single line is to blame."""


_INSERT = """
INSERT INTO events (event_id, aggregate_id, aggregate_type, event_type, event_data, metadata, created_at,
                    version, schema_version)
SELECT effect_uuid(value ->> '$.event_id'), effect_uuid(value ->> '$.aggregate_id'),
       value ->> '$.aggregate_type', effect_event_type(value ->> '$.event_type'),
       effect_object(value -> '$.event_data'), effect_object(value -> '$.metadata'),
       effect_time(value ->> '$.created_at'), effect_version(value -> '$.version'),
       effect_version(coalesce(value -> '$.schema_version', 1))
FROM json_each(?) ORDER BY key
"""


def _uuid(text: str | None) -> bytes:
    return UUID(text).bytes  # type: ignore[arg-type]


def _time(text: str | None) -> str:
    value = datetime.fromisoformat(text)  # type: ignore[arg-type]
    if value.tzinfo is None:
        raise ValueError("created_at has no time zone")
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")  # SQLAlchemy's SQLite storage form


def _object(text: str | None) -> str:
    if not text or not text.startswith("{"):
        raise ValueError("event_data and metadata must be JSON objects")
    return text


def _version(text: str | int | None) -> int:
    value = int(text)  # type: ignore[arg-type]
    if str(value) != str(text) or value < 1:
        raise ValueError("versions are whole numbers from 1")
    return value


def append_json_lines(store: SqlEventStore, lines: Sequence[bytes], is_known: Callable[[str], bool]) -> int:
    """Insert one page of export lines in order inside the caller's transaction; how many were inserted."""

    def event_type(text: str | None) -> str:
        if text is None or not is_known(text):
            raise ValueError(f"unknown event type {text!r}")
        return text

    page = "[" + ",".join(line.decode() for line in lines) + "]"
    with store.transaction() as connection:
        driver: sqlite3.Connection = connection.connection.driver_connection  # type: ignore[assignment]
        for name, function in (("effect_uuid", _uuid), ("effect_time", _time), ("effect_object", _object),
                               ("effect_version", _version), ("effect_event_type", event_type)):
            driver.create_function(name, 1, function, deterministic=True)
        try:
            inserted = driver.execute(_INSERT, (page,)).rowcount
        except (sqlite3.Error, UnicodeDecodeError) as error:
            raise RowsRejected(str(error)) from error
    if inserted != len(lines):
        raise RowsRejected(f"{inserted} of {len(lines)} lines were stored")
    return inserted


def stream_gaps(store: SqlEventStore, limit: int = 5) -> list[str]:
    """Streams whose versions do not run 1, 2, 3... (a log cut or edited by hand)."""
    e = events_table.c
    query = (sa.select(e.aggregate_id, sa.func.count(), sa.func.min(e.version), sa.func.max(e.version))
             .group_by(e.aggregate_id)
             .having(sa.or_(sa.func.min(e.version) != 1, sa.func.max(e.version) != sa.func.count()))
             .limit(limit))
    with store.reading() as connection:
        return [f"stream {a}: {n} events with versions {low}..{high}"
                for a, n, low, high in connection.execute(query)]
