"""Time travel: the collection exactly as it was at a past moment, and what changed since.

"As it was at T" means: the read models a fresh profile would hold had it
received only the events recorded at or before T (in store order). It is
computed by the same projection handlers as a rebuild, from the nearest
checkpoint, replaying only the events after it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from pydantic_core import from_json

from ..domain.events import DomainEvent
from ..domain.scheduling.studyday import offset_minutes, study_day
from ..domain.streak import current_streak
from ..gc_pause import without_gc
from ..persistence.sql_store import SqlEventStore
from ..projections import handlers
from ..projections import tables as t
from ..projections.queries import Queries
from ..projections.views import ProgressView, StreakView, WordView
from .asof_cache import AsOfCache
from .checkpoints import PAGE, Checkpoints
from .scheduler_choice import SelectedScheduler, selected_scheduler


@dataclass(frozen=True)
class Totals:
    answers: int = 0
    correct: int = 0
    sessions_completed: int = 0
    study_seconds: int = 0
    words_added: int = 0
    study_days: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.answers if self.answers else 0.0


@dataclass(frozen=True)
class PastState:
    """The learner's collection at `moment` (read-only: it is the past).

    The word list is built from the rows on first use: the state itself is
    ready as soon as the replay ends; turning 20,000 rows into views is the
    caller's cost, paid once."""

    moment: datetime
    position: int  # the last event included
    streak: StreakView
    totals: Totals
    scheduler: str
    replayed: int  # events replayed after the checkpoint (for the curious and the benchmark)
    word_rows: dict[Any, dict[str, Any]] = field(repr=False, default_factory=dict)
    progress_rows: dict[Any, dict[str, Any]] = field(repr=False, default_factory=dict)
    # each schedule's due study day, at the offset of the answer that set it (as the word list says it)
    due_days: dict[Any, date] = field(repr=False, default_factory=dict)

    @cached_property
    def live_rows(self) -> list[dict[str, Any]]:
        """The live words' rows, oldest first (cheap: a list view builds `view(row)` per visible row)."""
        rows = [r for r in self.word_rows.values() if not r["deleted"]]
        rows.sort(key=lambda r: (r["created_at"], r["word_id"].int))
        return rows

    def view(self, row: dict[str, Any]) -> WordView:
        return _word_view(row, self.progress_rows.get(row["word_id"]))

    @cached_property
    def words(self) -> list[WordView]:
        """Live words then, oldest first."""
        views = (_word_view(row, self.progress_rows.get(row["word_id"])) for row in self.word_rows.values())
        return sorted((view for view in views if not view.deleted), key=lambda w: (w.created_at, str(w.word_id)))

    @property
    def word_count(self) -> int:
        return sum(1 for r in self.word_rows.values() if not r["deleted"])

    def word(self, word_id: UUID) -> WordView | None:
        row = self.word_rows.get(word_id)
        return _word_view(row, self.progress_rows.get(word_id)) if row is not None else None


@dataclass(frozen=True)
class WordChange:
    word_id: UUID
    text: str
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # name -> (then, now)


@dataclass(frozen=True)
class Comparison:
    """What changed between a past state and now."""

    added: list[WordView]
    deleted: list[WordView]
    edited: list[WordChange]
    progress_moved: list[WordChange]
    restored: list[WordView] = field(default_factory=list)  # deleted then, back now: not "added"

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.deleted or self.edited or self.progress_moved or self.restored)


_ANSWERS = frozenset({"QuestionAnswered", "AnswerRetracted"})


class TimeTravel:
    def __init__(self, store: SqlEventStore, user_id: UUID, day_start_hour: int) -> None:
        self.store = store
        self.user_id = user_id
        self.day_start_hour = day_start_hour
        self.checkpoints = Checkpoints(store, day_start_hour)

    @without_gc  # the replay allocates many short-lived objects (see gc_pause.py)
    def state_at(self, moment: datetime) -> PastState:
        if moment.tzinfo is None:
            raise ValueError("a moment in the past needs a time zone (an aware datetime)")
        restored = self.checkpoints.restore(moment)
        cache = restored.cache
        last, replayed, scheduler = self._replay_tail(cache, moment)
        return self._state(cache, moment, max(last, cache.position), scheduler.name, replayed)

    @without_gc
    def cache_at(self, moment: datetime) -> AsOfCache | None:
        """The read models at `moment` from the nearest checkpoint before it plus the events after
        it (the statistics "as of then" read them); None while no checkpoint precedes the moment."""
        restored = self.checkpoints.restore(moment)
        if restored.cache.position == 0:
            return None
        self._replay_tail(restored.cache, moment)
        return restored.cache

    def _replay_tail(self, cache: AsOfCache, moment: datetime) -> tuple[int, int, SelectedScheduler]:
        """The events after the checkpoint recorded by `moment`, applied; (the last one's position, how
        many, the scheduler in force). That scheduler is the one stored by the checkpoint, or made by
        the same action as an event replayed: an Anki history imported with FSRS chosen is one action
        with its switch, dated years before it, and was folded by SM-2 here (a word 29,393 days away).
        A switch made before another action's back-dated events (a history imported after it, another
        device's answers synced) was not in force on their days, and is not here."""
        high = self._last_position_by(moment)
        tail: list[DomainEvent] = []
        position = cache.position
        while position < high:
            page = self.store.read_all(position, min(PAGE, high - position))
            if not page:
                break
            tail.extend(e for e in page if e.created_at <= moment)
            position = page[-1].position or position
        scheduler = selected_scheduler(self.store, self.day_start_hour, up_to=cache.position,
                                       actions=frozenset(e.metadata.correlation_id for e in tail))
        if not tail:
            return 0, 0, scheduler
        answered = {e.event_data.word_id for e in tail if e.event_type in _ANSWERS}  # type: ignore[attr-defined]
        with self.store.reading() as connection:
            cache.reviews.preload(connection, answered)  # type: ignore[attr-defined]
            if scheduler.name == "sm2":
                cache.reviews.seed_sm2(answered, cache.tables["rm_progress"],  # type: ignore[attr-defined]
                                       cache.tables["rm_word_stats"])
            ctx = handlers.Context(connection, cache, self.day_start_hour, scheduler)
            for event in tail:
                handlers.apply(ctx, event)
        return tail[-1].position or 0, len(tail), scheduler

    def _last_position_by(self, moment: datetime) -> int:
        """A position no event recorded by `moment` lies beyond (from the per-day index: no full scan).

        A study day is the local date shifted by the day-start hour, and local
        dates are at most a day ahead of UTC, so days up to UTC date + 1 cover it."""
        bound = (moment.astimezone(UTC).date() + timedelta(days=2)).isoformat()
        days = t.timeline_days
        with self.store.reading() as connection:
            found = connection.execute(sa.select(sa.func.max(days.c.last_position)).where(days.c.day <= bound)).scalar()
        return int(found or 0)

    def _state(self, cache: AsOfCache, moment: datetime, position: int, scheduler: str, replayed: int) -> PastState:
        progress = {k[0]: r for k, r in cache.tables["rm_progress"].rows.items() if r is not None}
        words = {k[0]: r for k, r in cache.tables["rm_words"].rows.items() if r is not None}
        streak_row = cache.tables["rm_streak"].rows.get((t.LEARNER,))
        today = _local_study_day(moment, self.day_start_hour)
        if streak_row:
            last_day = date.fromisoformat(streak_row["last_study_day"])
            consecutive = streak_row["consecutive_days"]
            streak = StreakView(consecutive, last_day, current_streak(consecutive, last_day, today))
        else:
            streak = StreakView(0, None, 0)
        days = [r for r in cache.tables["rm_daily_stats"].rows.values() if r is not None]
        totals = Totals(
            answers=sum(r["answers"] for r in days), correct=sum(r["correct"] for r in days),
            sessions_completed=sum(r["sessions_completed"] for r in days),
            study_seconds=sum(r["study_seconds"] for r in days),
            words_added=sum(r["words_added"] for r in days),
            study_days=sum(1 for r in days if r["answers"] > 0))
        return PastState(moment, position, streak, totals, scheduler, replayed, words, progress,
                         self._due_days(progress, moment))

    def _due_days(self, progress: dict[Any, dict[str, Any]], moment: datetime) -> dict[Any, date]:
        """The study day each schedule names, at the offset of the review that set it (as the live
        word list reads it: the instant in this zone's calendar could read a day off)."""
        offsets = Queries(self.store).review_offsets([(word_id, row.get("last_answered_at"))
                                                      for word_id, row in progress.items()])
        fallback = offset_minutes(moment)
        return {word_id: study_day(row["next_review_date"], offsets.get(word_id, fallback), self.day_start_hour)
                for word_id, row in progress.items()}

    # --- compare with now ----------------------------------------------------------------------
    @staticmethod
    def compare(past: PastState, now_words: list[WordView]) -> Comparison:
        then = {w.word_id: w for w in past.words}
        now = {w.word_id: w for w in now_words if not w.deleted}
        deleted_then = {word_id for word_id, row in past.word_rows.items() if row["deleted"]}
        added = [w for i, w in now.items() if i not in then and i not in deleted_then]
        restored = [w for i, w in now.items() if i in deleted_then]
        deleted = [w for i, w in then.items() if i not in now]
        edited, moved = [], []
        for word_id, old in then.items():
            new = now.get(word_id)
            if new is None:
                continue
            fields = {name: (getattr(old, name), getattr(new, name))
                      for name in ("text", "meaning", "category", "tags", "difficulty")
                      if getattr(old, name) != getattr(new, name)}
            if fields:
                edited.append(WordChange(word_id, new.text, fields))
            progress = _progress_changes(old.progress, new.progress)
            if progress:
                moved.append(WordChange(word_id, new.text, progress))
        return Comparison(added, deleted, edited, moved, restored)


def _progress_changes(old: ProgressView | None, new: ProgressView | None) -> dict[str, tuple[Any, Any]]:
    names = ("repetition_count", "easiness_factor", "interval_days", "next_review_date")
    values_old = {n: getattr(old, n) if old else None for n in names}
    values_new = {n: getattr(new, n) if new else None for n in names}
    return {n: (values_old[n], values_new[n]) for n in names if values_old[n] != values_new[n]}


def _word_view(row: dict[str, Any], progress: dict[str, Any] | None) -> WordView:
    view = None
    if progress is not None:
        view = ProgressView(row["word_id"], progress["repetition_count"], progress["easiness_factor"],
                            progress["interval_days"], progress["next_review_date"], progress["last_answered_at"])
    return WordView(row["word_id"], row["text"], row["meaning"], row["category"], from_json(row["tags"]),
                    row["difficulty"], row["created_at"], row["updated_at"], bool(row["deleted"]), view)


def _local_study_day(moment: datetime, day_start_hour: int) -> date:
    return (moment - timedelta(hours=day_start_hour)).date()
