"""Fixtures for the timeline tests: a profile with a hand-moved clock and a small history."""

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
    return SettableClock(datetime(2026, 3, 2, 8, 0, tzinfo=TOKYO))


@pytest.fixture
def profile(tmp_path: Path, clock: SettableClock) -> Iterator[Profile]:
    opened = open_profile(tmp_path / "learner.effect.sqlite3", clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def studied(profile: Profile, clock: SettableClock) -> dict[str, object]:
    """Two words, an edit, a session over two days with a wrong answer undone, a deletion."""
    s = profile.service
    apple, ringo = s.create_words([dict(text="apple", meaning="りんご", category="food"),
                                   dict(text="りんご", meaning="apple", category="food")])
    clock.advance(minutes=5)
    s.update_word(apple, meaning="林檎")
    clock.advance(minutes=5)
    session = s.start_session("flashcard", [apple, ringo])
    clock.advance(seconds=3)
    first = s.answer(session, ringo, True, 2300)
    clock.advance(seconds=5)
    wrong = s.answer(session, apple, False, 4100)
    clock.advance(seconds=5)
    s.retract_answer(session, wrong.answer_event_id)
    clock.advance(seconds=5)
    s.complete_session(session)
    clock.advance(days=1)
    second = s.start_session("typing", [apple])
    s.answer(second, apple, True, 1500)
    s.complete_session(second)
    clock.advance(hours=2)
    s.delete_word(ringo)
    return {"apple": apple, "ringo": ringo, "session": session, "answer": first.answer_event_id,
            "wrong": wrong.answer_event_id, "second": second}
