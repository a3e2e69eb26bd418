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
from functools import lru_cache

import sqlalchemy as sa
from pydantic_core import from_json, to_json

from ..domain.text_fold import search_key, tag_key
from ..domain.word import normalise_tags
from .sqlite_rebuild import _at, _day, _utc_text_of, _uuid_blob

BULK_FROM = 500  # smaller batches go through the handlers as usual


@lru_cache(maxsize=4096)
def _tags_json(text: str) -> str:
    """The handlers' tag list of a payload's tags; word lists repeat a few tag sets thousands of times."""
    return to_json(normalise_tags(from_json(text))).decode()


_tag_key = lru_cache(maxsize=4096)(tag_key)


def project_new_words(connection: sa.Connection, first: int, last: int, day_start_hour: int) -> None:
    """Rows for the WordCreated events at positions first..last (new words only)."""
    driver: sqlite3.Connection = connection.connection.driver_connection  # type: ignore[assignment]
    driver.create_function("ed_uuid", 1, _uuid_blob, deterministic=True)
    driver.create_function("ed_tags", 1, _tags_json, deterministic=True)
    driver.create_function("ed_search_key", 2, search_key, deterministic=True)
    driver.create_function("ed_tag_key", 1, _tag_key, deterministic=True)
    driver.create_function("ed_utc_text", 1, _utc_text_of, deterministic=True)
    params = {"first": first, "last": last, "shift": 60 * day_start_hour}
    batch = "position BETWEEN :first AND :last AND event_type = 'WordCreated'"
    statements = [
        # The events of one command share their metadata: its cause, time and study day are
        # worked out once per distinct metadata text, not once per event.
        "CREATE TEMP TABLE ed_new_meta AS SELECT metadata, cause_id, "
        f"{_at('ts')} AS at, {_day('ts', 'off')} AS day FROM (SELECT metadata, "
        "ed_uuid(json_extract(metadata, '$.causation_id')) AS cause_id, "
        "json_extract(metadata, '$.timestamp') AS ts, json_extract(metadata, '$.utc_offset_minutes') AS off "
        f"FROM (SELECT DISTINCT metadata FROM events WHERE {batch}))",
        "CREATE TEMP TABLE ed_new_words AS SELECT e.position AS position, "
        # the word's id is its stream's (stored as a blob already) unless the payload says otherwise
        "CASE WHEN lower(hex(e.aggregate_id)) = replace(json_extract(e.event_data, '$.word_id'), '-', '') "
        "THEN e.aggregate_id ELSE ed_uuid(json_extract(e.event_data, '$.word_id')) END AS word_id, "
        "json_extract(e.event_data, '$.text') AS text, json_extract(e.event_data, '$.meaning') AS meaning, "
        "json_extract(e.event_data, '$.category') AS category, "
        "ed_tags(json_extract(e.event_data, '$.tags')) AS tags, "
        "json_extract(e.event_data, '$.difficulty') AS difficulty, m.cause_id AS cause_id, m.at AS at, "
        "m.day AS day FROM events AS e CROSS JOIN temp.ed_new_meta AS m ON m.metadata = e.metadata "
        f"WHERE e.{batch.replace(' AND event_type', ' AND e.event_type')} ORDER BY e.position",
        # handlers.word_created (rowid order is position order: the table was filled in that order)
        "INSERT OR REPLACE INTO rm_words (word_id, text, meaning, category, tags, difficulty, search_key, "
        "created_at, updated_at, deleted) SELECT word_id, text, meaning, category, tags, difficulty, "
        "ed_search_key(text, meaning), at, at, 0 FROM temp.ed_new_words ORDER BY rowid",
        "INSERT OR REPLACE INTO rm_word_tags (word_id, tag_key) SELECT w.word_id, ed_tag_key(t.value) "
        "FROM temp.ed_new_words AS w, json_each(w.tags) AS t",
        "INSERT INTO rm_daily_stats (study_day, answers, correct, response_ms, sessions_completed, "
        "study_seconds, words_added) SELECT day, 0, 0, 0, 0, 0, count(*) FROM temp.ed_new_words WHERE true "
        "GROUP BY day ON CONFLICT (study_day) DO UPDATE SET words_added = words_added + excluded.words_added",
        # timeline/recorder.record: a WordCreated's row carries its own text
        "INSERT OR REPLACE INTO rm_timeline (position, at, day, event_type, word_id, session_id, cause_id, "
        "subject_id, word_text, note) SELECT position, at, day, 'WordCreated', word_id, NULL, cause_id, NULL, "
        "text, NULL FROM temp.ed_new_words ORDER BY rowid",
        "INSERT INTO rm_timeline_days (day, events, first_position, last_position) "
        "SELECT day, count(*), min(position), max(position) FROM temp.ed_new_words WHERE true GROUP BY day "
        "ON CONFLICT (day) DO UPDATE SET events = events + excluded.events, "
        "first_position = min(first_position, excluded.first_position), "
        "last_position = max(last_position, excluded.last_position)",
        "DROP TABLE temp.ed_new_words",
        "DROP TABLE temp.ed_new_meta",
    ]
    for sql in statements:
        try:
            driver.execute(sql, params)
        except sqlite3.Error as error:
            raise sa.exc.DBAPIError.instance(sql, params, error, sqlite3.Error) from error
