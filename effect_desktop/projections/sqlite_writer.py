"""Writing read-model rows on SQLite with the per-statement overhead taken out.

A rebuild flushes hundreds of thousands of rows; through SQLAlchemy's
executemany most of the time went into building parameters per row, not into
SQLite. Here each table's upsert and delete are compiled once by SQLAlchemy
(same SQL text, same column types and value conversions as the Core path) and
run on the transaction's own driver connection. Other dialects keep the Core
path.
"""

from __future__ import annotations

import operator
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa

from ..persistence.sqlite_values import DIALECT as _DIALECT
from ..persistence.sqlite_values import bind_processor as _processor

Row = dict[str, Any]


class SqliteTableWriter:
    def __init__(self, table: sa.Table) -> None:
        self.table = table
        upsert = sa.insert(table).prefix_with("OR REPLACE").values(
            {c.name: sa.bindparam(c.name) for c in table.columns})
        compiled = upsert.compile(dialect=_DIALECT)
        self.upsert_sql = str(compiled)
        self.columns = [(name, _processor(table.c[name])) for name in compiled.positiontup or []]
        names = [name for name, _ in self.columns]
        picked = operator.itemgetter(*names)
        self._values: Callable[[Row], tuple[Any, ...]] = (
            picked if len(names) > 1 else (lambda row: (picked(row),)))
        self._conversions = [(i, convert) for i, (_, convert) in enumerate(self.columns) if convert is not None]
        keys = [c.name for c in table.primary_key.columns]
        delete = sa.delete(table).where(sa.and_(*(table.c[k] == sa.bindparam(k) for k in keys)))
        compiled_delete = delete.compile(dialect=_DIALECT)
        self.delete_sql = str(compiled_delete)
        key_order = compiled_delete.positiontup or []
        self.key_converters = [(keys.index(name), _processor(table.c[name])) for name in key_order]
        self._updates: dict[tuple[str, ...], tuple[str, list[tuple[str, Any]]]] = {}

    def upsert(self, connection: sa.Connection, rows: Sequence[Row]) -> None:
        self._run(connection, *self.upsert_params(rows))

    def upsert_params(self, rows: Sequence[Row]) -> tuple[str, list[tuple[Any, ...]]]:
        """`upsert` as its statement and parameters, made without a connection (see `run`)."""
        return self.upsert_sql, [self._params(row) for row in rows]

    def _params(self, row: Row) -> tuple[Any, ...]:
        """The row's values in statement order; only the columns that need it are converted."""
        values = self._values(row)
        if not self._conversions:
            return values
        converted = list(values)
        for index, convert in self._conversions:
            converted[index] = convert(converted[index])
        return tuple(converted)

    def update(self, connection: sa.Connection, columns: tuple[str, ...], rows: Sequence[Row]) -> None:
        """Set `columns` of existing rows, found by their key (indexes on other columns stay as they are)."""
        self._run(connection, *self.update_params(columns, rows))

    def update_params(self, columns: tuple[str, ...], rows: Sequence[Row]) -> tuple[str, list[tuple[Any, ...]]]:
        sql, order = self._updates.get(columns) or self._compile_update(columns)
        return sql, [tuple(row[name] if convert is None else convert(row[name]) for name, convert in order)
                     for row in rows]

    def _compile_update(self, columns: tuple[str, ...]) -> tuple[str, list[tuple[str, Any]]]:
        table = self.table
        keys = [c.name for c in table.primary_key.columns]
        statement = (sa.update(table).where(sa.and_(*(table.c[k] == sa.bindparam(f"k_{k}") for k in keys)))
                     .values({name: sa.bindparam(name) for name in columns}))
        compiled = statement.compile(dialect=_DIALECT)
        order = [(name[2:] if name.startswith("k_") else name,
                  _processor(table.c[name[2:] if name.startswith("k_") else name]))
                 for name in compiled.positiontup or []]
        self._updates[columns] = (str(compiled), order)
        return self._updates[columns]

    def delete(self, connection: sa.Connection, keys: Sequence[tuple[Any, ...]]) -> None:
        self._run(connection, *self.delete_params(keys))

    def delete_params(self, keys: Sequence[tuple[Any, ...]]) -> tuple[str, list[tuple[Any, ...]]]:
        converters = self.key_converters
        return self.delete_sql, [tuple(key[i] if convert is None else convert(key[i]) for i, convert in converters)
                                 for key in keys]

    @staticmethod
    def run(connection: sa.Connection, sql: str, params: list[tuple[Any, ...]]) -> None:
        """Run what an `..._params` method made."""
        SqliteTableWriter._run(connection, sql, params)

    @staticmethod
    def _run(connection: sa.Connection, sql: str, params: list[tuple[Any, ...]]) -> None:
        driver: sqlite3.Connection = connection.connection.driver_connection  # type: ignore[assignment]
        try:
            driver.executemany(sql, params).close()  # (its statement let go: see SqliteAppender.insert_params)
        except sqlite3.Error as error:
            raise sa.exc.DBAPIError.instance(sql, params[:3], error, sqlite3.Error) from error
