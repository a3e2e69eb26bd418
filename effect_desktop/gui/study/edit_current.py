"""Fixing the word on the card without leaving the session (Ctrl+E), as Anki lets you edit a card
under review: a typo seen mid-session is mended where it was seen.

The edit is the Words page's own (the same dialog, one `WordUpdated`, an undo
entry); the card is asked again with the new text and its response time
starts again, so the time spent editing is not counted as recall.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton

from ..words.dialog import WordDialog
from ..words.edit import edit_with_undo

if TYPE_CHECKING:
    from .page import StudyPage


class CurrentWordEditor(QObject):
    def __init__(self, page: StudyPage) -> None:
        super().__init__(page)
        self.page = page
        self.dialog: WordDialog | None = None
        panel = page.session_panel
        self.button = QPushButton(self.tr("Edit word (Ctrl+E)"))
        self.button.setObjectName("editCurrentWord")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the card keeps the keyboard
        self.button.clicked.connect(self.edit)
        shortcut = QShortcut(QKeySequence("Ctrl+E"), panel, self.edit)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def edit(self) -> WordDialog | None:
        run = self.page.run
        card = self.page.current_card()
        # a card waiting for Enter shows the word just answered (its correction, or its spelling: "written
        # “das Haus”"), which is the one to mend, not the next (Ctrl+E did nothing there)
        word = card.word if card.waiting_to_proceed else run.current() if run is not None else None
        if run is None or word is None:
            return None
        profile = self.page.profile
        service = profile.service
        context = self.page.context

        def refresh_card() -> None:
            """The session asks and grades the word as it is now (after the edit, or its undo: the card
            went on asking, and grading, the edited text)."""
            current = self.page.run  # the session running now: the undo may come in a later one
            fresh = profile.queries.word(word.word_id)
            if fresh is not None and current is not None and word.word_id in current.words:
                current.words[word.word_id] = fresh
                if current.current() is fresh and not self.page.current_card().waiting_to_proceed:
                    self._ask_again()

        def submit(values: dict[str, Any]) -> None:
            if edit_with_undo(service, context.undo, word.word_id, dialog.changed_values(),
                              self.tr("edit of “{0}”").format(values["text"].strip()), undone=refresh_card):
                refresh_card()
            context.operations.changed.emit()

        dialog = WordDialog(self.page, submit, profile.queries.categories(), word,
                            same_text=profile.queries.words_with_text)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._card_takes_the_keys)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _card_takes_the_keys(self, _result: int) -> None:
        """Back to the card once the dialog is closed, if the session is still on: it may have ended
        meanwhile (finished on another computer, as a sync brought), and focusing its card failed."""
        if self.page.run is not None:
            self.page.current_card().setFocus()

    def _ask_again(self) -> None:
        card = self.page.current_card()
        revealed = bool(getattr(card, "revealed", False))
        self.page.show_card()
        if revealed and hasattr(card, "reveal"):
            card.reveal()
        self.page.shown_at = time.monotonic()
