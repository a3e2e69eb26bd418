"""Appending many brand-new streams at once: an import of thousands of words, or a whole exported log.

`SqlEventStore.append_events` checks each stream's current version with a
query before its insert, which is right for a command touching a few streams
and costs most of the time when an import opens fifty thousand. Here the
streams must not exist yet, so no query is needed: each stream's events must
run 1, 2, 3... in the order given, and a stream that already exists collides
with the unique (aggregate_id, version) index, which fails the whole batch.

`append_new_rows` takes rows already in the store's column form (an event
log being restored keeps its stored JSON text as it is), `append_new_envelopes`
the parts of envelopes still to build.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from ..domain.events import DomainEvent, assemble_envelope
from .errors import ConcurrencyError
from .schema import events as events_table
from .sql_store import SqlEventStore

CHUNK = 20_000


def append_new_envelopes(store: SqlEventStore, parts: Sequence[dict[str, Any]],
                         next_version: dict[UUID, int] | None = None) -> list[DomainEvent]:
    """Append new streams' envelopes not built yet: `parts` are each envelope's fields but
    its position (what `assemble_envelope` takes, every one already validated). Each envelope is
    assembled once, from its part with the position filled in (the parts are used up), rather
    than built and then copied to carry it. `next_version`: as `append_new_rows` takes it (new
    streams appended over several calls)."""
    if not parts:
        return []
    serialised: dict[int, str] = {}  # the events of one command share their metadata object
    rows = []
    for fields in parts:
        shared = fields["metadata"]
        metadata = serialised.get(id(shared))
        if metadata is None:
            metadata = serialised[id(shared)] = shared.model_dump_json()
        data = fields["event_data"]
        rows.append({  # the columns of SqlEventStore._row
            "event_id": fields["event_id"], "aggregate_id": fields["aggregate_id"],
            "aggregate_type": fields["aggregate_type"], "event_type": fields["event_type"],
            "event_data": data.model_dump_json(), "metadata": metadata, "created_at": fields["created_at"],
            "version": fields["version"], "schema_version": type(data).schema_version})
    positions = append_new_rows(store, rows, next_version)
    events = []
    for fields, position in zip(parts, positions, strict=True):
        fields["position"] = position
        events.append(assemble_envelope(fields))
    return events


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
