"""The learner's choices kept in the profile (`profile.settings`), typed.

They travel with the profile file (not the machine), unlike window geometry.
"""

from __future__ import annotations

from ..application.planning import (
    DEFAULT_MAX_NEW,
    DEFAULT_MAX_REVIEWS,
    DEFAULT_SESSION_SIZE,
    NEW_PER_DAY,
    REVIEWS_PER_DAY,
    SESSION_SIZE,
)
from ..bootstrap import ProfileSettings

LANGUAGE = "gui.language"
FIRST_RUN = "gui.first_run"

DEFAULT_NEW_PER_DAY = DEFAULT_MAX_NEW
LANGUAGES = ("system", "en", "ja")


class Preferences:
    def __init__(self, settings: ProfileSettings) -> None:
        self.settings = settings

    @property
    def new_per_day(self) -> int:
        return max(0, self.settings.get_int(NEW_PER_DAY, DEFAULT_NEW_PER_DAY))

    @new_per_day.setter
    def new_per_day(self, value: int) -> None:
        self.settings.set(NEW_PER_DAY, str(int(value)))

    @property
    def reviews_per_day(self) -> int:
        """Due words asked per study day, across all of that day's sessions."""
        return max(0, self.settings.get_int(REVIEWS_PER_DAY, DEFAULT_MAX_REVIEWS))

    @reviews_per_day.setter
    def reviews_per_day(self, value: int) -> None:
        self.settings.set(REVIEWS_PER_DAY, str(int(value)))

    @property
    def session_size(self) -> int:
        return max(1, self.settings.get_int(SESSION_SIZE, DEFAULT_SESSION_SIZE))

    @session_size.setter
    def session_size(self, value: int) -> None:
        self.settings.set(SESSION_SIZE, str(int(value)))

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
