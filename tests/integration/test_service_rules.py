"""Commands the service refuses: a clear DomainError, and nothing written."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from effect_desktop.bootstrap import Profile
from effect_desktop.domain.errors import DomainError, NotFound, RuleViolated, ValidationFailed
from effect_desktop.domain.ids import new_id

from .profile_helpers import SettableClock, dump_read_models


def refused(profile: Profile, error: type[DomainError], command: Any, *args: Any,
            **kwargs: Any) -> DomainError:
    position, rows = profile.store.last_position(), dump_read_models(profile)
    with pytest.raises(error) as caught:
        command(*args, **kwargs)
    assert profile.store.last_position() == position
    assert dump_read_models(profile) == rows
    return caught.value


@pytest.mark.parametrize(("grade", "ms"), [("perfect", 1000), ("GOOD!", 1000), (None, "fast"),
                                           (None, None)])
def test_an_unknown_grade_or_unreadable_time_is_refused(profile: Profile, grade: Any, ms: Any) -> None:
    word = profile.service.create_word("apple", "りんご")
    session = profile.service.start_session("flashcard", [word])
    error = refused(profile, ValidationFailed, profile.service.answer, session, word, True, ms, grade)
    assert set(error.errors) <= {"grade", "response_time_ms"}  # type: ignore[attr-defined]


def test_a_bad_word_in_a_batch_writes_none_of_the_batch(profile: Profile) -> None:
    refused(profile, ValidationFailed, profile.service.create_words,
            [{"text": "apple", "meaning": "りんご"}, {"text": "pear", "meaning": "  "}])
    assert profile.queries.words() == []


def test_unknown_things_are_not_found(profile: Profile) -> None:
    refused(profile, NotFound, profile.service.update_word, new_id(), text="x")
    refused(profile, NotFound, profile.service.delete_word, new_id())
    refused(profile, NotFound, profile.service.restore_word, new_id())
    refused(profile, NotFound, profile.service.start_session, "flashcard", [new_id()])
    refused(profile, NotFound, profile.service.complete_session, new_id())


def test_a_deleted_word_cannot_start_a_session_until_restored(profile: Profile) -> None:
    word = profile.service.create_word("apple", "りんご")
    profile.service.delete_word(word)
    refused(profile, NotFound, profile.service.start_session, "flashcard", [word])
    refused(profile, RuleViolated, profile.service.delete_word, word)
    profile.service.restore_word(word)
    assert profile.service.start_session("typing", [word])


def test_a_word_deleted_during_its_session_takes_no_answer_until_restored(profile: Profile) -> None:
    """The service's own command (the CLI's `session answer`, the Study page's key) is refused; a
    session's other words still take theirs."""
    word, other = profile.service.create_word("apple", "りんご"), profile.service.create_word("cat", "ねこ")
    session = profile.service.start_session("flashcard", [word, other])
    profile.service.delete_word(word)
    error = refused(profile, RuleViolated, profile.service.answer, session, word, False, 1000)
    assert "is deleted; restore it first" in str(error)
    assert profile.service.answer(session, other, True, 1000).attempt_number == 1
    profile.service.restore_word(word)
    assert profile.service.answer(session, word, False, 1000).attempt_number == 1


def test_an_unknown_mode_is_refused(profile: Profile) -> None:
    word = profile.service.create_word("apple", "りんご")
    refused(profile, ValidationFailed, profile.service.start_session, "speed_run", [word])


def test_a_completed_session_takes_nothing_and_its_totals_match(profile: Profile) -> None:
    a = profile.service.create_word("apple", "りんご")
    b = profile.service.create_word("pear", "梨")
    session = profile.service.start_session("flashcard", [a, b])
    wrong = profile.service.answer(session, a, False, 900).answer_event_id
    profile.service.answer(session, a, True, 900)
    profile.service.answer(session, b, True, 900)
    profile.service.retract_answer(session, wrong)
    done = profile.service.complete_session(session)
    [completed] = [e for e in profile.store.get_events(session) if e.event_id == done]
    assert (completed.event_data.total_questions, completed.event_data.correct_answers) == (2, 2)
    view = profile.queries.session(session)
    assert (view.answered, view.correct, view.completed) == (2, 2, True)
    refused(profile, RuleViolated, profile.service.answer, session, a, True, 900)
    refused(profile, RuleViolated, profile.service.complete_session, session)


def test_a_session_completed_when_its_summary_is_left_counts_the_time_up_to_its_last_answer(
        profile: Profile, clock: SettableClock) -> None:
    """The window completes a session when its summary is left (so its last answer can still be
    undone there): the minutes on the summary are not study time. A later end than now is not taken."""
    a = profile.service.create_word("apple", "りんご")
    session = profile.service.start_session("flashcard", [a])
    clock.advance(seconds=40)
    profile.service.answer(session, a, True, 900)
    last = clock.now
    clock.advance(minutes=5)  # the summary read, the kettle put on
    profile.service.complete_session(session, ended_at=last)
    assert profile.queries.session(session).duration_seconds == 40
    other = profile.service.start_session("flashcard", [a])
    clock.advance(seconds=30)
    profile.service.complete_session(other, ended_at=clock.now + timedelta(hours=1))
    assert profile.queries.session(other).duration_seconds == 30


def test_a_session_resumed_after_a_break_counts_the_answers_not_the_break(profile: Profile,
                                                                          clock: SettableClock) -> None:
    """Left with Esc (or the app closed) and resumed the next morning, a minute of answers read 10:09:
    each pause counted ten minutes. Now a pause counts what the answer after it took, and a minute."""
    a, b = profile.service.create_word("apple", "りんご"), profile.service.create_word("bread", "パン")
    session = profile.service.start_session("typing", [a, b])
    clock.advance(seconds=20)
    profile.service.answer(session, a, True, 18_000)
    clock.advance(hours=13)  # the evening left, the session resumed in the morning
    profile.service.answer(session, b, False, 7_000)
    clock.advance(seconds=3)
    profile.service.complete_session(session)
    assert profile.queries.session(session).duration_seconds == 20 + (7 + 60) + 3
    left = profile.service.start_session("typing", [a])
    clock.advance(seconds=10)
    profile.service.answer(left, a, True, 9_000)
    clock.advance(hours=15)  # "Finish with these answers" the next day
    profile.service.complete_session(left)
    assert profile.queries.session(left).duration_seconds == 10 + 60
    assert profile.service.studied_seconds(session) == 20 + (7 + 60), "the summary: up to the last answer"


def test_the_summary_counts_what_the_completion_records(profile: Profile, clock: SettableClock) -> None:
    """The summary counted undone answers and sorted by clock; the completion counts the answers that
    stand, in the order given: 65 s on screen beside 26 s recorded (found in review)."""
    a, b, c = (profile.service.create_word(t, "m") for t in ("apple", "bread", "corn"))
    session = profile.service.start_session("flashcard", [a, b, c])
    clock.advance(seconds=12)
    profile.service.answer(session, a, True, 11_000)
    clock.advance(hours=2)
    undone = profile.service.answer(session, b, False, 4_000)
    profile.service.retract_answer(session, undone.answer_event_id)
    clock.advance(hours=-1)  # the clock set back an hour
    profile.service.answer(session, c, True, 5_000)
    last = clock.now
    shown = profile.service.studied_seconds(session)
    clock.advance(minutes=3)  # the summary read
    profile.service.complete_session(session, ended_at=last)
    assert profile.queries.session(session).duration_seconds == shown == 12 + (5 + 60)


def test_derived_events_name_the_answer_as_their_cause(profile: Profile) -> None:
    word = profile.service.create_word("apple", "りんご")
    session = profile.service.start_session("flashcard", [word])
    answer = profile.service.answer(session, word, True, 900).answer_event_id
    events = [e for e in profile.store.iter_all() if e.metadata.correlation_id
              == next(x for x in profile.store.iter_all() if x.event_id == answer).metadata.correlation_id]
    assert sorted(e.event_type for e in events) == ["ProgressUpdated", "QuestionAnswered",
                                                    "StreakUpdated"]
    for derived in events:
        if derived.event_id != answer:
            assert derived.metadata.causation_id == answer


def test_a_session_answered_from_a_second_window_is_not_answered_from_a_stale_copy(profile: Profile) -> None:
    """The service keeps the session it just wrote; another writer's answers must still count."""
    from effect_desktop.bootstrap import open_profile

    word = profile.service.create_word("apple", "りんご")
    session = profile.service.start_session("flashcard", [word])
    assert profile.service.answer(session, word, False, 1000).attempt_number == 1
    other = open_profile(profile.path)  # the CLI, or a second process, on the same file
    try:
        assert other.service.answer(session, word, True, 900).attempt_number == 2
    finally:
        other.close()
    third = profile.service.answer(session, word, True, 800)  # no ConcurrencyError, no attempt 2 again
    assert third.attempt_number == 3
    summary = profile.service.complete_session(session)
    done = next(e for e in profile.store.get_events(session) if e.event_id == summary)
    assert (done.event_data.total_questions, done.event_data.correct_answers) == (3, 2)
