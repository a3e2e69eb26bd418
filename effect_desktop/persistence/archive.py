"""Archiving old events: closed segments of the log stored compressed, read back transparently.

The design asks for old events to be compressed and archived. Every row of
the `events` table stays where it is, with all its columns, so the indexes
(by stream, type, time, id) and positions keep working; only the two JSON
documents of a row in a compacted segment move into `event_archive`: one
compressed blob per segment of SEGMENT consecutive positions, and the row
keeps an empty string in their place (a real JSON document is never empty).
`SqlEventStore.to_event` asks `ArchiveReader.payload` for them, which
decompresses a segment once and keeps the last few in memory, so a replay in
position order decompresses each segment exactly once.

A segment is a small SQLite database (one `segment` table: event_type,
position, schema_version, event_data, metadata, keyed by type), serialised and compressed
with zstd. A rebuild reads a whole archive without a Python object per row:
it hands each decompressed image to SQLite as an attached database
(`SEGMENT_SCHEMA`, see sqlite.py) and runs its statements over it, each
reading one type's rows (projections/rebuild_sources.py). Segments written by
earlier builds (`LEGACY_CODEC`, zlib over text lines) are still read.

A segment is closed when its newest event is older than the threshold; new
events are never compressed, so appends and recent reads are unchanged.
Compaction only runs on a local profile (SQLite); after it, VACUUM returns
the freed pages to the file system.
"""

from __future__ import annotations

import bisect
import sqlite3
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
import zstandard

from .errors import StoreError
from .schema import Position, local_metadata
from .schema import events as events_table
from .types import UTCDateTime

if TYPE_CHECKING:
    from .sql_store import SqlEventStore

SEGMENT = 10_000
CODEC = "sqlite-zstd-1"  # zstd over a serialised SQLite database with one table, SEGMENT_TABLE
LEVEL = 9  # as small as zlib -6 was; compaction runs in the background, decompression speed is the same
PAGE_SIZE = 16_384
SEGMENT_TABLE = "segment"
SEGMENT_SCHEMA = "ed_segment"  # the in-memory database every profile connection attaches (sqlite.py)
LEGACY_CODEC = "zlib-1"  # builds before 2026-11-27: zlib over "event_data \x1e metadata" lines in order
CACHED_SEGMENTS = 4
_SQLITE_HEADER = b"SQLite format 3\x00"
ARCHIVED = ""  # what an archived row holds in event_data and metadata
_ROW_END, _FIELD_END = "\n", "\x1e"  # legacy lines; never raw inside minified JSON (control characters are escaped)

archive = sa.Table(
    "event_archive",
    local_metadata,
    sa.Column("first_position", Position, primary_key=True),
    sa.Column("last_position", Position, nullable=False),
    sa.Column("codec", sa.String(16), nullable=False),
    sa.Column("raw_bytes", sa.BigInteger(), nullable=False),
    sa.Column("payload", sa.LargeBinary(), nullable=False),
    sa.Column("archived_at", UTCDateTime(), nullable=False),
)


class ArchiveDamaged(StoreError):
    """An archived event cannot be read back; the profile should be restored from a backup."""


Rows = list[tuple[str, str]]  # (event_data, metadata) JSON text of a segment's positions, in order


@dataclass
class Unpacked:
    """A segment decompressed for a bulk reader: an SQLite database image, or (legacy) its rows."""

    first: int
    last: int
    database: bytes | None = None
    rows: Rows | None = None


def unpack_payload(first: int, last: int, codec: str, payload: bytes) -> Unpacked:
    """A stored segment (its row of `event_archive`, from this profile or a damaged copy) decompressed."""
    if codec not in (CODEC, LEGACY_CODEC):
        raise ArchiveDamaged(f"archive segment {first} is in an unknown format ({codec})")
    try:
        if codec == LEGACY_CODEC:
            lines = zlib.decompress(payload).decode().split(_ROW_END)
            rows: Rows = [tuple(line.split(_FIELD_END, 1)) for line in lines]  # type: ignore[misc]
            if len(rows) != last - first + 1 or any(len(r) != 2 for r in rows):
                raise ValueError(f"it holds {len(rows)} events, not {last - first + 1}")
            return Unpacked(first, last, rows=rows)
        database = zstandard.ZstdDecompressor().decompress(payload)
        if not database.startswith(_SQLITE_HEADER):
            raise ValueError("it is not an SQLite database image")
        return Unpacked(first, last, database=database)
    except (zlib.error, zstandard.ZstdError, UnicodeDecodeError, ValueError) as error:
        raise _damaged(first, error) from error


def segment_rows(unpacked: Unpacked) -> Rows:
    """(event_data, metadata) of each position of an unpacked segment, in order."""
    if unpacked.rows is not None:
        return unpacked.rows
    assert unpacked.database is not None
    db = sqlite3.connect(":memory:")
    try:
        db.deserialize(unpacked.database)
        found = db.execute(f"SELECT position, event_data, metadata FROM {SEGMENT_TABLE} "
                           "ORDER BY position").fetchall()
    except sqlite3.Error as error:
        raise _damaged(unpacked.first, error) from error
    finally:
        db.close()
    expected = range(unpacked.first, unpacked.last + 1)
    if len(found) != len(expected) or any(r[0] != p for r, p in zip(found, expected, strict=False)):
        raise _damaged(unpacked.first, ValueError(f"it holds {len(found)} events, not {len(expected)}"))
    return [(data, metadata) for _, data, metadata in found]


class ArchiveReader:
    """The JSON of archived rows, by position; thread-safe, with a small cache of decoded segments."""

    def __init__(self, store: SqlEventStore) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._firsts: list[int] | None = None
        self._lasts: list[int] = []
        self._decoded: OrderedDict[int, Rows] = OrderedDict()

    def payload(self, position: int) -> tuple[str, str]:
        """(event_data, metadata) JSON text of the archived event at `position`."""
        with self._lock:
            first = self._segment_of(position)
            rows = self._decoded.get(first)
            if rows is None:
                rows = segment_rows(self.unpack(first))
                self._decoded[first] = rows
                if len(self._decoded) > CACHED_SEGMENTS:
                    self._decoded.popitem(last=False)
            else:
                self._decoded.move_to_end(first)
        return rows[position - first]

    def payloads(self, wanted: Iterable[tuple[int, str]]) -> dict[int, tuple[str, str]]:
        """(event_data, metadata) JSON text of archived events, by position, given each one's
        (position, stored event type): for a reader that wants a few events here and there (a page of
        the timeline a filter thins out). Each segment touched is decompressed once and only the
        wanted rows are read out of it, by its key; `payload` turns a whole segment's 10,000 rows into
        Python objects for one event, which suits a reader going through every position in order but
        cost a filtered timeline page 15-25 ms per event (a page of word edits over five compacted
        years: about a second). Thread-safe; segments already decoded for `payload` are used as they are."""
        by_segment: dict[int, list[tuple[int, str]]] = {}
        with self._lock:
            for position, event_type in wanted:
                by_segment.setdefault(self._segment_of(position), []).append((position, event_type))
            decoded = {first: self._decoded.get(first) for first in by_segment}
        found: dict[int, tuple[str, str]] = {}
        for first, items in by_segment.items():
            rows = decoded[first]
            unpacked = self.unpack(first) if rows is None else None
            if unpacked is not None and unpacked.database is None:  # a legacy segment: lines, read whole
                rows = segment_rows(unpacked)
            if rows is not None:
                found.update((position, rows[position - first]) for position, _ in items)
            else:
                assert unpacked is not None
                found.update(_rows_by_key(unpacked, items))
        return found

    def unpack(self, first: int) -> Unpacked:
        """The segment starting at `first`, decompressed afresh (not cached): for a reader that walks
        the whole archive once. Safe to call from a second thread."""
        query = sa.select(archive.c.codec, archive.c.payload, archive.c.last_position).where(
            archive.c.first_position == first)
        with self.store.reading() as connection:
            row = connection.execute(query).first()
        if row is None:
            raise ArchiveDamaged(f"archive segment {first} is missing")
        return unpack_payload(first, row.last_position, row.codec, row.payload)

    def forget(self) -> None:
        """Drop what is cached (after a compaction, a restore)."""
        with self._lock:
            self._firsts = None
            self._decoded.clear()

    def _segment_of(self, position: int) -> int:
        for attempt in range(2):
            if self._firsts is None or attempt:
                self._load_index()
            assert self._firsts is not None
            index = bisect.bisect_right(self._firsts, position) - 1
            if index >= 0 and position <= self._lasts[index]:
                return self._firsts[index]
        raise ArchiveDamaged(f"the event at position {position} is marked archived but no archive segment holds "
                             "it; restore the profile from a backup")

    def _load_index(self) -> None:
        query = sa.select(archive.c.first_position, archive.c.last_position).order_by(archive.c.first_position)
        with self.store.reading() as connection:
            rows = connection.execute(query).all()
        self._firsts = [r[0] for r in rows]
        self._lasts = [r[1] for r in rows]


KEYS_PER_QUERY = 500  # bound parameters per statement: well within SQLite's limit


def _rows_by_key(unpacked: Unpacked, items: list[tuple[int, str]]) -> dict[int, tuple[str, str]]:
    """The wanted (position, event type) rows of an unpacked segment, read through its primary key."""
    assert unpacked.database is not None
    by_type: dict[str, list[int]] = {}
    for position, event_type in items:
        by_type.setdefault(event_type, []).append(position)
    found: dict[int, tuple[str, str]] = {}
    db = sqlite3.connect(":memory:")
    try:
        db.deserialize(unpacked.database)
        for event_type, positions in by_type.items():
            for start in range(0, len(positions), KEYS_PER_QUERY):
                chunk = positions[start:start + KEYS_PER_QUERY]
                marks = ", ".join("?" * len(chunk))
                found.update((position, (data, metadata)) for position, data, metadata in db.execute(
                    f"SELECT position, event_data, metadata FROM {SEGMENT_TABLE} "
                    f"WHERE event_type = ? AND position IN ({marks})", (event_type, *chunk)))
    except sqlite3.Error as error:
        raise _damaged(unpacked.first, error) from error
    finally:
        db.close()
    missing = [position for position, _ in items if position not in found]
    if missing:
        raise _damaged(unpacked.first, ValueError(f"it does not hold the event at position {missing[0]}"))
    return found


def _damaged(first: int, error: Exception) -> ArchiveDamaged:
    return ArchiveDamaged(f"archive segment {first} is damaged ({error}); restore a backup")


def empty_image() -> bytes:
    """The smallest SQLite database image: swapped in to give a segment image's memory back."""
    db = sqlite3.connect(":memory:")
    try:
        db.execute("PRAGMA page_size=512")
        db.execute("PRAGMA user_version=0")
        return db.serialize()
    finally:
        db.close()


def pack(rows: list[tuple[str, int, int, str, str]]) -> bytes:
    """A segment's (event_type, position, schema_version, event_data, metadata) rows as CODEC bytes."""
    db = sqlite3.connect(":memory:")
    try:
        db.execute(f"PRAGMA page_size={PAGE_SIZE}")
        db.execute(f"CREATE TABLE {SEGMENT_TABLE} (event_type TEXT NOT NULL, position INTEGER NOT NULL, "
                   "schema_version INTEGER NOT NULL, event_data TEXT NOT NULL, metadata TEXT NOT NULL, "
                   "PRIMARY KEY (event_type, position)) WITHOUT ROWID")
        db.executemany(f"INSERT INTO {SEGMENT_TABLE} VALUES (?, ?, ?, ?, ?)", rows)
        db.commit()
        # with a checksum, as zlib had: a flipped bit is an error on reading, never a different event
        return zstandard.ZstdCompressor(level=LEVEL, write_checksum=True).compress(db.serialize())
    finally:
        db.close()


@dataclass
class CompactReport:
    segments: int = 0
    events: int = 0
    raw_bytes: int = 0
    compressed_bytes: int = 0
    repacked: int = 0  # segments of an earlier build rewritten in the current format

    @property
    def ratio(self) -> float:
        return self.raw_bytes / self.compressed_bytes if self.compressed_bytes else 0.0


def closed_segments(store: SqlEventStore, older_than: datetime, segment: int = SEGMENT,
                    upto_position: int | None = None) -> list[int]:
    """First positions of the whole segments whose events are all older than `older_than` (and at or
    below `upto_position`, if given), not yet archived."""
    e = events_table.c
    with store.reading() as connection:
        first_new = connection.execute(sa.select(sa.func.min(e.position)).where(e.created_at >= older_than)).scalar()
        last = connection.execute(sa.select(sa.func.max(e.position))).scalar() or 0
        done = {r[0] for r in connection.execute(sa.select(archive.c.first_position))}
    limit = (first_new - 1) if first_new is not None else last
    if upto_position is not None:
        limit = min(limit, upto_position)
    return [first for first in range(1, limit - segment + 2, segment) if first not in done]


def compact(store: SqlEventStore, older_than: datetime, now: datetime, segment: int = SEGMENT,
            progress: Callable[[int, int], bool] | None = None, upto_position: int | None = None) -> CompactReport:
    """Archive every closed segment, and rewrite segments of earlier builds in the current format
    (a rebuild reads those through a slower path); one transaction each, so the profile stays usable
    meanwhile."""
    report = CompactReport()
    todo = closed_segments(store, older_than, segment, upto_position)
    legacy = legacy_segments(store)
    steps = len(todo) + len(legacy)
    for done, first in enumerate(todo, start=1):
        if progress is not None and progress(done - 1, steps) is False:
            return _finish(store, report)
        with store.transaction() as connection:
            _archive_segment(connection, first, first + segment - 1, now, report)
    for done, first in enumerate(legacy, start=len(todo) + 1):
        if progress is not None and progress(done - 1, steps) is False:
            break
        _repack(store, first, report)
    return _finish(store, report)


def legacy_segments(store: SqlEventStore) -> list[int]:
    """First positions of the segments written in LEGACY_CODEC."""
    with store.reading() as connection:
        return [first for (first,) in connection.execute(
            sa.select(archive.c.first_position).where(archive.c.codec == LEGACY_CODEC))]


def _finish(store: SqlEventStore, report: CompactReport) -> CompactReport:
    store.archive.forget()
    return report


def _repack(store: SqlEventStore, first: int, report: CompactReport) -> None:
    rows = store.archive.unpack(first).rows or []  # outside the write lock: the segment never changes
    e = events_table.c
    with store.transaction() as connection:
        found = connection.execute(sa.select(archive.c.codec, archive.c.last_position)
                                   .where(archive.c.first_position == first)).first()
        if found is None or found.codec != LEGACY_CODEC:
            return  # repacked meanwhile by another process
        types = {position: (event_type, version) for position, event_type, version in connection.execute(
            sa.select(e.position, e.event_type, e.schema_version)
            .where(e.position.between(first, found.last_position)))}
        if len(types) != len(rows):
            raise ArchiveDamaged(f"archive segment {first} holds {len(rows)} events for {len(types)} positions; "
                                 "restore a backup")
        payload = pack([(types[first + n][0], first + n, types[first + n][1], data, metadata)
                        for n, (data, metadata) in enumerate(rows)])
        connection.execute(archive.update().where(archive.c.first_position == first),
                           {"codec": CODEC, "payload": payload})
    report.repacked += 1


def vacuum(store: SqlEventStore) -> None:
    """Give the pages freed by compaction back to the file system (rewrites the file; takes a while)."""
    raw = store.engine.raw_connection()
    try:
        raw.driver_connection.execute("VACUUM")  # type: ignore[union-attr]
    finally:
        raw.close()


def _archive_segment(connection: sa.Connection, first: int, last: int, now: datetime,
                     report: CompactReport) -> None:
    size = last - first + 1
    e = events_table.c
    rows = connection.execute(sa.select(e.position, e.event_type, e.schema_version, e.event_data, e.metadata)
                              .where(e.position.between(first, last)).order_by(e.position)).all()
    if len(rows) != size or any(not r.event_data or r.position != first + i for i, r in enumerate(rows)):
        return  # a gap or an already archived row: leave this segment as it is
    raw_bytes = sum(len(r.event_data.encode()) + len(r.metadata.encode()) for r in rows)
    payload = pack([(r.event_type, r.position, r.schema_version, r.event_data, r.metadata) for r in rows])
    connection.execute(sa.insert(archive), {"first_position": first, "last_position": last, "codec": CODEC,
                                            "raw_bytes": raw_bytes, "payload": payload, "archived_at": now})
    connection.execute(sa.update(events_table).where(e.position.between(first, last)),
                       {"event_data": ARCHIVED, "metadata": ARCHIVED})
    report.segments += 1
    report.events += len(rows)
    report.raw_bytes += raw_bytes
    report.compressed_bytes += len(payload)
