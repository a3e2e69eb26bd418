"""Which scheduler is in force, and what a `SchedulerChanged` event does to the read models.

The projector and the study service share one `SelectedScheduler`; the
`SchedulerChanged` handler switches it and refolds every reviewed word's
schedule under the new scheduler, inside the same transaction as the event.
A rebuild (or an as-of replay) starting with any scheduler therefore ends
with the schedules the recorded choice gives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from ..domain import events as ev
from ..domain.events import DomainEvent
from ..domain.scheduling.base import Review, ReviewState, Scheduler
from ..domain.scheduling.fsrs_scheduler import FSRSScheduler
from ..domain.scheduling.sm2 import SM2Scheduler

if TYPE_CHECKING:
    from ..projections.handlers import Context

SCHEDULERS = ("sm2", "fsrs")
DEFAULT_SCHEDULER = "sm2"


class UnknownScheduler(ValueError):
    """A scheduler name we do not have."""


def scheduler_named(name: str, day_start_hour: int) -> Scheduler:
    if name == "sm2":
        return SM2Scheduler(day_start_hour)
    if name == "fsrs":
        return FSRSScheduler(day_start_hour)
    raise UnknownScheduler(f"unknown scheduler {name!r}; choose one of: {', '.join(SCHEDULERS)}")


class SelectedScheduler:
    """A scheduler that delegates to the one currently chosen (switched by `SchedulerChanged`)."""

    def __init__(self, scheduler: Scheduler) -> None:
        self.current = scheduler

    @property
    def name(self) -> str:
        return self.current.name

    def select(self, scheduler: Scheduler) -> None:
        self.current = scheduler

    def initial(self) -> ReviewState:
        return self.current.initial()

    def review(self, state: ReviewState, review: Review) -> ReviewState:
        return self.current.review(state, review)


def scheduler_changed(ctx: Context, event: DomainEvent, data: ev.SchedulerChanged) -> None:
    chosen = scheduler_named(data.scheduler, ctx.day_start_hour)
    if isinstance(ctx.scheduler, SelectedScheduler):
        ctx.scheduler.select(chosen)
    else:
        ctx.scheduler = chosen
    from ..projections import handlers  # at call time: handlers imports this module

    index = ctx.cache.reviews
    for word_id in sorted(_reviewed_words(ctx), key=str):
        index.folded.pop(word_id, None)
        handlers._reschedule(ctx, word_id)


def _reviewed_words(ctx: Context) -> set[Any]:
    index = ctx.cache.reviews
    words = {w for w, reviews in index.reviews.items() if reviews}
    listed = getattr(index, "word_ids_with_reviews", None)
    if listed is not None:
        return words | set(listed(ctx.connection))
    if not index.assume_empty:
        c = index.answers.c
        rows = ctx.connection.execute(
            sa.select(c.word_id).where(c.attempt_number == 1, c.retracted.is_(False)).distinct())
        words |= {r[0] for r in rows}
    return words


def selected_scheduler(store: Any, day_start_hour: int) -> SelectedScheduler:
    """The scheduler in force for a profile: the last `SchedulerChanged`, else SM-2 (for bootstrap)."""
    changes = store.query_events(event_types=["SchedulerChanged"])
    name = changes[-1].event_data.scheduler if changes else DEFAULT_SCHEDULER
    try:
        return SelectedScheduler(scheduler_named(name, day_start_hour))
    except UnknownScheduler:  # written by a newer build: keep studying with the default
        return SelectedScheduler(scheduler_named(DEFAULT_SCHEDULER, day_start_hour))
