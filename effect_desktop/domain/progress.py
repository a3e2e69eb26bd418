"""The WordProgress aggregate: one learner's schedule for one word.

Its state is the scheduler's fold over the word's reviews. It keeps the
reviews themselves (small tuples), so that undoing an answer, or merging
answers made on another device, recomputes the schedule from the whole
history in answer-time order instead of patching the last state.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar
from uuid import UUID

from .aggregate import Aggregate, Recorded
from .events import WORD_PROGRESS, EventData, Grade, ProgressUpdated
from .scheduling.base import Review, ReviewState, Scheduler, replay

# A word whose reviews were all undone is new again: interval 0 at the epoch.
NEVER_REVIEWED = datetime(1970, 1, 1, tzinfo=UTC)


class WordProgress(Aggregate):
    aggregate_type: ClassVar[str] = WORD_PROGRESS

    def __init__(self, aggregate_id: UUID) -> None:
        super().__init__(aggregate_id)
        self.state: ProgressUpdated | None = None

    def schedule(self, scheduler: Scheduler, user_id: UUID, word_id: UUID,
                 reviews: list[Review]) -> Recorded | None:
        """Record the state the scheduler gives for these reviews, if it changed."""
        return self.record(user_id, word_id, replay(scheduler, sorted(reviews, key=lambda r: r.answered_at)))

    def record(self, user_id: UUID, word_id: UUID, result: ReviewState) -> Recorded | None:
        """Record a state the scheduler gave (folded by the caller, review by review), if it changed."""
        updated = ProgressUpdated(
            user_id=user_id,
            word_id=word_id,
            repetition_count=result.repetition_count,
            easiness_factor=result.easiness_factor,
            interval_days=result.interval_days,
            next_review_date=result.next_review_date or NEVER_REVIEWED,
        )
        if self.state is not None and self.state == updated:
            return None
        return self._record(updated)

    def apply(self, event_id: UUID, data: EventData) -> None:
        if isinstance(data, ProgressUpdated):
            self.state = data

    def snapshot_state(self) -> dict[str, Any]:
        return {"state": self.state.model_dump(mode="json") if self.state else None}

    def restore(self, state: dict[str, Any]) -> None:
        self.state = ProgressUpdated.model_validate(state["state"]) if state["state"] else None


def review_from_answer(answered_at: datetime, is_correct: bool, response_time_ms: int,
                       grade: Grade | str | None, utc_offset_minutes: int) -> Review:
    return Review(answered_at=answered_at, is_correct=is_correct, response_time_ms=response_time_ms,
                  grade=Grade(grade) if grade else None, utc_offset_minutes=utc_offset_minutes)
