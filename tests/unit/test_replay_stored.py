"""Loading from stored rows gives the very state the validated events give, whichever way a row goes.

`Aggregate.replay_stored` lets a session read its answers straight from their
decoded JSON (no model built); these tests hold that shortcut to the typed
replay: for rows as the store writes them, for payloads spelled as an
imported file may spell them, and for rows of an older schema, which must go
through the registry's upcasters.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar
from uuid import UUID

import pytest

from effect_desktop.domain import events as ev
from effect_desktop.domain.aggregate import Recorded, StoredEntry, StreamCorrupted
from effect_desktop.domain.errors import RuleViolated
from effect_desktop.domain.ids import new_id
from effect_desktop.domain.registry import EventRegistry, default_registry
from effect_desktop.domain.session import StudySession

START = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)


def stored(version: int, recorded: Recorded, payload: dict[str, Any] | None = None,
           schema_version: int = 1) -> StoredEntry:
    """The row the store keeps for an event; `payload` replaces its JSON document."""
    text = json.dumps(payload) if payload is not None else recorded.data.model_dump_json()
    return (version, recorded.event_id.bytes, recorded.data.event_type, schema_version, text)


def a_session(words: list[UUID]) -> tuple[StudySession, list[Recorded]]:
    """A session with answers, a retracted answer and an answer after it, not yet completed."""
    session = StudySession.start(new_id(), new_id(), words, ev.LearningMode.FLASHCARD)
    first = session.answer(words[0], False, 1500)
    session.answer(words[0], True, 900, ev.Grade.GOOD)
    session.answer(words[1], True, 1200)
    session.retract(first.event_id)
    session.answer(words[2], False, 3000, ev.Grade.AGAIN)
    _, pending = session.take_pending()
    return session, pending


def test_stored_rows_load_the_same_session_as_its_validated_events() -> None:
    words = [new_id(), new_id(), new_id()]
    session, pending = a_session(words)
    typed = StudySession(session.id).replay([(v, r.event_id, r.data) for v, r in enumerate(pending, 1)])
    loaded = StudySession(session.id).replay_stored(
        [stored(v, r) for v, r in enumerate(pending, 1)], default_registry())

    assert loaded.version == typed.version == len(pending)
    assert loaded.snapshot_state() == typed.snapshot_state() == session.snapshot_state()
    # the loaded session goes on as the original would: attempts continue, answers can be undone
    answered = loaded.answer(words[1], True, 800)
    assert answered.data.attempt_number == 2  # type: ignore[attr-defined]
    loaded.retract(answered.event_id)
    with pytest.raises(RuleViolated, match="already undone"):
        loaded.retract(answered.event_id)
    done = loaded.complete(START, START + timedelta(seconds=60)).data
    assert (done.total_questions, done.correct_answers) == (3, 2)  # type: ignore[attr-defined]


def test_payloads_spelled_otherwise_load_as_validation_reads_them() -> None:
    """An imported file may hold a word id in capitals or without hyphens, a number or a bool as a
    string: stored as given, valid all the same, and they must count as the canonical ones."""
    words = [new_id(), new_id(), new_id()]
    session, pending = a_session(words)
    rows = [stored(v, r) for v, r in enumerate(pending, 1)]
    spellings = {  # row version -> one field spelled otherwise (rows 2-4 and 6 are answers)
        2: {"word_id": str(words[0]).upper()},
        3: {"attempt_number": "2"},
        4: {"is_correct": "true"},
        6: {"word_id": words[2].hex},
    }
    for version, change in spellings.items():
        recorded = pending[version - 1]
        rows[version - 1] = stored(version, recorded, {**recorded.data.model_dump(mode="json"), **change})

    loaded = StudySession(session.id).replay_stored(rows, default_registry())
    assert json.dumps(loaded.snapshot_state()) == json.dumps(session.snapshot_state())
    assert loaded.answer(words[0], True, 700).data.attempt_number == 2  # type: ignore[attr-defined]
    assert loaded.answer(words[2], True, 700).data.attempt_number == 2  # type: ignore[attr-defined]


def question_answered_v2() -> type[ev.QuestionAnswered]:
    """QuestionAnswered as a later app might define it: v1 counted attempts from 0, v2 from 1."""

    class QuestionAnswered(ev.QuestionAnswered):  # the same event_type, a newer schema
        schema_version: ClassVar[int] = 2

    return QuestionAnswered


def test_rows_of_an_older_schema_go_through_the_upcaster() -> None:
    model = question_answered_v2()
    registry = EventRegistry()
    registry.register(model)
    registry.add_upcaster("QuestionAnswered", 1, lambda shape: {**shape, "attempt_number": shape["attempt_number"] + 1})
    words = [new_id(), new_id()]
    session = StudySession.start(new_id(), new_id(), words, ev.LearningMode.TYPING)
    started = session.pending[0]
    answers = [Recorded(new_id(), ev.QuestionAnswered(session_id=session.id, word_id=w, is_correct=True,
                                                      response_time_ms=1000, attempt_number=n))
               for w, n in ((words[0], 0), (words[0], 1), (words[1], 0))]  # as v1 counted them
    rows = [stored(1, started)] + [stored(v, r) for v, r in enumerate(answers, 2)]
    newer = Recorded(new_id(), model(session_id=session.id, word_id=words[1], is_correct=False,
                                     response_time_ms=1000, attempt_number=2))
    rows.append(stored(5, newer, schema_version=2))  # written by the newer app: no upcast

    loaded = StudySession(session.id).replay_stored(rows, registry)
    assert loaded.snapshot_state()["attempts"] == {str(words[0]): 2, str(words[1]): 2}
    assert loaded.version == 5


def test_a_gap_in_the_stored_versions_is_refused() -> None:
    session, pending = a_session([new_id(), new_id(), new_id()])
    rows = [stored(v, r) for v, r in enumerate(pending, 1)]
    del rows[2]
    with pytest.raises(StreamCorrupted, match="expected version 3, got 4"):
        StudySession(session.id).replay_stored(rows, default_registry())
