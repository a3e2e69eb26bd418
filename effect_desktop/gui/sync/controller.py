"""The GUI's side of sync: when to sync, on which thread, and what to tell the status bar.

One controller per main window. It resolves the server and password
(`effect_desktop.sync.credentials`), runs `SyncClient.sync` on a background
thread (never two at once; studying goes on meanwhile, the client holds the
profile's write lock one page at a time), turns the outcome into a
`SyncStatus`, and after every sync emits the app's `operations.changed` so
every page refreshes from the read models that the sync brought up to date.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ...backup.schedule import backup_before_sync, needs_backup
from ...bootstrap import Profile
from ...persistence.errors import StoreError
from ...sync import (
    AccountConflict,
    AuthenticationFailed,
    BadServerURL,
    CredentialsUnavailable,
    ServerUnreachable,
    SyncClient,
    SyncError,
    SyncInterrupted,
    SyncResult,
    SyncStopped,
    credentials,
    pending_count,
    show_received,
)
from ...sync.urls import ServerURL
from ..core_messages import localise
from ..operations import Operations
from .background import BackgroundTask
from .messages import describe
from .pace import PullPace
from .preferences import SyncPreferences
from .status import SyncState, SyncStatus

CATCH_UP_POLL_MS = 500  # how often the sync on opening looks whether the catch-up has ended
CATCH_UP_WAIT_MS = 30 * 60_000  # and for how long at most
PROGRESS_POLL_MS = 100  # how often the status bar takes a running sync's progress
CLOSE_CHECK_SECONDS = 0.1  # how often closing looks again whether the last sync's pull can end in the wait
IDLE_POLLS = 10  # looks that find it behind with no catch-up running (one that has not begun, or failed)
log = logging.getLogger("effect_desktop.gui.sync")


class SyncController(QObject):
    status_changed = Signal(object)  # SyncStatus
    synced = Signal(object)  # SyncResult, after a successful sync
    failed = Signal(object)  # the exception, after a failed one
    warned = Signal(str)  # a sync that went through with something the learner should know
    settings_changed = Signal()  # server or auto-sync choices changed

    def __init__(self, profile: Profile, operations: Operations | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self._open_polls = 0
        self._idle_polls = 0
        self.operations = operations
        self.preferences = SyncPreferences(profile.settings)
        self._task: BackgroundTask | None = None
        self._session_url: ServerURL | None = None  # a password the learner chose not to store
        self._backup_problem = ""  # why the running sync's backup could not be made (set in its thread)
        self._stop = threading.Event()  # set: the running sync stops after the page it is taking in
        self._pace = PullPace()  # how fast the running sync's pull goes (closing asks whether it ends in time)
        self._last_attempt: datetime | None = None  # when a sync last started (see sync_if_overdue)
        self._status = SyncStatus(SyncState.NOT_SET_UP)
        self._timer = QTimer(self)
        self._timer.setObjectName("autoSyncTimer")
        self._timer.timeout.connect(self.auto_sync)
        # the sync thread leaves its progress here and touches no Qt object (see background.py); the
        # GUI thread takes it while a sync runs
        self._progress_box: list[tuple[str, int, int]] = []  # the latest of each phase, in order
        self._progress_lock = threading.Lock()
        self._progress_timer = QTimer(self)
        self._progress_timer.setInterval(PROGRESS_POLL_MS)
        self._progress_timer.timeout.connect(self._take_progress)
        self._connected = threading.Event()  # the running sync reached the server (set in its thread)
        self._handed_over = False  # the window gave the profile to another (stop_for_handover)
        if operations is not None:
            operations.changed.connect(self.refresh)
        self.apply_preferences()
        self._seen_synced = self.preferences.last_synced  # the last sync this window knows of
        self.refresh()

    # --- state -------------------------------------------------------------------------------------------
    @property
    def status(self) -> SyncStatus:
        return self._status

    @property
    def running(self) -> bool:
        return self._task is not None

    @property
    def timer(self) -> QTimer:
        return self._timer

    def is_configured(self) -> bool:
        return bool(self._session_url or os.environ.get(credentials.ENV_URL)
                    or self.profile.settings.get(credentials.SETTING_URL))

    def remembered_url(self) -> ServerURL | None:
        """The server the profile remembers (without its password), if any."""
        raw = self.profile.settings.get(credentials.SETTING_URL)
        try:
            return ServerURL.parse(raw) if raw else None
        except SyncError:
            return None

    def _set(self, status: SyncStatus) -> None:
        self._status = status
        self.status_changed.emit(status)

    @Slot()
    def refresh(self) -> None:
        """Recount pending changes (after studying, after a sync), off the GUI thread when the app's
        operations helper can read there; a failure state keeps its reason."""
        if self.running or self._handed_over:
            return
        profile = self.profile
        if self.operations is not None and hasattr(self.operations, "read"):
            # a failed count shows what is held (a failure waiting for its count: see `_failed`)
            self.operations.read("sync.pending", lambda: pending_count(profile), self._show_pending,
                                 on_failure=lambda _error: self._set(self._status))
            return
        try:
            pending = pending_count(profile)
        except Exception:  # the status bar must never take the window down
            log.exception("could not count pending sync changes")
            return
        self._show_pending(pending)

    def _show_pending(self, pending: int) -> None:
        if self.running:
            return  # the sync reports its own count when it ends
        last = self.preferences.last_synced
        state = self._status.state
        if not self.is_configured():
            self._set(SyncStatus(SyncState.NOT_SET_UP, pending, last_synced=last))
        elif state in (SyncState.OFFLINE, SyncState.ERROR):  # the failure stands, and where to fix it
            self._set(SyncStatus(state, pending, self._status.reason, last,
                                 needs_settings=self._status.needs_settings))
        elif pending:
            self._set(SyncStatus(SyncState.PENDING, pending, last_synced=last))
        else:
            self._set(SyncStatus(SyncState.SYNCED if last else SyncState.IDLE, 0, last_synced=last))

    # --- settings ----------------------------------------------------------------------------------------
    def apply_preferences(self) -> None:
        minutes = self.preferences.every_minutes
        if minutes:
            self._timer.start(minutes * 60_000)
        else:
            self._timer.stop()

    def set_auto(self, *, on_open: bool | None = None, on_close: bool | None = None,
                 every_minutes: int | None = None) -> None:
        if on_open is not None:
            self.preferences.auto_on_open = on_open
        if on_close is not None:
            self.preferences.auto_on_close = on_close
        if every_minutes is not None:
            self.preferences.every_minutes = every_minutes
        self.apply_preferences()
        self.settings_changed.emit()

    def use_session_url(self, url: ServerURL | None) -> None:
        """Sync with this URL (password included) until the app closes, without storing it."""
        self._session_url = url
        self._status = SyncStatus(SyncState.IDLE)  # a new server: forget the old failure
        self.settings_changed.emit()
        self.refresh()

    def server_saved(self) -> None:
        """The settings dialog stored a server: old failures no longer apply."""
        self._session_url = None
        self._status = SyncStatus(SyncState.IDLE)
        self.settings_changed.emit()
        self.refresh()

    # --- syncing -----------------------------------------------------------------------------------------
    @Slot()
    def sync_now(self) -> bool:
        """Start a sync unless one is running or no server is set up; True if one started."""
        if self.running or self._handed_over:
            return False
        if not self.is_configured():
            self.refresh()
            return False
        self._last_attempt = datetime.now(UTC)  # a failing sync is tried again a period later, not each minute
        profile, session_url = self.profile, self._session_url

        self._backup_problem = ""
        stop = self._stop = threading.Event()
        connected = self._connected = threading.Event()
        self._progress_box = []
        self._pace = PullPace()

        def back_up(incoming: int) -> None:
            if needs_backup(profile, incoming):
                self._emit_progress("backup", 0, incoming)
                try:
                    backup_before_sync(profile, incoming)
                except StoreError as error:  # a full disk must not stop every sync: it only adds events
                    self._backup_problem = str(error)

        def work() -> SyncResult:
            url = session_url or credentials.resolve(profile)
            try:
                return SyncClient(profile, url, before_pull=back_up, on_connected=connected.set,
                                  stop=stop).sync(self._emit_progress)
            except SyncStopped:
                raise  # the window is closing: what was taken in is shown when it opens again
            except SyncError:
                # a large pull cut off: its pages are kept but were not counted yet, and the window
                # showed no words at all until the next sync; count them now (that sync counts again)
                show_received(profile)
                raise

        # running before it is said: "Sync now" (F5), greyed on the status change, stayed enabled
        self._task = BackgroundTask(work, self._succeeded, self._failed, self)
        self._set(SyncStatus(SyncState.SYNCING, self._status.pending,
                             last_synced=self.preferences.last_synced))
        self._task.start()
        self._progress_timer.start()
        return True

    @Slot()
    def notice_sync_elsewhere(self) -> None:
        """Every minute: a sync run from a terminal that only sent writes no event, so the window, which
        reads again when the log grows, kept saying "19 pending" after it. Its time is in the profile;
        once it moves, what this window last said (pending, or a failure) is out of date."""
        if self.running or self._handed_over:
            return
        last = self.preferences.last_synced
        if last == self._seen_synced:
            return
        self._seen_synced = last
        if self._status.state in (SyncState.OFFLINE, SyncState.ERROR):
            self._status = SyncStatus(SyncState.IDLE)  # a later sync reached the server
        self.refresh()

    @Slot()
    def sync_if_overdue(self) -> None:
        """The timed sync by the clock, asked every minute and when the window comes back: the timer
        counts only while the computer is awake, so after a night asleep the morning's first sync came
        up to N minutes late, on schedules another computer had changed overnight."""
        if self._handed_over:
            return
        minutes = self.preferences.every_minutes
        if not minutes or self.running or not self.is_configured():
            return
        last = max((t for t in (self.preferences.last_synced, self._last_attempt) if t is not None), default=None)
        if last is not None and datetime.now(UTC) - last < timedelta(minutes=minutes):
            return
        self._timer.start(minutes * 60_000)  # the next one a period from now
        self.auto_sync()

    def auto_sync(self) -> None:
        """A timed or start-up sync: quietly skipped while the app runs other long work."""
        if self.operations is not None and self.operations.busy:
            return
        self.sync_now()

    def sync_on_open(self) -> bool:
        """The sync on opening, once the window has brought the read models up to date: run beside
        that catch-up it waited on the profile's lock and failed as "busy in another program"."""
        if not self.preferences.auto_on_open:
            return False
        busy = self.operations is not None and self.operations.busy
        behind = self.profile.projector.checkpoint() < self.profile.store.last_position()
        if busy or behind:
            self._open_polls += 1
            self._idle_polls = 0 if busy else self._idle_polls + 1  # behind, and no catch-up running
            if self._open_polls * CATCH_UP_POLL_MS < CATCH_UP_WAIT_MS and self._idle_polls <= IDLE_POLLS:
                QTimer.singleShot(CATCH_UP_POLL_MS, self.sync_on_open)
            return False  # (a catch-up that failed leaves it behind with nothing running: no sync then)
        return self.sync_now()

    def close_down(self) -> bool:
        """Before the window closes: the optional last sync, waited for a bounded time.

        Returns True if no sync is left running. A sync still running after the
        wait is abandoned safely (see background.py). Without the last sync, a
        sync that is not yet taking events in is abandoned at once: still
        connecting, or sending, it has changed nothing here that the next sync
        does not redo (the window froze 8 s on a server that never answered).
        One taking events in is asked to stop after the page it is taking in
        (each page is committed whole, and the next sync goes on from there),
        and gets the same bounded wait for that page, or for the rebuild that
        ends a long pull if that has begun. With the last sync, a pull that at
        its pace cannot end within the wait is asked the same, at once (the
        window stood frozen the whole 8 s, and the pull went on after it)."""
        self._timer.stop()
        if self.preferences.auto_on_close and self.is_configured() and not self.running:
            self.sync_now()
        if self._task is None:
            return True
        if not self.preferences.auto_on_close:
            # stopped in any case: a push went on sending, and writing into the profile the window had
            # let go of, after it closed (and crashed it when it reported its progress)
            self._stop.set()
            if not self._connected.is_set():
                return False  # still connecting: it stops once connected, before it writes anything
        # said, and painted at once, before it waits (the window stood frozen for 8 s with nothing on
        # it); painted, not an event loop: the window's timers (its daily backup) must not run now
        self._set(SyncStatus(SyncState.SYNCING, self._status.pending, last_synced=self.preferences.last_synced,
                             phase="closing"))
        widget = getattr(getattr(self, "installation", None), "status_widget", None)
        if widget is not None:
            widget.repaint()
        deadline = time.monotonic() + self.preferences.close_wait_seconds
        while not self._stop.is_set() and self._pace.ends_by(deadline):
            if self._task.wait(min(CLOSE_CHECK_SECONDS, max(0.0, deadline - time.monotonic()))):
                return True
            if time.monotonic() >= deadline:
                break
        # stops after the page under way, which is kept; the next sync goes on from there. Also once the
        # wait is over: left running, it went on writing into the profile the window had let go of
        self._stop.set()
        return self._task.wait(max(0.0, deadline - time.monotonic()))

    def stop_for_handover(self, seconds: float) -> bool:
        """Another window takes the profile over (a restore): the running sync stops after the page it
        is on, waited for up to `seconds`. It went on writing into the profile meanwhile; the restore
        was refused as "another program is using this profile", and the window froze up to 19 s
        catching up what it had pulled. One still connecting is not waited for: it stops once connected,
        before it writes anything. True if the sync cannot write into the profile any more."""
        self._timer.stop()
        # from now on nothing here reads the profile: the progress timer's next tick read a setting, which
        # opened the closed profile again, and the restore was refused as "another program is using it"
        self._handed_over = True
        self._progress_timer.stop()
        if self._task is None:
            return True
        self._stop.set()
        if not self._connected.is_set():
            return True  # still connecting: it has written nothing, and stops once connected (a restore
            # waited out the connection's timeout, 10 s frozen)
        return self._task.wait(seconds)

    def wait(self, seconds: float = 30.0) -> bool:
        """Block until the running sync ends (tests, shutdown); its outcome is then delivered on the GUI
        thread."""
        return self._task is None or self._task.wait(seconds)

    def _emit_progress(self, phase: str, done: int, total: int) -> None:
        """In the sync thread: no Qt here. A phase's newer figures replace its older ones; a new phase
        is kept beside them, so a short one (the backup before a small pull) is still said."""
        self._pace.note(phase, done, total)
        with self._progress_lock:
            box = self._progress_box
            if box and box[-1][0] == phase:
                box[-1] = (phase, int(done), int(total))
            else:
                box.append((phase, int(done), int(total)))

    @Slot()
    def _take_progress(self) -> None:
        with self._progress_lock:
            taken, self._progress_box = self._progress_box, []
        if self._handed_over:
            return
        for progress in taken:
            self._on_progress(*progress)

    def _on_progress(self, phase: str, done: int, total: int) -> None:
        if self.running:
            self._set(SyncStatus(SyncState.SYNCING, self._status.pending, phase=phase, done=done,
                                 total=total, last_synced=self.preferences.last_synced))

    def _succeeded(self, result: SyncResult) -> None:
        self._take_progress()  # said in order, before the outcome
        self._task = None
        self._progress_timer.stop()
        if self._handed_over:
            return  # the window is going: its profile is another window's now
        self._seen_synced = self.preferences.last_synced
        now = self.preferences.last_synced or datetime.now(UTC)  # the sync recorded it in the profile
        state = SyncState.PENDING if result.pending else SyncState.SYNCED
        self._set(SyncStatus(state, result.pending, last_synced=now))
        if self._backup_problem:
            self.warned.emit(self.tr("Synced, but the backup before it could not be made: {0}")
                             .format(localise(self._backup_problem)))
        self.synced.emit(result)
        self._pages_refresh()

    def _failed(self, error: Exception) -> None:
        self._take_progress()
        self._task = None
        self._progress_timer.stop()
        if self._handed_over:
            return  # stopped for the handover, or failed after it: nothing to show, nothing to read
        if isinstance(error, ServerUnreachable | SyncInterrupted):  # nothing to fix: the next sync goes on
            state = SyncState.OFFLINE
        else:
            state = SyncState.ERROR
            if not isinstance(error, SyncError | StoreError):
                log.error("sync failed unexpectedly", exc_info=error)
        if isinstance(error, SyncError):
            reason = describe(error)
        elif isinstance(error, StoreError):  # the profile busy, the disk full: the store's own words
            reason = localise(str(error))
        else:
            reason = self.tr("The sync stopped unexpectedly ({0}). Your changes are kept; details are in the log "
                             "file.").format(str(error).strip() or type(error).__name__)
        fixed_in_settings = isinstance(error, AuthenticationFailed | AccountConflict | BadServerURL
                                       | CredentialsUnavailable)
        failure = SyncStatus(state, self._status.pending, reason, self.preferences.last_synced,
                             needs_settings=fixed_in_settings)
        if self._status.phase == "push" and self.operations is not None:
            # Pages went out before it stopped: the count from before the sync said "Offline, 66,000
            # pending" until the recount's "51,000". The failure is shown with the recount
            # (`_show_pending` keeps its reason), which `_pages_refresh` asks for.
            self._status = failure
        else:
            self._set(failure)
        self.failed.emit(error)
        self._pages_refresh()  # pages already pulled before the failure are committed and shown

    def _pages_refresh(self) -> None:
        """Pages and the pending count re-read what the sync changed."""
        if self.operations is not None:
            self.operations.changed.emit()  # connected to refresh() too
        else:
            self.refresh()

