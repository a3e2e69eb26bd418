"""Taking one pulled page into the local log, in one SQLite transaction.

For each page, atomically:
1. events we already have (our own, pushed before an ack was lost) are only
   marked as known;
2. for every stream the page brings new events to, our *pending* events of
   that stream (never pushed, so no other device has seen them) are taken out
   of the log; the server's events are appended in server order and applied
   to the read models;
3. the pending events go back at the end of the log with versions after the
   server's, event_ids unchanged; they were applied already, so they are not
   applied again, and the rows that depend on a stream's last event (a word's
   fields, a streak) are folded again in the new stream order; the timeline is
   recorded again from the first moved position on (timeline/rerecord.py);
4. the projector's checkpoint and the last pulled server position are written.

So a crash or a dropped connection leaves either the whole page or nothing,
and the sync resumes after the last committed page. Known events never move.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from pydantic import ValidationError

from ..bootstrap import Profile
from ..domain.payload_check import PayloadInvalid
from ..domain.registry import UnknownEventType, UnsupportedSchemaVersion
from ..persistence.errors import EventUnreadable
from ..persistence.raw_import import insert_stored
from ..persistence.schema import events, snapshots
from ..persistence.sqlite_read import utc_from_text, uuid_from_bytes
from ..projections.projector import CHECKPOINT
from ..projections.tables import checkpoints
from ..timeline.rerecord import record_again_from
from . import local_state
from .local_state import sync_known
from .pulled_check import check_ids, check_pulled, unreadable_payload, unreadable_type
from .refold import refold_streams

_ROW_COLUMNS = ("position", "event_id", "aggregate_id", "aggregate_type", "event_type", "event_data", "metadata",
                  "created_at", "version", "schema_version")
_CHUNK = 500  # SQLite bound-parameter budget per IN (...)


@dataclass
class MergeResult:
    applied: int = 0
    resequenced: int = 0


def merge_page(profile: Profile, rows: list[Any], high_water: int, *, project: bool = True,
               checked: bool = False) -> MergeResult:
    """Take in one page of rows in stored form (server_ops.PulledPage). With `project=False` (a
    large pull) the read models are left for one rebuild at the end (`finish_deferred`), which is
    far faster than updating them row by row; `checked` says `check_pulled` passed the page already."""
    result = MergeResult()
    store = profile.store
    with store.transaction() as connection:
        deferred = local_state.get(connection, local_state.NEEDS_REBUILD) == "1"
        if not deferred and profile.projector.checkpoint() < store.last_position():
            profile.projector.catch_up()
        local = _local_positions(connection, [r[1] for r in rows])
        # An event we hold at another version than the server's (a restored or copied profile: its
        # other copy moved the event after another device's, and pushed it so) is not known yet: it
        # is moved like a pending one, and known once it sits where the server has it.
        moved = {r[1]: r for r in rows if r[1] in local and local[r[1]][1] != r[8]}
        local_state.mark_known(connection, [(local[r[1]][0], r[0]) for r in rows
                                            if r[1] in local and r[1] not in moved])
        new = [r for r in rows if r[1] not in local]
        _forget_known(connection, [local[event_id][0] for event_id in moved]
                      + _holding_versions_of(connection, new))
        if new:
            result.applied = len(new)
            streams = list({r[2] for r in new})
            pending = (_pending_in(connection, {uuid_from_bytes(b) for b in streams})
                       if _any_pending_in(connection, streams) else [])
            if pending and deferred:  # re-sequencing needs current read models
                finish_deferred(profile)
                deferred = False
            project_now = pending or (project and not deferred)
            next_position = max(store.last_position(), profile.projector.checkpoint()) + 1
            if pending:
                _take_out(connection, pending)
            next_position = _append_pulled(profile, connection, new, next_position, project=bool(project_now),
                                           checked=checked)
            if not project_now:
                local_state.put(connection, local_state.NEEDS_REBUILD, "1")
            if pending:
                result.resequenced = len(pending)
                _put_back(connection, pending, next_position)
                refold_streams(profile, connection, {(p["aggregate_id"], p["aggregate_type"]) for p in pending})
                record_again_from(connection, store, profile.projector.day_start_hour, profile.projector.scheduler,
                                  since=pending[0]["position"])
                _set_checkpoint(connection, store.last_position())
        if moved:
            now = _local_positions(connection, list(moved))
            local_state.mark_known(connection, [(now[event_id][0], row[0]) for event_id, row in moved.items()
                                                if event_id in now and now[event_id][1] == row[8]])
        local_state.put(connection, local_state.LAST_PULLED, str(high_water))
    return result


def _local_positions(connection: sa.Connection, event_ids: list[bytes]) -> dict[bytes, tuple[int, int]]:
    """Which of these events (by their 16 bytes) the log holds already, at which (position, version)
    (straight to the driver: a pull asks for every row)."""
    driver = connection.connection.driver_connection
    found: dict[bytes, tuple[int, int]] = {}
    for start in range(0, len(event_ids), _CHUNK):
        chunk = event_ids[start:start + _CHUNK]
        sql = (f"SELECT event_id, position, version FROM {events.name} "
               f"WHERE event_id IN ({', '.join('?' * len(chunk))})")
        found.update((event_id, (position, version))
                     for event_id, position, version in driver.execute(sql, chunk))  # type: ignore[union-attr]
    return found


def _holding_versions_of(connection: sa.Connection, new: list[Any]) -> list[int]:
    """Positions of known local events at a stream version a pulled event takes: only an event the
    server holds at another version can be there (see `moved`), so it goes aside like a pending one."""
    driver = connection.connection.driver_connection
    held: list[int] = []
    for start in range(0, len(new), _CHUNK // 2):
        chunk = new[start:start + _CHUNK // 2]
        pairs = ", ".join("(?, ?)" for _ in chunk)
        sql = (f"SELECT e.position FROM (VALUES {pairs}) AS v JOIN {events.name} AS e "
               f"ON e.aggregate_id = v.column1 AND e.version = v.column2 "
               f"JOIN {sync_known.name} AS k ON k.position = e.position")
        held.extend(p for (p,) in driver.execute(sql, [x for r in chunk for x in (r[2], r[8])]))  # type: ignore[union-attr]
    return held


def _forget_known(connection: sa.Connection, positions: list[int]) -> None:
    for start in range(0, len(positions), _CHUNK):
        connection.execute(sa.delete(sync_known).where(sync_known.c.position.in_(positions[start:start + _CHUNK])))


def _any_pending_in(connection: sa.Connection, streams: list[bytes]) -> bool:
    """Whether any not-yet-pushed event belongs to these streams (a cheap question asked of every page;
    `_pending_in` reads them only when there are some)."""
    driver = connection.connection.driver_connection
    for start in range(0, len(streams), _CHUNK):
        chunk = streams[start:start + _CHUNK]
        sql = (f"SELECT 1 FROM {events.name} AS e WHERE e.aggregate_id IN ({', '.join('?' * len(chunk))}) "
               f"AND NOT EXISTS (SELECT 1 FROM {sync_known.name} AS k WHERE k.position = e.position) LIMIT 1")
        if driver.execute(sql, chunk).fetchone():  # type: ignore[union-attr]
            return True
    return False


def _pending_in(connection: sa.Connection, streams: set[UUID]) -> list[dict[str, Any]]:
    """Our not-yet-pushed events of these streams, in log order."""
    known = sa.select(sync_known.c.position).where(sync_known.c.position == events.c.position)
    rows: list[dict[str, Any]] = []
    stream_list = list(streams)
    for start in range(0, len(stream_list), _CHUNK):
        query = (sa.select(events).where(events.c.aggregate_id.in_(stream_list[start:start + _CHUNK]),
                                         ~known.exists()))
        rows.extend(dict(r._mapping) for r in connection.execute(query))
    return sorted(rows, key=lambda r: r["position"])


def _take_out(connection: sa.Connection, pending: list[dict[str, Any]]) -> None:
    positions = [p["position"] for p in pending]
    streams = list({p["aggregate_id"] for p in pending})
    for start in range(0, len(positions), _CHUNK):
        connection.execute(sa.delete(events).where(events.c.position.in_(positions[start:start + _CHUNK])))
    for start in range(0, len(streams), _CHUNK):  # a snapshot may include them at their old versions
        connection.execute(sa.delete(snapshots).where(snapshots.c.aggregate_id.in_(streams[start:start + _CHUNK])))


def finish_deferred(profile: Profile) -> bool:
    """Rebuild the read models if pages were taken in without projecting them; True if it did.

    Called at the end of a large pull, and at the start of the next sync if one was cut off
    before its end (the flag is in the same SQLite file, so it survives a crash)."""
    with profile.store.transaction() as connection:
        if local_state.get(connection, local_state.NEEDS_REBUILD) != "1":
            return False
        # under this profile's hour, as the pages merged after it are: the stored hour stays the one
        # the read models are counted under; a pulled move is taken up after the sync (day_start_moved)
        profile.projector.rebuild()
        local_state.put(connection, local_state.NEEDS_REBUILD, "0")
    return True


def _append_pulled(profile: Profile, connection: sa.Connection, new: list[Any], position: int, *,
                   project: bool, checked: bool) -> int:
    """Append a page's new events; every payload is checked against its model before anything is
    written. Projected one by one (decoded into events) or, in a large pull, only checked (by the
    pull's fetching thread, or here) and left to the rebuild at the end."""
    rows = [(position + offset, *row[1:]) for offset, row in enumerate(new)]
    if project:
        try:
            pulled = [profile.store.to_event(SimpleNamespace(**dict(zip(_ROW_COLUMNS, _as_objects(row), strict=True))))
                      for row in rows]
        except (UnknownEventType, UnsupportedSchemaVersion) as error:
            raise unreadable_type(error) from error
        except (PayloadInvalid, ValidationError) as error:
            raise unreadable_payload(error) from error
        except EventUnreadable as error:  # the store's own wording speaks of a damaged profile: not this case
            raise unreadable_payload(error.reason) from error
        check_ids(profile.store.registry, rows)
    elif not checked:
        check_pulled(profile.store.registry, rows)
    insert_stored(connection, rows)
    local_state.mark_known(connection, [(row[0], server[0]) for row, server in zip(rows, new, strict=True)])
    if project:
        profile.projector.apply(connection, pulled)
    return position + len(new)


def _as_objects(row: Any) -> tuple[Any, ...]:
    """A stored-form row with its ids as UUIDs and its time aware, as events are built from."""
    return (row[0], uuid_from_bytes(row[1]), uuid_from_bytes(row[2]), *row[3:7], utc_from_text(row[7]), *row[8:])


def _put_back(connection: sa.Connection, pending: list[dict[str, Any]], position: int) -> None:
    """Re-append pending events after the server's, renumbering each stream's versions."""
    streams = list({p["aggregate_id"] for p in pending})
    top: dict[UUID, int] = {}
    for start in range(0, len(streams), _CHUNK):
        query = (sa.select(events.c.aggregate_id, sa.func.max(events.c.version))
                 .where(events.c.aggregate_id.in_(streams[start:start + _CHUNK]))
                 .group_by(events.c.aggregate_id))
        top.update({a: v for a, v in connection.execute(query)})
    rows = []
    for offset, event in enumerate(pending):
        version = top.get(event["aggregate_id"], 0) + 1
        top[event["aggregate_id"]] = version
        rows.append({**event, "position": position + offset, "version": version})
    connection.execute(sa.insert(events), rows)


def _set_checkpoint(connection: sa.Connection, position: int) -> None:
    """The re-appended events were applied before they moved: the read models are current."""
    connection.execute(sa.insert(checkpoints).prefix_with("OR REPLACE"),
                       {"name": CHECKPOINT, "position": position})
