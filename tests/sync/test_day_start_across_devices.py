"""The hour a study day starts, moved on one device, is the hour on every device after a sync.

It was a per-device setting: a laptop moved to 2:00 and a desktop left at 4:00 counted the same
3 a.m. answers into different days and, SM-2's next review being the start of a day, gave the same
words different due dates. It is now an event (`StudyDayStartChanged`), chosen like the scheduler:
the greatest by generation, then time, then id.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from effect_desktop.bootstrap import Profile, change_day_start_hour, day_start_moved, open_profile
from effect_desktop.projections.verify import verify
from effect_desktop.sync import SyncClient
from tests.integration.profile_helpers import SettableClock
from tests.sync.helpers import comparable_read_models

BERLIN = ZoneInfo("Europe/Berlin")


def _night_answers(profile: Profile, clock: SettableClock, text: str) -> None:
    """Answers at 3:00 on two nights: the evening before at 4:00, the morning itself at 2:00."""
    word = profile.service.create_word(text, "意味")
    for day in (2, 3):
        clock.set(datetime(2026, 7, day, 3, 0, tzinfo=BERLIN))
        session = profile.service.start_session("flashcard", [word])
        profile.service.answer(session, word, True, 1500, "good")
        profile.service.complete_session(session)


def _days(profile: Profile) -> dict[date, int]:
    return {row.study_day: row.answers for row in profile.queries.daily_stats() if row.answers}


def _reopened(profile: Profile, clock: SettableClock) -> Profile:
    path: Path = profile.path
    profile.close()
    return open_profile(path, clock=clock)


def test_an_hour_moved_on_one_device_reaches_the_other(alice: str, device: Callable[..., Profile]) -> None:
    laptop_clock, desktop_clock = SettableClock(datetime(2026, 7, 1, 9, 0, tzinfo=BERLIN)), \
        SettableClock(datetime(2026, 7, 1, 9, 0, tzinfo=BERLIN))
    laptop, desktop = device("laptop", laptop_clock), device("desktop", desktop_clock)
    _night_answers(desktop, desktop_clock, "owl")
    laptop_clock.set(datetime(2026, 7, 3, 12, 0, tzinfo=BERLIN))
    change_day_start_hour(laptop, 2)
    laptop = _reopened(laptop, laptop_clock)

    SyncClient(laptop, alice).sync()
    SyncClient(desktop, alice).sync()
    assert day_start_moved(desktop), "the desktop's objects still count from 4:00"
    desktop = _reopened(desktop, desktop_clock)  # as the window does: it opens the profile again
    SyncClient(laptop, alice).sync()
    laptop = _reopened(laptop, laptop_clock)

    for profile in (laptop, desktop):
        assert profile.service.day_start_hour == 2
        assert _days(profile) == {date(2026, 7, 2): 1, date(2026, 7, 3): 1}, "3 a.m. is the morning now"
        assert verify(profile.projector).ok
    assert comparable_read_models(laptop) == comparable_read_models(desktop)
    laptop.close()
    desktop.close()


def test_moves_made_on_both_devices_offline_end_the_same(alice: str, device: Callable[..., Profile]) -> None:
    start = datetime(2026, 7, 4, 9, 0, tzinfo=BERLIN)
    laptop_clock, desktop_clock = SettableClock(start), SettableClock(start + timedelta(minutes=10))
    laptop, desktop = device("laptop", laptop_clock), device("desktop", desktop_clock)
    _night_answers(laptop, laptop_clock, "owl")
    laptop_clock.set(start)
    change_day_start_hour(laptop, 2)
    change_day_start_hour(desktop, 6)  # ten minutes later by its clock: this one is in force
    laptop, desktop = _reopened(laptop, laptop_clock), _reopened(desktop, desktop_clock)
    for name in ("laptop", "desktop", "laptop"):
        profile = laptop if name == "laptop" else desktop
        SyncClient(profile, alice).sync()
    laptop, desktop = _reopened(laptop, laptop_clock), _reopened(desktop, desktop_clock)
    assert laptop.service.day_start_hour == desktop.service.day_start_hour == 6
    assert comparable_read_models(laptop) == comparable_read_models(desktop)
    assert verify(laptop.projector).ok and verify(desktop.projector).ok
    laptop.close()
    desktop.close()
