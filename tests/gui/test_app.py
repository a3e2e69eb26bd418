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
