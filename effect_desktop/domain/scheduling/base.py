"""What every scheduler sees and returns.

A scheduler never reads the store: it folds a word's reviews, in answer-time
order, into a `ReviewState`. That keeps it replayable (time travel, a
scheduler switch, sync merging answers from two devices) and testable by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from ..events import Grade


@dataclass(frozen=True, slots=True)
class Review:
    answered_at: datetime  # aware, UTC
    is_correct: bool
    response_time_ms: int
    grade: Grade | None = None
    utc_offset_minutes: int = 0


@dataclass(frozen=True, slots=True)
class ReviewState:
    repetition_count: int
    easiness_factor: float
    interval_days: int
    next_review_date: datetime | None  # None: never reviewed
    reviews: int = 0
    lapses: int = 0
    # FSRS memory state (None under SM-2): see fsrs_scheduler.py.
    stability: float | None = None
    difficulty: float | None = None
    last_review_at: datetime | None = None


class Scheduler(Protocol):
    @property
    def name(self) -> str: ...

    def initial(self) -> ReviewState: ...

    def review(self, state: ReviewState, review: Review) -> ReviewState: ...


def replay(scheduler: Scheduler, reviews: Iterable[Review]) -> ReviewState:
    """A word's state after all its reviews, oldest first."""
    state = scheduler.initial()
    for review in reviews:
        state = scheduler.review(state, review)
    return state
