"""Words page: set the category of the selected words, add a tag to them or take one away.

One action each (one command, one undo entry, one entry in the timeline), from
the Organize button and the right-click menu. The choices offered are the
profile's categories and tags; a new one can be typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialog, QInputDialog, QMainWindow, QMenu, QToolButton

from ...application import organize
from ...domain.word import normalise_tags, split_tags
from ...projections.views import WordView
from .. import undo as undo_rules
from ..undo import BUSY_FROM, UndoEntry, Undone
from .edit import outcome

if TYPE_CHECKING:
    from ...application.service import StudyService
    from .page import WordsPage

Ask = Callable[[str, str, list[str]], str | None]  # (title, label, choices) -> the value, or None


class Organizer(QObject):
    def __init__(self, page: WordsPage) -> None:
        super().__init__(page)
        self.page = page
        self.actions: dict[str, QAction] = {}
        menu = QMenu(page)
        for name, text, slot in (("category", self.tr("Set &category…"), self.set_category),
                                 ("add_tag", self.tr("&Add a tag…"), self.add_tag),
                                 ("remove_tag", self.tr("Remove a &tag…"), self.remove_tag)):
            action = QAction(text, page.table)
            action.setObjectName(f"{name}Action")
            action.triggered.connect(lambda _=False, s=slot: s())
            menu.addAction(action)
            page.table.addAction(action)  # the right-click menu
            self.actions[name] = action
        self.button = QToolButton()
        self.button.setObjectName("organizeButton")
        self.button.setText(self.tr("&Organize"))
        self.button.setMenu(menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.ask: Ask = self._ask

    def update(self, live_selection: bool) -> None:
        self.button.setEnabled(live_selection)
        for action in self.actions.values():
            action.setEnabled(live_selection)

    # --- the three changes ---------------------------------------------------------------------------
    def set_category(self, category: str | None = None) -> int:
        words = self._words()
        if not words:
            return 0
        if category is None:
            none = self.tr("(no category)")  # chosen, not typed: an empty field changes nothing
            category = self.ask(self.tr("Set category"), self.tr("Category for %Ln word(s):", "", len(words)),
                                [none, *(c for c in self.page.profile.queries.categories() if c)])
            category = "" if category == none else category
        if category is None:
            return 0
        return self._apply(words, organize.category_set(category),  # (counting the words it changed)
                           lambda count: self.tr("category “{0}” for %Ln word(s)", "", count).format(category.strip())
                           if category.strip() else self.tr("no category for %Ln word(s)", "", count))

    def add_tag(self, tag: str | None = None) -> int:
        words = self._words()
        if not words:
            return 0
        if tag is None:
            tag = self.ask(self.tr("Add a tag"), self.tr("Tag to add to %Ln word(s):", "", len(words)),
                           self.page.profile.queries.tags())
        if not tag or not split_tags(tag):
            return 0
        return self._apply(words, organize.tag_added(tag), lambda _count: self._named(tag, added=True),
                           lambda before: organize.tags_taken_back(before.get("tags") or [], tag))

    def remove_tag(self, tag: str | None = None) -> int:
        words = self._words()
        if not words:
            return 0
        if tag is None:
            tag = self.ask(self.tr("Remove a tag"), self.tr("Tag to remove from %Ln word(s):", "", len(words)),
                           organize.tags_of(words))
        if not tag or not split_tags(tag):
            return 0
        return self._apply(words, organize.tag_removed(tag), lambda _count: self._named(tag, added=False),
                           lambda before: organize.tags_put_back(before.get("tags") or [], tag))

    def _named(self, typed: str, *, added: bool) -> str:
        """What the undo list and the status bar call the change: "JLPT;N5" typed is two tags."""
        tags = normalise_tags(typed)  # "Kanji, kanji" is one tag
        if len(tags) == 1:
            return (self.tr("tag “{0}” added") if added else self.tr("tag “{0}” removed")).format(tags[0])
        named = self.tr(", ", "between tags in a list").join(self.tr("“{0}”").format(tag) for tag in tags)
        return (self.tr("tags {0} added") if added else self.tr("tags {0} removed")).format(named)

    # --- plumbing ---------------------------------------------------------------------------------------------
    def _words(self) -> list[WordView]:
        return [] if self.page.deleted_mode else self.page.selected_words()

    def _apply(self, words: list[WordView], change: organize.FieldsChange, label: Callable[[int], str],
               inverse: Callable[[dict[str, Any]], organize.FieldsChange] | None = None) -> int:
        """One command for all the words, judged on each word as it is now (the list may be older than
        a CLI edit or a sync); one undo entry that takes it back (`_entry`). The number of words it
        changed; from BACKGROUND_FROM words it runs in the pool (half a millisecond a word: 4,242
        words held the window two seconds), and this is the number it was asked to change."""
        service = self.page.profile.service
        context = self.page.context
        word_ids = [w.word_id for w in words]

        def command() -> list[tuple[UUID, dict[str, Any], UUID]]:
            return service.change_words(word_ids, lambda _word_id, fields: change(fields))

        def settle(ok: bool, done: object) -> int:
            if ok and not done and all(w is None or w.deleted for w in
                                       (self.page.profile.queries.word(v.word_id) for v in words)):
                window = self.page.window()
                if isinstance(window, QMainWindow):
                    window.statusBar().showMessage(self.tr(
                        "Nothing was changed: the selected words were deleted meanwhile by another program."), 8000)
            if not ok or not isinstance(done, list) or not done:
                return 0
            context.undo.push(_entry(service, done, change, inverse, label(len(done))))
            self.page.say_done([word_id for word_id, _, _ in done],
                               self.tr("Done: {0}. Ctrl+Z takes it back.").format(label(len(done))))
            return len(done)

        busy = self.tr("Changing %Ln word(s)…", "", len(words))
        if len(words) >= undo_rules.BACKGROUND_FROM:
            context.undo.in_background(command, settle, busy, changes_first=True)
            return len(words)
        return settle(*context.operations.perform(command, busy=busy if len(words) >= BUSY_FROM else ""))

    def _ask(self, title: str, label: str, choices: list[str]) -> str | None:
        """The value typed or picked; the field starts empty (the first tag stood there, chosen: Enter
        at once tagged 300 words "hard"), and nothing typed changes nothing."""
        dialog = QInputDialog(self.page)
        dialog.setObjectName("organizeAsk")
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setComboBoxItems(choices)
        dialog.setComboBoxEditable(True)
        combo = dialog.findChild(QComboBox)
        if combo is not None:  # no choice current either: Down went to the second one
            combo.setCurrentIndex(-1)
        dialog.setTextValue("")
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            value = dialog.textValue().strip()
        finally:
            dialog.deleteLater()
        return value if accepted and value else None


def _entry(service: StudyService, done: list[tuple[UUID, dict[str, Any], UUID]], change: organize.FieldsChange,
           inverse: Callable[[dict[str, Any]], organize.FieldsChange] | None, label: str) -> UndoEntry:
    """The undo of `done` (word, its old values, the change's event), naming each change: a word nothing
    changed since gets its old values back; one changed since gets `inverse` (a tag: that one tag taken
    off or put back, whatever else changed), or keeps the newer values. Redo mirrors it on the words
    the undo changed, naming the undo's events, and gives the entry that undoes the redo."""
    undoes = {word_id: event_id for word_id, _, event_id in done}
    before = {word_id: old for word_id, old, _ in done}
    after = {word_id: service.word_fields(word_id, old) for word_id, old, _ in done}
    undone: list[tuple[UUID, dict[str, Any], UUID]] = []
    put_back: dict[UUID, dict[str, Any]] = {}  # what the undo left each word with

    def take_back(word_id: UUID, fields: dict[str, Any]) -> dict[str, Any] | None:
        if all(fields.get(name) == value for name, value in after[word_id].items()):
            # what the word's history held just before the change: after a sync, perhaps another
            # device's edit placed before it, which the remembered values would have wiped out
            return service.fields_before(word_id, undoes[word_id], before[word_id])
        if inverse is not None:  # given the word's old values: it puts back the spelling it had
            return inverse(before[word_id])(fields)
        kept = {name: value for name, value in before[word_id].items()
                if fields.get(name) == after[word_id][name]}
        return kept or None

    def undo() -> Undone:
        undone[:] = service.change_words(list(undoes), take_back, undoes=undoes)
        put_back.clear()
        put_back.update({word_id: service.word_fields(word_id, old) for word_id, old, _ in undone})
        return outcome(len(undone), len(done))

    def again(word_id: UUID, fields: dict[str, Any]) -> dict[str, Any] | None:
        if inverse is not None:  # a tag: added (or taken off) again, whatever else changed since; the
            return change(fields)  # list the undo put back may hold another device's tags, which stay
        if all(fields.get(name) == value for name, value in put_back[word_id].items()):
            return after[word_id]
        kept = {name: value for name, value in after[word_id].items()
                if fields.get(name) == put_back[word_id].get(name)}
        return kept or None

    def redo() -> tuple[Undone, UndoEntry | None]:
        wanted = len(undone)
        redone = service.change_words([word_id for word_id, _, _ in undone], again,
                                      undoes={word_id: event_id for word_id, _, event_id in undone})
        return outcome(len(redone), wanted), (_entry(service, redone, change, inverse, label) if redone else None)

    return UndoEntry(label, undo, redo=redo, size=len(done))
