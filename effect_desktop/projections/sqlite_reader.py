"""Reading read-model rows on SQLite without building a statement each time.

A command reads a handful of rows (the word, its progress, the day's totals,
the streak, the word's earlier answers...). Through `connection.execute(select(...))`
each read built a statement, its cache key and a result set-up: about a third
of an answer's time went there. Here each query is compiled once by
SQLAlchemy and its values converted by the columns' own SQLAlchemy processors
in both directions, so rows read exactly as the Core path reads them (a test
compares them); only the per-call overhead goes. Other dialects keep the Core
path.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

from ..persistence.sqlite_values import DIALECT
from ..persistence.sqlite_values import bind_processor as _bind
from .tables import FIRST_ATTEMPTS, STREAK_ROW

Row = dict[str, Any]
Convert = Callable[[Any], Any]


def _result_processor(type_: sa.types.TypeEngine[Any]) -> Convert | None:
    return type_.dialect_impl(DIALECT).result_processor(DIALECT, None)  # type: ignore[no-any-return]


class SqliteQuery:
    """A SELECT with named bind parameters, compiled once, run on the transaction's driver connection."""

    def __init__(self, query: sa.Select[Any]) -> None:
        compiled = query.compile(dialect=DIALECT)
        self.sql = str(compiled)
        # (name, conversion, the query's own value for a literal such as `attempt_number == 1`)
        self.binds: list[tuple[str, Convert | None, Any]] = [
            (name, _bind(sa.Column(name, compiled.binds[name].type)), compiled.binds[name].effective_value)
            for name in compiled.positiontup or []]
        self.names = [column.name for column in query.selected_columns]
        self.converters = [(i, convert) for i, column in enumerate(query.selected_columns)
                           if (convert := _result_processor(column.type)) is not None]

    def rows(self, connection: sa.Connection, values: dict[str, Any]) -> list[list[Any]]:
        params = []
        for name, convert, literal in self.binds:
            value = values.get(name, literal)
            params.append(value if convert is None else convert(value))
        driver: sqlite3.Connection = connection.connection.driver_connection  # type: ignore[assignment]
        try:
            found = driver.execute(self.sql, params).fetchall()
        except sqlite3.Error as error:
            raise sa.exc.DBAPIError.instance(self.sql, tuple(params), error, sqlite3.Error) from error
        converters = self.converters
        converted = []
        for row in found:
            values_out = list(row)
            for index, convert in converters:
                if values_out[index] is not None:
                    values_out[index] = convert(values_out[index])
            converted.append(values_out)
        return converted


@functools.cache
def first_attempts_query() -> SqliteQuery:
    """`tables.FIRST_ATTEMPTS`, compiled once for the process (every answer reads it, twice)."""
    return SqliteQuery(FIRST_ATTEMPTS)


@functools.cache
def streak_query() -> SqliteQuery:
    """`tables.STREAK_ROW`, compiled once (every answer reads the streak before recording its own)."""
    return SqliteQuery(STREAK_ROW)


class SqliteRowReader:
    """A table's row by its primary key, as a dict of its columns."""

    def __init__(self, table: sa.Table) -> None:
        self.table = table
        self.keys = [c.name for c in table.primary_key.columns]
        self.query = SqliteQuery(sa.select(table).where(sa.and_(*(table.c[k] == sa.bindparam(k)
                                                                   for k in self.keys))))

    def row(self, connection: sa.Connection, key: tuple[Any, ...]) -> Row | None:
        found = self.query.rows(connection, dict(zip(self.keys, key, strict=True)))
        return dict(zip(self.query.names, found[0], strict=True)) if found else None
