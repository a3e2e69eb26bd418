"""Replaying the history under FSRS: the preview writes nothing, the switch is an event that sticks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from effect_desktop.bootstrap import Profile, open_profile
from effect_desktop.domain.events import Grade
from effect_desktop.domain.scheduling.base import Review
from effect_desktop.domain.scheduling.fsrs_scheduler import FSRSScheduler
from effect_desktop.timeline import scheduler_replay
from effect_desktop.timeline.describe import describe
from effect_desktop.timeline.queries import TimelineQueries
from tests.integration.profile_helpers import SettableClock, dump_read_models

answers = st.lists(st.tuples(st.integers(1, 60 * 24 * 40), st.booleans(), st.integers(200, 40_000),
                             st.sampled_from([None, *Grade])), min_size=1, max_size=25)


@settings(max_examples=60, deadline=None)
@given(answers=answers)
def test_the_fast_fsrs_fold_equals_the_packages_review_card(answers: list) -> None:
    scheduler = FSRSScheduler()
    fast = reference = scheduler.initial()
    at = datetime(2026, 1, 1, tzinfo=UTC)
    for minutes, ok, ms, grade in answers:
        at += timedelta(minutes=minutes)
        review = Review(at, ok, ms, grade, 540)
        fast, reference = scheduler.review(fast, review), scheduler.review_with_card(reference, review)
        assert fast.interval_days == reference.interval_days
        assert fast.next_review_date == reference.next_review_date
        assert abs(fast.stability - reference.stability) < 1e-9
        assert abs(fast.difficulty - reference.difficulty) < 1e-9


def _study(profile: Profile, clock: SettableClock, days: int = 6) -> list:
    words = profile.service.create_words([dict(text=f"word{i}", meaning=f"意味{i}") for i in range(4)])
    for day in range(days):
        clock.advance(days=1)
        session = profile.service.start_session("flashcard", words)
        for i, word in enumerate(words):
            clock.advance(seconds=5)
            profile.service.answer(session, word, (day + i) % 3 != 0, 2000 + 3000 * i)
        profile.service.complete_session(session)
    return words


def test_preview_shows_the_due_queue_under_fsrs_and_writes_nothing(profile: Profile, clock: SettableClock) -> None:
    _study(profile, clock)
    events = profile.store.count()
    preview = scheduler_replay.preview(profile, "fsrs", clock.now.astimezone(UTC))
    assert preview.current == "sm2" and preview.answers == 24 and preview.words == 4
    assert preview.moved, "FSRS should schedule at least one word differently from SM-2"
    assert profile.store.count() == events


def test_switching_is_an_event_the_schedules_follow_and_the_profile_remembers(
        tmp_path: Path, profile: Profile, clock: SettableClock) -> None:
    words = _study(profile, clock)
    preview = scheduler_replay.preview(profile, "fsrs", clock.now.astimezone(UTC))
    scheduler_replay.switch(profile, "fsrs")
    latest = TimelineQueries(profile.store).page(limit=1).entries[0]
    assert describe(latest) == "Switched the scheduler to FSRS"
    after = {w.word_id: w.progress.next_review_date for w in profile.queries.words() if w.progress}
    expected = {c.word_id: c.due_after for c in preview.moved}
    assert all(after[word_id] == due for word_id, due in expected.items())
    clock.advance(days=2)
    session = profile.service.start_session("flashcard", words[:1])
    outcome = profile.service.answer(session, words[0], True, 1500)
    assert outcome.progress is not None
    assert profile.queries.word(words[0]).progress.next_review_date == outcome.progress.next_review_date
    live = dump_read_models(profile)
    path = profile.path
    profile.close()
    reopened = open_profile(path, clock=clock)
    try:
        assert reopened.service.scheduler.name == "fsrs"
        reopened.projector.rebuild()
        rebuilt = dump_read_models(reopened)
        assert rebuilt["rm_progress"] == live["rm_progress"]
    finally:
        reopened.close()


def test_a_switch_another_program_stored_is_taken_up_by_the_next_answer(
        profile: Profile, clock: SettableClock) -> None:
    """A window open while a sync run from a terminal brought another device's switch went on folding
    its answers under the scheduler it opened with: the word's schedule differed from the other
    devices', and `verify` failed until a rebuild."""
    from effect_desktop.projections.verify import verify

    words = _study(profile, clock)
    elsewhere = open_profile(profile.path, clock=clock)  # the CLI, on the same profile
    try:
        scheduler_replay.switch(elsewhere, "fsrs")
    finally:
        elsewhere.close()
    clock.advance(days=2)
    session = profile.service.start_session("flashcard", words[:1])
    outcome = profile.service.answer(session, words[0], True, 1500)
    assert profile.service.scheduler.name == "fsrs"
    assert verify(profile.projector).ok
    # the answer itself is scheduled under FSRS: what it returns and records is what the word now has
    # (they were SM-2's, the switch taken up only as the answer's events were applied)
    row = {p.word_id: p for p in profile.queries.all_progress()}[words[0]]
    recorded = profile.store.query_events(event_types=["ProgressUpdated"])[-1].event_data
    assert outcome.progress.next_review_date == recorded.next_review_date == row.next_review_date
