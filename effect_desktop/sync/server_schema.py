"""The sync server's schema: the local store's tables (JSONB there) plus what a shared server needs.

`events` and `snapshots` come from `persistence.schema.metadata`, created by
SQLAlchemy on PostgreSQL. Migration 1 then makes the server multi-user:
- `owner` (the PostgreSQL role that pushed the row) and `origin` (the device
  that pushed it, so a device never pulls its own events back);
- uniqueness per owner: `(owner, event_id)` is the idempotency key of a push,
  `(owner, aggregate_id, version)` keeps each stream gap-free and conflict-
  checked, and neither lets one user block another's ids;
- `sync_user_ids`: the learner ids an account may write events for (the first
  registered is the account's primary id, see `identity.py`);
- `sync_schema`: the schema version and a random server id;
- row-level security and grants: members of `effect_sync_users` may INSERT and
  SELECT their own rows only, never UPDATE or DELETE, and may not insert an
  event whose metadata names a learner id that is not registered to them.

Migration 2 replaces the push lock. It was an advisory lock keyed on the user
name, and any role may take any advisory lock: another learner holding
`pg_advisory_lock(0x45FF, hashtext('alice'))` stopped alice's pushes for as
long as they liked. Now a push locks its owner's row of `sync_push_locks`
(`SELECT ... FOR UPDATE`), which row-level security shows to that owner only;
the row is made by the first push (`INSERT ... ON CONFLICT DO NOTHING`, checked
by RLS to be the pusher's own). Learners get UPDATE on one column only, which
`FOR UPDATE` needs but `LOCK TABLE` (table-level UPDATE) does not allow, so no
learner can lock the whole table either. The server administrator (the tables'
owner, not subject to RLS) can still hold anyone's row.

Migrations run in one transaction under an advisory lock, so concurrent
`server init` runs are safe and a failed one leaves nothing half-done.
"""

from __future__ import annotations

from collections.abc import Callable

import psycopg
import sqlalchemy as sa

from ..persistence.schema import metadata
from .errors import SchemaMismatch, ServerNotPrepared

SCHEMA_VERSION = 2
# A server still at version 1 is synced with: its push lock is a trigger's business (the app's statements
# are the same), so an app updated before its server's `server init` keeps syncing (found in review).
OLDEST_SERVED = 1
USERS_ROLE = "effect_sync_users"
MIGRATION_LOCK = 0x45FF_0001  # pg_advisory_xact_lock key for `server init`
PUSH_LOCK_CLASS = 0x45FF  # with hashtext(owner): version 1's push lock (any role could take it)
MIGRATION_LOCK_TIMEOUT = "30s"  # a role holding MIGRATION_LOCK makes `server init` fail, not hang

_SCHEMA_TABLE = """
CREATE TABLE IF NOT EXISTS sync_schema (
    version integer PRIMARY KEY,
    server_id uuid NOT NULL DEFAULT gen_random_uuid(),
    applied_at timestamptz NOT NULL DEFAULT now()
)"""

_V1 = [
    f"""DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{USERS_ROLE}') THEN
            CREATE ROLE {USERS_ROLE} NOLOGIN;
        END IF;
    END $$""",
    "ALTER TABLE events ADD COLUMN owner text NOT NULL DEFAULT current_user",
    "ALTER TABLE events ADD COLUMN origin uuid",
    "DROP INDEX IF EXISTS uq_events_event_id",
    "DROP INDEX IF EXISTS idx_events_aggregate",
    "CREATE UNIQUE INDEX uq_events_owner_event ON events (owner, event_id)",
    "CREATE UNIQUE INDEX uq_events_owner_stream ON events (owner, aggregate_id, version)",
    "CREATE INDEX idx_events_owner_position ON events (owner, position)",
    """CREATE TABLE sync_user_ids (
        user_id uuid PRIMARY KEY,
        owner text NOT NULL DEFAULT current_user,
        registered bigint GENERATED ALWAYS AS IDENTITY,
        registered_at timestamptz NOT NULL DEFAULT now()
    )""",
    "CREATE INDEX idx_sync_user_ids_owner ON sync_user_ids (owner, registered)",
    "REVOKE ALL ON events, snapshots, sync_user_ids, sync_schema FROM PUBLIC",
    f"GRANT SELECT, INSERT ON events TO {USERS_ROLE}",
    f"GRANT USAGE ON SEQUENCE events_position_seq TO {USERS_ROLE}",
    f"GRANT SELECT, INSERT ON sync_user_ids TO {USERS_ROLE}",
    f"GRANT SELECT ON sync_schema TO {USERS_ROLE}",
    "ALTER TABLE events ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE sync_user_ids ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE snapshots ENABLE ROW LEVEL SECURITY",
    f"CREATE POLICY events_read_own ON events FOR SELECT TO {USERS_ROLE} USING (owner = current_user)",
    f"""CREATE POLICY events_insert_own ON events FOR INSERT TO {USERS_ROLE} WITH CHECK (
        owner = current_user
        AND (metadata ->> 'user_id')::uuid IN (SELECT u.user_id FROM sync_user_ids u
                                               WHERE u.owner = current_user))""",
    f"""CREATE FUNCTION effect_sync_push_lock() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_advisory_xact_lock({PUSH_LOCK_CLASS}, hashtext(current_user));
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER events_push_lock BEFORE INSERT ON events "
    "FOR EACH STATEMENT EXECUTE FUNCTION effect_sync_push_lock()",
    f"CREATE POLICY ids_read_own ON sync_user_ids FOR SELECT TO {USERS_ROLE} USING (owner = current_user)",
    f"CREATE POLICY ids_insert_own ON sync_user_ids FOR INSERT TO {USERS_ROLE} "
    "WITH CHECK (owner = current_user)",
]


_V2 = [
    "CREATE TABLE sync_push_locks (owner text PRIMARY KEY DEFAULT current_user)",
    "REVOKE ALL ON sync_push_locks FROM PUBLIC",
    f"GRANT SELECT, INSERT, UPDATE (owner) ON sync_push_locks TO {USERS_ROLE}",
    "ALTER TABLE sync_push_locks ENABLE ROW LEVEL SECURITY",
    f"CREATE POLICY push_locks_read_own ON sync_push_locks FOR SELECT TO {USERS_ROLE} USING (owner = current_user)",
    f"CREATE POLICY push_locks_insert_own ON sync_push_locks FOR INSERT TO {USERS_ROLE} "
    "WITH CHECK (owner = current_user)",
    f"CREATE POLICY push_locks_lock_own ON sync_push_locks FOR UPDATE TO {USERS_ROLE} "
    "USING (owner = current_user) WITH CHECK (owner = current_user)",
    # the trigger stays (events_push_lock, FOR EACH STATEMENT): only what it locks changes
    """CREATE OR REPLACE FUNCTION effect_sync_push_lock() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM 1 FROM sync_push_locks WHERE owner = current_user FOR UPDATE;
        IF NOT FOUND THEN  -- this owner's first push: a concurrent first push waits here for the other's commit
            INSERT INTO sync_push_locks (owner) VALUES (current_user) ON CONFLICT (owner) DO NOTHING;
            PERFORM 1 FROM sync_push_locks WHERE owner = current_user FOR UPDATE;
        END IF;
        RETURN NULL;
    END $$""",
]


def _migration_1(connection: sa.Connection) -> None:
    metadata.create_all(connection, tables=[metadata.tables["events"], metadata.tables["snapshots"]])
    for statement in _V1:
        connection.exec_driver_sql(statement)


def _migration_2(connection: sa.Connection) -> None:
    # Pushes already under way hold the old lock, and pushes after this commit take the new one: the two
    # would not wait for each other, and a pull between their commits would step past the earlier one's
    # lower positions for good (the gap problem of docs/sync.md; a review showed 50 events lost to a
    # third device). The table lock waits for the pushes in progress and holds new ones back until the
    # migration commits (within MIGRATION_LOCK_TIMEOUT).
    connection.exec_driver_sql("LOCK TABLE events IN SHARE ROW EXCLUSIVE MODE")
    for statement in _V2:
        connection.exec_driver_sql(statement)


MIGRATIONS: dict[int, Callable[[sa.Connection], None]] = {1: _migration_1, 2: _migration_2}


def current_version(connection: sa.Connection) -> int:
    exists = connection.exec_driver_sql("SELECT to_regclass('sync_schema') IS NOT NULL").scalar()
    if not exists:
        return 0
    return connection.exec_driver_sql("SELECT coalesce(max(version), 0) FROM sync_schema").scalar() or 0


def migrate(connection: sa.Connection) -> tuple[int, int]:
    """Bring the schema to SCHEMA_VERSION inside the caller's transaction; (before, after)."""
    connection.exec_driver_sql("SELECT set_config('lock_timeout', %(t)s, true)", {"t": MIGRATION_LOCK_TIMEOUT})
    connection.exec_driver_sql("SELECT pg_advisory_xact_lock(%(key)s)", {"key": MIGRATION_LOCK})
    before = current_version(connection)
    if before > SCHEMA_VERSION:
        raise SchemaMismatch(
            f"This server's sync schema is version {before}, newer than this Effect Desktop "
            f"knows (version {SCHEMA_VERSION}); update Effect Desktop before preparing it.")
    connection.exec_driver_sql(_SCHEMA_TABLE)
    for version in range(before + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[version](connection)
        connection.exec_driver_sql("INSERT INTO sync_schema (version) VALUES (%(v)s)", {"v": version})
    return before, SCHEMA_VERSION


def check_client_compatible(connection: psycopg.Connection) -> str:
    """The server id, or SchemaMismatch when the server is unprepared, too old or too new."""
    row = connection.execute(
        "SELECT to_regclass('sync_schema') IS NOT NULL").fetchone()
    if not row or not row[0]:
        raise ServerNotPrepared(
            "The server is not prepared for Effect Desktop sync (no sync schema); ask its "
            "administrator to run `effect-desktop server init --url ADMIN_URL`.")
    version, server_id = connection.execute(
        "SELECT version, server_id::text FROM sync_schema ORDER BY version DESC LIMIT 1").fetchone() or (0, "")
    if version > SCHEMA_VERSION:
        raise SchemaMismatch(
            f"The server's sync schema (version {version}) is newer than this Effect Desktop "
            f"understands (version {SCHEMA_VERSION}); update Effect Desktop to sync.")
    if version < OLDEST_SERVED:
        raise SchemaMismatch(
            f"The server's sync schema (version {version}) is older than this Effect Desktop needs "
            f"(version {OLDEST_SERVED} or later); ask its administrator to run `effect-desktop server init`.")
    return str(server_id)
