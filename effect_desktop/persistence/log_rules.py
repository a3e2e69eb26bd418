"""The domain's rules over a whole imported event log: what no command could have written.

An exported log passes its models' checks line by line (types, ids, versions).
A file edited by hand can still hold events no command writes: a word with no
text or of difficulty 99, a word's or a session's event filed under another
stream, an answer to a word that never existed. A replay takes them in without
a murmur, and `verify` then agrees with itself. So an import checks them, over
the stored rows inside its own transaction, and is refused whole.

The word rules are the very ones a command applies (`domain.word.validate_fields`);
the stream checks are SQL over the JSON, so a million-event log pays a scan of
its answers and no decoding in Python.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from pydantic_core import from_json

from ..domain.errors import ValidationFailed
from ..domain.word import validate_fields
from .sql_store import SqlEventStore
from .sqlite_read import uuid_from_bytes

MAX_REPORTED = 3
_WORD_FIELDS = ("text", "meaning", "category", "tags", "difficulty")
# event type -> the payload field naming the stream the event must be filed under. Not the answers:
# half a million of them cost a second and a half to check so, and an answer filed under another
# session than it names still counts once, where it names.
_OWN_STREAM = {
    "WordCreated": "word_id", "WordUpdated": "word_id", "WordDeleted": "word_id", "WordRestored": "word_id",
    "SessionStarted": "session_id", "SessionCompleted": "session_id",
}


def rule_breaks(store: SqlEventStore) -> list[str]:
    """Up to MAX_REPORTED sentences, each naming an event and the rule it breaks (SQLite)."""
    versions = store.registry.current_versions()
    found: list[str] = []
    with store.reading() as connection:
        found += _filed_elsewhere(connection, versions)
        found += _word_fields(connection, versions)
        found += _answers_to_no_word(connection)
    return found[:MAX_REPORTED]


def _filed_elsewhere(connection: sa.Connection, versions: dict[str, int]) -> list[str]:
    rows: list[str] = []
    for event_type, field in _OWN_STREAM.items():
        if event_type not in versions:
            continue
        query = sa.text(
            "SELECT event_id, aggregate_id FROM events WHERE event_type = :type AND schema_version = :version "
            f"AND lower(replace(json_extract(event_data, '$.{field}'), '-', '')) IS NOT lower(hex(aggregate_id)) "
            "LIMIT :limit")
        for event_id, aggregate_id in connection.execute(
                query, {"type": event_type, "version": versions[event_type], "limit": MAX_REPORTED}):
            rows.append(f"event {uuid_from_bytes(event_id)} ({event_type}) names another {field.split('_')[0]} "
                        f"than its stream {uuid_from_bytes(aggregate_id)}")
    return rows


def _word_fields(connection: sa.Connection, versions: dict[str, int]) -> list[str]:
    rows: list[str] = []
    query = sa.text("SELECT event_id, event_type, event_data FROM events "
                    "WHERE (event_type = 'WordCreated' AND schema_version = :created) "
                    "OR (event_type = 'WordUpdated' AND schema_version = :updated) ORDER BY position")
    for event_id, event_type, data in connection.execute(
            query, {"created": versions.get("WordCreated"), "updated": versions.get("WordUpdated")}):
        payload: dict[str, Any] = from_json(data)
        fields = payload if event_type == "WordCreated" else payload.get("changes") or {}
        try:
            validate_fields({k: v for k, v in fields.items() if k in _WORD_FIELDS}, recorded=True)
        except ValidationFailed as error:
            rows.append(f"event {uuid_from_bytes(event_id)} ({event_type}): {' '.join(error.errors.values())}")
            if len(rows) >= MAX_REPORTED:
                break
    return rows


def _answers_to_no_word(connection: sa.Connection) -> list[str]:
    """Answers whose word has no stream at all (read after the rebuild: rm_answers holds their words)."""
    query = sa.text("SELECT a.word_id, (SELECT event_id FROM rm_answers WHERE word_id = a.word_id LIMIT 1) "
                    "FROM (SELECT DISTINCT word_id FROM rm_answers) AS a WHERE NOT EXISTS "
                    "(SELECT 1 FROM events w WHERE w.aggregate_id = a.word_id AND w.version = 1) LIMIT :limit")
    return [f"event {uuid_from_bytes(event_id)} (QuestionAnswered) answers a word that does not exist "
            f"({uuid_from_bytes(word_id)})"
            for word_id, event_id in connection.execute(query, {"limit": MAX_REPORTED})]
