"""Appending many brand-new streams at once: an import of thousands of words, or a whole exported log.

`SqlEventStore.append_events` checks each stream's current version with a
query before its insert, which is right for a command touching a few streams
and costs most of the time when an import opens fifty thousand. Here the
streams must not exist yet, so no query is needed: each stream's events must
run 1, 2, 3... in the order given, and a stream that already exists collides
with the unique (aggregate_id, version) index, which fails the whole batch.

`append_new_rows` takes rows already in the store's column form (an event
log being restored keeps its stored JSON text as it is); `append_new_streams`
takes envelopes.
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
from .sql_store import SqlEventStore, with_position

CHUNK = 20_000


def append_new_streams(store: SqlEventStore, events: Sequence[DomainEvent],
                       next_version: dict[UUID, int] | None = None) -> list[DomainEvent]:
    """Append in one transaction (the caller's, if open); the events with their positions."""
    if not events:
        return []
    serialised: dict[int, str] = {}  # the events of one command share their metadata object
    rows = []
    for event in events:
        metadata = serialised.get(id(event.metadata))
        if metadata is None:
            metadata = serialised[id(event.metadata)] = event.metadata.model_dump_json()
        rows.append(store._row(event, metadata))
    positions = append_new_rows(store, rows, next_version)
    return [with_position(e, p) for e, p in zip(events, positions, strict=True)]


def append_new_rows(store: SqlEventStore, rows: Sequence[dict[str, Any]],
                    next_version: dict[UUID, int] | None = None) -> list[int]:
    """Insert rows (the events table's columns but position) in order; their positions.

    `next_version` carries each stream's expected next version across calls
    (a log imported in pages)."""
    expected_next = next_version if next_version is not None else {}
    for row in rows:
        aggregate_id = row["aggregate_id"]
        expected = expected_next.get(aggregate_id, 1)
        if row["version"] != expected:
            raise ConcurrencyError(f"event {row['event_id']} does not continue stream {aggregate_id} "
                                   f"at version {expected}")
        expected_next[aggregate_id] = expected + 1
    positions: list[int] = []
    with store.transaction() as connection:
        try:
            for start in range(0, len(rows), CHUNK):
                positions.extend(_insert(store, connection, rows[start:start + CHUNK]))
        except IntegrityError as error:
            raise ConcurrencyError("some of these streams already exist (or an event was already "
                                   "stored); nothing was appended") from error
    return positions


def _insert(store: SqlEventStore, connection: sa.Connection, rows: Sequence[dict[str, Any]]) -> list[int]:
    appender = getattr(store, "_appender", None)  # the SQLite fast path, when the store has one
    if appender is not None:
        return list(appender.insert(connection, rows))
    result = connection.execute(
        sa.insert(events_table).returning(events_table.c.position, sort_by_parameter_order=True), list(rows))
    return [row[0] for row in result]
