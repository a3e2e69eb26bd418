"""A small known history, built by commands through StudyService with a hand-moved clock.

Tokyo time (UTC+9), study days starting at 04:00:

    2026-11-20  猫 right 2.0 s; 走る wrong 4.0 s, then right 6.0 s (attempt 2); apple right 12.0 s
                session of 10 minutes
    2026-11-21  猫 right 1.5 s; 走る right 3.0 s                    session of 5 minutes
    2026-11-22  猫 wrong 2.5 s (a lapse: it had been learned)     session of 2 minutes

Words: 猫 (noun; jlpt), 走る (verb; jlpt, daily), apple (noun; food).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from uuid import UUID

from effect_desktop.bootstrap import Profile, open_profile
from tests.integration.profile_helpers import SettableClock

TOKYO = timezone(timedelta(hours=9))
DAY1 = datetime(2026, 11, 20, 9, 0, tzinfo=TOKYO)
EVENING_OF_DAY3 = datetime(2026, 11, 22, 20, 0, tzinfo=TOKYO)


@dataclass
class KnownHistory:
    profile: Profile
    clock: SettableClock
    neko: UUID
    hashiru: UUID
    apple: UUID
    end_of_day2: datetime  # a moment between the second and the third day's study


def _session(profile: Profile, clock: SettableClock, start: datetime, minutes: int,
             answers: list[tuple[UUID, bool, int]]) -> None:
    clock.set(start)
    words = list(dict.fromkeys(word for word, _, _ in answers))
    session = profile.service.start_session("flashcard", words)
    for word, correct, ms in answers:
        clock.advance(seconds=20)
        profile.service.answer(session, word, correct, ms)
    clock.set(start + timedelta(minutes=minutes))
    profile.service.complete_session(session)


def build_known_history(path: Path) -> KnownHistory:
    clock = SettableClock(DAY1 - timedelta(hours=1))
    profile = open_profile(path, clock=clock)
    neko = profile.service.create_word("猫", "cat", category="noun", tags=["jlpt"])
    hashiru = profile.service.create_word("走る", "to run", category="verb", tags=["JLPT", "daily"])
    apple = profile.service.create_word("apple", "りんご", category="noun", tags=["food"])
    _session(profile, clock, DAY1, 10,
             [(neko, True, 2000), (hashiru, False, 4000), (hashiru, True, 6000), (apple, True, 12000)])
    _session(profile, clock, DAY1 + timedelta(days=1), 5, [(neko, True, 1500), (hashiru, True, 3000)])
    end_of_day2 = DAY1 + timedelta(days=1, hours=11)
    _session(profile, clock, DAY1 + timedelta(days=2), 2, [(neko, False, 2500)])
    clock.set(EVENING_OF_DAY3)
    return KnownHistory(profile, clock, neko, hashiru, apple, end_of_day2)
