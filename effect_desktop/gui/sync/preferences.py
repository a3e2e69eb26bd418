"""The learner's sync choices, kept in the profile (`profile.settings`) beside the remembered server."""

from __future__ import annotations

from datetime import datetime

from ...bootstrap import ProfileSettings
from ...sync.client import LAST_SYNCED

AUTO_ON_OPEN = "sync.auto_on_open"
AUTO_ON_CLOSE = "sync.auto_on_close"
EVERY_MINUTES = "sync.every_minutes"
CLOSE_WAIT_SECONDS = "sync.close_wait_seconds"

MAX_MINUTES = 24 * 60
DEFAULT_CLOSE_WAIT_SECONDS = 8


class SyncPreferences:
    def __init__(self, settings: ProfileSettings) -> None:
        self.settings = settings

    def _flag(self, key: str) -> bool:
        return self.settings.get(key) == "1"

    @property
    def auto_on_open(self) -> bool:
        return self._flag(AUTO_ON_OPEN)

    @auto_on_open.setter
    def auto_on_open(self, value: bool) -> None:
        self.settings.set(AUTO_ON_OPEN, "1" if value else "0")

    @property
    def auto_on_close(self) -> bool:
        return self._flag(AUTO_ON_CLOSE)

    @auto_on_close.setter
    def auto_on_close(self, value: bool) -> None:
        self.settings.set(AUTO_ON_CLOSE, "1" if value else "0")

    @property
    def every_minutes(self) -> int:
        """0 means never."""
        return min(MAX_MINUTES, max(0, self.settings.get_int(EVERY_MINUTES, 0)))

    @every_minutes.setter
    def every_minutes(self, value: int) -> None:
        self.settings.set(EVERY_MINUTES, str(min(MAX_MINUTES, max(0, int(value)))))

    @property
    def close_wait_seconds(self) -> int:
        """How long closing the window may wait for a sync (never longer: closing must not hang)."""
        return min(30, max(1, self.settings.get_int(CLOSE_WAIT_SECONDS, DEFAULT_CLOSE_WAIT_SECONDS)))

    @property
    def last_synced(self) -> datetime | None:
        raw = self.settings.get(LAST_SYNCED)
        try:
            return datetime.fromisoformat(raw) if raw else None
        except ValueError:
            return None
