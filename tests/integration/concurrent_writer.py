"""A writer process for the two-process append test (importable, so `spawn` can run it).

It appends `count` events, one at a time, to one stream of a shared profile
file, each time reading the stream's version afresh and retrying when another
process took that version first. It returns the ids of the events it stored.
"""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from effect_desktop.domain.events import DomainEvent, EventMetadata, WordUpdated
from effect_desktop.domain.ids import new_id
from effect_desktop.domain.registry import default_registry
from effect_desktop.persistence.errors import ConcurrencyError
from effect_desktop.persistence.sql_store import SqlEventStore
from effect_desktop.persistence.sqlite import create_sqlite_engine


def append_many(path: str, stream: str, writer: str, count: int) -> tuple[list[str], int]:
    """Append `count` events to `stream`; returns the stored event ids and how many retries."""
    engine = create_sqlite_engine(path, pooled=False)
    store = SqlEventStore(engine, default_registry())
    word_id = UUID(stream)
    stored: list[str] = []
    conflicts = 0
    try:
        while len(stored) < count:
            events = store.get_events(word_id)
            current = events[-1].version if events else 0
            now = datetime.now(UTC)
            command = new_id()
            event = DomainEvent(
                event_id=new_id(), aggregate_id=word_id, aggregate_type="Word",
                event_type="WordUpdated",
                event_data=WordUpdated(word_id=word_id,
                                       changes={"meaning": f"{writer} #{len(stored)}"}),
                metadata=EventMetadata(user_id=command, correlation_id=command,
                                       causation_id=command, timestamp=now),
                created_at=now, version=current + 1)
            try:
                store.append_events(word_id, [event], current)
            except ConcurrencyError:
                conflicts += 1
                continue
            stored.append(str(event.event_id))
    finally:
        engine.dispose()
    return stored, conflicts
