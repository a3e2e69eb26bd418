"""The Study page's two faces before the summary: the start panel (the words, the mode, an open
session to resume) and the session panel (progress, the last answer, the card).

They show and collect; what a click or an answer does is the page's (page.py), which holds them.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...application.planning import Focus
from ...domain.events import LearningMode
from ...domain.text_fold import tag_key
from ..announce import announce
from ..style import error_color, follow_palette, heading, scaled_font, set_text_color, success_color
from .cards import Card, ChoiceCard, FlashcardCard, TypingCard
from .fitting import ElidedLabel


def mode_names(_page: QWidget | None = None) -> dict[str, str]:
    return {LearningMode.FLASHCARD.value: QCoreApplication.translate("StudyModes", "Flashcards"),
            LearningMode.MULTIPLE_CHOICE.value: QCoreApplication.translate("StudyModes", "Multiple choice"),
            LearningMode.TYPING.value: QCoreApplication.translate("StudyModes", "Typing")}


class StartPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studyStart")
        self.title = heading(self.tr("Ready to study"), self, 1.8)
        self.counts = QLabel()
        self.counts.setObjectName("queueCounts")
        self.counts.setFont(scaled_font(self, 1.15))
        self.counts.setWordWrap(True)  # at 20 pt in Japanese the day's new words were cut off the line
        self.message = QLabel()
        self.message.setObjectName("startMessage")
        self.message.setWordWrap(True)

        self.focus = QComboBox()  # every word, one category or one tag (filled by the page)
        self.focus.setObjectName("studyFocus")
        self.focus.setMinimumContentsLength(16)
        self.focus.addItem(self.tr("All words"), "")

        self.modes = QButtonGroup(self)
        mode_box = QVBoxLayout()
        descriptions = {
            LearningMode.FLASHCARD.value: self.tr("Flash&cards — see the word, recall the meaning, "
                                                  "grade yourself"),
            LearningMode.MULTIPLE_CHOICE.value: self.tr("&Multiple choice — pick the meaning "
                                                        "from four"),
            LearningMode.TYPING.value: self.tr("&Typing — see the meaning, type the word"),
        }
        self.mode_buttons: dict[str, QRadioButton] = {}
        for mode, text in descriptions.items():
            button = QRadioButton(text)
            button.setObjectName(f"mode_{mode}")
            self.modes.addButton(button)
            self.mode_buttons[mode] = button
            mode_box.addWidget(button)
        self.mode_buttons[LearningMode.FLASHCARD.value].setChecked(True)

        self.start = QPushButton(self.tr("&Start session"))
        self.start.setObjectName("startSession")
        self.start.setDefault(True)
        self.start.setMinimumHeight(self.start.sizeHint().height() * 3 // 2)

        self.resume_box = QFrame()
        self.resume_box.setObjectName("resumeBox")
        self.resume_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.resume_label = QLabel()
        self.resume_label.setWordWrap(True)
        self.resume_button = QPushButton(self.tr("&Resume"))
        self.resume_button.setObjectName("resumeSession")
        self.finish_button = QPushButton(self.tr("F&inish it"))
        self.finish_button.setObjectName("finishSession")
        resume_row = QHBoxLayout(self.resume_box)
        resume_row.addWidget(self.resume_label, 1)
        resume_row.addWidget(self.resume_button)
        resume_row.addWidget(self.finish_button)
        self.resume_box.setVisible(False)

        column = QVBoxLayout()
        column.addWidget(self.title)
        column.addWidget(self.counts)
        column.addSpacing(self.fontMetrics().height())
        column.addWidget(self.resume_box)
        focus_row = QHBoxLayout()
        focus_label = QLabel(self.tr("&Words:"))
        focus_label.setBuddy(self.focus)
        focus_row.addWidget(focus_label)
        focus_row.addWidget(self.focus)
        focus_row.addStretch(1)
        column.addLayout(focus_row)
        column.addSpacing(self.fontMetrics().height() // 2)
        column.addWidget(QLabel(self.tr("How do you want to study?")))
        column.addLayout(mode_box)
        column.addSpacing(self.fontMetrics().height())
        column.addWidget(self.start, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.message)
        column.addStretch(1)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 32)
        outer.addLayout(column, 1)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """The focus starts on Start session, which is drawn as the default: Qt gave it to the first
        field ("Words:"), whose ring does not show after a focus not made by Tab, so Enter on what looked
        like the focused button did nothing (at start-up and after Ctrl+1, as after a session)."""
        super().showEvent(event)
        if not event.spontaneous():  # not a window brought back from the taskbar
            self.start.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_focuses(self, categories: list[str], tags: list[str], chosen: Focus) -> None:
        """The categories and tags to choose from, with `chosen` selected (all words if it is gone).
        Left alone when nothing changed: the page is read again every minute, and refilling the box
        under a learner choosing in it (or a screen reader reading it) would disturb them."""
        items = [(self.tr("All words"), "")]
        items += [(self.tr("Category: {0}").format(c) if c else self.tr("No category"), Focus(category=c).key())
                  for c in categories]
        # a tag by its folded key (as the focus was saved before tags were shown as spelled): the spelling
        # shown may change, the choice must not
        items += [(self.tr("Tag: {0}").format(t), Focus(tag=tag_key(t)).key()) for t in tags]
        if chosen.tag:
            chosen = Focus(tag=tag_key(chosen.tag))
        shown = [(self.focus.itemText(i), self.focus.itemData(i)) for i in range(self.focus.count())]
        if items == shown and self.focus.currentData() == chosen.key():
            return
        self.focus.blockSignals(True)
        self.focus.clear()
        for text, key in items:
            self.focus.addItem(text, key)
        self.focus.setCurrentIndex(max(0, self.focus.findData(chosen.key())))
        self.focus.blockSignals(False)

    def selected_focus(self) -> Focus:
        return Focus.parse(self.focus.currentData())

    def selected_mode(self) -> str:
        for mode, button in self.mode_buttons.items():
            if button.isChecked():
                return mode
        return LearningMode.FLASHCARD.value


class ModeName(ElidedLabel):
    """The session's mode beside its progress: whole where the header has room, ending in "…" where it
    has not. At a 16 pt font in a window at its least size, 「フラッシュカード」 left no room for the
    buttons beside it, and 「単語を編集 (Ctrl+E)」 was cut at both ends."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self.updateGeometry()  # the header asks its width again

    def sizeHint(self) -> QSize:  # noqa: N802
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self.text()) + 2, metrics.lineSpacing())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        metrics = self.fontMetrics()
        least = metrics.horizontalAdvance("…") + 2 * metrics.averageCharWidth()
        return QSize(min(self.sizeHint().width(), least), metrics.lineSpacing())


class SessionPanel(QWidget):
    def __init__(self, rng: random.Random, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studySession")
        self.mode_label = ModeName()
        self.mode_label.setFont(scaled_font(self, 1.0, bold=True))
        self.progress = QProgressBar()
        self.progress.setObjectName("sessionProgress")
        self.progress.setAccessibleName(self.tr("Progress through the session"))
        self.progress.setTextVisible(False)
        # it gives way first: its least width (a text's, though none is shown) cut "単語を編集 (Ctrl+E)"
        # beside it at a 16 pt font in a window at its least size
        self.progress.setMinimumWidth(2 * self.fontMetrics().height())
        self.position = QLabel()
        self.position.setObjectName("sessionPosition")
        self.last_result = ElidedLabel()  # "✗ word — meaning" of any length: one line, "…" at its end
        self.last_result.setObjectName("lastResult")
        self.leave = QPushButton(self.tr("Leave (Esc)"))
        self.leave.setObjectName("leaveSession")
        self.leave.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.header = QHBoxLayout()
        header.addWidget(self.mode_label)
        header.addWidget(self.progress, 1)
        header.addWidget(self.position)
        header.addWidget(self.leave)
        self.flashcard = FlashcardCard()
        self.choice = ChoiceCard(rng)
        self.typing = TypingCard()
        self.cards = QStackedWidget()
        for card in (self.flashcard, self.choice, self.typing):
            self.cards.addWidget(card)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        layout.addLayout(header)
        layout.addWidget(self.last_result)
        layout.addWidget(self.cards, 1)
        self._correct: bool | None = None
        follow_palette(self.last_result, "result", self._colour_result, now=False)

    def show_result(self, text: str, correct: bool | None = None, spoken: str | None = None) -> None:
        """The line above the card: the last answer in green or red (`correct`), or a plain notice.
        The colour is the palette's: switched to dark mid-session, it kept its light-mode green.
        Read out as `spoken` (by default `text`; "" for nothing): a screen reader heard only the next
        card after a right answer, never that it was right."""
        self._correct = correct
        self._colour_result()
        self.last_result.setText(text)
        announce(self.last_result, text if spoken is None else spoken)

    def _colour_result(self) -> None:
        correct = self._correct
        set_text_color(self.last_result, None if correct is None else success_color() if correct else error_color())

    def card_for(self, mode: str) -> Card:
        return {LearningMode.FLASHCARD.value: self.flashcard,
                LearningMode.MULTIPLE_CHOICE.value: self.choice,
                LearningMode.TYPING.value: self.typing}[mode]
