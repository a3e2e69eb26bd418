"""Taking back what a damaged profile still holds after its backup was restored.

A restore brings back the state of the backup (at most a day old, or the
last one before a large import); the answers and edits made since are in the
damaged file, which the restore moved aside. Damage usually hits some pages,
not all, so its events after the backup's last position are read row by row
where a page cannot be read, and each one is appended again, in the log's
order, when it continues its stream in the restored profile exactly (the
next version). Whatever cannot be read, or no longer fits (a stream whose
earlier event was lost; events a sync re-sequenced), is counted and left:
a sync brings back what reached the server. Everything taken back goes in
with its read models in one transaction, so a failure takes back nothing.
"""

from __future__ import annotations

import bisect
import logging
import shutil
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import UUID

from ..bootstrap import Profile, open_profile
from ..domain.events import DomainEvent
from ..persistence.archive import ArchiveDamaged, archive, segment_rows, unpack_payload
from ..persistence.errors import DiskFull, StoreError
from ..persistence.sqlite_read import SqliteLogReader
from ..projections.projector import CHECKPOINT, ProjectionFailed
from ..projections.tables import checkpoints, timeline
from .backups import DAMAGED, Backup, restore_backup

log = logging.getLogger(__name__)
PAGE = 500
OVERLAP = 50  # events before the backup's end compared to tell a foreign log from this one

_SELECT = f"SELECT {', '.join(SqliteLogReader.COLUMNS)} FROM events"


@dataclass
class Salvage:
    recovered: int = 0  # events appended again to the restored profile
    lost: int = 0  # rows that could not be read or decoded, or no longer fit their stream
    end_unreadable: bool = False  # the log's last position could not be read: more may be lost
    foreign: bool = False  # the file's log is not this profile's: nothing was taken from it
    wal_ignored: bool = False  # its write-ahead log belonged to another profile and was left unread
    by_type: dict[str, int] = field(default_factory=dict)  # what was recovered, per event type
    failed: StoreError | ProjectionFailed | None = None  # the take-back itself failed: nothing taken back
    kept: Path | None = None  # where the damaged file stays, when `failed`

    @property
    def answers(self) -> int:
        return self.by_type.get("QuestionAnswered", 0)


def salvage_into(profile: Profile, damaged: Path) -> Salvage:
    """Append to `profile` (just restored from a backup) the events of `damaged` it lacks."""
    report = Salvage()
    after = profile.store.last_position()
    if _continues(profile, damaged, after):
        rows = _readable_rows(damaged, after, report)
    else:
        rows = _without_foreign_wal(profile, damaged, after, report)
    events = _decoded(profile, _with_archived_json(damaged, rows), report)
    known = profile.store.known_event_ids([e.event_id for e in events])
    store = profile.store
    with store.transaction() as connection:
        heads: dict[UUID, int] = {}
        broken: set[UUID] = set()
        stored: list[DomainEvent] = []
        for event in events:
            if event.event_id in known:
                continue
            stream = event.aggregate_id
            if stream not in heads:
                head = store.stream_head(stream)
                heads[stream] = head[0] if head else 0
            if stream in broken or event.version != heads[stream] + 1:
                broken.add(stream)  # a gap: the later events of this stream cannot follow
                report.lost += 1
                continue
            stored.extend(store.append_events(stream, [event], heads[stream]))
            heads[stream] = event.version
            report.by_type[event.event_type] = report.by_type.get(event.event_type, 0) + 1
        if stored:
            profile.projector.apply(connection, stored)
    report.recovered = len(stored)
    return report


def _continues(profile: Profile, damaged: Path, after: int) -> bool:
    """Whether `damaged` carries on this profile's log: its last events up to the backup's end are
    ones the restored profile holds (by id, so a sync's re-sequencing does not matter). A stale
    write-ahead log of another profile beside the file makes SQLite read that profile's pages as
    this one's; its events were appended here, and the profile's own later ones counted as lost.
    When nothing before that point can be read, the file is given the benefit of the doubt."""
    if after == 0:
        return True
    try:
        with closing(sqlite3.connect(f"file:{damaged}?mode=ro", uri=True)) as connection:
            ids = [row[0] for row in connection.execute(
                "SELECT event_id FROM events WHERE position <= ? ORDER BY position DESC LIMIT ?",
                (after, OVERLAP)).fetchall() if isinstance(row[0], bytes) and len(row[0]) == 16]
    except sqlite3.Error:
        return True
    if not ids:
        return True
    return bool(profile.store.known_event_ids([UUID(bytes=raw) for raw in ids]))


def _without_foreign_wal(profile: Profile, damaged: Path, after: int, report: Salvage) -> list[tuple[Any, ...]]:
    """The rows of the damaged file read without the write-ahead log beside it, when that log is what
    made it another profile's (its own pages, checkpointed before, are usually all there)."""
    wal = Path(f"{damaged}-wal")
    if wal.exists():
        with tempfile.TemporaryDirectory(prefix="effect-salvage-") as folder:
            alone = Path(folder) / damaged.name
            try:
                shutil.copyfile(damaged, alone)  # set aside and closed: nothing holds locks on it
                copied = True
            except OSError:
                copied = False
            if copied and _continues(profile, alone, after):
                report.wal_ignored = True
                return _readable_rows(alone, after, report)
    report.foreign = True
    return []


def _readable_rows(damaged: Path, after: int, report: Salvage) -> list[tuple[Any, ...]]:
    """The rows after position `after`, in order: pages at a time, one by one where a page fails or
    gives rows that cannot be right (a scribbled page can yield garbage instead of an error)."""
    try:
        with open(damaged, "rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                return []  # not a profile at all (a file of another program in its place)
        connection = sqlite3.connect(f"file:{damaged}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return []
    rows: list[tuple[Any, ...]] = []
    try:
        top = _last_position(connection)
        report.end_unreadable = top is None
        position = after
        while top is None or position < top:
            try:
                page = connection.execute(f"{_SELECT} WHERE position > ? ORDER BY position LIMIT ?",
                                          (position, PAGE)).fetchall()
            except sqlite3.DatabaseError:
                page = None
            if page is not None and _plausible(page, position, top):
                if not page:
                    if top is not None:  # the log went on (see _last_position): what is not there is lost
                        report.lost += top - position
                    break
                rows.extend(page)
                position = page[-1][0]
                continue
            found = _probe(connection, position, top, report)
            rows.extend(found)
            if top is None and not found:
                break  # nothing readable in a whole page's worth of positions, and no known end
            position += PAGE
    finally:
        connection.close()
    return rows


def _last_position(connection: sqlite3.Connection) -> int | None:
    """Where the log ended: the newest position the events table still gives, or later where the read
    models (in the same transactions) name one: damage to the page of the newest events made the log
    seem to end before them, and they were counted neither taken back nor lost."""
    try:
        value = connection.execute("SELECT max(position) FROM events").fetchone()[0]
    except sqlite3.DatabaseError:
        return None
    if not isinstance(value, int):
        return None
    for witness in (f"SELECT position FROM {checkpoints.name} WHERE name = '{CHECKPOINT}'",
                    f"SELECT max(position) FROM {timeline.name}"):
        try:
            later = connection.execute(witness).fetchone()
        except sqlite3.DatabaseError:
            continue
        if later is not None and isinstance(later[0], int) and later[0] > value:
            value = later[0]
    return value


def _plausible(page: list[tuple[Any, ...]], after: int, top: int | None) -> bool:
    """Rows that can be right, and none missing among them: zeros over part of a page drop its rows
    without an error, and such a page was taken whole, its missing rows counted neither taken back nor
    lost ("7 could not be read" where 10 were gone). A gap sends the page to `_probe`, which reads each
    position and counts what it cannot (a sync's re-sequencing leaves gaps too; near damage, loss is the
    likelier, and the count says "could not be read or placed")."""
    positions = [row[0] for row in page]
    return (all(isinstance(p, int) for p in positions) and positions == sorted(set(positions))
            and (not positions or (positions[0] > after and (top is None or positions[-1] <= top)))
            and (not positions or (positions[0] == after + 1 and positions[-1] - positions[0] == len(positions) - 1)
                 or top is None)
            and all(isinstance(row[1], bytes) and len(row[1]) == 16 for row in page))


def _probe(connection: sqlite3.Connection, after: int, top: int | None,
           report: Salvage) -> list[tuple[Any, ...]]:
    """The next PAGE positions (up to the last) read one at a time; the ones that fail, or give
    nothing, are counted as lost."""
    found = []
    for position in range(after + 1, after + PAGE + 1):
        if top is not None and position > top:
            break
        try:
            row = connection.execute(f"{_SELECT} WHERE position = ?", (position,)).fetchone()
        except sqlite3.DatabaseError:
            row = None
        if row is not None and _plausible([row], position - 1, top):
            found.append(row)
        elif top is not None:  # (without a known end, no count: these may be positions never used)
            # Nothing readable where a page failed: a damaged page hides its rows as often as it
            # errs. (A sync's re-sequencing can leave a gap too; near damage, loss is the likelier.)
            report.lost += 1
    return found


def _with_archived_json(damaged: Path, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The rows with the JSON of compacted events (kept in the damaged file's compressed archive
    segments) put back in place, wherever their segment can still be read. Without it a recovery
    of a compacted profile counted every archived answer as lost, often most of the history."""
    wanted = sorted(row[0] for row in rows if not row[5])
    if not wanted:
        return rows
    found: dict[int, tuple[str, str]] = {}
    try:
        connection = sqlite3.connect(f"file:{damaged}?mode=ro", uri=True)
    except sqlite3.Error:
        return rows
    try:
        try:
            segments = connection.execute(
                f"SELECT first_position, last_position FROM {archive.name} ORDER BY first_position").fetchall()
        except sqlite3.DatabaseError:
            return rows
        for first, last in segments:
            if not isinstance(first, int) or not isinstance(last, int) or first > last:
                continue
            if bisect.bisect_left(wanted, first) == bisect.bisect_right(wanted, last):
                continue  # none of its positions is wanted
            try:
                codec, payload = connection.execute(f"SELECT codec, payload FROM {archive.name} "
                                                    "WHERE first_position = ?", (first,)).fetchone()
                found.update(enumerate(segment_rows(unpack_payload(first, last, codec, payload)), start=first))
            except (sqlite3.DatabaseError, ArchiveDamaged, TypeError):
                continue  # a damaged segment: its events are counted as lost
    finally:
        connection.close()
    columns = SqliteLogReader.COLUMNS
    data, metadata = columns.index("event_data"), columns.index("metadata")

    def restored(row: tuple[Any, ...]) -> tuple[Any, ...]:
        json = found.get(row[0]) if not row[data] else None
        if json is None:
            return row
        filled = list(row)
        filled[data], filled[metadata] = json
        return tuple(filled)

    return [restored(row) for row in rows]


def _decoded(profile: Profile, rows: list[tuple[Any, ...]], report: Salvage) -> list[DomainEvent]:
    events = []
    for row in rows:
        if not row[5]:  # compacted, and its segment could not be read back
            report.lost += 1
            continue
        try:
            events.append(profile.store.envelope_from_row(row))
        except Exception:  # noqa: BLE001 - damaged bytes can fail in any decoder; counted, never fatal
            report.lost += 1
    return events


def restore_taking_back(profile_file: Path, backup: Path) -> tuple[Backup | None, Salvage | None]:
    """`restore_backup`, then, when the profile replaced was damaged, what it still held since the
    backup taken back (as `backup restore` and the offer at start-up do; the window's Backups dialog
    restored alone, and every answer given since the backup stayed in the set-aside file).
    (The state replaced, the take-back or None.)"""
    saved = restore_backup(profile_file, backup)
    if saved is None or saved.reason != DAMAGED:
        return saved, None
    try:  # the backup is in place now: a failure here takes nothing back, and the restore stands
        profile = open_profile(profile_file)
        try:
            return saved, salvage_into(profile, saved.path)
        finally:
            profile.close()
    except (StoreError, ProjectionFailed) as failure:  # not "refused": the backup is restored; said as such
        log.error("taking events back from %s failed: %s", saved.path, failure)
        return saved, Salvage(failed=failure, kept=saved.path)


def failure_reason(failure: Exception) -> str:
    """Why a take-back failed, as a clause: a full disk's own message ends "try again", which here
    would mean restoring again (that takes nothing back: the profile replaced then is the intact backup)."""
    if isinstance(failure, DiskFull):
        return (f"the disk holding {failure.where}, or the computer's temporary folder, is full or failing "
                f"({failure.reason})")
    return str(failure)
