"""The event store's tables, defined once for the local SQLite file and the server.

Columns and indexes are the design's, plus:
- `position`, the store's total order: SQLite's rowid (an append to the end of
  the table's B-tree) and a bigint identity on PostgreSQL;
- `schema_version`, the payload's shape when it was written, for upcasting.
`event_id` stays a unique UUID (time-ordered, see `domain/ids.py`).
"""

from __future__ import annotations

import sqlalchemy as sa

from .types import JSONDocument, UTCDateTime, UUIDType

metadata = sa.MetaData()

Position = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

events = sa.Table(
    "events",
    metadata,
    sa.Column("position", Position, primary_key=True, autoincrement=True),
    sa.Column("event_id", UUIDType(), nullable=False),
    sa.Column("aggregate_id", UUIDType(), nullable=False),
    sa.Column("aggregate_type", sa.String(255), nullable=False),
    sa.Column("event_type", sa.String(255), nullable=False),
    sa.Column("event_data", JSONDocument(), nullable=False),
    sa.Column("metadata", JSONDocument(), nullable=False),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    sa.Column("version", sa.BigInteger(), nullable=False),
    sa.Column("schema_version", sa.SmallInteger(), nullable=False, server_default="1"),
    sa.Index("uq_events_event_id", "event_id", unique=True),
    sa.Index("idx_events_aggregate", "aggregate_id", "version", unique=True),
    sa.Index("idx_events_type", "event_type"),
    sa.Index("idx_events_created", "created_at"),
)

snapshots = sa.Table(
    "snapshots",
    metadata,
    sa.Column("aggregate_id", UUIDType(), primary_key=True),
    sa.Column("aggregate_type", sa.String(255), nullable=False),
    sa.Column("snapshot_data", JSONDocument(), nullable=False),
    sa.Column("version", sa.BigInteger(), nullable=False),
    sa.Column("created_at", UTCDateTime(), nullable=False),
)

# Tables only the local profile has: profile facts here, read models in `projections`.
local_metadata = sa.MetaData()

# Small facts about this profile (its learner id, its store format).
profile_info = sa.Table(
    "profile_info",
    local_metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text(), nullable=False),
)
