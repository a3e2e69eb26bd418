"""The Statistics page's own lines read whole at the window's first and smallest sizes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QWidget

from effect_desktop.gui import i18n
from effect_desktop.gui.main_window import MainWindow


@pytest.fixture(params=["en", "ja"])
def language(request) -> Iterator[str]:  # type: ignore[no-untyped-def]
    i18n.install(request.param)
    yield request.param
    i18n.install("en")


def assert_whole(label: QLabel, page: QWidget) -> None:
    """Its text fits its box (wrapped if it wraps), and the box is inside the page."""
    room = label.contentsRect()
    flags = Qt.TextFlag.TextWordWrap if label.wordWrap() else 0
    needed = label.fontMetrics().boundingRect(QRect(0, 0, room.width(), 100_000), flags, label.text())
    assert needed.width() <= room.width() and needed.height() <= room.height(), (label.text(), needed, room)
    box = QRect(label.mapTo(page, label.rect().topLeft()), label.size())
    assert page.rect().contains(box), (box, page.rect())


@pytest.mark.parametrize("width", [None, 720])  # the window's first size, and its smallest
def test_the_moment_the_statistics_are_of_is_read_whole(qtbot, profile, words, language: str,  # type: ignore[no-untyped-def]
                                                        width: int | None) -> None:
    """Beside the period, grouping and words choices, "As of 2026-03-02 09:30 (UTC+09:00)" was cut at
    the window's first size (its tooltip had the rest)."""
    window = MainWindow(profile)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    if width is not None:
        window.resize(width, window.height())
    page = window.show_page("statistics")
    with qtbot.waitSignal(page.as_of_ready, timeout=20_000):
        page.set_as_of(profile.service.clock() - timedelta(minutes=1))
    qtbot.waitUntil(lambda: page.as_of_label.isVisible() and page.as_of_label.width() > 0)
    assert_whole(page.as_of_label, page)
    window.operations.wait()
    window.close()
