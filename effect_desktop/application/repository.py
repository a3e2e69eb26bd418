"""Loading and saving aggregates: snapshot plus the events after it, or the one just committed.

A study session is loaded for every answer, and restoring a long one from its
snapshot is proportional to its length (a 1,000-word session: ~4 ms of a 6 ms
answer). So an aggregate whose events were just appended is kept, and the next
load takes it back if the stream's head, read in the caller's transaction, is
still the (version, event id) it was kept at: anything else (another device's
events, another process, a rolled-back commit) means a load from the store.
A kept aggregate is handed out once (taken, not shared): a command that fails
after changing it leaves nothing behind.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import UTC, datetime
from typing import TypeVar
from uuid import UUID

from ..domain.aggregate import Aggregate
from ..gc_pause import without_gc
from ..persistence.store import AggregateSnapshot, EventStore

A = TypeVar("A", bound=Aggregate)

DEFAULT_SNAPSHOT_EVERY = 100
KEEP = 64  # aggregates kept after their commit (the session, the streak, recent words' progress)


class Repository:
    def __init__(self, store: EventStore, snapshot_every: int = DEFAULT_SNAPSHOT_EVERY) -> None:
        self.store = store
        self.snapshot_every = snapshot_every
        self._kept: OrderedDict[UUID, tuple[Aggregate, int, UUID]] = OrderedDict()
        self._lock = threading.Lock()

    def keep(self, aggregate: Aggregate, head_event_id: UUID) -> None:
        """After its events were appended: `head_event_id` is the last of them."""
        if aggregate.pending:
            return
        with self._lock:
            self._kept[aggregate.id] = (aggregate, aggregate.version, head_event_id)
            self._kept.move_to_end(aggregate.id)
            while len(self._kept) > KEEP:
                self._kept.popitem(last=False)

    def _take(self, cls: type[A], aggregate_id: UUID) -> A | None:
        with self._lock:
            entry = self._kept.pop(aggregate_id, None)
        if entry is None or type(entry[0]) is not cls:
            return None
        aggregate, version, head = entry
        if aggregate.version != version or self.store.stream_head(aggregate_id) != (version, head):
            return None
        return aggregate  # type: ignore[return-value]

    def load(self, cls: type[A], aggregate_id: UUID, use_snapshot: bool = True) -> A:
        """The aggregate as kept after its last commit if its stream has not moved since, else
        from the store (`use_snapshot=False` always reads every event, as `verify` wants)."""
        if use_snapshot:
            kept = self._take(cls, aggregate_id)
            if kept is not None:
                return kept
        return self._load(cls, aggregate_id, use_snapshot)

    @without_gc  # a long stream or snapshot makes thousands of objects at once (see gc_pause.py)
    def _load(self, cls: type[A], aggregate_id: UUID, use_snapshot: bool) -> A:
        """From its snapshot (of this type) and the events after it, or from all its events;
        payloads are upcast and validated as `Aggregate.replay_stored` explains."""
        snapshot, stored = self.store.load_stream(aggregate_id, cls.aggregate_type if use_snapshot else None)
        if snapshot is not None:
            aggregate = cls.from_snapshot(aggregate_id, snapshot.version, snapshot.snapshot_data)
        else:
            aggregate = cls(aggregate_id)
        return aggregate.replay_stored(stored, self.store.registry)

    def snapshot(self, aggregate: Aggregate) -> None:
        """Snapshot now, whatever the version (before its events are archived: see archiving.py)."""
        self.store.save_snapshot(aggregate.id, AggregateSnapshot(
            aggregate_id=aggregate.id, aggregate_type=aggregate.aggregate_type,
            snapshot_data=aggregate.snapshot_state(), version=aggregate.version, created_at=datetime.now(UTC)))

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
