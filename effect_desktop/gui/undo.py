"""Ctrl+Z: undo the last answer, word edit or deletion with a compensating command; Ctrl+Shift+Z
(Ctrl+Y on Windows) does an undone word change again.

History is never rewritten: each entry knows the command that cancels its
action (`retract_answer`, `update_word(undoes=...)`, `restore_word`), so the
undo itself becomes an event that the timeline shows, and so does a redo (an
event that names the undo it takes back). An answer has no redo: the card is
asked again instead, and answering it is the redo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ..persistence.errors import StoreError
from .errors import show_error
from .operations import Operations

MAX_ENTRIES = 50
BUSY_FROM = 200  # words: an undo or redo of that many takes a moment (Operations.perform's busy)
# words: an undo or redo of that many runs off the GUI thread under a progress dialog (an import of 86,137
# words took 8 s to undo, the window unpainted, with only a wait cursor; an Organize's undo takes about
# 0.5 ms a word, so 4,242 words held the window 2-6 s); so does an Organize of that many
BACKGROUND_FROM = 1_000


class Undone(Enum):
    """How much of an action its undo could take back: a field another program (the CLI, a sync)
    changed since keeps its newer value, and the learner hears so instead of "Undone"."""

    ALL = "all"
    PART = "part"
    NOTHING = "nothing"
    # an answer of a session finished meanwhile (at the command line, in another window, on another
    # computer): it said "another program or device changed it since", and nothing had changed the answer
    SESSION_ENDED = "session ended"

    @property
    def took_nothing(self) -> bool:
        return self in (Undone.NOTHING, Undone.SESSION_ENDED)


@dataclass
class UndoEntry:
    label: str  # shown as "Undo <label>"
    undo: Callable[[], object]  # may return an Undone (anything else counts as Undone.ALL)
    kind: str = "word"  # "word" or "answer"
    owner: object | None = None  # e.g. the session an answer belongs to
    # does the action again after its undo, judged on the words as they are then; how much it could
    # do, and the entry that undoes the redo (None: nothing to undo)
    redo: Callable[[], tuple[Undone, UndoEntry | None]] | None = None
    size: int = 1  # words it changes: from BUSY_FROM, the window shows it is busy meanwhile
    # asked before the undo (given the window): False leaves the action as it is (an import's words
    # studied since would be deleted with it)
    ask: Callable[[QWidget], bool] | None = None


class UndoHistory(QObject):
    changed = Signal()

    def __init__(self, operations: Operations) -> None:
        super().__init__(operations)
        self.operations = operations
        self._entries: list[UndoEntry] = []
        self._undone: list[UndoEntry] = []  # what Redo does again, the latest undo last
        self.last_outcome = Undone.ALL  # of the latest undo or redo
        self.running = False  # a large undo or redo is under way in the background
        self._pushes = 0  # actions pushed so far: one pushed while an undo ran makes its redo stale

    def push(self, entry: UndoEntry) -> None:
        """A new action: what was undone before it can no longer be done again (as in every editor)."""
        self._undone.clear()
        self._pushes += 1
        self._keep(entry)
        self.changed.emit()

    def _keep(self, entry: UndoEntry, at: int | None = None) -> None:
        """On top, or at index `at`: below what was pushed while a background undo or redo ran."""
        self._entries.insert(len(self._entries) if at is None else min(at, len(self._entries)), entry)
        del self._entries[:-MAX_ENTRIES]

    def top(self) -> UndoEntry | None:
        return self._entries[-1] if self._entries else None

    def redo_top(self) -> UndoEntry | None:
        return self._undone[-1] if self._undone else None

    def discard(self, predicate: Callable[[UndoEntry], bool]) -> None:
        """Forget entries that can no longer be undone (the answers of a finished session)."""
        self._entries = [e for e in self._entries if not predicate(e)]
        self._undone = [e for e in self._undone if not predicate(e)]
        self.changed.emit()

    def undo_last(self, done: Callable[[bool], None] | None = None) -> bool:
        """Undo the latest action; `done(ok)` once it is undone (at once, or after a large one ran in
        the background). Returns False if there was nothing to undo or it failed at once."""
        entry = self.top()
        if entry is None or self.running:  # Ctrl+Z reaches the window past the progress dialog
            return False
        self._entries.pop()
        place = len(self._entries)  # where it goes back if it fails: below anything pushed meanwhile
        failed: list[Exception] = []

        def undo() -> object:
            try:
                return entry.undo()
            except Exception as error:
                failed.append(error)
                raise

        pushes = self._pushes

        def settle(ok: bool, outcome: object) -> bool:
            # a new action while a background undo ran (before its dialog showed): it stays on top, and
            # no redo leads back past it
            stale = self._pushes != pushes
            if not ok and failed and isinstance(failed[0], StoreError):
                self._keep(entry, place)  # the profile was busy or the disk failed: it may work in a moment
            # (a rule refusing it, such as a session completed meanwhile, would refuse it every time)
            self.last_outcome = outcome if isinstance(outcome, Undone) else Undone.ALL
            if ok and not stale and entry.redo is not None and not self.last_outcome.took_nothing:
                self._undone.append(entry)
            elif ok and not stale:  # an answer taken back: a redo from before it would skip over it
                self._undone.clear()
            self.changed.emit()
            if done is not None:
                done(ok)
            return ok

        message = self._busy(self.tr("Undoing {0}…"), entry)
        if entry.size >= BACKGROUND_FROM:
            self.in_background(undo, settle, message)
            return True
        return settle(*self.operations.perform(undo, busy=message))

    def in_background(self, work: Callable[[], object], settle: Callable[[bool, object], object],
                      message: str, *, changes_first: bool = False) -> None:
        """A large undo or redo (or an Organize: Undo waits for it) in the pool, under a window-modal
        progress dialog (no other command meanwhile); a failure is shown as `perform` shows it, then
        settled as one. `changes_first`: as `Operations.run`'s."""
        def succeeded(result: object) -> None:
            self.running = False
            settle(True, result)

        def failed(error: Exception) -> None:
            self.running = False
            show_error(self.operations.parent_widget, error)
            settle(False, None)

        self.running = True
        self.changed.emit()  # Undo and Redo greyed while it runs

        self.operations.run(lambda _progress: work(), succeeded, label=message, on_failure=failed, owner=self,
                            changes_first=changes_first)

    @staticmethod
    def _busy(message: str, entry: UndoEntry) -> str:
        return message.format(entry.label) if entry.size >= BUSY_FROM else ""

    def redo_last(self, done: Callable[[bool], None] | None = None) -> bool:
        """Redo the latest undone action; `done(ok)` as for `undo_last`."""
        entry = self.redo_top()
        if entry is None or entry.redo is None or self.running:
            return False
        self._undone.pop()
        redo = entry.redo
        place, pushes = len(self._entries), self._pushes  # see `undo_last`
        failed: list[Exception] = []

        def again() -> tuple[Undone, UndoEntry | None]:
            try:
                return redo()
            except Exception as error:
                failed.append(error)
                raise

        def settle(ok: bool, result: object) -> bool:
            stale = self._pushes != pushes  # an action taken meanwhile cleared the redos and stays on top
            if not ok and failed and isinstance(failed[0], StoreError) and not stale:
                self._undone.append(entry)  # busy or the disk failed: Redo may work in a moment
            if ok and isinstance(result, tuple):
                self.last_outcome, undo_it = result
                if undo_it is not None:
                    self._keep(undo_it, place)
            self.changed.emit()
            if done is not None:
                done(ok)
            return ok

        message = self._busy(self.tr("Redoing {0}…"), entry)
        if entry.size >= BACKGROUND_FROM:
            self.in_background(again, settle, message)
            return True
        return settle(*self.operations.perform(again, busy=message))
