"""Replaying the whole answer history under another scheduler, and switching to it.

`preview` folds every word's first-attempt answers (in answer-time order,
undone answers left out, exactly as the projection does) under the chosen
scheduler and compares the due queue with today's, before anything is
written. `switch` records the choice as a `SchedulerChanged` event; its
projection handler refolds the read models in the same transaction, and the
study service schedules with it from then on.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from uuid import UUID

import sqlalchemy as sa

from ..domain import events as ev
from ..domain.events import Grade
from ..domain.scheduling.base import Review, ReviewState, Scheduler
from ..domain.scheduling.studyday import offset_minutes, study_day
from ..gc_pause import without_gc
from ..projections import tables as t
from .scheduler_choice import SCHEDULERS, UnknownScheduler, append_choice, next_generation, scheduler_named

if TYPE_CHECKING:
    from ..bootstrap import Profile

_GRADES = {g.value: g for g in Grade}


@dataclass(frozen=True)
class DueChange:
    word_id: UUID
    text: str
    due_before: datetime | None
    due_after: datetime | None
    # the study days those name, at the offset of the word's last answer: as the Words page and the
    # counts above read them (this computer's calendar day of the instant was a day off after a move
    # from Tokyo to Los Angeles, and words "due today" were listed under "Due now: 0")
    day_before: date | None = None
    day_after: date | None = None


@dataclass(frozen=True)
class SchedulerPreview:
    scheduler: str
    current: str
    answers: int  # first-attempt answers replayed
    words: int
    seconds: float  # time spent folding (reading excluded)
    due_now_before: int
    due_now_after: int
    due_week_before: int
    due_week_after: int
    moved: list[DueChange] = field(default_factory=list)  # words whose due date changed, soonest first
    today: date | None = None  # the study day the counts are for: a day up to it is due now

    @property
    def answers_per_second(self) -> float:
        return self.answers / self.seconds if self.seconds > 0 else float("inf")


@without_gc  # hundreds of thousands of small objects (see gc_pause.py)
def load_reviews(profile: Profile) -> dict[UUID, list[Review]]:
    """Every word's reviews (first attempts, not undone), oldest first."""
    c = t.answers.c
    query = (sa.select(c.word_id, c.answered_at, c.is_correct, c.response_time_ms, c.grade, c.utc_offset_minutes)
             .where(c.attempt_number == 1, c.retracted.is_(False))
             .order_by(c.word_id, c.answered_at, c.event_id))
    reviews: dict[UUID, list[Review]] = {}
    with profile.store.reading() as connection:
        for word_id, at, ok, ms, grade, offset in connection.execute(query):
            reviews.setdefault(word_id, []).append(
                Review(at, bool(ok), ms, _GRADES[grade] if grade else None, offset))
    return reviews


@without_gc  # hundreds of thousands of small objects (see gc_pause.py)
def replay(scheduler: Scheduler, reviews: dict[UUID, list[Review]]) -> tuple[dict[UUID, ReviewState], float]:
    """Each word's state under `scheduler`, and the seconds the folding took."""
    started = time.perf_counter()
    states: dict[UUID, ReviewState] = {}
    initial = scheduler.initial()
    step = scheduler.review
    for word_id, word_reviews in reviews.items():
        state = initial
        for review in word_reviews:
            state = step(state, review)
        states[word_id] = state
    return states, time.perf_counter() - started


def preview(profile: Profile, name: str, now: datetime | None = None) -> SchedulerPreview:
    hour = profile.projector.day_start_hour
    scheduler = scheduler_named(name, hour)
    now = now or profile.service.clock()
    today = study_day(now, offset_minutes(now), hour)
    week = today + timedelta(days=7)
    reviews = load_reviews(profile)
    states, seconds = replay(scheduler, reviews)
    words = {w.word_id: w for w in profile.queries.words()}
    moved: list[DueChange] = []
    counts = {"now_before": 0, "now_after": 0, "week_before": 0, "week_after": 0}
    for word_id, word in words.items():
        before = word.progress.next_review_date if word.progress else None
        state = states.get(word_id)
        after = state.next_review_date if state else None
        # by the study day each schedule names, at its last answer's offset (as the study queue counts)
        offset = reviews[word_id][-1].utc_offset_minutes if reviews.get(word_id) else offset_minutes(now)
        days: dict[str, date | None] = {}
        for key, due in (("before", before), ("after", after)):
            day = days[key] = study_day(due, offset, hour) if due is not None else None
            if day is not None and day <= today:
                counts[f"now_{key}"] += 1
            if day is not None and day <= week:
                counts[f"week_{key}"] += 1
        # moved when the day the learner would see moves: any day already come is "due now" (a list of
        # "due now → due now" rows said eight words would move where four did not; found in review)
        if _as_seen(days["before"], today) != _as_seen(days["after"], today):
            moved.append(DueChange(word_id, word.text, before, after, days["before"], days["after"]))
    far = datetime.max.replace(tzinfo=UTC)
    moved.sort(key=lambda m: (m.due_after or far, str(m.word_id)))
    return SchedulerPreview(name, profile.service.scheduler.name, sum(len(r) for r in reviews.values()),
                            len(reviews), seconds, counts["now_before"], counts["now_after"],
                            counts["week_before"], counts["week_after"], moved, today)


def _as_seen(day: date | None, today: date) -> date | None:
    return None if day is None else max(day, today)


def switch(profile: Profile, name: str, correlation_id: UUID | None = None) -> UUID:
    """Record the switch (a `SchedulerChanged` event) and refold the read models with it, atomically;
    `correlation_id`: the action it is part of (an import that brings a history), by default its own."""
    if name not in SCHEDULERS:
        raise UnknownScheduler(f"unknown scheduler {name!r}; choose one of: {', '.join(SCHEDULERS)}")
    store = profile.store
    with store.transaction() as connection:
        data = ev.SchedulerChanged(user_id=profile.user_id, scheduler=name, generation=next_generation(store))
        stored = append_choice(store, profile.user_id, profile.service.clock(), data, correlation_id)
        profile.projector.apply(connection, stored)
    return stored[0].event_id


def describe_preview(p: SchedulerPreview) -> dict[str, Any]:
    return {"scheduler": p.scheduler, "current": p.current, "answers": p.answers, "words": p.words,
            "seconds": round(p.seconds, 3), "answers_per_second": round(p.answers_per_second),
            "due_now": [p.due_now_before, p.due_now_after], "due_within_week": [p.due_week_before, p.due_week_after],
            "moved": len(p.moved)}
