"""Loading an aggregate from a real SQLite profile: rows of an older schema are upcast on the way,
compacted rows are read from their archive segment, and either way the state is what it was."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar
from uuid import UUID

import pytest

from effect_desktop.application.repository import Repository
from effect_desktop.bootstrap import Profile, open_profile
from effect_desktop.domain import events as ev
from effect_desktop.domain.registry import EventRegistry
from effect_desktop.domain.session import StudySession
from effect_desktop.persistence.archive import compact
from effect_desktop.persistence.sql_store import SqlEventStore

FAR_FUTURE = datetime(2100, 1, 1, tzinfo=UTC)


@pytest.fixture
def profile(tmp_path: Path) -> Iterator[Profile]:
    profile = open_profile(tmp_path / "learner.effect.sqlite3")
    yield profile
    profile.close()


def studied_session(profile: Profile) -> tuple[UUID, list[UUID]]:
    """A session with two answers per word, the last one undone."""
    words = [profile.service.create_word(f"word {i}", f"meaning {i}") for i in range(3)]
    session = profile.service.start_session("flashcard", words)
    answers = [profile.service.answer(session, w, i % 3 != 0, 1000 + i).answer_event_id
               for i, w in enumerate(words * 2)]
    profile.service.retract_answer(session, answers[-1])
    return session, words


def test_a_session_loads_the_same_after_part_of_its_stream_is_compacted(profile: Profile) -> None:
    session, _ = studied_session(profile)
    repository = Repository(profile.store)
    before = repository.load(StudySession, session, use_snapshot=False)

    compact(profile.store, FAR_FUTURE, datetime.now(UTC), segment=4)
    with profile.store.reading() as connection:
        archived, total = connection.exec_driver_sql(
            "SELECT sum(event_data = ''), count(*) FROM events WHERE aggregate_id = ?", (session.bytes,)).one()
    assert 0 < archived < total  # some of its rows are in archive segments, some are not

    after = repository.load(StudySession, session, use_snapshot=False)
    assert (after.version, after.snapshot_state()) == (before.version, before.snapshot_state())


def test_a_load_upcasts_the_rows_an_older_app_wrote(profile: Profile) -> None:
    """A later app counts attempts from 0 (schema v2) and lifts v1 rows with an upcaster: a load
    must not read those rows as they are stored."""

    class QuestionAnswered(ev.QuestionAnswered):  # the same event_type, a newer schema
        schema_version: ClassVar[int] = 2

    registry = EventRegistry()
    registry.register(QuestionAnswered)
    registry.add_upcaster("QuestionAnswered", 1, lambda shape: {**shape, "attempt_number": shape["attempt_number"] - 1})
    session, words = studied_session(profile)
    written = Repository(profile.store).load(StudySession, session).snapshot_state()["attempts"]
    assert written == {str(words[0]): 2, str(words[1]): 2, str(words[2]): 1}

    newer = SqlEventStore(profile.store.engine, registry)
    loaded = Repository(newer).load(StudySession, session).snapshot_state()["attempts"]
    assert loaded == {str(words[0]): 1, str(words[1]): 1, str(words[2]): 0}
