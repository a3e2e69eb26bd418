"""How each event changes the read models.

One function per event type, all writing through a `ReadModelCache`, so the
same code serves live updates and rebuilds. Study days are computed from the
answer's own UTC offset (see `domain/scheduling/studyday.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import sqlalchemy as sa
from pydantic_core import from_json, to_json

from ..domain import events as ev
from ..domain.events import DomainEvent
from ..domain.scheduling.base import Scheduler
from ..domain.scheduling.studyday import study_day
from ..domain.text_fold import search_key, tag_key
from ..domain.word import normalise_tags
from ..timeline import recorder as timeline_recorder
from ..timeline import scheduler_choice
from . import statistics_handlers
from .cache import ReadModelCache, Row
from .tables import LEARNER, daily_stats


class Context:
    def __init__(self, connection: sa.Connection, cache: ReadModelCache, day_start_hour: int,
                 scheduler: Scheduler) -> None:
        self.connection = connection
        self.cache = cache
        self.day_start_hour = day_start_hour
        self.scheduler = scheduler
        self._day_event: DomainEvent | None = None
        self._day = ""
        # A word's answers count under its current category and tags (statistics_handlers.move_answers);
        # off while a sync folds a word's stream again, which moves them once at the end (refold.py).
        self.answers_follow_words = True
        # AnswerRetracted event id -> (word, session), as the timeline recorded it (recorder._retraction)
        self.undone: dict[Any, tuple[Any, Any]] = {}

    def get(self, table: str, *key: Any) -> Row | None:
        return self.cache[table].get(self.connection, key)

    def put(self, table: str, row: Row) -> None:
        self.cache[table].put(row)

    def put_changed(self, table: str, row: Row, columns: tuple[str, ...]) -> None:
        """`put` of a stored row of which only `columns` changed (written as an UPDATE of those)."""
        self.cache[table].put(row, columns)

    def delete(self, table: str, *key: Any) -> None:
        self.cache[table].delete(key)

    def day_of(self, event: DomainEvent) -> str:
        """The event's study day; asked by several handlers per event, so computed once."""
        if event is not self._day_event:
            meta = event.metadata
            self._day = study_day(meta.timestamp, meta.utc_offset_minutes, self.day_start_hour).isoformat()
            self._day_event = event
        return self._day

    def study_days(self) -> set[str]:
        """Every study day with at least one answer: stored rows overlaid by this cache's."""
        cache = self.cache["rm_daily_stats"]
        days: set[str] = set()
        if not cache.assume_empty:
            c = daily_stats.c
            days = {r[0] for r in self.connection.execute(sa.select(c.study_day).where(c.answers > 0))}
        for key, row in cache.rows.items():
            if row is not None and row["answers"] > 0:
                days.add(key[0])
            else:
                days.discard(key[0])
        return days

    def bump_day(self, day: str, **increments: int) -> None:
        row = self.get("rm_daily_stats", day) or {
            "study_day": day, "answers": 0, "correct": 0, "response_ms": 0,
            "sessions_completed": 0, "study_seconds": 0, "words_added": 0,
        }
        row = dict(row)
        for name, amount in increments.items():
            row[name] += amount
        self.put("rm_daily_stats", row)


# --- words --------------------------------------------------------------------------------------
def _set_tags(ctx: Context, word_id: Any, old: list[str], new: list[str]) -> None:
    old_keys = {tag_key(t) for t in old}
    new_keys = {tag_key(t) for t in new}
    for key in old_keys - new_keys:
        ctx.delete("rm_word_tags", word_id, key)
    for key in new_keys - old_keys:
        ctx.put("rm_word_tags", {"word_id": word_id, "tag_key": key})


def word_created(ctx: Context, event: DomainEvent, data: ev.WordCreated) -> None:
    tags = normalise_tags(data.tags)
    ctx.put("rm_words", {
        "word_id": data.word_id, "text": data.text, "meaning": data.meaning,
        "category": data.category, "tags": to_json(tags).decode(), "difficulty": data.difficulty,
        "search_key": search_key(data.text, data.meaning),
        "created_at": event.metadata.timestamp, "updated_at": event.metadata.timestamp,
        "deleted": False,
    })
    _set_tags(ctx, data.word_id, [], tags)
    if ctx.answers_follow_words and (data.category or tags):  # answers logged before their word: rare
        statistics_handlers.move_answers(ctx, data.word_id, [], statistics_handlers.facets_of(ctx, data.word_id))
    ctx.bump_day(ctx.day_of(event), words_added=1)


def word_updated(ctx: Context, event: DomainEvent, data: ev.WordUpdated) -> None:
    row = ctx.get("rm_words", data.word_id)
    if row is None:
        return
    facets_before = statistics_handlers.facets_of(ctx, data.word_id)
    row = dict(row)
    for name in ("text", "meaning", "category", "difficulty"):
        if name in data.changes:
            row[name] = data.changes[name]
    if "tags" in data.changes:
        new_tags = normalise_tags(data.changes["tags"])
        _set_tags(ctx, data.word_id, from_json(row["tags"]), new_tags)
        row["tags"] = to_json(new_tags).decode()
    row["search_key"] = search_key(row["text"], row["meaning"])
    row["updated_at"] = event.metadata.timestamp
    ctx.put("rm_words", row)
    if ctx.answers_follow_words and ("category" in data.changes or "tags" in data.changes):
        statistics_handlers.move_answers(ctx, data.word_id, facets_before,
                                         statistics_handlers.facets_of(ctx, data.word_id))


def word_deleted_or_restored(ctx: Context, event: DomainEvent, data: ev.WordDeleted | ev.WordRestored) -> None:
    row = ctx.get("rm_words", data.word_id)
    if row is None:
        return
    ctx.put("rm_words", {**row, "deleted": isinstance(data, ev.WordDeleted),
                         "updated_at": event.metadata.timestamp})


# --- sessions and answers -------------------------------------------------------------------------
def session_started(ctx: Context, event: DomainEvent, data: ev.SessionStarted) -> None:
    ctx.put("rm_sessions", {
        "session_id": data.session_id, "mode": data.mode.value,
        "word_ids": to_json([str(w) for w in data.word_ids]).decode(),
        "started_at": event.metadata.timestamp, "utc_offset_minutes": event.metadata.utc_offset_minutes,
        "completed_at": None,
        "answered": 0, "correct": 0, "duration_seconds": None,
    })


def question_answered(ctx: Context, event: DomainEvent, data: ev.QuestionAnswered) -> None:
    day = ctx.day_of(event)
    facets = statistics_handlers.facets_of(ctx, data.word_id)
    answer = {
        "event_id": event.event_id, "session_id": data.session_id, "word_id": data.word_id,
        "answered_at": event.metadata.timestamp,
        "utc_offset_minutes": event.metadata.utc_offset_minutes, "study_day": day,
        "is_correct": data.is_correct, "response_time_ms": data.response_time_ms,
        "attempt_number": data.attempt_number, "grade": data.grade.value if data.grade else None,
        "retracted": False, "facets": to_json(facets).decode(),
    }
    ctx.put("rm_answers", answer)
    _count_answer(ctx, data.session_id, day, data.is_correct, data.response_time_ms, +1)
    _restreak(ctx, day, days_changed=_answers_on(ctx, day) == 1)
    statistics_handlers.count_answer(ctx, facets, day, data.is_correct, data.response_time_ms, +1)
    if data.attempt_number == 1:
        ctx.cache.reviews.add(ctx.connection, data.word_id, answer)
        _reschedule(ctx, data.word_id)


def answer_retracted(ctx: Context, event: DomainEvent, data: ev.AnswerRetracted) -> None:
    answer = ctx.get("rm_answers", data.answer_event_id)
    if answer is None or answer["retracted"]:
        return
    ctx.put("rm_answers", {**answer, "retracted": True})
    _count_answer(ctx, data.session_id, answer["study_day"], answer["is_correct"],
                  answer["response_time_ms"], -1)
    _restreak(ctx, answer["study_day"], days_changed=_answers_on(ctx, answer["study_day"]) == 0)
    statistics_handlers.count_answer(ctx, statistics_handlers.facets_of(ctx, data.word_id), answer["study_day"],
                                     answer["is_correct"], answer["response_time_ms"], -1)
    if answer["attempt_number"] == 1:
        ctx.cache.reviews.remove(ctx.connection, data.word_id, data.answer_event_id)
        _reschedule(ctx, data.word_id)


def _count_answer(ctx: Context, session_id: Any, day: str, correct: bool, ms: int, sign: int) -> None:
    session = ctx.get("rm_sessions", session_id)
    if session is not None:
        ctx.put("rm_sessions", {**session, "answered": session["answered"] + sign,
                                "correct": session["correct"] + (sign if correct else 0)})
    ctx.bump_day(day, answers=sign, correct=sign if correct else 0, response_ms=sign * ms)


def session_completed(ctx: Context, event: DomainEvent, data: ev.SessionCompleted) -> None:
    """The first completion in stream order is the session's. Two devices may each complete the same
    session offline; both events are kept, and the later one changes nothing: counting both made one
    session two in the day's totals, with its time studied twice."""
    session = ctx.get("rm_sessions", data.session_id)
    if session is not None and session["completed_at"] is not None:
        return
    if session is not None:
        ctx.put("rm_sessions", {**session, "completed_at": event.metadata.timestamp,
                                "duration_seconds": data.duration_seconds})
    ctx.bump_day(ctx.day_of(event), sessions_completed=1, study_seconds=data.duration_seconds)


# --- progress and streak ------------------------------------------------------------------------------
def _reschedule(ctx: Context, word_id: Any) -> None:
    """A word's schedule is the scheduler's fold over its reviews in answer-time order.

    Computed here from the answers rather than copied from `ProgressUpdated`,
    so it always agrees with the history: when a sync brings an older answer
    from another device, or an answer is undone, the fold simply runs again."""
    state, last_answered_at = ctx.cache.reviews.state(ctx.connection, word_id, ctx.scheduler)
    statistics_handlers.word_rescheduled(ctx, word_id, state)
    if state.next_review_date is None:
        ctx.delete("rm_progress", word_id)
        return
    ctx.put("rm_progress", {
        "word_id": word_id, "repetition_count": state.repetition_count,
        "easiness_factor": state.easiness_factor, "interval_days": state.interval_days,
        "next_review_date": state.next_review_date, "last_answered_at": last_answered_at,
    })


def _answers_on(ctx: Context, day: str) -> int:
    row = ctx.get("rm_daily_stats", day)
    return row["answers"] if row is not None else 0


def _restreak(ctx: Context, day: str, *, days_changed: bool = True) -> None:
    """The streak is derived from the study days that have answers, like the schedule from the answers.

    `StreakUpdated` events stay as history, but two devices studying offline on
    different days each recorded their own; the days themselves merge, so the
    streak computed from them agrees on every device after a sync. The usual
    answer is on the latest day and extends the run by one step; an answer on
    an earlier day (from a sync, or an Anki collection's history) or an undone one
    recounts the run, unless the set of study days is the same as before (the day
    had answers already, or still has some): recounting for each of 30,000 imported
    answers on earlier days took 5 s."""
    row = ctx.get("rm_streak", LEARNER)
    if row is not None and not days_changed:
        return
    day_row = ctx.get("rm_daily_stats", day)
    studied = day_row is not None and day_row["answers"] > 0
    if row is not None and studied:
        last = row["last_study_day"]
        if day == last:
            return
        if day > last:
            gap = (date.fromisoformat(day) - date.fromisoformat(last)).days
            ctx.put("rm_streak", {"user_id": LEARNER, "last_study_day": day,
                                  "consecutive_days": row["consecutive_days"] + 1 if gap == 1 else 1})
            return
    days = sorted(ctx.study_days(), reverse=True)
    if not days:
        ctx.delete("rm_streak", LEARNER)
        return
    run, previous = 1, date.fromisoformat(days[0])
    for other in days[1:]:
        current = date.fromisoformat(other)
        if (previous - current).days != 1:
            break
        run, previous = run + 1, current
    ctx.put("rm_streak", {"user_id": LEARNER, "last_study_day": days[0], "consecutive_days": run})


Handler = Callable[[Context, DomainEvent, Any], None]

HANDLERS: dict[str, Handler] = {
    "WordCreated": word_created,
    "WordUpdated": word_updated,
    "WordDeleted": word_deleted_or_restored,
    "WordRestored": word_deleted_or_restored,
    "SessionStarted": session_started,
    "QuestionAnswered": question_answered,
    "AnswerRetracted": answer_retracted,
    "SessionCompleted": session_completed,
    "SchedulerChanged": scheduler_choice.scheduler_changed,
}


def apply(ctx: Context, event: DomainEvent) -> None:
    timeline_recorder.record(ctx, event)  # first: it notes what the event is about to change
    handler = HANDLERS.get(event.event_type)
    if handler is not None:
        handler(ctx, event, event.event_data)


