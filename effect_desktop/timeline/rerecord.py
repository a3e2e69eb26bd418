"""Recording the timeline again from a log position on, after a sync reordered the log there.

A sync that re-sequences our pending events after another device's takes them
out of the log and appends them again further on (sync/merge.py). Their
timeline rows were recorded at their old positions, and the rows recorded for
the pulled events saw each word as our pending edits had left it: the word's
text and an edit's "before" fields were those of an order the log no longer
has. A rebuild (and `verify`) would record other rows. So every row from the
first moved position on is recorded again, in the log's new order, against each
word as it stood just before that position.

The words are folded through the projection handlers into a scratch cache that
is never written, so the fields the recorder notes are normalised by the same
code as live updating; only the timeline's two tables are written.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

import sqlalchemy as sa

from ..domain import events as ev
from ..domain.events import DomainEvent
from ..domain.scheduling.base import Scheduler
from ..persistence.sql_store import SqlEventStore
from ..projections import handlers
from ..projections.cache import ReadModelCache
from ..projections.tables import READ_MODELS, timeline, timeline_days
from . import recorder

_WORD_EVENTS = (ev.WordCreated, ev.WordUpdated, ev.WordDeleted, ev.WordRestored)
_DERIVED = ("ProgressUpdated", "StreakUpdated")


def record_again_from(connection: sa.Connection, store: SqlEventStore, day_start_hour: int,
                      scheduler: Scheduler, since: int) -> int:
    """Replace the timeline rows at positions >= `since` by those the log now gives; returns how
    many events were recorded again. Runs inside the caller's transaction."""
    later = list(store.iter_all(since - 1))
    cache = ReadModelCache(READ_MODELS, assume_empty=True)
    for name in ("rm_answers", "rm_timeline_days"):  # read as stored: an answer's word, each day's count
        cache[name].assume_empty = False
    ctx = handlers.Context(connection, cache, day_start_hour, scheduler)
    ctx.answers_follow_words = False
    for word_id in _words_named(ctx, later):
        for event in store.get_events(word_id):
            if (event.position or 0) < since:
                _fold_word(ctx, event)
    _forget_rows_from(ctx, connection, since)
    for event in later:
        recorder.record(ctx, event)
        _fold_word(ctx, event)
    cache["rm_timeline"].flush(connection)
    cache["rm_timeline_days"].flush(connection)
    return len(later)


def _words_named(ctx: handlers.Context, events: list[DomainEvent]) -> set[UUID]:
    """The words these events' rows look up: their own, or (progress, streak) their answer's."""
    words: set[UUID] = set()
    for event in events:
        word_id = getattr(event.event_data, "word_id", None)
        if word_id is None and event.event_type in _DERIVED and event.metadata.causation_id is not None:
            answer = ctx.get("rm_answers", event.metadata.causation_id)
            word_id = answer["word_id"] if answer is not None else None
        if word_id is not None:
            words.add(word_id)
    return words


def _fold_word(ctx: handlers.Context, event: DomainEvent) -> None:
    data = event.event_data
    if isinstance(data, _WORD_EVENTS):
        handlers.HANDLERS[event.event_type](ctx, event, data)


def _forget_rows_from(ctx: handlers.Context, connection: sa.Connection, since: int) -> None:
    """Delete the rows from `since` on and take them out of their days' counts. Every such day
    keeps an event at or after `since` (a moved event only moves further on), so recording them
    again sets each day's first and last positions at or after `since` anew."""
    counted = connection.execute(sa.select(timeline.c.day, sa.func.count()).where(timeline.c.position >= since)
                                 .group_by(timeline.c.day)).all()
    for day, removed in counted:
        row: dict[str, Any] | None = ctx.get(timeline_days.name, day)
        if row is None:
            continue
        ctx.put(timeline_days.name, {
            "day": day, "events": row["events"] - removed,
            "first_position": row["first_position"] if row["first_position"] < since else since + 2**62,
            "last_position": row["last_position"] if row["last_position"] < since else 0,
        })
    connection.execute(sa.delete(timeline).where(timeline.c.position >= since))
