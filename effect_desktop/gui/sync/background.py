"""Sync work on a daemon thread, its outcome delivered on the GUI thread.

Why not `gui.operations.Operations`: its single worker pool serialises every
long command (a rebuild, an import) and the main window waits up to 30 s for
it when closing. A sync may sit for ~10 s on an unreachable server; it must
neither queue behind a rebuild nor hold a close hostage. A daemon thread can
be abandoned at exit: every sync page is committed with its checkpoint, so an
abandoned sync loses nothing and the next one resumes where it stopped.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Slot

from ..gc_thread import collect_on_gui_thread

log = logging.getLogger("effect_desktop.gui.sync")


POLL_MS = 50  # how soon an outcome is picked up on the GUI thread


class BackgroundTask:
    """One call of `work` on its own daemon thread.

    The thread touches no Qt object: its outcome is left in a slot that a timer
    on the GUI thread looks at. It emitted a signal of an object on the GUI
    thread, and once the window was closed and that object deleted while the
    sync went on, the emit crashed the app (a segmentation fault, in 2 of 8
    closes during a push). The timer is a child of `parent`: with it gone,
    nothing is delivered and nothing is touched."""

    def __init__(self, work: Callable[[], Any], on_success: Callable[[Any], None],
                 on_failure: Callable[[Exception], None], parent: QObject | None = None) -> None:
        collect_on_gui_thread()
        self._work = work
        self._on_success = on_success
        self._on_failure = on_failure
        self._outcome: tuple[bool, Any] | None = None  # (succeeded, result or error), set by the thread
        self._timer = QTimer(parent)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._deliver)
        self._thread = threading.Thread(target=self._run, name="effect-desktop-sync", daemon=True)

    def start(self) -> BackgroundTask:
        self._thread.start()
        self._timer.start()
        return self

    def _run(self) -> None:
        try:
            self._outcome = (True, self._work())
        except Exception as error:  # delivered to the GUI thread and shown there
            self._outcome = (False, error)

    @Slot()
    def _deliver(self) -> None:
        outcome = self._outcome
        if outcome is None:
            return
        self._timer.stop()
        self._timer.deleteLater()
        succeeded, value = outcome
        if succeeded:
            self._on_success(value)
        else:
            self._on_failure(value)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, seconds: float) -> bool:
        """Block at most `seconds`; True if the work has ended (its outcome is still delivered by the timer)."""
        self._thread.join(max(0.0, seconds))
        return not self._thread.is_alive()
