"""Ctrl+Z: undo the last answer, word edit or deletion with a compensating command.

History is never rewritten: each entry knows the command that cancels its
action (`retract_answer`, `update_word(undoes=...)`, `restore_word`), so the
undo itself becomes an event that the timeline shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QObject, Signal

from ..persistence.errors import StoreError
from .operations import Operations

MAX_ENTRIES = 50


class Undone(Enum):
    """How much of an action its undo could take back: a field another program (the CLI, a sync)
    changed since keeps its newer value, and the learner hears so instead of "Undone"."""

    ALL = "all"
    PART = "part"
    NOTHING = "nothing"


@dataclass
class UndoEntry:
    label: str  # shown as "Undo <label>"
    undo: Callable[[], object]  # may return an Undone (anything else counts as Undone.ALL)
    kind: str = "word"  # "word" or "answer"
    owner: object | None = None  # e.g. the session an answer belongs to


class UndoHistory(QObject):
    changed = Signal()

    def __init__(self, operations: Operations) -> None:
        super().__init__(operations)
        self.operations = operations
        self._entries: list[UndoEntry] = []
        self.last_outcome = Undone.ALL  # of the latest undo

    def push(self, entry: UndoEntry) -> None:
        self._entries.append(entry)
        del self._entries[:-MAX_ENTRIES]
        self.changed.emit()

    def top(self) -> UndoEntry | None:
        return self._entries[-1] if self._entries else None

    def discard(self, predicate: Callable[[UndoEntry], bool]) -> None:
        """Forget entries that can no longer be undone (the answers of a finished session)."""
        self._entries = [e for e in self._entries if not predicate(e)]
        self.changed.emit()

    def undo_last(self) -> bool:
        entry = self.top()
        if entry is None:
            return False
        self._entries.pop()
        failed: list[Exception] = []

        def undo() -> object:
            try:
                return entry.undo()
            except Exception as error:
                failed.append(error)
                raise

        ok, outcome = self.operations.perform(undo)
        if not ok and failed and isinstance(failed[0], StoreError):
            self._entries.append(entry)  # the profile was busy or the disk failed: it may work in a moment
        # (a rule refusing it, such as a session completed meanwhile, would refuse it every time)
        self.last_outcome = outcome if isinstance(outcome, Undone) else Undone.ALL
        self.changed.emit()
        return ok
