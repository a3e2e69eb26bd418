"""The sync status in the status bar: a few words, the reason in the tooltip, a click syncs (or opens
the settings, when that is where the failure is fixed)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QToolButton, QWidget

from ..style import error_color, follow_palette
from .controller import SyncController
from .status import SyncState, SyncStatus, status_text, status_tooltip


class SyncStatusWidget(QToolButton):
    setup_requested = Signal()  # clicked while no server is set up, or its settings must change

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.controller = controller
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never steals the keyboard from studying
        self.clicked.connect(self._clicked)
        controller.status_changed.connect(self.show_status)
        self.show_status(controller.status)

    def show_status(self, status: SyncStatus) -> None:
        self.setText(status_text(status))
        self.setToolTip(status_tooltip(status))
        failing = status.state in (SyncState.OFFLINE, SyncState.ERROR)
        error = status.state is SyncState.ERROR
        follow_palette(self, "error", lambda: self.setStyleSheet(
            f"QToolButton#syncStatus {{ color: {error_color().name()}; }}" if error else ""))
        self.setProperty("failing", failing)

    def _clicked(self) -> None:
        status = self.controller.status
        if status.state is SyncState.NOT_SET_UP or status.needs_settings:  # retrying would fail the same way
            self.setup_requested.emit()
        else:
            self.controller.sync_now()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.show_status(self.controller.status)
