"""What a profile remembers about its sync, in two small tables of its own SQLite file.

- `sync_state`: key/value facts: which server and account it syncs with, the
  last server position pulled.
- `sync_known`: the local positions of events the server has (pushed by us or
  pulled from it). Every other event is *pending*. Pending events are the only
  ones the sync may ever move (re-sequence); known ones are append-only.

Both are written in the same SQLite transaction as the events they describe,
so an interrupted sync can never leave them disagreeing with the log.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from ..bootstrap import Profile
from ..persistence.schema import events, profile_info
from ..persistence.sqlite_read import utc_from_text, uuid_from_bytes

sync_metadata = sa.MetaData()

sync_state = sa.Table(
    "sync_state",
    sync_metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text(), nullable=False),
)

sync_known = sa.Table(
    "sync_known",
    sync_metadata,
    sa.Column("position", sa.Integer(), primary_key=True, autoincrement=False),
    sa.Column("server_position", sa.BigInteger(), nullable=True),
)

_MARK_KNOWN = f"INSERT OR REPLACE INTO {sync_known.name} (position, server_position) VALUES (?, ?)"

LAST_PULLED = "last_pulled"
NEEDS_REBUILD = "needs_rebuild"  # "1" while pulled events wait for one read-model rebuild
ALL_KNOWN_UPTO = "all_known_upto"  # every event at or below this local position is on the server
SERVER_KEY = "server_key"
SERVER_URL = "server_url"  # the URL (no password) of the server this progress belongs to
UNPULLED_ORIGINS = "unpulled_origins"  # the pushes since the last complete pull (see push_origins)
MOST_ORIGINS = 50  # beyond these (syncs cut off again and again), the oldest pushes are pulled back
CHUNK = 500  # event ids per IN (...): SQLite's bound parameters


def ensure_tables(profile: Profile) -> None:
    with profile.store.transaction() as connection:
        sync_metadata.create_all(connection)


def tables_exist(connection: sa.Connection) -> bool:
    return all(connection.dialect.has_table(connection, table.name) for table in sync_metadata.tables.values())


def get(connection: sa.Connection, key: str) -> str | None:
    return connection.execute(sa.select(sync_state.c.value).where(sync_state.c.key == key)).scalar()


def profile_setting(connection: sa.Connection, key: str) -> str | None:
    """A profile setting read in the caller's connection (the status bar's count reads in one)."""
    value = connection.execute(sa.select(profile_info.c.value).where(profile_info.c.key == key)).scalar()
    return None if value is None else str(value)


def put(connection: sa.Connection, key: str, value: str) -> None:
    connection.execute(sa.insert(sync_state).prefix_with("OR REPLACE"), {"key": key, "value": value})


def push_origins(connection: sa.Connection, origin: UUID) -> list[UUID]:
    """Record `origin` as this sync's pushes' id and return it with the ids of the pushes since the last
    complete pull, none of which a pull fetches back: their events are in this log. A push cut off
    half-way (a dropped connection) left its pages on the server under the old sync's id, and the
    next sync received all 55,000 of them again, after backing up the profile first for them."""
    raw = get(connection, UNPULLED_ORIGINS)
    origins = [UUID(text) for text in raw.split(",") if text] if raw else []
    origins = [*origins, origin][-MOST_ORIGINS:]
    put(connection, UNPULLED_ORIGINS, ",".join(str(o) for o in origins))
    return origins


def holds_all(connection: sa.Connection, event_ids: Sequence[UUID]) -> bool:
    """Whether the log holds every one of these events."""
    driver = connection.connection.driver_connection
    for start in range(0, len(event_ids), CHUNK):
        chunk = [event_id.bytes for event_id in event_ids[start:start + CHUNK]]
        found = driver.execute(  # type: ignore[union-attr]
            f"SELECT count(*) FROM {events.name} WHERE event_id IN ({', '.join('?' * len(chunk))})", chunk)
        if found.fetchone()[0] != len(chunk):
            return False
    return True


def pulled_all(connection: sa.Connection) -> None:
    """After a pull to the server's end: every push before it lies behind the position pulled to."""
    put(connection, UNPULLED_ORIGINS, "")


def bind_server(profile: Profile, server_key: str, url: str = "", fresh: bool = False) -> bool:
    """Remember which server account we sync with; forget all sync progress if it changed, or if the
    account is `fresh` (emptied and made again under the same name: the server key is the same, and the
    events remembered as sent were no longer there; a sync said "Synced" over an empty account).

    Returns True when the progress was reset (a new server or account: every
    event is pending again; pushing is idempotent, so nothing is duplicated)."""
    with profile.store.transaction() as connection:
        if url and get(connection, SERVER_URL) != url:
            put(connection, SERVER_URL, url)
        if get(connection, SERVER_KEY) == server_key and not fresh:
            return False
        connection.execute(sa.delete(sync_known))
        put(connection, LAST_PULLED, "0")
        put(connection, ALL_KNOWN_UPTO, "0")
        put(connection, SERVER_KEY, server_key)
    return True


def last_pulled(connection: sa.Connection) -> int:
    return int(get(connection, LAST_PULLED) or 0)


def all_known_upto(connection: sa.Connection) -> int:
    return int(get(connection, ALL_KNOWN_UPTO) or 0)


def newest_known(connection: sa.Connection) -> list[Any]:
    """The event_ids of the newest event this profile knows the server has, and of the newest one it
    sent itself (pulled ones come after it in the log): none before any sync. Both are looked for on
    the server at each sync; either missing means the account lost events."""
    newest = max(all_known_upto(connection),
                 connection.execute(sa.select(sa.func.max(sync_known.c.position))).scalar() or 0)
    # pushed events are marked without a server position; the search walks down the key from the top
    sent = connection.execute(sa.select(sync_known.c.position).where(sync_known.c.server_position.is_(None))
                              .order_by(sync_known.c.position.desc()).limit(1)).scalar()
    positions = {p for p in (newest, sent) if p}
    if not positions:
        return []
    return list(connection.execute(sa.select(events.c.event_id).where(events.c.position.in_(positions))).scalars())


def settle_watermark(connection: sa.Connection) -> None:
    """After a sync with nothing left pending, later scans start after today's log."""
    if count_pending(connection) == 0:
        last = connection.execute(sa.select(sa.func.max(events.c.position))).scalar() or 0
        put(connection, ALL_KNOWN_UPTO, str(last))


def pending_query(connection: sa.Connection, limit: int, after: int = 0) -> sa.Select:  # type: ignore[type-arg]
    """Pending events after local position `after`, in log order."""
    known = sa.select(sync_known.c.position).where(sync_known.c.position == events.c.position)
    return (sa.select(events.c.position, events.c.event_id, events.c.aggregate_id, events.c.aggregate_type,
                      events.c.event_type, events.c.event_data, events.c.metadata, events.c.created_at,
                      events.c.version, events.c.schema_version)
            .where(events.c.position > max(after, all_known_upto(connection)), ~known.exists())
            .order_by(events.c.position).limit(limit))


_PENDING_ROWS = (
    f"SELECT e.position, e.event_id, e.aggregate_id, e.aggregate_type, e.event_type, e.event_data, e.metadata, "
    f"e.created_at, e.version, e.schema_version FROM {events.name} AS e WHERE e.position > ? AND NOT EXISTS "
    f"(SELECT 1 FROM {sync_known.name} AS k WHERE k.position = e.position) ORDER BY e.position LIMIT ?")


def pending_rows(connection: sa.Connection, limit: int, after: int = 0) -> list[tuple[Any, ...]]:
    """`pending_query`'s rows with ids as UUIDs and times aware, straight from SQLite's driver: a
    push reads them in a thread beside the COPY, and SQLAlchemy's row processing there held the
    interpreter lock the COPY loop needs (a quarter of a 100,000-event push)."""
    if connection.dialect.name != "sqlite":
        return [tuple(r) for r in connection.execute(pending_query(connection, limit, after))]
    driver = connection.connection.driver_connection
    rows = driver.execute(_PENDING_ROWS, (max(after, all_known_upto(connection)), limit))  # type: ignore[union-attr]
    return [(position, uuid_from_bytes(event_id), uuid_from_bytes(aggregate_id), aggregate_type, event_type,
             data, metadata, utc_from_text(created_at), version, schema_version)
            for position, event_id, aggregate_id, aggregate_type, event_type, data, metadata, created_at, version,
            schema_version in rows]


def count_pending(connection: sa.Connection) -> int:
    floor = all_known_upto(connection)
    total = connection.execute(sa.select(sa.func.count()).select_from(events)
                               .where(events.c.position > floor)).scalar() or 0
    known = connection.execute(sa.select(sa.func.count()).select_from(sync_known)
                               .where(sync_known.c.position > floor)).scalar() or 0
    return total - known


def mark_known(connection: sa.Connection, positions: list[tuple[int, int | None]]) -> None:
    if not positions:
        return
    if connection.dialect.name == "sqlite":  # a pull marks every row: straight to the driver
        connection.connection.driver_connection.executemany(  # type: ignore[union-attr]
            _MARK_KNOWN, positions).close()  # (its statement let go: see SqliteAppender.insert_params)
        return
    connection.execute(sa.insert(sync_known).prefix_with("OR REPLACE"),
                       [{"position": p, "server_position": s} for p, s in positions])
