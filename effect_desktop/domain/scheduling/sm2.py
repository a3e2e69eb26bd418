"""SM-2, as SuperMemo published it (Wozniak, 1987/1990).

1. EF starts at 2.5.
2. I(1) = 1 day, I(2) = 6 days, I(n) = I(n-1) * EF for n > 2, rounded up.
3. After each repetition EF' = EF + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)),
   never below 1.3.
4. If q < 3, repetitions start again from I(1) without changing EF.
5. Items that scored below 4 are repeated in the same session until they
   score 4 or more: those in-session repeats (attempt 2, 3, ...) do not move
   the schedule, so only a word's first attempt in a session is a review.

Choices SM-2 leaves open, documented in the README:
- I(n) uses the EF as modified by the same repetition.
- Our answers carry no quality, so it is derived: an explicit flashcard grade
  maps Again=1, Hard=3, Good=4, Easy=5; otherwise a wrong answer is 1 and a
  right one is 5 within 5 s, 4 within 15 s, and 3 when slower.
- SM-2 sets no ceiling on intervals; ours stop at 36,500 days (a century), so
  a word answered perfectly for decades still gets a date the calendar holds.
- The next review is at the start (day-start hour, local time) of the study
  day `interval` days after the day of the answer, so a word answered at 23:00
  with interval 1 is due the next morning, not 24 hours later.
"""

from __future__ import annotations

import math

from ..events import Grade
from .base import Review, ReviewState
from .studyday import DEFAULT_DAY_START_HOUR, day_start_utc, study_day

INITIAL_EF = 2.5
MIN_EF = 1.3
FAST_MS = 5_000
SLOW_MS = 15_000
MAX_INTERVAL_DAYS = 36_500

GRADE_QUALITY = {Grade.AGAIN: 1, Grade.HARD: 3, Grade.GOOD: 4, Grade.EASY: 5}


def quality(review: Review) -> int:
    """SM-2's quality 0-5 for one answer (see the module docstring for the mapping)."""
    if review.grade is not None:
        return GRADE_QUALITY[review.grade]
    if not review.is_correct:
        return 1
    if review.response_time_ms <= FAST_MS:
        return 5
    if review.response_time_ms <= SLOW_MS:
        return 4
    return 3


def next_easiness(ef: float, q: int) -> float:
    return max(MIN_EF, ef + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)))


class SM2Scheduler:
    name = "sm2"

    def __init__(self, day_start_hour: int = DEFAULT_DAY_START_HOUR) -> None:
        self.day_start_hour = day_start_hour

    def initial(self) -> ReviewState:
        return ReviewState(repetition_count=0, easiness_factor=INITIAL_EF, interval_days=0,
                           next_review_date=None)

    def review(self, state: ReviewState, review: Review) -> ReviewState:
        q = quality(review)
        if q < 3:
            repetitions, ef, interval = 0, state.easiness_factor, 1
            lapses = state.lapses + (1 if state.repetition_count > 0 else 0)
        else:
            ef = round(next_easiness(state.easiness_factor, q), 6)
            repetitions = state.repetition_count + 1
            if repetitions == 1:
                interval = 1
            elif repetitions == 2:
                interval = 6
            else:
                interval = min(MAX_INTERVAL_DAYS, math.ceil(round(state.interval_days * ef, 6)))
            lapses = state.lapses
        day = study_day(review.answered_at, review.utc_offset_minutes, self.day_start_hour)
        due_day = day.fromordinal(day.toordinal() + interval)
        # Built directly rather than with dataclasses.replace, which was half the cost of a replay's fold.
        return ReviewState(
            repetition_count=repetitions,
            easiness_factor=ef,
            interval_days=interval,
            next_review_date=day_start_utc(due_day, review.utc_offset_minutes, self.day_start_hour),
            reviews=state.reviews + 1,
            lapses=lapses,
            stability=state.stability,
            difficulty=state.difficulty,
            last_review_at=state.last_review_at,
        )
