"""The one way the GUI runs core calls: errors shown, long work off the GUI thread.

Like Anki's `aqt.operations`: a page hands over a callable; `Operations`
runs it (synchronously for quick commands, in a QThreadPool worker for long
work), shows any failure as a readable dialog, and emits `changed` after a
successful change so every page refreshes from the read models. Pages never
catch core exceptions themselves, except `ValidationFailed` in dialogs that
show the messages beside their fields.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QEvent, QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QProgressDialog, QWidget

from ..domain.errors import DomainError
from ..persistence.errors import StoreError
from ..persistence.lock_wait import waiting_briefly
from ..stopping import StoppedAsAsked
from .errors import show_error
from .gc_thread import collect_on_gui_thread

log = logging.getLogger("effect_desktop.gui.operations")
T = TypeVar("T")
Progress = Callable[[int, int], bool]  # (done, total) -> keep going?


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class BackgroundJob(QRunnable):
    """Runs `work(progress)` off the GUI thread; `progress` returns False once cancel was asked.

    Results and errors come back as signals, delivered in the GUI thread."""

    def __init__(self, work: Callable[[Progress], Any], cancelled: threading.Event | None = None) -> None:
        super().__init__()
        collect_on_gui_thread()  # this work runs on a worker thread: see gc_thread.py
        self.work = work
        self.cancelled = cancelled or threading.Event()
        self.signals = _Signals()
        self.setAutoDelete(False)

    def _progress(self, done: int, total: int) -> bool:
        try:
            self.signals.progressed.emit(int(done), int(total))
        except RuntimeError:  # the window that asked was closed meanwhile: stop
            return False
        return not self.cancelled.is_set()

    def run(self) -> None:
        try:
            result = self.work(self._progress)
        except Exception as error:  # delivered to the GUI thread and shown there
            deliver(self.signals.failed, error)
        else:
            deliver(self.signals.succeeded, result)


def deliver(signal: Any, *values: object) -> None:
    """Emit a worker's result; if the window or page that asked was closed meanwhile, its signals
    object is gone ("Signal source has been deleted") and there is nobody to tell."""
    with contextlib.suppress(RuntimeError):
        signal.emit(*values)


def _owner(handler: Callable[..., Any] | None, given: QObject | None) -> QObject | None:
    bound = getattr(handler, "__self__", None)
    return given if given is not None else bound if isinstance(bound, QObject) else None


def _gone(owner: QObject | None) -> bool:
    return owner is not None and not shiboken6.isValid(owner)


class _KeepOpen(QObject):
    """Esc on a progress dialog that cannot cancel its work: ignored (it hid the dialog while the work
    went on, and the window, no longer covered, took input meant for after it)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        return (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape)


class Operations(QObject):
    """Owned by the main window and passed to every page."""

    changed = Signal()  # state changed: refresh views
    busy_changed = Signal(bool)

    def __init__(self, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.parent_widget = parent_widget
        self.pool = QThreadPool(self)
        self._keep_open = _KeepOpen(self)
        self.pool.setMaxThreadCount(1)  # one writer at a time, in order
        self.read_pool = QThreadPool(self)
        self.read_pool.setMaxThreadCount(1)
        self._reads: list[BackgroundJob] = []
        self._retired = False
        self._read_generation: dict[str, int] = {}
        self._running: list[BackgroundJob] = []
        self._cancels: dict[BackgroundJob, threading.Event] = {}  # running work that stops on close
        self.progress_dialog: QProgressDialog | None = None

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def perform(self, action: Callable[[], T], *, changes: bool = True,
                parent: QWidget | None = None, busy: str = "") -> tuple[bool, T | None]:
        """Run a quick command now; on failure show it and return (False, None).

        `busy`: what to say while it runs, for a command on many words at once (Organize, or its undo,
        on thousands: seconds): the wait cursor and that message show first. It ran with nothing on
        screen, and the window looked dead.

        Its writes wait only briefly for another program's hold on the profile (a command-line rebuild
        froze the window for ten seconds an answer); they then fail as busy, the command undone whole."""
        try:
            with self._looking_busy(busy), waiting_briefly():
                result = action()
        except (DomainError, StoreError) as error:
            show_error(parent or self.parent_widget, error)
            return False, None
        except Exception as error:  # unexpected: logged with its traceback, shown plainly
            log.exception("command failed")
            show_error(parent or self.parent_widget, error)
            return False, None
        if changes:
            self.changed.emit()
        return True, result

    @contextlib.contextmanager
    def _looking_busy(self, message: str) -> Iterator[None]:
        if not message:
            yield
            return
        bar = self.parent_widget.statusBar() if isinstance(self.parent_widget, QMainWindow) else None
        if bar is not None:
            bar.showMessage(message)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)  # painted now
        try:
            yield
        finally:
            QApplication.restoreOverrideCursor()
            if bar is not None and bar.currentMessage() == message:
                bar.clearMessage()

    def run(self, work: Callable[[Progress], T], on_success: Callable[[T], None] | None = None, *,
            label: str = "", cancellable: bool = False, changes: bool = True,
            on_failure: Callable[[Exception], None] | None = None, owner: QObject | None = None,
            stops_on_close: bool = False, changes_first: bool = False) -> None:
        """Run long work in the pool; a progress dialog appears if it takes a moment.

        `changes_first`: the change is announced before `on_success` runs, as `perform` announces it
        before its caller goes on (a command moved off the GUI thread says what it did after the
        list reloads, not before: a note said before the reload was taken as stale).

        `stops_on_close`: cancellable work that closing the window cancels (`stop_on_close`).

        `owner` (by default the object of a bound-method `on_success`) is the page or dialog the
        result is for: once it is gone (a language change rebuilds every page), its handlers are not
        called; a change the work made is still announced, and a failure shown on the window."""
        owner = _owner(on_success, owner)
        cancelled = threading.Event()
        worker = BackgroundJob(work, cancelled)
        if cancellable and stops_on_close:
            self._cancels[worker] = cancelled
        dialog = None
        if label:
            dialog = QProgressDialog(label, self.tr("Cancel") if cancellable else "", 0, 0,
                                     self.parent_widget)
            dialog.setObjectName("progressDialog")
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            # Qt restarts its show timer only at the minimum value; an unset busy dialog sits at -1,
            # and "Going back in time…" first showed after Qt's default 4 s, not 0.3 s
            dialog.setValue(0)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            if not cancellable:
                dialog.setCancelButton(None)
                dialog.installEventFilter(self._keep_open)  # Esc hid it, and the window took input meanwhile
            dialog.canceled.connect(cancelled.set)

            def show_progress(done: int, total: int) -> None:
                dialog.setMaximum(max(total, 1))
                dialog.setValue(done)

            worker.signals.progressed.connect(show_progress)
            self.progress_dialog = dialog

        def finish() -> None:
            self._running.remove(worker)
            self._cancels.pop(worker, None)
            if not shiboken6.isValid(self):  # its window is gone, the dialog with it
                return
            if dialog is not None and shiboken6.isValid(dialog):
                dialog.close()
                dialog.deleteLater()
                if self.progress_dialog is dialog:
                    self.progress_dialog = None
            if not self._running:
                self.busy_changed.emit(False)

        def succeeded(result: Any) -> None:
            finish()
            if not self._live():
                return
            if changes and changes_first:
                self.changed.emit()
            if on_success is not None and not _gone(owner):
                on_success(result)
            # not when `on_success` handed the profile to a new window (a new study day start): the old
            # window's sync status recounted on the closed profile, through connections nothing closed,
            # and every restore was refused as "another program is using this profile"
            if changes and not changes_first and self._live():
                self.changed.emit()

        def failed(error: Exception) -> None:
            finish()
            if not self._live():  # nowhere to show it (the window was replaced or closed): the log has it
                log.error("background work failed after its window went: %s", error,
                          exc_info=None if isinstance(error, DomainError | StoreError) else error)
                return
            stopped = cancelled.is_set() and isinstance(error, StoppedAsAsked)
            if stopped:  # (it was an ERROR with a traceback)
                log.info("background work stopped when asked (%s)", type(error).__name__)
            elif not isinstance(error, DomainError | StoreError):
                log.error("background work failed", exc_info=error)
            if on_failure is not None and not _gone(owner):
                on_failure(error)
            elif stopped and isinstance(self.parent_widget, QMainWindow):
                # Cancel on an export showed "That cannot be done: The import was cancelled" (in English)
                self.parent_widget.statusBar().showMessage(self.tr("Cancelled; nothing was written."), 8000)
            else:
                show_error(self.parent_widget, error)

        worker.signals.succeeded.connect(succeeded)
        worker.signals.failed.connect(failed)
        self._running.append(worker)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        self.pool.start(worker)

    def read(self, key: str, work: Callable[[], T], on_result: Callable[[T], None], *,
             owner: QObject | None = None, on_failure: Callable[[Exception], None] | None = None) -> None:
        """Run a read off the GUI thread; only the newest read under `key` is delivered.

        For figures a page shows (counts, the status bar): a long history makes
        them take a moment, and the window must answer keys meanwhile. Reads
        have their own thread, so they neither wait behind long work nor show
        "Working…"; a failure is logged and the figure left as it was. A read
        whose `owner` (as for `run`) is gone is dropped: a page rebuilt by a
        language change starts no read of its own to supersede the old one's. `on_failure` hears of the
        newest read's failure (a page that shows it is waiting must stop waiting)."""
        if self._retired:  # its profile is closed (see `succeeded` in `run`)
            return
        owner = _owner(on_result, owner)
        generation = self._read_generation.get(key, 0) + 1
        self._read_generation[key] = generation
        worker = BackgroundJob(lambda _progress: work(), threading.Event())

        def finish() -> None:
            self._reads.remove(worker)

        def succeeded(result: Any) -> None:
            finish()
            if self._read_generation.get(key) == generation and self._live() and not _gone(owner):
                on_result(result)

        def failed(error: Exception) -> None:
            finish()
            log.warning("background read %s failed", key, exc_info=error)
            if (on_failure is not None and self._read_generation.get(key) == generation and self._live()
                    and not _gone(owner)):
                on_failure(error)

        worker.signals.succeeded.connect(succeeded)
        worker.signals.failed.connect(failed)
        self._reads.append(worker)
        self.read_pool.start(worker)

    def _live(self) -> bool:
        """Whether a result may still be shown: not after `retire`, nor once the window is gone (a read
        that ended after its window closed wrote into deleted labels)."""
        return not self._retired and shiboken6.isValid(self) and shiboken6.isValid(self.parent_widget)

    def retire(self) -> None:
        """The window is handing its profile to a new one (a restore, a new study day start):
        work under way ends, and results still on their way are dropped (their pages are going)."""
        self._retired = True
        self.stop_on_close()  # the daily backup or a rebuild under way held a restore up to half a minute
        self.wait()

    def shut(self) -> None:
        """The window has closed: nothing new starts here, and what runs is waited for. A sync that
        ended after the close asked every page to read again, and the window was then deleted while
        those reads ran: the pools' destructors waited for them holding the interpreter lock the
        reads needed to finish (a hang). Results still on their way are dropped, as after `retire`."""
        self._retired = True
        self.wait()

    def stop_on_close(self) -> None:
        """The window is closing: work that stops changing nothing and that nobody waits for (a rebuild)
        stops, as its Cancel button would; the rest is waited for (a command, an import; an export or
        a recount of the study days, whose result the learner asked for). A rebuild of five years went
        on for half a minute after the window was closed."""
        for cancelled in self._cancels.values():
            cancelled.set()

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until background work ends (shutdown and tests); results still arrive by signal."""
        return self.pool.waitForDone(timeout_ms) and self.read_pool.waitForDone(timeout_ms)
