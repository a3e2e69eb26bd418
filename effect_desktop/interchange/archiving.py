"""How far and when a profile's old events may be compacted.

Compaction (persistence/archive.py) must never touch events a sync may
still push or move: those are read with their raw JSON columns by the sync,
and re-sequenced by position. So on a profile that syncs, only events the
server already has (`all_known_upto`) are compacted. The same limit and the
age threshold serve the CLI (`effect-desktop compact`) and a background run
at an idle moment (`compact_if_worthwhile`).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from ..bootstrap import Profile
from ..domain.aggregates import AGGREGATE_CLASSES
from ..persistence.archive import SEGMENT, CompactReport, closed_segments, compact, legacy_segments, vacuum
from ..persistence.errors import DiskFull
from ..persistence.schema import events as events_table
from ..persistence.schema import snapshots

DEFAULT_AGE_DAYS = 180
SNAPSHOTS_PER_TRANSACTION = 500
MARGIN = 64 * 1024 * 1024  # left free after a compaction: the next answers, today's backup's check
SYNC_STATE_TABLE = "sync_state"


@dataclass(frozen=True)
class Compaction:
    report: CompactReport
    size_before: int
    size_after: int
    unshrunk_for_room: bool = False  # asked to shrink the file, but the disk had no room for its copy


def sync_limit(profile: Profile) -> int | None:
    """The last position the sync server is known to hold, or None for a profile that has never synced."""
    from ..sync import local_state  # only profiles with sync tables get here

    with profile.store.reading() as connection:
        if not connection.dialect.has_table(connection, SYNC_STATE_TABLE):
            return None
        if local_state.get(connection, local_state.SERVER_KEY) is None:
            return None
        return int(local_state.get(connection, local_state.ALL_KNOWN_UPTO) or 0)


def compact_profile(profile: Profile, older_than_days: int = DEFAULT_AGE_DAYS, shrink: bool = True,
                    now: datetime | None = None, segment: int = SEGMENT,
                    progress: Callable[[str, int, int], None] | None = None,
                    stop: Callable[[], bool] | None = None) -> Compaction:
    """`progress` hears (phase, done, total): on a five-year history this takes most of a minute.
    Once `stop()` says so, it ends before the next segment (each segment is its own transaction)."""
    now = now or datetime.now(UTC)
    say = progress or (lambda _phase, _done, _total: None)
    before = profile.path.stat().st_size
    limit = sync_limit(profile)
    waiting = closed_segments(profile.store, now - timedelta(days=older_than_days), segment, upto_position=limit)
    if waiting:
        free, needed = room(profile, segment)
        if free < needed:  # refused before anything is written: it filled the disk, then said "nothing was written"
            raise DiskFull(f"Compacting needs about {needed // 1_000_000:,} MB free on the disk holding "
                           f"{profile.path} (for the snapshots and each segment on its way into the archive); it "
                           f"has {free // 1_000_000:,} MB. Nothing was changed. Free some space and try again.",
                           str(profile.path), "not enough free space")
        if shrink and free < needed + 2 * before:  # VACUUM copies the whole file (and logs it) first
            done = _compact(profile, older_than_days, False, now, segment, limit, waiting, say, stop, before)
            return Compaction(done.report, done.size_before, done.size_after, unshrunk_for_room=True)
    try:
        return _compact(profile, older_than_days, shrink, now, segment, limit, waiting, say, stop, before)
    except DiskFull as error:
        raise DiskFull(f"The disk holding {profile.path} filled while compacting ({error.reason}). What was "
                       "archived before stays and reads as before; nothing is lost. Free some space: the next "
                       "compaction goes on from there.", error.where, error.reason) from error


def room(profile: Profile, segment: int = SEGMENT) -> tuple[int, int]:
    """(bytes free beside the profile, bytes compacting needs there without shrinking the file): a
    margin, and twice a segment's worth of events (its archive copy, and the pages its removal logs)."""
    free = shutil.disk_usage(profile.path.parent).free
    per_event = profile.path.stat().st_size / max(profile.store.count(), 1)
    return free, MARGIN + int(2 * segment * per_event)


def _compact(profile: Profile, older_than_days: int, shrink: bool, now: datetime, segment: int, limit: int | None,
             waiting: list[int], say: Callable[[str, int, int], None], stop: Callable[[], bool] | None,
             before: int) -> Compaction:
    if waiting and not (stop is not None and stop()):
        say("snapshotting the words and sessions in them", 0, 0)
        snapshot_streams_in(profile, waiting[0], waiting[-1] + segment - 1, stop)

    def archiving(started: int, total: int) -> bool:  # called before each segment
        if stop is not None and stop():
            return False
        say("archiving segments", started + 1, total)
        return True

    report = compact(profile.store, now - timedelta(days=older_than_days), now, segment,
                     progress=archiving, upto_position=limit)
    if report.segments and shrink:
        say("shrinking the file", 0, 0)
        vacuum(profile.store)
    return Compaction(report, before, profile.path.stat().st_size)


def snapshot_streams_in(profile: Profile, first: int, last: int, stop: Callable[[], bool] | None = None) -> int:
    """Snapshot, at its current version, every stream with events in positions first..last that has
    no snapshot there yet: what is archived is then never read to load an aggregate. Without it,
    each answer on a five-year profile loaded its word's progress from a hundred compressed segments
    (100-475 ms an answer instead of 15). Returns how many snapshots were written."""
    e = events_table.c
    with profile.store.reading() as connection:
        streams = connection.execute(
            sa.select(e.aggregate_id, e.aggregate_type, sa.func.max(e.version))
            .where(e.position.between(first, last)).group_by(e.aggregate_id, e.aggregate_type)).all()
        snapped = dict(connection.execute(sa.select(snapshots.c.aggregate_id, snapshots.c.version)).all())
    repository = profile.service.repository
    written = 0
    for start in range(0, len(streams), SNAPSHOTS_PER_TRANSACTION):  # short write locks, few commits
        if stop is not None and stop():  # the window closing: 12 s on a five-year profile's first compaction
            break
        chosen = []
        for aggregate_id, aggregate_type, version in streams[start:start + SNAPSHOTS_PER_TRANSACTION]:
            cls = AGGREGATE_CLASSES.get(aggregate_type)
            if cls is not None and (snapped.get(aggregate_id) or 0) < version:
                chosen.append(repository.load(cls, aggregate_id))
        if chosen:
            with profile.store.transaction():
                for aggregate in chosen:
                    repository.snapshot(aggregate)
            written += len(chosen)
    return written


def compact_if_worthwhile(profile: Profile, older_than_days: int = DEFAULT_AGE_DAYS, min_segments: int = 1,
                          now: datetime | None = None, stop: Callable[[], bool] | None = None) -> Compaction | None:
    """For an idle moment (the GUI's background maintenance): compact when closed segments wait.

    Does not VACUUM (that rewrites the whole file); the freed pages are reused by new events.
    `stop()` is asked before each segment (each its own transaction): the window closing ends it
    there, and the next upkeep goes on with the rest."""
    now = now or datetime.now(UTC)
    waiting = closed_segments(profile.store, now - timedelta(days=older_than_days), upto_position=sync_limit(profile))
    if len(waiting) < min_segments and not legacy_segments(profile.store):
        return None
    free, needed = room(profile)
    if waiting and free < needed:  # work nobody asked for must not take the room the next answers need
        return None
    return compact_profile(profile, older_than_days, shrink=False, now=now, stop=stop)
