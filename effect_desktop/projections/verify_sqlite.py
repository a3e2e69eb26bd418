"""`verify` on SQLite: the read models rebuilt beside the stored ones, and compared by SQLite.

Replaying a five-year log through the handlers into memory took three
minutes and 3 GB: every read-model row lived in a Python dict, and the
comparison walked them one by one. Here the table rebuild (sqlite_rebuild.py,
the same rows as the handlers, property-tested) fills temporary twins of
the read-model tables, which shadow the stored ones by name on this one
connection, inside verify's read transaction: nothing of the profile is
written and other programs go on writing meanwhile. The two sets of rows
are then compared table by table with EXCEPT, and only the few rows that
differ are read into Python to be described.

The twins must never outlive the check (a connection that kept them would
write a learner's next answer into a temporary table): they are dropped
before the read transaction ends, and a connection whose twins could not
be dropped is closed rather than handed back to the pool.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa

from ..domain.scheduling.base import Scheduler
from ..persistence.errors import StoreError
from ..persistence.sql_store import SqlEventStore
from ..timeline.scheduler_choice import SelectedScheduler
from . import verify_text
from .projector import ProjectionFailed
from .sqlite_rebuild import PHASES, SqliteRebuild
from .tables import READ_MODELS

Step = Callable[[int, int], None]  # (done, total events), as the replay's progress
Describe = Callable[[str], None]


@contextmanager
def read_model_twins(connection: sa.Connection) -> Iterator[None]:
    """Empty temporary tables named and shaped as the read models (keys, no other index), which
    unqualified SQL on this connection reads and writes instead of the stored ones."""
    created: list[str] = []
    try:
        for table in READ_MODELS:
            ddl = str(sa.schema.CreateTable(table).compile(dialect=connection.dialect)).strip()
            assert ddl.startswith("CREATE TABLE "), ddl
            connection.exec_driver_sql("CREATE TEMP TABLE " + ddl.removeprefix("CREATE TABLE "))
            created.append(table.name)
        yield
    finally:
        try:
            for name in created:
                connection.exec_driver_sql(f'DROP TABLE IF EXISTS temp."{name}"')
        except BaseException:
            connection.invalidate()  # never back to the pool with a twin shadowing a read model
            raise


def rebuild_twins(connection: sa.Connection, store: SqlEventStore, day_start_hour: int,
                  scheduler: Scheduler, step: Step) -> None:
    """Fill the twins from the whole log, as a rebuild fills the read models."""
    total = store.last_position()
    if isinstance(scheduler, SelectedScheduler):  # the rebuild takes up the switch in force: on a copy
        scheduler = SelectedScheduler(scheduler.current, scheduler.key)
    SqliteRebuild(connection, store, day_start_hour, scheduler).run(
        lambda done: step(total * done // PHASES, total))


def compare_twins(connection: sa.Connection, table: sa.Table, describe: Describe, most: int) -> None:
    """Every row that differs between the stored table and its twin, described by key (at most
    `most` of them, then how many more)."""
    stored, replayed = (table.to_metadata(sa.MetaData(), schema=schema) for schema in ("main", "temp"))
    columns = [c.name for c in table.columns]
    keys = [c.name for c in table.primary_key.columns]

    def only_in(a: sa.Table, b: sa.Table) -> sa.Subquery:
        return sa.except_(sa.select(*(a.c[c] for c in columns)), sa.select(*(b.c[c] for c in columns))).subquery()

    differing = sa.union(*(sa.select(*(s.c[k] for k in keys)) for s in (only_in(stored, replayed),
                                                                        only_in(replayed, stored)))).subquery()
    count = connection.execute(sa.select(sa.func.count()).select_from(differing)).scalar() or 0
    if not count:
        return
    first = connection.execute(sa.select(differing).order_by(*differing.c).limit(most)).all()
    for key_row in first:
        key = tuple(key_row)
        a, b = (_row(connection, t, keys, key) for t in (stored, replayed))
        if a is None:
            describe(verify_text.missing(table.name, key, b))
        elif b is None:
            describe(verify_text.extra(table.name, key))
        else:
            raw_a, raw_b = (_raw_row(connection, t, keys, key) for t in (stored, replayed))
            # as the app reads them, or as stored where that reads the same (a flag stored as 2 is True)
            diff = {c: (a[c], b[c]) if a[c] != b[c] else (raw_a[c], raw_b[c])
                    for c in columns if raw_a[c] != raw_b[c]}
            describe(verify_text.differs(table.name, key, diff))
    if count > most:
        describe(f"{table.name}: {count - most} more differences")


def _row(connection: sa.Connection, table: sa.Table, keys: list[str], key: tuple[Any, ...]) -> dict[str, Any] | None:
    found = connection.execute(sa.select(table).where(*(table.c[k] == v for k, v in zip(keys, key, strict=True))))
    row = found.first()
    return None if row is None else dict(row._mapping)


def _raw_row(connection: sa.Connection, table: sa.Table, keys: list[str], key: tuple[Any, ...]) -> dict[str, Any]:
    """The row's values as SQLite holds them (the key bound through the column types)."""
    raw = sa.select(*(sa.type_coerce(c, sa.types.NullType()).label(c.name) for c in table.columns))
    row = connection.execute(raw.where(*(table.c[k] == v for k, v in zip(keys, key, strict=True)))).one()
    return dict(row._mapping)


def rebuild_failure(error: Exception) -> Exception:
    """What a failed twin rebuild is reported as: a damaged event in its own words, else what the
    rebuild says (as `Projector.rebuild` reports it)."""
    return error if isinstance(error, StoreError) else ProjectionFailed(
        f"read models could not be rebuilt: {error}")
