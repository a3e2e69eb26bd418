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
    last = service.last_word_event(word_id)
    edit_id = last.event_id if last else None
    after = service.word_fields(word_id, before)

    def take_back() -> Undone:
        put_back = service.update_word(word_id, undoes=edit_id, expect=after, **before)
        undone()
        return outcome(len(put_back), len(before))

    undo.push(UndoEntry(label, take_back))
    return True


def outcome(done: int, wanted: int) -> Undone:
    return Undone.ALL if done >= wanted else Undone.PART if done else Undone.NOTHING
