"""One running app per profile, enforced with a lock file in the profile folder.

Two windows writing one profile would each believe its own read of the
session state; the lock makes a second launch stop instead. The running app
also listens on a local socket named after the profile, so the second launch
can bring its window to the front before exiting.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # QtNetwork is imported when used: after the window is up, and only if present
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

from .paths import lock_path

log = logging.getLogger("effect_desktop.gui")
NO_SPACE_BYTES = 1 << 20  # below this, a lock file that cannot be written is taken for a full disk


class ProfileInUse(Exception):
    """Another Effect Desktop process holds this profile."""


class LockUnwritable(Exception):
    """The lock file beside the profile cannot be written: nothing else holds it (a full disk, a
    read-only folder), so "already open" would send the learner looking for a window that is not there."""


class InstanceLock:
    def __init__(self, profile_file: Path) -> None:
        self.path = lock_path(profile_file)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # a crashed owner is detected by its pid, not by age

    def acquire(self) -> None:
        if self._lock.tryLock(100):
            return
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            info = self._lock.getLockInfo()  # (pid, host, app), or a falsy value when unknown
            owner = f" (process {info[0]} on {info[1]})" if info and len(info) >= 2 else ""
            raise ProfileInUse(
                f"This profile is already open in another Effect Desktop window{owner}. "
                "Switch to that window, or close it and try again.")
        if _disk_full(self.path.parent):
            raise LockUnwritable(QCoreApplication.translate(
                "App", "The disk holding {0} is full, so Effect Desktop cannot start. Free some space and "
                "open it again; your profile was left untouched.").format(self.path.parent))
        raise LockUnwritable(QCoreApplication.translate(
            "App", "The lock file {0} could not be created; check that the data folder is writable.")
            .format(self.path))

    def release(self) -> None:
        self._lock.unlock()


def _disk_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < NO_SPACE_BYTES
    except OSError:
        return False


# --- bringing the running window to the front ------------------------------------------------------
RAISE_REQUEST = b"raise\n"
RAISED_REPLY = b"raised\n"
CONNECT_TIMEOUT_MS = 3000


def server_name(profile_file: Path) -> str:
    """A local-socket name per user and profile file (the socket lives in a shared folder)."""
    key = f"{getpass.getuser()}\0{_as_stored(profile_file.resolve())}".encode()
    return f"effect-desktop-{hashlib.sha256(key).hexdigest()[:20]}"


def _as_stored(path: Path) -> Path:
    """The file's name as its folder lists it, where another spelling names the same file: on Windows
    and macOS `--profile Alice` opens alice's file, whose lock said "in use" while the socket, named
    after the spelling typed, was not found, so the window never came forward. Asking the folder
    (rather than folding case) keeps Alice and alice apart where the disk does (Linux, a
    case-sensitive macOS volume)."""
    try:
        same = [entry.name for entry in os.scandir(path.parent)
                if entry.name.casefold() == path.name.casefold() and os.path.samefile(entry.path, path)]
    except OSError:  # not made yet, or the folder cannot be listed: the name as given
        return path
    return path.parent / min(same) if same else path


class InstanceServer(QObject):
    """Listens in the running app; a second launch on the same profile asks it to come forward.

    Started only while the instance lock is held, so an old socket left by a
    crashed owner can be removed safely before listening. Without QtNetwork
    (a trimmed bundle) it does not start, and a second launch falls back to
    explaining that the profile is open."""

    raise_requested = Signal()

    def __init__(self, profile_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(profile_file)
        self._server: QLocalServer | None = None

    def start(self) -> bool:
        try:
            from PySide6.QtNetwork import QLocalServer
        except ImportError as error:
            log.warning("single-instance server not available: %s", error)
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        QLocalServer.removeServer(self.name)
        if not server.listen(self.name):
            log.warning("single-instance server %s not started: %s", self.name, server.errorString())
            return False
        self._server = server
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()

    def _accept(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket)  # the request may have arrived with the connection

    def _read(self, socket: QLocalSocket) -> None:
        if socket.property("answered") or not socket.canReadLine():
            return
        socket.setProperty("answered", True)
        if bytes(socket.readLine().data()) == RAISE_REQUEST:
            self.raise_requested.emit()
            socket.write(RAISED_REPLY)
            socket.flush()
        socket.disconnectFromServer()


def ask_running_instance_to_raise(profile_file: Path, timeout_ms: int = CONNECT_TIMEOUT_MS) -> bool:
    """From a second launch: ask the app holding this profile to show its window. True if it did."""
    try:
        from PySide6.QtNetwork import QLocalSocket
    except ImportError:
        return False
    socket = QLocalSocket()
    socket.connectToServer(server_name(profile_file))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(RAISE_REQUEST)
    if not socket.waitForBytesWritten(timeout_ms):
        return False
    reply = b""
    while not reply.endswith(b"\n") and socket.waitForReadyRead(timeout_ms):
        reply += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return reply == RAISED_REPLY


def bring_to_front(window: QWidget) -> None:
    """Un-minimise, show, raise and activate (the window manager may only flash it)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
