"""Rebuilding the read models: same rows as live updating, indexes back, and a cancel changes nothing."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from effect_desktop.bootstrap import Profile, open_profile
from effect_desktop.projections.projector import RebuildCancelled
from effect_desktop.projections.sqlite_rebuild import EXTRACT_STEPS, PHASES
from effect_desktop.projections.tables import READ_MODELS
from effect_desktop.projections.verify import verify
from tests.integration.profile_helpers import SettableClock, dump_read_models

pytestmark = pytest.mark.usefixtures("id_conversion")  # each test both ways ids become keys


def _studied(path: Path) -> Profile:
    profile = open_profile(path)
    words = profile.service.create_words([{"text": f"word {i}", "meaning": f"意味 {i}", "tags": ["t"]}
                                          for i in range(30)])
    session = profile.service.start_session("typing", words)
    for number, word in enumerate(words):
        profile.service.answer(session, word, number % 3 != 0, 900 + number)
    profile.service.complete_session(session)
    return profile


def _indexes(path: Path) -> set[str]:
    with sqlite3.connect(path) as raw:
        return {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_a_rebuild_gives_the_same_rows_and_keeps_every_index(tmp_path: Path) -> None:
    path = tmp_path / "p.effect.sqlite3"
    profile = _studied(path)
    live = dump_read_models(profile)
    before = _indexes(path)
    assert {i.name for t in READ_MODELS for i in t.indexes} <= before
    profile.projector.rebuild()
    assert dump_read_models(profile) == live
    assert _indexes(path) == before
    assert verify(profile.projector).ok


def test_a_cancelled_rebuild_leaves_everything_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "p.effect.sqlite3"
    profile = _studied(path)
    live = dump_read_models(profile)
    before = _indexes(path)
    try:
        profile.projector.rebuild(lambda done, total: False)
    except RebuildCancelled:
        pass
    else:
        raise AssertionError("the rebuild was not cancelled")
    assert dump_read_models(profile) == live
    assert _indexes(path) == before


def test_a_rebuild_moves_its_progress_on_while_it_decodes_the_log_and_stops_there(tmp_path: Path) -> None:
    """Decoding the log is a third of a rebuild: it reports steps as it goes (the bar stood still
    there), and a cancel between two of them changes nothing."""
    path = tmp_path / "p.effect.sqlite3"
    profile = _studied(path)
    live = dump_read_models(profile)
    seen: list[int] = []

    def watch(done: int, total: int) -> bool:
        seen.append(done)
        return True

    profile.projector.rebuild(watch)
    total = profile.store.last_position()
    assert total > PHASES and seen[-1] == total
    assert seen == sorted(set(seen)) and len(seen) == PHASES  # every phase once, none twice (the bar stalled)
    decoding = [done for done in seen if done < total * EXTRACT_STEPS // PHASES]
    assert len(set(decoding)) >= EXTRACT_STEPS - 1

    reports: list[int] = []

    def stop_while_decoding(done: int, total: int) -> bool:
        reports.append(done)
        return len(reports) < 3

    try:
        profile.projector.rebuild(stop_while_decoding)
    except RebuildCancelled:
        pass
    else:
        raise AssertionError("the rebuild was not cancelled")
    assert reports[-1] < total * EXTRACT_STEPS // PHASES
    assert dump_read_models(profile) == live


def test_answers_count_under_their_words_current_category_and_tags_live_and_rebuilt(tmp_path: Path) -> None:
    """Answers before and after a word's tags and category change, one taken back after the change,
    grades, a second study day and a deleted word: each answer counts under the tags and category
    its word has now (as Anki's filtered statistics do; "as it was then" depended on the order a
    device applied an edit and an answer synced from elsewhere), and the rebuilt rows are the live
    ones, row for row."""
    clock = SettableClock(datetime(2026, 3, 1, 21, 0, tzinfo=timezone(timedelta(hours=9))))
    profile = open_profile(tmp_path / "p.effect.sqlite3", clock=clock)
    first, second, third = profile.service.create_words([
        {"text": "ringo", "meaning": "apple", "tags": ["Food", "n5"], "category": "noun"},
        {"text": "hashiru", "meaning": "to run", "tags": ["verb"]},
        {"text": "kirei", "meaning": "pretty"},
    ])
    session = profile.service.start_session("flashcard", [first, second, third])
    early = profile.service.answer(session, first, True, 1_500, grade="good")
    profile.service.answer(session, second, False, 25_000)
    clock.advance(hours=8)  # past 4:00: the next study day
    profile.service.answer(session, first, False, 4_000)
    profile.service.update_word(first, tags=["fruit"], category="food", text="RINGO")
    profile.service.answer(session, third, True, 700, grade="easy")
    profile.service.retract_answer(session, early.answer_event_id)
    profile.service.complete_session(session)
    profile.service.delete_word(second)
    live = dump_read_models(profile)
    facets = {(row[0], row[1]): row[2] for row in live["rm_daily_facets"]}  # (facet, day) -> answers
    assert facets == {("", "2026-03-01"): 1, ("t:verb", "2026-03-01"): 1,  # a deleted word's answers stay
                      ("c:", "2026-03-01"): 1,  # ... and words without a category count under "c:"
                      ("", "2026-03-02"): 2, ("t:fruit", "2026-03-02"): 1, ("c:food", "2026-03-02"): 1,
                      ("c:", "2026-03-02"): 1}
    assert min(facets.values()) >= 0
    profile.projector.rebuild()
    assert dump_read_models(profile) == live
    assert verify(profile.projector).ok


def test_a_rebuild_reads_older_shapes_through_the_upcasters_also_when_archived(tmp_path: Path) -> None:
    """Rows written by "an older app" (WordCreated v1), read by "a newer one" (v2, whose upcaster
    changes what the read models show: texts upper-cased), some of them compacted: the table
    rebuild sees the upcast payloads, as the handlers do."""
    from datetime import UTC
    from typing import Any, ClassVar
    from uuid import UUID

    from effect_desktop.domain.events import WORD, EventData
    from effect_desktop.domain.registry import EventRegistry
    from effect_desktop.persistence.archive import compact

    path = tmp_path / "p.effect.sqlite3"
    live = dump_read_models(_studied(path))

    class WordCreated(EventData):  # what a later app calls WordCreated: one more field
        aggregate_type: ClassVar[str] = WORD
        schema_version: ClassVar[int] = 2
        word_id: UUID
        text: str
        meaning: str
        difficulty: int
        category: str
        tags: list[str]
        example: str

    def v1_to_v2(shape: dict[str, Any]) -> dict[str, Any]:
        return {**shape, "text": shape["text"].upper(), "example": ""}

    registry = EventRegistry()
    registry.register(WordCreated)
    registry.add_upcaster("WordCreated", 1, v1_to_v2)
    newer = open_profile(path, registry=registry)
    far = datetime(2100, 1, 1, tzinfo=UTC)
    for compacted in (False, True):
        if compacted:
            assert compact(newer.store, far, far, segment=10).events > 0
            newer.store.archive.forget()
        newer.projector.rebuild()
        rebuilt = dump_read_models(newer)
        assert sorted(row[1] for row in rebuilt["rm_words"]) == sorted(row[1].upper() for row in live["rm_words"])
        assert {row[8] for row in rebuilt["rm_timeline"] if row[8]} == {f"WORD {i}" for i in range(30)}
        assert rebuilt["rm_answers"] == live["rm_answers"]
        assert verify(newer.projector).ok  # the handlers' replay through the same upcaster agrees


def test_a_rebuild_reads_older_shapes_its_statements_cannot_decode(tmp_path: Path) -> None:
    """Rows an "older app" wrote with ids the SQL cannot turn into keys ("urn:uuid:..."): the
    rebuild's first pass fails on them, finds them stored under an older version, and reads them
    through the upcaster instead, with the same rows as live updating gave."""
    from typing import Any, ClassVar
    from uuid import UUID

    from effect_desktop.domain.events import WORD, EventData
    from effect_desktop.domain.registry import EventRegistry

    path = tmp_path / "p.effect.sqlite3"
    live = dump_read_models(_studied(path))
    with sqlite3.connect(path) as raw:  # what the older app stored
        raw.execute("UPDATE events SET event_data = json_set(event_data, '$.word_id', "
                    "'urn:uuid:' || json_extract(event_data, '$.word_id')) WHERE event_type = 'WordCreated'")

    class WordCreated(EventData):  # the newer app's: plain ids, schema version 2
        aggregate_type: ClassVar[str] = WORD
        schema_version: ClassVar[int] = 2
        word_id: UUID
        text: str
        meaning: str
        difficulty: int
        category: str
        tags: list[str]

    def v1_to_v2(shape: dict[str, Any]) -> dict[str, Any]:
        return {**shape, "word_id": shape["word_id"].removeprefix("urn:uuid:")}

    registry = EventRegistry()
    registry.register(WordCreated)
    registry.add_upcaster("WordCreated", 1, v1_to_v2)
    newer = open_profile(path, registry=registry)
    newer.projector.rebuild()
    assert dump_read_models(newer) == live
    assert verify(newer.projector).ok


def test_moving_many_studied_words_at_once_reads_ahead_and_counts_as_one_at_a_time(tmp_path: Path) -> None:
    """Sixty studied words (answers on two days, one taken back) moved to another category and tag
    in one command: the projector reads their rows, answers and the statistics rows ahead in a few
    queries (one query each took 24 s for 4,000 words); the rows are the ones a rebuild gives, and
    the ones moving the same words in small commands gives."""
    from effect_desktop.application import organize
    from effect_desktop.projections.projector import READ_AHEAD_FROM

    def studied(name: str) -> Profile:
        clock = SettableClock(datetime(2026, 3, 1, 21, 0, tzinfo=timezone(timedelta(hours=9))))
        profile = open_profile(tmp_path / name, clock=clock)
        words = profile.service.create_words([
            {"text": f"w{i}", "meaning": "m", "category": f"c{i % 3}", "tags": [f"t{i % 4}", "all"]}
            for i in range(60)])
        session = profile.service.start_session("flashcard", words[:40])
        for i, word in enumerate(words[:40]):
            outcome = profile.service.answer(session, word, i % 3 != 0, 1_000 + 100 * i)
            if i == 7:
                profile.service.retract_answer(session, outcome.answer_event_id)
        clock.advance(hours=12)
        for word in words[:20]:
            profile.service.answer(session, word, True, 900)
        profile.service.complete_session(session)
        return profile

    at_once, one_by_one = studied("at_once.effect.sqlite3"), studied("one_by_one.effect.sqlite3")
    changes = organize.set_category(at_once.queries.words(), "moved")
    assert len(changes) >= READ_AHEAD_FROM
    at_once.service.update_words(changes)
    at_once.service.update_words(organize.remove_tag(at_once.queries.words(), "all"))
    for word_id, fields in organize.set_category(one_by_one.queries.words(), "moved"):
        one_by_one.service.update_words([(word_id, fields)])
    for word_id, fields in organize.remove_tag(one_by_one.queries.words(), "all"):
        one_by_one.service.update_words([(word_id, fields)])

    def counted(profile: Profile) -> dict[str, list]:
        models = dump_read_models(profile)
        return {name: models[name] for name in ("rm_daily_facets", "rm_daily_stats")}  # no ids: comparable

    live = dump_read_models(at_once)
    assert counted(at_once) == counted(one_by_one)
    assert {row[0] for row in live["rm_daily_facets"]} >= {"", "c:moved"}
    at_once.projector.rebuild()
    assert dump_read_models(at_once) == live
    at_once.close()
    one_by_one.close()


def test_a_rebuild_puts_the_connections_settings_back(tmp_path: Path) -> None:
    """The rebuild turns secure_delete off and enlarges the temporary cache while it runs
    (projector._rebuilding); the pooled connection gets back what it had, after a cancel too."""
    profile = _studied(tmp_path / "p.effect.sqlite3")
    profile.engine.dispose()  # one pooled connection from here on: the rebuild's is the one looked at

    def settings() -> tuple[int, int]:
        with profile.store.transaction() as connection:
            driver = connection.connection.driver_connection
            return (driver.execute("PRAGMA main.secure_delete").fetchone()[0],
                    driver.execute("PRAGMA temp.cache_size").fetchone()[0])

    secure_delete, temp_cache = settings()
    assert temp_cache in (0, -2000)  # 0: SQLite's default (2 MB) in force, as after the rebuild
    profile.projector.rebuild()
    assert settings() == (secure_delete, -2000)
    with pytest.raises(RebuildCancelled):
        profile.projector.rebuild(lambda done, total: False)
    assert settings() == (secure_delete, -2000)
