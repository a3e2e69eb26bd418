"""A profile written by an older build opens with this build's read-model layout, data intact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from effect_desktop.bootstrap import open_profile
from effect_desktop.projections.verify import verify


def test_an_older_layout_is_upgraded_and_refilled_from_the_events(tmp_path: Path) -> None:
    path = tmp_path / "old.effect.sqlite3"
    profile = open_profile(path)
    word = profile.service.create_word("apple", "りんご", "food", ["noun"], 1)
    session = profile.service.start_session("flashcard", [word])
    profile.service.answer(session, word, True, 1200, "good")
    profile.service.complete_session(session)
    profile.close()

    # What an older build left behind: an index it did not have, a column it did not have.
    with sqlite3.connect(path) as raw:
        raw.execute("DROP INDEX idx_rm_progress_due")
        raw.execute("ALTER TABLE rm_sessions DROP COLUMN duration_seconds")
        raw.execute("DELETE FROM profile_info WHERE key = 'schema_fingerprint'")

    reopened = open_profile(path)
    sessions = reopened.queries.sessions()
    assert [s.answered for s in sessions] == [1]
    assert sessions[0].duration_seconds is not None
    assert reopened.queries.word(word).progress is not None
    assert verify(reopened.projector).ok
    with sqlite3.connect(path) as raw:
        names = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "idx_rm_progress_due" in names
    reopened.close()


def test_a_large_profile_from_before_answer_facets_is_rebuilt_on_open(tmp_path: Path) -> None:
    """The previous build's rm_answers had no `facets` column; a profile with thousands of events
    is refilled on open by the table rebuild (no checkpoint), with the same rows as live updating."""
    path = tmp_path / "old.effect.sqlite3"
    profile = open_profile(path)
    words = profile.service.create_words([{"text": f"w{i}", "meaning": f"m{i}", "tags": ["t"]} for i in range(2_100)])
    session = profile.service.start_session("typing", words[:30])
    for number, word in enumerate(words[:30]):
        profile.service.answer(session, word, number % 4 != 0, 800 + number)
    profile.service.complete_session(session)
    before = profile.queries.daily_stats()
    profile.close()
    with sqlite3.connect(path) as raw:
        raw.execute("ALTER TABLE rm_answers DROP COLUMN facets")
        raw.execute("DELETE FROM profile_info WHERE key = 'schema_fingerprint'")

    reopened = open_profile(path)
    assert reopened.queries.daily_stats() == before
    assert len(reopened.queries.answers_for_word(words[0])) == 1
    assert verify(reopened.projector).ok
    reopened.close()


def test_read_models_from_an_older_projection_are_refilled_on_open(tmp_path: Path) -> None:
    """Same tables, different meaning: the previous build counted an answer under the category its
    word had when the answer was applied. A profile it left (category changed after the answer)
    is refilled on open, so its figures are what this build's projections give."""
    path = tmp_path / "old.effect.sqlite3"
    profile = open_profile(path)
    word = profile.service.create_word("apple", "りんご", "noun")
    session = profile.service.start_session("flashcard", [word])
    profile.service.answer(session, word, True, 1200, "good")
    profile.service.update_word(word, category="food")
    profile.close()
    with sqlite3.connect(path) as raw:  # the rows the previous build left, and its version
        raw.execute("UPDATE rm_daily_facets SET facet = 'c:noun' WHERE facet = 'c:food'")
        raw.execute("UPDATE profile_info SET value = '1' WHERE key = 'projection_version'")

    reopened = open_profile(path)
    with sqlite3.connect(path) as raw:
        facets = {r[0] for r in raw.execute("SELECT facet FROM rm_daily_facets")}
    assert facets == {"", "c:food"}
    assert verify(reopened.projector).ok
    reopened.close()


def test_a_profile_from_version_4_gets_its_undo_effects_placed_without_a_replay(tmp_path: Path) -> None:
    """Version 4 recorded the schedule change an undo caused with no session; version 5 places it in the
    undo's session, in place: the other read models are kept as they are (a replay would recount them)."""
    import sqlalchemy as sa

    from effect_desktop.persistence.schema import profile_info
    from effect_desktop.projections.tables import daily_stats, timeline
    from effect_desktop.projections.upgrade import PROJECTION_KEY

    path = tmp_path / "p.effect.sqlite3"
    profile = open_profile(path)
    word = profile.service.create_word("apple", "りんご")
    session = profile.service.start_session("flashcard", [word])
    outcome = profile.service.answer(session, word, False, 1500)
    profile.service.retract_answer(session, outcome.answer_event_id)
    undo_effect = (timeline.c.event_type == "ProgressUpdated") & (timeline.c.position == profile.store.last_position())
    with profile.engine.begin() as connection:  # as version 4 left it
        connection.execute(timeline.update().where(undo_effect).values(session_id=None))
        connection.execute(profile_info.update().where(profile_info.c.key == PROJECTION_KEY).values(value="4"))
        connection.execute(daily_stats.update().values(study_seconds=4242))  # a replay would recount it
    profile.close()

    profile = open_profile(path)
    try:
        with profile.engine.connect() as connection:
            assert connection.execute(sa.select(timeline.c.session_id).where(undo_effect)).scalar() == session
            assert connection.execute(sa.select(daily_stats.c.study_seconds)).scalars().all() == [4242]
        problems = verify(profile.projector).problems
        assert problems and not [p for p in problems if "rm_daily_stats" not in p]  # only the planted count
    finally:
        profile.close()


@pytest.mark.parametrize("orphan", [False, True], ids=["sound", "answer-to-a-word-never-created"])
def test_a_profile_from_version_6_counts_its_uncategorized_words_under_no_category_in_place(
        tmp_path: Path, orphan: bool) -> None:
    """Version 6 counted no facet for a word without a category (`stats --category ''` showed nothing);
    version 7 counts its answers under "c:", added in place exactly as a rebuild gives them, also
    where the log holds an answer to a word it never created (a tampered or half-synced log), which
    a rebuild counts under no facet but every answer's."""
    from datetime import datetime, timedelta, timezone
    from uuid import uuid4

    import sqlalchemy as sa

    from effect_desktop.persistence.schema import profile_info
    from effect_desktop.projections.tables import daily_stats
    from effect_desktop.projections.upgrade import PROJECTION_KEY
    from tests.integration.profile_helpers import SettableClock, dump_read_models

    path = tmp_path / "p.effect.sqlite3"
    clock = SettableClock(datetime(2026, 3, 1, 21, 0, tzinfo=timezone(timedelta(hours=9))))
    profile = open_profile(path, clock=clock)
    plain, noun, tagged = profile.service.create_words([
        {"text": "kirei", "meaning": "pretty"}, {"text": "ringo", "meaning": "apple", "category": "noun"},
        {"text": "hashiru", "meaning": "to run", "tags": ["verb", "日本語"]}])
    session = profile.service.start_session("flashcard", [plain, noun, tagged])
    for word, ms in ((plain, 900), (noun, 7_000), (tagged, 40_000)):
        profile.service.answer(session, word, True, ms)
    clock.advance(hours=8)  # the next study day
    undone = profile.service.answer(session, plain, False, 2_500)
    profile.service.answer(session, tagged, False, 12_000)
    profile.service.retract_answer(session, undone.answer_event_id)
    profile.service.complete_session(session)
    if orphan:  # the first answer now names a word the log never created
        with profile.engine.begin() as connection:
            connection.execute(sa.text(
                "UPDATE events SET event_data = json_set(event_data, '$.word_id', :word) WHERE position = "
                "(SELECT min(position) FROM events WHERE event_type = 'QuestionAnswered')"), {"word": str(uuid4())})
        profile.projector.rebuild()
    live = dump_read_models(profile)
    assert [row for row in live["rm_daily_facets"] if row[0] == "c:"], "counted under no category"
    assert orphan == any(row[-1] == "[]" for row in live["rm_answers"]), "the orphan answer has no facets"
    with profile.engine.begin() as connection:  # as version 6 left it
        connection.execute(sa.text("DELETE FROM rm_daily_facets WHERE facet = 'c:'"))
        connection.execute(sa.text("UPDATE rm_answers SET facets = (SELECT json_group_array(value) FROM "
                                   "json_each(rm_answers.facets) WHERE value <> 'c:')"))
        connection.execute(profile_info.update().where(profile_info.c.key == PROJECTION_KEY).values(value="6"))
        connection.execute(daily_stats.update().values(study_seconds=4242))  # a replay would recount it
    profile.close()

    profile = open_profile(path, clock=clock)
    try:
        upgraded = dump_read_models(profile)
        assert {row[5] for row in upgraded["rm_daily_stats"]} == {4242}, "replayed, not done in place"
        for table, rows in live.items():
            if table != "rm_daily_stats":
                assert upgraded[table] == rows, table
    finally:
        profile.close()
