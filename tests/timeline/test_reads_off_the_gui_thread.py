"""In the window, the Timeline reads the history off the GUI thread from the moment the page is made.

After a sync on a profile of 136,000 words a page of the timeline took 0.2 s to read: the page's first
page (read as it was made), its counts, and a word's history were read on the GUI thread, and
the window froze each time. These drive the real page and dialog over a real profile file, and check
where each read ran, that a late answer for something no longer wanted is dropped, and what is shown.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any
from uuid import UUID

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from effect_desktop.bootstrap import Profile
from effect_desktop.gui.operations import Operations
from effect_desktop.gui.timeline import TimelinePage
from effect_desktop.gui.timeline.model import EntryRole
from effect_desktop.gui.timeline.word_history import WordHistoryDialog
from effect_desktop.timeline.queries import TimelineQueries
from effect_desktop.timeline.service import Timeline


def _on_which_thread(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[bool]:
    """Each call of `owner.name` from now on: whether it ran on the GUI thread."""
    seen: list[bool] = []
    real = getattr(owner, name)

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, spy)
    return seen


@pytest.fixture
def window_reads(qtbot: QtBot) -> Iterator[Operations]:
    """The window's background work, as the page registry hands it to the page."""
    holder = QWidget()
    operations = Operations(holder)
    try:
        yield operations
    finally:
        operations.shut()
        holder.deleteLater()


def _sentences(page: TimelinePage) -> list[str]:
    model = page.model
    return [model.index(r, 1).data() for r in range(model.rowCount()) if model.index(r, 1).data(EntryRole)]


def test_the_page_made_for_the_window_reads_its_first_page_and_counts_off_the_gui_thread(
        qtbot: QtBot, profile: Profile, studied: dict, window_reads: Operations,
        monkeypatch: pytest.MonkeyPatch) -> None:
    alone = TimelinePage(profile)  # a page on its own reads here, at once
    qtbot.addWidget(alone)
    expected, status = _sentences(alone), alone.status.text()
    assert expected and status == f"{profile.store.count()} events"
    pages = _on_which_thread(monkeypatch, Timeline, "page")
    counts = _on_which_thread(monkeypatch, TimelineQueries, "count")

    page = TimelinePage(profile, operations=window_reads)
    qtbot.addWidget(page)
    assert page.loading and not _sentences(page)  # made at once: its list is on its way
    qtbot.waitUntil(lambda: not page.loading and page.status.text() == status, timeout=10_000)
    window_reads.wait()

    assert _sentences(page) == expected
    assert pages and counts and not any(pages + counts)


def test_a_words_history_is_read_off_the_gui_thread_and_only_the_last_one_asked_for_opens(
        qtbot: QtBot, profile: Profile, studied: dict, window_reads: Operations,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = TimelinePage(profile, operations=window_reads)
    qtbot.addWidget(page)
    stories = _on_which_thread(monkeypatch, Timeline, "word_story")
    opened: list[WordHistoryDialog] = []
    try:
        page.open_history(studied["ringo"])
        page.open_history(studied["apple"])  # asked again before the first came: the first is not wanted
        assert not _dialogs()  # nothing waited for the read
        qtbot.waitUntil(lambda: bool(_dialogs()), timeout=10_000)
        window_reads.wait()
        QApplication.processEvents()
        opened = _dialogs()
        assert [dialog.story.word_id for dialog in opened] == [studied["apple"]]
        assert stories and not any(stories)
    finally:
        for dialog in opened:
            dialog.close()


def test_a_history_that_cannot_be_read_says_why(qtbot: QtBot, profile: Profile, studied: dict,
                                                window_reads: Operations) -> None:
    from PySide6.QtWidgets import QMessageBox

    page = TimelinePage(profile, operations=window_reads)
    qtbot.addWidget(page)
    page.open_history(UUID(int=7))  # no such word
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=10_000)
    for box in [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]:
        assert box.windowTitle() == "Word history"
        box.close()
    assert not _dialogs()


def test_a_word_gone_is_said_in_the_windows_language(qtbot: QtBot, profile: Profile, studied: dict,
                                                     window_reads: Operations) -> None:
    """A word deleted between the click and the read (more likely now that the read waits its turn)
    was said in English in the Japanese window: "There is no word with id …"."""
    from PySide6.QtWidgets import QMessageBox

    from effect_desktop.gui import i18n

    i18n.install("ja")
    try:
        page = TimelinePage(profile, operations=window_reads)
        qtbot.addWidget(page)
        page.open_history(UUID(int=7))

        def boxes() -> list[QMessageBox]:
            return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]

        qtbot.waitUntil(lambda: bool(boxes()), timeout=10_000)
        for box in boxes():
            assert "There is no word" not in box.text() and str(UUID(int=7)) in box.text(), box.text()
            box.close()
    finally:
        i18n.install("en")


def test_a_history_read_for_a_page_gone_meanwhile_opens_nothing(qtbot: QtBot, profile: Profile, studied: dict,
                                                                window_reads: Operations) -> None:
    page = TimelinePage(profile, operations=window_reads)
    release = _hold(window_reads)
    page.open_history(studied["apple"])
    page.deleteLater()  # a language change rebuilds every page
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release.set()
    window_reads.wait()
    QApplication.processEvents()
    assert not _dialogs()


def test_closing_the_window_while_the_next_page_is_read_neither_hangs_nor_shows_it(
        qtbot: QtBot, tmp_path: Any) -> None:
    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui import i18n
    from effect_desktop.gui.main_window import MainWindow

    i18n.install("en")
    profile = open_profile(tmp_path / "test.effect.sqlite3")
    window = None
    try:
        for batch in range(90):  # actions of a few words each: a row each, a few pages of them
            profile.service.create_words([{"text": f"w{batch}-{i}", "meaning": "m"} for i in range(5)])
        window = MainWindow(profile)
        window.show()
        page = window.show_page("timeline")
        assert isinstance(page, TimelinePage)
        qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() > 0, timeout=20_000)
        qtbot.waitUntil(lambda: not page.model.fetching, timeout=20_000)  # a page the view asked for at once
        window.operations.wait()
        rows = page.model.rowCount()
        started, release = threading.Event(), threading.Event()
        real = page.model.read_page

        def slow_page(*args: Any) -> Any:
            started.set()
            release.wait(10)
            return real(*args)

        page.model.read_page = slow_page  # type: ignore[method-assign]
        page.view.verticalScrollBar().setValue(page.view.verticalScrollBar().maximum())
        assert started.wait(5) and page.model.fetching
        threading.Timer(0.2, release.set).start()  # the read ends while the window closes
        window.close()  # waits for it, and shows nothing of it
        QApplication.processEvents()
        assert page.model.rowCount() == rows
    finally:
        if window is not None:
            window.hide()
            window.deleteLater()
        QApplication.processEvents()
        profile.close()


def _dialogs() -> list[WordHistoryDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, WordHistoryDialog) and w.isVisible()]


def _hold(operations: Operations) -> threading.Event:
    """Keep the window's reading thread busy until the returned event is set."""
    release = threading.Event()
    done: Callable[[object], None] = lambda _result: None  # noqa: E731
    operations.read("test.hold", lambda: release.wait(10), done)
    return release
