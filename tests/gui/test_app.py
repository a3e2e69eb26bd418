"""run_gui end to end: opens the profile, shows the window, keeps its files in the profile folder."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from effect_desktop.gui.app import run_gui
from effect_desktop.gui.main_window import MainWindow
from effect_desktop.gui.paths import gui_settings_path, lock_path
from effect_desktop.gui.startup import FirstRunDialog


def test_run_gui_opens_asks_first_run_and_remembers_geometry(qtbot, tmp_path):
    seen: dict[str, object] = {}

    def close_when_ready() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows or windows[0].startup_dialog is None:
            QTimer.singleShot(20, close_when_ready)
            return
        window = windows[0]
        seen["dialog"] = type(window.startup_dialog)
        seen["lock held"] = lock_path(window.profile.path).exists()
        window.resize(900, 600)
        window.close()

    QTimer.singleShot(0, close_when_ready)
    assert run_gui(tmp_path, "alice") == 0
    assert seen == {"dialog": FirstRunDialog, "lock held": True}
    profile_file = tmp_path / "alice.effect.sqlite3"
    assert profile_file.exists()
    assert "geometry" in gui_settings_path(profile_file).read_text(encoding="utf-8")
    assert not lock_path(profile_file).exists(), "the lock is released on exit"


def test_a_data_folder_that_is_a_file_is_explained_not_a_traceback(qtbot, tmp_path):
    """EFFECT_DATA_DIR pointing at a file: a dialog says what is wrong and what to do; nothing is written."""
    from PySide6.QtWidgets import QMessageBox

    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("my notes", encoding="utf-8")
    shown: dict[str, str] = {}

    def read_and_close() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(20, read_and_close)
            return
        shown["title"], shown["text"] = boxes[0].windowTitle(), boxes[0].text()
        boxes[0].accept()

    QTimer.singleShot(0, read_and_close)
    assert run_gui(not_a_folder, "default") == 1
    assert "is a file, not a folder" in shown["text"] and "--data-dir" in shown["text"]
    assert not_a_folder.read_text(encoding="utf-8") == "my notes"
