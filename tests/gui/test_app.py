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


def test_a_data_folder_name_too_long_for_the_system_is_a_message_not_a_traceback(qtbot, tmp_path) -> None:
    """Path.exists raised "File name too long" before anything caught it: a traceback on the terminal,
    and nothing at all for a learner who double-clicked."""
    from PySide6.QtWidgets import QMessageBox

    too_long = tmp_path / ("x" * 300)
    shown: dict[str, str] = {}

    def read_and_close() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(20, read_and_close)
            return
        shown["text"] = boxes[0].text()
        boxes[0].accept()

    QTimer.singleShot(0, read_and_close)
    assert run_gui(too_long, "default") == 1
    assert "cannot be created (File name too long)" in shown["text"] and "--data-dir" in shown["text"]
    assert "…" in shown["text"] and len(shown["text"]) < 400, "the path is shortened"


def _damage(path) -> bytes:
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, len(data) - 4096, 4096):
        data[offset + 100: offset + 400] = b"\xa5" * 300
    path.write_bytes(bytes(data))
    return bytes(data)


def _damaged_profile_with_a_backup(tmp_path):
    from effect_desktop.backup.backups import create_backup
    from effect_desktop.bootstrap import open_profile

    profile = open_profile(tmp_path / "alice.effect.sqlite3")
    profile.service.create_words([{"text": f"w{i}", "meaning": "m" * 500} for i in range(300)])
    create_backup(profile.path, "daily")
    path = profile.path
    profile.close()
    return path, _damage(path)


def _answer_offer(button_text: str, seen: dict, offer: str = "offerBackup") -> None:
    from PySide6.QtWidgets import QMessageBox

    def answer() -> None:
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.objectName() == offer and w.isVisible()]
        if not boxes:
            QTimer.singleShot(20, answer)
            return
        box = boxes[0]
        seen["text"], seen["offer"] = box.text(), box.informativeText()
        next(b for b in box.buttons() if b.text() == button_text).click()
        if button_text in ("Restore the backup", "Recover what can be read"):
            QTimer.singleShot(0, close_window)

    def close_window() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(20, close_window)
            return
        seen["words"] = len(windows[0].profile.queries.words())
        notes = [w for w in windows[0].findChildren(QMessageBox) if w.objectName() == "restoredNote"]
        seen["note"] = notes[0].text() if notes else None
        windows[0].close()

    QTimer.singleShot(0, answer)


def test_a_damaged_profile_is_offered_its_latest_backup_and_kept_aside(qtbot, tmp_path):
    """A double-click user has no terminal: the window offers the backup, then opens with it."""
    from effect_desktop.backup.backups import DAMAGED, list_backups

    path, damaged = _damaged_profile_with_a_backup(tmp_path)
    seen: dict = {}
    _answer_offer("Restore the backup", seen)
    assert run_gui(tmp_path, "alice") == 0
    assert "is damaged" in seen["text"] and "moved to the backups folder, not deleted" in seen["offer"]
    assert seen["words"] == 300, "the window opened on the restored backup"
    assert seen["note"] is not None and seen["note"].startswith("Restored the backup.")
    (aside,) = [b for b in list_backups(path) if b.reason == DAMAGED]
    assert aside.path.read_bytes() == damaged


def test_a_damaged_profile_with_no_backup_is_offered_a_new_profile_of_what_it_still_holds(qtbot, tmp_path):
    """With no backup the window said "choose another data folder or profile": every answer the file
    still held was out of reach for a learner without a terminal."""
    from effect_desktop.backup.backups import DAMAGED, list_backups
    from effect_desktop.bootstrap import open_profile

    profile = open_profile(tmp_path / "alice.effect.sqlite3")
    profile.service.create_words([{"text": f"w{i}", "meaning": "m" * 500} for i in range(300)])
    path = profile.path
    profile.close()
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle + 100: middle + 400] = b"\xa5" * 300  # one page scribbled over
    path.write_bytes(bytes(data))
    seen: dict = {}
    _answer_offer("Recover what can be read", seen, "offerRecovery")
    assert run_gui(tmp_path, "alice") == 0
    assert "is damaged" in seen["text"] and "moved to the backups folder, not deleted" in seen["offer"]
    assert 200 <= seen["words"] <= 300, "the window opened on what could be read"
    assert seen["note"] is not None and seen["note"].startswith("Recovered ")
    (aside,) = [b for b in list_backups(path) if b.reason == DAMAGED]
    assert aside.path.read_bytes() == bytes(data)


def test_declining_the_backup_quits_and_leaves_the_damaged_profile_alone(qtbot, tmp_path):
    path, damaged = _damaged_profile_with_a_backup(tmp_path)
    seen: dict = {}
    _answer_offer("Quit", seen)
    assert run_gui(tmp_path, "alice") == 1
    assert path.read_bytes() == damaged


def test_read_models_from_an_older_build_are_refilled_with_the_window_up(qtbot, tmp_path):
    """After an update that changed what the projections write, the profile opens at once and its
    words, schedules and totals come back while the window is shown, not before."""
    import sqlite3

    from effect_desktop.bootstrap import open_profile

    profile = open_profile(tmp_path / "bob.effect.sqlite3")
    profile.service.create_words([{"text": f"w{i}", "meaning": "m"} for i in range(2_500)])
    profile.close()
    with sqlite3.connect(tmp_path / "bob.effect.sqlite3") as raw:
        raw.execute("UPDATE profile_info SET value = '1' WHERE key = 'projection_version'")
    seen: dict = {}

    def look() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(10, look)
            return
        window = windows[0]
        seen.setdefault("words_when_shown", len(window.profile.queries.words()))
        seen["busy_seen"] = seen.get("busy_seen", False) or window.operations.busy
        words = len(window.profile.queries.words())
        if window.operations.busy or not (seen["busy_seen"] or words):  # the refill starts once the window shows
            QTimer.singleShot(20, look)
            return
        seen["words_after"] = words
        window.close()

    QTimer.singleShot(0, look)
    assert run_gui(tmp_path, "bob") == 0
    assert seen["words_when_shown"] == 0, "the window did not wait for the refill"
    assert seen["words_after"] == 2_500
