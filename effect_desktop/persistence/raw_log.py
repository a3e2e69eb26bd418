"""The event log's rows as stored, for a lossless export that does not re-validate a million payloads.

`iter_export_lines` gives the JSONL export's lines; on SQLite the database
builds each JSON object itself (json_object over the stored JSON text), which
keeps a million-event export close to the speed of a plain SELECT.

An export must give back exactly what is stored, and fast: loading every
payload into its pydantic class and serialising it again costs more than
the rest of the export together. These rows carry the stored JSON text of
`event_data` and `metadata` unchanged (archived rows are unpacked, see
`archive.py`), so the export writes them as they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import NamedTuple
from uuid import UUID

import sqlalchemy as sa
from pydantic_core import to_json

from .errors import EventUnreadable
from .schema import events as events_table
from .sql_store import SqlEventStore


class RawEvent(NamedTuple):
    position: int
    event_id: UUID
    aggregate_id: UUID
    aggregate_type: str
    event_type: str
    event_data: str  # JSON text as stored
    metadata: str  # JSON text as stored
    created_at: datetime
    version: int
    schema_version: int


_COLUMNS = [events_table.c[name] for name in RawEvent._fields]


def iter_raw(store: SqlEventStore, page_size: int = 20_000) -> Iterator[RawEvent]:
    """Every event in position order, one page per read transaction."""
    position = 0
    while True:
        query = (sa.select(*_COLUMNS).where(events_table.c.position > position)
                 .order_by(events_table.c.position).limit(page_size))
        with store.reading() as connection:
            page = [RawEvent(*row) for row in connection.execute(query)]
        unpack = getattr(store, "unarchived", None)
        for event in page:
            if unpack is not None and not event.event_data:
                data, metadata = unpack(event.position, event.event_data, event.metadata)
                event = event._replace(event_data=data, metadata=metadata)
            yield event
        if len(page) < page_size:
            return
        position = page[-1].position


def _uuid_text(column: str) -> str:
    parts = ((1, 8), (9, 4), (13, 4), (17, 4), (21, 12))
    return "lower(" + "||'-'||".join(f"substr(hex({column}),{a},{n})" for a, n in parts) + ")"


# One JSON object per event, built by SQLite itself: the export's hot loop stays in C. The stored
# payloads are already minified JSON, so they are spliced in as they are (not parsed again).
_SQLITE_LINES = (
    "SELECT position, CASE WHEN event_data = '' THEN NULL ELSE "
    "'{\"position\":' || position || "
    f"',\"event_id\":\"' || {_uuid_text('event_id')} || '\",\"aggregate_id\":\"' || {_uuid_text('aggregate_id')} || "
    "'\",\"aggregate_type\":' || json_quote(aggregate_type) || ',\"event_type\":' || json_quote(event_type) || "
    "',\"event_data\":' || event_data || ',\"metadata\":' || metadata || "
    "',\"created_at\":\"' || replace(created_at, ' ', 'T') || 'Z\",\"version\":' || version || "
    "',\"schema_version\":' || schema_version || '}' END, "
    # Damaged JSON (a failing disk, a hand edit) would be spliced in as it is: an export that no
    # import takes. Checking costs about 5% of the export.
    "event_data = '' OR (json_valid(event_data) AND json_valid(metadata)) "
    "FROM events WHERE position > ? ORDER BY position LIMIT ?"
)


def export_line(event: RawEvent) -> str:
    """The same JSON object as the SQLite query above, built in Python (archived rows, PostgreSQL)."""
    created = event.created_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    data = event.event_data if isinstance(event.event_data, str) else to_json(event.event_data).decode()
    meta = event.metadata if isinstance(event.metadata, str) else to_json(event.metadata).decode()
    return (f'{{"position":{event.position},"event_id":"{event.event_id}","aggregate_id":"{event.aggregate_id}",'
            f'"aggregate_type":{to_json(event.aggregate_type).decode()},'
            f'"event_type":{to_json(event.event_type).decode()},"event_data":{data},"metadata":{meta},'
            f'"created_at":"{created}","version":{event.version},"schema_version":{event.schema_version}}}')


def iter_export_lines(store: SqlEventStore, page_size: int = 20_000) -> Iterator[str]:
    """Every event as one line of the JSONL export, in position order."""
    if store.engine.dialect.name != "sqlite":
        yield from (export_line(event) for event in iter_raw(store, page_size))
        return
    position = 0
    while True:
        with store.reading() as connection:
            driver = connection.connection.driver_connection
            page = driver.execute(_SQLITE_LINES, (position, page_size)).fetchall()  # type: ignore[union-attr]
            for row_position, line, readable in page:
                if not readable:
                    _refuse_damaged(connection, row_position)
                yield line if line is not None else export_line(_archived(store, connection, row_position))
        if len(page) < page_size:
            return
        position = page[-1][0]


def _refuse_damaged(connection: sa.Connection, position: int) -> None:
    event_type = connection.execute(sa.select(events_table.c.event_type)
                                    .where(events_table.c.position == position)).scalar()
    raise EventUnreadable(position, str(event_type), "it is not valid JSON")


def _archived(store: SqlEventStore, connection: sa.Connection, position: int) -> RawEvent:
    query = sa.select(*_COLUMNS).where(events_table.c.position == position)
    event = RawEvent(*connection.execute(query).one())
    data, metadata = store.unarchived(event.position, event.event_data, event.metadata)
    return event._replace(event_data=data, metadata=metadata)
