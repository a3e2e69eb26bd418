"""The event store interface of the design, shared by every backend."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any, Protocol
from uuid import UUID

from pydantic import BaseModel, ConfigDict

from ..domain.aggregate import StoredEntry
from ..domain.events import DomainEvent
from ..domain.registry import EventRegistry


class AggregateSnapshot(BaseModel):
    model_config = ConfigDict(frozen=True)

    aggregate_id: UUID
    aggregate_type: str
    snapshot_data: dict[str, Any]
    version: int
    created_at: datetime


class EventStore(Protocol):
    registry: EventRegistry  # how stored payloads become typed events (upcasting included)

    def append_events(self, aggregate_id: UUID, events: Sequence[DomainEvent],
                      expected_version: int | None) -> list[DomainEvent]:
        """Append atomically; ConcurrencyError unless the stream is at `expected_version`.

        Returns the events with their store positions."""
        ...

    def get_events(self, aggregate_id: UUID, from_version: int | None = None) -> list[DomainEvent]: ...

    def stream_stored(self, aggregate_id: UUID, from_version: int | None = None) -> list[StoredEntry]:
        """(version, event_id bytes, event_type, schema_version, payload JSON) of one stream from
        `from_version`, undecoded: what `Aggregate.replay_stored` replays."""
        ...

    def load_stream(self, aggregate_id: UUID, snapshot_type: str | None
                    ) -> tuple[AggregateSnapshot | None, list[StoredEntry]]:
        """The stream's snapshot if it is of `snapshot_type` (None: none wanted) and the stored
        events after it (all of them without one)."""
        ...

    def stream_head(self, aggregate_id: UUID) -> tuple[int, UUID] | None:
        """The stream's last (version, event_id), None for an empty stream."""
        ...

    def save_snapshot(self, aggregate_id: UUID, snapshot: AggregateSnapshot) -> None: ...

    def get_snapshot(self, aggregate_id: UUID) -> AggregateSnapshot | None: ...

    def read_all(self, from_position: int = 0, limit: int = 1000) -> list[DomainEvent]:
        """Events with position > from_position, in order, at most `limit`."""
        ...

    def iter_all(self, from_position: int = 0, page_size: int = 5000) -> Iterator[DomainEvent]: ...

    def last_position(self) -> int: ...

    def transaction(self) -> AbstractContextManager[Any]:
        """Group appends (and read-model updates) into one atomic commit."""
        ...
