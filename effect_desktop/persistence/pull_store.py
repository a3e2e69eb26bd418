"""Writing pulled events into the SQLite log exactly as they arrive: already in stored form.

A sync pull asks the server for each row in the form SQLite keeps it (ids
as their 16 bytes, the time as SQLAlchemy's SQLite UTC text, the JSON as
text; see sync/server_ops.py), so a page goes in with one `executemany`
and no conversion per row (`raw_import.insert_at_positions` takes UUID and
datetime objects, which a pull would first have to build: a third of the
time it spent writing a page).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from .errors import ConcurrencyError, StoreError

_INSERT = ("INSERT INTO events (position, event_id, aggregate_id, aggregate_type, event_type, event_data, "
           "metadata, created_at, version, schema_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def insert_stored(connection: sa.Connection, rows: Sequence[Sequence[Any]]) -> None:
    """Insert rows (position, event_id bytes, aggregate_id bytes, aggregate_type, event_type,
    event_data text, metadata text, created_at 'YYYY-MM-DD HH:MM:SS.ffffff' UTC, version,
    schema_version) in the caller's SQLite transaction."""
    driver: sqlite3.Connection = connection.connection.driver_connection  # type: ignore[assignment]
    try:
        driver.executemany(_INSERT, rows)
    except sqlite3.IntegrityError as error:
        raise ConcurrencyError(f"an event or a stream version is already in the log ({error})") from error
    except sqlite3.Error as error:
        raise StoreError(f"the events could not be written ({error})") from error
