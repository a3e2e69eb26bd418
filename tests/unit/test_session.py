"""The StudySession aggregate's rules: which answers it takes and what its completion says."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest

from effect_desktop.domain.errors import RuleViolated, ValidationFailed
from effect_desktop.domain.events import Grade, LearningMode, SessionCompleted
from effect_desktop.domain.ids import new_id
from effect_desktop.domain.session import MAX_WORDS, StudySession

START = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)


def started(*word_ids: UUID) -> StudySession:
    return StudySession.start(new_id(), new_id(), list(word_ids), LearningMode.FLASHCARD)


def completion(session: StudySession, seconds: int = 90) -> SessionCompleted:
    data = session.complete(START, START + timedelta(seconds=seconds)).data
    assert isinstance(data, SessionCompleted)
    return data


def test_start_needs_words_and_drops_duplicates_keeping_order() -> None:
    a, b = new_id(), new_id()
    session = started(b, a, b)
    assert session.word_ids == [b, a]
    with pytest.raises(ValidationFailed):
        started()
    with pytest.raises(ValidationFailed):
        started(*[new_id() for _ in range(MAX_WORDS + 1)])


def test_answers_only_for_words_of_the_session() -> None:
    session = started(new_id())
    with pytest.raises(RuleViolated, match="not part of the session"):
        session.answer(new_id(), True, 1000)
    assert len(session.pending) == 1  # only SessionStarted


def test_an_answer_to_a_word_deleted_since_the_session_began_is_refused() -> None:
    """`session answer` on a deleted word was stored, and moved the deleted word's schedule."""
    word = new_id()
    session = started(word)
    with pytest.raises(RuleViolated, match=f"The word {word} is deleted; restore it first .*words restore {word}"):
        session.answer(word, False, 1000, word_deleted=True)
    assert len(session.pending) == 1  # only SessionStarted
    assert session.answer(word, False, 1000).data.attempt_number == 1  # type: ignore[attr-defined]


def test_attempt_number_counts_up_per_word() -> None:
    a, b = new_id(), new_id()
    session = started(a, b)
    attempts = [session.answer(w, ok, 1000).data.attempt_number  # type: ignore[attr-defined]
                for w, ok in [(a, False), (b, True), (a, False), (a, True), (b, True)]]
    assert attempts == [1, 1, 2, 3, 2]


def test_a_retracted_answer_frees_its_attempt_number() -> None:
    a = new_id()
    session = started(a)
    session.answer(a, True, 1000)
    second = session.answer(a, False, 1000)
    session.retract(second.event_id)
    assert session.answer(a, True, 1000).data.attempt_number == 2  # type: ignore[attr-defined]


def test_response_time_and_grade_must_make_sense() -> None:
    a = new_id()
    session = started(a)
    with pytest.raises(ValidationFailed):
        session.answer(a, True, -1)
    with pytest.raises(ValidationFailed):
        session.answer(a, True, 3_600_001)
    with pytest.raises(ValidationFailed):
        session.answer(a, True, 1000, Grade.AGAIN)
    with pytest.raises(ValidationFailed):
        session.answer(a, False, 1000, Grade.GOOD)
    assert len(session.pending) == 1


def test_nothing_after_completion() -> None:
    a = new_id()
    session = started(a)
    answered = session.answer(a, True, 1000)
    completion(session)
    with pytest.raises(RuleViolated, match="already completed"):
        session.answer(a, True, 1000)
    with pytest.raises(RuleViolated):
        session.retract(answered.event_id)
    with pytest.raises(RuleViolated):
        session.complete(START, START)


def test_a_session_never_started_takes_nothing() -> None:
    session = StudySession(new_id())
    with pytest.raises(RuleViolated, match="never started"):
        session.answer(new_id(), True, 1000)


def test_completion_totals_match_the_answers() -> None:
    a, b = new_id(), new_id()
    session = started(a, b)
    for word, ok in [(a, False), (a, True), (b, True), (b, False)]:
        session.answer(word, ok, 1000)
    done = completion(session, seconds=45)
    assert (done.total_questions, done.correct_answers, done.duration_seconds) == (4, 2, 45)


def test_completion_totals_leave_out_retracted_answers() -> None:
    a, b = new_id(), new_id()
    session = started(a, b)
    wrong = session.answer(a, False, 1000)
    session.answer(b, True, 1000)
    right = session.answer(a, True, 1000)
    session.retract(wrong.event_id)
    session.retract(right.event_id)
    done = completion(session)
    assert (done.total_questions, done.correct_answers) == (1, 1)


def test_an_answer_can_be_retracted_once_and_only_in_its_session() -> None:
    a = new_id()
    session, other = started(a), started(a)
    answered = session.answer(a, True, 1000)
    with pytest.raises(RuleViolated):
        other.retract(answered.event_id)
    session.retract(answered.event_id)
    with pytest.raises(RuleViolated, match="already undone"):
        session.retract(answered.event_id)


def test_an_empty_session_completes_with_zero_totals_and_never_negative_duration() -> None:
    session = started(new_id())
    done = session.complete(START, START - timedelta(seconds=5)).data
    assert (done.total_questions, done.correct_answers, done.duration_seconds) == (0, 0, 0)  # type: ignore[attr-defined]


def test_replay_and_snapshot_give_the_same_session() -> None:
    a, b = new_id(), new_id()
    session = started(a, b)
    first = session.answer(a, False, 1000)
    session.answer(a, True, 2000, Grade.GOOD)
    session.retract(first.event_id)
    _, pending = session.take_pending()
    replayed = StudySession(session.id).replay([(i, r.event_id, r.data) for i, r in enumerate(pending, 1)])
    restored = StudySession.from_snapshot(session.id, replayed.version, replayed.snapshot_state())
    for copy in (replayed, restored):
        assert copy.snapshot_state() == session.snapshot_state()
        assert copy.version == 4


def test_a_pause_in_a_session_is_not_study_time() -> None:
    """A laptop asleep for three days with a session open made it "70:59:59" of study, and 4,260
    minutes in the statistics; then each pause counted ten minutes (a session left one evening and
    finished the next morning said 10:09 for a minute of answers). A gap counts what the answer ending
    it took and a minute more (the last card's feedback read, the next one shown), ten at most."""
    from datetime import UTC, datetime, timedelta

    from effect_desktop.domain.session import active_seconds

    start = datetime(2026, 6, 10, 20, 0, tzinfo=UTC)
    answers = [start + timedelta(seconds=5), start + timedelta(seconds=10), start + timedelta(days=3, seconds=4)]
    end = answers[-1] + timedelta(seconds=2)
    assert active_seconds([start, *answers, end], [4.5, 5, 3.2]) == int(5 + 5 + 63.2 + 2)
    assert active_seconds([start, *answers, end]) == 5 + 5 + 60 + 2  # (nothing said of the answers)
    assert active_seconds([start, start + timedelta(minutes=7)], [420]) == 420  # a long look at a card counts
    assert active_seconds([start, start + timedelta(minutes=25)], [25 * 60]) == 600, "ten minutes at most"
    left = start + timedelta(hours=14)  # a session left one evening and finished the next morning
    assert active_seconds([start, answers[0], left], [5]) == 5 + 60
    counted = [active_seconds([start, start + timedelta(seconds=gap)], [30]) for gap in range(0, 1500, 7)]
    assert counted == sorted(counted), "a longer gap never counts less (10:01 counted less than 9:59)"


def test_a_clock_set_back_during_a_session_adds_no_time(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Answers ordered by their clock turned an hour set back into a forward gap: ten minutes that never
    happened. The gaps are taken in the order the answers were given."""
    from datetime import UTC, datetime, timedelta

    from effect_desktop.bootstrap import open_profile
    from tests.integration.profile_helpers import SettableClock

    clock = SettableClock(datetime(2026, 6, 10, 20, 0, tzinfo=UTC))
    profile = open_profile(tmp_path / "p.effect.sqlite3", clock=clock)
    try:
        words = profile.service.create_words([{"text": f"w{i}", "meaning": "m"} for i in range(4)])
        session = profile.service.start_session("flashcard", words)
        for index, word in enumerate(words):
            clock.set(clock.now + timedelta(minutes=1) - (timedelta(hours=1) if index == 2 else timedelta()))
            profile.service.answer(session, word, True, 1500, "good")
        clock.set(clock.now + timedelta(minutes=1))
        profile.service.complete_session(session)
        view = profile.queries.session(session)
        assert view is not None and view.duration_seconds == 4 * 60  # the step back counts nothing
    finally:
        profile.close()
