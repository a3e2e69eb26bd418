"""Bringing an older profile's read-model tables up to this version's layout.

`create_all` creates missing tables but leaves existing ones alone, so a
profile made by an older build would miss new indexes, and a table whose
columns changed would break its queries. Read models are disposable: when
the layout stored in the profile differs from this build's, missing indexes
are created, and any read-model table whose columns differ is dropped,
recreated and refilled by replaying the events; when what the projections
write changed (`PROJECTION_VERSION`), every read model is refilled (the projector's checkpoint is
reset, so `catch_up` on open replays everything), unless the change is one
done in place (`IN_PLACE`: a column recomputed from the row itself, where a
replay of a long history would cost a learner half a minute for nothing).
The events are never touched.
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa

from ..domain.text_fold import search_key
from ..persistence.schema import local_metadata, metadata, profile_info
from .projector import CHECKPOINT
from .statistics_handlers import RESPONSE_BUCKET_EDGES_MS
from .tables import READ_MODELS, RESPONSE_TIME_BANDS, checkpoints, words

FINGERPRINT_KEY = "schema_fingerprint"
PROJECTION_KEY = "projection_version"
# Bump when what a projection writes changes for the same events (not only the tables' layout):
# the read models are then rebuilt on open. 2: an answer counts under its word's current facets.
# 3: the scheduler in force is the greatest switch (scheduler_choice.choice_key), not the last applied.
# 4: a word's search key reads katakana as hiragana (text_fold.search_fold); done in place from 3.
# 5: the schedule change an undo causes belongs to the undo's session on the timeline
#    (recorder._retraction); done in place from 3 and 4.
# 6: a session completed on two devices counts once, by its first completion (handlers.session_completed);
#    replayed only where a session has two completions, else nothing to do.
# 7: the answers to words without a category count under the facet "c:" too
#    (statistics_handlers.facets_of); done in place from 3 on.
# 8: a word's search key ignores what a typed answer ignores (invisible characters, variation selectors, the
#    dot of a folded İ) and reads spaces and line breaks as one space (text_fold.search_key); done in place.
# 9: a word's search key has no accents (text_fold.without_marks: "cafe" finds "café"); done in place.
# 10: ... and reads curly quotes as straight ones (text_fold.word_fold: "l'homme" finds "l’homme"); in place.
# 11: ... and œ, æ as oe, ae ("oeuf" finds "œuf"); in place.
PROJECTION_VERSION = "11"


def refold_search_keys(connection: sa.Connection) -> None:
    """Every word's search key as `handlers` now writes it, from the word's own text and meaning."""
    rows = connection.execute(sa.select(words.c.word_id, words.c.text, words.c.meaning)).all()
    if rows:
        connection.execute(words.update().where(words.c.word_id == sa.bindparam("id"))
                           .values(search_key=sa.bindparam("key")),
                           [{"id": word_id, "key": search_key(text, meaning)}
                            for word_id, text, meaning in rows])


_UNDONE = ("(SELECT {column} FROM events e JOIN rm_timeline r ON r.position = e.position "
           "WHERE e.event_id = rm_timeline.cause_id AND e.event_type = 'AnswerRetracted')")


def place_undo_effects(connection: sa.Connection) -> None:
    """Progress and streak rows caused by an undo take the undo's word and session (and the word's text
    then), from the undo's own timeline row: what the recorder now writes for them."""
    connection.execute(sa.text(
        f"UPDATE rm_timeline SET session_id = {_UNDONE.format(column='r.session_id')}, "
        f"word_id = coalesce(word_id, {_UNDONE.format(column='r.word_id')}), "
        f"word_text = coalesce(word_text, {_UNDONE.format(column='r.word_text')}) "
        "WHERE event_type IN ('ProgressUpdated', 'StreakUpdated') AND session_id IS NULL "
        "AND cause_id IN (SELECT event_id FROM events WHERE event_type = 'AnswerRetracted')"))


def count_sessions_once(connection: sa.Connection) -> None:
    """Only a profile with a session completed twice (on two devices) counted differently: replayed."""
    twice = connection.execute(sa.text(
        "SELECT 1 FROM events WHERE event_type = 'SessionCompleted' GROUP BY aggregate_id "
        "HAVING count(*) > 1 LIMIT 1")).first()
    if twice is not None:
        reset_read_models(connection)


_NO_CATEGORY = "c:"  # statistics_handlers.category_facet("")
# (an answer to a word the log never created has no facets at all, as a rebuild gives it)
_WITHOUT_CATEGORY = ("NOT EXISTS (SELECT 1 FROM json_each(rm_answers.facets) WHERE json_each.value LIKE 'c:%') "
                     "AND EXISTS (SELECT 1 FROM rm_words AS w WHERE w.word_id = rm_answers.word_id)")
_BAND = ("CASE " + " ".join(f"WHEN response_time_ms < {edge} THEN {band}"
                            for band, edge in enumerate(RESPONSE_BUCKET_EDGES_MS))
         + f" ELSE {len(RESPONSE_BUCKET_EDGES_MS)} END")


def count_uncategorized(connection: sa.Connection) -> None:
    """The answers to words without a category, counted under "c:" as `facets_of` now counts them:
    each answer's facets take "c:" at their end, and the facet's days are summed from the answers not
    undone (what a rebuild gives: no row for a day that nets to nothing)."""
    connection.execute(sa.text(f"UPDATE rm_answers SET facets = json_insert(facets, '$[#]', :facet) "
                               f"WHERE {_WITHOUT_CATEGORY}"), {"facet": _NO_CATEGORY})
    bands = ", ".join(f"rt_{band}" for band in range(RESPONSE_TIME_BANDS))
    sums = ", ".join(f"sum(band = {band})" for band in range(RESPONSE_TIME_BANDS))
    connection.execute(sa.text(
        f"INSERT OR REPLACE INTO rm_daily_facets (facet, study_day, answers, correct, response_ms, {bands}) "
        f"SELECT :facet, study_day, count(*), sum(is_correct), sum(response_time_ms), {sums} "
        f"FROM (SELECT study_day, is_correct, response_time_ms, {_BAND} AS band FROM rm_answers "
        "WHERE NOT retracted AND EXISTS (SELECT 1 FROM json_each(rm_answers.facets) "
        "WHERE json_each.value = :facet)) GROUP BY study_day"), {"facet": _NO_CATEGORY})


def _from_3(connection: sa.Connection) -> None:
    _from_4(connection)  # the search keys are refolded last, from 7


def _from_4(connection: sa.Connection) -> None:
    place_undo_effects(connection)
    _from_5(connection)


def _from_5(connection: sa.Connection) -> None:
    count_sessions_once(connection)
    _from_6(connection)


def _from_6(connection: sa.Connection) -> None:
    count_uncategorized(connection)
    refold_search_keys(connection)


# (stored version, this version): the change done in place instead of a replay.
IN_PLACE = {("3", PROJECTION_VERSION): _from_3, ("4", PROJECTION_VERSION): _from_4, ("5", PROJECTION_VERSION): _from_5,
            ("6", PROJECTION_VERSION): _from_6,
            **{(old, PROJECTION_VERSION): refold_search_keys for old in ("7", "8", "9", "10")}}


def schema_fingerprint() -> str:
    parts = []
    for meta in (metadata, local_metadata):
        for table in sorted(meta.tables.values(), key=lambda t: t.name):
            columns = ",".join(f"{c.name}:{c.type.__class__.__name__}" for c in table.columns)
            indexes = ",".join(sorted(f"{i.name}({','.join(c.name for c in i.columns)})" for i in table.indexes))
            parts.append(f"{table.name}[{columns}][{indexes}]")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def upgrade_read_models(connection: sa.Connection, stored_fingerprint: str | None,
                        stored_projection: str | None = PROJECTION_VERSION) -> bool:
    """Make the tables match this build; True when read models must be replayed."""
    fingerprint = schema_fingerprint()
    outdated = stored_projection != PROJECTION_VERSION
    if stored_fingerprint == fingerprint and not outdated:
        return False
    inspector = sa.inspect(connection)
    in_place = IN_PLACE.get((stored_projection or "", PROJECTION_VERSION)) if outdated else None
    replay = outdated and in_place is None
    for table in READ_MODELS:
        stored = {c["name"] for c in inspector.get_columns(table.name)}
        if stored != {c.name for c in table.columns}:
            table.drop(connection, checkfirst=True)
            table.create(connection)
            replay = True
    for meta in (metadata, local_metadata):
        for table in meta.tables.values():
            for index in table.indexes:
                index.create(connection, checkfirst=True)
    if replay:
        reset_read_models(connection)
    elif in_place is not None:
        in_place(connection)
    connection.execute(sa.insert(profile_info).prefix_with("OR REPLACE"),
                       [{"key": FINGERPRINT_KEY, "value": fingerprint},
                        {"key": PROJECTION_KEY, "value": PROJECTION_VERSION}])
    return replay


def reset_read_models(connection: sa.Connection) -> None:
    """Empty every read model and forget the checkpoint: the next catch-up refills them all."""
    for table in READ_MODELS:
        connection.execute(sa.delete(table))
    connection.execute(sa.delete(checkpoints).where(checkpoints.c.name == CHECKPOINT))
