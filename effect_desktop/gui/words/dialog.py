"""Add or edit one word, with the core's validation messages beside each field.

The dialog does not validate by itself: it sends the command, and if the core
answers `ValidationFailed`, each message appears under its field (in the
interface language, see core_messages.py) and the dialog stays open with the
input kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError, ValidationFailed
from ...domain.word import split_tags
from ...interchange.importer import word_key
from ...persistence.errors import StoreError
from ...persistence.lock_wait import waiting_briefly
from ...projections.views import WordView
from ..core_messages import localise_fields
from ..errors import show_error
from ..style import error_label, least_width, secondary_text
from .meaning_edit import MeaningEdit

Submit = Callable[[dict[str, Any]], None]
SameText = Callable[[str], list[WordView]]
SAME_TEXT_DELAY_MS = 150  # looked up once typing pauses, not at every key
SAME_TEXT_SHOWN = 3
SAME_TEXT_MEANING = 60  # characters of each meaning named: enough to tell two apart


def _describe(editor: QWidget, message: str) -> None:
    """`message` as what a screen reader says of the field after its name (an editable combo's text
    field is a widget of its own to it: both)."""
    editor.setAccessibleDescription(message)
    field = editor.lineEdit() if isinstance(editor, QComboBox) else None
    if field is not None:
        field.setAccessibleDescription(message)


def _focus_and_say(widget: QWidget, message: str) -> None:
    """The focus to `widget`, which a screen reader reads with its description, `message`; when the
    focus was there already (Enter pressed in the field in error) nothing moves, so it is announced."""
    focus = QApplication.focusWidget()
    there = focus is not None and (focus is widget or widget.isAncestorOf(focus))
    widget.setFocus()
    if there:
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, message))


def _short(meaning: str) -> str:
    return meaning if len(meaning) <= SAME_TEXT_MEANING else meaning[:SAME_TEXT_MEANING - 1].rstrip() + "…"


class WordDialog(QDialog):
    def __init__(self, parent: QWidget | None, submit: Submit, categories: list[str],
                 word: WordView | None = None, same_text: SameText | None = None) -> None:
        super().__init__(parent)
        self.word = word
        self.same_text = same_text
        self._warned: tuple[str, str] | None = None  # the duplicate a Save was stopped for (see accept)
        self.setObjectName("wordDialog")
        self.submit = submit
        self.setWindowTitle(self.tr("Edit word") if word else self.tr("Add word"))

        self.text_edit = QLineEdit(word.text if word else "")
        self.text_edit.setObjectName("textEdit")
        self.text_edit.setPlaceholderText(self.tr("e.g. apple"))
        self.meaning_edit = MeaningEdit(word.meaning if word else "")
        self.meaning_edit.setObjectName("meaningEdit")
        self.meaning_edit.setPlaceholderText(self.tr("e.g. りんご (Shift+Enter: a new line)"))
        self.category_edit = QComboBox()
        self.category_edit.setObjectName("categoryEdit")
        self.category_edit.setEditable(True)
        self.category_edit.addItems([""] + categories)
        self.category_edit.setCurrentText(word.category if word else "")
        # Sized like the line edits, not by the longest category: a 55-character one widened the
        # dialog past the screen and the labels beside the fields were cut to "カテゴリ(".
        self.category_edit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.category_edit.setMinimumContentsLength(16)
        self.tags_edit = QLineEdit(", ".join(word.tags) if word else "")
        self.tags_edit.setObjectName("tagsEdit")
        self.tags_edit.setPlaceholderText(self.tr("comma-separated, e.g. noun, food"))
        self.difficulty_edit = QSpinBox()
        self.difficulty_edit.setObjectName("difficultyEdit")
        self.difficulty_edit.setRange(1, 5)
        self.difficulty_edit.setValue(word.difficulty if word else 1)
        self.difficulty_edit.setToolTip(self.tr("1 = easy … 5 = hard"))

        self.errors: dict[str, QLabel] = {}
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout()
        for name, label, editor in (
            ("text", self.tr("&Word"), self.text_edit),
            ("meaning", self.tr("&Meaning"), self.meaning_edit),
            ("category", self.tr("&Category"), self.category_edit),
            ("tags", self.tr("&Tags"), self.tags_edit),
            ("difficulty", self.tr("&Difficulty"), self.difficulty_edit),
        ):
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(editor)
            message = error_label()
            message.setObjectName(f"{name}Error")
            box.addWidget(message)
            self.errors[name] = message
            self.editors[name] = editor
            if name == "text":
                self.same_text_note = QLabel()
                self.same_text_note.setObjectName("sameTextNote")
                self.same_text_note.setWordWrap(True)
                self.same_text_note.setVisible(False)
                secondary_text(self.same_text_note)
                box.addWidget(self.same_text_note)
            caption = QLabel(label)
            caption.setBuddy(editor)
            form.addRow(caption, box)
            field = editor.lineEdit() if isinstance(editor, QComboBox) else None
            if field is not None:  # an editable combo's text field is a widget of its own to a screen reader
                field.setAccessibleName(re.sub(r"\(&.\)|&", "", label))
        self._clear_when_edited()
        self._look_up = QTimer(self)
        self._look_up.setSingleShot(True)
        self._look_up.setInterval(SAME_TEXT_DELAY_MS)
        self._look_up.timeout.connect(self._show_same_text)
        self.text_edit.textChanged.connect(self._look_up.start)
        self.general_error = error_label()
        self.general_error.setObjectName("generalError")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = self.main_layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        least_width(layout, self, 420)
        self.text_edit.setFocus()
        self.initial = self.values()  # what it opened with: an edit sends only what the learner changed
        if word is not None:  # a second "apple" made on another computer shows as soon as either is opened
            self._show_same_text()

    def changed_values(self) -> dict[str, Any]:
        """The fields the learner changed here. Sending all of them put back, over a change made
        meanwhile by the CLI or a sync, the values this dialog had opened with."""
        return {name: value for name, value in self.values().items() if value != self.initial[name]}

    def _clear_when_edited(self) -> None:
        """A field's message goes as soon as that field is edited: it stayed until the next Save and
        still said "Enter a word" over the word just typed. Save checks the fields again."""
        for name, changed in (("text", self.text_edit.textChanged),
                              ("meaning", self.meaning_edit.textChanged),
                              ("category", self.category_edit.editTextChanged),
                              ("tags", self.tags_edit.textChanged),
                              ("difficulty", self.difficulty_edit.valueChanged)):
            changed.connect(lambda *_args, field=name: self._clear_error(field))

    def _clear_error(self, name: str) -> None:
        self.errors[name].setVisible(False)
        _describe(self.editors[name], "")

    def _show_same_text(self) -> None:
        """Names the words that already have this text, as Anki's Add window marks a duplicate: a
        homograph is worth adding, a second "apple" with the same meaning only splits its reviews."""
        typed = self.text_edit.text().strip()
        others: list[WordView] = []
        if self.same_text is not None and typed:
            try:
                others = [w for w in self.same_text(typed) if self.word is None or w.word_id != self.word.word_id]
            except StoreError:  # only a hint: a busy or unreadable store leaves it out, Save still checks
                others = []
        if not others:
            self.same_text_note.setVisible(False)
            return
        lines = [self.tr("“{0}” — {1}").format(w.text, _short(w.meaning)) for w in others[:SAME_TEXT_SHOWN]]
        more = len(others) - SAME_TEXT_SHOWN
        if more > 0:
            lines.append(self.tr("and %Ln more", "", more))
        self.same_text_note.setText("\n".join([self.tr("Already in your words:")] + lines))
        self.same_text_note.setVisible(True)
        self._fit_height()

    def _same_word_again(self, values: dict[str, Any]) -> bool:
        """A word given the text and meaning of another already there (compared as an import compares
        them) asks for a second Save: one Enter added an exact duplicate, which only splits its reviews,
        where an import skips it; an edit made one without a word. A homograph (another meaning) goes in
        at once, and an edit that leaves the text and meaning as they were is not asked about."""
        if self.same_text is None:
            return False
        key = word_key(values["text"], values["meaning"])
        if key == self._warned or (self.word is not None and key == word_key(self.word.text, self.word.meaning)):
            return False
        itself = self.word.word_id if self.word is not None else None
        try:
            same = [w for w in self.same_text(values["text"].strip())
                    if word_key(w.text, w.meaning) == key and w.word_id != itself]
        except StoreError:
            return False  # only a guard: a busy store leaves it out
        if not same:
            return False
        self._warned = key
        message = (self.tr("“{0}” — {1} is already in your words. Save again to add it once more.")
                   if self.word is None else
                   self.tr("“{0}” — {1} is already in your words. Save again to have it twice."))
        self._show_general_error(message.format(same[0].text, _short(same[0].meaning)))
        self._fit_height()
        _focus_and_say(self.save_button, self.general_error.text())
        return True

    def _show_general_error(self, message: str) -> None:
        """A message for no one field, under them all and on Save, which the learner presses again (or
        after mending a field): on the label alone a screen reader never read it out."""
        self.general_error.setText(message)
        self.general_error.setVisible(bool(message))
        self.save_button.setAccessibleDescription(message)

    def _fit_height(self) -> None:
        """Taller by what a wrapped note needs, at the width the learner sees: the layout alone
        squeezed the note's second line under the Meaning field."""
        layout = self.main_layout
        layout.activate()
        wanted = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def values(self) -> dict[str, Any]:
        return {
            "text": self.text_edit.text(),
            "meaning": self.meaning_edit.text(),
            "category": self.category_edit.currentText(),
            "tags": split_tags(self.tags_edit.text()),
            "difficulty": self.difficulty_edit.value(),
        }

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field and on it (its accessible description), and the focus on the
        first field in error, so a screen reader says "Meaning, edit, Meaning must not be empty." (it
        said only "Meaning, edit": the red label beside it is no part of the field)."""
        leftovers = []
        for name, label in self.errors.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)
            _describe(self.editors[name], errors.get(name, ""))
        for name, message in errors.items():
            if name not in self.errors:
                leftovers.append(message)
        self._show_general_error("\n".join(leftovers))
        self._fit_height()
        first = next((n for n in self.errors if n in errors), None)
        target = self.editors[first] if first else self.save_button if leftovers else None
        if target is not None:
            _focus_and_say(target, errors[first] if first else self.general_error.text())

    def accept(self) -> None:
        values = self.values()
        if self._same_word_again(values):
            return
        try:
            with waiting_briefly():  # as a command in the window (Operations.perform)
                self.submit(values)
        except ValidationFailed as error:
            self.show_errors(localise_fields(error.errors))
            return
        except (DomainError, StoreError) as error:
            show_error(self, error)
            return
        super().accept()
