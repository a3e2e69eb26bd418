"""The two things a device does on the server: push a page of events, pull a page.

Push: rows are COPYed into a temporary table, then inserted in their local
order with `ON CONFLICT (owner, event_id) DO NOTHING`, so a retried page
(the reply was lost with the connection) never duplicates an event. A page
whose stream version another device already took raises `VersionCollision`;
the client then pulls, re-sequences its pending events and pushes again.

Pull: positions come from a sequence, and sequence values are not committed in
order, so a naive "position > last" reader can skip a row that commits late
with a lower position. The server prevents that: a statement-level trigger
takes a per-user advisory lock before any row is inserted and holds it to
commit, so one user's inserts commit in position order and every snapshot sees
a prefix of that user's positions. A pull reads its pages (and, at the end, the
highest visible position) in one REPEATABLE READ snapshot and may safely
advance to it.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import psycopg

from .errors import ServerRefused

COLUMNS = ("event_id", "aggregate_id", "aggregate_type", "event_type", "event_data", "metadata",
           "created_at", "version", "schema_version")

# JSON travels as text and is parsed once, by the INSERT's cast (COPY cannot target `events`
# directly: PostgreSQL refuses COPY FROM into a table with row-level security).
_STAGING = """
CREATE TEMP TABLE IF NOT EXISTS sync_incoming (
    ord integer, event_id uuid, aggregate_id uuid, aggregate_type text,
    event_type text, event_data text, metadata text, created_at timestamptz,
    version bigint, schema_version smallint
) ON COMMIT DELETE ROWS"""

_COPY = "COPY sync_incoming (ord, " + ", ".join(COLUMNS) + ") FROM STDIN (FORMAT BINARY)"
_COPY_TYPES = ["int4", "uuid", "uuid", "text", "text", "text", "text", "timestamptz", "int8", "int2"]

_INSERT = (
    "INSERT INTO events (" + ", ".join(COLUMNS) + ", origin) "
    "SELECT event_id, aggregate_id, aggregate_type, event_type, event_data::jsonb, metadata::jsonb, "
    "created_at, version, schema_version, %(origin)s FROM sync_incoming ORDER BY ord "
    "ON CONFLICT (owner, event_id) DO NOTHING"
)

_PULL = (
    "SELECT position, event_id, aggregate_id, aggregate_type, event_type, event_data::text, "
    "metadata::text, created_at, version, schema_version FROM events "
    "WHERE owner = current_user AND position > %(after)s AND origin IS DISTINCT FROM %(origin)s "
    "ORDER BY position"
)

_HIGH_WATER = "SELECT coalesce(max(position), 0) FROM events WHERE owner = current_user"

_REMAINING = ("SELECT count(*) FROM events WHERE owner = current_user AND position > %(after)s "
              "AND origin IS DISTINCT FROM %(origin)s")


class VersionCollision(Exception):
    """Another device took a version of a stream in this page; pull, re-sequence, push again."""


@dataclass(frozen=True)
class PulledPage:
    rows: list[Any]  # (position, event_id, ..., schema_version) tuples, in server order
    high_water: int  # the position to resume after


def push_page(connection: psycopg.Connection, rows: Sequence[Sequence[Any]], origin: UUID) -> int:
    """Insert `rows` (COLUMNS order) in the caller's transaction; how many were new.

    Events already on the server (same owner and event_id) are skipped silently."""
    try:
        with connection.cursor() as cursor:
            cursor.execute(_STAGING)
            with cursor.copy(_COPY) as copy:
                copy.set_types(_COPY_TYPES)
                for ord_, row in enumerate(rows):
                    copy.write_row((ord_, *row))
            cursor.execute(_INSERT, {"origin": origin})
            return cursor.rowcount
    except psycopg.errors.UniqueViolation as error:
        if error.diag.constraint_name == "uq_events_owner_stream":
            raise VersionCollision(str(error)) from error
        raise
    except psycopg.errors.InsufficientPrivilege as error:
        raise ServerRefused(
            "The server refused events that name a learner not registered to this account "
            f"({error.diag.message_primary}); the profile may belong to another account.") from error


def pull_pages(connection: psycopg.Connection, after: int, origin: UUID, size: int) -> Generator[PulledPage]:
    """Every event after `after` that other devices pushed, in pages of `size`, from one snapshot.

    One REPEATABLE READ transaction and one server-side cursor for the whole pull: a query per
    page (`LIMIT`) made the server find and sort all the remaining rows again for every page.
    The connection is in autocommit mode; the snapshot is an explicit read-only transaction,
    rolled back when the iterator is exhausted or closed."""
    connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    try:
        with connection.cursor(name="effect_pull") as cursor:
            cursor.itersize = size
            cursor.execute(_PULL, {"after": after, "origin": origin})
            while True:
                rows = cursor.fetchmany(size)
                if len(rows) < size:
                    break
                after = rows[-1][0]
                yield PulledPage(rows, after)
        with connection.cursor() as plain:  # the last page: resume after everything this snapshot saw
            plain.execute(_HIGH_WATER)
            high = max(after, (plain.fetchone() or (0,))[0], rows[-1][0] if rows else 0)
        yield PulledPage(rows, high)
    finally:
        if not connection.broken:  # a dropped connection has no transaction left to end
            connection.execute("ROLLBACK")


def remaining(connection: psycopg.Connection, after: int, origin: UUID) -> int:
    row = connection.execute(_REMAINING, {"after": after, "origin": origin}).fetchone()
    return int(row[0]) if row else 0
