"""Sessions: the history of study sessions, newest first; a session opens in the timeline.

The page does not know the timeline: it asks for a session to be shown
(`session_opened`), and the window shows the Timeline page filtered to it
(features.py), with every answer, schedule change and undo of that session.
An unfinished one can be resumed or finished from here (`resume_requested`):
the Study page offers only the newest, and "Later" at start must not mean never.
"""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .context import AppContext, Page
from .study.panels import mode_names
from .study.summary import format_duration
from .style import secondary_text

HISTORY_PAGE = 500  # sessions shown at first, and added by each "Show older sessions"
UNFINISHED_ROLE = Qt.ItemDataRole.UserRole + 1


class SessionsPage(Page):
    session_opened = Signal(UUID)  # show this session's events (in the timeline)
    resume_requested = Signal(UUID)  # offer to resume or finish this unfinished session

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("sessionsPage")
        headers = [self.tr("Started"), self.tr("Mode"), self.tr("Words"), self.tr("Answers"),
                   self.tr("Correct"), self.tr("Accuracy"), self.tr("Time"), self.tr("Status")]
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("sessionTable")
        self.table.setAccessibleName(self.tr("Sessions"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it): no keyboard trap
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        # sized to the contents once a refresh has filled the table (`refresh`), not at each item set: with
        # ResizeToContents every item measured the column again, and 500 sessions took 30-40 s to show
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda index: self.open_row(index.row()))  # double click, Enter
        self.show_action = QAction(self.tr("Show in the timeline"), self)
        self.show_action.setObjectName("showSessionInTimeline")
        self.show_action.triggered.connect(lambda: self.open_row(self.table.currentRow()))
        self.resume_action = QAction(self.tr("&Resume or finish…"), self)
        self.resume_action.setObjectName("resumeSession")
        self.resume_action.triggered.connect(self.resume_current)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addAction(self.show_action)
        self.table.addAction(self.resume_action)
        self.table.currentCellChanged.connect(lambda *_: self._selection_changed())
        self.table.setToolTip(self.tr("Double-click a session (or press Enter) to see everything it did in "
                                      "the timeline."))
        self.empty = QLabel(self.tr("No sessions yet. Start one on the Study page."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        secondary_text(self.empty)
        self.shown = HISTORY_PAGE
        self.more_note = QLabel()
        self.more_note.setObjectName("olderSessionsNote")
        self.more_button = QPushButton(self.tr("Show &older sessions"))
        self.more_button.setObjectName("olderSessions")
        self.more_button.clicked.connect(self.show_older)
        self.resume_button = QPushButton(self.tr("&Resume or finish…"))
        self.resume_button.setObjectName("resumeSessionButton")
        self.resume_button.setToolTip(self.tr("Go on with the chosen unfinished session, or finish it with "
                                              "the answers it has."))
        self.resume_button.clicked.connect(self.resume_current)
        more = QHBoxLayout()
        more.addWidget(self.resume_button)
        more.addWidget(self.more_note, 1)
        more.addStretch()  # the buttons at their own width when the note is hidden
        more.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(more)

    def refresh(self) -> None:
        sessions = self.profile.queries.sessions(limit=self.shown)
        total = self.profile.queries.session_count() if len(sessions) >= self.shown else len(sessions)
        names = mode_names(self)
        chosen = self._current_session()
        self.table.setRowCount(len(sessions))
        for row, session in enumerate(sessions):
            accuracy = f"{session.correct / session.answered:.0%}" if session.answered else "—"
            duration = (format_duration(session.duration_seconds)
                        if session.duration_seconds is not None else "—")
            if not session.completed:
                status = self.tr("Unfinished")
            elif session.answered:
                status = self.tr("Completed")
            elif self.profile.queries.answers_in_session(session.session_id):  # (rare: only these are read)
                status = self.tr("Completed; every answer undone")
            else:  # started and left before the first answer (the study page closes those quietly)
                status = self.tr("Left before any answer")
            values = [session.started_local.strftime("%Y-%m-%d %H:%M"),
                      names.get(session.mode, session.mode), str(session.word_count),
                      str(session.answered), str(session.correct), accuracy, duration, status]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, session.session_id)
                item.setData(UNFINISHED_ROLE, not session.completed)
                if 2 <= column <= 6:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
            if session.session_id == chosen:
                self.table.setCurrentCell(row, 0)  # the session chosen stays chosen
        for column in range(self.table.columnCount() - 1):  # the last stretches to the edge
            self.table.resizeColumnToContents(column)
        self.empty.setVisible(not sessions)
        older = total > len(sessions)
        locale = QLocale()
        self.more_note.setText(self.tr("The newest {0} of {1} sessions.").format(
            locale.toString(len(sessions)), locale.toString(total)) if older else "")
        self.more_note.setVisible(older)
        self.more_button.setVisible(older)
        self._selection_changed()

    def show_older(self) -> None:
        self.shown += HISTORY_PAGE
        self.refresh()

    def open_row(self, row: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.session_opened.emit(item.data(Qt.ItemDataRole.UserRole))

    def _current_session(self) -> UUID | None:
        item = self.table.item(self.table.currentRow(), 0)
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def resume_current(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is not None and item.data(UNFINISHED_ROLE):
            self.resume_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def _selection_changed(self) -> None:
        """Resume only for an unfinished session; the button is there only while one is listed."""
        item = self.table.item(self.table.currentRow(), 0)
        unfinished = item is not None and bool(item.data(UNFINISHED_ROLE))
        self.resume_action.setEnabled(unfinished)
        self.resume_button.setEnabled(unfinished)
        self.resume_button.setVisible(any(
            item.data(UNFINISHED_ROLE) for row in range(self.table.rowCount())
            if (item := self.table.item(row, 0)) is not None))
