"""The learner's numeric settings, named once for the Settings page and `effect-desktop settings`.

They live in the profile (`profile_info`), not in events: they are choices
about this copy of the app, not history, and are not synced. Each names its
range so both front ends refuse the same values with the same words; the
study day's start is the one whose change recounts the past (see
`bootstrap.change_day_start_hour`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.errors import ValidationFailed
from ..domain.scheduling.studyday import DEFAULT_DAY_START_HOUR
from .planning import (
    DEFAULT_MAX_NEW,
    DEFAULT_MAX_REVIEWS,
    DEFAULT_SESSION_SIZE,
    NEW_PER_DAY,
    REVIEWS_PER_DAY,
    SESSION_SIZE,
    IntSettings,
)

DAY_START_HOUR = "day_start_hour"
BACKUPS_KEPT = "backup_keep"
DEFAULT_BACKUPS_KEPT = 10


@dataclass(frozen=True)
class Setting:
    name: str  # as typed after `effect-desktop settings set`
    key: str  # in profile_info
    default: int
    low: int
    high: int
    about: str

    def read(self, settings: IntSettings) -> int:
        """The stored value, brought into range (a value edited by hand never breaks a screen)."""
        return min(self.high, max(self.low, settings.get_int(self.key, self.default)))

    def checked(self, value: str | int) -> int:
        """`value` as this setting's number, or ValidationFailed saying what is allowed."""
        try:
            number = int(str(value).strip())
        except ValueError:
            number = None
        if number is None or not self.low <= number <= self.high:
            raise ValidationFailed({self.name: f"must be a whole number from {self.low} to {self.high} "
                                               f"(got {str(value)!r})"})
        return number


DAY_START = Setting("day-start-hour", DAY_START_HOUR, DEFAULT_DAY_START_HOUR, 0, 23,
                    "hour a study day starts; answers before it count for the day before")
REVIEWS = Setting("reviews-per-day", REVIEWS_PER_DAY, DEFAULT_MAX_REVIEWS, 0, 9999,
                  "due words asked per study day, across all its sessions")
NEW_WORDS = Setting("new-per-day", NEW_PER_DAY, DEFAULT_MAX_NEW, 0, 500,
                    "new words sessions may start per study day")
SESSION = Setting("session-size", SESSION_SIZE, DEFAULT_SESSION_SIZE, 1, 500, "words in a new session")
BACKUPS = Setting("backups-kept", BACKUPS_KEPT, DEFAULT_BACKUPS_KEPT, 1, 1000,
                  "backups kept; older ones go at the next backup")

SETTINGS = (DAY_START, REVIEWS, NEW_WORDS, SESSION, BACKUPS)


def setting_named(name: str) -> Setting:
    for setting in SETTINGS:
        if setting.name == name:
            return setting
    raise ValidationFailed({"setting": f"there is no setting {name!r}; the settings are "
                                       + ", ".join(s.name for s in SETTINGS)})
