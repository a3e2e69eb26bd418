"""What the status bar says about sync: one immutable value, and its words.

The controller decides the state; this module only words it, so the status
widget, the menu and the tests read the same sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from PySide6.QtCore import QCoreApplication, QLocale


class SyncState(Enum):
    NOT_SET_UP = "not_set_up"  # no server remembered
    IDLE = "idle"  # a server is set up, no sync has run yet on this profile
    SYNCING = "syncing"
    SYNCED = "synced"  # nothing pending after the last sync
    PENDING = "pending"  # local changes not yet on the server
    OFFLINE = "offline"  # the server could not be reached
    ERROR = "error"  # any other failure; `reason` says what to do


@dataclass(frozen=True)
class SyncStatus:
    state: SyncState
    pending: int = 0
    reason: str = ""
    last_synced: datetime | None = None
    phase: str = ""  # "backup", "push" or "pull" while syncing; "closing" while the window waits for it
    done: int = 0
    total: int = 0
    needs_settings: bool = False  # the failure is fixed in the sync settings (a password, the account)


def when(moment: datetime | None) -> str:
    """A short local time: HH:MM today, the date otherwise."""
    if moment is None:
        return QCoreApplication.translate("SyncStatus", "never")
    local = moment.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%Y-%m-%d %H:%M")


def status_text(status: SyncStatus) -> str:
    """The few words in the status bar."""
    state, n = status.state, status.pending
    if state is SyncState.NOT_SET_UP:
        return QCoreApplication.translate("SyncStatus", "Sync: not set up")
    if state is SyncState.SYNCING:
        if status.phase == "closing":
            return QCoreApplication.translate("SyncStatus", "Finishing the sync before closing…")
        if status.phase == "backup":
            return QCoreApplication.translate("SyncStatus", "Syncing: backing up the profile first…")
        grouped = QLocale().toString  # thousands grouped, as the pending count is ("20,000 pending")
        if status.phase == "push" and status.total:
            text = QCoreApplication.translate("SyncStatus", "Syncing: sending {0}/{1}…")
            return text.format(grouped(status.done), grouped(status.total))
        if status.phase == "pull" and status.total:
            text = QCoreApplication.translate("SyncStatus", "Syncing: receiving {0}/{1}…")
            return text.format(grouped(status.done), grouped(status.total))
        return QCoreApplication.translate("SyncStatus", "Syncing…")
    if state is SyncState.OFFLINE:
        if n:
            return QCoreApplication.translate("SyncStatus", "Offline, %Ln pending", None, n)
        return QCoreApplication.translate("SyncStatus", "Offline")
    if state is SyncState.ERROR:
        if n:
            return QCoreApplication.translate("SyncStatus", "Sync error, %Ln pending", None, n)
        return QCoreApplication.translate("SyncStatus", "Sync error")
    if n:
        return QCoreApplication.translate("SyncStatus", "%Ln pending", None, n)
    if state is SyncState.SYNCED:
        return QCoreApplication.translate("SyncStatus", "Synced {0}").format(when(status.last_synced))
    return QCoreApplication.translate("SyncStatus", "Not synced yet")


def status_tooltip(status: SyncStatus) -> str:
    """The longer explanation: the reason of a failure, what is pending, what a click does."""
    state = status.state
    if state is SyncState.NOT_SET_UP:
        return QCoreApplication.translate("SyncStatus", "No sync server is set up. Click to set one up.")
    lines: list[str] = []
    if state is SyncState.SYNCING:
        lines.append(QCoreApplication.translate("SyncStatus", "A sync is running; you can keep studying."))
    elif state in (SyncState.OFFLINE, SyncState.ERROR):
        lines.append(status.reason)
    if status.pending:
        lines.append(QCoreApplication.translate(
            "SyncStatus", "%Ln change(s) not yet on the server; they are kept safely in this profile.",
            None, status.pending))
    last = QCoreApplication.translate("SyncStatus", "Last sync: {0}")
    lines.append(last.format(when(status.last_synced)))
    if status.needs_settings:
        lines.append(QCoreApplication.translate("SyncStatus", "Click to open the sync settings."))
    elif state is not SyncState.SYNCING:
        lines.append(QCoreApplication.translate("SyncStatus", "Click to sync now."))
    return "\n".join(line for line in lines if line)
