"""A write-behind cache of read-model rows, shared by live updates and rebuilds.

Projection handlers read and write rows by key through this cache; `flush`
writes what changed with one executemany per table. A live command uses a
fresh cache per transaction; a rebuild uses one for the whole replay and
starts from empty tables, so it never needs to read. Because both go through
the very same handlers, a rebuild gives exactly what incremental updating gave.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

Row = dict[str, Any]
_MISSING = object()


class TableCache:
    def __init__(self, table: sa.Table, assume_empty: bool) -> None:
        self.table = table
        self.key_columns = [c.name for c in table.primary_key.columns]
        self.assume_empty = assume_empty
        self.rows: dict[tuple[Any, ...], Row | None] = {}
        self.dirty: set[tuple[Any, ...]] = set()

    def get(self, connection: sa.Connection, key: tuple[Any, ...]) -> Row | None:
        row = self.rows.get(key, _MISSING)
        if row is _MISSING:
            row = None if self.assume_empty else self._load(connection, key)
            self.rows[key] = row
        return row  # type: ignore[return-value]

    def put(self, row: Row) -> None:
        key = tuple(row[c] for c in self.key_columns)
        self.rows[key] = row
        self.dirty.add(key)

    def delete(self, key: tuple[Any, ...]) -> None:
        self.rows[key] = None
        self.dirty.add(key)

    def flush(self, connection: sa.Connection) -> None:
        if not self.dirty:
            return
        upserts = [self.rows[k] for k in self.dirty if self.rows[k] is not None]
        deletes = [k for k in self.dirty if self.rows[k] is None]
        if deletes:
            condition = sa.and_(*(self.table.c[c] == sa.bindparam(f"k_{c}") for c in self.key_columns))
            connection.execute(
                sa.delete(self.table).where(condition),
                [{f"k_{c}": v for c, v in zip(self.key_columns, k, strict=True)} for k in deletes],
            )
        if upserts:
            connection.execute(sa.insert(self.table).prefix_with("OR REPLACE"), upserts)
        self.dirty.clear()

    def _load(self, connection: sa.Connection, key: tuple[Any, ...]) -> Row | None:
        condition = sa.and_(*(self.table.c[c] == v for c, v in zip(self.key_columns, key, strict=True)))
        found = connection.execute(sa.select(self.table).where(condition)).first()
        return dict(found._mapping) if found is not None else None


class ReadModelCache:
    def __init__(self, tables: tuple[sa.Table, ...], assume_empty: bool = False) -> None:
        self.tables = {t.name: TableCache(t, assume_empty) for t in tables}

    def __getitem__(self, name: str) -> TableCache:
        return self.tables[name]

    def flush(self, connection: sa.Connection) -> None:
        for cache in self.tables.values():
            cache.flush(connection)
