"""How far and when a profile's old events may be compacted.

Compaction (persistence/archive.py) must never touch events a sync may
still push or move: those are read with their raw JSON columns by the sync,
and re-sequenced by position. So on a profile that syncs, only events the
server already has (`all_known_upto`) are compacted. The same limit and the
age threshold serve the CLI (`effect-desktop compact`) and a background run
at an idle moment (`compact_if_worthwhile`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ..bootstrap import Profile
from ..persistence.archive import CompactReport, closed_segments, compact, legacy_segments, vacuum

DEFAULT_AGE_DAYS = 180
SYNC_STATE_TABLE = "sync_state"


@dataclass(frozen=True)
class Compaction:
    report: CompactReport
    size_before: int
    size_after: int


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
                    now: datetime | None = None) -> Compaction:
    now = now or datetime.now(UTC)
    before = profile.path.stat().st_size
    report = compact(profile.store, now - timedelta(days=older_than_days), now, upto_position=sync_limit(profile))
    if report.segments and shrink:
        vacuum(profile.store)
    return Compaction(report, before, profile.path.stat().st_size)


def compact_if_worthwhile(profile: Profile, older_than_days: int = DEFAULT_AGE_DAYS, min_segments: int = 1,
                          now: datetime | None = None) -> Compaction | None:
    """For an idle moment (the GUI's background maintenance): compact when closed segments wait.

    Does not VACUUM (that rewrites the whole file); the freed pages are reused by new events."""
    now = now or datetime.now(UTC)
    waiting = closed_segments(profile.store, now - timedelta(days=older_than_days), upto_position=sync_limit(profile))
    if len(waiting) < min_segments and not legacy_segments(profile.store):
        return None
    return compact_profile(profile, older_than_days, shrink=False, now=now)
