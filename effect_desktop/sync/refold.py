"""Putting a stream's read-model row right after its pending events were re-sequenced.

Read models are built so that only the order *within* a stream matters
(answers and schedules are keyed and sorted by answer time, counters add up,
the streak is derived from the study days). A word's fields, though, are "the
last event of the stream wins". When a pull inserts another device's events
into a stream *before* our pending ones (which were already applied), the
stream's order changed under the read model; these functions fold the stream
again, in version order, so every device ends with the row the final stream
order gives. (A session's completion is one such field: two devices may both
complete a session they shared while offline, and the first in stream order is
the one that counts.)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from uuid import UUID

import sqlalchemy as sa
from pydantic_core import from_json

from ..bootstrap import Profile
from ..domain import events as ev
from ..domain.text_fold import tag_key
from ..projections import handlers, statistics_handlers
from ..projections.cache import ReadModelCache
from ..projections.tables import READ_MODELS


def refold_streams(profile: Profile, connection: sa.Connection, streams: Iterable[tuple[UUID, str]]) -> None:
    cache = ReadModelCache(READ_MODELS)
    projector = profile.projector
    ctx = handlers.Context(connection, cache, projector.day_start_hour, projector.scheduler)
    for aggregate_id, aggregate_type in streams:
        if aggregate_type == ev.WORD:
            _refold_word(ctx, profile, aggregate_id)
        elif aggregate_type == ev.STUDY_SESSION:
            _refold_session_end(ctx, profile, aggregate_id)
    cache.flush(connection)


def _refold_word(ctx: handlers.Context, profile: Profile, word_id: UUID) -> None:
    facets_before = statistics_handlers.facets_of(ctx, word_id)
    ctx.answers_follow_words = False  # the intermediate states are not the answers' business
    old = ctx.get("rm_words", word_id)
    if old is not None:
        for tag in from_json(old["tags"]):
            ctx.delete("rm_word_tags", word_id, tag_key(tag))
        ctx.delete("rm_words", word_id)
    for event in profile.store.get_events(word_id):
        data = event.event_data
        if isinstance(data, ev.WordCreated):
            handlers.word_created(ctx, event, data)
            ctx.bump_day(ctx.day_of(event), words_added=-1)  # counted when it was first applied
        elif isinstance(data, ev.WordUpdated):
            handlers.word_updated(ctx, event, data)
        elif isinstance(data, ev.WordDeleted | ev.WordRestored):
            handlers.word_deleted_or_restored(ctx, event, data)
    ctx.answers_follow_words = True
    statistics_handlers.move_answers(ctx, word_id, facets_before, statistics_handlers.facets_of(ctx, word_id))


def _refold_session_end(ctx: handlers.Context, profile: Profile, session_id: UUID) -> None:
    """The session's completion is its stream's first `SessionCompleted`, counted once in its day's
    totals (handlers.session_completed). The one counted here is the one the row holds (ours, applied
    before the pull put another device's ahead of it): the row and the count move to the first."""
    ends = [e for e in profile.store.get_events(session_id) if isinstance(e.event_data, ev.SessionCompleted)]
    row = ctx.get("rm_sessions", session_id)
    if not ends or row is None:
        return
    first = ends[0]
    held = _utc(row["completed_at"]), row["duration_seconds"]
    counted = next((e for e in ends if (_utc(e.metadata.timestamp), _seconds(e)) == held), None)
    if counted is first:
        return
    if counted is not None:
        ctx.bump_day(ctx.day_of(counted), sessions_completed=-1, study_seconds=-_seconds(counted))
    ctx.bump_day(ctx.day_of(first), sessions_completed=1, study_seconds=_seconds(first))
    ctx.put("rm_sessions", {**row, "completed_at": first.metadata.timestamp, "duration_seconds": _seconds(first)})


def _seconds(event: ev.DomainEvent) -> int:
    data = event.event_data
    assert isinstance(data, ev.SessionCompleted)
    return data.duration_seconds


def _utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
