"""Two processes appending to one stream of one profile file at the same moment."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from effect_desktop.domain.ids import new_id
from effect_desktop.domain.registry import default_registry
from effect_desktop.persistence.schema import metadata
from effect_desktop.persistence.sql_store import SqlEventStore
from effect_desktop.persistence.sqlite import create_sqlite_engine

from .concurrent_writer import append_many

PER_WRITER = 60


def test_two_processes_appending_to_one_stream_lose_and_duplicate_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    engine = create_sqlite_engine(path)
    metadata.create_all(engine)
    stream = new_id()

    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        results = pool.starmap(append_many, [(str(path), str(stream), name, PER_WRITER)
                                             for name in ("left", "right")])

    events = SqlEventStore(engine, default_registry()).get_events(stream)
    engine.dispose()
    confirmed = [event_id for ids, _ in results for event_id in ids]
    assert [e.version for e in events] == list(range(1, 2 * PER_WRITER + 1))
    assert sorted(str(e.event_id) for e in events) == sorted(confirmed)
    assert len(set(confirmed)) == 2 * PER_WRITER
    # each writer's own events are in its own order
    for ids, _ in results:
        order = [str(e.event_id) for e in events if str(e.event_id) in set(ids)]
        assert order == ids
