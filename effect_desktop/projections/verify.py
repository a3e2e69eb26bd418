"""`verify`: does what is stored agree with a fresh replay of the events?

Computes every read model afresh from the events (writing nothing) and
compares each table row by row, checks every stream's versions are
consecutive, and rebuilds each snapshotted aggregate from its events to
compare with the snapshot. The result lists differences a person can read.

On SQLite the fresh read models are the table rebuild's, made beside the
stored ones and compared by SQLite (verify_sqlite.py); elsewhere every event
is replayed through the projection handlers into memory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from pydantic_core import from_json

from ..domain.aggregate import StoredEntry
from ..domain.aggregates import AGGREGATE_CLASSES
from ..domain.errors import DomainError
from ..gc_pause import without_gc
from ..persistence.schema import events as events_table
from ..persistence.schema import snapshots as snapshots_table
from ..persistence.sql_store import SqlEventStore
from ..persistence.sqlite_read import uuid_from_bytes
from . import verify_text
from .cache import ReadModelCache
from .payload_scan import check_stored_payloads
from .projector import REBUILD_PAGE, Projector
from .tables import READ_MODELS
from .verify_sqlite import compare_twins, read_model_twins, rebuild_failure, rebuild_twins

MAX_REPORTED = 20

Progress = Callable[[str, int, int], None]  # (phase, done, total): verify takes minutes on a long history


@dataclass
class VerifyReport:
    events: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, problem: str) -> None:
        self.problems.append(problem)


def verify(projector: Projector, progress: Progress | None = None) -> VerifyReport:
    store = projector.store
    report = VerifyReport()
    say = progress or (lambda _phase, _done, _total: None)
    with store.snapshot() as connection:  # a read: others go on writing meanwhile
        if connection.dialect.name == "sqlite":
            _verify_on_sqlite(projector, connection, report, say)
            return report
        total = store.last_position()
        cache = ReadModelCache(READ_MODELS, assume_empty=True)
        position = 0
        snapshotted = _SnapshotCheck(connection, report)
        say("replaying events", 0, total)
        while True:
            page = store.read_all(position, REBUILD_PAGE)
            if not page:
                break
            snapshotted.follow(page)
            position = projector._run(connection, cache, page) or position
            report.events += len(page)
            say("replaying events", report.events, max(total, report.events))
        checkpoint = projector._get_checkpoint(connection)
        if checkpoint != position:
            report.add(f"read models were applied up to position {checkpoint}, the log ends at {position}")
        for done, table in enumerate(READ_MODELS):
            say("comparing read models", done, len(READ_MODELS))
            _compare_table(connection, table, cache, report)
        say("checking streams and snapshots", 0, 0)
        _check_versions(connection, report)
        snapshotted.compare()
    return report


@without_gc  # a million rows pass through the rebuild's folds (see gc_pause.py)
def _verify_on_sqlite(projector: Projector, connection: sa.Connection, report: VerifyReport,
                      say: Progress) -> None:
    store = projector.store
    report.events = store.count()
    # two passes over the log, each named: under one label the count ran to the end, then again from 0
    say("checking the stored events", 0, report.events)
    check_stored_payloads(connection, store, lambda done: say("checking the stored events", done, report.events))
    with read_model_twins(connection):
        try:
            rebuild_twins(connection, store, projector.day_start_hour, projector.scheduler,
                          lambda done, total: say("replaying events", done, total))
        except Exception as error:
            failure = rebuild_failure(error)
            if failure is error:
                raise
            raise failure from error
        checkpoint, last = projector._get_checkpoint(connection), store.last_position()
        if checkpoint != last:
            report.add(f"read models were applied up to position {checkpoint}, the log ends at {last}")
        for done, table in enumerate(READ_MODELS):
            say("comparing read models", done, len(READ_MODELS))
            compare_twins(connection, table, report.add, MAX_REPORTED)
    say("checking streams and snapshots", 0, 0)
    _check_versions(connection, report)
    _check_snapshots_stored(connection, store, report)


def _compare_table(connection: sa.Connection, table: sa.Table, cache: ReadModelCache,
                   report: VerifyReport) -> None:
    keys = [c.name for c in table.primary_key.columns]
    stored = {tuple(r._mapping[k] for k in keys): dict(r._mapping)
              for r in connection.execute(sa.select(table))}
    expected = {k: v for k, v in cache[table.name].rows.items() if v is not None}
    shown = 0
    for key in sorted(set(stored) | set(expected), key=repr):
        a, b = stored.get(key), expected.get(key)
        if a == b or (a is not None and b is not None and _same(a, b)):
            continue
        shown += 1
        if shown <= MAX_REPORTED:
            if a is None:
                report.add(verify_text.missing(table.name, key, b))
            elif b is None:
                report.add(verify_text.extra(table.name, key))
            else:
                diff = {c: (a.get(c), b.get(c)) for c in b if a.get(c) != b.get(c)}
                report.add(verify_text.differs(table.name, key, diff))
    if shown > MAX_REPORTED:
        report.add(f"{table.name}: {shown - MAX_REPORTED} more differences")


def _same(stored: dict[str, Any], replayed: dict[str, Any]) -> bool:
    return all(stored.get(c) == v or (isinstance(v, bool) and bool(stored.get(c)) == v)
               for c, v in replayed.items())


def _check_versions(connection: sa.Connection, report: VerifyReport) -> None:
    e = events_table.c
    query = (sa.select(e.aggregate_id, sa.func.count(), sa.func.min(e.version), sa.func.max(e.version))
             .group_by(e.aggregate_id)
             .having(sa.or_(sa.func.min(e.version) != 1, sa.func.max(e.version) != sa.func.count())))
    for aggregate_id, count, low, high in connection.execute(query).all()[:MAX_REPORTED]:
        report.add(f"stream {aggregate_id}: {count} events with versions {low}..{high} (a gap)")


class _SnapshotCheck:
    """Each snapshotted aggregate rebuilt from its events during verify's one pass over the log, then
    compared with its snapshot. Loaded stream by stream instead, a compacted profile's 40,000
    snapshots read the archive's segments over and over: about an hour on five years."""

    def __init__(self, connection: sa.Connection, report: VerifyReport) -> None:
        self.report = report
        self.rows: dict[Any, Any] = {}
        self.rebuilt: dict[Any, Any] = {}
        self.broken: set[Any] = set()
        self.early: dict[Any, dict[int, Any]] = {}  # events ahead of their stream's next version
        for row in connection.execute(sa.select(snapshots_table)).all():
            cls = AGGREGATE_CLASSES.get(row.aggregate_type)
            if cls is None:
                report.add(f"snapshot {row.aggregate_id}: unknown aggregate type {row.aggregate_type}")
                continue
            self.rows[row.aggregate_id] = row
            self.rebuilt[row.aggregate_id] = cls(row.aggregate_id)

    def follow(self, page: list[Any]) -> None:
        """The page's events of snapshotted streams, applied in version order (a stream's versions
        may come out of position order after a sync moved a local event behind the server's)."""
        rows, rebuilt, early = self.rows, self.rebuilt, self.early
        for event in page:
            aggregate_id = event.aggregate_id
            row = rows.get(aggregate_id)
            if row is None or event.version > row.version or aggregate_id in self.broken:
                continue
            waiting = early.setdefault(aggregate_id, {})
            waiting[event.version] = (event.version, event.event_id, event.event_data)
            aggregate = rebuilt[aggregate_id]
            try:
                while aggregate.version + 1 in waiting:
                    aggregate.replay([waiting.pop(aggregate.version + 1)])
            except ValueError:  # not a history the aggregate accepts: reported as a difference
                self.broken.add(aggregate_id)
            if not waiting:
                del early[aggregate_id]

    def compare(self) -> None:
        for aggregate_id, row in self.rows.items():
            replayed = self.rebuilt[aggregate_id]
            data = row.snapshot_data if isinstance(row.snapshot_data, dict) else from_json(row.snapshot_data)
            if (aggregate_id in self.broken or aggregate_id in self.early or replayed.version != row.version
                    or replayed.snapshot_state() != data):
                self.report.add(f"snapshot {row.aggregate_type} {row.aggregate_id} at v{row.version} "
                                "differs from its events")


def _check_snapshots_stored(connection: sa.Connection, store: SqlEventStore, report: VerifyReport) -> None:
    """`_SnapshotCheck` over the stored rows of snapshotted streams only, in one pass in position order
    (compacted rows unpacked a page at a time, so each archive segment is read once), each payload
    decoded only as far as its aggregate needs (`Aggregate.replay_stored`)."""
    check = _SnapshotCheck(connection, report)
    if not check.rows:
        return
    waiting: dict[Any, dict[int, StoredEntry]] = {}
    driver: Any = connection.connection.driver_connection
    rows = driver.execute(
        f"SELECT e.position, e.aggregate_id, e.version, e.event_id, e.event_type, e.schema_version, e.event_data "
        f"FROM {events_table.name} AS e JOIN {snapshots_table.name} AS s ON s.aggregate_id = e.aggregate_id "
        "AND e.version <= s.version ORDER BY e.position")
    while page := rows.fetchmany(REBUILD_PAGE):
        archived = store.unarchived_many([(p, t, d, None) for p, _, _, _, t, _, d in page if not d])
        for position, stream, version, event_id, event_type, schema_version, data in page:
            aggregate_id = uuid_from_bytes(stream)
            if aggregate_id in check.broken or aggregate_id not in check.rebuilt:  # (an unknown type: said)
                continue
            ahead = waiting.setdefault(aggregate_id, {})
            ahead[version] = (version, event_id, event_type, schema_version, data or archived[position][0])
            aggregate = check.rebuilt[aggregate_id]
            try:
                while aggregate.version + 1 in ahead:
                    aggregate.replay_stored([ahead.pop(aggregate.version + 1)], store.registry)
            except (ValueError, DomainError):  # not a history the aggregate accepts: a difference
                check.broken.add(aggregate_id)
            if not ahead:
                del waiting[aggregate_id]
    check.early = {aggregate_id: {} for aggregate_id in waiting}  # versions that never came in order
    check.compare()
