"""The learner's choices kept in the profile (`profile.settings`), typed.

They travel with the profile file (not the machine), unlike window geometry.
"""

from __future__ import annotations

from ..application.planning import FOCUS, Focus
from ..application.settings import BACKUPS, DAY_START, NEW_WORDS, REVIEWS, SESSION, Setting
from ..bootstrap import ProfileSettings

LANGUAGE = "gui.language"
FIRST_RUN = "gui.first_run"
CLOCK_WARNED = "gui.clock_warned_for"  # the latest event a clock warning was given for

LANGUAGES = ("system", "en", "ja")


class Preferences:
    def __init__(self, settings: ProfileSettings) -> None:
        self.settings = settings

    def _get(self, setting: Setting) -> int:
        return setting.read(self.settings)

    def _set(self, setting: Setting, value: int) -> None:
        self.settings.set(setting.key, str(setting.checked(value)))

    @property
    def new_per_day(self) -> int:
        return self._get(NEW_WORDS)

    @new_per_day.setter
    def new_per_day(self, value: int) -> None:
        self._set(NEW_WORDS, value)

    @property
    def reviews_per_day(self) -> int:
        """Due words asked per study day, across all of that day's sessions."""
        return self._get(REVIEWS)

    @reviews_per_day.setter
    def reviews_per_day(self, value: int) -> None:
        self._set(REVIEWS, value)

    @property
    def session_size(self) -> int:
        return self._get(SESSION)

    @session_size.setter
    def session_size(self, value: int) -> None:
        self._set(SESSION, value)

    @property
    def backups_kept(self) -> int:
        return self._get(BACKUPS)

    @backups_kept.setter
    def backups_kept(self, value: int) -> None:
        self._set(BACKUPS, value)

    @property
    def study_focus(self) -> Focus:
        """The words the Study page draws sessions from, as last chosen there."""
        return Focus.parse(self.settings.get(FOCUS))

    @study_focus.setter
    def study_focus(self, focus: Focus) -> None:
        self.settings.set(FOCUS, focus.key())

    @property
    def day_start_hour(self) -> int:
        """Read only here: a change recounts the past (bootstrap.change_day_start_hour)."""
        return self._get(DAY_START)

    @property
    def language(self) -> str:
        value = self.settings.get(LANGUAGE, "system") or "system"
        return value if value in LANGUAGES else "system"

    @language.setter
    def language(self, value: str) -> None:
        self.settings.set(LANGUAGE, value if value in LANGUAGES else "system")

    @property
    def first_run_choice(self) -> str | None:
        """"starter", "empty", or None before the question was answered."""
        return self.settings.get(FIRST_RUN)

    @first_run_choice.setter
    def first_run_choice(self, value: str) -> None:
        self.settings.set(FIRST_RUN, value)

    @property
    def clock_warned_for(self) -> str | None:
        """The latest event's time a clock warning was given for: said once, not at every start."""
        return self.settings.get(CLOCK_WARNED)

    @clock_warned_for.setter
    def clock_warned_for(self, value: str) -> None:
        self.settings.set(CLOCK_WARNED, value)
