"""Keeping the read models in step with the events.

Live: the application hands each command's new events to `apply` inside the
same transaction as the append, and the checkpoint (the last applied
position) is written in that transaction too, so the read models can never
fall behind after a crash. On open, `catch_up` applies anything past the
checkpoint (events pulled by a sync, or written by an older build).
`rebuild` empties the tables and replays the whole log through the same
handlers.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa

from ..domain.events import DomainEvent
from ..domain.scheduling.base import Scheduler
from ..gc_pause import without_gc
from ..persistence.errors import StoreError
from ..persistence.schema import events as events_table
from ..persistence.schema import profile_info
from ..persistence.sql_store import SqlEventStore
from ..stopping import StoppedAsAsked
from ..timeline.scheduler_choice import (
    DEFAULT_SCHEDULER,
    SelectedScheduler,
    UnknownScheduler,
    greatest_choice,
    scheduler_named,
)
from . import handlers
from .cache import ReadModelCache
from .payload_scan import check_stored_payloads
from .sqlite_new_words import BULK_FROM, project_new_words
from .sqlite_reader import SqliteQuery
from .sqlite_rebuild import PHASES, SqliteRebuild
from .tables import READ_MODELS, checkpoints

CHECKPOINT = "read_models"
REBUILD_PAGE = 20_000
REBUILD_FROM = 2_000  # events: a catch-up from nothing rebuilds instead (see catch_up)
READ_AHEAD_FROM = 50  # word moves in one command: their rows are read ahead (see _read_ahead)

Progress = Callable[[int, int], bool]  # (done, total) -> keep going?


_LAST_SWITCH = (sa.select(sa.func.max(events_table.c.position))
                .where(events_table.c.event_type == "SchedulerChanged",
                       events_table.c.position <= sa.bindparam("before")))
_NO_BOUND = 2**62


@functools.cache
def _last_switch_query() -> SqliteQuery:
    return SqliteQuery(_LAST_SWITCH)


# see _rebuilding; by schema (the segment one of rebuild_sources.py is not the rebuild's to set)
_REBUILD_PRAGMAS = {"main.secure_delete": "OFF", "temp.secure_delete": "OFF", "temp.cache_size": -128 * 1024}
_SQLITE_DEFAULT_CACHE = -2000  # SQLite's own default cache_size (2 MB)


@contextmanager
def _rebuilding(connection: sa.Connection) -> Iterator[None]:
    """SQLite settings for a rebuild's connection while it runs, put back after it.

    secure_delete off: the system SQLite (Debian's, among others) is built with it on, so
    emptying the read models overwrote every page they held with zeros before the rebuild
    wrote them again: 400 MB more through the WAL on a million events (the DELETEs took
    1.7 s, 0.25 s without). What it protects is still in the log, so there is nothing to wipe.
    It changes what is written to freed pages only, not what a transaction commits.

    A larger page cache for the temporary database: the work tables (sqlite_rebuild.py) had
    SQLite's default 2 MB, and went back and forth through the temporary file the whole time."""
    if connection.dialect.name != "sqlite":
        yield
        return
    driver: Any = connection.connection.driver_connection
    # temp.cache_size reads 0 while the temporary database keeps SQLite's default (after the connection's
    # temp_store was set); setting 0 back would leave it no cache at all
    before = {pragma: driver.execute(f"PRAGMA {pragma}").fetchone()[0] for pragma in _REBUILD_PRAGMAS}
    before["temp.cache_size"] = before["temp.cache_size"] or _SQLITE_DEFAULT_CACHE
    for pragma, value in _REBUILD_PRAGMAS.items():
        driver.execute(f"PRAGMA {pragma}={value}")

    def put_back() -> None:
        for pragma, value in before.items():
            driver.execute(f"PRAGMA {pragma}={int(value)}")

    try:
        yield
    except BaseException:
        with contextlib.suppress(sqlite3.Error):  # the failure is the news, not the connection's state after it
            put_back()
        raise
    put_back()


class ProjectionFailed(Exception):
    """A read model could not take an event; the message names the event."""


class Projector:
    def __init__(self, store: SqlEventStore, day_start_hour: int, scheduler: Scheduler,
                 hour_key: str | None = None) -> None:
        self.store = store
        self.day_start_hour = day_start_hour
        self.scheduler = scheduler
        self.hour_key = hour_key  # where the profile stores the hour its read models are counted under
        self._switch_seen: int | None = None  # the last SchedulerChanged position taken into account

    def apply(self, connection: sa.Connection, events: Iterable[DomainEvent]) -> None:
        events = list(events)
        self._claim_hour(connection)
        if events:
            self._adopt_switch(connection, (events[0].position or 1) - 1)
        if self._new_words_in_bulk(connection, events):
            project_new_words(connection, events[0].position or 0, events[-1].position or 0,
                              self.day_start_hour)
            self._set_checkpoint(connection, events[-1].position or 0)
            return
        cache = ReadModelCache(READ_MODELS)
        self._read_ahead(connection, cache, events)
        last = self._run(connection, cache, events)
        cache.flush(connection)
        if last:
            self._set_checkpoint(connection, last)

    @staticmethod
    def _read_ahead(connection: sa.Connection, cache: ReadModelCache, events: list[DomainEvent]) -> None:
        """A command that moves many words to another category or tag (an import updating them,
        Organize on the Words page) reads, per word, its row, tags and answers, and per (facet,
        day) a statistics row: one query each, 4,000 studied words took 24 s. Read them in a few."""
        moved = [e.aggregate_id for e in events if e.event_type == "WordUpdated"
                 and {"category", "tags"} & set(getattr(e.event_data, "changes", {}))]
        if len(moved) < READ_AHEAD_FROM:
            return
        for table in ("rm_words", "rm_word_tags", "rm_answers"):
            cache[table].prefetch(connection, "word_id", moved)
        cache["rm_daily_facets"].load_all(connection)

    @staticmethod
    def _new_words_in_bulk(connection: sa.Connection, events: list[DomainEvent]) -> bool:
        """A large run of consecutive WordCreated events (an import): see sqlite_new_words.py."""
        if len(events) < BULK_FROM or connection.dialect.name != "sqlite":
            return False
        first, last = events[0].position, events[-1].position
        return (first is not None and last is not None and last - first + 1 == len(events)
                and all(event.event_type == "WordCreated" for event in events))

    def checkpoint(self) -> int:
        with self.store.reading() as connection:
            return self._get_checkpoint(connection)

    @without_gc
    def catch_up(self, progress: Progress | None = None) -> int:
        """Apply events past the checkpoint; returns how many were applied.

        With no checkpoint at all (read models never built, or reset by an upgrade)
        and many events, a rebuild is the same result far faster."""
        with self.store.reading() as connection:  # nothing to do: no write lock (another program may hold it)
            if self._get_checkpoint(connection) >= self.store.last_position():
                return 0
        with self.store.transaction() as connection:
            position = self._get_checkpoint(connection)
            total = self.store.last_position() - position
            if total <= 0:
                return 0
            if position == 0 and total >= REBUILD_FROM and connection.dialect.name == "sqlite":
                return self.rebuild(lambda done, whole: progress is None or progress(done, whole) is not False)

            def reported(done: int, _position: int) -> None:
                if progress is not None:
                    progress(done, total)

            applied, position = self._replay(connection, ReadModelCache(READ_MODELS, spill=True), position,
                                             reported)
            self._set_checkpoint(connection, position)
        return applied

    @without_gc
    def rebuild(self, progress: Progress | None = None) -> int:
        """Replay every event into empty read models, in one transaction.

        If `progress` returns False the rebuild is cancelled and rolled back,
        leaving the read models as they were."""
        with self.store.transaction() as connection, _rebuilding(connection):
            total = self.store.last_position()
            indexes = [index for table in READ_MODELS for index in table.indexes]
            for index in indexes:  # filled tables are indexed once at the end: far cheaper than per row
                index.drop(connection, checkfirst=True)
            for table in READ_MODELS:
                connection.execute(sa.delete(table))
            def create_indexes() -> None:
                for index in indexes:
                    index.create(connection)

            if connection.dialect.name == "sqlite":
                applied, position = self._rebuild_sqlite(connection, total, progress, create_indexes)
            else:
                applied, position = self._replay_into_empty(connection, total, progress)
                create_indexes()
            self._set_checkpoint(connection, position)
        return applied

    # --- internals -------------------------------------------------------------------------------
    def _rebuild_sqlite(self, connection: sa.Connection, total: int, progress: Progress | None,
                        create_indexes: Callable[[], None]) -> tuple[int, int]:
        """Table by table in SQLite (sqlite_rebuild.py): same rows as the replay below, far faster."""
        def step(done: int) -> None:
            if progress is not None and progress(total * done // PHASES, total) is False:
                raise RebuildCancelled()

        try:
            SqliteRebuild(connection, self.store, self.day_start_hour, self.scheduler).run(step, create_indexes)
        except (RebuildCancelled, StoreError):  # a damaged event says so in its own words
            raise
        except Exception as error:  # like `_run`: a projection failure is reported, never half-applied
            # most likely a payload damaged in its fields, which the SQL reads without its model (a
            # field gone failed as "NOT NULL constraint failed", with the statement): named if so
            check_stored_payloads(connection, self.store)
            # SQLite's own words, not SQLAlchemy's dump of the statement and its parameters
            reason = error.orig if isinstance(error, sa.exc.DBAPIError) else error
            raise ProjectionFailed(f"read models could not be rebuilt: {reason}") from error
        return self.store.count(), total

    def _replay_into_empty(self, connection: sa.Connection, total: int,
                           progress: Progress | None) -> tuple[int, int]:
        def cancellable(_done: int, position: int) -> None:
            if progress is not None and progress(position, total) is False:
                raise RebuildCancelled()

        return self._replay(connection, ReadModelCache(READ_MODELS, assume_empty=True, spill=True), 0,
                            cancellable)

    def _replay(self, connection: sa.Connection, cache: ReadModelCache, position: int,
                after_page: Callable[[int, int], None]) -> tuple[int, int]:
        """Every event after `position` through the handlers, page by page; (applied, last position)."""
        applied = 0
        while True:
            page = self.store.read_all(position, REBUILD_PAGE)
            if not page:
                break
            position = self._run(connection, cache, page) or position
            applied += len(page)
            after_page(applied, position)
        cache.flush(connection)
        return applied, position

    def _run(self, connection: sa.Connection, cache: ReadModelCache,
             events: Iterable[DomainEvent], scheduler: Scheduler | None = None) -> int:
        """Apply `events` to `cache`; under `scheduler` where given (a replay up to a past moment takes
        the scheduler in force then), else under the profile's."""
        ctx = handlers.Context(connection, cache, self.day_start_hour, scheduler or self.scheduler)
        last = 0
        for event in events:
            try:
                handlers.apply(ctx, event)
            except Exception as error:  # a projection bug must name the event, never pass silently
                raise ProjectionFailed(
                    f"read models could not apply {event.event_type} {event.event_id} "
                    f"(position {event.position}): {error}"
                ) from error
            last = event.position or last
        return last

    def _get_checkpoint(self, connection: sa.Connection) -> int:
        query = sa.select(checkpoints.c.position).where(checkpoints.c.name == CHECKPOINT)
        return connection.execute(query).scalar() or 0

    def _claim_hour(self, connection: sa.Connection) -> None:
        """Another program (the CLI) may have moved the study day's start and recounted everything
        while this one (a window in a session) still counts under the old hour. What it adds now is
        counted under that hour, so that hour is stored again: the read models no longer claim the
        new one, and the next open (or the window, once its session ends) sees the hour in force
        differ and recounts. Without it they stayed mixed, and `verify` failed for good."""
        if self.hour_key is None:
            return
        stored = connection.execute(sa.select(profile_info.c.value)
                                    .where(profile_info.c.key == self.hour_key)).scalar()
        if stored is not None and stored != str(self.day_start_hour):
            connection.execute(sa.update(profile_info).where(profile_info.c.key == self.hour_key)
                               .values(value=str(self.day_start_hour)))

    def take_up_switch(self, connection: sa.Connection) -> None:
        """`_adopt_switch` at the start of a command that folds a schedule (an answer, its undo), in its
        transaction: the answer's own ProgressUpdated and the outcome it returns were the old
        scheduler's when the switch was only taken up as its events were applied."""
        self._adopt_switch(connection, None)

    def adopt_switch_from_elsewhere(self) -> str | None:
        """`_adopt_switch` on its own (the window, told that another program wrote events): the name
        of the scheduler now in force if it changed."""
        with self.store.reading() as connection:
            return self._adopt_switch(connection, None)

    def reread_switches(self) -> None:
        """After a write that applied a scheduler switch was rolled back: the scheduler in force is the
        log's again, and the next switch stored is taken up, though it takes the position the rolled-back
        one had (remembered as seen, another program's switch stored there was passed over)."""
        self._switch_seen = None
        if isinstance(self.scheduler, SelectedScheduler):
            found = greatest_choice(self.store)
            name, key = found if found is not None else (DEFAULT_SCHEDULER, None)
            with contextlib.suppress(UnknownScheduler):  # written by a newer build: keep the one in use
                self.scheduler.select(scheduler_named(name, self.day_start_hour), key)

    def _adopt_switch(self, connection: sa.Connection, before: int | None) -> str | None:
        """Take up a scheduler switch another program stored (a sync run from a terminal, the CLI)
        while this one kept the scheduler it opened with: its next answer was folded under the old
        one, and `verify` failed for good. One indexed lookup per command; the log is read only
        when a switch is there that this projector has not yet seen. Switches among the events
        being applied (`before` excludes them) are the handlers' (scheduler_choice.scheduler_changed)."""
        if not isinstance(self.scheduler, SelectedScheduler):
            return None
        bound = {"before": before if before is not None else _NO_BOUND}
        if connection.dialect.name == "sqlite":  # twice per answer: compiled once (sqlite_reader.py)
            last = _last_switch_query().rows(connection, bound)[0][0]
        else:
            last = connection.execute(_LAST_SWITCH, bound).scalar()
        if last is None or last == self._switch_seen:
            return None
        self._switch_seen = last
        found = greatest_choice(self.store, before)
        if found is None or found[1] == self.scheduler.key:
            return None
        if self.scheduler.key is not None and found[1] < self.scheduler.key:
            return None
        try:
            chosen = scheduler_named(found[0], self.day_start_hour)
        except UnknownScheduler:  # written by a newer build: keep the one in use (as on open)
            return None
        changed = chosen.name != self.scheduler.name
        self.scheduler.select(chosen, found[1])
        return chosen.name if changed else None

    def _set_checkpoint(self, connection: sa.Connection, position: int) -> None:
        connection.execute(sa.insert(checkpoints).prefix_with("OR REPLACE"),
                           {"name": CHECKPOINT, "position": position})


class RebuildCancelled(StoppedAsAsked):
    """The user cancelled a rebuild; the transaction was rolled back."""
