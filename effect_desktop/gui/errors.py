"""Turning any failure into something a person can read, and logging it.

Core exceptions already carry messages written for the user; here they get a
translated title and go into a dialog. Anything unexpected is logged with its
traceback to the profile folder's log file and shown as a short message,
never as a traceback, and the app keeps running.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ..backup.backups import BackupNotWritten, RestoreRefused
from ..backup.schedule import ImportNotBackedUp
from ..domain.errors import DomainError, NotFound, RuleViolated, ValidationFailed
from ..interchange.errors import ExportNotWritten
from ..persistence import damage
from ..persistence.damage import is_damage
from ..persistence.errors import ProfileFromNewerVersion, ProfileLocked, StoreError
from .core_messages import localise, localise_fields

log = logging.getLogger("effect_desktop.gui")


def error_title(error: BaseException) -> str:
    if isinstance(error, ValidationFailed):
        return QCoreApplication.translate("Errors", "Please check the input")
    if isinstance(error, ExportNotWritten):  # "That cannot be done" answered a full disk
        return QCoreApplication.translate("Errors", "The export could not be written")
    if isinstance(error, NotFound | RuleViolated | DomainError):
        return QCoreApplication.translate("Errors", "That cannot be done")
    if isinstance(error, ProfileLocked):  # in use, not damaged
        return QCoreApplication.translate("Errors", "The profile is busy")
    if isinstance(error, ProfileFromNewerVersion):  # not damaged either (the title said "could not be read")
        return QCoreApplication.translate("Errors", "Update Effect Desktop")
    if isinstance(error, ImportNotBackedUp):
        return QCoreApplication.translate("Errors", "Nothing was imported")
    if isinstance(error, BackupNotWritten):  # the profile is fine (the title said it could not be read)
        return QCoreApplication.translate("Errors", "The backup could not be made")
    if isinstance(error, RestoreRefused):
        return QCoreApplication.translate("Errors", "The backup was not restored")
    if isinstance(error, StoreError):
        return QCoreApplication.translate("Errors", "The profile could not be read or written")
    return QCoreApplication.translate("Errors", "Something went wrong")


def user_message(error: BaseException) -> str:
    """The message to show: the core's own words, or a generic sentence plus the log file."""
    if isinstance(error, ValidationFailed):
        return "\n".join(localise_fields(error.errors).values())
    if isinstance(error, DomainError):
        return localise(str(error))
    if isinstance(error, StoreError):
        return localise(str(error))
    if is_damage(error):  # met by a statement run on the driver itself (the store says the others)
        return QCoreApplication.translate(
            "Errors", "The profile file is damaged; what was saved before stays. Close Effect Desktop and open "
            "it again: it checks the file and offers to restore the latest backup, taking back what was done "
            "since.")
    text = str(error).strip() or type(error).__name__
    return QCoreApplication.translate(
        "Errors", "An unexpected error occurred: {0}\nDetails were written to the log file; "
        "your study history is safe.").format(text)


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """Show a non-blocking error dialog (kept alive by its parent) and return it.

    The same message already open under `parent` is not opened again: a key pressed while a command
    waited reached the window after it failed, failed the same way, and a second box came up."""
    if not isinstance(error, DomainError | StoreError):
        log.error("error shown to the user", exc_info=error)
    profile = getattr(parent.window(), "profile", None) if parent is not None else None
    if is_damage(error) and isinstance(getattr(profile, "path", None), Path):
        damage.mark(profile.path)  # type: ignore[union-attr]  # the next opening checks the whole file
    title, text = error_title(error), user_message(error)
    if parent is not None:
        for shown in parent.findChildren(QMessageBox, "errorDialog", Qt.FindChildOption.FindDirectChildrenOnly):
            if shown.isVisible() and shown.windowTitle() == title and shown.text() == text:
                return shown
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    box.setTextFormat(Qt.TextFormat.PlainText)  # messages quote words and paths: never markup
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class _LogFile(logging.FileHandler):
    """The log file, which a full disk cannot turn into a traceback: a line it cannot take is dropped.
    (Python's handler printed "--- Logging error ---" and a traceback on the terminal; the learner
    hears of the full disk from what failed, in words.)"""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802
        if not isinstance(sys.exc_info()[1], OSError):
            super().handleError(record)

    def flush(self) -> None:
        with contextlib.suppress(OSError):
            super().flush()

    def close(self) -> None:
        with contextlib.suppress(OSError):  # what the disk would not take is given up
            super().close()


def setup_logging(log_file: Path) -> None:
    """Log to the profile folder (warnings and up, plus our own info lines)."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = _LogFile(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("effect_desktop")
    if not any(isinstance(h, logging.FileHandler) and Path(h.baseFilename) == log_file
               for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(logging.INFO)


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def install_excepthook(parent: Callable[[], QWidget | None]) -> ExceptHook:
    """Replace sys.excepthook: log the traceback, show a dialog, keep running.

    Returns the previous hook so tests (and shutdown) can put it back."""
    previous = sys.excepthook
    showing = False

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        log.error("uncaught exception:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        if issubclass(kind, KeyboardInterrupt) or showing:
            return
        showing = True
        try:
            show_error(parent(), error)
        finally:
            showing = False

    sys.excepthook = hook
    return previous
