"""Loading an exported event log on SQLite without building a million envelopes.

Each line is parsed once and turned straight into the row SQLite stores
(16-byte ids, the time in SQLAlchemy's SQLite text form, the payload and
metadata as minified JSON text), and a page of rows goes in with one
`executemany` on the transaction's driver connection. Payloads are not
loaded into their classes here: the read-model rebuild that follows in the
same transaction loads every one, so a payload that does not fit its event
type still fails the import before anything is committed. Stream versions
are checked once at the end (`stream_gaps`), since a stream spans pages.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from pydantic_core import from_json, to_json

from .errors import ConcurrencyError, StoreError, disk_full
from .schema import events as events_table
from .sql_store import SqlEventStore

Row = tuple[bytes, bytes, str, str, str, str, str, int, int]

_INSERT = ("INSERT INTO events (event_id, aggregate_id, aggregate_type, event_type, event_data, metadata, "
           "created_at, version, schema_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")


def sqlite_row(line: bytes, is_known: Callable[[str], bool]) -> Row:
    """One export line as the row SQLite stores; ValueError/KeyError/TypeError say what is wrong."""
    raw = from_json(line)
    event_type = raw["event_type"]
    if not isinstance(event_type, str) or not is_known(event_type):
        raise ValueError(f"unknown event type {event_type!r}")
    return (_id_bytes(raw["event_id"]), _id_bytes(raw["aggregate_id"]), str(raw["aggregate_type"]), event_type,
            _object(raw["event_data"]), _object(raw["metadata"]), _stored_time(raw["created_at"]),
            _version(raw["version"]), _version(raw.get("schema_version", 1)))


def _id_bytes(text: Any) -> bytes:
    """`UUID(text).bytes` for the canonical form an export writes (a quarter of the time); anything
    else goes through UUID's own parser and its errors."""
    if isinstance(text, str) and len(text) == 36 and text[8] == text[13] == text[18] == text[23] == "-":
        return bytes.fromhex(text.replace("-", ""))
    return UUID(text).bytes


def _stored_time(text: Any) -> str:
    """SQLAlchemy's SQLite storage form of an aware ISO time; an export's own `...Z` form with
    microseconds is rearranged rather than reformatted (strftime was a tenth of an import)."""
    created = datetime.fromisoformat(text)  # checks it is a time at all
    if created.tzinfo is None:
        raise ValueError("created_at has no time zone")
    if len(text) == 27 and text[26] == "Z" and text[10] == "T" and text[19] == ".":  # not ISO's other comma
        return f"{text[:10]} {text[11:26]}"
    return created.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _object(value: Any) -> str:
    if not isinstance(value, dict):
        raise ValueError("event_data and metadata must be JSON objects")
    return to_json(value).decode()


def _version(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"version {value!r} is not a whole number from 1")
    return value


def _insert(connection: sa.Connection, sql: str, rows: Sequence[Sequence[Any]], twice: str) -> None:
    driver: sqlite3.Connection = connection.connection.driver_connection  # type: ignore[assignment]
    try:
        driver.executemany(sql, rows).close()  # (its statement let go: see SqliteAppender.insert_params)
    except sqlite3.IntegrityError as error:
        raise ConcurrencyError(f"an event or a stream version {twice} ({error})") from error
    except sqlite3.Error as error:  # a full disk said as every other write says it (a sync's pull comes here)
        raise disk_full(str(error), _where(connection)) or StoreError(f"the events could not be written ({error})") \
            from error


def _where(connection: sa.Connection) -> str | None:
    return connection.engine.url.database


_INSERT_AT = ("INSERT INTO events (position, event_id, aggregate_id, aggregate_type, event_type, event_data, "
              "metadata, created_at, version, schema_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def insert_stored(connection: sa.Connection, rows: Sequence[Sequence[Any]]) -> None:
    """Insert pulled rows already in stored form (position, event_id bytes, aggregate_id bytes,
    aggregate_type, event_type, event_data text, metadata text, created_at 'YYYY-MM-DD
    HH:MM:SS.ffffff' UTC, version, schema_version) in the caller's SQLite transaction.

    A sync pull asks the server for each row in this form (sync/server_ops.py), so a page goes
    in with one `executemany` and no conversion per row: building UUID and datetime objects
    first was a third of the time a pull spent writing a page."""
    _insert(connection, _INSERT_AT, rows, "is already in the log")


def stream_gaps(store: SqlEventStore, limit: int = 5) -> list[str]:
    """Streams whose versions do not run 1, 2, 3... in the log's order (a log cut or edited by hand:
    two lines swapped put an answer before its session's start, and every replay counted it wrong)."""
    e = events_table.c
    query = (sa.select(e.aggregate_id, sa.func.count(), sa.func.min(e.version), sa.func.max(e.version))
             .group_by(e.aggregate_id)
             .having(sa.or_(sa.func.min(e.version) != 1, sa.func.max(e.version) != sa.func.count()))
             .limit(limit))
    # by the (stream, version) index, whose entries carry the position: no sort
    earlier = sa.func.lag(e.position).over(partition_by=e.aggregate_id, order_by=e.version)
    ordered = sa.select(e.aggregate_id, e.version, e.position, earlier.label("earlier")).subquery()
    out_of_order = (sa.select(ordered.c.aggregate_id, ordered.c.version)
                    .where(ordered.c.position < ordered.c.earlier).limit(limit))
    with store.reading() as connection:
        found = [f"stream {a}: {n} events with versions {low}..{high}"
                 for a, n, low, high in connection.execute(query)]
        found += [f"stream {a}: version {version} comes before version {version - 1} in the log"
                  for a, version in connection.execute(out_of_order)]
    return found[:limit]
