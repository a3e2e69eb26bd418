"""A filter change reads the Timeline's list off the GUI thread, and a compacted history lists the same rows.

On five compacted years the first page of a filter that picks events far apart (word edits, one word's
answers) blocked the window 0.3-4.5 s: each of its events decoded a whole archive segment, on the GUI
thread. These drive the real page, with the window's `Operations`, over a real profile file.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from typing import Any
from uuid import UUID

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QCoreApplication, QEventLoop, QModelIndex, Qt
from pytestqt.qtbot import QtBot

from effect_desktop.bootstrap import Profile
from effect_desktop.gui.operations import Operations
from effect_desktop.gui.timeline import TimelinePage
from effect_desktop.gui.timeline.model import EntryRole
from effect_desktop.persistence import archive
from effect_desktop.timeline.entries import TimelineFilter
from tests.integration.profile_helpers import SettableClock


def _window_page(qtbot: QtBot, profile: Profile) -> TimelinePage:
    """The page as the window's factory makes it: with the window's background work."""
    page = TimelinePage(profile)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.prepared, timeout=20_000):
        page.show()
    page.operations = Operations(page)
    return page


def _sentences(page: TimelinePage) -> list[str]:
    model = page.model
    return [model.index(r, 1).data() for r in range(model.rowCount()) if model.index(r, 1).data(EntryRole)]


def _every_row(page: TimelinePage) -> list[tuple[str, str]]:
    """Every top-level row (day headers, groups, events), every page fetched as scrolling down does
    (in the window a filtered list's next page comes from the background: each is waited for)."""
    model = page.model
    bar = page.view.verticalScrollBar()
    while model.canFetchMore(QModelIndex()) or model.fetching:
        if model.fetching:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
            continue
        bar.setValue(bar.maximum())  # at the end of the list
        model.fetchMore(QModelIndex())
    return [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]


def _as_read_on_its_own(profile: Profile, timeline_filter: TimelineFilter) -> list[str]:
    """The sentences a page without the window (everything on this thread) lists under the filter."""
    page = TimelinePage(profile)
    try:
        page.model.set_filter(timeline_filter)
        return _sentences(page)
    finally:
        page.deleteLater()


def _spy_pages(page: TimelinePage, monkeypatch: pytest.MonkeyPatch) -> list[tuple[TimelineFilter | None, bool]]:
    """Each page the timeline reads: (its filter, whether it was read on the GUI thread)."""
    read: list[tuple[TimelineFilter | None, bool]] = []
    real = page.timeline.page

    def page_read(timeline_filter: TimelineFilter | None = None, *args: Any, **kwargs: Any) -> Any:
        read.append((timeline_filter, threading.current_thread() is threading.main_thread()))
        return real(timeline_filter, *args, **kwargs)

    monkeypatch.setattr(page.timeline, "page", page_read)
    return read


def _settled(qtbot: QtBot, page: TimelinePage) -> None:
    """Every background read done and its result delivered."""
    page.operations.wait()
    qtbot.wait(20)


def _hold_the_reader(page: TimelinePage) -> threading.Event:
    """Keep the window's reading thread busy until the returned event is set (a long read under way)."""
    release = threading.Event()
    page.operations.read("test.hold", lambda: release.wait(10), lambda _result: None)
    return release


def test_a_filter_change_reads_the_list_off_the_gui_thread_then_shows_its_rows(
        qtbot: QtBot, profile: Profile, studied: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    page = _window_page(qtbot, profile)
    answers = TimelineFilter(event_types=("QuestionAnswered",))
    expected = _as_read_on_its_own(profile, answers)
    everything = _sentences(page)
    read = _spy_pages(page, monkeypatch)

    page.filters.type_box.setCurrentIndex(page.filters.type_box.findData("QuestionAnswered"))
    assert page.loading  # the change returned at once: the list is being read in the background
    assert _sentences(page) == everything  # the rows shown stay until the new ones come
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)

    assert _sentences(page) == expected and expected and all(s.startswith("Answered") for s in expected)
    assert read and all(f == answers and not on_gui_thread for f, on_gui_thread in read)
    page.operations.wait()


def test_a_long_read_says_so_and_greys_the_rows_it_will_replace(qtbot: QtBot, profile: Profile,
                                                                studied: dict) -> None:
    page = _window_page(qtbot, profile)
    release = _hold_the_reader(page)
    page.filters.text.setText("apple")
    qtbot.keyClick(page.filters.text, Qt.Key.Key_Return)
    qtbot.waitUntil(page.loading_label.isVisible, timeout=5_000)
    assert page.loading_label.text() == "Loading events…" and not page.view.isEnabled()

    release.set()
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    assert page.loading_label.isHidden() and page.view.isEnabled()
    assert _sentences(page) == _as_read_on_its_own(profile, TimelineFilter(text="apple"))
    page.operations.wait()


def test_the_last_filter_wins_and_the_ones_it_replaced_are_not_read(
        qtbot: QtBot, profile: Profile, studied: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    """Filters changed faster than their lists are read: only the last one's list is read and shown."""
    page = _window_page(qtbot, profile)
    read = _spy_pages(page, monkeypatch)
    release = _hold_the_reader(page)
    box = page.filters.type_box
    box.setCurrentIndex(box.findData("QuestionAnswered"))
    box.setCurrentIndex(box.findData("WordUpdated"))
    page.filters.text.setText("apple")
    qtbot.keyClick(page.filters.text, Qt.Key.Key_Return)
    last = page.filters.current()
    assert last == TimelineFilter(event_types=("WordUpdated",), text="apple")

    release.set()
    _settled(qtbot, page)
    expected = _as_read_on_its_own(profile, last)
    assert _sentences(page) == expected == ["Changed the meaning of 'apple'"]
    assert [f for f, _ in read] == [last]
    assert page.status.text() == f"1 of {profile.store.count()} events match the filter"
    assert not page.loading


def test_clearing_a_filter_is_not_undone_by_its_count_arriving_late(qtbot: QtBot, profile: Profile,
                                                                     studied: dict) -> None:
    """The footer said "N events" on clearing the filter, then the count still under way for the filter
    just cleared came back and said "3 of N events match the filter" under the full list."""
    page = _window_page(qtbot, profile)
    release = _hold_the_reader(page)
    box = page.filters.type_box
    box.setCurrentIndex(box.findData("QuestionAnswered"))
    box.setCurrentIndex(0)
    release.set()
    _settled(qtbot, page)
    assert page.status.text() == f"{profile.store.count()} events"
    assert len(_sentences(page)) == profile.store.count()


def test_a_refresh_of_a_filtered_list_reads_it_again_in_the_background(
        qtbot: QtBot, profile: Profile, studied: dict, clock: SettableClock, monkeypatch: pytest.MonkeyPatch) -> None:
    """A change made elsewhere (an answer, Back to now) reads a filtered list again: as slow as a filter
    change on a compacted history, so also off the GUI thread; the new event is listed."""
    page = _window_page(qtbot, profile)
    page.filters.type_box.setCurrentIndex(page.filters.type_box.findData("WordUpdated"))
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    read = _spy_pages(page, monkeypatch)
    clock.advance(minutes=1)
    profile.service.update_word(studied["apple"], meaning="りんごの実")  # type: ignore[arg-type]
    page.refresh()
    assert page.loading
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    assert _sentences(page) == ["Changed the meaning of 'apple'"] * 2  # the new edit too
    assert read and not any(on_gui_thread for _, on_gui_thread in read)
    page.operations.wait()


def test_a_refresh_of_every_event_reads_it_in_the_background(
        qtbot: QtBot, profile: Profile, studied: dict, clock: SettableClock, monkeypatch: pytest.MonkeyPatch) -> None:
    """After a sync (or any change elsewhere) the list of every event is read again: its first page, and
    the pages the view asked for once it was shown, held the window 0.2-0.5 s on five compacted years."""
    page = _window_page(qtbot, profile)
    _settled(qtbot, page)
    before = _sentences(page)
    read = _spy_pages(page, monkeypatch)
    clock.advance(minutes=1)
    profile.service.update_word(studied["apple"], meaning="りんごの実")  # type: ignore[arg-type]
    page.refresh()
    assert page.loading and _sentences(page) == before  # the rows shown stay until the new ones come
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    assert _sentences(page) == ["Changed the meaning of 'apple'", *before]
    assert read and not any(on_gui_thread for _, on_gui_thread in read)
    _settled(qtbot, page)


@pytest.fixture
def compacted_history(profile: Profile, clock: SettableClock) -> dict[str, Any]:
    """Edits and answers spread over many small archive segments, an import grouped across several, and
    the rows every filter listed before the compaction (read on the GUI thread, by the old way)."""
    words = profile.service.create_words([{"text": f"w{i:03}", "meaning": "m"} for i in range(120)])
    for n in range(30):
        clock.advance(hours=5)
        profile.service.update_word(words[n], meaning=f"meaning {n}")
        session = profile.service.start_session("flashcard", words[n:n + 3])
        for word in words[n:n + 3]:
            profile.service.answer(session, word, n % 4 != 0, 1500)
        profile.service.complete_session(session)
    clock.advance(days=200)
    profile.service.update_word(words[0], meaning="recent")
    filters = {
        "every event": TimelineFilter(),
        "word edits": TimelineFilter(event_types=("WordUpdated",)),
        "additions": TimelineFilter(event_types=("WordCreated",)),
        "one word": TimelineFilter(word_id=words[5]),
        "text": TimelineFilter(text="w01"),
        "days": TimelineFilter(first_day=(clock() - timedelta(days=205)).date(),
                               last_day=(clock() - timedelta(days=199)).date()),
    }
    page = TimelinePage(profile)
    before = {}
    for label, timeline_filter in filters.items():
        page.model.set_filter(timeline_filter)
        before[label] = _every_row(page)
    page.deleteLater()
    report = archive.compact(profile.store, older_than=clock() - timedelta(days=90), now=clock(), segment=20)
    assert report.events >= 380 and report.segments >= 19
    return {"filters": filters, "before": before, "words": words}


def test_a_compacted_history_lists_the_same_rows_and_pages_under_every_filter(
        qtbot: QtBot, profile: Profile, compacted_history: dict[str, Any]) -> None:
    page = _window_page(qtbot, profile)
    box = page.filters.type_box
    for label, timeline_filter in compacted_history["filters"].items():
        if timeline_filter.event_types:
            page.filters.clear_scope()
            box.setCurrentIndex(box.findData(timeline_filter.event_types[0]))
        else:
            box.setCurrentIndex(0)
            page.apply_filter(timeline_filter)  # a word, a text, days: as the bar's fields give them
        qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
        assert page.model.filter == timeline_filter
        rows = _every_row(page)
        assert rows == compacted_history["before"][label], label
        assert len(rows) >= 2, label
    additions = compacted_history["before"]["additions"]
    assert any("Added 120 words in one go" in (text or "") for _, text in additions)  # one row across segments
    page.operations.wait()


def test_a_filtered_page_of_compacted_events_reads_only_their_rows_from_the_archive(
        profile: Profile, compacted_history: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    """Each event of a filtered page turned its whole archive segment (10,000 events) into Python rows:
    a page of word edits over five compacted years took a second and more."""
    from effect_desktop.timeline.queries import TimelineQueries

    whole: list[int] = []
    real = archive.segment_rows
    monkeypatch.setattr(archive, "segment_rows", lambda unpacked: whole.append(unpacked.first) or real(unpacked))
    profile.store.archive.forget()
    queries = TimelineQueries(profile.store)
    edits = queries.page(TimelineFilter(event_types=("WordUpdated",)), limit=500).entries
    assert [e.payload["changes"]["meaning"] for e in edits[:3]] == ["recent", "meaning 29", "meaning 28"]
    assert len(edits) == 31 and all(e.correlation_id is not None for e in edits)
    one_word = queries.page(TimelineFilter(word_id=compacted_history["words"][5]), limit=500).entries
    assert one_word and all(e.word_id == compacted_history["words"][5] for e in one_word)
    assert whole == []  # no segment decoded whole


def test_segments_of_an_earlier_build_read_the_same_in_a_filtered_page(
        profile: Profile, compacted_history: dict[str, Any]) -> None:
    """Segments written before the current format (zlib over lines, no key to look a row up by) are still
    read whole, and give the same entries."""
    import zlib

    from effect_desktop.timeline.queries import TimelineQueries

    queries = TimelineQueries(profile.store)
    filters = [TimelineFilter(event_types=("WordUpdated",)), TimelineFilter(event_types=("WordCreated",)),
               TimelineFilter(word_id=compacted_history["words"][5]), TimelineFilter()]

    def pages() -> list[Any]:
        return [[(e.position, e.payload, e.metadata) for e in queries.page(f, limit=500).entries] for f in filters]

    before = pages()
    table = archive.archive
    with profile.store.transaction() as connection:
        segments = connection.execute(table.select().order_by(table.c.first_position)).all()
        for segment in segments[::2]:
            lines = "\n".join("\x1e".join(profile.store.archive.payload(p))
                              for p in range(segment.first_position, segment.last_position + 1))
            connection.execute(table.update().where(table.c.first_position == segment.first_position),
                               {"codec": archive.LEGACY_CODEC, "payload": zlib.compress(lines.encode())})
    profile.store.archive.forget()
    assert pages() == before and all(before)


def _damage(profile: Profile, segments: slice) -> None:
    table = archive.archive
    with profile.store.transaction() as connection:
        for segment in connection.execute(table.select().order_by(table.c.first_position)).all()[segments]:
            bad = bytearray(segment.payload)
            bad[len(bad) // 2] ^= 0xFF
            connection.execute(table.update().where(table.c.first_position == segment.first_position),
                               {"payload": bytes(bad)})
    profile.store.archive.forget()


def test_a_list_that_cannot_be_read_says_so_and_shows_nothing_of_the_filter_before(
        qtbot: QtBot, profile: Profile, compacted_history: dict[str, Any]) -> None:
    """The message was covered at once by the new filter's count, and the old filter's rows stayed under
    the new filter bar: "Word edited" chosen, "Added 120 words" listed, "31 of 398 events match"."""
    page = _window_page(qtbot, profile)
    _damage(profile, slice(6, 9))  # old segments: the newest page of every event does not touch them
    box = page.filters.type_box
    box.setCurrentIndex(box.findData("WordCreated"))
    _settled(qtbot, page)
    assert page.model.rowCount() > 0  # "Added 120 words", and its day
    box.setCurrentIndex(box.findData("WordUpdated"))
    _settled(qtbot, page)
    qtbot.wait(100)
    assert page.status.text().startswith("The events could not be read: archive segment")
    assert page.model.rowCount() == 0 and page.model.filter.event_types == ("WordUpdated",)


def test_the_list_keeps_the_keyboard_focus_through_a_long_read(qtbot: QtBot, profile: Profile,
                                                               studied: dict) -> None:
    """Greyed while a refresh read on, the list gave its focus to the next button, and the arrow keys
    then moved nothing in it."""
    page = _window_page(qtbot, profile)
    page.activateWindow()
    box = page.filters.type_box
    box.setCurrentIndex(box.findData("QuestionAnswered"))
    _settled(qtbot, page)
    page.view.setFocus()
    qtbot.waitUntil(page.view.hasFocus)
    release = _hold_the_reader(page)
    page.refresh()
    qtbot.waitUntil(lambda: not page.view.isEnabled(), timeout=2000)
    release.set()
    _settled(qtbot, page)
    assert page.view.isEnabled() and page.view.hasFocus()


# --- scrolling a filtered list: the next page comes from the background --------------------------------

@pytest.fixture
def many_answers(profile: Profile, clock: SettableClock) -> list[UUID]:
    """Three pages of answers (each with its schedule and streak events between), over many days."""
    words = profile.service.create_words([{"text": f"w{i:02}", "meaning": "m"} for i in range(25)])
    for n in range(22):
        clock.advance(hours=20)
        session = profile.service.start_session("flashcard", words)
        for i, word in enumerate(words):
            profile.service.answer(session, word, (n + i) % 3 != 0, 1500)
        profile.service.complete_session(session)
    return words


ANSWERS = TimelineFilter(event_types=("QuestionAnswered",))


class _Gate:
    """Holds the next timeline page read wherever it runs, until `release`: a store-level hook (SQLAlchemy's
    cursor event on the profile's engine), so the read is as slow as a long one. Counts the GUI timer's
    ticks while it was held."""

    def __init__(self, profile: Profile, ticks: list[int]) -> None:
        self.engine = profile.store.engine
        self.ticks = ticks
        self.armed = False
        self.entered = threading.Event()
        self.released = threading.Event()
        self.ticks_while_held: int | None = None
        self.on_gui_thread: bool | None = None
        sa.event.listen(self.engine, "before_cursor_execute", self._hook)

    def _hook(self, _connection: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if not self.armed or "ORDER BY rm_timeline.position DESC" not in statement:
            return
        self.armed = False
        self.on_gui_thread = threading.current_thread() is threading.main_thread()
        start = len(self.ticks)
        self.entered.set()
        self.released.wait(3)  # (the read is held on the GUI thread itself without the fix: not forever)
        self.ticks_while_held = len(self.ticks) - start

    def close(self) -> None:
        self.released.set()
        sa.event.remove(self.engine, "before_cursor_execute", self._hook)


@pytest.fixture
def ticks(qtbot: QtBot) -> Iterator[list[int]]:
    """A GUI-thread timer's ticks: the event loop running."""
    from PySide6.QtCore import QTimer

    seen: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: seen.append(1))
    timer.start()
    yield seen
    timer.stop()


@pytest.fixture
def gate(profile: Profile, ticks: list[int]) -> Iterator[_Gate]:
    held = _Gate(profile, ticks)
    yield held
    held.close()


def _scroll_to_the_end(qtbot: QtBot, page: TimelinePage, *, fast: bool = False) -> None:
    """Drag the list to the bottom until no page is left, as the learner does: waiting for each page's
    rows, or (`fast`) pulling the bar down again and again while a page is still being read."""
    bar = page.view.verticalScrollBar()
    model = page.model
    while model.canFetchMore(QModelIndex()) or model.fetching:
        bar.setValue(bar.maximum())
        if fast:
            for _ in range(5):
                bar.setValue(bar.maximum() - 1)
                bar.setValue(bar.maximum())
                model.fetchMore(QModelIndex())
                QCoreApplication.processEvents()
        qtbot.waitUntil(lambda: not model.fetching, timeout=10_000)
        qtbot.wait(1)


def _positions(page: TimelinePage) -> list[int]:
    model = page.model
    return [entry.position for r in range(model.rowCount()) if (entry := model.index(r, 1).data(EntryRole))]


def _every_match(profile: Profile, timeline_filter: TimelineFilter) -> list[int]:
    return [e.position for e in profile.store.read_all(0, 100_000)
            if (not timeline_filter.event_types or e.event_type in timeline_filter.event_types)]


@pytest.mark.parametrize("fast", [False, True], ids=["waiting", "fast"])
def test_a_filtered_list_scrolled_to_its_end_holds_every_match_once_in_order(
        qtbot: QtBot, profile: Profile, many_answers: list[UUID], monkeypatch: pytest.MonkeyPatch,
        fast: bool) -> None:
    page = _window_page(qtbot, profile)
    page.resize(800, 500)
    page.filters.type_box.setCurrentIndex(page.filters.type_box.findData("QuestionAnswered"))
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    read = _spy_pages(page, monkeypatch)
    _scroll_to_the_end(qtbot, page, fast=fast)

    expected = sorted(_every_match(profile, ANSWERS), reverse=True)
    assert len(expected) == 550
    assert _positions(page) == expected  # newest first, none twice, none left out
    assert _every_row(page) == [(r[0], r[1]) for r in _as_read_on_its_own_rows(profile, ANSWERS)]
    assert read and not any(on_gui_thread for _, on_gui_thread in read)
    assert not page.more_label.isVisible()
    page.operations.wait()


def _as_read_on_its_own_rows(profile: Profile, timeline_filter: TimelineFilter) -> list[tuple[str, str]]:
    page = TimelinePage(profile)
    try:
        page.model.set_filter(timeline_filter)
        return _every_row(page)
    finally:
        page.deleteLater()


def test_the_gui_thread_goes_on_while_the_next_page_is_read_and_a_long_read_says_so(
        qtbot: QtBot, profile: Profile, many_answers: list[UUID], ticks: list[int], gate: _Gate) -> None:
    page = _window_page(qtbot, profile)
    page.filters.type_box.setCurrentIndex(page.filters.type_box.findData("QuestionAnswered"))
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    _settled(qtbot, page)  # (the view asks for a page more once the first is shown)
    rows = page.model.rowCount()
    gate.armed = True
    page.view.verticalScrollBar().setValue(page.view.verticalScrollBar().maximum())  # the view asks for more
    assert gate.entered.wait(5)
    qtbot.waitUntil(page.more_label.isVisible, timeout=5_000)  # the event loop runs while the page is read
    assert page.more_label.text() == "Loading more events…" and page.view.isEnabled()
    assert page.model.fetching and page.model.rowCount() == rows
    gate.released.set()
    qtbot.waitUntil(lambda: not page.model.fetching, timeout=5_000)
    assert gate.on_gui_thread is False and gate.ticks_while_held
    assert page.model.rowCount() > rows and page.more_label.isHidden()
    _settled(qtbot, page)


def test_a_filter_changed_while_a_page_is_read_shows_only_the_new_filters_rows(
        qtbot: QtBot, profile: Profile, many_answers: list[UUID], gate: _Gate) -> None:
    page = _window_page(qtbot, profile)
    box = page.filters.type_box
    box.setCurrentIndex(box.findData("QuestionAnswered"))
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    _settled(qtbot, page)
    gate.armed = True
    page.view.verticalScrollBar().setValue(page.view.verticalScrollBar().maximum())
    assert gate.entered.wait(5)  # the answers' second page is being read
    box.setCurrentIndex(box.findData("SessionStarted"))
    gate.released.set()
    qtbot.waitUntil(lambda: not page.loading and not page.model.fetching, timeout=10_000)
    _settled(qtbot, page)

    sessions = TimelineFilter(event_types=("SessionStarted",))
    assert page.model.filter == sessions
    assert _positions(page) == sorted(_every_match(profile, sessions), reverse=True)
    assert _every_row(page) == _as_read_on_its_own_rows(profile, sessions)
    _settled(qtbot, page)


def test_a_jump_while_a_page_is_read_lists_no_event_twice(
        qtbot: QtBot, profile: Profile, many_answers: list[UUID], gate: _Gate) -> None:
    """A jump reads the pages down to its event on the GUI thread: the page still coming from the
    background for the same place is dropped."""
    page = _window_page(qtbot, profile)
    page.filters.type_box.setCurrentIndex(page.filters.type_box.findData("QuestionAnswered"))
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    _settled(qtbot, page)
    gate.armed = True
    page.view.verticalScrollBar().setValue(page.view.verticalScrollBar().maximum())
    assert gate.entered.wait(5)
    oldest = min(_every_match(profile, ANSWERS))
    page.jump_to(oldest)
    gate.released.set()
    _settled(qtbot, page)
    assert page.view.currentIndex().data(EntryRole).position == oldest
    assert _positions(page) == sorted(_every_match(profile, ANSWERS), reverse=True)
    _settled(qtbot, page)


def test_every_events_next_page_is_read_off_the_gui_thread_then_shown(
        qtbot: QtBot, profile: Profile, many_answers: list[UUID], gate: _Gate) -> None:
    """Unfiltered, the next page lies right below the last, yet after a sync on 136,000 words it took
    0.2 s to read, on the GUI thread each time the learner scrolled: it is read in the background too."""
    page = _window_page(qtbot, profile)
    _settled(qtbot, page)
    rows = page.model.rowCount()
    gate.armed = True
    page.view.verticalScrollBar().setValue(page.view.verticalScrollBar().maximum())  # the view asks for more
    assert gate.entered.wait(5)
    qtbot.waitUntil(page.more_label.isVisible, timeout=5_000)  # the event loop runs while the page is read
    assert page.model.fetching and page.model.rowCount() == rows
    gate.released.set()
    qtbot.waitUntil(lambda: not page.model.fetching, timeout=5_000)
    assert gate.on_gui_thread is False and gate.ticks_while_held
    assert page.model.rowCount() > rows and page.more_label.isHidden()
    assert _every_row(page) == _as_read_on_its_own_rows(profile, TimelineFilter())  # none twice, none left out
    _settled(qtbot, page)


def test_a_page_that_cannot_be_read_says_so_and_the_list_keeps_its_rows(
        qtbot: QtBot, profile: Profile, many_answers: list[UUID], clock: SettableClock) -> None:
    clock.advance(days=200)
    assert archive.compact(profile.store, older_than=clock() - timedelta(days=90), now=clock(), segment=20).events
    page = _window_page(qtbot, profile)
    box = page.filters.type_box
    box.setCurrentIndex(box.findData("QuestionAnswered"))
    _settled(qtbot, page)
    assert page.model.canFetchMore(QModelIndex())
    rows, answers = page.model.rowCount(), len(_every_match(profile, ANSWERS))
    _damage(profile, slice(0, 10))  # the oldest answers' segments: the first page did not need them
    bar = page.view.verticalScrollBar()
    while page.model.canFetchMore(QModelIndex()) or page.model.fetching:
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda: not page.model.fetching, timeout=5_000)
    _settled(qtbot, page)
    assert page.status.text().startswith("The events could not be read: archive segment")
    assert rows < page.model.rowCount() and len(_positions(page)) < answers  # what could be read stays
    assert page.more_label.isHidden() and page.view.isEnabled()
    assert len(set(_positions(page))) == len(_positions(page))
