"""Loading and saving aggregates: snapshot plus the events after it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TypeVar
from uuid import UUID

from ..domain.aggregate import Aggregate
from ..gc_pause import without_gc
from ..persistence.store import AggregateSnapshot, EventStore

A = TypeVar("A", bound=Aggregate)

DEFAULT_SNAPSHOT_EVERY = 100


class Repository:
    def __init__(self, store: EventStore, snapshot_every: int = DEFAULT_SNAPSHOT_EVERY) -> None:
        self.store = store
        self.snapshot_every = snapshot_every

    @without_gc  # a long stream or snapshot makes thousands of objects at once (see gc_pause.py)
    def load(self, cls: type[A], aggregate_id: UUID, use_snapshot: bool = True) -> A:
        """The aggregate from its snapshot (of this type) and the events after it, or from all its
        events; payloads are upcast and validated as `Aggregate.replay_stored` explains."""
        snapshot, stored = self.store.load_stream(aggregate_id, cls.aggregate_type if use_snapshot else None)
        if snapshot is not None:
            aggregate = cls.from_snapshot(aggregate_id, snapshot.version, snapshot.snapshot_data)
        else:
            aggregate = cls(aggregate_id)
        return aggregate.replay_stored(stored, self.store.registry)

    def snapshot_if_due(self, aggregate: Aggregate, previous_version: int) -> None:
        """Snapshot when the stream crossed a multiple of `snapshot_every`."""
        every = self.snapshot_every
        if every > 0 and aggregate.version // every > previous_version // every:
            self.store.save_snapshot(aggregate.id, AggregateSnapshot(
                aggregate_id=aggregate.id,
                aggregate_type=aggregate.aggregate_type,
                snapshot_data=aggregate.snapshot_state(),
                version=aggregate.version,
                created_at=datetime.now(UTC),
            ))
