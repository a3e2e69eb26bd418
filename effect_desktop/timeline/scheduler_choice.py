"""Which scheduler is in force, and what a `SchedulerChanged` event does to the read models.

The projector and the study service share one `SelectedScheduler`; the
`SchedulerChanged` handler switches it and refolds every reviewed word's
schedule under the new scheduler, inside the same transaction as the event.
A rebuild (or an as-of replay) starting with any scheduler therefore ends
with the schedules the recorded choice gives.

The choice in force is the switch with the greatest `choice_key` among those
applied so far (not the last one applied): devices apply each other's
switches in different orders, and the greatest is the same on all of them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

import sqlalchemy as sa

from ..domain import events as ev
from ..domain.events import DomainEvent, EventMetadata
from ..domain.ids import new_id, profile_stream_id
from ..domain.scheduling.base import Review, ReviewState, Scheduler
from ..domain.scheduling.fsrs_scheduler import FSRSScheduler
from ..domain.scheduling.sm2 import SM2Scheduler
from ..domain.scheduling.studyday import offset_minutes

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


ChoiceKey = tuple[int, datetime, UUID]


class SelectedScheduler:
    """A scheduler that delegates to the one currently chosen (switched by `SchedulerChanged`)."""

    def __init__(self, scheduler: Scheduler, key: ChoiceKey | None = None) -> None:
        self.current = scheduler
        self.key = key  # the chosen switch's `choice_key`; None: no switch seen (or not known)

    @property
    def name(self) -> str:
        return self.current.name

    def select(self, scheduler: Scheduler, key: ChoiceKey | None = None) -> None:
        self.current = scheduler
        self.key = key

    def initial(self) -> ReviewState:
        return self.current.initial()

    def review(self, state: ReviewState, review: Review) -> ReviewState:
        return self.current.review(state, review)


def choice_key(generation: int, timestamp: datetime, event_id: UUID) -> ChoiceKey:
    """The order of switches, the same on every device: a later generation (a switch made knowing
    the other), then the later time, then the greater id."""
    return (generation, timestamp, event_id)


def scheduler_changed(ctx: Context, event: DomainEvent, data: ev.SchedulerChanged) -> None:
    key = event_key(event)
    current = ctx.scheduler
    if isinstance(current, SelectedScheduler) and current.key is not None and key <= current.key:
        return  # a switch made without knowing of the one in force, arriving late: it changes nothing
    same = data.scheduler == getattr(current, "name", None)
    chosen = (current.current if same and isinstance(current, SelectedScheduler)
              else scheduler_named(data.scheduler, ctx.day_start_hour))
    if isinstance(current, SelectedScheduler):
        current.select(chosen, key)
    else:
        ctx.scheduler = SelectedScheduler(chosen, key)
    if same:
        return
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


def selected_scheduler(store: Any, day_start_hour: int, up_to: int | None = None,
                       actions: frozenset[UUID] = frozenset()) -> SelectedScheduler:
    """The scheduler in force for a profile: the greatest `SchedulerChanged` (stored at or before
    position `up_to`, for a replay from a checkpoint there, or made by one of `actions`: see
    travel.py), else SM-2."""
    found = greatest_choice(store, up_to, actions)
    name, key = found if found is not None else (DEFAULT_SCHEDULER, None)
    try:
        return SelectedScheduler(scheduler_named(name, day_start_hour), key)
    except UnknownScheduler:  # written by a newer build: keep studying with the default
        return SelectedScheduler(scheduler_named(DEFAULT_SCHEDULER, day_start_hour), key)


def greatest_choice(store: Any, up_to: int | None = None,
                    actions: frozenset[UUID] = frozenset()) -> tuple[str, ChoiceKey] | None:
    """The scheduler name and key of the greatest switch (archived ones too: the store reads them)
    stored at or before `up_to`, or made by one of `actions` (correlation ids)."""
    changes = [e for e in store.query_events(event_types=["SchedulerChanged"])
               if up_to is None or (e.position or 0) <= up_to or e.metadata.correlation_id in actions]
    if not changes:
        return None
    last = max(changes, key=event_key)
    return last.event_data.scheduler, event_key(last)


def event_key(event: DomainEvent) -> ChoiceKey:
    """`choice_key` of a stored choice (a `SchedulerChanged` or a `StudyDayStartChanged`)."""
    return choice_key(getattr(event.event_data, "generation", 0), event.metadata.timestamp, event.event_id)


def next_generation(store: Any, event_type: str = "SchedulerChanged") -> int:
    """The generation of a choice made now: one more than any of its kind this device has seen."""
    changes = store.query_events(event_types=[event_type])
    return max((getattr(e.event_data, "generation", 0) for e in changes), default=0) + 1


def day_start_in_force(store: Any) -> int | None:
    """The hour of the greatest `StudyDayStartChanged`, or None when the hour was never moved by one
    (profiles from before it was an event keep the hour in their settings)."""
    changes = store.query_events(event_types=["StudyDayStartChanged"])
    return max(changes, key=event_key).event_data.hour if changes else None


def append_choice(store: Any, user_id: UUID, now: datetime, data: ev.SchedulerChanged | ev.StudyDayStartChanged,
                  correlation_id: UUID | None = None) -> list[DomainEvent]:
    """Store a profile-wide choice on the device's profile stream (inside the caller's transaction);
    `correlation_id`: the action it is part of (an import that switches), by default its own."""
    stream = profile_stream_id(user_id)
    event_id = new_id()
    utc = now.astimezone(UTC)
    version = len(store.get_events(stream))
    envelope = DomainEvent(
        event_id=event_id, aggregate_id=stream, aggregate_type=data.aggregate_type,
        event_type=data.event_type, event_data=data,
        metadata=EventMetadata(user_id=user_id, correlation_id=correlation_id or event_id, causation_id=event_id,
                               timestamp=utc, utc_offset_minutes=offset_minutes(now)),
        created_at=utc, version=version + 1)
    stored: list[DomainEvent] = store.append_events(stream, [envelope], version)
    return stored
