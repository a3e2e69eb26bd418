"""A write-behind cache of read-model rows, shared by live updates and rebuilds.

Projection handlers read and write rows by key through this cache; `flush`
writes what changed with one executemany per table. A live command uses a
fresh cache per transaction; a rebuild uses one for the whole replay and
starts from empty tables, so it never needs to read. Because both go through
the very same handlers, a rebuild gives exactly what incremental updating gave.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from ..domain.events import Grade
from ..domain.scheduling.base import Review, ReviewState, Scheduler
from .sqlite_reader import SqliteRowReader, first_attempts_query
from .sqlite_writer import SqliteTableWriter
from .tables import FIRST_ATTEMPTS

Row = dict[str, Any]
_MISSING = object()
_CHUNK = 500  # values per IN (...) when reading ahead


_WRITERS: dict[str, SqliteTableWriter] = {}
_READERS: dict[str, SqliteRowReader] = {}


def _sqlite_writer(table: sa.Table) -> SqliteTableWriter:
    writer = _WRITERS.get(table.name)
    if writer is None or writer.table is not table:
        writer = _WRITERS[table.name] = SqliteTableWriter(table)
    return writer


def _sqlite_reader(table: sa.Table) -> SqliteRowReader:
    reader = _READERS.get(table.name)
    if reader is None or reader.table is not table:
        reader = _READERS[table.name] = SqliteRowReader(table)
    return reader


class TableCache:
    def __init__(self, table: sa.Table, assume_empty: bool) -> None:
        self.table = table
        self.key_columns = [c.name for c in table.primary_key.columns]
        self._key_of = operator.itemgetter(*self.key_columns)
        self._single_key = len(self.key_columns) == 1
        self.assume_empty = assume_empty
        self.rows: dict[tuple[Any, ...], Row | None] = {}
        self.dirty: set[tuple[Any, ...]] = set()
        # column -> value -> keys of the cached rows holding it, for `rows_where` (built when first asked)
        self._by: dict[str, dict[Any, set[tuple[Any, ...]]]] = {}
        # stored rows of which only these columns changed: an UPDATE of them, far cheaper than
        # replacing the row with its indexes (a word's moved answers, by the hundred thousand)
        self.changed: dict[tuple[Any, ...], tuple[str, ...]] = {}
        self._complete = False  # every stored row is cached (`load_all`): a miss is a missing row
        self._prefetched: dict[str, set[Any]] = {}  # column -> values whose stored rows are all cached

    def get(self, connection: sa.Connection, key: tuple[Any, ...]) -> Row | None:
        row = self.rows.get(key, _MISSING)
        if row is _MISSING:
            row = None if self.assume_empty or self._complete else self._load(connection, key)
            if self._by and row is not None:
                self._index(key, None, row)
            self.rows[key] = row
        return row  # type: ignore[return-value]

    def put(self, row: Row, changed: tuple[str, ...] | None = None) -> None:
        """Write `row`; `changed` names the only columns that differ from the stored row (which must
        exist), so flushing updates just those (unless the row is written whole anyway)."""
        key = (self._key_of(row),) if self._single_key else self._key_of(row)
        if self._by:
            self._index(key, self.rows.get(key), row)
        self.rows[key] = row
        if changed is None or key in self.dirty:
            self.dirty.add(key)
        else:
            before = self.changed.get(key)
            self.changed[key] = changed if before is None or before == changed else \
                tuple(dict.fromkeys((*before, *changed)))

    def delete(self, key: tuple[Any, ...]) -> None:
        if self._by:
            self._index(key, self.rows.get(key), None)
        self.rows[key] = None
        self.dirty.add(key)

    def _index(self, key: tuple[Any, ...], old: Row | None, new: Row | None) -> None:
        for column, buckets in self._by.items():
            if old is not None and new is not None and old[column] == new[column]:
                continue  # the usual change (an answer's facets): its place in the index stays
            if old is not None:
                buckets.get(old[column], set()).discard(key)
            if new is not None:
                buckets.setdefault(new[column], set()).add(key)

    def flush(self, connection: sa.Connection) -> None:
        if connection.dialect.name == "sqlite":
            for sql, params in self.sqlite_writes():
                SqliteTableWriter.run(connection, sql, params)
            return
        changed = {key: columns for key, columns in self.changed.items() if key not in self.dirty}
        self.changed = {}
        self.dirty.update(changed)  # written whole, as every other row there
        if not self.dirty:
            return
        rows = self.rows
        upserts = [row for row in map(rows.__getitem__, self.dirty) if row is not None]
        deletes = [k for k in self.dirty if rows[k] is None]
        if deletes:
            condition = sa.and_(*(self.table.c[c] == sa.bindparam(f"k_{c}") for c in self.key_columns))
            connection.execute(
                sa.delete(self.table).where(condition),
                [{f"k_{c}": v for c, v in zip(self.key_columns, k, strict=True)} for k in deletes],
            )
        if upserts:
            connection.execute(sa.insert(self.table).prefix_with("OR REPLACE"), upserts)
        self.dirty.clear()

    def sqlite_writes(self) -> list[tuple[str, list[tuple[Any, ...]]]]:
        """`flush` on SQLite as (statement, parameters) pairs, in order, marking the cache flushed.
        Made without a connection: a rebuild's word fold makes them in its own thread, leaving only
        the statements to the connection's (the conversions were most of writing 20,000 words)."""
        changed = {key: columns for key, columns in self.changed.items() if key not in self.dirty}
        self.changed = {}
        writer = _sqlite_writer(self.table)
        writes = []
        for columns in set(changed.values()):
            moved = [self.rows[key] for key, these in changed.items() if these == columns]
            writes.append(writer.update_params(columns, [row for row in moved if row is not None]))
        if self.dirty:
            rows = self.rows
            upserts = [row for row in map(rows.__getitem__, self.dirty) if row is not None]
            deletes = [k for k in self.dirty if rows[k] is None]
            if deletes:
                writes.append(writer.delete_params(deletes))
            if upserts:
                writes.append(writer.upsert_params(upserts))
            self.dirty.clear()
        return writes

    def _load(self, connection: sa.Connection, key: tuple[Any, ...]) -> Row | None:
        if connection.dialect.name == "sqlite":
            return _sqlite_reader(self.table).row(connection, key)
        condition = sa.and_(*(self.table.c[c] == v for c, v in zip(self.key_columns, key, strict=True)))
        found = connection.execute(sa.select(self.table).where(condition)).first()
        return dict(found._mapping) if found is not None else None

    def rows_where(self, connection: sa.Connection, column: str, value: Any) -> list[Row]:
        """Every row whose `column` is `value` (a word's answers, say): the stored ones overlaid by
        this cache's. The cached rows are found through an index on the column, kept from the first
        call on, so a command changing thousands of words does not scan the cache each time."""
        buckets = self._by.get(column)
        if buckets is None:
            buckets = self._by[column] = {}
            for key, row in self.rows.items():
                if row is not None:
                    buckets.setdefault(row[column], set()).add(key)
        found: dict[tuple[Any, ...], Row] = {}
        if not (self.assume_empty or self._complete or value in self._prefetched.get(column, ())):
            for stored in self._stored_where(connection, column, value):
                key = (self._key_of(stored),) if self._single_key else self._key_of(stored)
                if key not in self.rows:  # else the cached row is the current one (or it was deleted)
                    found[key] = stored
        for key in buckets.get(value, ()):
            row = self.rows.get(key)
            if row is not None and row[column] == value:  # as indexed, unless the rows were replaced
                found[key] = row
        return list(found.values())

    # --- reading ahead: one query for what a large command would read row by row -----------------
    def load_all(self, connection: sa.Connection) -> None:
        """Cache every stored row (a small table many rows of which a command will touch)."""
        if not (self.assume_empty or self._complete):
            self._take_in(connection.execute(sa.select(self.table)))
            self._complete = True

    def prefetch(self, connection: sa.Connection, column: str, values: Iterable[Any]) -> None:
        """Cache the stored rows whose `column` holds one of `values`, as `rows_where` would read
        them one value at a time (a command moving thousands of words' answers: a query each)."""
        if self.assume_empty or self._complete:
            return
        wanted = [v for v in dict.fromkeys(values) if v not in self._prefetched.get(column, ())]
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            self._take_in(connection.execute(sa.select(self.table).where(self.table.c[column].in_(chunk))))
        self._prefetched.setdefault(column, set()).update(wanted)

    def _take_in(self, result: Any) -> None:
        names = list(result.keys())  # once: a row's own mapping asked for them again each time
        for values in result:
            row = dict(zip(names, values, strict=True))
            key = (self._key_of(row),) if self._single_key else self._key_of(row)
            if key not in self.rows:  # else the cached row is the current one (or it was deleted)
                self.rows[key] = row
                if self._by:
                    self._index(key, None, row)

    def _stored_where(self, connection: sa.Connection, column: str, value: Any) -> list[Row]:
        result = connection.execute(sa.select(self.table).where(self.table.c[column] == value))
        names = list(result.keys())
        return [dict(zip(names, values, strict=True)) for values in result]


class ReviewIndex:
    """Each word's first-attempt answers and the schedule folded from them.

    The usual answer is the newest, so the fold advances by one step; an
    answer older than the last (merged by a sync) or an undone one makes it
    fold the word's whole history again, in answer-time order."""

    def __init__(self, answers: sa.Table, assume_empty: bool) -> None:
        self.answers = answers
        self.assume_empty = assume_empty
        self.reviews: dict[Any, list[Review]] = {}
        self.keys: dict[Any, list[tuple[Any, Any]]] = {}  # (answered_at, event_id) per review
        self.folded: dict[Any, tuple[ReviewState, int]] = {}  # state, reviews folded

    def _load(self, connection: sa.Connection, word_id: Any) -> None:
        if word_id in self.reviews:
            return
        rows: list[Any] = []
        if self.assume_empty:
            pass
        elif connection.dialect.name == "sqlite":
            rows = first_attempts_query().rows(connection, {"word_id": word_id})
        else:
            rows = [tuple(r) for r in connection.execute(FIRST_ATTEMPTS, {"word_id": word_id})]
        # (event_id, answered_at, is_correct, response_time_ms, grade, utc_offset_minutes): FIRST_ATTEMPTS
        self.reviews[word_id] = [Review(r[1], bool(r[2]), r[3], Grade(r[4]) if r[4] else None, r[5]) for r in rows]
        self.keys[word_id] = [(r[1], r[0]) for r in rows]

    @staticmethod
    def _review(row: Any) -> Review:
        return Review(row["answered_at"], bool(row["is_correct"]), row["response_time_ms"],
                      Grade(row["grade"]) if row["grade"] else None, row["utc_offset_minutes"])

    def add(self, connection: sa.Connection, word_id: Any, answer: Row) -> None:
        self._load(connection, word_id)
        key = (answer["answered_at"], answer["event_id"])
        keys, reviews = self.keys[word_id], self.reviews[word_id]
        index = bisect.bisect(keys, key)
        keys.insert(index, key)
        reviews.insert(index, self._review(answer))
        if index < len(keys) - 1:
            self.folded.pop(word_id, None)  # an older answer arrived: fold again from the start

    def remove(self, connection: sa.Connection, word_id: Any, event_id: Any) -> None:
        self._load(connection, word_id)
        keys = self.keys[word_id]
        for index, (_, key_id) in enumerate(keys):
            if key_id == event_id:
                del keys[index]
                del self.reviews[word_id][index]
                self.folded.pop(word_id, None)
                return

    def state(self, connection: sa.Connection, word_id: Any,
              scheduler: Scheduler) -> tuple[ReviewState, Any]:
        self._load(connection, word_id)
        reviews = self.reviews[word_id]
        state, done = self.folded.get(word_id, (scheduler.initial(), 0))
        for review in reviews[done:]:
            state = scheduler.review(state, review)
        self.folded[word_id] = (state, len(reviews))
        return state, (reviews[-1].answered_at if reviews else None)


class ReadModelCache:
    """`spill`: write-only rows (the timeline's) may be flushed early and forgotten, to keep a
    long replay's memory flat; a verify keeps them all, to compare them with the stored rows."""

    def __init__(self, tables: tuple[sa.Table, ...], assume_empty: bool = False, spill: bool = False) -> None:
        self.spill = spill
        self.tables = {t.name: TableCache(t, assume_empty) for t in tables}
        self.reviews = ReviewIndex(self.tables["rm_answers"].table, assume_empty)

    def __getitem__(self, name: str) -> TableCache:
        return self.tables[name]

    def flush(self, connection: sa.Connection) -> None:
        for cache in self.tables.values():
            cache.flush(connection)
