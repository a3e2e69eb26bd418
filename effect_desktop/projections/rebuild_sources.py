"""Where a table rebuild (sqlite_rebuild.py) reads the log from.

Usually one source: the `events` table. Archived events (persistence/archive.py)
have their JSON in compressed segments, each an SQLite database image; those
are read in place, one after the other: a segment is decompressed in a second
thread (zstd lets go of the interpreter) while SQLite reads the previous one,
swapped into the connection's attached `SEGMENT_SCHEMA`, and the rebuild's
extraction statements run over it before the next one replaces it. Nothing
is restored into a work table: copying a million events' JSON into one cost
more than the rest of a compacted rebuild's overhead together.

The sources come in position order (the archive's run of segments from the
first event, then the events after it), so what the statements append is in
log order, as a single scan would give it.

Anything else (segments written by earlier builds, segments not in that run,
events stored under an older schema version) is restored into a temporary
table first, as current JSON, and read as one source: rare, and slower.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from ..persistence.archive import CODEC, SEGMENT_SCHEMA, SEGMENT_TABLE, ArchiveDamaged, Unpacked, empty_image
from ..persistence.archive import archive as archive_table
from ..persistence.schema import events as events_table
from ..persistence.sql_store import SqlEventStore
from ..persistence.sqlite_read import SqliteLogReader

LOG_COLUMNS = ", ".join(SqliteLogReader.COLUMNS)  # the events table's, in its order
_EVENTS = f"main.{events_table.name}"
_SEGMENT = f"{SEGMENT_SCHEMA}.{SEGMENT_TABLE}"
_FROM_SEGMENT = {"position": "s.position", "event_type": "s.event_type", "schema_version": "s.schema_version",
                 "event_data": "s.event_data", "metadata": "s.metadata"}


@dataclass(frozen=True)
class Source:
    """SQL naming one part of the log (the statements alias `rows` as s)."""

    rows: str  # FROM-able with at least position, event_type, schema_version, event_data, metadata
    event_id: str  # the row's event_id, over s
    full: str  # FROM-able with every column of the log (LOG_COLUMNS)


def _table(where: str = "") -> Source:
    rows = f"(SELECT * FROM {_EVENTS} WHERE {where})" if where else _EVENTS
    return Source(rows=rows, event_id="s.event_id", full=rows)


_IN_SEGMENT = Source(
    rows=_SEGMENT,
    event_id=f"(SELECT e.event_id FROM {_EVENTS} AS e WHERE e.position = s.position)",
    full=(f"(SELECT {', '.join(_FROM_SEGMENT.get(c, f'e.{c}') for c in SqliteLogReader.COLUMNS)} "
          f"FROM {_SEGMENT} AS s JOIN {_EVENTS} AS e ON e.position = s.position)"))

Run = Callable[[str, Any], sqlite3.Cursor]  # the rebuild's statement runner


class LogSources:
    def __init__(self, driver: sqlite3.Connection, store: SqlEventStore, run: Run) -> None:
        self.driver = driver
        self.store = store
        self.run = run

    def sources(self, stale: list[tuple[str, int]]) -> Generator[tuple[int, int, Source]]:
        """The log, part by part in position order, each as (index, how many parts, source);
        `stale` are the (type, schema version) pairs stored under an older version (restored
        through the upcasters)."""
        segments = self.run(f"SELECT first_position, last_position, codec FROM {archive_table.name} "
                            "ORDER BY first_position", ()).fetchall()
        if not segments and not stale:
            yield 0, 1, _table()
            return
        prefix = 0
        for first, last, _codec in segments:
            if first != prefix + 1:
                break
            prefix = last
        if not stale and all(codec == CODEC and last <= prefix for _, last, codec in segments):
            parts = len(segments) + 1
            for index, source in enumerate(self._segments([first for first, _, _ in segments])):
                yield index, parts, source
            yield parts - 1, parts, _table(f"position > {int(prefix)}")  # int(): never a value spliced in
            return
        self._restore([first for first, _, _ in segments], stale)
        yield 0, 1, Source(rows="ed_log", event_id="s.event_id", full="ed_log")

    # --- segments read in place ------------------------------------------------------------------
    def _segments(self, firsts: list[int]) -> Iterator[Source]:
        for unpacked in self._unpacked(firsts):
            assert unpacked.database is not None  # CODEC segments only (see sources)
            self.driver.deserialize(unpacked.database, name=SEGMENT_SCHEMA)
            self._check(unpacked)
            yield _IN_SEGMENT
        self.driver.deserialize(empty_image(), name=SEGMENT_SCHEMA)  # the last image's memory back

    def _unpacked(self, firsts: list[int]) -> Iterator[Unpacked]:
        """Each segment decompressed, the next two already on their way in a second thread."""
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="rebuild-unpack") as unpacker:
            upcoming: list[Future[Unpacked]] = [unpacker.submit(self.store.archive.unpack, f) for f in firsts[:2]]
            for index in range(len(firsts)):
                unpacked = upcoming.pop(0).result()
                if index + 2 < len(firsts):
                    upcoming.append(unpacker.submit(self.store.archive.unpack, firsts[index + 2]))
                yield unpacked

    def _check(self, unpacked: Unpacked) -> None:
        """The image is a segment holding exactly its positions (else the archive is damaged)."""
        try:
            count, low, high = self.driver.execute(
                f"SELECT count(*), min(position), max(position) FROM {_SEGMENT}").fetchone()
        except sqlite3.DatabaseError as error:
            # not left attached: statements after it on the connection (the rebuild putting its settings back)
            # failed with the same error
            self.driver.deserialize(empty_image(), name=SEGMENT_SCHEMA)
            raise ArchiveDamaged(f"archive segment {unpacked.first} is damaged ({error}); restore a backup") from error
        if (count, low, high) != (unpacked.last - unpacked.first + 1, unpacked.first, unpacked.last):
            raise ArchiveDamaged(f"archive segment {unpacked.first} holds {count} events, not "
                                 f"{unpacked.last - unpacked.first + 1}; restore a backup")

    # --- everything else: restored into one work table -------------------------------------------
    def _restore(self, firsts: list[int], stale: list[tuple[str, int]]) -> None:
        keyed = LOG_COLUMNS.replace("position", "position INTEGER PRIMARY KEY", 1)
        self.run(f"CREATE TEMP TABLE ed_restored ({keyed})", ())
        from_segment = (f"INSERT INTO ed_restored SELECT {LOG_COLUMNS} FROM {_IN_SEGMENT.full}")
        for unpacked in self._unpacked(firsts):
            if unpacked.database is not None:
                self.driver.deserialize(unpacked.database, name=SEGMENT_SCHEMA)
                self._check(unpacked)
                self.run(from_segment, ())
            else:  # a segment of an earlier build: its text rows, one by one
                self._insert_restored([(data, metadata, None, unpacked.first + n)
                                       for n, (data, metadata) in enumerate(unpacked.rows or ())])
        if firsts:
            self.driver.deserialize(empty_image(), name=SEGMENT_SCHEMA)
            self.run("CREATE INDEX temp.ed_restored_type ON ed_restored (event_type)", ())
        for event_type, version in stale:
            self._upcast(event_type, version)
        self.run(f"CREATE TEMP VIEW ed_log AS SELECT {LOG_COLUMNS} FROM {_EVENTS} AS e "
                 "WHERE NOT EXISTS (SELECT 1 FROM ed_restored AS r WHERE r.position = e.position) "
                 f"UNION ALL SELECT {LOG_COLUMNS} FROM ed_restored", ())

    def _insert_restored(self, rows: list[tuple[str, str, int | None, int]]) -> None:
        """(event_data, metadata, schema_version or None to keep the stored one, position) rows."""
        columns = ", ".join({"event_data": "?", "metadata": "?", "schema_version": "coalesce(?, schema_version)"}
                            .get(c, c) for c in SqliteLogReader.COLUMNS)
        self.driver.executemany(f"INSERT OR REPLACE INTO ed_restored SELECT {columns} FROM {_EVENTS} "
                                "WHERE position = ?", rows)

    def _upcast(self, event_type: str, version: int) -> None:
        """Rows stored under an older schema version, as their current JSON (through the registry's
        upcasters), into ed_restored."""
        rows = self.run(f"SELECT e.position, coalesce(r.event_data, e.event_data), "
                        f"coalesce(r.metadata, e.metadata) FROM {_EVENTS} AS e "
                        "LEFT JOIN ed_restored AS r ON r.position = e.position "
                        "WHERE e.event_type = ? AND e.schema_version = ?", (event_type, version)).fetchall()
        load, current = self.store.registry.load, self.store.registry.current_version(event_type)
        self._insert_restored([(load(event_type, data, version).model_dump_json(), metadata, current, position)
                               for position, data, metadata in rows])
