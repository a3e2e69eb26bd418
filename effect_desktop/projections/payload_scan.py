"""Every stored payload and metadata checked against its model, on SQLite, in one pass over the log.

The table rebuild (sqlite_rebuild.py) reads only the fields it needs, as SQL
values, so a payload damaged in its fields (edited by hand, a failing disk)
is not refused there: `verify` runs this first, and a rebuild that fails runs
it to name the event behind the failure.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

from ..domain.payload_check import PayloadInvalid, check_payloads
from ..domain.registry import UnknownEventType, UnsupportedSchemaVersion
from ..persistence.errors import EventFromNewerVersion, EventUnreadable
from ..persistence.schema import events as events_table
from ..persistence.sql_store import SqlEventStore

PAGE = 20_000


def check_stored_payloads(connection: sa.Connection, store: SqlEventStore,
                          step: Callable[[int], None] = lambda _done: None) -> None:
    """Every stored payload and metadata against its model, as the replay through the handlers
    loaded them: the table rebuild reads only the fields it needs, as SQL values, so an answer whose
    `is_correct` was edited to 2 was counted as two correct answers (and "rebuild" made that the
    stored state), and a field of the wrong kind failed as an internal error. Raises EventUnreadable
    naming the first that does not load. (Before the rebuild, whose failures it would explain.)"""
    driver: Any = connection.connection.driver_connection
    rows = driver.execute(f"SELECT position, event_type, schema_version, event_data, metadata "
                          f"FROM {events_table.name} ORDER BY position")
    done = 0
    while page := rows.fetchmany(PAGE):
        archived = store.unarchived_many([row[:2] + row[3:] for row in page if not row[3]])
        try:
            check_payloads(store.registry, [(p, t, v, *(archived[p] if not d else (d, m)))
                                            for p, t, v, d, m in page])
        except PayloadInvalid as error:
            event_type = next(t for p, t, *_ in page if p == error.line)
            if error.unknown_fields:  # a newer version's, not damage
                raise EventFromNewerVersion(error.line, event_type, error.unknown_fields) from None
            raise EventUnreadable(error.line, event_type, str(error)) from None
        except (UnknownEventType, UnsupportedSchemaVersion) as error:
            position, event_type = next((p, t) for p, t, v, *_ in page if _unloadable(store, t, v))
            raise EventUnreadable(position, event_type, str(error)) from None
        done += len(page)
        step(done)


def _unloadable(store: SqlEventStore, event_type: str, version: int) -> bool:
    try:
        store.registry.json_loader(event_type, version)
    except (UnknownEventType, UnsupportedSchemaVersion):
        return True
    return False
