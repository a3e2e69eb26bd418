"""Two devices that studied on different days while offline end with the same, full streak."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from effect_desktop.bootstrap import Profile
from effect_desktop.sync import SyncClient
from tests.integration.profile_helpers import SettableClock


def _study_once(profile: Profile, word_text: str) -> None:
    word = profile.service.create_word(word_text, "意味")
    session = profile.service.start_session("flashcard", [word])
    profile.service.answer(session, word, True, 1500, "good")
    profile.service.complete_session(session)


def test_streak_counts_the_days_studied_on_either_device(alice: str, device: Callable[..., Profile]) -> None:
    laptop_clock = SettableClock(datetime(2026, 5, 4, 9, 0, tzinfo=UTC))
    desktop_clock = SettableClock(datetime(2026, 5, 4, 9, 0, tzinfo=UTC))
    laptop = device("laptop", laptop_clock)
    desktop = device("desktop", desktop_clock)
    SyncClient(laptop, alice).sync()
    SyncClient(desktop, alice).sync()

    # Offline: the laptop studies on the 4th and the 6th, the desktop on the 5th.
    _study_once(laptop, "apple")
    desktop_clock.set(datetime(2026, 5, 5, 9, 0, tzinfo=UTC))
    _study_once(desktop, "pear")
    laptop_clock.set(datetime(2026, 5, 6, 9, 0, tzinfo=UTC))
    _study_once(laptop, "plum")
    today = datetime(2026, 5, 6, 12, 0, tzinfo=UTC).date()
    assert laptop.queries.streak(laptop.user_id, today).current == 1  # the 5th is missing on the laptop

    SyncClient(laptop, alice).sync()
    SyncClient(desktop, alice).sync()
    SyncClient(laptop, alice).sync()

    for profile in (laptop, desktop):
        streak = profile.queries.streak(profile.user_id, today)
        assert (streak.consecutive_days, streak.current) == (3, 3)
        assert streak.last_study_day.isoformat() == "2026-05-06"
