"""One word's edit through the core, with the undo entry that takes it back (naming it).

Shared by the Words page's Edit… and the Study page's Ctrl+E, so both record
the same thing and undo the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from ...application.service import StudyService
from ..undo import UndoEntry, UndoHistory, Undone


def edit_with_undo(service: StudyService, undo: UndoHistory, word_id: UUID, values: dict[str, Any],
                   label: str, undone: Callable[[], None] = lambda: None) -> bool:
    """True when a field changed (the dialog may be saved as it was). `values`: only the fields the
    learner changed; the undo puts back only those that still hold what this edit set, then calls
    `undone` (a study card showing the word asks it again as it is)."""
    before = service.update_word(word_id, **values)
    if not before:
        return False
    undo.push(_entry(service, word_id, before, service.word_fields(word_id, before), label, undone))
    return True


def _entry(service: StudyService, word_id: UUID, before: dict[str, Any], after: dict[str, Any], label: str,
           undone: Callable[[], None]) -> UndoEntry:
    """Undo the change `before` → `after` just recorded (the word's last event); Redo sets `after` again
    where a field still holds what the undo put back, naming the undo, and gives the entry that undoes
    that in turn."""
    last = service.last_word_event(word_id)
    change_id = last.event_id if last else None
    undo_id: UUID | None = None
    left: dict[str, Any] = dict(before)  # what the undo put back: Redo's guard

    def take_back() -> Undone:
        nonlocal undo_id
        put_back = service.update_word(word_id, undoes=change_id, expect=after, **before)
        latest = service.last_word_event(word_id) if put_back else None
        undo_id = latest.event_id if latest else None
        # the stream's value before the edit, which after a sync may be another device's, not `before`
        left.update(service.word_fields(word_id, put_back))
        undone()
        return outcome(len(put_back), len(before))

    def again() -> tuple[Undone, UndoEntry | None]:
        redone = service.update_word(word_id, undoes=undo_id, expect=left, **after)
        undone()
        if not redone:
            return Undone.NOTHING, None
        return (outcome(len(redone), len(after)),
                _entry(service, word_id, redone, service.word_fields(word_id, redone), label, undone))

    return UndoEntry(label, take_back, redo=again)


def outcome(done: int, wanted: int) -> Undone:
    return Undone.ALL if done >= wanted else Undone.PART if done else Undone.NOTHING
