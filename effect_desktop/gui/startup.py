"""Questions asked when a profile opens: the first-run deck choice, the unfinished session."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..projections.views import SessionView
from .style import heading, least_width


class FirstRunDialog(QDialog):
    """Starter deck, empty start, or (with sync installed) words from another computer; the answer is
    remembered in the profile. The third choice matters: the deck loaded on two computers would be
    two sets of words once they sync (each load creates its own), so a second computer syncs first."""

    STARTER = 1
    EMPTY = 2
    SYNC = 3

    def __init__(self, word_count: int, parent: QWidget | None = None, can_sync: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Welcome to Effect Desktop"))
        text = QLabel(self.tr(
            "Your profile is ready. Would you like to begin with the English–Japanese starter "
            "deck ({0} words with categories and tags), or start with an empty word list and "
            "add your own words?").format(word_count))
        text.setWordWrap(True)
        self.starter = QPushButton(self.tr("Load the &starter deck"))
        self.starter.setObjectName("loadStarterDeck")
        self.starter.setDefault(True)
        self.starter.clicked.connect(lambda: self.done(self.STARTER))
        self.empty = QPushButton(self.tr("Start &empty"))
        self.empty.setObjectName("startEmpty")
        self.empty.clicked.connect(lambda: self.done(self.EMPTY))
        self.sync_first = QPushButton(self.tr("Sync from &another computer…"))
        self.sync_first.setObjectName("syncFirst")
        self.sync_first.clicked.connect(lambda: self.done(self.SYNC))
        self.sync_first.setVisible(can_sync)
        elsewhere = QLabel(self.tr(
            "Already studying with Effect Desktop on another computer? Sync first instead: your words "
            "and history come from there (loading the deck on both would list every word twice)."))
        elsewhere.setWordWrap(True)
        elsewhere.setVisible(can_sync)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_first)
        buttons.addStretch(1)
        buttons.addWidget(self.empty)
        buttons.addWidget(self.starter)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Welcome!"), self))
        layout.addWidget(text)
        layout.addWidget(elsewhere)
        layout.addLayout(buttons)
        least_width(layout, self, 460)


class ResumeDialog(QDialog):
    """An unfinished session: continue it, or complete it with what was answered."""

    RESUME = 1
    FINISH = 2

    def __init__(self, session: SessionView, mode_name: str, parent: QWidget | None = None,
                 words_answered: int | None = None) -> None:
        """`words_answered`: the session's words answered at least once (`session.answered` counts the
        answers, repeats of missed words included, and read "205 of 200 words answered")."""
        super().__init__(parent)
        self.session = session
        self.setObjectName("resumeDialog")
        self.setWindowTitle(self.tr("Unfinished session"))
        answered = session.answered if words_answered is None else words_answered
        if answered:
            said = self.tr("Your {0} session from {1} was not finished ({2} of %Ln word(s) answered). "
                           "Every answer was saved.", "", len(session.word_ids))
        else:  # "0 of 20 words answered. Every answer was saved." read oddly with none
            said = self.tr("Your {0} session from {1} was started, but none of its %Ln word(s) is answered "
                           "yet.", "", len(session.word_ids))
        self.message = text = QLabel(said.format(
            mode_name, session.started_local.strftime("%Y-%m-%d %H:%M"),
            QLocale().toString(min(answered, len(session.word_ids)))))
        text.setWordWrap(True)
        self.resume = QPushButton(self.tr("&Resume"))
        self.resume.setObjectName("resumeButton")
        self.resume.setDefault(True)
        self.resume.clicked.connect(lambda: self.done(self.RESUME))
        self.finish = QPushButton(self.tr("&Finish with these answers"))
        self.finish.setObjectName("finishButton")
        self.finish.clicked.connect(lambda: self.done(self.FINISH))
        later = QPushButton(self.tr("&Later"))
        later.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(later)
        buttons.addStretch(1)
        buttons.addWidget(self.finish)
        buttons.addWidget(self.resume)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(buttons)
        self.setMinimumWidth(440)
