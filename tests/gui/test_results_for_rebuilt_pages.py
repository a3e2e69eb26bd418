"""Work a page started that ends after a language change rebuilt every page: its result has no page to go
to and is dropped. It was delivered into the deleted page, and the learner saw "An unexpected error …
Internal C++ object already deleted" (the Words list on a large profile did so one time in four)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from effect_desktop.gui import i18n
from effect_desktop.gui.main_window import MainWindow


@contextmanager
def held(target: Any, name: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """`target.name` waits, on its worker thread, until the returned event is set: the work is under
    way when the language changes, as a long read on five years of history is."""
    release = threading.Event()
    real: Callable[..., Any] = getattr(target, name)

    def waiting(*args: Any, **kwargs: Any) -> Any:
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(target, name, waiting)
    try:
        yield release
    finally:
        release.set()


def switch_language_then_finish(qtbot, window: MainWindow, release: threading.Event) -> None:
    """From the Settings page, as a learner does: the page that asked is not rebuilt at once (it is
    built when next shown), so nothing new supersedes its work."""
    window.show_page("settings")
    old_pages = dict(window.pages)
    i18n.install("ja")
    window.change_language("ja")
    assert all(window.pages.get(key) is not page for key, page in old_pages.items())
    release.set()
    window.operations.wait()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(100)  # the results' signals delivered
    i18n.install("en")
    assert window.findChild(QMessageBox, "errorDialog") is None


def test_the_words_list_read_after_a_language_change(qtbot, window, profile, words, monkeypatch) -> None:
    page = window.show_page("words")
    qtbot.waitUntil(lambda: page.model.rowCount() == len(words), timeout=3000)
    with held(profile.queries, "words", monkeypatch) as release:
        page.show_deleted.click()  # a reload starts in the background
        switch_language_then_finish(qtbot, window, release)


def test_the_timeline_filter_count_after_a_language_change(qtbot, window, profile, words, monkeypatch) -> None:
    page = window.show_page("timeline")
    with held(page.timeline.queries, "matching", monkeypatch) as release:
        page.filters.text.setText("apple")
        qtbot.waitUntil(lambda: "timeline.count" in window.operations._read_generation, timeout=3000)
        switch_language_then_finish(qtbot, window, release)


def test_the_statistics_as_of_a_moment_after_a_language_change(qtbot, window, profile, words,
                                                               monkeypatch) -> None:
    import effect_desktop.gui.statistics.page as statistics_page

    page = window.show_page("statistics")
    with held(statistics_page, "queries_as_of", monkeypatch) as release:
        page.set_as_of(profile.service.clock() - timedelta(minutes=1))
        switch_language_then_finish(qtbot, window, release)
