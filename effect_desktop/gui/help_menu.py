"""Help: the keyboard shortcuts, the data folder, and what this build is.

The shortcuts are read from the window's own actions when the dialog opens
(every page built first), so the list cannot drift from what the keys do;
only the keys a study card or a table handles itself are written out here.
"""

from __future__ import annotations

import platform
import re
import sys
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from .keys import with_key
from .paths import log_path
from .style import resize_within_screen

if TYPE_CHECKING:
    from .main_window import MainWindow


def add_help_actions(window: MainWindow, menu: QMenu) -> HelpMenu:
    help_menu = HelpMenu(window)
    help_menu.fill(menu)
    return help_menu


class HelpMenu(QObject):
    """The Help menu's actions (a QObject of its own: its `self.tr` is the translation context)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def fill(self, menu: QMenu) -> None:
        shortcuts = menu.addAction(self.tr("&Keyboard shortcuts"))
        shortcuts.setObjectName("shortcutsAction")
        shortcuts.setShortcuts(with_key(QKeySequence.StandardKey.HelpContents, "F1"))  # F1 on macOS too
        shortcuts.triggered.connect(lambda: open_shortcuts(self.window))
        folder = menu.addAction(self.tr("Open the &data folder"))
        folder.setObjectName("openDataFolder")
        folder.triggered.connect(self.open_data_folder)
        menu.addSeparator()
        menu.addAction(self.tr("&About Effect Desktop"), self.about)

    def open_data_folder(self) -> bool:
        """The folder with the profile, its backups and the log, in the system's file manager."""
        folder = self.window.profile.path.parent
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            return True
        QMessageBox.information(self.window, self.tr("Data folder"), self.tr(
            "No file manager could be opened. The data folder is:\n{0}").format(folder))
        return False

    def about(self) -> None:
        profile = self.window.profile.path
        QMessageBox.about(self.window, self.tr("About Effect Desktop"), self.tr(
            "Effect Desktop {0}: vocabulary study that keeps every answer as an event.\n\n"
            "Profile: {1}\nLog: {2}\n\nPython {3}, PySide6 {4}, {5}").format(
            __version__, profile, log_path(profile), platform.python_version(), pyside_version, sys.platform))


class ShortcutsDialog(QDialog):
    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("shortcuts")
        self.table.setAccessibleName(self.windowTitle())
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it): no keyboard trap
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        # a description longer than the column takes two lines (at a large font they ended in "…")
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows = self.rows(window)
        self.table.setRowCount(len(rows))
        for row, (keys, what) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        resize_within_screen(self, 640, 520)  # the Japanese study row needs the width

    def rows(self, window: MainWindow) -> list[tuple[str, str]]:
        for spec in window.page_specs:  # a page's own actions exist once it is built
            window.page(spec.key)
        native = QKeySequence.SequenceFormat.NativeText
        found: dict[tuple[str, str], None] = {}  # in menu order, then the pages' own actions
        in_menus: set[QAction] = set()
        for menu_action in window.menuBar().actions():
            menu = menu_action.menu()
            for action in menu.actions() if isinstance(menu, QMenu) else []:
                in_menus.add(action)
                for sequence in filter(_on_a_keyboard, action.shortcuts()):
                    found[(sequence.toString(native), f"{_plain(menu_action.text())} → {_plain(action.text())}")] = None
        for action in window.findChildren(QAction):
            if action not in in_menus and _plain(action.text()):
                for sequence in filter(_on_a_keyboard, action.shortcuts()):
                    found[(sequence.toString(native), _plain(action.text()))] = None
        study = [
            (self.tr("Space, Enter"), self.tr("Study: show the meaning; go on after a correction")),
            (self.tr("1  2  3  4"), self.tr("Study: Again, Hard, Good, Easy (flashcards); a choice (multiple "
                                             "choice)")),
            (self.tr("Esc"), self.tr("Study: leave the session (it can be resumed)")),
            (QKeySequence("Ctrl+E").toString(native), self.tr("Study: edit the word on the card")),
            (QKeySequence(QKeySequence.StandardKey.Delete).toString(native),
             self.tr("Words: delete the selected words")),
            (self.tr("Enter, double click"), self.tr("Words: edit a word; Sessions: show a session in the timeline")),
        ]
        return study + list(found)


def _on_a_keyboard(sequence: QKeySequence) -> bool:
    """Not a dedicated key few keyboards have (Redo, Undo, Help): a standard shortcut binds those too,
    and the list read "Redo → Edit → Redo" (in Japanese 「やり直す」 as the key)."""
    if sequence.count() == 0:
        return False
    key = sequence[0].key()  # type: ignore[index]  # (PySide's stubs lack QKeySequence's indexing)
    return key not in _DEDICATED and key < Qt.Key.Key_Back


_DEDICATED = {Qt.Key.Key_Help}


def _plain(text: str) -> str:
    """A menu text without its access key: "&File", and the Japanese 「ファイル(&F)」 (the list read
    「ファイル(F) → 単語をインポート(I)」)."""
    return re.sub(r"\(&.\)", "", text).replace("&", "").rstrip("…").strip()


def open_shortcuts(window: MainWindow) -> ShortcutsDialog:
    dialog = ShortcutsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
