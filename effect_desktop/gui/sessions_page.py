"""Sessions: the history of study sessions, newest first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .context import AppContext, Page
from .study.page import mode_names
from .study.summary import format_duration

HISTORY_LIMIT = 500


class SessionsPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("sessionsPage")
        headers = [self.tr("Started"), self.tr("Mode"), self.tr("Words"), self.tr("Answers"),
                   self.tr("Correct"), self.tr("Accuracy"), self.tr("Time"), self.tr("Status")]
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("sessionTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = QLabel(self.tr("No sessions yet. Start one on the Study page."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

    def refresh(self) -> None:
        sessions = self.profile.queries.sessions(limit=HISTORY_LIMIT)
        names = mode_names(self)
        self.table.setRowCount(len(sessions))
        for row, session in enumerate(sessions):
            accuracy = f"{session.correct / session.answered:.0%}" if session.answered else "—"
            duration = (format_duration(session.duration_seconds)
                        if session.duration_seconds is not None else "—")
            if not session.completed:
                status = self.tr("Unfinished")
            elif session.answered:
                status = self.tr("Completed")
            else:  # started and left before the first answer (the study page closes those quietly)
                status = self.tr("Left before any answer")
            values = [session.started_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                      names.get(session.mode, session.mode), str(len(session.word_ids)),
                      str(session.answered), str(session.correct), accuracy, duration, status]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if 2 <= column <= 6:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.empty.setVisible(not sessions)
