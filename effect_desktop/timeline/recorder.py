"""The timeline read model: one indexed row per event, written with the event.

`record` runs for every event, before the event's own handler, inside the
same transaction as the append (live) or the replay (rebuild). Running first
lets it note the state the event is about to change: the word's text as it
was, the fields an edit replaces. A rebuild holds its cache for the whole
log, so timeline rows (never read back by key) are flushed every few
thousand to keep memory flat on a million events.

An as-of replay (time travel) has no timeline tables in its cache, and so
records nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

import sqlalchemy as sa
from pydantic_core import from_json, to_json

from ..domain import events as ev
from ..domain.events import DomainEvent
from ..persistence.schema import events
from .entries import WORD_FIELDS

if TYPE_CHECKING:
    from ..projections.handlers import Context

TIMELINE = "rm_timeline"
TIMELINE_DAYS = "rm_timeline_days"
FLUSH_EVERY = 5_000


def record(ctx: Context, event: DomainEvent) -> None:
    tables = ctx.cache.tables
    if TIMELINE not in tables:
        return
    data = event.event_data
    word_id = getattr(data, "word_id", None)
    session_id = getattr(data, "session_id", None)
    subject_id = data.answer_event_id if isinstance(data, ev.AnswerRetracted) else None
    if subject_id is not None:
        ctx.undone[event.event_id] = (word_id, session_id)  # an AnswerRetracted names both
    cause_id = event.metadata.causation_id
    if word_id is None or session_id is None:
        # Progress and streak changes belong to the answer that caused them, or to the undo.
        answer = ctx.get("rm_answers", cause_id) if event.event_type in _DERIVED else None
        if answer is not None:
            word_id = word_id or answer["word_id"]
            session_id = session_id or answer["session_id"]
        elif event.event_type in _DERIVED and cause_id is not None:
            undone = _retraction(ctx, cause_id)
            if undone is not None:
                word_id, session_id = word_id or undone[0], session_id or undone[1]
    # A WordCreated starts its word's stream: there is no row to look up (an import of
    # 50,000 words would otherwise ask the database 50,000 times for nothing).
    known = word_id is not None and not isinstance(data, ev.WordCreated)
    word = ctx.get("rm_words", word_id) if known else None
    word_text = word["text"] if word is not None else getattr(data, "text", None)
    note = None
    if isinstance(data, ev.WordUpdated) and word is not None:
        note = to_json({"before": {k: _field(word, k) for k in data.changes if k in WORD_FIELDS}}).decode()
    day = ctx.day_of(event)
    position = event.position or 0
    cache = tables[TIMELINE]
    cache.put({
        "position": position, "at": event.metadata.timestamp, "day": day,
        "event_type": event.event_type, "word_id": word_id, "session_id": session_id,
        "cause_id": cause_id, "subject_id": subject_id, "word_text": word_text, "note": note,
    })
    _count_day(ctx, day, position)
    if ctx.cache.spill and len(cache.dirty) >= FLUSH_EVERY:
        cache.flush(ctx.connection)
        cache.rows.clear()


_DERIVED = frozenset({"ProgressUpdated", "StreakUpdated"})


def _retraction(ctx: Context, cause_id: Any) -> tuple[Any, Any] | None:
    """(word, session) of the AnswerRetracted `cause_id` names, if it is one: the schedule change an
    undo causes belongs to its session too (the session's timeline left it out). Read from the log by
    id, wherever the undo sits in it: a sync may bring the two in different pages."""
    if cause_id in ctx.undone:  # recorded just before, in this replay or command
        return ctx.undone[cause_id]
    row = ctx.connection.execute(
        sa.select(events.c.event_data).where(events.c.event_id == cause_id,
                                             events.c.event_type == "AnswerRetracted")).first()
    if row is None or not row[0]:
        return None
    data = row[0] if isinstance(row[0], dict) else from_json(row[0])
    return UUID(data["word_id"]), UUID(data["session_id"])


def _field(word: dict[str, Any], name: str) -> Any:
    if name == "tags":
        return from_json(word["tags"])
    return word[name]


def _count_day(ctx: Context, day: str, position: int) -> None:
    row = ctx.get(TIMELINE_DAYS, day)
    if row is None:
        row = {"day": day, "events": 0, "first_position": position, "last_position": position}
    ctx.put(TIMELINE_DAYS, {
        "day": day, "events": row["events"] + 1,
        "first_position": min(row["first_position"], position),
        "last_position": max(row["last_position"], position),
    })
