"""The read models of a large batch of new words (an import), written by SQL in a few statements.

An import of 50,000 words appends 50,000 `WordCreated` events in one
transaction; through the handlers each became a cached word row, its tag rows,
a timeline row and counter updates, about as costly as the append itself.
Here SQLite fills the same rows from the batch's stored JSON, and Python only
normalises tags and search keys (through the very functions the handlers use,
registered as SQL functions). `verify` replays the handlers and compares, so
a difference would show; tests/interchange import and verify.
"""

from __future__ import annotations

import sqlite3

import sqlalchemy as sa
from pydantic_core import from_json, to_json

from ..domain.word import normalise_tags
from .handlers import fold, tag_key
from .sqlite_rebuild import _at, _day, _utc_text_of, _uuid_blob

BULK_FROM = 500  # smaller batches go through the handlers as usual


def _tags_json(text: str) -> str:
    return to_json(normalise_tags(from_json(text))).decode()


def project_new_words(connection: sa.Connection, first: int, last: int, day_start_hour: int) -> None:
    """Rows for the WordCreated events at positions first..last (new words only)."""
    driver: sqlite3.Connection = connection.connection.driver_connection  # type: ignore[assignment]
    driver.create_function("ed_uuid", 1, _uuid_blob, deterministic=True)
    driver.create_function("ed_tags", 1, _tags_json, deterministic=True)
    driver.create_function("ed_fold", 1, fold, deterministic=True)
    driver.create_function("ed_tag_key", 1, tag_key, deterministic=True)
    driver.create_function("ed_utc_text", 1, _utc_text_of, deterministic=True)
    params = {"first": first, "last": last, "shift": 60 * day_start_hour}
    batch = ("SELECT position, ed_uuid(json_extract(event_data, '$.word_id')) AS word_id, "
             "json_extract(event_data, '$.text') AS text, json_extract(event_data, '$.meaning') AS meaning, "
             "json_extract(event_data, '$.category') AS category, "
             "ed_tags(json_extract(event_data, '$.tags')) AS tags, "
             "json_extract(event_data, '$.difficulty') AS difficulty, "
             "ed_uuid(json_extract(metadata, '$.causation_id')) AS cause_id, "
             "json_extract(metadata, '$.timestamp') AS ts, json_extract(metadata, '$.utc_offset_minutes') AS off "
             "FROM events WHERE position BETWEEN :first AND :last AND event_type = 'WordCreated'")
    statements = [
        "CREATE TEMP TABLE ed_new_words AS WITH b AS MATERIALIZED (" + batch + ") "
        f"SELECT b.*, {_at('ts')} AS at, {_day('ts', 'off')} AS day FROM b",
        # handlers.word_created
        "INSERT OR REPLACE INTO rm_words (word_id, text, meaning, category, tags, difficulty, search_key, "
        "created_at, updated_at, deleted) SELECT word_id, text, meaning, category, tags, difficulty, "
        "ed_fold(text || char(10) || meaning), at, at, 0 FROM ed_new_words ORDER BY position",
        "INSERT OR REPLACE INTO rm_word_tags (word_id, tag_key) SELECT w.word_id, ed_tag_key(t.value) "
        "FROM ed_new_words AS w, json_each(w.tags) AS t",
        "INSERT INTO rm_daily_stats (study_day, answers, correct, response_ms, sessions_completed, "
        "study_seconds, words_added) SELECT day, 0, 0, 0, 0, 0, count(*) FROM ed_new_words WHERE true "
        "GROUP BY day ON CONFLICT (study_day) DO UPDATE SET words_added = words_added + excluded.words_added",
        # timeline/recorder.record: a WordCreated's row carries its own text
        "INSERT OR REPLACE INTO rm_timeline (position, at, day, event_type, word_id, session_id, cause_id, "
        "subject_id, word_text, note) SELECT position, at, day, 'WordCreated', word_id, NULL, cause_id, NULL, "
        "text, NULL FROM ed_new_words ORDER BY position",
        "INSERT INTO rm_timeline_days (day, events, first_position, last_position) "
        "SELECT day, count(*), min(position), max(position) FROM ed_new_words WHERE true GROUP BY day "
        "ON CONFLICT (day) DO UPDATE SET events = events + excluded.events, "
        "first_position = min(first_position, excluded.first_position), "
        "last_position = max(last_position, excluded.last_position)",
        "DROP TABLE temp.ed_new_words",
    ]
    for sql in statements:
        try:
            driver.execute(sql, params)
        except sqlite3.Error as error:
            raise sa.exc.DBAPIError.instance(sql, params, error, sqlite3.Error) from error
