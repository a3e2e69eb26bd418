"""Help: the shortcuts (read from the window's own actions), the data folder, the build."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from effect_desktop import __version__
from effect_desktop.gui import i18n
from effect_desktop.gui.help_menu import ShortcutsDialog, open_shortcuts
from effect_desktop.gui.main_window import MainWindow


def _action(window: MainWindow, name: str):
    return next(a for a in window.menuBar().actions()[-1].menu().actions() if a.objectName() == name)


def test_the_shortcuts_list_what_the_keys_do(qtbot, window: MainWindow) -> None:
    _action(window, "shortcutsAction").trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog) and w.isVisible())
    qtbot.addWidget(dialog)
    rows = {(dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text())
            for r in range(dialog.table.rowCount())}
    for expected in (("Ctrl+Z", "Edit → Undo"), ("Ctrl+H", "Word history"), ("Ctrl+I", "File → Import words"),
                     ("Ctrl+2", "Go → Words"), ("F1", "Help → Keyboard shortcuts"),
                     ("Ctrl+Q", "File → Quit"),  # Qt binds Quit to no key on Windows (and offscreen)
                     ("Esc", "Study: leave the session (it can be resumed)")):
        assert expected in rows, expected
    keys = {key for key, _ in rows}
    assert not keys & {"Redo", "Undo", "Help"}, "a dedicated key few keyboards have, listed as the key"
    dialog.reject()


def test_the_shortcuts_in_japanese_name_the_menus_without_their_access_keys(qtbot, window: MainWindow) -> None:
    """The list read 「ファイル(F) → 単語をインポート(I)」: only the "&" was taken out of 「ファイル(&F)」."""
    i18n.install("ja")
    try:
        window.change_language("ja")
        dialog = open_shortcuts(window)
        qtbot.addWidget(dialog)
        texts = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
        assert "ファイル → 単語をインポート" in texts, texts
        assert not [text for text in texts if re.search(r"\([A-Z]\)", text)]
        # the menus of before the switch went with it (their actions stayed, listed in English beside)
        assert not [text for text in texts if text in ("Undo", "Redo") or text.startswith(("File ", "Edit "))], texts
        dialog.reject()
    finally:
        i18n.install("en")
        window.change_language("en")


class _FileManager(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def show(self, url: QUrl) -> None:
        self.opened.append(url)


def test_the_data_folder_opens_in_the_file_manager(window: MainWindow, profile) -> None:
    manager = _FileManager()
    QDesktopServices.setUrlHandler("file", manager, "show")
    try:
        _action(window, "openDataFolder").trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [url.toLocalFile() for url in manager.opened] == [str(profile.path.parent)]


def test_about_names_the_version_the_profile_and_the_log(qtbot, window: MainWindow, profile) -> None:
    shown: list[str] = []

    def read_and_close() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(20, read_and_close)
            return
        shown.append(boxes[0].text())
        boxes[0].accept()

    QTimer.singleShot(0, read_and_close)
    next(a for a in window.menuBar().actions()[-1].menu().actions() if a.text() == "&About Effect Desktop").trigger()
    assert __version__ in shown[0] and str(profile.path) in shown[0] and "effect-desktop.log" in shown[0]
