"""Reading a page of pending events as the text a push COPYs to the server.

A push sends each page with COPY in PostgreSQL's text format (one line per
event, tab-separated, in `server_ops.STAGED` column order). Building those
lines in Python (a UUID object per id, a datetime per time, a dumper per
value) cost as much client time as the server's whole INSERT; on SQLite the
lines are instead concatenated by SQLite itself, from the stored bytes
(16-byte ids as hex, the stored UTC time text, the stored JSON text), so the
client does no work per event and the read runs outside the interpreter lock,
beside the COPY and the server's INSERT of the page before.

Text format needs a backslash doubled and a tab, newline or carriage return
inside a value escaped. Our JSON is minified and our names are identifiers,
so a page is checked as a whole: exactly one newline per line, nine tabs per
line and no carriage return prove no value held one, and backslashes (JSON's
own escapes) are doubled in one pass. Any other page (a value with a raw
tab, a row whose JSON was moved into an archive segment by compaction) is
formatted in Python instead, value by value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from pydantic_core import to_json

from ..persistence.sql_store import SqlEventStore
from . import local_state

FIELDS = 10  # ord and the nine event columns, as server_ops.STAGED lists them


@dataclass(frozen=True)
class PendingPage:
    positions: list[int]  # local positions, in log order (the ord of each line)
    copy_text: bytes  # one COPY text line per event, UTF-8

    def __len__(self) -> int:
        return len(self.positions)


# `ord` is the local position, so the server inserts a page in log order. An archived row's JSON is
# empty here (a real JSON document never is): those rows are formatted by `copy_lines`.
_LINES = (
    "SELECT e.position, CAST(e.position || char(9) || hex(e.event_id) || char(9) || hex(e.aggregate_id) || char(9) "
    "|| e.aggregate_type || char(9) || e.event_type || char(9) || e.event_data || char(9) || e.metadata "
    "|| char(9) || e.created_at || '+00' || char(9) || e.version || char(9) || e.schema_version || char(10) AS BLOB), "
    "e.event_data = '' FROM events AS e WHERE e.position > ? AND NOT EXISTS "
    f"(SELECT 1 FROM {local_state.sync_known.name} AS k WHERE k.position = e.position) "
    "ORDER BY e.position LIMIT ?")


def read_page(store: SqlEventStore, limit: int, after: int = 0) -> PendingPage:
    """The next `limit` pending events after local position `after` (an empty page: none left)."""
    with store.reading() as connection:
        if connection.dialect.name != "sqlite":
            return _formatted(store, local_state.pending_rows(connection, limit, after))
        floor = max(after, local_state.all_known_upto(connection))
        driver = connection.connection.driver_connection
        rows = driver.execute(_LINES, (floor, limit)).fetchall()  # type: ignore[union-attr]
        text = _checked(b"".join(line or b"" for _p, line, _a in rows), len(rows))
        if text is None or any(archived for _p, _l, archived in rows):
            return _formatted(store, local_state.pending_rows(connection, limit, after))
    return PendingPage([position for position, _l, _a in rows], text)


def _checked(text: bytes, lines: int) -> bytes | None:
    """The page's text with backslashes escaped, or None if some value needs more escaping than that
    (none of these bytes occurs inside a multi-byte UTF-8 character)."""
    if text.count(b"\n") != lines or text.count(b"\t") != (FIELDS - 1) * lines or b"\r" in text:
        return None
    return text.replace(b"\\", b"\\\\") if b"\\" in text else text


def _formatted(store: SqlEventStore, rows: list[tuple[Any, ...]]) -> PendingPage:
    """A page from `local_state.pending_rows`, archived payloads read back from their segments."""
    complete = [row if row[5] else (*row[:5], *store.archive.payload(row[0]), *row[7:]) for row in rows]
    return PendingPage([row[0] for row in complete], copy_lines(complete).encode())


def copy_lines(rows: Iterable[Sequence[Any]]) -> str:
    """COPY text of rows (ord, event_id, aggregate_id, aggregate_type, event_type, event_data,
    metadata, created_at, version, schema_version): ids as UUIDs, the time aware, JSON as text."""
    return "".join("\t".join(_text(value) for value in row) + "\n" for row in rows)


def _text(value: Any) -> str:
    if isinstance(value, str):
        return (value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"))
    if isinstance(value, dict):  # a JSON column read through a PostgreSQL store
        return _text(to_json(value).decode())
    if isinstance(value, UUID):
        return value.hex
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware UTC datetime")
        return value.astimezone(UTC).isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise TypeError(f"cannot send {type(value).__name__} {value!r} in a push")


def rows_page(rows: Sequence[Sequence[Any]]) -> PendingPage:
    """A page of rows in COLUMNS order (no local positions: ord is their index)."""
    return PendingPage(list(range(len(rows))),
                       copy_lines((index, *row) for index, row in enumerate(rows)).encode())
