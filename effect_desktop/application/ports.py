"""What the application needs from the outside, as protocols (no SQL here)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any, Protocol

from ..domain.events import DomainEvent
from ..persistence.store import EventStore

Clock = Callable[[], datetime]  # aware local time: its offset is the learner's clock


class TransactionalStore(EventStore, Protocol):
    def transaction(self) -> AbstractContextManager[Any]: ...


class ReadModelUpdater(Protocol):
    def apply(self, transaction: Any, events: Iterable[DomainEvent]) -> None: ...

    def rebuild(self) -> int:
        """Every read model again from the whole log (after a bulk append), inside the caller's transaction."""

    def take_up_switch(self, transaction: Any) -> None:
        """Before a command folds a schedule: adopt a scheduler switch another program stored."""
