"""The two things a device does on the server: push a page of events, pull a page.

Push: rows are COPYed into a temporary table, then inserted in their local
order; a page that conflicts goes again with `ON CONFLICT (owner, event_id)
DO NOTHING`, so a retried page (the reply was lost with the connection)
never duplicates an event. A page
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

from .errors import AccountConflict, ServerRefused
from .outbox import rows_page

COLUMNS = ("event_id", "aggregate_id", "aggregate_type", "event_type", "event_data", "metadata",
           "created_at", "version", "schema_version")

# COPY cannot target `events` directly (PostgreSQL refuses COPY FROM into a table with row-level
# security): a page goes into a temporary staging table, then one INSERT .. SELECT moves it. The JSON
# columns are jsonb already in staging, so the documents are parsed during the COPY; a push COPYs its
# next page on a second connection while this one's INSERT runs (push_pipeline.py).
STAGED = ("ord", *COLUMNS)
_STAGING = """
CREATE TEMP TABLE IF NOT EXISTS sync_staged (
    ord bigint, event_id uuid, aggregate_id uuid, aggregate_type text,
    event_type text, event_data jsonb, metadata jsonb, created_at timestamptz,
    version bigint, schema_version smallint
) ON COMMIT DELETE ROWS"""

_COPY = "COPY sync_staged (" + ", ".join(STAGED) + ") FROM STDIN"

# A page is first inserted as it is, in a savepoint; only a page holding an event the server has
# already (a retry after a lost reply) or a taken stream version goes again with `ON CONFLICT DO
# NOTHING`, which sorts those out. The speculative insertion ON CONFLICT makes for every row was a
# fifth of the INSERT's time, and a page normally has no conflict at all.
_INSERT_NEW = (
    "INSERT INTO events (" + ", ".join(COLUMNS) + ", origin) "
    "SELECT " + ", ".join(COLUMNS) + ", %(origin)s FROM sync_staged ORDER BY ord"
)
_INSERT = _INSERT_NEW + " ON CONFLICT (owner, event_id) DO NOTHING"

# Each row comes in the form the local SQLite log stores it (ids as their 16 bytes, the time as
# UTC text, JSON as text), through a binary cursor: the server, another process, does the formatting
# and the client stores the rows as they are (persistence/raw_import.insert_stored).
# pushed by none of the pushes named (this sync's and those since the last complete pull: in our log)
_NOT_OURS = "(origin IS NULL OR origin <> ALL(%(origins)s))"

_PULL = (
    "SELECT position, uuid_send(event_id), uuid_send(aggregate_id), aggregate_type, event_type, "
    "event_data::text, metadata::text, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'), "
    "version, schema_version FROM events "
    "WHERE owner = current_user AND position > %(after)s AND " + _NOT_OURS + " ORDER BY position"
)

_HIGH_WATER = "SELECT coalesce(max(position), 0) FROM events WHERE owner = current_user"

_REMAINING = ("SELECT count(*) FROM events WHERE owner = current_user AND position > %(after)s AND "
              + _NOT_OURS)


_HOLDS = "SELECT EXISTS (SELECT 1 FROM events WHERE owner = current_user AND event_id = %(event_id)s)"


def holds(connection: psycopg.Connection, event_id: UUID) -> bool:
    """Whether this account's events on the server include `event_id` (one lookup by its unique key)."""
    row = connection.execute(_HOLDS, {"event_id": event_id}).fetchone()
    return bool(row and row[0])


_PUSHED_BY = ("SELECT event_id FROM events WHERE owner = current_user AND position > %(after)s "
              "AND origin = ANY(%(origins)s)")


def pushed_by(connection: psycopg.Connection, after: int, origins: Sequence[UUID]) -> list[UUID]:
    """The ids of the events these pushes sent, beyond `after` (a pull leaves them out: see
    local_state.push_origins, which checks they are all in the log first)."""
    return [row[0] for row in connection.execute(_PUSHED_BY, {"after": after, "origins": list(origins)})]


class VersionCollision(Exception):
    """Another device took a version of a stream in this page; pull, re-sequence, push again."""


@dataclass(frozen=True)
class PulledPage:
    rows: list[Any]  # (position, event_id, ..., schema_version) tuples in stored form (see _PULL), in server order
    high_water: int  # the position to resume after


def push_page(connection: psycopg.Connection, rows: Sequence[Sequence[Any]], origin: UUID) -> int:
    """Insert `rows` (COLUMNS order) in the caller's transaction; how many were new.

    Events already on the server (same owner and event_id) are skipped silently."""
    stage(connection, rows_page(rows).copy_text)
    return insert_staged(connection, origin)


def stage(connection: psycopg.Connection, copy_text: bytes) -> None:
    """COPY a page's lines (outbox.py, UTF-8) into this connection's staging table, in the caller's
    transaction."""
    with connection.cursor() as cursor:
        cursor.execute(_STAGING)
        with cursor.copy(_COPY) as copy:
            copy.write(copy_text)


def insert_staged(connection: psycopg.Connection, origin: UUID, *, learners_registered: bool = False) -> int:
    """Move the staged page into `events`, in log order, in the caller's transaction; how many were new."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SAVEPOINT sync_page")
            try:
                cursor.execute(_INSERT_NEW, {"origin": origin})
            except psycopg.errors.UniqueViolation:
                cursor.execute("ROLLBACK TO SAVEPOINT sync_page")
            except psycopg.errors.InsufficientPrivilege:
                cursor.execute("ROLLBACK TO SAVEPOINT sync_page")
                if learners_registered:
                    raise
                _register_learners(cursor)
                return insert_staged(connection, origin, learners_registered=True)
            else:
                inserted = cursor.rowcount  # before RELEASE, whose own count (-1) would replace it
                cursor.execute("RELEASE SAVEPOINT sync_page")
                return inserted
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


# The learner ids a page's events carry that no account here has: this account's. A profile that
# synced with the account elsewhere holds its other computers' events, under their ids; moved to a
# new server, it was refused for good while those computers were gone.
_REGISTER = (
    "INSERT INTO sync_user_ids (user_id) SELECT DISTINCT (s.metadata ->> 'user_id')::uuid FROM sync_staged s "
    "WHERE NOT EXISTS (SELECT 1 FROM sync_user_ids u WHERE u.user_id = (s.metadata ->> 'user_id')::uuid)"
)


def _register_learners(cursor: psycopg.Cursor[Any]) -> None:
    """Register the page's unknown learner ids to this account (an id another account has stays
    theirs: the server sees only this account's ids, so inserting one of theirs is refused)."""
    cursor.execute("SAVEPOINT sync_learners")
    try:
        cursor.execute(_REGISTER)
    except psycopg.errors.UniqueViolation as error:
        cursor.execute("ROLLBACK TO SAVEPOINT sync_learners")
        raise AccountConflict(
            "Some of this profile's events were written under a learner id registered to another account "
            "on this server; sync it with that account, or start a new profile for this one.") from error
    cursor.execute("RELEASE SAVEPOINT sync_learners")


def pull_pages(connection: psycopg.Connection, after: int, origins: Sequence[UUID], size: int
               ) -> Generator[PulledPage]:
    """Every event after `after` that other devices pushed, in pages of `size`, from one snapshot.

    One REPEATABLE READ transaction and one server-side cursor for the whole pull: a query per
    page (`LIMIT`) made the server find and sort all the remaining rows again for every page.
    The connection is in autocommit mode; the snapshot is an explicit read-only transaction,
    rolled back when the iterator is exhausted or closed."""
    connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    try:
        with connection.cursor(name="effect_pull", binary=True) as cursor:
            cursor.itersize = size
            cursor.execute(_PULL, {"after": after, "origins": list(origins)})
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
        if not (connection.broken or connection.closed):  # a dropped or closed connection has no transaction to end
            connection.execute("ROLLBACK")


def remaining(connection: psycopg.Connection, after: int, origins: Sequence[UUID]) -> int:
    row = connection.execute(_REMAINING, {"after": after, "origins": list(origins)}).fetchone()
    return int(row[0]) if row else 0
