"""The aggregate base: state built by applying events, new events recorded as pending.

Applying checks that each stored event is exactly the next version, so a gap
or a reordering in a stream is caught instead of producing a wrong state.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Self
from uuid import UUID

from .errors import DomainError
from .events import EventData
from .ids import new_id


@dataclass(frozen=True, slots=True)
class Recorded:
    """An event an aggregate has just decided on; its id is fixed at once so
    later events of the same command can name it as their cause."""

    event_id: UUID
    data: EventData


class StreamCorrupted(DomainError):
    """A stream's versions are not consecutive: the store handed back a broken history."""


class Aggregate:
    aggregate_type: ClassVar[str]

    def __init__(self, aggregate_id: UUID) -> None:
        self.id = aggregate_id
        self.version = 0
        self.pending: list[Recorded] = []

    # --- rebuilding from history -------------------------------------------------
    def replay(self, events: list[tuple[int, UUID, EventData]]) -> Self:
        for version, event_id, data in events:
            if version != self.version + 1:
                raise StreamCorrupted(
                    f"{self.aggregate_type} {self.id}: expected version {self.version + 1}, got {version}"
                )
            self.apply(event_id, data)
            self.version = version
        return self

    def apply(self, event_id: UUID, data: EventData) -> None:
        raise NotImplementedError

    # --- new events --------------------------------------------------------------
    def _record(self, data: EventData) -> Recorded:
        recorded = Recorded(new_id(), data)
        self.apply(recorded.event_id, data)
        self.pending.append(recorded)
        return recorded

    def take_pending(self) -> tuple[int, list[Recorded]]:
        """The version the stream had before the pending events, and the events."""
        pending, self.pending = self.pending, []
        expected = self.version
        self.version += len(pending)
        return expected, pending

    # --- snapshots -------------------------------------------------------------------
    def snapshot_state(self) -> dict[str, Any]:
        raise NotImplementedError

    @classmethod
    def from_snapshot(cls, aggregate_id: UUID, version: int, state: dict[str, Any]) -> Self:
        aggregate = cls(aggregate_id)
        aggregate.restore(state)
        aggregate.version = version
        return aggregate

    def restore(self, state: dict[str, Any]) -> None:
        raise NotImplementedError
