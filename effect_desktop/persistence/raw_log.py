"""The event log's rows as stored, for a lossless export that does not re-validate a million payloads.

An export must give back exactly what is stored, and fast: loading every
payload into its pydantic class and serialising it again costs more than
the rest of the export together. These rows carry the stored JSON text of
`event_data` and `metadata` unchanged (archived rows are unpacked, see
`archive.py`), so the export writes them as they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import NamedTuple
from uuid import UUID

import sqlalchemy as sa

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
