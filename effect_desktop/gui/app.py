"""Starting the desktop app: `run_gui(data_dir, profile)` is called by `__main__`.

Order matters: the QApplication first (every message needs it), then the
language, the single-instance lock (before the profile is opened, so a
second launch never touches the file), the log and the exception hook, then
the profile and the window.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ..backup.backups import latest_backup, list_backups, restore_backup
from ..backup.recover import finish_interrupted_recovery, recover_without_backup
from ..backup.salvage import Salvage, salvage_into
from ..bootstrap import InvalidProfileName, Profile, open_profile, prepare_data_folder, profile_path
from ..persistence.errors import ProfileUnreadable, StoreError
from ..projections.projector import ProjectionFailed
from . import i18n
from .core_messages import profile_name_refused
from .errors import error_title, install_excepthook, setup_logging, user_message
from .features import current_window
from .gc_thread import collect_on_gui_thread
from .instance import (
    InstanceLock,
    InstanceServer,
    LockUnwritable,
    ProfileInUse,
    ask_running_instance_to_raise,
    bring_to_front,
)
from .interpreter_share import share_with_the_gui_thread
from .main_window import MainWindow
from .paths import icon_path, log_path
from .preferences import LANGUAGE
from .style import OutlinedIndicators
from .taken_back import taken_back_text, unread

log = logging.getLogger("effect_desktop.gui")
APP_NAME = "Effect Desktop"
# Set to 1 by the start-up benchmark: print when the window is up and idle, then quit.
STARTUP_PROBE_ENV = "EFFECT_STARTUP_PROBE"
PROBE_PREFIX = "startup-probe: window idle at monotonic"


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv)
    collect_on_gui_thread()
    share_with_the_gui_thread()
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("EffectDesktop")
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("effect-desktop")
    app.setWindowIcon(QIcon(str(icon_path())))
    # Qt's bare fallback style ("windows"): Fusion instead; and Fusion (the usual style on Linux) with
    # check boxes and radio buttons that stay visible under a dark desktop palette (style.py)
    if app.style().name().lower() in ("windows", "fusion"):
        app.setStyle(OutlinedIndicators("Fusion"))
    return app


def _fatal(title: str, message: str) -> int:
    box = QMessageBox(QMessageBox.Icon.Critical, title, message)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the message quotes names and paths as typed
    box.exec()
    return 1


def _offer_latest_backup(path: Path, error: ProfileUnreadable) -> tuple[Profile, str, str] | None:
    """A profile that cannot be opened, and a backup that can: offer it, keeping the damaged file.

    A double-click user has no terminal for `backup restore`; without this the
    window would only say what is wrong and close."""
    latest = latest_backup(path)
    if latest is None:
        return _offer_recovery(path, error)
    taken = next(b.local_time for b in list_backups(path) if b.path == latest)
    box = QMessageBox(QMessageBox.Icon.Critical, error_title(error), user_message(error))
    box.setObjectName("offerBackup")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(QCoreApplication.translate(
        "App", "Restore the backup taken {0}? The profile as it is now is moved to the backups folder, not "
        "deleted.").format(taken.strftime("%Y-%m-%d %H:%M")))
    restore = box.addButton(QCoreApplication.translate("App", "Restore the backup"),
                            QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    if box.clickedButton() is not restore:
        return None
    try:
        saved = restore_backup(path, latest)
        opened = open_profile(path)
    except (StoreError, ProjectionFailed, OSError) as failure:
        log.error("restoring %s into %s failed: %s", latest, path, failure)
        _fatal(error_title(failure), user_message(failure))
        return None
    log.info("restored %s; the profile before is kept as %s", latest, saved.path if saved else None)
    note = _take_back(opened, saved.path if saved else None)
    return opened, QCoreApplication.translate("App", "Backup restored"), note


def _offer_recovery(path: Path, error: ProfileUnreadable) -> tuple[Profile, str, str] | None:
    """No backup to restore: offer a new profile of what the damaged one still holds (backup/recover.py).
    The window said "choose another profile", and every answer the file still held was out of reach."""
    translate = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Critical, error_title(error), user_message(error))
    box.setObjectName("offerRecovery")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(translate(
        "App", "Make a new profile of what it still holds? The damaged file is moved to the backups folder, "
        "not deleted; a sync brings back what reached the server."))
    recover = box.addButton(translate("App", "Recover what can be read"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(recover)
    box.exec()
    if box.clickedButton() is not recover:
        return None
    try:
        recovery = recover_without_backup(path)
        opened = open_profile(path)
    except (StoreError, ProjectionFailed, OSError) as failure:
        log.error("recovering %s failed: %s", path, failure)
        _fatal(error_title(failure), user_message(failure))
        return None
    taken = recovery.salvage
    log.info("recovered %d events from %s into a new profile; %d lost", taken.recovered, recovery.damaged.path,
             taken.lost)
    text = translate("App", "Recovered %Ln event(s) from the damaged profile into a new one.", None, taken.recovered)
    text += unread(taken, translate("App", "%Ln event(s) could not be read; a sync brings back what reached the "
                                     "server.", None, taken.lost), after_backup=False)
    return opened, translate("App", "Profile recovered"), text


def _take_back(profile: Profile, damaged: Path | None) -> str:
    """What the damaged file still held since the backup, appended again (backup/salvage.py); the
    sentence for the status bar."""
    if damaged is None:
        return taken_back_text(None)
    try:
        taken = salvage_into(profile, damaged)
    except (StoreError, ProjectionFailed) as failure:  # the backup stands as restored, and this is said
        log.error("taking events back from %s failed: %s", damaged, failure)
        return taken_back_text(Salvage(failed=failure, kept=damaged))
    log.info("took back %d events from %s; %d lost%s", taken.recovered, damaged, taken.lost,
             " (its end unreadable)" if taken.end_unreadable else "")
    return taken_back_text(taken)


def _tell(window: MainWindow, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, window)
    box.setObjectName("restoredNote")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def close_on_interrupt(close: Callable[[], object]) -> Callable[[], None]:
    """Ctrl+C in the terminal that started the window closes it as its close button does (a session
    kept, the profile closed). Python sees the signal only when it runs, so a timer wakes it now and
    then; without this the window ignored Ctrl+C, and a KeyboardInterrupt surfaced in some slot.
    Open dialogs are closed first, as Esc would, then the window; a dialog that refuses (a restore
    under way) keeps both open. Returns what undoes it."""
    def interrupted() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            modal.close()
            if QApplication.activeModalWidget() is not modal:  # closed: the next dialog, then the window
                QTimer.singleShot(0, interrupted)  # (one Ctrl+C only closed the first-run question)
            return
        close()

    previous = signal.signal(signal.SIGINT, lambda _signum, _frame: QTimer.singleShot(0, interrupted))
    waker = QTimer()
    waker.timeout.connect(lambda: None)
    waker.start(250)

    def stop() -> None:
        waker.stop()
        signal.signal(signal.SIGINT, previous)
    return stop


def _say(text: str) -> None:
    """A line for the terminal, if there is one (a windowed Windows build has no stdout)."""
    if sys.stdout is not None:
        print(text, flush=True)


def _probe_exit(window: MainWindow) -> None:
    """The window is shown and the event loop idle: tell the benchmark when, then close.

    time.monotonic() is CLOCK_MONOTONIC, the same clock in the parent process,
    so the parent can subtract its own launch time."""
    print(f"{PROBE_PREFIX} {time.monotonic():.6f}", flush=True)
    window.close()


def catch_up_then_start(window: MainWindow) -> None:
    """The read models may be behind the log: refilled after an update of the app (about twenty
    seconds on a million events), a few events after a crash. Brought up to date off the GUI
    thread, with progress if it takes a moment (the window answers meanwhile), then the start-up
    questions, which read them."""
    projector = window.profile.projector

    def start(_applied: int) -> None:
        window.startup()

    window.operations.run(projector.catch_up, start,
                          label=QCoreApplication.translate("App", "Bringing your words and statistics up to date…"))


def run_gui(data_dir: Path, profile: str) -> int:
    """Open the profile in a window and run until it closes; returns the exit code."""
    app = create_application()
    try:
        path = profile_path(data_dir, profile)
    except InvalidProfileName as error:
        i18n.install("system")
        return _fatal(QCoreApplication.translate("App", "Invalid profile name"), profile_name_refused(error))
    try:
        prepare_data_folder(path.parent)  # the lock file and the log live there too
    except StoreError as error:
        i18n.install("system")
        return _fatal(error_title(error), user_message(error))
    lock = InstanceLock(path)
    try:
        lock.acquire()
    except LockUnwritable as error:
        i18n.install("system")
        return _fatal(QCoreApplication.translate("App", "Effect Desktop cannot start"), str(error))
    except ProfileInUse as error:
        i18n.install("system")
        if ask_running_instance_to_raise(path):
            _say(QCoreApplication.translate(
                "App", "Effect Desktop is already open on the profile {0}; its window was brought "
                "to the front.").format(path))
            return 0
        return _fatal(QCoreApplication.translate("App", "Effect Desktop is already open"),
                      str(error))
    try:
        setup_logging(log_path(path))
        restored_note: tuple[str, str] | None = None  # (title, text)
        try:
            if finish_interrupted_recovery(path):  # else a new, empty profile would take its place
                log.info("finished an interrupted recovery of %s", path)
            opened = open_profile(path, catch_up=False)  # caught up with progress once the window is up
        except ProfileUnreadable as error:
            i18n.install("system")
            log.error("could not open profile %s: %s", path, error)
            reopened = _offer_latest_backup(path, error)
            if reopened is None:
                return 1
            opened, restored_note = reopened[0], reopened[1:]
        except (StoreError, ProjectionFailed, OSError) as error:
            i18n.install("system")
            log.error("could not open profile %s: %s", path, error)
            return _fatal(error_title(error), user_message(error))
        try:
            i18n.install(opened.settings.get(LANGUAGE, "system") or "system")
            window = MainWindow(opened)
            previous_hook = install_excepthook(lambda: current_window(window))
            window.show()
            if restored_note:
                _tell(window, *restored_note)
            QTimer.singleShot(0, lambda: catch_up_then_start(window))
            # the application's, not the window's: a restore or a new study-day start replaces the window,
            # and the server went with the first one (a second launch was then told to close this one)
            server = InstanceServer(path, app)
            server.raise_requested.connect(lambda: bring_to_front(current_window(window)))
            QTimer.singleShot(0, server.start)  # after the window is up: QtNetwork loads then
            if os.environ.get(STARTUP_PROBE_ENV) == "1":
                QTimer.singleShot(0, lambda: _probe_exit(window))
            stop_listening = close_on_interrupt(lambda: current_window(window).close())
            code = app.exec()
            stop_listening()
            server.close()
            sys.excepthook = previous_hook
            current_window(window).profile.close()  # opened again after a restore or a new day start
            return int(code)
        finally:
            opened.close()
    finally:
        lock.release()
