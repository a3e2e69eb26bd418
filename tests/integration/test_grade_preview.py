"""The grade buttons' preview is what each grade then does to the schedule, under either scheduler."""

from __future__ import annotations

import pytest

from effect_desktop.bootstrap import Profile
from effect_desktop.domain.events import Grade
from effect_desktop.domain.scheduling.studyday import offset_minutes, study_day
from effect_desktop.timeline.scheduler_replay import switch

from .profile_helpers import SettableClock


@pytest.mark.parametrize("scheduler", ["sm2", "fsrs"])
def test_each_grade_does_what_its_button_said(profile: Profile, clock: SettableClock, scheduler: str) -> None:
    if scheduler != "sm2":
        switch(profile, scheduler)
    words = profile.service.create_words([{"text": f"word {grade.value}", "meaning": "m"} for grade in Grade])
    for gap in (1, 6):  # two good reviews, then a third due after the second interval
        session = profile.service.start_session("flashcard", words)
        for word in words:
            profile.service.answer(session, word, True, 3000, "good")
        profile.service.complete_session(session)
        clock.advance(days=gap)

    events = profile.store.count()
    said = {word: profile.service.schedule_preview(word) for word in words}
    assert profile.store.count() == events, "a preview writes nothing"
    assert said[words[0]][Grade.AGAIN] < said[words[0]][Grade.GOOD] <= said[words[0]][Grade.EASY]

    session = profile.service.start_session("flashcard", words)
    now = clock()
    today = study_day(now, offset_minutes(now), profile.service.day_start_hour)
    for word, grade in zip(words, Grade, strict=True):
        profile.service.answer(session, word, grade is not Grade.AGAIN, 3000, grade)
        due = next(p for p in profile.queries.all_progress() if p.word_id == word).next_review_date
        days = (study_day(due, offset_minutes(now), profile.service.day_start_hour) - today).days
        assert days == said[word][grade], grade
    assert said[words[0]][Grade.AGAIN] == 1


def test_a_word_never_studied_is_due_tomorrow_whatever_the_grade_under_sm2(profile: Profile) -> None:
    word = profile.service.create_word("new", "新しい")
    assert set(profile.service.schedule_preview(word).values()) == {1}  # SM-2's first interval, and a lapse's


@pytest.mark.parametrize("scheduler", ["sm2", "fsrs"])
def test_with_the_clock_set_back_each_grade_still_does_what_its_button_said(profile: Profile,
                                                                             clock: SettableClock,
                                                                             scheduler: str) -> None:
    """Answered on two days, then the computer's clock set back a day: the buttons folded the new answer
    after the later one, the answer itself is folded in time order, and each said a day too few
    (found by a learner living through awkward times)."""
    if scheduler != "sm2":
        switch(profile, scheduler)
    words = profile.service.create_words([{"text": f"word {grade.value}", "meaning": "m"} for grade in Grade])
    for _day in range(2):
        session = profile.service.start_session("flashcard", words)
        for word in words:
            profile.service.answer(session, word, True, 3000, "good")
        profile.service.complete_session(session)
        clock.advance(days=1)
    clock.advance(days=-2, hours=1)  # back to an hour after the first day's answers

    said = {word: profile.service.schedule_preview(word) for word in words}
    session = profile.service.start_session("flashcard", words)
    now = clock()
    today = study_day(now, offset_minutes(now), profile.service.day_start_hour)
    for word, grade in zip(words, Grade, strict=True):
        profile.service.answer(session, word, grade is not Grade.AGAIN, 3000, grade)
        due = next(p for p in profile.queries.all_progress() if p.word_id == word).next_review_date
        days = (study_day(due, offset_minutes(now), profile.service.day_start_hour) - today).days
        assert days == said[word][grade], grade
