"""Reading the timeline: pages newest first, filters that combine, causes and effects.

Every query walks an index of `rm_timeline` in position order and stops after
one page, so the first page costs the same on a hundred events or a million.
Dates become a position range first (from `rm_timeline_days`, exact even when
a sync appended old events late); free text becomes the words whose text or
meaning match, plus the event types whose name matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from pydantic_core import from_json

from ..domain.aggregate import damage_of
from ..domain.text_fold import search_fold
from ..persistence.errors import EventUnreadable
from ..persistence.schema import events
from ..persistence.sql_store import SqlEventStore
from ..persistence.types import UUIDType
from ..projections import tables as t
from .describe import taking_back_matches, types_matching
from .entries import UNDONE_BY, CausalChain, DaySummary, TimelineEntry, TimelineFilter, TimelinePage

PAGE_SIZE = 200
_UNINDEXED_WORD = sa.literal_column("+rm_timeline.word_id", UUIDType())
WORD_LIST_LIMIT = 300  # more matching words than this: test membership while scanning instead
SAME_COMMAND_WINDOW = 500
RUN_CHUNK = 5000
UNPACK_TOGETHER = 500  # a run's archived rows read from the archive this many at a time

_tl = t.timeline
_COLUMNS = (
    _tl.c.position, _tl.c.at, _tl.c.day, _tl.c.event_type, _tl.c.word_id, _tl.c.session_id,
    _tl.c.cause_id, _tl.c.subject_id, _tl.c.word_text, _tl.c.note,
    events.c.event_id, events.c.aggregate_id, events.c.aggregate_type, events.c.version,
    events.c.event_data, events.c.metadata, events.c.event_type.label("stored_type"),
)


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class TimelineQueries:
    def __init__(self, store: SqlEventStore) -> None:
        self.store = store
        self._switches_read: tuple[int, list[Any]] | None = None  # (log's last position, its switches)

    def _all(self, query: sa.Executable) -> Sequence[Any]:
        with self.store.reading() as connection:
            return connection.execute(query).all()

    # --- pages ----------------------------------------------------------------------------------
    def page(self, timeline_filter: TimelineFilter | None = None, before: int | None = None,
             limit: int = PAGE_SIZE) -> TimelinePage:
        """Up to `limit` entries older than position `before` (newest first)."""
        query = self._filtered(timeline_filter or TimelineFilter())
        if query is None:
            return TimelinePage([], None)
        if before is not None:
            query = query.where(_tl.c.position < before)
        rows = self._all(query.order_by(_tl.c.position.desc()).limit(limit + 1))
        more = len(rows) > limit
        entries = self._entries(rows[:limit])
        return TimelinePage(entries, entries[-1].position if more and entries else None)

    def run_below(self, timeline_filter: TimelineFilter, before: int, event_type: str,
                  correlation_id: UUID, chunk: int = RUN_CHUNK) -> list[int]:
        """Positions (newest first) of the events just older than `before` that the filter lets
        through and that continue one command's run of `event_type` (its correlation id): how far
        an import of 50,000 words goes, without decoding 50,000 entries. Read in chunks; the
        correlation id comes from SQLite's JSON functions, or from the archive for a compacted event
        (its row keeps no JSON: an archived import was cut into a row per page)."""
        query = self._filtered(timeline_filter)
        if query is None:
            return []
        archived = events.c.event_data == ""
        correlation = sa.case((archived, None), else_=sa.func.json_extract(events.c.metadata, "$.correlation_id"))
        query = query.with_only_columns(_tl.c.position, _tl.c.event_type, correlation, archived, events.c.event_type)
        wanted = str(correlation_id)
        found: list[int] = []
        while True:
            rows = self._all(query.where(_tl.c.position < before).order_by(_tl.c.position.desc()).limit(chunk))
            for start in range(0, len(rows), UNPACK_TOGETHER):
                part = rows[start:start + UNPACK_TOGETHER]
                unpacked = self.store.archive.payloads(
                    [(position, stored) for position, kind, _, is_archived, stored in part
                     if is_archived and kind == event_type]) if any(r[3] for r in part) else {}
                for position, kind, correlation_text, is_archived, _stored in part:
                    if is_archived and kind == event_type:
                        correlation_text = _json(unpacked[position][1]).get("correlation_id")
                    if kind != event_type or correlation_text != wanted:
                        return found
                    found.append(position)
            if len(rows) < chunk:
                return found
            before = found[-1]

    def matching(self, timeline_filter: TimelineFilter, limit: int) -> int:
        """How many events the filter lets through, counted up to `limit` + 1 (a bounded read: "more
        than `limit`" is all a footer needs to say of a million)."""
        query = self._filtered(timeline_filter)
        if query is None:
            return 0
        bounded = query.with_only_columns(_tl.c.position).limit(limit + 1).subquery()
        return int(self._all(sa.select(sa.func.count()).select_from(bounded))[0][0])

    def _filtered(self, f: TimelineFilter) -> sa.Select[Any] | None:
        query = sa.select(*_COLUMNS).select_from(_tl.join(events, events.c.position == _tl.c.position))
        if f.event_types:
            query = query.where(_tl.c.event_type.in_(list(f.event_types)))
        if f.word_id is not None:
            query = query.where(_tl.c.word_id == f.word_id)
        if f.session_id is not None:
            query = query.where(_tl.c.session_id == f.session_id)
        if f.first_day is not None or f.last_day is not None:
            bounds = self._day_bounds(f)
            if bounds is None:
                return None
            query = query.where(_tl.c.position.between(*bounds))
            if f.first_day is not None:
                query = query.where(_tl.c.day >= f.first_day.isoformat())
            if f.last_day is not None:
                query = query.where(_tl.c.day <= f.last_day.isoformat())
        if f.text.strip():
            condition = self._text_condition(f.text)
            if condition is None:
                return None
            query = query.where(condition)
        return query

    def _day_bounds(self, f: TimelineFilter) -> tuple[int, int] | None:
        days = t.timeline_days
        query = sa.select(sa.func.min(days.c.first_position), sa.func.max(days.c.last_position))
        if f.first_day is not None:
            query = query.where(days.c.day >= f.first_day.isoformat())
        if f.last_day is not None:
            query = query.where(days.c.day <= f.last_day.isoformat())
        low, high = self._all(query)[0]
        return None if low is None else (int(low), int(high))

    def _text_condition(self, text: str) -> sa.ColumnElement[bool] | None:
        pattern = f"%{_escape_like(search_fold(text.strip()))}%"
        by_text = sa.select(t.words.c.word_id).where(t.words.c.search_key.like(pattern, escape="\\"))
        # and the words that were called so (the rows say 'appel', then 'apple': a search for either
        # found nothing once the word was renamed): an edit's row keeps the text before it, so the
        # edits (a few among a million events, by the type index) hold every name a word had
        named = _tl.alias("named")  # not correlated with the timeline rows being filtered
        former = (sa.select(named.c.word_id)
                  .where(named.c.event_type == "WordUpdated",
                         named.c.word_text.like(f"%{_escape_like(text.strip())}%", escape="\\")))
        matching = sa.union(by_text, former)
        word_ids = [row[0] for row in self._all(sa.select(matching.subquery()).limit(WORD_LIST_LIMIT + 1))]
        types = types_matching(text)
        conditions: list[sa.ColumnElement[bool]] = []
        if len(word_ids) > WORD_LIST_LIMIT:
            # Many words: walk the timeline newest first and test membership (SQLite's unary + keeps it
            # from gathering every matching word's events through the word index and sorting them all).
            conditions.append(_UNINDEXED_WORD.in_(matching))
        elif word_ids:
            conditions.append(_tl.c.word_id.in_(word_ids))
        if types:
            conditions.append(_tl.c.event_type.in_(types))
        if taking_back_matches(text):
            conditions.append(_taking_back())
        if not conditions:
            return None
        return conditions[0] if len(conditions) == 1 else sa.or_(*conditions)

    # --- single entries and their chain ------------------------------------------------------------
    def entry(self, position: int) -> TimelineEntry | None:
        rows = self._all(self._base().where(_tl.c.position == position))
        return self._entries(rows)[0] if rows else None

    def entry_by_event_id(self, event_id: UUID) -> TimelineEntry | None:
        rows = self._all(self._base().where(events.c.event_id == event_id))
        return self._entries(rows)[0] if rows else None

    def entries_at(self, positions: Sequence[int]) -> list[TimelineEntry]:
        if not positions:
            return []
        rows = self._all(self._base().where(_tl.c.position.in_(list(positions))).order_by(_tl.c.position))
        return self._entries(rows)

    def chain(self, entry: TimelineEntry) -> CausalChain:
        """The event that caused this one, the events it caused, and the rest of its command."""
        cause = self.entry_by_event_id(entry.cause_id) if entry.cause_id is not None else None
        effect_rows = self._all(self._base().where(_tl.c.cause_id == entry.event_id).order_by(_tl.c.position))
        effects = [e for e in self._entries(effect_rows) if e.position != entry.position]
        window = self._all(self._base().where(
            _tl.c.position.between(entry.position - SAME_COMMAND_WINDOW, entry.position + SAME_COMMAND_WINDOW))
            .order_by(_tl.c.position))
        listed = {entry.position} | {e.position for e in effects}  # an effect is not "the same action" again
        same = [e for e in self._entries(window)
                if e.correlation_id == entry.correlation_id and e.position not in listed]
        return CausalChain(cause, effects, same)

    def _base(self) -> sa.Select[Any]:
        return sa.select(*_COLUMNS).select_from(_tl.join(events, events.c.position == _tl.c.position))

    # --- days ----------------------------------------------------------------------------------------
    def day_last_position(self, position: int) -> int | None:
        """The last position of the study day holding the event at `position` (where a list showing
        that day from its end starts)."""
        day = sa.select(_tl.c.day).where(_tl.c.position == position).scalar_subquery()
        rows = self._all(sa.select(t.timeline_days.c.last_position).where(t.timeline_days.c.day == day))
        return int(rows[0][0]) if rows else None

    def days(self) -> list[DaySummary]:
        days = t.timeline_days
        rows = self._all(sa.select(days.c.day, days.c.events).order_by(days.c.day.desc()))
        return [DaySummary(r.day, r.events) for r in rows]

    def span(self) -> tuple[Any, Any] | None:
        """The earliest and latest event time, or None for an empty history. By time, not by the log's
        order: after a sync the last event stored can be an older one from another device, and the
        time-travel slider's end then stopped short of the newest (a day before, on two devices).
        Each end is read among its end study days' rows only (by their position range): three of them,
        as a flight west dates the next events a day or two before the last ones (Tokyo's 2 March
        morning is 1 March evening in New York), and the earliest study day held the latest event."""
        d = t.timeline_days.c
        first_days = self._all(sa.select(d.day, d.first_position, d.last_position).order_by(d.day).limit(3))
        last_days = self._all(sa.select(d.day, d.first_position, d.last_position).order_by(d.day.desc()).limit(3))
        if not first_days:
            return None

        def on(days: Sequence[Any], moment: Any) -> list[Any]:  # `moment` (min or max of `at`) on each of these days
            return [self._all(sa.select(moment).where(_tl.c.position.between(low, high), _tl.c.day == day))[0][0]
                    for day, low, high in days]

        return min(on(first_days, sa.func.min(_tl.c.at))), max(on(last_days, sa.func.max(_tl.c.at)))

    def offset_at(self, moment: datetime) -> int | None:
        """The learner's UTC offset in minutes at `moment`: the one recorded with the latest event at
        or before it (the first event's before the history began); None for an empty history.

        The rows show each event on the clock it happened on, so a moment is typed and shown on that
        clock too (a learner now in Los Angeles typed a time read off a row studied in Tokyo and
        landed 16 hours off). Only the study days around the moment are read, by position range."""
        d = t.timeline_days.c
        latest_day = (moment.astimezone(UTC).date() + timedelta(days=1)).isoformat()
        days = self._all(sa.select(d.day, d.first_position, d.last_position)
                         .where(d.day <= latest_day).order_by(d.day.desc()).limit(4))
        for day, low, high in days:  # a moment's study day is up to two days before its UTC date
            found = self._all(sa.select(_tl.c.position).where(
                _tl.c.position.between(low, high), _tl.c.day == day, _tl.c.at <= moment)
                .order_by(_tl.c.at.desc()).limit(1))
            if found:
                return self._recorded_offset(found[0][0])
        first = self._all(sa.select(d.first_position).order_by(d.day).limit(1))
        return self._recorded_offset(first[0][0]) if first else None

    def _recorded_offset(self, position: int) -> int | None:
        entry = self.entry(position)
        return entry.utc_offset_minutes if entry is not None else None

    def count(self) -> int:
        return int(self._all(sa.select(sa.func.coalesce(sa.func.sum(t.timeline_days.c.events), 0)))[0][0])

    # --- rows -> entries -------------------------------------------------------------------------------
    def _entries(self, rows: Sequence[Any]) -> list[TimelineEntry]:
        if not rows:
            return []
        causes = self._causes({r.cause_id for r in rows if r.cause_id is not None})
        subjects_ids = [r.subject_id for r in rows if r.subject_id is not None]
        subjects: dict[UUID, dict[str, Any]] = {}
        if subjects_ids:
            found = self._all(sa.select(t.answers).where(t.answers.c.event_id.in_(subjects_ids)))
            subjects = {r.event_id: dict(r._mapping) for r in found}
        # compacted rows: their JSON read from the archive together (a segment's 10,000 rows decoded per
        # row took a filtered page of events far apart a second and more on five compacted years)
        stored = self.store.unarchived_many([(r.position, r.stored_type, r.event_data, r.metadata) for r in rows])
        in_force = self._schedulers_in_force([r.position for r in rows if r.event_type == "ProgressUpdated"])
        entries = []
        for r in rows:
            event_data, raw_metadata = stored[r.position]
            metadata = _stored_json(r, raw_metadata)
            correlation = metadata.get("correlation_id")
            entries.append(TimelineEntry(
                position=r.position, event_id=r.event_id, event_type=r.event_type,
                aggregate_id=r.aggregate_id, aggregate_type=r.aggregate_type, version=r.version,
                at=r.at, day=r.day, word_id=r.word_id, session_id=r.session_id,
                word_text=r.word_text, cause_id=r.cause_id,
                correlation_id=UUID(correlation) if correlation else None,
                payload=_stored_json(r, event_data), metadata=metadata,
                note=_json(r.note) if r.note else None,
                cause_type=causes[r.cause_id][0] if r.cause_id in causes else None,
                cause_is_undo=r.cause_id in causes and causes[r.cause_id][1],
                cause_root_type=causes[r.cause_id][2] if r.cause_id in causes else None,
                scheduler=in_force.get(r.position),
                subject=subjects.get(r.subject_id) if r.subject_id is not None else None,
            ))
        return entries

    def _schedulers_in_force(self, positions: list[int]) -> dict[int, str]:
        """The scheduler in force at each of these positions (scheduler_choice.greatest_choice up to
        it): a schedule change says what that scheduler computed, and FSRS keeps no easiness (its
        changes read "EF 2.50")."""
        if not positions:
            return {}
        from .scheduler_choice import DEFAULT_SCHEDULER, event_key  # noqa: PLC0415  (it imports the read models)

        switches = self._switches()
        found: dict[int, str] = {}
        for position in positions:
            before = [e for e in switches if (e.position or 0) <= position]
            found[position] = max(before, key=event_key).event_data.scheduler if before else DEFAULT_SCHEDULER  # type: ignore[attr-defined]
        return found

    def _switches(self) -> list[Any]:
        """Every SchedulerChanged, read again only when the log has grown (one may sit in a compacted
        segment, which a read decompresses: not for every page of the list)."""
        last = self.store.last_position()
        cached = self._switches_read
        if cached is None or cached[0] != last:
            switches = self.store.query_events(event_types=["SchedulerChanged"])
            cached = self._switches_read = (last, sorted(switches, key=lambda e: e.position or 0))
        return cached[1]

    def _causes(self, cause_ids: set[UUID]) -> dict[UUID, tuple[str, bool, str]]:
        """(event type, whether it is an undo, the type of the change its chain starts from) of each
        cause. An undo takes back the change it names, a redo takes back an undo: which one an event
        is depends on how many steps back its chain of such causes goes (edit, undo, redo, undo…),
        however long (one walk in SQL: a cap at 64 steps read every later undo as "Redid"). The chain's
        start tells a word's adding undone and done again (an import) from a deletion's."""
        if not cause_ids:
            return {}
        ids = list(cause_ids)
        here, cause = events.alias("here"), events.alias("cause")
        seed = (sa.select(events.c.event_id.label("start"), events.c.position.label("at"),
                          sa.literal(0).label("steps"))
                .where(events.c.event_id.in_(ids)).cte("walk", recursive=True))
        step = (sa.select(seed.c.start, cause.c.position, seed.c.steps + 1)
                .select_from(seed.join(here, here.c.position == seed.c.at)
                             .join(_tl, _tl.c.position == seed.c.at)
                             .join(cause, cause.c.event_id == _tl.c.cause_id))
                # a cause comes earlier in the log: a hand-edited log naming its own event (or a loop
                # of them) as the cause walked forever, and the timeline froze
                .where(_undoes(here.c.event_type, cause.c.event_type), cause.c.position < seed.c.at))
        walk = seed.union_all(step)
        deepest: dict[UUID, tuple[int, int]] = {}  # start -> (steps, position of the chain's first change)
        for start, steps, at in self._all(sa.select(walk.c.start, walk.c.steps, walk.c.at)):
            if start not in deepest or steps > deepest[start][0]:
                deepest[start] = (steps, at)
        roots = {position for _, position in deepest.values()}
        root_types = dict(self._all(sa.select(events.c.position, events.c.event_type)
                                    .where(events.c.position.in_(list(roots))))) if roots else {}
        kinds = self._all(sa.select(events.c.event_id, events.c.event_type).where(events.c.event_id.in_(ids)))
        causes = {}
        for r in kinds:
            steps, root = deepest.get(r.event_id, (0, None))
            causes[r.event_id] = (r.event_type, steps % 2 == 1, root_types.get(root, r.event_type))
        return causes

def _taking_back() -> sa.ColumnElement[bool]:
    """A word change whose cause is the change it takes back (an undo or a redo)."""
    cause = events.alias("cause")
    return sa.and_(_tl.c.event_type.in_(list(UNDONE_BY)), _tl.c.cause_id.is_not(None),
                   sa.exists().where(cause.c.event_id == _tl.c.cause_id,
                                     _undoes(_tl.c.event_type, cause.c.event_type)))


def _undoes(event_type: sa.ColumnElement[Any], cause_type: sa.ColumnElement[Any]) -> sa.ColumnElement[bool]:
    """SQL: an event of `event_type` takes back a cause of `cause_type` (UNDONE_BY)."""
    return sa.or_(*(sa.and_(event_type == kind, cause_type.in_(undone)) for kind, undone in UNDONE_BY.items()))


def _stored_json(row: Any, value: Any) -> dict[str, Any]:
    """An event's stored JSON, or the damage said as every other reader of the log says it (the event's
    position and a backup to restore): `history WORD` printed the decoder's bare "key must be a string"."""
    try:
        return _json(value)
    except ValueError as error:
        raise EventUnreadable(row.position, row.event_type, f"Invalid JSON: {damage_of(error)}") from None


def _json(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    decoded = from_json(value)
    return decoded if isinstance(decoded, dict) else {}
