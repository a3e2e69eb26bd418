"""The event store on SQLAlchemy Core: one implementation for SQLite and PostgreSQL.

A transaction is held per thread, so a command's appends to several streams
and the read-model updates that follow commit together or not at all.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from operator import itemgetter
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from pydantic_core import from_json, to_json
from sqlalchemy.exc import IntegrityError, OperationalError

from ..domain.aggregate import StoredEntry, damage_of
from ..domain.events import DomainEvent, EventMetadata, assemble_envelope, with_positions
from ..domain.registry import EventRegistry
from ..gc_pause import using_a_connection, without_gc
from .archive import ArchiveReader
from .errors import (
    BUSY_MESSAGE,
    BUSY_NOT_SAVED_MESSAGE,
    ConcurrencyError,
    ProfileLocked,
    StoreError,
    disk_full,
    unreadable,
)
from .lock_wait import waits_briefly
from .schema import events as events_table
from .schema import snapshots as snapshots_table
from .sqlite_append import SqliteAppender
from .sqlite_read import SqliteLogReader, utc_from_text, uuid_from_bytes
from .store import AggregateSnapshot

_SELECT_COLUMNS = (
    events_table.c.position,
    events_table.c.event_id,
    events_table.c.aggregate_id,
    events_table.c.aggregate_type,
    events_table.c.event_type,
    events_table.c.event_data,
    events_table.c.metadata,
    events_table.c.created_at,
    events_table.c.version,
    events_table.c.schema_version,
)


def write_failed(error: OperationalError, where: str | None) -> StoreError:
    """The store's error for a write the database refused (the transaction rolled back)."""
    if "locked" in str(error) or "busy" in str(error):
        return ProfileLocked(BUSY_NOT_SAVED_MESSAGE if waits_briefly() else BUSY_MESSAGE)
    full = disk_full(str(error.orig), where)
    return full if full is not None else StoreError(_plain(error, where))


def _plain(error: OperationalError, where: str | None) -> str:
    """What went wrong writing, and what to do, for the failures a user can fix; nothing was
    written in any case (the transaction rolled back)."""
    reason = str(error.orig)
    if "readonly" in reason or "read-only" in reason:
        return (f"The profile {where} cannot be written (it is read-only); nothing was written. Check the "
                "file's permissions, or choose a data folder you can write.")
    full = disk_full(reason, where)
    if full is not None:
        return str(full)
    return f"The event store could not complete the operation: {reason}"


class SqlEventStore:
    def __init__(self, engine: sa.Engine, registry: EventRegistry) -> None:
        self.engine = engine
        self.registry = registry
        self._local = threading.local()
        self.archive = ArchiveReader(self)
        # SQLite: the same SQL without SQLAlchemy's per-call overhead (see sqlite_append.py).
        self._appender = SqliteAppender(engine.dialect) if engine.dialect.name == "sqlite" else None
        self._log_reader = SqliteLogReader() if engine.dialect.name == "sqlite" else None

    # --- transactions ------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sa.Connection]:
        """Join the thread's open transaction, or open one that commits on success."""
        current: sa.Connection | None = getattr(self._local, "connection", None)
        if current is not None:
            yield current
            return
        try:
            with using_a_connection(), self.engine.begin() as connection:
                self._local.connection = connection
                try:
                    yield connection
                finally:
                    self._local.connection = None
        except OperationalError as error:
            raise write_failed(error, self.engine.url.database) from error

    @contextmanager
    def snapshot(self) -> Iterator[sa.Connection]:
        """One read transaction that every read of this thread joins: a consistent view of the whole log
        and read models for a long read (`verify`, minutes on a large profile) while other programs go
        on writing. (It held a write transaction, and an answer in the window waited, then failed.)"""
        current: sa.Connection | None = getattr(self._local, "connection", None)
        if current is not None:
            yield current
            return
        with using_a_connection(), self.engine.connect().execution_options(sqlite_begin="DEFERRED") as connection, \
                connection.begin():
            connection.execute(sa.select(sa.func.count()).select_from(events_table))  # the view starts here
            self._local.connection = connection
            try:
                yield connection
            finally:
                self._local.connection = None

    @contextmanager
    def reading(self) -> Iterator[sa.Connection]:
        current: sa.Connection | None = getattr(self._local, "connection", None)
        if current is not None:
            yield current
            return
        with using_a_connection(), self.engine.connect().execution_options(sqlite_begin="DEFERRED") as connection:
            yield connection

    # --- the design's interface ------------------------------------------------------------
    def append_events(self, aggregate_id: UUID, events: Sequence[DomainEvent],
                      expected_version: int | None) -> list[DomainEvent]:
        if not events:
            return []
        with self.transaction() as connection:
            current = self._current_version(connection, aggregate_id)
            if expected_version is not None and current != expected_version:
                raise ConcurrencyError(
                    f"stream {aggregate_id} is at version {current}, not {expected_version}: "
                    "it changed meanwhile; reload and try again"
                )
            for offset, event in enumerate(events, start=1):
                stream = event.aggregate_id
                if (stream is not aggregate_id and stream != aggregate_id) or event.version != current + offset:
                    raise ConcurrencyError(
                        f"event {event.event_id} does not continue stream {aggregate_id} "
                        f"at version {current + offset}"
                    )
            appender = self._appender
            try:
                if appender is not None and appender.direct:
                    positions = appender.insert_params(connection, appender.event_params(events))
                elif appender is not None:
                    positions = appender.insert(connection, [self._row(event) for event in events])
                else:
                    result = connection.execute(
                        sa.insert(events_table).returning(events_table.c.position,
                                                          sort_by_parameter_order=True),
                        [self._row(event) for event in events],
                    )
                    positions = [row[0] for row in result]
            except IntegrityError as error:
                raise ConcurrencyError(
                    f"stream {aggregate_id}: a concurrent writer took version {current + 1} "
                    "(or the event was already stored)"
                ) from error
        # Each event with its position: the same envelope, copied without pydantic's generic copy.
        return with_positions(events, positions)

    @without_gc  # see read_all
    def get_events(self, aggregate_id: UUID, from_version: int | None = None) -> list[DomainEvent]:
        query = sa.select(*_SELECT_COLUMNS).where(events_table.c.aggregate_id == aggregate_id)
        if from_version is not None:
            query = query.where(events_table.c.version >= from_version)
        with self.reading() as connection:
            rows = connection.execute(query.order_by(events_table.c.version)).all()
        return [self.to_event(row) for row in rows]

    @without_gc  # a thousand payloads kept alive at once: see gc_pause.py
    def stream_stored(self, aggregate_id: UUID, from_version: int | None = None) -> list[StoredEntry]:
        """One stream as stored, for `Aggregate.replay_stored`: (version, event_id bytes, event_type,
        schema_version, payload JSON text) in version order, nothing decoded (the aggregate decodes
        only what it keeps). On SQLite these are the driver's own rows, not a tuple more."""
        with self.reading() as connection:
            return self._stored(connection, aggregate_id, from_version or 0)

    @without_gc  # see stream_stored
    def load_stream(self, aggregate_id: UUID, snapshot_type: str | None
                    ) -> tuple[AggregateSnapshot | None, list[StoredEntry]]:
        """What loading an aggregate reads: the stream's snapshot if it is one of `snapshot_type`
        (None: no snapshot wanted), and the stored events after it (all of them without one), as
        `stream_stored` gives them. Both on one connection: a second one was a tenth of a short
        stream's load. (Outside a transaction they are two reads; a stream only grows and its
        snapshot only moves forward, so the events after the snapshot read are still its tail.)"""
        with self.reading() as connection:
            snapshot = self._snapshot(connection, aggregate_id) if snapshot_type is not None else None
            if snapshot is not None and snapshot.aggregate_type == snapshot_type:
                return snapshot, self._stored(connection, aggregate_id, snapshot.version + 1)
            return None, self._stored(connection, aggregate_id, 0)

    def stream_head(self, aggregate_id: UUID) -> tuple[int, UUID] | None:
        """The stream's last (version, event_id): the repository's check that a kept aggregate is
        current, once per aggregate a command loads (on SQLite straight on the driver)."""
        with self.reading() as connection:
            if self._log_reader is not None:
                head = self._log_reader.stream_head(connection, aggregate_id.bytes)
                return (head[0], uuid_from_bytes(head[1])) if head else None
            c = events_table.c
            row = connection.execute(sa.select(c.version, c.event_id).where(c.aggregate_id == aggregate_id)
                                     .order_by(c.version.desc()).limit(1)).first()
        return (row[0], row[1]) if row else None

    def _stored(self, connection: sa.Connection, aggregate_id: UUID, from_version: int) -> list[StoredEntry]:
        if self._log_reader is not None:
            rows: list[Any] = self._log_reader.stored_rows(connection, aggregate_id.bytes, from_version)
            if all(map(_payload_of, rows)):
                return rows
            positions = self._log_reader.archived_positions(connection, aggregate_id.bytes, from_version)
        else:
            c = events_table.c
            query = (sa.select(c.version, c.event_id, c.event_type, c.schema_version,
                               sa.cast(c.event_data, sa.Text), c.position)
                     .where(c.aggregate_id == aggregate_id, c.version >= from_version)
                     .order_by(c.version))
            found = connection.execute(query).all()
            rows = [(v, e.bytes, t, sv, d) for v, e, t, sv, d, _ in found]
            positions = {v: p for v, _, _, _, d, p in found if not d}
        archived = self.archive.payload  # compacted rows: their JSON is in an archive segment
        return [(v, e, t, sv, d or archived(positions[v])[0]) for v, e, t, sv, d in rows]

    def save_snapshot(self, aggregate_id: UUID, snapshot: AggregateSnapshot) -> None:
        values = {
            "aggregate_type": snapshot.aggregate_type,
            "snapshot_data": to_json(snapshot.snapshot_data).decode(),
            "version": snapshot.version,
            "created_at": snapshot.created_at,
        }
        with self.transaction() as connection:
            updated = connection.execute(
                sa.update(snapshots_table).where(snapshots_table.c.aggregate_id == aggregate_id),
                values,
            ).rowcount
            if not updated:
                connection.execute(sa.insert(snapshots_table), {"aggregate_id": aggregate_id, **values})

    def get_snapshot(self, aggregate_id: UUID) -> AggregateSnapshot | None:
        with self.reading() as connection:
            return self._snapshot(connection, aggregate_id)

    def _snapshot(self, connection: sa.Connection, aggregate_id: UUID) -> AggregateSnapshot | None:
        if self._log_reader is not None:  # every command loads one or two: straight from the driver
            found = self._log_reader.snapshot_row(connection, aggregate_id.bytes)
            if found is None:
                return None
            aggregate_type, data, version, created_at = found
            return AggregateSnapshot.model_construct(  # our own rows: checked when they were saved
                aggregate_id=aggregate_id, aggregate_type=aggregate_type, snapshot_data=from_json(data),
                version=version, created_at=utc_from_text(created_at))
        query = sa.select(snapshots_table).where(snapshots_table.c.aggregate_id == aggregate_id)
        row = connection.execute(query).first()
        if row is None:
            return None
        data = row.snapshot_data
        return AggregateSnapshot(
            aggregate_id=row.aggregate_id,
            aggregate_type=row.aggregate_type,
            snapshot_data=data if isinstance(data, dict) else from_json(data),
            version=row.version,
            created_at=row.created_at,
        )

    # --- the whole log ---------------------------------------------------------------------
    @without_gc  # a page of envelopes alive at once: 3x faster with the collector paused
    def read_all(self, from_position: int = 0, limit: int = 1000) -> list[DomainEvent]:
        if self._log_reader is not None:
            with self.reading() as connection:
                return [self._event_from_raw(row)
                        for row in self._log_reader.rows(connection, from_position, limit)]
        query = (
            sa.select(*_SELECT_COLUMNS)
            .where(events_table.c.position > from_position)
            .order_by(events_table.c.position)
            .limit(limit)
        )
        with self.reading() as connection:
            return [self.to_event(row) for row in connection.execute(query)]

    def iter_all(self, from_position: int = 0, page_size: int = 5000) -> Iterator[DomainEvent]:
        position = from_position
        while True:
            page = self.read_all(position, page_size)
            yield from page
            if len(page) < page_size:
                return
            position = page[-1].position or position

    @without_gc  # see read_all
    def query_events(self, *, aggregate_id: UUID | None = None, event_types: Sequence[str] = (),
                     since: datetime | None = None, until: datetime | None = None,
                     limit: int | None = None) -> list[DomainEvent]:
        """Events matching every given filter, in store order (`since` inclusive, `until` exclusive)."""
        return list(self.iter_query_events(aggregate_id=aggregate_id, event_types=event_types, since=since,
                                           until=until, limit=limit))

    def iter_query_events(self, *, aggregate_id: UUID | None = None, event_types: Sequence[str] = (),
                          since: datetime | None = None, until: datetime | None = None,
                          limit: int | None = None, page: int = 5000) -> Iterator[DomainEvent]:
        """`query_events` a page at a time, for a reader that writes each event out as it comes: the
        whole log as one list of typed events took 8 GB for a million events before `events --json`
        printed its first line."""
        after, left = 0, limit
        while left is None or left > 0:
            size = page if left is None else min(page, left)
            batch = self._query_page(aggregate_id, event_types, since, until, after, size)
            yield from batch
            if len(batch) < size:
                return
            after = batch[-1].position or after
            if left is not None:
                left -= len(batch)

    def _query_page(self, aggregate_id: UUID | None, event_types: Sequence[str], since: datetime | None,
                    until: datetime | None, after: int, limit: int) -> list[DomainEvent]:
        query = sa.select(*_SELECT_COLUMNS).where(events_table.c.position > after)
        if aggregate_id is not None:
            query = query.where(events_table.c.aggregate_id == aggregate_id)
        if event_types:
            query = query.where(events_table.c.event_type.in_(list(event_types)))
        if since is not None:
            query = query.where(events_table.c.created_at >= since)
        if until is not None:
            query = query.where(events_table.c.created_at < until)
        query = query.order_by(events_table.c.position).limit(limit)
        with self.reading() as connection:
            return [self.to_event(row) for row in connection.execute(query)]

    def last_position(self) -> int:
        with self.reading() as connection:
            return connection.execute(sa.select(sa.func.max(events_table.c.position))).scalar() or 0

    def count(self) -> int:
        with self.reading() as connection:
            return connection.execute(sa.select(sa.func.count()).select_from(events_table)).scalar() or 0

    def unarchived(self, position: int, event_data: Any, metadata: Any) -> tuple[Any, Any]:
        """A row's stored JSON, unpacked from the archive if the row was compacted (for raw readers)."""
        return self.archive.payload(position) if not event_data else (event_data, metadata)

    def unarchived_many(self, rows: Sequence[tuple[int, str, Any, Any]]) -> dict[int, tuple[Any, Any]]:
        """Each (position, stored event type, event_data, metadata) row's JSON by position, the compacted
        ones unpacked together (each archive segment once, only their rows read from it): for readers
        of a few rows here and there, as a filtered timeline page is."""
        archived = [(position, event_type) for position, event_type, event_data, _ in rows if not event_data]
        found: dict[int, tuple[Any, Any]] = self.archive.payloads(archived) if archived else {}
        found.update((position, (event_data, metadata)) for position, _, event_data, metadata in rows if event_data)
        return found

    # --- rows <-> events -----------------------------------------------------------------------
    def _current_version(self, connection: sa.Connection, aggregate_id: UUID) -> int:
        if self._appender is not None:
            return self._appender.current_version(connection, aggregate_id)
        query = sa.select(sa.func.max(events_table.c.version)).where(
            events_table.c.aggregate_id == aggregate_id
        )
        return connection.execute(query).scalar() or 0

    def _row(self, event: DomainEvent, metadata_json: str | None = None) -> dict[str, Any]:
        """The event's column values; `metadata_json` when the caller has serialised it already."""
        return {
            "event_id": event.event_id,
            "aggregate_id": event.aggregate_id,
            "aggregate_type": event.aggregate_type,
            "event_type": event.event_type,
            "event_data": event.event_data.model_dump_json(),
            "metadata": metadata_json or event.metadata.model_dump_json(),
            "created_at": event.created_at,
            "version": event.version,
            "schema_version": type(event.event_data).schema_version,
        }

    def known_event_ids(self, event_ids: Sequence[UUID]) -> set[UUID]:
        """Which of these events the store holds (at any position)."""
        found: set[UUID] = set()
        with self.reading() as connection:
            for start in range(0, len(event_ids), 500):  # SQLite's bound-parameter budget
                chunk = list(event_ids[start:start + 500])
                query = sa.select(events_table.c.event_id).where(events_table.c.event_id.in_(chunk))
                found.update(row[0] for row in connection.execute(query))
        return found

    def envelope_from_row(self, row: tuple[Any, ...]) -> DomainEvent:
        """An envelope from a stored row in `SqliteLogReader.COLUMNS` order, read from any profile
        file (its payload is loaded and validated as on every read)."""
        return self._event_from_raw(row)

    def _event_from_raw(self, row: tuple[Any, ...]) -> DomainEvent:
        """An envelope from a driver row of SqliteLogReader.COLUMNS (same values as `to_event`)."""
        position, event_id, aggregate_id, aggregate_type, event_type, data, metadata, created_at, \
            version, schema_version = row
        if not data:  # compacted: its JSON is in a compressed archive segment (archive.py)
            data, metadata = self.archive.payload(position)
        try:
            payload = self.registry.load(event_type, data, schema_version)
            meta = _validate_metadata(metadata)
        except ValueError as error:  # pydantic's ValidationError is one: damaged JSON, a field gone
            raise unreadable(position, event_type, error, damage_of(error)) from None
        return _envelope({
            "event_id": uuid_from_bytes(event_id),
            "aggregate_id": uuid_from_bytes(aggregate_id),
            "aggregate_type": aggregate_type,
            "event_type": event_type,
            "event_data": payload,
            "metadata": meta,
            "created_at": utc_from_text(created_at),
            "version": version,
            "position": position,
        })

    def to_event(self, row: Any) -> DomainEvent:
        data, metadata = row.event_data, row.metadata
        if not data:  # compacted: its JSON is in a compressed archive segment (archive.py)
            data, metadata = self.archive.payload(row.position)
        try:
            payload = self.registry.load(row.event_type, data, row.schema_version)
            meta = (EventMetadata.model_validate(metadata) if isinstance(metadata, dict)
                    else EventMetadata.model_validate_json(metadata))
        except ValueError as error:  # see _event_from_raw
            raise unreadable(row.position, row.event_type, error, damage_of(error)) from None
        return _envelope({
            "event_id": row.event_id,
            "aggregate_id": row.aggregate_id,
            "aggregate_type": row.aggregate_type,
            "event_type": row.event_type,
            "event_data": payload,
            "metadata": meta,
            "created_at": row.created_at,
            "version": row.version,
            "position": row.position,
        })


# module-level names for the per-row calls of a replay, which reads every event of the log: one
# global lookup each instead of an attribute lookup on top
_validate_metadata = EventMetadata.model_validate_json
_envelope = assemble_envelope


_payload_of = itemgetter(4)  # a stored row's event_data (empty when archived)
