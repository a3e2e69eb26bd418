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

from PySide6.QtCore import QObject, Signal, Slot

from ..gc_thread import collect_on_gui_thread

log = logging.getLogger("effect_desktop.gui.sync")


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from the worker arrive there queued."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, on_success: Callable[[Any], None], on_failure: Callable[[Exception], None],
                 parent: QObject | None) -> None:
        super().__init__(parent)
        self._on_success = on_success
        self._on_failure = on_failure
        self.succeeded.connect(self._deliver_success)
        self.failed.connect(self._deliver_failure)

    @Slot(object)
    def _deliver_success(self, result: object) -> None:
        self._on_success(result)
        self.deleteLater()

    @Slot(object)
    def _deliver_failure(self, error: object) -> None:
        self._on_failure(error)  # type: ignore[arg-type]
        self.deleteLater()


class BackgroundTask:
    """One call of `work` on its own daemon thread."""

    def __init__(self, work: Callable[[], Any], on_success: Callable[[Any], None],
                 on_failure: Callable[[Exception], None], parent: QObject | None = None) -> None:
        collect_on_gui_thread()
        self._work = work
        self._relay = _Relay(on_success, on_failure, parent)
        self._thread = threading.Thread(target=self._run, name="effect-desktop-sync", daemon=True)

    def start(self) -> BackgroundTask:
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # delivered to the GUI thread and shown there
            outcome, value = self._relay.failed, error
        else:
            outcome, value = self._relay.succeeded, result
        try:
            outcome.emit(value)
        except RuntimeError:  # the window (and the relay with it) is gone: nobody to tell
            log.info("sync finished after its window closed")

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, seconds: float) -> bool:
        """Block at most `seconds`; True if the work has ended (its outcome still arrives by signal)."""
        self._thread.join(max(0.0, seconds))
        return not self._thread.is_alive()
