"""The end of a session: accuracy, time, the words to review again, the streak."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from ..style import heading, scaled_font
from .run import Summary


def format_duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class SummaryPanel(QWidget):
    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPanel")
        self.title = heading(self.tr("Session complete"), self, 1.8)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.accuracy = QLabel()
        self.accuracy.setObjectName("summaryAccuracy")
        self.accuracy.setFont(scaled_font(self, 1.4, bold=True))
        self.answers = QLabel()
        self.answers.setObjectName("summaryAnswers")
        self.time = QLabel()
        self.time.setObjectName("summaryTime")
        self.streak = QLabel()
        self.streak.setObjectName("summaryStreak")
        self.review_title = QLabel(self.tr("Words to review again:"))
        self.review = QListWidget()
        self.review.setObjectName("summaryReview")
        self.review.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # a long meaning wraps: it was cut at the edge behind a scroll bar the keyboard could not reach
        self.review.setWordWrap(True)
        self.review.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.review_title.setBuddy(self.review)  # what a screen reader calls the list
        self.back = QPushButton(self.tr("Back to Study"))
        self.back.setObjectName("summaryDone")
        self.back.setDefault(True)
        self.back.clicked.connect(self.done)

        form = QFormLayout()
        form.addRow(self.tr("Accuracy:"), self.accuracy)
        form.addRow(self.tr("Answers:"), self.answers)
        form.addRow(self.tr("Time:"), self.time)
        form.addRow(self.tr("Streak:"), self.streak)
        column = QVBoxLayout()
        column.addWidget(self.title)
        column.addSpacing(self.fontMetrics().height())
        column.addLayout(form)
        column.addWidget(self.review_title)
        column.addWidget(self.review, 1)
        column.addWidget(self.back, 0, Qt.AlignmentFlag.AlignRight)
        content = QWidget()
        content.setLayout(column)
        content.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 45)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 24)
        outer.addWidget(content)

    def show_summary(self, summary: Summary, streak_days: int) -> None:
        self.accuracy.setText(f"{summary.accuracy:.0%}")
        self.answers.setText(self.tr("{0} correct of {1}").format(summary.correct, summary.answers))
        self.time.setText(format_duration(summary.seconds))
        self.streak.setText(self.tr("%Ln day(s)", "", streak_days))
        self.review.clear()
        for word in summary.review_again:
            self.review.addItem(f"{word.text}  —  {word.meaning}")
        if not summary.review_again:
            self.review.addItem(self.tr("None: every word was right the first time."))
        # what the focused button says to a screen reader: the results were labels it never reached
        self.back.setAccessibleDescription(" · ".join(
            f"{label} {value}" for label, value in ((self.tr("Accuracy:"), self.accuracy.text()),
                                                   (self.tr("Answers:"), self.answers.text()),
                                                   (self.tr("Time:"), self.time.text()),
                                                   (self.tr("Streak:"), self.streak.text()))))
        self.back.setFocus()
