"""The three ways to ask a word, each a widget driven fully by the keyboard.

Each card emits `answered(is_correct, grade)` the moment the learner commits
(grade is "" outside flashcards) and, after showing a mistake, `proceed()`
when the learner has read the correction. Timing and recording are the
page's job.

What a card shows is painted in labels a screen reader does not reach from
the card that has the focus, so each card also says it as its accessible
name and description (the word asked, the meaning once shown, the keys, the
correction), and each grade button says when it brings the word back.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain.events import Grade
from ...projections.views import WordView
from ..style import error_color, scaled_font, secondary_text, success_color
from .due_text import again_in_session, due_in
from .fitting import ElidedButton, ElidedLabel, FittingLabel
from .run import choices_for, one_slip_away, typed_matches

_NUMBER_KEYS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2, Qt.Key.Key_4: 3}
GRADES = (Grade.AGAIN, Grade.HARD, Grade.GOOD, Grade.EASY)


def _big_label(parent: QWidget, factor: float, bold: bool = False, min_factor: float = 1.0) -> FittingLabel:
    """Wrapped and shrunk to the room it gets: a long word or meaning is never cut mid-line (fitting.py)."""
    return FittingLabel(parent, factor, bold, min_factor)


def _hint(parent: QWidget) -> ElidedLabel:
    label = ElidedLabel(parent)
    secondary_text(label)
    return label


class AnswerEntry(QLineEdit):
    """The typing card's field, which has the focus all through a typing session.

    It leaves Undo and Redo to the window: Ctrl+Z takes back the last answer
    (as in the other modes), not the field's own typing. A QLineEdit claims the
    key through a shortcut override, so it is declined here, and the key press
    that follows when there is nothing to undo is not used as a text undo
    either. `reset()` empties the field without an undo step leading back to
    the previous card's answer."""

    @staticmethod
    def _is_undo_or_redo(event: QKeyEvent) -> bool:
        return event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and self._is_undo_or_redo(event):
            event.ignore()  # not ours: the window's Undo action takes it
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self._is_undo_or_redo(event):
            event.ignore()
            return
        super().keyPressEvent(event)

    def reset(self) -> None:
        """Empty, with no undo history (clear() is undoable, setText() starts the history afresh)."""
        self.setText("")


class Card(QFrame):
    answered = Signal(bool, str)
    proceed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.word: WordView | None = None
        self.waiting_to_proceed = False

    def ask(self, word: WordView) -> None:
        self.word = word
        self.waiting_to_proceed = False

    def show_mistake(self) -> None:
        """Show the right answer and wait for Enter/Space."""
        self.waiting_to_proceed = True

    def announce(self, name: str, description: str, target: QWidget | None = None) -> None:
        """What a screen reader says for the card (or its entry, `target`): Qt tells it of a change."""
        widget = target or self
        widget.setAccessibleName(name)
        widget.setAccessibleDescription(description)


class FlashcardCard(Card):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flashcardCard")
        self.front = _big_label(self, 2.6, bold=True)
        self.front.setObjectName("cardFront")
        self.back = _big_label(self, 1.8)
        self.back.setObjectName("cardBack")
        self.hint = _hint(self)
        self.buttons: list[QPushButton] = []
        self.due_labels: list[QLabel] = []  # above each button: when that grade makes the word due
        self.due_days: dict[Grade, int] | None = None
        self.back_this_session = True  # whether Again brings the word back in this session (the page says)
        row = QGridLayout()
        labels = (self.tr("Again"), self.tr("Hard"), self.tr("Good"), self.tr("Easy"))
        for number, (grade, label) in enumerate(zip(GRADES, labels, strict=True), start=1):
            due = QLabel()
            due.setAlignment(Qt.AlignmentFlag.AlignCenter)
            due.setWordWrap(True)  # "again in this session" may take two lines in a narrow window
            due.setObjectName(f"due_{grade.value}")
            row.addWidget(due, 0, number - 1)
            self.due_labels.append(due)
            button = QPushButton(f"{number}  {label}")
            button.setObjectName(f"grade_{grade.value}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(button.sizeHint().height() * 3 // 2)
            button.clicked.connect(lambda _=False, g=grade: self.grade(g))
            row.addWidget(button, 1, number - 1)
            self.buttons.append(button)
        # Where the grades will be: the way to turn the card over without the keyboard (as
        # Anki's "Show Answer"); a click on the card does it too.
        self.show_button = QPushButton(self.tr("Show the meaning"))
        self.show_button.setObjectName("showMeaning")
        self.show_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.show_button.setMinimumHeight(self.buttons[0].minimumHeight())
        self.show_button.clicked.connect(self.reveal)
        row.addWidget(self.show_button, 1, 0, 1, len(GRADES))
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.front)
        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(self.back)
        layout.addStretch(3)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        self.revealed = False

    def ask(self, word: WordView) -> None:
        super().ask(word)
        self.revealed = False
        self.front.setText(word.text)
        self.back.setText("")
        self.due_days = None
        for button, due in zip(self.buttons, self.due_labels, strict=True):
            button.setVisible(False)
            due.setText("")
            button.setAccessibleDescription("")
        self.show_button.setVisible(True)
        self.hint.setText(self.tr("Space or Enter: show the meaning · Esc: leave"))
        self.announce(word.text, self.hint.text())

    def show_due(self, word: WordView, days: dict[Grade, int], back_this_session: bool = True) -> None:
        """When each grade makes `word` due again (the page reads it while the card is up); kept
        hidden until the meaning is shown, and dropped if another word is asked meanwhile.

        `back_this_session`: Again puts the word back into this session's queue (run.py), so its
        button says so rather than the days its schedule gets (the learner sees it again in minutes)."""
        if word is not self.word:
            return
        self.due_days = days
        self.back_this_session = back_this_session
        if self.revealed:
            self._fill_due()

    def _fill_due(self) -> None:
        if self.due_days is None:
            return
        for grade, due, button in zip(GRADES, self.due_labels, self.buttons, strict=True):
            if grade is Grade.AGAIN and self.back_this_session:
                due.setText(again_in_session())
            else:
                due.setText(due_in(self.due_days[grade]))
            button.setAccessibleDescription(due.text())

    def reveal(self) -> None:
        if self.word is None or self.revealed:
            return
        self.revealed = True
        self.back.setText(self.word.meaning)
        self.show_button.setVisible(False)
        for button in self.buttons:
            button.setVisible(True)
        self._fill_due()
        self.hint.setText(self.tr("How well did you know it? 1 Again · 2 Hard · 3 Good · 4 Easy"))
        self.announce(self.tr("{0}: {1}").format(self.word.text, self.word.meaning), self.hint.text())

    def grade(self, grade: Grade) -> None:
        if self.revealed and self.word is not None:
            self.answered.emit(grade != Grade.AGAIN, grade.value)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = Qt.Key(event.key())
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.reveal()
        elif key in _NUMBER_KEYS:
            self.grade(GRADES[_NUMBER_KEYS[key]])
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and not self.revealed:
            self.reveal()
        else:
            super().mousePressEvent(event)


class ChoiceCard(Card):
    def __init__(self, rng: random.Random, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("choiceCard")
        self.rng = rng
        self.pool: list[WordView] = []
        self.options: list[str] = []
        self.prompt = _big_label(self, 2.6, bold=True)
        self.prompt.setObjectName("cardFront")
        self.feedback = _big_label(self, 1.1, min_factor=0.9)
        self.feedback.setObjectName("choiceFeedback")
        self.hint = _hint(self)
        self.buttons: list[ElidedButton] = []
        grid = QVBoxLayout()
        for number in range(4):
            button = ElidedButton()
            button.setObjectName(f"choice_{number + 1}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.set_floor_height(button.sizeHint().height() * 3 // 2)
            button.setFont(scaled_font(self, 1.2))
            button.clicked.connect(lambda _=False, n=number: self.choose(n))
            grid.addWidget(button)
            self.buttons.append(button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.prompt)
        layout.addStretch(1)
        layout.addLayout(grid)
        layout.addWidget(self.feedback)
        layout.addWidget(self.hint)

    def ask(self, word: WordView) -> None:
        super().ask(word)
        self.prompt.setText(word.text)
        self.options = choices_for(word, self.pool, self.rng)
        for number, button in enumerate(self.buttons):
            has_option = number < len(self.options)
            button.setVisible(has_option)
            button.set_choice(str(number + 1) if has_option else "", self.options[number] if has_option else "")
            if button.styleSheet():  # only after a mistake was shown: re-polishing costs time
                button.setStyleSheet("")
        self.feedback.setText("")
        self.hint.setText(self.tr("1–4: choose the meaning · Esc: leave"))
        # the choices too: a screen reader said only the word and the keys, and Tab cannot reach the buttons
        choices = "; ".join(f"{number}: {option}" for number, option in enumerate(self.options, start=1))
        self.announce(word.text, f"{choices}. {self.hint.text()}")

    def choose(self, number: int) -> None:
        if self.word is None or self.waiting_to_proceed or number >= len(self.options):
            return
        self.chosen = number
        self.answered.emit(self.options[number] == self.word.meaning, "")

    def show_mistake(self) -> None:
        super().show_mistake()
        assert self.word is not None
        right = self.options.index(self.word.meaning)
        self.buttons[right].setStyleSheet(f"color: {success_color().name()}; font-weight: bold;")
        self.buttons[self.chosen].setStyleSheet(f"color: {error_color().name()};")
        self.feedback.setText(self.tr("Not quite: “{0}” means {1}.").format(self.word.text,
                                                                             self.word.meaning))
        self.hint.setText(self.tr("Enter or Space: continue"))
        self.announce(self.word.text, f"{self.feedback.text()} {self.hint.text()}")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = Qt.Key(event.key())
        if self.waiting_to_proceed and key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.proceed.emit()
        elif key in _NUMBER_KEYS:
            self.choose(_NUMBER_KEYS[key])
        else:
            super().keyPressEvent(event)


class TypingCard(Card):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("typingCard")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.prompt = _big_label(self, 2.2, bold=True)
        self.prompt.setObjectName("cardFront")
        self.entry = AnswerEntry()
        self.entry.setObjectName("typingEntry")
        self.entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.entry.setFont(scaled_font(self, 1.6))
        self.entry.setPlaceholderText(self.tr("Type the word"))
        self.entry.returnPressed.connect(self._enter)
        self.feedback = _big_label(self, 1.1, min_factor=0.9)
        self.feedback.setObjectName("typingFeedback")
        self.hint = _hint(self)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.prompt)
        layout.addStretch(1)
        self.entry.setMinimumWidth(self.entry.fontMetrics().horizontalAdvance("M") * 16)
        layout.addWidget(self.entry, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.feedback)
        layout.addStretch(2)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.entry)

    def ask(self, word: WordView) -> None:
        super().ask(word)
        self.prompt.setText(word.meaning)
        self.entry.reset()  # not clear(): its undo step would bring the last answer back
        self.entry.setReadOnly(False)
        self.entry.setStyleSheet("")
        self.feedback.setText("")
        # Said here, not only as the field's placeholder: Qt hides a centred field's placeholder while it
        # has the focus, which this one always has.
        self.hint.setText(self.tr("Type the word for this meaning · Enter: check · Esc: leave"))
        self.announce(self.tr("Type the word for “{0}”").format(word.meaning), self.hint.text(), self.entry)
        self.entry.setFocus()

    def _enter(self) -> None:
        if self.waiting_to_proceed:
            self.proceed.emit()
        elif self.word is not None and self.entry.text().strip():
            self.answered.emit(typed_matches(self.entry.text(), self.word.text), "")

    def show_spelling(self, note: str) -> None:
        """A right answer written otherwise (its accents, capitals or ß): the word as written, shown until
        Enter. Said only in the line above the card, it was cut off at a phrase's end, and gone at once
        under the summary after a session's last card."""
        super().show_mistake()  # (waits for Enter as a mistake does)
        assert self.word is not None
        self.entry.setReadOnly(True)
        self.entry.setStyleSheet(f"color: {success_color().name()};")
        self.feedback.setText(self.tr("Right; {0}.").format(note))
        self.hint.setText(self.tr("Enter: continue"))
        self.announce(self.entry.accessibleName(), f"{self.feedback.text()} {self.hint.text()}", self.entry)

    def show_mistake(self) -> None:
        super().show_mistake()
        assert self.word is not None
        self.entry.setReadOnly(True)
        self.entry.setStyleSheet(f"color: {error_color().name()};")
        if one_slip_away(self.entry.text(), self.word.text):
            self.feedback.setText(self.tr("Almost: one letter off. The answer is “{0}”.").format(self.word.text))
        else:
            self.feedback.setText(self.tr("The answer is “{0}”.").format(self.word.text))
        self.hint.setText(self.tr("Enter: continue"))
        self.announce(self.entry.accessibleName(), f"{self.feedback.text()} {self.hint.text()}", self.entry)
