"""One running app per profile, enforced with a lock file in the profile folder.

Two windows writing one profile would each believe its own read of the
session state; the lock makes a second launch stop and say so instead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from .paths import lock_path


class ProfileInUse(Exception):
    """Another Effect Desktop process holds this profile."""


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
        raise ProfileInUse(f"The lock file {self.path} could not be created; check that the "
                           "data folder is writable.")

    def release(self) -> None:
        self._lock.unlock()
