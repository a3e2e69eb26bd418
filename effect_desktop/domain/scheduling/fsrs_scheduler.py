"""FSRS (the Free Spaced Repetition Scheduler) behind our `Scheduler` protocol.

The `fsrs` package does the memory model (stability, difficulty); this
adapter keeps our conventions so the two schedulers are interchangeable:
- a review is a word's first attempt in a session, folded in answer-time order;
- no learning steps and no fuzzing: replaying the same answers always gives
  the same schedule, on every device;
- a word is due at the start of the local study day `interval` days after
  the answer's day, exactly as under SM-2.

Ratings: an explicit flashcard grade maps one to one (Again, Hard, Good,
Easy). Without a grade a wrong answer is Again, a right answer slower than
15 s is Hard, any other right answer is Good (never Easy: speed alone is not
enough evidence to stretch an interval that far).

`repetition_count` counts successful reviews since the last lapse and
`easiness_factor` stays at SM-2's starting 2.5: FSRS's own state is in
`stability` and `difficulty`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fsrs import Card, Rating, State
from fsrs import Scheduler as _Fsrs

from ..events import Grade
from .base import Review, ReviewState
from .sm2 import INITIAL_EF, SLOW_MS
from .studyday import DEFAULT_DAY_START_HOUR, day_start_utc, study_day

_RATINGS = {Grade.AGAIN: Rating.Again, Grade.HARD: Rating.Hard, Grade.GOOD: Rating.Good,
            Grade.EASY: Rating.Easy}


def rating(review: Review) -> Rating:
    if review.grade is not None:
        return _RATINGS[review.grade]
    if not review.is_correct:
        return Rating.Again
    return Rating.Hard if review.response_time_ms > SLOW_MS else Rating.Good


class FSRSScheduler:
    name = "fsrs"

    def __init__(self, day_start_hour: int = DEFAULT_DAY_START_HOUR, desired_retention: float = 0.9) -> None:
        self.day_start_hour = day_start_hour
        self._fsrs = _Fsrs(desired_retention=desired_retention, learning_steps=(), relearning_steps=(),
                           enable_fuzzing=False)

    def initial(self) -> ReviewState:
        return ReviewState(repetition_count=0, easiness_factor=INITIAL_EF, interval_days=0,
                           next_review_date=None)

    def review(self, state: ReviewState, review: Review) -> ReviewState:
        """One review, computed with the package's own formulas but without its Card objects.

        Equal to `fsrs.Scheduler.review_card` with no learning steps and no fuzzing
        (see `review_with_card`, which the tests compare it with), and several times
        faster, which matters when a switch replays every answer ever given."""
        given = rating(review)
        at = review.answered_at.astimezone(UTC)
        f = self._fsrs
        if state.stability is None or state.difficulty is None:
            stability = f._initial_stability(rating=given)
            difficulty = f._initial_difficulty(rating=given, clamp=True)
        else:
            elapsed = (at - state.last_review_at).days if state.last_review_at is not None else None
            if elapsed is not None and elapsed < 1:
                stability = f._short_term_stability(stability=state.stability, rating=given)
            else:
                retrievability = (0.0 if elapsed is None else
                                  (1 + f._FACTOR * max(0, elapsed) / state.stability) ** f._DECAY)
                stability = f._next_stability(difficulty=state.difficulty, stability=state.stability,
                                              retrievability=retrievability, rating=given)
            difficulty = f._next_difficulty(difficulty=state.difficulty, rating=given)
        interval = max(1, f._next_interval(stability=stability))
        return self._after(state, review, given, interval, stability, difficulty, at)

    def review_with_card(self, state: ReviewState, review: Review) -> ReviewState:
        """The same review through the package's public `review_card` (the reference)."""
        given = rating(review)
        at = review.answered_at.astimezone(UTC)
        if state.stability is None:
            card = Card(card_id=0)  # an explicit id: the package's default sleeps to make one unique
        else:
            card = Card(card_id=0, state=State.Review, step=None, stability=state.stability,
                        difficulty=state.difficulty, due=_utc(state.next_review_date),
                        last_review=_utc(state.last_review_at))
        card, _ = self._fsrs.review_card(card, given, at)
        interval = max(1, round((card.due - at) / timedelta(days=1)))
        return self._after(state, review, given, interval, card.stability, card.difficulty, at)

    def _after(self, state: ReviewState, review: Review, given: Rating, interval: int, stability: float | None,
               difficulty: float | None, at: datetime) -> ReviewState:
        day = study_day(review.answered_at, review.utc_offset_minutes, self.day_start_hour)
        due_day = day.fromordinal(day.toordinal() + interval)
        lapsed = given == Rating.Again
        return ReviewState(
            0 if lapsed else state.repetition_count + 1,
            state.easiness_factor,
            interval,
            day_start_utc(due_day, review.utc_offset_minutes, self.day_start_hour),
            state.reviews + 1,
            state.lapses + (1 if lapsed and state.reviews > 0 else 0),
            stability,
            difficulty,
            at,
        )


def _utc(moment: datetime | None) -> datetime | None:
    return moment.astimezone(UTC) if moment is not None else None
