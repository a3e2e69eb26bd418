"""The JSONL import's fast path: same rows as the general path, the same schema after it, helpers, edge lines."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, ClassVar
from uuid import UUID

import pytest
from pydantic_core import from_json

from effect_desktop.bootstrap import Profile, open_profile
from effect_desktop.domain.events import ALL_EVENT_TYPES, WORD, EventData
from effect_desktop.domain.registry import EventRegistry
from effect_desktop.interchange import jsonl_pages
from effect_desktop.interchange.candidates import ImportCancelled
from effect_desktop.interchange.errors import InterchangeError
from effect_desktop.interchange.jsonl import export_events_to, import_events
from effect_desktop.interchange.jsonl_pages import PageSource
from effect_desktop.interchange.jsonl_rows import LineCutter
from effect_desktop.persistence.raw_import import sqlite_row
from effect_desktop.projections.verify import verify
from tests.integration.profile_helpers import SettableClock, dump_read_models

from .conftest import study_history


def schema(path: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'events' "
                                  "ORDER BY name").fetchall()


def stored(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT * FROM events ORDER BY position").fetchall()


@pytest.fixture
def log(profile: Profile, clock: SettableClock, tmp_path: Path) -> Path:
    study_history(profile, clock)
    path = tmp_path / "log.jsonl"
    export_events_to(profile, path)
    return path


def fresh(tmp_path: Path, clock: SettableClock, name: str = "copy") -> Profile:
    return open_profile(tmp_path / f"{name}.effect.sqlite3", clock=clock)


def test_every_exported_line_is_cut_into_the_row_the_general_path_stores(log: Path) -> None:
    cutter = LineCutter(ALL_EVENT_TYPES)
    lines = log.read_bytes().splitlines()[1:]
    cut = [cutter.row(line.decode()) for line in lines]
    general = [sqlite_row(line, lambda _: True) for line in lines]
    taken = [(row, other) for row, other in zip(cut, general, strict=True) if row is not None]
    assert len(taken) >= len(lines) - 1  # all but the WordUpdated with its `changes` object
    assert all(row == other for row, other in taken)


@pytest.mark.parametrize("helpers", [0, 2])
def test_export_import_export_gives_the_same_bytes_and_the_same_schema(
        profile: Profile, log: Path, clock: SettableClock, tmp_path: Path, helpers: int) -> None:
    copy = fresh(tmp_path, clock)
    try:
        assert import_events(copy, log, helpers=helpers) == profile.store.count()
        export_events_to(copy, tmp_path / "again.jsonl")
        assert dump_read_models(copy) == dump_read_models(profile)
        assert verify(copy.projector).ok
    finally:
        copy.close()
    assert (tmp_path / "again.jsonl").read_bytes() == log.read_bytes()
    assert schema(tmp_path / "copy.effect.sqlite3") == schema(profile.store.engine.url.database)  # type: ignore[arg-type]
    assert {name for _, name, _ in schema(tmp_path / "copy.effect.sqlite3")} >= {
        "uq_events_event_id", "idx_events_aggregate", "idx_events_type", "idx_events_created"}


@pytest.mark.parametrize("helpers", [0, 2])
def test_a_duplicate_refuses_the_import_and_leaves_the_indexes(log: Path, clock: SettableClock, tmp_path: Path,
                                                               helpers: int) -> None:
    lines = log.read_bytes().splitlines()
    twice = tmp_path / "twice.jsonl"
    duplicate = from_json(lines[5])
    twice.write_bytes(b"\n".join(lines + [lines[5]]) + b"\n")
    copy = fresh(tmp_path, clock)
    before = schema(tmp_path / "copy.effect.sqlite3")
    try:
        with pytest.raises(InterchangeError, match=f"event {duplicate['event_id']} is in the file twice"):
            import_events(copy, twice, helpers=helpers)
        assert copy.store.count() == 0
    finally:
        copy.close()
    assert schema(tmp_path / "copy.effect.sqlite3") == before
    assert len([row for row in before if row[0] == "index" and row[2]]) == 4


def test_a_stream_version_twice_is_named(log: Path, clock: SettableClock, tmp_path: Path) -> None:
    lines = log.read_bytes().splitlines()
    copied = from_json(lines[3])
    clone = lines[3].replace(copied["event_id"].encode(), b"01234567-89ab-7def-8123-456789abcdef")
    path = tmp_path / "clone.jsonl"
    path.write_bytes(b"\n".join(lines + [clone]) + b"\n")
    copy = fresh(tmp_path, clock)
    try:
        with pytest.raises(InterchangeError,
                           match=f"stream {copied['aggregate_id']} has version {copied['version']} in the file twice"):
            import_events(copy, path)
        assert copy.store.count() == 0
    finally:
        copy.close()


def test_a_bad_line_is_named_by_its_number_with_helpers(log: Path, clock: SettableClock, tmp_path: Path) -> None:
    lines = log.read_bytes().splitlines()
    lines[30] = lines[30].replace(b'"attempt_number":', b'"attempt_no":')
    broken = tmp_path / "broken.jsonl"
    broken.write_bytes(b"\n".join(lines) + b"\n")
    copy = fresh(tmp_path, clock)
    try:
        with pytest.raises(InterchangeError, match=r"Line 31 is not a valid event \(attempt_no: Extra inputs"):
            import_events(copy, broken, helpers=2)
        assert copy.store.count() == 0
    finally:
        copy.close()


def test_lines_edited_by_hand_take_the_general_path_and_are_stored_minified(
        profile: Profile, log: Path, clock: SettableClock, tmp_path: Path) -> None:
    lines = log.read_bytes().splitlines()
    edited = [lines[0]]
    for index, line in enumerate(lines[1:]):
        if index % 3 == 0:
            line = line.replace(b'":', b'": ').replace(b',"', b', "')  # spaced out
        elif index % 3 == 1:
            line = line.replace(b'"Word"', b'"\\u0057ord"')  # an escape
        edited.append(line + (b"\r" if index % 5 == 0 else b""))
    path = tmp_path / "edited.jsonl"
    path.write_bytes(b"\n\n".join(edited) + b"\n")  # blank lines between
    copy = fresh(tmp_path, clock)
    try:
        assert import_events(copy, path) == profile.store.count()
        assert dump_read_models(copy) == dump_read_models(profile)
    finally:
        copy.close()
    assert stored(tmp_path / "copy.effect.sqlite3") == stored(profile.store.engine.url.database)  # type: ignore[arg-type]


def test_a_payload_key_given_twice_is_not_stored_twice(log: Path, clock: SettableClock, tmp_path: Path) -> None:
    lines = log.read_bytes().splitlines()
    number = next(i for i, line in enumerate(lines) if b'"QuestionAnswered"' in line)
    lines[number] = lines[number].replace(b'"is_correct":', b'"response_time_ms":1,"is_correct":', 1)
    path = tmp_path / "twice.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    copy = fresh(tmp_path, clock)
    try:
        import_events(copy, path)
    finally:
        copy.close()
    data = stored(tmp_path / "copy.effect.sqlite3")[number - 1][5]
    assert data.count('"response_time_ms"') == 1  # as pydantic reads it: the last one
    assert from_json(data)["response_time_ms"] == from_json(lines[number])["event_data"]["response_time_ms"]


def test_cancelling_leaves_the_profile_and_its_indexes(log: Path, clock: SettableClock, tmp_path: Path) -> None:
    copy = fresh(tmp_path, clock)
    before = schema(tmp_path / "copy.effect.sqlite3")
    try:
        with pytest.raises(ImportCancelled):
            import_events(copy, log, progress=lambda done, total: False, helpers=2)
        assert copy.store.count() == 0
    finally:
        copy.close()
    assert schema(tmp_path / "copy.effect.sqlite3") == before


def registry_v2() -> tuple[EventRegistry, type[EventData]]:
    """A newer app: WordCreated v2 gained an example sentence, and an upcaster from v1."""

    class WordCreated(EventData):
        aggregate_type: ClassVar[str] = WORD
        schema_version: ClassVar[int] = 2
        word_id: UUID
        text: str
        meaning: str
        example: str
        difficulty: int
        category: str
        tags: list[str]

    def upcast(shape: dict[str, Any]) -> dict[str, Any]:
        return {**shape, "example": ""}

    registry = EventRegistry()
    registry.register(WordCreated)
    registry.add_upcaster("WordCreated", 1, upcast)
    return registry, WordCreated


def test_an_older_schema_version_keeps_its_version_and_is_upcast_on_reading(
        log: Path, clock: SettableClock, tmp_path: Path) -> None:
    copy = fresh(tmp_path, clock)
    registry, model = registry_v2()
    copy.store.registry = registry
    try:
        import_events(copy, log)
        with sqlite3.connect(tmp_path / "copy.effect.sqlite3") as connection:
            versions = connection.execute("SELECT DISTINCT schema_version FROM events "
                                          "WHERE event_type = 'WordCreated'").fetchall()
        assert versions == [(1,)]
        word = next(e for e in copy.store.iter_all() if e.event_type == "WordCreated")
        assert type(word.event_data) is model and word.event_data.example == ""  # type: ignore[attr-defined]
    finally:
        copy.close()


def test_a_helper_process_sends_the_pages_this_process_would_cut(log: Path) -> None:
    with open(log, "rb") as handle:
        handle.readline()
        offset = handle.tell()
    lines = log.read_bytes().splitlines()
    lines[6] = lines[6].replace(b'"event_data":{', b'"event_data": {')  # one for the general path
    log.write_bytes(b"\n\n".join(lines) + b"\n")  # blank lines count in the numbering
    cutter = LineCutter(ALL_EVENT_TYPES)
    here = list(PageSource(log, offset, 2, cutter, helpers=0, block=1500))
    source = PageSource(log, offset, 2, cutter, helpers=2, block=1500)
    pages = iter(source)
    try:
        first = next(pages)
        assert len(source._processes) == 2  # really from the helpers, not the fallback here
        assert [first, *pages] == here
    finally:
        source.close()
    assert len(here) > 10
    items = [item for page in here for item in page]
    assert len(items) == len(lines) - 1
    deferred = [item for item in items if len(item) == 2]  # the spaced line and the WordUpdated
    assert (13, lines[6]) in deferred and len(deferred) == 2
    assert all(text == lines[(number - 1) // 2] for number, text in deferred)  # line 2k + 1 holds lines[k]


def test_a_duplicate_on_a_later_page_is_named_and_the_pages_keep_their_line_numbers(
        log: Path, clock: SettableClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonl_pages, "BLOCK", 3000)  # a few lines a page, here in this process
    lines = log.read_bytes().splitlines()
    duplicate = from_json(lines[2])
    path = tmp_path / "late.jsonl"
    path.write_bytes(b"\n".join(lines + [lines[2]]) + b"\n")
    copy = fresh(tmp_path, clock)
    try:
        with pytest.raises(InterchangeError, match=f"event {duplicate['event_id']} is in the file twice"):
            import_events(copy, path, helpers=0)
        lines[40] = lines[40].replace(b'"version":', b'"version":"x"', 1)
        path.write_bytes(b"\n".join(lines) + b"\n")
        with pytest.raises(InterchangeError, match="Line 41 is not a valid event"):
            import_events(copy, path, helpers=0)
        assert copy.store.count() == 0
    finally:
        copy.close()


def test_a_hand_edited_time_with_a_decimal_comma_is_stored_in_the_stores_own_form() -> None:
    """ISO 8601 allows "22:14:00,123456"; stored as it was, it sorted and read as a different time."""
    line = (b'{"event_id": "0190ab12-3456-7890-abcd-ef0123456789", "aggregate_id": '
            b'"0190ab12-3456-7890-abcd-ef0123456780", "aggregate_type": "Word", "event_type": "WordDeleted", '
            b'"event_data": {"word_id": "0190ab12-3456-7890-abcd-ef0123456780"}, "metadata": {}, '
            b'"created_at": "2020-03-31T22:14:00,123456Z", "version": 2, "schema_version": 1}')
    assert sqlite_row(line, lambda _: True)[6] == "2020-03-31 22:14:00.123456"
