"""Stored events keep loading after their model changes; unknown or too-new ones are refused.

The rows are real rows in a real SQLite profile, written by the store of "an
older app" (the default registry) and read by the store of "a newer app" (a
registry with a v2 model and an upcaster).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar
from uuid import UUID

import pytest
import sqlalchemy as sa

from effect_desktop.domain.events import (
    WORD,
    DomainEvent,
    EventData,
    EventMetadata,
    WordCreated,
)
from effect_desktop.domain.ids import new_id
from effect_desktop.domain.registry import (
    EventRegistry,
    UnknownEventType,
    UnsupportedSchemaVersion,
    default_registry,
)
from effect_desktop.persistence.schema import events as events_table
from effect_desktop.persistence.schema import metadata
from effect_desktop.persistence.sql_store import SqlEventStore
from effect_desktop.persistence.sqlite import create_sqlite_engine

NOW = datetime(2026, 4, 1, 8, 30, tzinfo=UTC)


def word_created_v2() -> type[EventData]:
    """WordCreated as a later app defines it: `meaning` renamed, `example` added."""

    class WordCreated(EventData):  # the same event_type, a new shape
        aggregate_type: ClassVar[str] = WORD
        schema_version: ClassVar[int] = 2
        word_id: UUID
        text: str
        definition: str
        example: str
        difficulty: int
        category: str
        tags: list[str]

    return WordCreated


def upcast_v1_to_v2(shape: dict[str, Any]) -> dict[str, Any]:
    shape["definition"] = shape.pop("meaning")
    shape.setdefault("example", "")
    return shape


def registry_v2() -> tuple[EventRegistry, type[EventData]]:
    model = word_created_v2()
    registry = EventRegistry()
    registry.register(model)
    registry.add_upcaster("WordCreated", 1, upcast_v1_to_v2)
    return registry, model


@pytest.fixture
def engine(tmp_path: Path) -> sa.Engine:
    engine = create_sqlite_engine(tmp_path / "profile.sqlite3")
    metadata.create_all(engine)
    yield engine
    engine.dispose()


def envelope(data: EventData, aggregate_id: UUID, version: int = 1) -> DomainEvent:
    command = new_id()
    return DomainEvent(
        event_id=new_id(), aggregate_id=aggregate_id, aggregate_type=data.aggregate_type,
        event_type=data.event_type, event_data=data,
        metadata=EventMetadata(user_id=new_id(), correlation_id=command, causation_id=command,
                               timestamp=NOW),
        created_at=NOW, version=version)


def test_a_v1_row_loads_as_the_v2_model_through_the_upcaster(engine: sa.Engine) -> None:
    word_id = new_id()
    old = SqlEventStore(engine, default_registry())
    old.append_events(word_id, [envelope(WordCreated(
        word_id=word_id, text="apple", meaning="りんご", difficulty=2, category="fruit",
        tags=["food"]), word_id)], 0)
    with engine.connect() as connection:
        assert connection.execute(sa.select(events_table.c.schema_version)).scalar() == 1

    registry, model = registry_v2()
    [event] = SqlEventStore(engine, registry).get_events(word_id)
    assert type(event.event_data) is model
    assert event.event_data.model_dump() == {
        "word_id": word_id, "text": "apple", "definition": "りんご", "example": "",
        "difficulty": 2, "category": "fruit", "tags": ["food"]}
    assert event.version == 1 and event.event_type == "WordCreated"


def test_a_v2_row_is_stored_with_its_schema_version_and_loads_without_upcasting(
        engine: sa.Engine) -> None:
    registry, model = registry_v2()
    word_id = new_id()
    data = model(word_id=word_id, text="pear", definition="梨", example="a ripe pear",
                 difficulty=1, category="", tags=[])
    store = SqlEventStore(engine, registry)
    store.append_events(word_id, [envelope(data, word_id)], 0)
    with engine.connect() as connection:
        assert connection.execute(sa.select(events_table.c.schema_version)).scalar() == 2
    assert store.get_events(word_id)[0].event_data == data


def test_a_row_from_a_newer_app_is_refused_with_advice(engine: sa.Engine) -> None:
    registry, model = registry_v2()
    word_id = new_id()
    SqlEventStore(engine, registry).append_events(word_id, [envelope(model(
        word_id=word_id, text="pear", definition="梨", example="", difficulty=1, category="",
        tags=[]), word_id)], 0)
    with pytest.raises(UnsupportedSchemaVersion, match="newer Effect Desktop.*update the app"):
        SqlEventStore(engine, default_registry()).get_events(word_id)


def test_a_missing_upcaster_is_an_explicit_error() -> None:
    registry = EventRegistry()
    registry.register(word_created_v2())  # no upcaster from v1
    with pytest.raises(UnsupportedSchemaVersion, match="no upcaster for WordCreated v1"):
        registry.load("WordCreated", {"word_id": str(new_id()), "text": "a", "meaning": "b",
                                      "difficulty": 1, "category": "", "tags": []}, 1)


def test_an_unknown_event_type_is_an_explicit_error(engine: sa.Engine) -> None:
    aggregate_id = new_id()
    with engine.begin() as connection:
        connection.execute(sa.insert(events_table), {
            "event_id": new_id(), "aggregate_id": aggregate_id, "aggregate_type": WORD,
            "event_type": "WordTeleported", "event_data": "{}", "metadata": "{}",
            "created_at": NOW, "version": 1, "schema_version": 1})
    store = SqlEventStore(engine, default_registry())
    with pytest.raises(UnknownEventType, match="WordTeleported"):
        store.get_events(aggregate_id)
    with pytest.raises(UnknownEventType):
        store.read_all()


def test_every_current_event_type_round_trips_through_the_registry() -> None:
    registry = default_registry()
    word_id = new_id()
    data = WordCreated(word_id=word_id, text="a", meaning="b", difficulty=3, category="c",
                       tags=["t"])
    assert registry.load("WordCreated", data.model_dump_json(), 1) == data
    assert registry.load("WordCreated", data.model_dump(mode="json"), 1) == data
