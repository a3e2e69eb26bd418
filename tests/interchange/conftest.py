"""Profiles in tmp_path with a settable clock, and a small real study history."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from effect_desktop.bootstrap import Profile, open_profile
from tests.integration.profile_helpers import SettableClock

TOKYO = timezone(timedelta(hours=9))


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock(datetime(2026, 4, 1, 8, 0, tzinfo=TOKYO))


@pytest.fixture
def profile(tmp_path: Path, clock: SettableClock) -> Iterator[Profile]:
    opened = open_profile(tmp_path / "data" / "learner.effect.sqlite3", clock=clock)
    yield opened
    opened.close()


def study_history(profile: Profile, clock: SettableClock, days: int = 3) -> None:
    """Words added, edited and deleted, and sessions answered on several days (with a retraction)."""
    ids = profile.service.create_words([
        {"text": f"word {i}", "meaning": f"意味 {i}", "category": "noun", "tags": ["daily"], "difficulty": 2}
        for i in range(8)])
    profile.service.update_word(ids[0], meaning="changed meaning", tags=["daily", "hard"])
    profile.service.delete_word(ids[7])
    for day in range(days):
        clock.advance(days=1)
        session = profile.service.start_session("flashcard", ids[:5])
        outcomes = [profile.service.answer(session, word, (i + day) % 3 != 0, 900 + 100 * i)
                    for i, word in enumerate(ids[:5])]
        if day == 1:
            profile.service.retract_answer(session, outcomes[0].answer_event_id)
        profile.service.complete_session(session)


def word_rows(profile: Profile) -> list[tuple[str, str, str, list[str], int]]:
    return sorted((w.text, w.meaning, w.category, w.tags, w.difficulty) for w in profile.queries.words())
