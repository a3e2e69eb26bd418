"""Read models as of a past moment, in a database the ordinary queries can read.

Time travel replays the events up to a moment into a `ReadModelCache` held
in memory. `materialize` writes that cache's rows into a fresh in-memory
SQLite database with the very same tables, so every query (the words list,
the statistics) answers "as of then" without a second, in-memory version of
each query.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

from ..domain.events import DomainEvent
from ..domain.registry import EventRegistry, default_registry
from ..persistence.schema import local_metadata
from ..persistence.sql_store import SqlEventStore
from ..stopping import StoppedAsAsked
from ..timeline.scheduler_choice import selected_scheduler
from .cache import ReadModelCache
from .projector import REBUILD_PAGE, Projector
from .queries import Queries
from .statistics_queries import StatisticsQueries
from .tables import READ_MODELS


def materialize(cache: ReadModelCache, registry: EventRegistry | None = None) -> Queries:
    """Queries over an in-memory database holding exactly the cache's rows."""
    engine = sa.create_engine("sqlite+pysqlite://", poolclass=StaticPool,
                              connect_args={"check_same_thread": False})
    with engine.begin() as connection:
        local_metadata.create_all(connection)
        for name, table_cache in cache.tables.items():
            rows = [row for row in table_cache.rows.values() if row is not None]
            if rows:
                connection.execute(sa.insert(local_metadata.tables[name]), rows)
    return Queries(SqlEventStore(engine, registry or default_registry()))


class ReplayStopped(StoppedAsAsked):
    """`stop()` said so between two pages of the replay (the window closing, another moment chosen)."""


def replay_until(projector: Projector, moment: datetime,
                 tables: tuple[sa.Table, ...] = READ_MODELS, stop: Callable[[], bool] | None = None
                 ) -> ReadModelCache:
    """The read models as they were at `moment`: every event recorded by then, as the time travel
    replays (a session completed after it, stored before an event of before it, counted its minutes:
    68 where the Timeline's past said 43).

    Used until the timeline's own as-of cache is available; it replays from
    the start, so it costs about as much as a rebuild. `tables` may leave out
    read models the caller does not read (their handlers then skip them). ReplayStopped once `stop()`
    says so: three moments chosen on five years replayed side by side (6.8 GB), and a restore waited
    behind them for a minute."""
    store = projector.store
    limit = StatisticsQueries(store).last_position_at(moment)
    cache = ReadModelCache(tables, assume_empty=True)
    # under the scheduler in force then, as the time travel replays: the profile's own (a switch to FSRS
    # made since) folded the past's SM-2 schedules under FSRS, and the figures beside the Timeline's
    # past differed from it (due today 2 against 4, the easiness all 2.5). From the first event: the
    # switches replayed take it up, those recorded by the moment only (chosen by position, a switch
    # made after the moment but stored before an event dated before it ruled the past)
    scheduler = selected_scheduler(store, projector.day_start_hour, up_to=0)
    with store.reading() as connection:
        projector._run(connection, cache, (event for event in _events_up_to(store, limit, stop)
                                           if event.created_at <= moment), scheduler)
    return cache


def _events_up_to(store: SqlEventStore, limit: int, stop: Callable[[], bool] | None = None) -> Iterable[DomainEvent]:
    position = 0
    while position < limit:
        if stop is not None and stop():
            raise ReplayStopped()
        page = store.read_all(position, min(REBUILD_PAGE, limit - position))
        if not page:
            return
        yield from (event for event in page if (event.position or 0) <= limit)
        position = page[-1].position or limit
