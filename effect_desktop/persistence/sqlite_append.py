"""The append path on SQLite, run on the transaction's own driver connection.

For the usual command (one to three events) SQLAlchemy's per-statement work
(building the statement, its cache key, the result set-up) cost several times
the inserts themselves: ~280 us per append against ~20 us of SQLite. The SQL
text and every value conversion here are still SQLAlchemy's, compiled once
from the same table and type objects, so a row is stored byte for byte as the
Core path stores it; only the per-call overhead goes. Driver errors leave as
SQLAlchemy's exceptions, so the store maps them exactly as before.
"""

from __future__ import annotations

import operator
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

from ..domain.events import DomainEvent
from .schema import events as events_table
from .sqlite_values import bind_processor, utc_text
from .types import JSONDocument, UTCDateTime

_LAST_ROWID = "SELECT last_insert_rowid()"
# The statement's parameter order that `event_params` writes out by hand.
_ENVELOPE_ORDER = ("event_id", "aggregate_id", "aggregate_type", "event_type", "event_data", "metadata",
                   "created_at", "version", "schema_version")


def _processor(column: sa.Column[Any], dialect: Dialect) -> Callable[[Any], Any] | None:
    if isinstance(column.type, JSONDocument):
        return None  # already-serialised text, which JSONDocument passes through unchanged on SQLite
    return bind_processor(column)


class SqliteAppender:
    """`current_version` and `insert` for one SQLite engine's dialect."""

    def __init__(self, dialect: Dialect) -> None:
        columns = [c for c in events_table.c if c.name != "position"]
        insert = sa.insert(events_table).values({c.name: sa.bindparam(c.name) for c in columns})
        compiled = insert.compile(dialect=dialect)
        self.insert_sql = str(compiled)
        order = compiled.positiontup or []
        self.columns = [(name, _processor(events_table.c[name], dialect)) for name in order]
        picked = operator.itemgetter(*order)
        self._values: Callable[[dict[str, Any]], tuple[Any, ...]] = picked  # type: ignore[assignment]
        self._conversions = [(i, convert) for i, (_, convert) in enumerate(self.columns) if convert is not None
                             and not isinstance(events_table.c[self.columns[i][0]].type, UTCDateTime)]
        # A command's events share one clock reading: its text is computed once per run of equal times.
        self._times = [(i, convert) for i, (name, convert) in enumerate(self.columns) if convert is not None
                       and isinstance(events_table.c[name].type, UTCDateTime)]
        current = sa.select(sa.func.max(events_table.c.version)).where(
            events_table.c.aggregate_id == sa.bindparam("aggregate_id"))
        self.current_sql = str(current.compile(dialect=dialect))
        self.aggregate_id = _processor(events_table.c.aggregate_id, dialect) or (lambda v: v)
        # Envelopes straight to parameters only while the statement's order and conversions are the
        # ones written out there (a test compares its values with the generic path's).
        self.direct = tuple(order) == _ENVELOPE_ORDER and [n for n, c in self.columns if c] == [
            "event_id", "aggregate_id", "created_at"]

    def current_version(self, connection: sa.Connection, aggregate_id: UUID) -> int:
        params = (self.aggregate_id(aggregate_id),)
        try:
            row = _driver(connection).execute(self.current_sql, params).fetchone()
        except sqlite3.Error as error:
            raise _wrapped(self.current_sql, params, error) from error
        return (row[0] if row else None) or 0

    def insert(self, connection: sa.Connection, rows: Sequence[dict[str, Any]]) -> list[int]:
        """Insert the rows in order; their positions (rowids) in the same order.

        The write transaction holds the file's lock (BEGIN IMMEDIATE), and one
        INSERT statement takes rowids max+1, max+2, ..., so the positions are
        the run that ends at last_insert_rowid()."""
        return self.insert_params(connection, self._params(rows))

    def insert_params(self, connection: sa.Connection, params: list[tuple[Any, ...]]) -> list[int]:
        """`insert` for parameters already in statement order."""
        driver = _driver(connection)
        try:
            # closed at once: a cursor that ran executemany keeps its cached statement, and freed later on
            # another thread (in a reference cycle, by the garbage collector) it reset that statement while
            # this connection ran it again there: "bad parameter or other API misuse" (Python 3.11's
            # sqlite3; reproduced one time in six by a review's script, never once closed)
            driver.executemany(self.insert_sql, params).close()
            last = driver.execute(_LAST_ROWID).fetchone()[0]
        except sqlite3.Error as error:
            raise _wrapped(self.insert_sql, params, error) from error
        return list(range(last - len(params) + 1, last + 1))

    @staticmethod
    def event_params(events: Sequence[DomainEvent]) -> list[tuple[Any, ...]]:
        """Envelopes to statement parameters with no dict between (only when `direct`).

        A 100-event append spent as long building and converting column dicts as
        SQLite spent inserting them. The values are `_params`' values exactly:
        16-byte ids, SQLAlchemy's UTC text, pydantic's JSON (its serializer
        called as `model_dump_json` calls it); events sharing one metadata or clock
        object (a command's) have them serialised once."""
        params = []
        metadata_json: dict[int, str] = {}
        last_time: object = None
        time_text = None
        for event in events:
            fields = event.__dict__
            data = fields["event_data"]
            model = type(data)
            metadata = fields["metadata"]
            meta = metadata_json.get(id(metadata))
            if meta is None:
                meta = metadata_json[id(metadata)] = metadata.__pydantic_serializer__.to_json(metadata).decode()
            created = fields["created_at"]
            if created is not last_time:
                last_time, time_text = created, utc_text(created)
            params.append((fields["event_id"].bytes, fields["aggregate_id"].bytes, fields["aggregate_type"],
                           fields["event_type"], model.__pydantic_serializer__.to_json(data).decode(), meta,
                           time_text, fields["version"], model.schema_version))
        return params

    def _params(self, rows: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]]:
        """Each row's values in statement order; only the columns that need it are converted."""
        picked = self._values
        conversions = self._conversions
        times = [(index, convert, [None, None]) for index, convert in self._times]  # (last value, its text)
        params = []
        for row in rows:
            values = list(picked(row))
            for index, convert in conversions:
                values[index] = convert(values[index])
            for index, convert, last in times:
                value = values[index]
                if value is not last[0] or value is None:
                    last[0], last[1] = value, convert(value)
                values[index] = last[1]
            params.append(tuple(values))
        return params


def _driver(connection: sa.Connection) -> sqlite3.Connection:
    return connection.connection.driver_connection  # type: ignore[return-value]


def _wrapped(statement: str, params: Any, error: sqlite3.Error) -> sa.exc.StatementError:
    return sa.exc.DBAPIError.instance(statement, params, error, sqlite3.Error)
