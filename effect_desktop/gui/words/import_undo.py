"""Ctrl+Z after an import: the words it added deleted again and the words it changed put back, as one
action (and Redo brings them back).

Without it, Ctrl+Z right after importing 2,747 words undid the edit made before the import, said
"Undone: edit of …", and left every imported word in place. Like every undo here, it adds events
and rewrites nothing: the deletions name the WordCreated each takes back (the timeline says "Undid
adding …"), and a word edited since the import keeps the values it was given then.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ...application.service import ImportedWords, StudyService
from ..undo import UndoEntry, UndoHistory, Undone
from .edit import outcome

Change = tuple[UUID, dict[str, Any], dict[str, Any], UUID]  # word, values before, values after, event


def import_entry(service: StudyService, words: ImportedWords, label: str,
                 history: UndoHistory | None = None, switched: bool = False) -> UndoEntry | None:
    """The entry that undoes this import; None if it wrote nothing. `switched`: the import switched the
    scheduler to FSRS after it (history_scheduler.py), which its undo leaves, and says so."""
    if not words.created_events and not words.changes:
        return _answers_only(words.answers, label, history, switched) if words.answers and history is not None \
            else None
    return _entry(service, words.created_events, words.changes, label, words.answers, switched)


def _switch_stays(switched: bool) -> str:
    return (" " + QCoreApplication.translate("ImportUndo", "The switch to FSRS made with it stays; Scheduler… on the "
                                             "Timeline page switches back.")) if switched else ""


def _answers_only(answers: int, label: str, history: UndoHistory, switched: bool = False) -> UndoEntry:
    """An import that only gave Anki's reviews to words already here: answers are never taken back by
    Ctrl+Z, and without an entry of its own Ctrl+Z undid what came before the import instead. The first
    Ctrl+Z says so and how to take the import back, changes nothing, and lets the entry go: the next
    one undoes what came before (an entry that only refused kept Ctrl+Z from ever reaching it)."""
    def ask(window: QWidget) -> bool:
        box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("ImportUndo", "Undo the import"),
                          QCoreApplication.translate(
                              "ImportUndo", "The import gave %Ln review(s) from Anki to words already in your list, "
                              "as answers; answers are not undone. To take the import back, restore a backup from "
                              "before it (File → Backups…).", None, answers) + _switch_stays(switched),
                          QMessageBox.StandardButton.Ok, window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
        history.discard(lambda e: e is entry)
        return False

    entry = UndoEntry(label, lambda: Undone.NOTHING, ask=ask)
    return entry


def _entry(service: StudyService, added: list[tuple[UUID, UUID]], changes: list[Change], label: str,
           answers: int = 0, switched: bool = False) -> UndoEntry:
    """Undo: delete `added` (word, the event that added or brought it back) and set each change's
    words back to its `before` where they still hold its `after`. Redo does both again, naming the
    undo's events, and gives the entry that undoes the redo."""
    deleted: list[tuple[UUID, UUID]] = []
    put_back: list[Change] = []

    def undo() -> Undone:
        def both() -> tuple[list[tuple[UUID, UUID]], list[Change]]:  # one transaction: a retry finds it all to do
            gone = service.delete_words([w for w, _ in added], undoes=dict(added), skip_done=True) if added else []
            return gone, _set(service, [(w, after, before, e) for w, before, after, e in changes])

        deleted[:], put_back[:] = service.all_or_none(both)
        return outcome(len(deleted) + len(put_back), len(added) + len(changes))

    def redo() -> tuple[Undone, UndoEntry | None]:
        def both() -> tuple[list[tuple[UUID, UUID]], list[Change]]:
            back = (service.restore_words([w for w, _ in deleted], undoes=dict(deleted), skip_done=True)
                    if deleted else [])
            return back, _set(service, [(w, after, before, e) for w, before, after, e in put_back])

        restored, again = service.all_or_none(both)
        done = outcome(len(restored) + len(again), len(deleted) + len(put_back))
        return done, _entry(service, restored, again, label, answers, switched) if restored or again else None

    def ask(window: QWidget) -> bool:
        """The words it added that were studied since are deleted with it (a Ctrl+Z meant for the last
        answer, after the summary was left, deleted 300 words without a word): asked first."""
        studied = service.queries.answered_among([w for w, _ in added])
        if not studied:
            return True
        if answers:  # an Anki history: Ctrl+Z cannot take its answers back, and the learner must know
            text = QCoreApplication.translate(
                "ImportUndo", "The import brought %Ln review(s) from Anki. Undoing it deletes every word it added, "
                "but those answers stay in your history and statistics: Redo brings the words back with them "
                "(importing the package again would add the words anew, without their reviews). To take the whole "
                "import back, restore a backup from before it (File → Backups…).", None, answers)
            text += _switch_stays(switched)
        else:
            text = QCoreApplication.translate(
                "ImportUndo", "%Ln studied word(s) among them: undoing the import deletes every word it added, these "
                "too. The answers stay in the history, and Redo brings the words back.", None, studied)
        box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("ImportUndo", "Undo the import"),
                          QCoreApplication.translate("ImportUndo", "Undo the {0}?").format(label),
                          QMessageBox.StandardButton.Cancel, window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(text)
        undo_button = box.addButton(QCoreApplication.translate("ImportUndo", "Undo the import"),
                                    QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is undo_button

    return UndoEntry(label, undo, redo=redo, size=len(added) + len(changes), ask=ask)


def _set(service: StudyService, changes: list[Change]) -> list[Change]:
    """Each (word, values it should hold now, values to give it, the event this takes back), as one
    action; the changes made, as (word, values before, values after, event)."""
    if not changes:
        return []
    done = service.update_words([(w, wanted) for w, _, wanted, _ in changes],
                                undoes={w: e for w, _, _, e in changes},
                                expect={w: held for w, held, _, _ in changes})
    return [(w, before, service.word_fields(w, before), event) for w, before, event in done]
