"""Checkpoints of the past: the travel read models every few thousand events.

Time travel to any moment must not replay a million events, so this keeps,
in a side table of the profile, the rows of the small read models (words,
progress, daily statistics, streak, and the statistics screen's per-word and
per-facet totals) as they were after
every `EVERY` events: a full copy every `BASE_EVERY` events and, in
between, only the rows that changed. The state at a moment is then the
nearest checkpoint before it plus a replay of at most `EVERY` events.

Checkpoints are a local cache, never synced: they are rebuilt from the
events whenever their format (the projection code that made them) changes,
and a damaged one is dropped, never trusted.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from uuid import UUID, SafeUUID

import sqlalchemy as sa

from ..gc_pause import without_gc
from ..persistence.schema import local_metadata
from ..persistence.sql_store import SqlEventStore
from ..persistence.types import UTCDateTime
from ..projections import handlers
from ..projections.upgrade import PROJECTION_VERSION
from .asof_cache import TRAVEL_TABLES, AsOfCache
from .scheduler_choice import DEFAULT_SCHEDULER, selected_scheduler

EVERY = 500
BASE_EVERY = 25_000
PAGE = 2_500
REMEMBERED_BASES = 2
_ANSWERS = frozenset({"QuestionAnswered", "AnswerRetracted"})

history_checkpoints = sa.Table(
    "timeline_checkpoints",
    local_metadata,
    sa.Column("position", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True,
              autoincrement=False),
    sa.Column("max_at", UTCDateTime(), nullable=False),  # the latest event time up to here
    sa.Column("base", sa.Boolean(), nullable=False),  # a full copy (else: changes since the previous one)
    sa.Column("scheduler", sa.String(16), nullable=False),
    sa.Column("format", sa.String(16), nullable=False),
    sa.Column("data", sa.LargeBinary(), nullable=False),
)

CHECKPOINT_VERSION = "5"  # bump when what a checkpoint holds, or how, changes (TRAVEL_TABLES, encoding)
# 5: sessions completed on two devices count once (projection version 6)
_SOURCES = ("../projections/handlers.py", "../projections/cache.py", "../projections/tables.py",
            "scheduler_choice.py",
            "../domain/scheduling/sm2.py", "../domain/scheduling/fsrs_scheduler.py",
            "../domain/scheduling/studyday.py")


def checkpoint_format(day_start_hour: int) -> str:
    """A fingerprint of the code that computes the travel read models, and of the study day's
    start hour they were computed under (the learner may move it: the days, streak and due dates
    of every checkpoint then change). The projections' version is in it: the packaged app ships no
    source files, so there the sources below read as nothing, and checkpoints an older version
    wrote were trusted after an update that changed what the handlers compute."""
    digest = hashlib.sha256(f"{CHECKPOINT_VERSION} {PROJECTION_VERSION} {day_start_hour}".encode())
    here = Path(__file__).parent
    for name in _SOURCES:
        path = here / name
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Restored:
    cache: AsOfCache
    scheduler: str
    max_at: datetime | None


Progress = Callable[[int, int], bool]


class Checkpoints:
    def __init__(self, store: SqlEventStore, day_start_hour: int) -> None:
        self.store = store
        self.day_start_hour = day_start_hour
        self.format = checkpoint_format(day_start_hour)
        self._bases: dict[int, dict[str, Any]] = {}
        # Asked with a read first: the Timeline page builds this on the window's thread, and a write took
        # the lock, so opening the page while another program wrote (a rebuild, a sync in a terminal)
        # hung the window for ten seconds. The profile's opening makes the table (bootstrap); only a
        # profile opened before this module was loaded lacks it.
        with store.reading() as connection:
            present = sa.inspect(connection).has_table(history_checkpoints.name)
        if not present:
            with store.transaction() as connection:
                history_checkpoints.create(connection, checkfirst=True)

    # --- restoring ------------------------------------------------------------------------------
    def restore(self, moment: datetime | None = None) -> Restored:
        """The travel state at the latest checkpoint whose events all happened by `moment`."""
        c = history_checkpoints.c
        with self.store.reading() as connection:
            query = sa.select(c.position, c.base).where(c.format == self.format)
            if moment is not None:
                query = query.where(c.max_at <= moment)
            target = connection.execute(query.order_by(c.position.desc()).limit(1)).first()
            if target is None:
                return Restored(AsOfCache(0), DEFAULT_SCHEDULER, None)
            base = connection.execute(
                sa.select(c.position).where(c.format == self.format, c.base.is_(True),
                                            c.position <= target.position)
                .order_by(c.position.desc()).limit(1)).scalar()
            if base is None:
                return Restored(AsOfCache(0), DEFAULT_SCHEDULER, None)
            rows = connection.execute(
                sa.select(c.position, c.base, c.scheduler, c.max_at, c.data)
                .where(c.format == self.format, c.position.between(base, target.position))
                .order_by(c.position)).all()
        try:
            return self._assemble(rows)
        except (pickle.UnpicklingError, zlib.error, EOFError, KeyError, TypeError, ValueError):
            self.clear()  # damaged: never trusted, rebuilt on the next `extend`
            return Restored(AsOfCache(0), DEFAULT_SCHEDULER, None)

    def _assemble(self, rows: Sequence[Any]) -> Restored:
        base = self._base_rows(rows[0].position, rows[0].data)
        cache = AsOfCache(rows[-1].position, base)
        for row in rows[1:]:
            for name, changes in _decode(row.data).items():
                table = cache.tables[name]
                for key, value in changes:
                    table.rows[key] = value
        return Restored(cache, rows[-1].scheduler, rows[-1].max_at)

    def _base_rows(self, position: int, blob: bytes) -> dict[str, Any]:
        """A full checkpoint's rows, decoded once and remembered (a slider visits the same ones)."""
        found = self._bases.pop(position, None)
        if found is None:
            found = _decode(blob)
        self._bases[position] = found
        while len(self._bases) > REMEMBERED_BASES:
            self._bases.pop(next(iter(self._bases)))
        return found

    # --- making ---------------------------------------------------------------------------------
    @without_gc
    def extend(self, progress: Progress | None = None) -> int:
        """Write the checkpoints missing since the last one; returns how many were written.

        Replays only the events past the last checkpoint, into memory; the
        profile's tables are read, never written (besides the checkpoints)."""
        restored = self.restore()
        cache, position = restored.cache, restored.cache.position
        scheduler = selected_scheduler(self.store, self.day_start_hour, up_to=restored.cache.position)
        max_at = restored.max_at
        last = self.store.last_position()
        since_base = self._events_since_base(position)
        since_checkpoint = 0
        has_base = self._has_base()
        pending: list[dict[str, Any]] = []
        written = 0
        while position < last:
            with self.store.reading() as connection:
                page = self.store.read_all(position, PAGE)
                if not page:
                    break
                cache.reviews.preload(connection, {e.event_data.word_id for e in page  # type: ignore[attr-defined]
                                                   if e.event_type in _ANSWERS})
                ctx = handlers.Context(connection, cache, self.day_start_hour, scheduler)
                for event in page:
                    handlers.apply(ctx, event)
                    position = event.position or position
                    stamp = event.metadata.timestamp
                    max_at = stamp if max_at is None else max(max_at, stamp)
                    since_base += 1
                    since_checkpoint += 1
                    if since_checkpoint < EVERY:
                        continue
                    base = since_base >= BASE_EVERY or not has_base
                    data = cache.travel_rows() if base else cache.changed_since_mark()
                    pending.append({"position": position, "max_at": max_at, "base": base,
                                    "scheduler": scheduler.name, "format": self.format, "data": _encode(data)})
                    cache.mark()
                    since_checkpoint = 0
                    if base:
                        has_base, since_base = True, 0
                        cache = ctx.cache = _fresh_answers(cache, position)
                if len(pending) >= 10:
                    written += self._write(pending)
            if progress is not None and progress(position, last) is False:
                return written  # stopped (the window closing): the rest is written next time, not now
        return written + self._write(pending)

    def _has_base(self) -> bool:
        with self.store.reading() as connection:
            return connection.execute(sa.select(history_checkpoints.c.position).where(
                history_checkpoints.c.format == self.format, history_checkpoints.c.base.is_(True))
                .limit(1)).first() is not None

    def _events_since_base(self, position: int) -> int:
        c = history_checkpoints.c
        with self.store.reading() as connection:
            base = connection.execute(sa.select(sa.func.max(c.position)).where(
                c.format == self.format, c.base.is_(True), c.position <= position)).scalar()
        return position - base if base else 0

    def _write(self, pending: list[dict[str, Any]]) -> int:
        if not pending:
            return 0
        with self.store.transaction() as connection:
            connection.execute(sa.insert(history_checkpoints).prefix_with("OR REPLACE"), pending)
        count = len(pending)
        pending.clear()
        return count

    def clear(self) -> None:
        with self.store.transaction() as connection:
            connection.execute(sa.delete(history_checkpoints))

    def drop_stale(self) -> None:
        """Forget checkpoints made by other projection code (they may disagree with it)."""
        with self.store.transaction() as connection:
            connection.execute(sa.delete(history_checkpoints).where(history_checkpoints.c.format != self.format))

    def count(self) -> int:
        with self.store.reading() as connection:
            return int(connection.execute(sa.select(sa.func.count()).select_from(history_checkpoints).where(
                history_checkpoints.c.format == self.format)).scalar() or 0)


def _fresh_answers(cache: AsOfCache, position: int) -> AsOfCache:
    """Drop the answers held in memory; they reload lazily as of `position` (keeps memory flat)."""
    fresh = AsOfCache(position)
    for name in TRAVEL_TABLES:
        fresh.tables[name] = cache.tables[name]
    return fresh


_UNKNOWN = SafeUUID.unknown


def _uuid_from_int(value: int) -> UUID:
    """UUID without UUID.__init__'s checks: unpickling 20,000 ids must take milliseconds."""
    made = object.__new__(UUID)
    object.__setattr__(made, "int", value)
    object.__setattr__(made, "is_safe", _UNKNOWN)
    return made


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        if type(obj) is UUID:
            return _uuid_from_int, (obj.int,)
        return NotImplemented


def _interned(data: Any, seen: dict[UUID, UUID]) -> Any:
    """The same rows with one object per distinct id, so the pickle stores each id once."""
    if isinstance(data, UUID):
        return seen.setdefault(data, data)
    if isinstance(data, dict):
        return {k: _interned(v, seen) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return type(data)(_interned(v, seen) for v in data)
    return data


def _encode(data: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(_interned(data, {}))
    return zlib.compress(buffer.getvalue(), 1)


def _decode(blob: bytes) -> dict[str, Any]:
    decoded = pickle.loads(zlib.decompress(blob))  # noqa: S301 - our own local cache, see the module docstring
    if not isinstance(decoded, dict):
        raise ValueError("not a checkpoint")
    return decoded
