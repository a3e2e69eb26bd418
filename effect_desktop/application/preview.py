"""What each flashcard grade would do to a word's schedule, before the learner picks one.

The grade buttons say how long each grade puts the word away ("Good: 6 days"),
as Anki's do. Schedules are a pure fold of a word's first attempts, so the
preview is the very fold an answer makes (`StudyService.answer`), once per
grade with an answer given now; nothing is written.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from ..domain.events import Grade
from ..domain.progress import review_from_answer
from ..domain.scheduling.base import Review, Scheduler, replay
from ..domain.scheduling.studyday import offset_minutes, study_day
from ..projections.queries import Queries


def first_attempt_reviews(queries: Queries, word_id: UUID, excluding: UUID | None = None) -> list[Review]:
    """The reviews a word's schedule folds: its first attempt in each session, in answer-time order
    (a repeat within a session does not move the schedule: SM-2's step 7)."""
    return [review_from_answer(answered_at, bool(correct), ms, grade, offset)
            for event_id, answered_at, correct, ms, grade, offset in queries.first_attempts(word_id)
            if event_id != excluding]


def days_until_due(queries: Queries, scheduler: Scheduler, word_id: UUID, now: datetime,
                   day_start_hour: int) -> dict[Grade, int]:
    """Study days from today until the word is due again, for each grade answered at `now`."""
    offset = offset_minutes(now)
    reviews = first_attempt_reviews(queries, word_id)
    # with the clock set back, an answer now falls before the latest ones: the answer folds them in time
    # order (WordProgress.schedule), and so must the preview (it said a day too few)
    later = [r for r in reviews if r.answered_at > now]
    state = replay(scheduler, [r for r in reviews if r.answered_at <= now] if later else reviews)
    today = study_day(now, offset, day_start_hour)
    days = {}
    for grade in Grade:
        after = scheduler.review(state, review_from_answer(now, grade is not Grade.AGAIN, 0, grade, offset))
        for review in later:
            after = scheduler.review(after, review)
        due = after.next_review_date
        days[grade] = (study_day(due, offset, day_start_hour) - today).days if due is not None else 0
    return days
