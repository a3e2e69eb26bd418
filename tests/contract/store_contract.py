"""The event store contract, written once for every backend.

A backend's test module subclasses `StoreContract` and provides a `store`
fixture returning a fresh, empty store (see `test_sqlite_store.py`; the
PostgreSQL one does the same with the `pg_database` fixture). The tests use
only the design's interface, so they never branch on the database.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest

from effect_desktop.domain.events import (
    DomainEvent,
    EventData,
    EventMetadata,
    LearningMode,
    SessionStarted,
    WordCreated,
    WordUpdated,
)
from effect_desktop.domain.ids import new_id
from effect_desktop.persistence.errors import ConcurrencyError, StoreError
from effect_desktop.persistence.store import AggregateSnapshot

T0 = datetime(2026, 1, 5, 7, 30, tzinfo=UTC)
USER = new_id()


def word_event(word_id: UUID, version: int, event_id: UUID | None = None) -> DomainEvent:
    data: EventData
    if version == 1:
        data = WordCreated(word_id=word_id, text=f"word {word_id.hex[:6]}", meaning="意味",
                           difficulty=2, category="test", tags=["a", "b"])
    else:
        data = WordUpdated(word_id=word_id, changes={"meaning": f"meaning v{version}"})
    command = new_id()
    at = T0 + timedelta(seconds=version)
    return DomainEvent(
        event_id=event_id or new_id(), aggregate_id=word_id, aggregate_type=data.aggregate_type,
        event_type=data.event_type, event_data=data,
        metadata=EventMetadata(user_id=USER, correlation_id=command, causation_id=command,
                               timestamp=at, utc_offset_minutes=540),
        created_at=at, version=version)


def word_events(word_id: UUID, first: int, last: int) -> list[DomainEvent]:
    return [word_event(word_id, v) for v in range(first, last + 1)]


def fingerprint(event: DomainEvent) -> tuple[Any, ...]:
    """What a reader must get back: everything but the store-assigned position."""
    return (event.event_id, event.aggregate_id, event.aggregate_type, event.event_type,
            event.event_data, event.metadata, event.created_at, event.version)


class StoreContract:
    """Subclass and provide a `store` fixture (a fresh, empty store)."""

    @pytest.fixture
    def store(self) -> Any:
        raise NotImplementedError("a backend's test module provides a fresh store")

    # --- append and read back ------------------------------------------------------------------
    def test_append_then_get_gives_the_same_events(self, store: Any) -> None:
        word = new_id()
        events = word_events(word, 1, 3)
        stored = store.append_events(word, events, 0)
        assert [fingerprint(e) for e in stored] == [fingerprint(e) for e in events]
        loaded = store.get_events(word)
        assert [fingerprint(e) for e in loaded] == [fingerprint(e) for e in events]
        assert [e.position for e in loaded] == [e.position for e in stored]
        assert all(isinstance(e.position, int) for e in loaded)
        assert loaded[0].metadata.utc_offset_minutes == 540
        assert loaded[0].created_at == T0 + timedelta(seconds=1)

    def test_every_payload_type_round_trips(self, store: Any) -> None:
        session = new_id()
        data = SessionStarted(session_id=session, user_id=USER, word_ids=[new_id(), new_id()],
                              mode=LearningMode.TYPING)
        command = new_id()
        event = DomainEvent(event_id=new_id(), aggregate_id=session,
                            aggregate_type=data.aggregate_type, event_type=data.event_type,
                            event_data=data, metadata=EventMetadata(
                                user_id=USER, correlation_id=command, causation_id=command,
                                timestamp=T0), created_at=T0, version=1)
        store.append_events(session, [event], 0)
        assert store.get_events(session)[0].event_data == data

    def test_get_events_from_a_version(self, store: Any) -> None:
        word = new_id()
        store.append_events(word, word_events(word, 1, 5), 0)
        assert [e.version for e in store.get_events(word, 3)] == [3, 4, 5]
        assert store.get_events(word, 6) == []
        assert store.get_events(new_id()) == []

    def test_a_streams_head_is_its_last_version_and_event(self, store: Any) -> None:
        """What the repository checks before reusing an aggregate it kept after its last commit."""
        word, other = new_id(), new_id()
        assert store.stream_head(word) is None
        events = word_events(word, 1, 3)
        store.append_events(word, events, 0)
        store.append_events(other, word_events(other, 1, 5), 0)
        assert store.stream_head(word) == (3, events[-1].event_id)
        more = word_events(word, 4, 4)
        store.append_events(word, more, 3)
        assert store.stream_head(word) == (4, more[0].event_id)

    def test_appends_continue_a_stream(self, store: Any) -> None:
        word = new_id()
        store.append_events(word, word_events(word, 1, 2), 0)
        store.append_events(word, word_events(word, 3, 4), 2)
        assert [e.version for e in store.get_events(word)] == [1, 2, 3, 4]

    # --- optimistic concurrency ---------------------------------------------------------------------
    @pytest.mark.parametrize("expected", [0, 1, 3])
    def test_expected_version_mismatch_is_a_concurrency_error(self, store: Any,
                                                             expected: int) -> None:
        word = new_id()
        store.append_events(word, word_events(word, 1, 2), 0)
        with pytest.raises(ConcurrencyError):
            store.append_events(word, word_events(word, expected + 1, expected + 1), expected)
        assert [e.version for e in store.get_events(word)] == [1, 2]

    def test_a_new_stream_must_be_expected_at_version_zero(self, store: Any) -> None:
        word = new_id()
        with pytest.raises(ConcurrencyError):
            store.append_events(word, word_events(word, 2, 2), 1)
        assert store.get_events(word) == []

    # --- atomicity ---------------------------------------------------------------------------------
    def test_a_batch_with_a_version_gap_writes_nothing(self, store: Any) -> None:
        word = new_id()
        batch = [word_event(word, 1), word_event(word, 2), word_event(word, 4)]
        with pytest.raises(ConcurrencyError):
            store.append_events(word, batch, 0)
        assert store.get_events(word) == []
        assert store.read_all() == []

    def test_a_batch_with_an_event_of_another_stream_writes_nothing(self, store: Any) -> None:
        word = new_id()
        batch = [word_event(word, 1), word_event(new_id(), 2)]
        with pytest.raises(StoreError):
            store.append_events(word, batch, 0)
        assert store.read_all() == []

    def test_a_batch_whose_last_event_is_a_duplicate_writes_nothing(self, store: Any) -> None:
        first, second = new_id(), new_id()
        [taken] = store.append_events(first, [word_event(first, 1)], 0)
        batch = [word_event(second, 1), word_event(second, 2), word_event(second, 3, taken.event_id)]
        with pytest.raises(StoreError):
            store.append_events(second, batch, 0)
        assert store.get_events(second) == []
        assert [e.event_id for e in store.read_all()] == [taken.event_id]

    def test_appends_in_one_transaction_commit_together_or_not_at_all(self, store: Any) -> None:
        a, b = new_id(), new_id()
        with pytest.raises(ConcurrencyError), store.transaction():
            store.append_events(a, word_events(a, 1, 2), 0)
            store.append_events(b, word_events(b, 1, 1), 5)  # wrong expected version
        assert store.read_all() == []
        with store.transaction():
            store.append_events(a, word_events(a, 1, 2), 0)
            store.append_events(b, word_events(b, 1, 1), 0)
        assert len(store.read_all()) == 3

    def test_a_duplicate_event_id_is_rejected(self, store: Any) -> None:
        first, second = new_id(), new_id()
        [taken] = store.append_events(first, [word_event(first, 1)], 0)
        with pytest.raises(StoreError):
            store.append_events(second, [word_event(second, 1, taken.event_id)], 0)
        assert store.get_events(second) == []
        assert len(store.read_all()) == 1

    # --- the whole log ------------------------------------------------------------------------------
    def test_read_all_is_in_append_order_across_streams(self, store: Any) -> None:
        a, b, c = new_id(), new_id(), new_id()
        appended: list[DomainEvent] = []
        appended += store.append_events(a, word_events(a, 1, 2), 0)
        appended += store.append_events(b, word_events(b, 1, 3), 0)
        appended += store.append_events(a, word_events(a, 3, 3), 2)
        appended += store.append_events(c, word_events(c, 1, 1), 0)
        appended += store.append_events(b, word_events(b, 4, 5), 3)
        everything = store.read_all()
        assert [e.event_id for e in everything] == [e.event_id for e in appended]
        positions = [e.position for e in everything]
        assert positions == sorted(positions) and len(set(positions)) == len(positions)
        assert store.last_position() == positions[-1]

    def test_read_all_pages_from_a_position(self, store: Any) -> None:
        ids: list[UUID] = []
        for _ in range(4):
            word = new_id()
            ids += [e.event_id for e in store.append_events(word, word_events(word, 1, 3), 0)]
        pages, position = [], 0
        while page := store.read_all(position, 5):
            assert len(page) <= 5
            pages.append(page)
            position = page[-1].position
        assert [len(p) for p in pages] == [5, 5, 2]
        assert [e.event_id for p in pages for e in p] == ids
        assert [e.event_id for e in store.iter_all(0, 5)] == ids
        middle = pages[0][2].position
        assert [e.event_id for e in store.read_all(middle, 100)] == ids[3:]
        assert [e.event_id for e in store.iter_all(middle, 4)] == ids[3:]
        assert store.read_all(store.last_position()) == []

    def test_an_empty_store(self, store: Any) -> None:
        assert store.read_all() == []
        assert list(store.iter_all()) == []
        assert store.last_position() == 0

    # --- snapshots ----------------------------------------------------------------------------------
    def test_snapshots_save_get_and_overwrite(self, store: Any) -> None:
        word = new_id()
        assert store.get_snapshot(word) is None
        first = AggregateSnapshot(aggregate_id=word, aggregate_type="Word",
                                  snapshot_data={"fields": {"text": "a", "tags": ["x"]},
                                                 "deleted": False},
                                  version=100, created_at=T0)
        store.save_snapshot(word, first)
        assert store.get_snapshot(word) == first
        later = first.model_copy(update={"snapshot_data": {"fields": {"text": "b"}, "deleted": True},
                                         "version": 200, "created_at": T0 + timedelta(days=1)})
        store.save_snapshot(word, later)
        assert store.get_snapshot(word) == later
        assert store.get_snapshot(new_id()) is None

    def test_snapshots_of_different_aggregates_are_kept_apart(self, store: Any) -> None:
        a, b = new_id(), new_id()
        for aggregate, version in ((a, 3), (b, 7)):
            store.save_snapshot(aggregate, AggregateSnapshot(
                aggregate_id=aggregate, aggregate_type="StudySession",
                snapshot_data={"v": version}, version=version, created_at=T0))
        assert store.get_snapshot(a).version == 3
        assert store.get_snapshot(b).snapshot_data == {"v": 7}

    # --- what an aggregate load reads -------------------------------------------------------------
    def test_a_stream_reads_back_as_stored_from_a_version(self, store: Any) -> None:
        word = new_id()
        events = word_events(word, 1, 5)
        store.append_events(word, events, 0)
        rows = store.stream_stored(word, 3)
        assert [(v, UUID(bytes=i), t, s) for v, i, t, s, _ in rows] == [
            (e.version, e.event_id, e.event_type, 1) for e in events[2:]]
        assert [store.registry.load(t, d, s) for _, _, t, s, d in rows] == [e.event_data for e in events[2:]]
        assert [r[0] for r in store.stream_stored(word)] == [1, 2, 3, 4, 5]
        assert store.stream_stored(word, 6) == [] and store.stream_stored(new_id()) == []

    def test_a_load_reads_a_snapshot_of_its_type_and_the_events_after_it(self, store: Any) -> None:
        word = new_id()
        store.append_events(word, word_events(word, 1, 5), 0)
        assert store.load_stream(word, "Word") == (None, store.stream_stored(word))  # no snapshot yet
        snapshot = AggregateSnapshot(aggregate_id=word, aggregate_type="Word",
                                     snapshot_data={"fields": {}}, version=3, created_at=T0)
        store.save_snapshot(word, snapshot)
        found, rows = store.load_stream(word, "Word")
        assert found == snapshot and [r[0] for r in rows] == [4, 5]
        assert store.load_stream(word, None) == (None, store.stream_stored(word))  # no snapshot wanted
        # a snapshot of another aggregate type under this id is not this aggregate's state
        assert store.load_stream(word, "StudySession") == (None, store.stream_stored(word))
