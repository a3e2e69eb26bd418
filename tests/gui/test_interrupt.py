"""Ctrl+C in the terminal that started the window closes it as its close button does."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from effect_desktop.cli.main import run_cli


def test_ctrl_c_in_the_terminal_closes_the_window_cleanly(tmp_path: Path) -> None:
    """The window ignored Ctrl+C (it ran on until killed), and once logged a KeyboardInterrupt raised
    inside a slot as an "uncaught exception"."""
    data = tmp_path / "data"
    assert run_cli(["--data-dir", str(data), "words", "add", "猫", "cat"]) == 0  # no first-run questions
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    window = subprocess.Popen([sys.executable, "-m", "effect_desktop", "--data-dir", str(data)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    log = data / "effect-desktop.log"
    deadline = time.monotonic() + 60
    while not (log.exists() and (data / "default.lock").exists()) and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1.5)  # the window up and its first work done
    window.send_signal(signal.SIGINT)
    try:
        _, err = window.communicate(timeout=30)
    finally:
        window.kill()
    assert window.returncode == 0, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert "KeyboardInterrupt" not in log.read_text(encoding="utf-8")
    assert not (data / "default.lock").exists()  # closed as a window closes: the lock let go


def test_ctrl_c_closes_an_open_dialog_first_then_the_window(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+C during a restore closed the window while the restore ran on, and its outcome was never
    told: a dialog closes first, as Esc would, and one that refuses (a restore under way) keeps the
    window. One Ctrl+C then only closed the first-run question, and the window stayed."""
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QDialog, QMainWindow

    from effect_desktop.gui.app import close_on_interrupt

    class Restoring(QDialog):
        def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
            event.ignore()

    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    busy = Restoring(window)
    busy.setModal(True)
    busy.show()
    qtbot.waitUntil(lambda: busy.isVisible())
    stop = close_on_interrupt(window.close)
    try:
        os.kill(os.getpid(), signal.SIGINT)
        qtbot.wait(300)
        assert busy.isVisible() and window.isVisible(), "a restore under way keeps its window"
        busy.done(0)
        question = QDialog(window)
        question.setModal(True)
        question.show()
        qtbot.waitUntil(lambda: question.isVisible())
        os.kill(os.getpid(), signal.SIGINT)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
        assert not question.isVisible()
    finally:
        stop()
