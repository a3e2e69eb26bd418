"""The fast SQLite conversions give exactly the values SQLAlchemy's column types give."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest

from effect_desktop.persistence.sqlite_values import DIALECT, bind_processor
from effect_desktop.persistence.types import UTCDateTime, UUIDType
from effect_desktop.projections.tables import READ_MODELS


def sqlalchemy_processor(type_):
    return type_.dialect_impl(DIALECT).bind_processor(DIALECT)


@pytest.mark.parametrize("value", [
    datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),  # no microseconds: still written with .000000
    datetime(2026, 3, 29, 1, 59, 59, 999999, tzinfo=timezone(timedelta(hours=2))),
    datetime(2026, 11, 27, 0, 25, 39, 376294, tzinfo=timezone(timedelta(hours=-9, minutes=-30))),
    datetime(987, 6, 5, 4, 3, 2, 10, tzinfo=UTC),  # every field zero-padded
    datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
    None,
])
def test_datetimes_match(value) -> None:
    fast = bind_processor(_column(UTCDateTime()))
    assert fast(value) == sqlalchemy_processor(UTCDateTime())(value)


@pytest.mark.parametrize("value", [uuid.uuid4(), uuid.UUID(int=0), "0190c0de-0000-7000-8000-000000000001"])
def test_uuids_match(value) -> None:
    assert bind_processor(_column(UUIDType()))(value) == sqlalchemy_processor(UUIDType())(value)


def test_every_read_model_column_gets_a_converter_that_agrees() -> None:
    samples = {UUIDType: uuid.uuid4(), UTCDateTime: datetime.now(UTC)}
    for table in READ_MODELS:
        for column in table.columns:
            sample = samples.get(type(column.type))
            if sample is None:
                continue
            assert bind_processor(column)(sample) == sqlalchemy_processor(column.type)(sample), column


def _column(type_):
    import sqlalchemy as sa

    return sa.Column("c", type_)


def test_envelopes_become_the_parameters_the_generic_append_path_gives(tmp_path) -> None:
    """A 100-event append writes envelopes straight to parameters: the same values as through rows."""
    from effect_desktop.bootstrap import open_profile
    from effect_desktop.domain import events as ev
    from effect_desktop.domain.ids import new_id

    profile = open_profile(tmp_path / "p.effect.sqlite3", catch_up=False)
    try:
        store = profile.store
        appender = store._appender
        assert appender.direct
        session, word, command = new_id(), new_id(), new_id()
        shared = ev.EventMetadata(user_id=profile.user_id, correlation_id=command, causation_id=command,
                                  timestamp=datetime(2026, 3, 29, 1, 59, 59, 999999, tzinfo=UTC),
                                  utc_offset_minutes=120)
        at_home = datetime(2026, 3, 29, 3, 0, tzinfo=timezone(timedelta(hours=2)))  # not in UTC
        payloads = [
            ev.SessionStarted(session_id=session, user_id=profile.user_id, word_ids=[word],
                              mode=ev.LearningMode.TYPING),
            ev.QuestionAnswered(session_id=session, word_id=word, is_correct=False, response_time_ms=0,
                                attempt_number=1),
            ev.QuestionAnswered(session_id=session, word_id=word, is_correct=True, response_time_ms=9,
                                attempt_number=2),
        ]
        events = [ev.DomainEvent(event_id=new_id(), aggregate_id=session, aggregate_type=p.aggregate_type,
                                 event_type=p.event_type, event_data=p, version=i + 1,
                                 metadata=shared if i < 2 else shared.model_copy(update={"utc_offset_minutes": 0}),
                                 created_at=at_home if i == 1 else datetime(2026, 1, 1, tzinfo=UTC))
                  for i, p in enumerate(payloads)]
        assert appender.event_params(events) == appender._params([store._row(e) for e in events])
        stored = store.append_events(session, events, 0)
        assert [e.event_id for e in store.get_events(session)] == [e.event_id for e in stored]
        assert store.get_events(session)[1].created_at == at_home
    finally:
        profile.close()


def test_a_row_read_by_its_key_is_the_row_sqlalchemy_reads(tmp_path) -> None:
    """Commands read read-model rows by key on the driver (sqlite_reader.py): every stored row of every
    read model, read that way, equals SQLAlchemy's own reading of it, value types included."""
    import sqlalchemy as sa

    from effect_desktop.bootstrap import open_profile
    from effect_desktop.projections.sqlite_reader import SqliteQuery, SqliteRowReader
    from effect_desktop.projections.tables import FIRST_ATTEMPTS

    profile = open_profile(tmp_path / "p.effect.sqlite3")
    try:
        words = profile.service.create_words([{"text": "apple", "meaning": "りんご", "tags": ["noun", "food"],
                                               "category": "food", "difficulty": 3}, {"text": "pear", "meaning": "梨"}])
        session = profile.service.start_session("flashcard", words)
        answered = profile.service.answer(session, words[0], True, 1500, "good")
        profile.service.answer(session, words[1], False, 99_000)
        profile.service.retract_answer(session, answered.answer_event_id)
        profile.service.complete_session(session)
        profile.service.delete_word(words[1])
        compared = 0
        with profile.engine.connect() as connection:
            for table in READ_MODELS:
                reader = SqliteRowReader(table)
                keys = [c.name for c in table.primary_key.columns]
                for stored in connection.execute(sa.select(table)).mappings():
                    row = reader.row(connection, tuple(stored[k] for k in keys))
                    assert row == dict(stored), table.name
                    assert [type(v) for v in row.values()] == [type(v) for v in stored.values()], table.name
                    compared += 1
                assert reader.row(connection, tuple(_absent(c) for c in table.primary_key.columns)) is None
            for word in words:  # a word's first attempts, as its schedule folds them
                core = [tuple(r) for r in connection.execute(FIRST_ATTEMPTS, {"word_id": word})]
                fast = [tuple(r) for r in SqliteQuery(FIRST_ATTEMPTS).rows(connection, {"word_id": word})]
                assert fast == core and [type(v) for r in fast for v in r] == [type(v) for r in core for v in r]
            assert len(core) == 1  # pear's one answer; apple's was undone
        assert compared > 20
    finally:
        profile.close()


def _absent(column):  # a key no row has
    return {UUIDType: uuid.uuid4(), UTCDateTime: datetime(1999, 1, 1, tzinfo=UTC)}.get(
        type(column.type), "none such" if column.type.python_type is str else -1)
