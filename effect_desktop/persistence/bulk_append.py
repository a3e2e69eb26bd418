"""Appending many brand-new streams at once: an import of thousands of words, or a whole exported log.

`SqlEventStore.append_events` checks each stream's current version with a
query before its insert, which is right for a command touching a few streams
and costs most of the time when an import opens fifty thousand. Here the
streams must not exist yet, so no query is needed: each stream's events must
run 1, 2, 3... in the order given, and a stream that already exists collides
with the unique (aggregate_id, version) index, which fails the whole batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from ..domain.events import DomainEvent
from .errors import ConcurrencyError
from .schema import events as events_table
from .sql_store import SqlEventStore

CHUNK = 20_000


def check_new_streams(events: Sequence[DomainEvent], next_version: dict[UUID, int] | None = None) -> None:
    """ConcurrencyError unless every stream's events run 1, 2, 3... in order.

    `next_version` carries the expectations across calls (a log imported in pages)."""
    expected_next = next_version if next_version is not None else {}
    for event in events:
        expected = expected_next.get(event.aggregate_id, 1)
        if event.version != expected:
            raise ConcurrencyError(f"event {event.event_id} does not continue stream "
                                   f"{event.aggregate_id} at version {expected}")
        expected_next[event.aggregate_id] = expected + 1


def append_new_streams(store: SqlEventStore, events: Sequence[DomainEvent],
                       next_version: dict[UUID, int] | None = None) -> list[DomainEvent]:
    """Append in one transaction (the caller's, if open); the events with their positions."""
    if not events:
        return []
    check_new_streams(events, next_version)
    positions: list[int] = []
    with store.transaction() as connection:
        try:
            for start in range(0, len(events), CHUNK):
                rows = [store._row(event) for event in events[start:start + CHUNK]]
                positions.extend(_insert(store, connection, rows))
        except IntegrityError as error:
            raise ConcurrencyError("some of these streams already exist (or an event was already "
                                   "stored); nothing was appended") from error
    return [e.model_copy(update={"position": p}) for e, p in zip(events, positions, strict=True)]


def _insert(store: SqlEventStore, connection: sa.Connection, rows: list[dict[str, Any]]) -> list[int]:
    appender = getattr(store, "_appender", None)  # the SQLite fast path, when the store has one
    if appender is not None:
        return list(appender.insert(connection, rows))
    result = connection.execute(
        sa.insert(events_table).returning(events_table.c.position, sort_by_parameter_order=True), rows)
    return [row[0] for row in result]
