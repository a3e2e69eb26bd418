"""Choosing the scheduler: replay the whole history under it, see the due queue change, then confirm."""

from __future__ import annotations

from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...timeline import scheduler_replay
from ...timeline.describe import scheduler_name
from ...timeline.scheduler_replay import SchedulerPreview
from ..errors import show_error
from ..style import resize_within_screen

MOVED_SHOWN = 200


class SchedulerDialog(QDialog):
    switched = Signal(str)

    def __init__(self, profile: Any, parent: QWidget | None = None, operations: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("schedulerDialog")
        self.operations = operations  # the window's: the replay and the switch run off the GUI thread
        self.setWindowTitle(self.tr("Scheduler"))
        self.profile = profile
        self.preview: SchedulerPreview | None = None
        current = profile.service.scheduler.name
        self.choice = QComboBox()
        self.choice.setObjectName("schedulerChoice")
        self.choice.addItem(self.tr("SM-2 (SuperMemo 2, as designed)"), "sm2")
        self.choice.addItem(self.tr("FSRS (Free Spaced Repetition Scheduler)"), "fsrs")
        self.choice.setCurrentIndex(self.choice.findData("fsrs" if current == "sm2" else "sm2"))
        self.preview_button = QPushButton(self.tr("&Replay my history under it"))
        self.preview_button.setObjectName("previewButton")
        self.preview_button.clicked.connect(self.run_preview)
        self.summary = QLabel(self.tr("Now using: %1. Nothing changes until you confirm.").replace(
            "%1", scheduler_name(current)))
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        self.moved = QListWidget()
        self.moved.setObjectName("movedList")
        self.moved.setAccessibleName(self.tr("Words whose next review would move"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm = self.buttons.addButton(self.tr("Switch"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("switchButton")
        self.confirm.setEnabled(False)
        self.buttons.accepted.connect(self.confirm_switch)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.choice, 1)
        row.addWidget(self.preview_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.moved, 1)
        layout.addWidget(self.buttons)
        self.choice.currentIndexChanged.connect(lambda _i: self.confirm.setEnabled(False))
        resize_within_screen(self, 620, 460)

    def run_preview(self) -> None:
        """Off the GUI thread in the window (the first replay of a long history froze it for seconds)."""
        name = self.choice.currentData()
        if self.operations is None:
            self._show_preview(scheduler_replay.preview(self.profile, name))  # on the profile's clock
            return
        self.preview_button.setEnabled(False)
        self.choice.setEnabled(False)  # the preview shown must be of the scheduler shown
        self.confirm.setEnabled(False)
        self.operations.run(lambda _progress: scheduler_replay.preview(self.profile, name), self._show_preview,
                            label=self.tr("Replaying your history…"), changes=False,
                            on_failure=self._failed)

    def _failed(self, error: Exception) -> None:
        if shiboken6.isValid(self):
            self.preview_button.setEnabled(True)
            self.choice.setEnabled(True)
            self._allow_switch()  # a switch refused (the profile busy) may be tried again
            show_error(self, error)

    def _allow_switch(self) -> None:
        p = self.preview
        self.confirm.setEnabled(p is not None and p.scheduler == self.choice.currentData()
                                and p.scheduler != self.profile.service.scheduler.name)

    def _show_preview(self, preview: SchedulerPreview) -> None:
        if not shiboken6.isValid(self):
            return  # closed meanwhile
        self.preview_button.setEnabled(True)
        self.choice.setEnabled(True)
        self.preview = preview
        p = self.preview
        # the reviews a schedule folds are a word's first answer in each session, which is why they were
        # fewer than the answers Statistics counts; the replay's seconds meant nothing to a learner
        self.summary.setText(self.tr(
            "Replayed %1 reviews of %2 words (a word's first answer in each session: what a schedule "
            "counts). Due now: %4 → %5. Due within a week: %6 → %7. %8 words would move.")
            .replace("%1", f"{p.answers:,}").replace("%2", f"{p.words:,}")
            .replace("%4", f"{p.due_now_before:,}").replace("%5", f"{p.due_now_after:,}")
            .replace("%6", f"{p.due_week_before:,}").replace("%7", f"{p.due_week_after:,}")
            .replace("%8", f"{len(p.moved):,}"))
        self.moved.clear()
        for change in p.moved[:MOVED_SHOWN]:
            self.moved.addItem(f"{change.text}: {self._day(change.day_before, p.today)} → "
                               f"{self._day(change.day_after, p.today)}")
        self._allow_switch()

    def confirm_switch(self) -> None:
        if self.preview is None:
            return
        name = self.preview.scheduler
        if self.operations is None:
            scheduler_replay.switch(self.profile, name)
            self._switched(name)
            return
        self.confirm.setEnabled(False)
        # through the window's operations, whose "changed" refreshes every page: the status bar and the
        # Study page went on counting the old scheduler's due words
        self.operations.run(lambda _progress: scheduler_replay.switch(self.profile, name),
                            lambda _event_id: self._switched(name),
                            label=self.tr("Switching the scheduler…"), on_failure=self._failed)

    def _switched(self, name: str) -> None:
        if not shiboken6.isValid(self):  # closed meanwhile: the switch stands, the pages refresh anyway
            return
        self.switched.emit(name)
        self.accept()


    def _day(self, value: date | None, today: date | None) -> str:
        """A day up to today is due now ("2026-12-16 → 2026-12-12" read as a date to wait for)."""
        if value is None:
            return "—"
        if today is not None and value <= today:
            return self.tr("due now")
        return value.isoformat()
