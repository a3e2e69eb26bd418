"""A push sends its pages as COPY text, two pages in flight: every value arrives exactly as written."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import psycopg
import pytest

from effect_desktop.bootstrap import Profile
from effect_desktop.persistence.archive import compact
from effect_desktop.sync import SyncClient, pending_count
from effect_desktop.sync.urls import ServerURL
from tests.integration.profile_helpers import SettableClock
from tests.sync.helpers import comparable_read_models

pytestmark = pytest.mark.postgres

AWKWARD = ['back\\slash "quoted"', "tab\there", "two\nlines\r\nand CR", "\\N", "\\.", "末尾\\"]


def server_event_ids(server: str) -> list[object]:
    with psycopg.connect(ServerURL.parse(server).libpq) as conn:
        return [r[0] for r in conn.execute("SELECT event_id FROM events ORDER BY position")]


def test_text_with_backslashes_tabs_and_newlines_arrives_unchanged(
        alice: str, device: Callable[[str], Profile]) -> None:
    laptop, desktop = device("laptop"), device("desktop")
    # (a tag is one line: tabs and line breaks stay in the word and its meaning, one kind of break)
    words = [laptop.service.create_word(f"w{i} {value}", value, tags=[value] if value.isprintable() else [])
             for i, value in enumerate(AWKWARD)]
    SyncClient(laptop, alice, push_page=2).sync()
    SyncClient(desktop, alice).sync()

    for word, value in zip(words, AWKWARD, strict=True):
        view = desktop.queries.word(word)
        assert (view.meaning, list(view.tags)) == (value.replace("\r\n", "\n"),
                                                   [value] if value.isprintable() else [])
    assert comparable_read_models(desktop) == comparable_read_models(laptop)


def test_json_stored_with_raw_whitespace_is_sent_whole(
        server: str, alice: str, device: Callable[[str], Profile]) -> None:
    """An event whose stored JSON holds raw tabs and newlines (indented, as another writer may store
    it) cannot go in the page's text as it is; it is escaped value by value and arrives intact."""
    laptop, desktop = device("laptop"), device("desktop")
    word = laptop.service.create_word("猫", "cat\tanimal")
    with laptop.store.transaction() as connection:
        stored = connection.exec_driver_sql("SELECT position, event_data FROM events").fetchall()
        for position, data in stored:
            connection.exec_driver_sql("UPDATE events SET event_data = ? WHERE position = ?",
                                       (json.dumps(json.loads(data), indent="\t"), position))

    SyncClient(laptop, alice).sync()
    SyncClient(desktop, alice).sync()

    assert desktop.queries.word(word).meaning == "cat\tanimal"
    assert server_event_ids(server) == [e.event_id for e in laptop.store.read_all()]


def test_compacted_events_never_synced_are_pushed_with_their_payloads(
        alice: str, device: Callable[[str], Profile]) -> None:
    """A profile compacted before it ever synced holds old events whose JSON is in archive segments."""
    old = SettableClock(datetime(2025, 1, 6, 9, 0, tzinfo=UTC))
    laptop, desktop = device("laptop", old), device("desktop")
    words = laptop.service.create_words([{"text": f"old{i}", "meaning": f"m{i}"} for i in range(9)])
    session = laptop.service.start_session("flashcard", words[:4])
    for word in words[:4]:
        laptop.service.answer(session, word, True, 1000)
    now = old() + timedelta(days=400)
    report = compact(laptop.store, now - timedelta(days=180), now, segment=4)
    assert report.segments > 0
    with laptop.store.reading() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM events WHERE event_data = ''").scalar()

    SyncClient(laptop, alice, push_page=5).sync()
    SyncClient(desktop, alice).sync()

    assert pending_count(laptop) == 0
    assert [w.text for w in desktop.queries.words()] == [w.text for w in laptop.queries.words()]
    assert comparable_read_models(desktop) == comparable_read_models(laptop)


def test_pages_go_one_after_another_when_a_second_connection_is_refused(
        server: str, alice: str, device: Callable[[str], Profile]) -> None:
    laptop = device("laptop")
    laptop.service.create_words([{"text": f"w{i}", "meaning": "m"} for i in range(10)])
    with psycopg.connect(ServerURL.parse(server).libpq, autocommit=True) as admin:
        admin.execute("ALTER ROLE alice CONNECTION LIMIT 1")

    result = SyncClient(laptop, alice, push_page=3).sync()

    assert (result.pushed, result.pending) == (laptop.store.count(), 0)
    assert server_event_ids(server) == [e.event_id for e in laptop.store.read_all()]


def test_a_collision_in_a_middle_page_is_resequenced_and_nothing_is_sent_twice(
        server: str, alice: str, device: Callable[[str], Profile]) -> None:
    laptop, desktop = device("laptop"), device("desktop")
    shared = laptop.service.create_word("走る", "to run")
    SyncClient(laptop, alice).sync()
    SyncClient(desktop, alice).sync()
    laptop.service.update_word(shared, meaning="run (laptop)")
    SyncClient(laptop, alice).sync()

    desktop.service.create_word("a", "1")
    desktop.service.create_word("b", "2")
    desktop.service.update_word(shared, meaning="run (desktop)")  # the second page: it collides
    for text in ("c", "d", "e"):
        desktop.service.create_word(text, "3")
    moved = SyncClient(desktop, alice, push_page=2).sync()
    SyncClient(laptop, alice).sync()

    assert (moved.resequenced, moved.pending) == (1, 0)
    ids = server_event_ids(server)
    assert len(ids) == len(set(ids)) == laptop.store.count() == desktop.store.count()
    for profile in (laptop, desktop):
        assert profile.queries.word(shared).meaning == "run (desktop)"
    assert comparable_read_models(laptop) == comparable_read_models(desktop)
