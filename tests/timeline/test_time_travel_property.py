"""Time travel's promise: the state as of T is what a fresh profile holding only the events up to T shows."""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from effect_desktop.bootstrap import Profile, open_profile
from effect_desktop.domain.events import DomainEvent
from effect_desktop.timeline import checkpoints
from effect_desktop.timeline import scheduler_replay as sr
from effect_desktop.timeline.travel import PastState, TimeTravel
from tests.integration.profile_helpers import SettableClock

EXAMPLES = int(os.environ.get("TIMELINE_EXAMPLES", "25"))  # more for a thorough local run
ZONES = (timezone(timedelta(hours=9)), timezone(timedelta(hours=-5)), UTC)

action = st.one_of(
    st.tuples(st.just("add"), st.integers(1, 3)),
    st.tuples(st.just("edit"), st.integers(0, 50)),
    st.tuples(st.just("delete"), st.integers(0, 50)),
    st.tuples(st.just("restore"), st.integers(0, 50)),
    st.tuples(st.just("study"), st.lists(st.tuples(st.booleans(), st.integers(300, 30_000), st.booleans()),
                                         min_size=1, max_size=5)),
    st.tuples(st.just("wait"), st.integers(1, 60 * 40)),
    st.tuples(st.just("switch"), st.sampled_from(("sm2", "fsrs"))),
)


def _play(profile: Profile, clock: SettableClock, actions: list[tuple[str, Any]]) -> None:
    s = profile.service
    words: list[Any] = []
    deleted: set[Any] = set()
    for kind, arg in actions:
        clock.advance(minutes=3)
        live = [w for w in words if w not in deleted]
        if kind == "add":
            words += s.create_words([dict(text=f"w{len(words) + i}", meaning=f"意味{i}") for i in range(arg)])
        elif kind == "edit" and live:
            s.update_word(live[arg % len(live)], meaning=f"changed {arg}")
        elif kind == "delete" and live:
            deleted.add(live[arg % len(live)])
            s.delete_word(live[arg % len(live)])
        elif kind == "restore" and deleted:
            word = sorted(deleted, key=str)[arg % len(deleted)]
            deleted.discard(word)
            s.restore_word(word)
        elif kind == "study" and live:
            session = s.start_session("flashcard", live[:len(arg)])
            for (ok, ms, undo), word in zip(arg, live, strict=False):
                clock.advance(seconds=ms / 1000 + 1)
                outcome = s.answer(session, word, ok, ms)
                if undo:
                    s.retract_answer(session, outcome.answer_event_id)
            s.complete_session(session)
        elif kind == "wait":
            clock.advance(minutes=arg)
        elif kind == "switch":
            sr.switch(profile, arg)


def _fresh(events: list[DomainEvent], moment: datetime, clock: SettableClock) -> Profile:
    fresh = open_profile(Path(tempfile.mkdtemp()) / "fresh.effect.sqlite3", clock=clock)
    for event in events:
        if event.created_at <= moment:
            fresh.store.append_events(event.aggregate_id, [event.model_copy(update={"position": None})],
                                      event.version - 1)
    fresh.projector.catch_up()
    return fresh


def _seen_by_fresh(fresh: Profile, user_id: Any, today: date) -> dict[str, Any]:
    words = fresh.queries.words()
    stats = fresh.queries.daily_stats()
    streak = fresh.queries.streak(user_id, today)
    return {
        "words": sorted((str(w.word_id), w.text, w.meaning, tuple(w.tags), w.progress) for w in words),
        "streak": (streak.consecutive_days, streak.last_study_day),
        "answers": (sum(d.answers for d in stats), sum(d.correct for d in stats),
                    sum(d.sessions_completed for d in stats), sum(d.words_added for d in stats)),
    }


def _seen_in_past(past: PastState) -> dict[str, Any]:
    return {
        "words": sorted((str(w.word_id), w.text, w.meaning, tuple(w.tags), w.progress) for w in past.words),
        "streak": (past.streak.consecutive_days, past.streak.last_study_day),
        "answers": (past.totals.answers, past.totals.correct, past.totals.sessions_completed,
                    past.totals.words_added),
    }


@pytest.fixture
def small_checkpoints(monkeypatch: pytest.MonkeyPatch) -> None:
    """Checkpoints every few events, so random moments fall before, on and after them."""
    monkeypatch.setattr(checkpoints, "EVERY", 5)
    monkeypatch.setattr(checkpoints, "BASE_EVERY", 15)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=st.lists(action, min_size=2, max_size=14), zone=st.sampled_from(ZONES),
       fraction=st.floats(0, 1), checkpointed=st.booleans())
def test_state_as_of_any_moment_equals_a_fresh_profile_of_the_events_until_then(
        small_checkpoints: None, actions: list[tuple[str, Any]], zone: timezone, fraction: float,
        checkpointed: bool) -> None:
    clock = SettableClock(datetime(2026, 3, 1, 21, 30, tzinfo=zone))
    profile = open_profile(Path(tempfile.mkdtemp()) / "learner.effect.sqlite3", clock=clock)
    try:
        _play(profile, clock, actions)
        events = list(profile.store.iter_all())
        if not events:
            return
        first, last = events[0].created_at, events[-1].created_at
        moment = first + (last - first) * fraction
        # a moment exactly on an event (inclusive) or between events
        moment = min(events, key=lambda e: abs(e.created_at - moment)).created_at if fraction < 0.5 else moment
        travel = TimeTravel(profile.store, profile.user_id, profile.projector.day_start_hour)
        if checkpointed:
            travel.checkpoints.extend()
        past = travel.state_at(moment)
        fresh = _fresh(events, moment, clock)
        try:
            today = past.streak.last_study_day or moment.date()
            assert _seen_in_past(past) == _seen_by_fresh(fresh, profile.user_id, today)
        finally:
            fresh.close()
    finally:
        profile.close()
