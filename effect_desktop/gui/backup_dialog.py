"""The backups dialog: see the backups kept, take one now, restore one.

Restoring replaces the profile file, so the profile must be closed first:
the dialog asks the main window to close it (`close_profile`), restores
(the current state is backed up first, so a restore can be undone), then
asks it to open the profile again (`reopen_profile`). Copies run off the
GUI thread; a large profile takes a moment.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, QModelIndex, Qt, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..backup.backups import DEFAULT_KEEP, Backup, create_backup, list_backups
from ..backup.salvage import Salvage, restore_taking_back
from ..interchange.history_restore import backup_from_history
from ..stopping import StoppedAsAsked
from .errors import show_error
from .operations import BackgroundJob
from .style import resize_within_screen


@dataclass(frozen=True)
class Restored:
    """What the window is told after a restore: the backup, and what was taken back from the damaged
    profile it replaced (None: the profile was intact)."""

    backup: Backup
    taken: Salvage | None


REASONS = {"manual": "by hand", "daily": "daily", "before-import": "before an import",
           "before-restore": "before a restore", "before-sync": "before a sync",
           "from-history": "from a history export", "damaged": "damaged, set aside by a restore"}


class BackupDialog(QDialog):
    action_finished = Signal(object)  # the Backup made or restored, or the exception

    def __init__(self, profile_file: Path, close_profile: Callable[[], None],
                 reopen_profile: Callable[[], None], parent: QWidget | None = None,
                 keep: int = DEFAULT_KEEP, report: Callable[[object], None] | None = None) -> None:
        """`report`, when given, tells a restore's outcome (the Backup, or the exception) in the window
        that reopened the profile: this dialog's parent is replaced by then, and a message shown here
        went with it before anyone could read it (a refused restore looked like a flicker)."""
        super().__init__(parent)
        self.report = report
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Backups"))
        resize_within_screen(self, 640, 380)
        self.profile_file = profile_file
        self.close_profile = close_profile
        self.reopen_profile = reopen_profile
        self.keep = keep  # Settings → Backups kept
        self.backups: list[Backup] = []
        self.job: BackgroundJob | None = None
        self.restored = False
        self.restoring = False
        self.history_stopped = False

        layout = QVBoxLayout(self)
        self.where = QLabel("")
        self.where.setWordWrap(True)
        layout.addWidget(self.where)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("backups")
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it): no keyboard trap
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Why"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)  # row numbers mean nothing here
        self.table.setWordWrap(False)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.create_button = QPushButton(self.tr("Back up &now"))
        self.create_button.clicked.connect(self.create_now)
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.ask_restore)
        # the window's way back from File → Export the history (only the command line had one)
        self.history_button = QPushButton(self.tr("From a &history export…"))
        self.history_button.setObjectName("historyButton")
        self.history_button.clicked.connect(self.ask_history)
        # a history of five years takes a minute or two to read: it can be stopped, changing nothing
        self.cancel_button = QPushButton(self.tr("&Stop"))
        self.cancel_button.setObjectName("stopHistory")
        self.cancel_button.clicked.connect(self.stop_history)
        self.cancel_button.hide()
        close = self.close_button = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        # Enter on a backup asks to restore it, as double-clicking does. With Qt's automatic default
        # button, the Enter the list passes on pressed "Back up now", which pruned the oldest backup:
        # the one just chosen to restore. No button of this dialog is pressed by Enter.
        for button in (self.create_button, self.restore_button, self.history_button, self.cancel_button, close):
            button.setAutoDefault(False)
        self.table.activated.connect(self._activated)  # (a lambda holding the dialog kept it alive once closed)
        self.refresh()

    def refresh(self) -> None:
        self.backups = list_backups(self.profile_file)
        self.where.setText(self.tr("%Ln backup(s) in {0}", "", len(self.backups)).format(
            self.profile_file.parent / "backups"))
        self.table.setRowCount(len(self.backups))
        locale = QLocale()
        for row, backup in enumerate(self.backups):
            for column, text in enumerate((
                    backup.local_time.strftime("%Y-%m-%d %H:%M"),
                    self.tr(REASONS.get(backup.reason, backup.reason)),
                    locale.formattedDataSize(backup.size))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()  # the time on one line ("2026-11-27 05:12" wrapped)
        if self.backups:
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(self.backups) and self.job is None)

    def selected(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def create_now(self) -> None:
        self._run(lambda _progress: create_backup(self.profile_file, "manual", keep=self.keep),
                  lambda _made: self.refresh())

    def _activated(self, _index: QModelIndex) -> None:
        self.ask_restore()

    def ask_restore(self) -> None:
        chosen = self.selected()
        if chosen is None or not self.restore_button.isEnabled():  # (a copy under way)
            return
        answer = QMessageBox.question(
            self, self.tr("Restore this backup?"),
            self.tr("The profile will be closed and replaced by the backup taken {0}. Its current state is "
                    "backed up first, so this can be undone.").format(chosen.local_time.strftime("%Y-%m-%d %H:%M")))
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(chosen)

    def ask_history(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Bring back a history"), str(Path.home()),
                                              self.tr("History exports (*.jsonl);;All files (*)"))
        if path:
            self.bring_back_history(Path(path))

    def bring_back_history(self, history: Path, *, asked: bool = False) -> None:
        """Make a profile of the history (kept among the backups), then restore it as any backup: the
        current state is backed up first, so this can be undone."""
        if self.job is not None:
            return
        if not asked and QMessageBox.question(
                self, self.tr("Bring back this history?"),
                self.tr("The profile will be closed and replaced by the history in {0}. Its current state is "
                        "backed up first, so this can be undone.").format(history.name)
        ) != QMessageBox.StandardButton.Yes:
            return
        self.where.setText(self.tr("Reading the history in {0}…").format(history.name))

        def made(backup: object) -> None:
            self.cancel_button.hide()
            self.refresh()
            if isinstance(backup, Backup) and not self.history_stopped:  # done as Stop or Esc came: kept, listed
                self.restore(backup)

        self._run(lambda progress: backup_from_history(self.profile_file, history, progress), made,
                  lambda done, total: self.where.setText(self.tr("Reading the history in {0}: {1} of {2} events…")
                                                         .format(history.name, QLocale().toString(done),
                                                                 QLocale().toString(total))))
        self.history_stopped = False
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()

    def stop_history(self) -> None:
        """Stop reading a history: the profile it was becoming is thrown away, nothing else changed."""
        if self.job is not None and not self.restoring and not self.cancel_button.isHidden():
            self.job.cancelled.set()
            self.history_stopped = True
            self.cancel_button.setEnabled(False)
            self.where.setText(self.tr("Stopping…"))

    def restore(self, backup: Backup) -> None:
        """Close the profile, put the backup in its place, open it again (also when the restore fails).

        The copies run in the background: a gigabyte profile is copied twice (the backup in, the current
        state out first), which froze the window for 12 s."""
        if self.job is not None:
            return
        self.close_profile()
        self.restoring = True  # no closing now: the window behind is retired until the new one comes
        self.create_button.setEnabled(False)
        self.restore_button.setEnabled(False)
        self.history_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self.where.setText(self.tr("Restoring the backup taken {0}…").format(
            backup.local_time.strftime("%Y-%m-%d %H:%M")))
        # a damaged profile replaced: what it held since the backup is taken back, as at start-up
        job = BackgroundJob(lambda _progress: restore_taking_back(self.profile_file, backup.path)[1])
        self.job = job

        def restored(taken: object) -> None:
            self.job = None
            self.restoring = False
            self.close_button.setEnabled(True)
            self.reopen_profile()
            self.restored = True
            self.refresh()
            self.create_button.setEnabled(True)
            self.history_button.setEnabled(True)
            self._tell(Restored(backup, taken if isinstance(taken, Salvage) else None))
            self.action_finished.emit(backup)

        def refused(error: Exception) -> None:  # shown; the profile file was left as it was
            self.job = None
            self.restoring = False
            self.close_button.setEnabled(True)
            self.reopen_profile()
            self.refresh()
            self.create_button.setEnabled(True)
            self.history_button.setEnabled(True)
            self._tell(error)
            self.action_finished.emit(error)

        job.signals.succeeded.connect(restored)
        job.signals.failed.connect(refused)
        QThreadPool.globalInstance().start(job)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Enter on a button presses that button (no button is a default one: see __init__), as Space
        does; it did nothing, and a keyboard user could not tell why."""
        focused = self.focusWidget()
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(focused, QPushButton)
                and focused.isEnabled()):
            focused.click()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:  # Esc and the title bar's close
        if not self.restoring:
            self.stop_history()  # else it went on unseen, and restored its profile once done
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.restoring:
            event.ignore()
            return
        super().closeEvent(event)

    def _tell(self, outcome: object) -> None:
        if self.report is None:
            if isinstance(outcome, Exception):
                show_error(self, outcome)
            return
        self.report(outcome)
        self.accept()  # its window is being replaced: the outcome is told in the new one

    def _run(self, work: Callable[[Callable[[int, int], bool]], object], on_done: Callable[[object], None],
             progressed: Callable[[int, int], None] | None = None) -> None:
        if self.job is not None:
            return
        job = BackgroundJob(work)
        self.job = job
        self.create_button.setEnabled(False)
        self.restore_button.setEnabled(False)
        self.history_button.setEnabled(False)
        if progressed is not None:
            job.signals.progressed.connect(progressed)

        def finished(result: object) -> None:
            self.job = None
            self.create_button.setEnabled(True)
            self.history_button.setEnabled(True)
            on_done(result)
            self.action_finished.emit(result)

        def failed(error: Exception) -> None:
            self.job = None
            self.cancel_button.hide()
            self.create_button.setEnabled(True)
            self.history_button.setEnabled(True)
            self.refresh()
            if isinstance(error, StoppedAsAsked):
                self.where.setText(self.tr("Stopped: nothing was brought back, and the profile is as it was."))
            else:
                show_error(self, error)
            self.action_finished.emit(error)

        job.signals.succeeded.connect(finished)
        job.signals.failed.connect(failed)
        QThreadPool.globalInstance().start(job)


def open_backup_dialog(parent: QWidget | None, profile_file: Path, close_profile: Callable[[], None],
                       reopen_profile: Callable[[], None], keep: int = DEFAULT_KEEP,
                       report: Callable[[object], None] | None = None) -> bool:
    """Show the dialog; True if a backup was restored (the main window reloads everything)."""
    dialog = BackupDialog(profile_file, close_profile, reopen_profile, parent, keep, report)
    dialog.exec()
    return dialog.restored
