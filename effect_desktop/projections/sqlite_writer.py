"""Writing read-model rows on SQLite with the per-statement overhead taken out.

A rebuild flushes hundreds of thousands of rows; through SQLAlchemy's
executemany most of the time went into building parameters per row, not into
SQLite. Here each table's upsert and delete are compiled once by SQLAlchemy
(same SQL text, same column types and value conversions as the Core path) and
run on the transaction's own driver connection. Other dialects keep the Core
path.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects import sqlite as sqlite_dialect

from ..persistence.types import UTCDateTime, UUIDType

Row = dict[str, Any]
_DIALECT = sqlite_dialect.dialect()
_UUID_GENERIC = UUIDType().dialect_impl(_DIALECT).bind_processor(_DIALECT) or (lambda v: v)


def _uuid_bytes(value: Any) -> Any:
    return value.bytes if type(value) is UUID else _UUID_GENERIC(value)


def _utc_text(value: Any) -> Any:
    """SQLAlchemy's SQLite DATETIME text for an aware datetime, in UTC, microseconds always shown."""
    if value is None:
        return None
    if value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    return value.replace(tzinfo=None).isoformat(" ", "microseconds")


def _processor(column: sa.Column[Any]) -> Callable[[Any], Any] | None:
    """The column's SQLAlchemy bind conversion, or a faster one giving identical values."""
    if isinstance(column.type, UUIDType):
        return _uuid_bytes
    if isinstance(column.type, UTCDateTime):
        return _utc_text
    if isinstance(column.type, sa.Boolean):
        return None  # sqlite3 stores True/False as 1/0 itself
    return column.type.dialect_impl(_DIALECT).bind_processor(_DIALECT)  # type: ignore[no-any-return]


class SqliteTableWriter:
    def __init__(self, table: sa.Table) -> None:
        upsert = sa.insert(table).prefix_with("OR REPLACE").values(
            {c.name: sa.bindparam(c.name) for c in table.columns})
        compiled = upsert.compile(dialect=_DIALECT)
        self.upsert_sql = str(compiled)
        self.columns = [(name, _processor(table.c[name])) for name in compiled.positiontup or []]
        keys = [c.name for c in table.primary_key.columns]
        delete = sa.delete(table).where(sa.and_(*(table.c[k] == sa.bindparam(k) for k in keys)))
        compiled_delete = delete.compile(dialect=_DIALECT)
        self.delete_sql = str(compiled_delete)
        key_order = compiled_delete.positiontup or []
        self.key_converters = [(keys.index(name), _processor(table.c[name])) for name in key_order]

    def upsert(self, connection: sa.Connection, rows: Sequence[Row]) -> None:
        columns = self.columns
        params = [tuple(row[name] if convert is None else convert(row[name]) for name, convert in columns)
                  for row in rows]
        self._run(connection, self.upsert_sql, params)

    def delete(self, connection: sa.Connection, keys: Sequence[tuple[Any, ...]]) -> None:
        converters = self.key_converters
        params = [tuple(key[i] if convert is None else convert(key[i]) for i, convert in converters)
                  for key in keys]
        self._run(connection, self.delete_sql, params)

    @staticmethod
    def _run(connection: sa.Connection, sql: str, params: list[tuple[Any, ...]]) -> None:
        driver: sqlite3.Connection = connection.connection.driver_connection  # type: ignore[assignment]
        try:
            driver.executemany(sql, params)
        except sqlite3.Error as error:
            raise sa.exc.DBAPIError.instance(sql, params[:3], error, sqlite3.Error) from error
