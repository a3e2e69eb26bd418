"""One instance per profile: a second launch brings the first window forward and exits."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QProcess, QProcessEnvironment, Qt, QTimer
from PySide6.QtWidgets import QApplication

from effect_desktop.gui.app import run_gui
from effect_desktop.gui.instance import InstanceLock, ask_running_instance_to_raise
from effect_desktop.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _second_launch(data_dir: Path, profile: str, parent: MainWindow) -> QProcess:
    process = QProcess(parent)
    environment = QProcessEnvironment.systemEnvironment()
    environment.insert("QT_QPA_PLATFORM", "offscreen")
    environment.insert("PYTHONPATH", str(ROOT))
    process.setProcessEnvironment(environment)
    process.setProgram(sys.executable)
    process.setArguments(["-m", "effect_desktop", "--data-dir", str(data_dir), "--profile", profile])
    return process


def test_a_second_launch_raises_the_running_window_and_exits_0(qtbot, tmp_path):
    seen: dict[str, object] = {}

    def when_ready() -> None:
        windows = [w for w in QApplication.topLevelWidgets()  # not an earlier test's window
                   if isinstance(w, MainWindow) and w.profile.path.parent == tmp_path]
        if not windows or windows[0].startup_dialog is None:  # startup and the server run first
            QTimer.singleShot(20, when_ready)
            return
        window = windows[0]
        window.startup_dialog.reject()
        window.showMinimized()
        seen["minimised before"] = window.isMinimized()
        second = _second_launch(tmp_path, "alice", window)

        def finished(code: int, _status: object) -> None:
            seen["exit code"] = code
            seen["terminal"] = bytes(second.readAllStandardOutput().data()).decode()
            seen["minimised after"] = bool(window.windowState() & Qt.WindowState.WindowMinimized)
            window.close()

        second.finished.connect(finished)
        second.start()

    def give_up() -> None:  # a failure must not hang the suite
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.profile.path.parent == tmp_path:
                widget.close()

    QTimer.singleShot(0, when_ready)
    QTimer.singleShot(60_000, give_up)
    assert run_gui(tmp_path, "alice") == 0
    assert seen["minimised before"] is True
    assert seen["exit code"] == 0
    assert "already open" in str(seen["terminal"]) and "brought to the front" in str(seen["terminal"])
    assert seen["minimised after"] is False, "the first window was restored"


def test_without_a_listening_window_the_second_launch_is_told_no(tmp_path):
    """A lock held by a process that cannot answer (an older version, hung): no raise claimed."""
    profile_file = tmp_path / "bob.effect.sqlite3"
    lock = InstanceLock(profile_file)
    lock.acquire()
    try:
        assert ask_running_instance_to_raise(profile_file, timeout_ms=300) is False
    finally:
        lock.release()


def test_two_spellings_of_one_profile_file_share_one_server_name(tmp_path):
    """On Windows and macOS `--profile Alice` opens alice's file: the lock said "in use" but the
    socket was named after the spelling typed, so the running window never came forward. Two names
    of one file (hard links here, where the disk tells case apart) stand for that."""
    from effect_desktop.gui.instance import server_name

    stored = tmp_path / "alice.effect.sqlite3"
    stored.write_bytes(b"")
    typed = tmp_path / "Alice.effect.sqlite3"
    typed.hardlink_to(stored)
    other = tmp_path / "ALICE.effect.sqlite3"
    other.write_bytes(b"")  # a file of its own: another profile, another name
    assert server_name(typed) == server_name(stored)
    assert server_name(other) != server_name(stored)


def test_after_the_window_is_replaced_a_second_launch_still_raises_it_and_the_app_ends_cleanly(qtbot, tmp_path):
    """A restore (or a new study-day start) replaces the window; the single-instance server belonged to
    the old one and went with it: a second launch was told "already open… close it", and closing the
    app ended in "Internal C++ object (QLocalServer) already deleted" with the profile left open (found
    by a data-safety helper)."""
    from effect_desktop.gui.features import _reopen

    seen: dict[str, object] = {}

    def when_ready() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.profile.path.parent == tmp_path and w.isVisible()]
        if not windows or windows[0].startup_dialog is None:
            QTimer.singleShot(20, when_ready)
            return
        first = windows[0]
        first.startup_dialog.reject()
        path = first.profile.path
        first.retire()
        first.profile.close()
        window = _reopen(first, path)  # as a restore does
        QApplication.processEvents()
        window.showMinimized()
        second = _second_launch(tmp_path, "alice", window)

        def finished(code: int, _status: object) -> None:
            seen["exit code"] = code
            seen["terminal"] = bytes(second.readAllStandardOutput().data()).decode()
            seen["minimised after"] = bool(window.windowState() & Qt.WindowState.WindowMinimized)
            window.close()

        second.finished.connect(finished)
        second.start()

    def give_up() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.profile.path.parent == tmp_path:
                widget.close()

    QTimer.singleShot(0, when_ready)
    QTimer.singleShot(60_000, give_up)
    assert run_gui(tmp_path, "alice") == 0
    assert seen["exit code"] == 0 and "brought to the front" in str(seen["terminal"])
    assert seen["minimised after"] is False
