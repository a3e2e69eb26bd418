"""`install_sync`: the one call that puts sync into a main window.

It adds the status-bar widget, a Sync menu ("Sync now", F5; "Sync settings…"),
a Sync section on the Settings page (a button opening the settings dialog),
the optional sync on open, and the bounded last sync on close. The main
window rebuilds its menus and pages when the language changes; the pieces
added here are put back after such a rebuild.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QVBoxLayout,
)

from ...bootstrap import Profile
from ..context import AppContext
from ..settings_page import SettingsPage
from .controller import SyncController
from .settings_widget import SyncDialog
from .status_widget import SyncStatusWidget

SYNC_NOW_SHORTCUT = "F5"


class SyncInstallation(QObject):
    """Keeps the window's sync pieces in place (an event filter on the window)."""

    def __init__(self, window: QMainWindow, controller: SyncController) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.dialog: SyncDialog | None = None
        self.menu: QMenu | None = None
        self.settings_box: QGroupBox | None = None

        self.sync_now_action = QAction(self)
        self.sync_now_action.setObjectName("syncNowAction")
        self.sync_now_action.setShortcut(QKeySequence(SYNC_NOW_SHORTCUT))
        self.sync_now_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.sync_now_action.triggered.connect(self.sync_now)
        self.settings_action = QAction(self)
        self.settings_action.setObjectName("syncSettingsAction")
        self.settings_action.triggered.connect(self.open_settings)
        window.addAction(self.sync_now_action)  # the shortcut works even before the menu exists

        self.status_widget = SyncStatusWidget(controller, window)
        self.status_widget.setup_requested.connect(self.open_settings)
        window.statusBar().addPermanentWidget(self.status_widget)
        controller.status_changed.connect(lambda _status: self._update_actions())
        # a push cut off shows its failure once the pending count is read again: Sync now is back at once
        controller.failed.connect(lambda _error: self._update_actions())
        controller.warned.connect(lambda text: window.statusBar().showMessage(text, 20_000))
        self.retranslate()
        self.ensure_in_place()
        window.installEventFilter(self)
        page_built = getattr(window, "page_built", None)  # pages may be built when first shown
        if page_built is not None:
            page_built.connect(self._page_built)

    # --- pieces ------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.sync_now_action.setText(self.tr("Sync &now"))
        self.settings_action.setText(self.tr("Sync &settings…"))

    def ensure_in_place(self) -> None:
        """Add the menu and the Settings section if the window's last rebuild dropped them."""
        bar = self.window.menuBar()
        if self.menu is None or self.menu.menuAction() not in bar.actions():
            self.menu = QMenu(self.tr("S&ync"), bar)
            self.menu.setObjectName("syncMenu")
            self.menu.addAction(self.sync_now_action)
            self.menu.addAction(self.settings_action)
            actions = bar.actions()
            help_menu = actions[-1] if actions else None  # keep Help last, as is customary
            if help_menu is not None:
                bar.insertMenu(help_menu, self.menu)
            else:
                bar.addMenu(self.menu)
        page = getattr(self.window, "pages", {}).get("settings")
        if (self.settings_box is None or not _alive(self.settings_box)
                or (page is not None and not page.isAncestorOf(self.settings_box))):
            # after a language change the old page (and its box) lives on until deleted later: the new
            # page was left without its Sync section until a restart
            self.settings_box = self._add_settings_section()
        self._update_actions()

    def _add_settings_section(self) -> QGroupBox | None:
        page = getattr(self.window, "pages", {}).get("settings")
        if not isinstance(page, SettingsPage):
            return None
        box = QGroupBox(self.tr("Sync"), page)
        box.setObjectName("syncSection")
        column = QVBoxLayout(box)
        text = QLabel(self.tr("Study offline on several computers and keep them in step through "
                              "a sync server. Nothing is ever lost, and you are never asked "
                              "which copy to keep."))
        text.setWordWrap(True)
        button = QPushButton(self.tr("&Sync settings…"))
        button.setObjectName("openSyncSettings")
        button.clicked.connect(self.open_settings)
        column.addWidget(text)
        column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        page.add_section(box)
        return box

    def _page_built(self, key: str, _page: object) -> None:
        if key == "settings":
            self.ensure_in_place()

    def _update_actions(self) -> None:
        self.sync_now_action.setEnabled(not self.controller.running)

    # --- actions -----------------------------------------------------------------------------------------
    def sync_now(self) -> None:
        if not self.controller.is_configured():
            self.open_settings()
        else:
            self.controller.sync_now()

    def open_settings(self) -> SyncDialog:
        if self.dialog is not None and _alive(self.dialog):
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = SyncDialog(self.controller, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    # --- the window's events -----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window:
            if event.type() == QEvent.Type.Close:
                # what the window writes as it closes (a summary's session) goes with the last sync:
                # this filter runs before the window's own closeEvent
                before = getattr(self.window, "before_last_sync", None)
                if callable(before):
                    before()
                self.controller.close_down()
            elif event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
                QTimer.singleShot(0, self._after_rebuild)
        return False

    def _after_rebuild(self) -> None:
        if not _alive(self.window):  # closed and deleted before this queued call ran
            return
        if self.menu is not None and _alive(self.menu):
            self.menu.setTitle(self.tr("S&ync"))
        self.ensure_in_place()


def _alive(widget: QObject) -> bool:
    try:
        widget.objectName()
    except RuntimeError:  # its C++ side was deleted with a rebuilt page
        return False
    return True


def install_sync(window: QMainWindow, profile: Profile, app_context: AppContext) -> SyncController:
    """Add sync to the main window; returns its controller (kept alive by the window)."""
    controller = SyncController(profile, app_context.operations, window)
    controller.installation = SyncInstallation(window, controller)  # type: ignore[attr-defined]
    QTimer.singleShot(0, controller.sync_on_open)
    ticked = getattr(window, "ticked", None)  # the main window's minute, and its waking
    if ticked is not None:
        ticked.connect(controller.notice_sync_elsewhere)
        ticked.connect(controller.sync_if_overdue)
    return controller
