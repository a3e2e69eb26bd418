"""Fixtures for the GUI tests: a real profile in tmp_path and the real main window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from effect_desktop.bootstrap import Profile, open_profile
from effect_desktop.domain.events import DomainEvent
from effect_desktop.gui import i18n
from effect_desktop.gui.main_window import MainWindow

WORDS = [
    ("apple", "りんご", "food", ["noun", "food"], 1),
    ("bread", "パン", "food", ["noun", "food"], 1),
    ("run", "走る（はしる）", "verbs", ["verb"], 2),
    ("library", "図書館（としょかん）", "places", ["noun"], 3),
    ("quickly", "速く（はやく）", "adverbs", ["adverb"], 2),
]


@pytest.fixture
def profile(tmp_path: Path) -> Iterator[Profile]:
    opened = open_profile(tmp_path / "test.effect.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def words(profile: Profile) -> list:
    ids = profile.service.create_words([
        dict(text=t, meaning=m, category=c, tags=tags, difficulty=d) for t, m, c, tags, d in WORDS])
    return ids


@pytest.fixture
def system_font_pt() -> Iterator[Callable[[float], QFont]]:
    """Sets the application font to a point size, as a system font setting does (restored after)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QFont(app.font())

    def set_size(points: float) -> QFont:
        font = QFont(before)
        font.setPointSizeF(points)
        app.setFont(font)
        return font

    yield set_size
    app.setFont(before)


@pytest.fixture
def window(qtbot, profile: Profile) -> Iterator[MainWindow]:
    i18n.install("en")
    main = MainWindow(profile)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitExposed(main)
    QTest.qWaitForWindowActive(main)
    yield main
    main.operations.wait()


def events(profile: Profile, event_type: str | None = None) -> list[DomainEvent]:
    stored = profile.store.read_all(0, 100_000)
    return [e for e in stored if event_type is None or e.event_type == event_type]


def press(qtbot, widget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifier)
    QApplication.processEvents()


def _focus_in(window: MainWindow) -> QWidget:
    """The widget with the focus if it is in this window, else the window: a window another test left
    open could keep the activation, and its field then took Ctrl+Z as its own (a rare failure)."""
    focus = QApplication.focusWidget()
    return focus if focus is not None and focus.window() is window else window


def undo_key(qtbot, window: MainWindow) -> None:
    """Ctrl+Z as the user presses it, delivered to whatever has focus in the main window."""
    if QApplication.activeWindow() is not window:  # a closed dialog hands focus back
        window.activateWindow()
        QTest.qWaitForWindowActive(window)
    qtbot.keyClick(_focus_in(window), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()


def redo_key(qtbot, window: MainWindow, key: Qt.Key = Qt.Key.Key_Z,
             modifiers=Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier) -> None:
    """Ctrl+Shift+Z (or Ctrl+Y) as the user presses it, delivered to whatever has focus."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        QTest.qWaitForWindowActive(window)
    qtbot.keyClick(_focus_in(window), key, modifiers)
    QApplication.processEvents()


def type_text(qtbot, widget, text: str) -> None:
    """Type as a user would: keys for ASCII, an input-method commit for Japanese (as an IME does)."""
    from PySide6.QtGui import QInputMethodEvent

    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)
    QApplication.processEvents()
