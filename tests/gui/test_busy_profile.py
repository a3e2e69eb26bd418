"""Another program holding the profile's write lock while the learner answers or edits in the window.

During a command-line rebuild (24 s on a million events) each answer froze the window for ten seconds
inside SQLite's wait for the lock, then failed all the same; a key pressed meanwhile did it again, and
two boxes titled "The profile could not be read or written" came up. The other program here is a
second real SQLite connection to the same file holding BEGIN IMMEDIATE, as the command line does; it
lets go by itself after LET_GO_S, long after the window's brief wait and well before the long one."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from effect_desktop.bootstrap import Profile

from .conftest import events, press
from .test_study import _start
from .test_words import _select, words_page

LET_GO_S = 6.0


class OtherProgram:
    """A second connection that takes the profile's write lock and keeps it until `let_go` (or LET_GO_S)."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(path, isolation_level=None, timeout=0, check_same_thread=False)
        self.released = threading.Event()
        self._guard = threading.Lock()
        self._timer = threading.Timer(LET_GO_S, self.let_go)

    def hold(self) -> None:
        self.connection.execute("BEGIN IMMEDIATE")
        self._timer.start()

    def let_go(self) -> None:
        with self._guard:
            if not self.released.is_set():
                self.connection.execute("ROLLBACK")
                self.released.set()

    def close(self) -> None:
        self._timer.cancel()
        self.let_go()
        self.connection.close()


@pytest.fixture
def other(profile: Profile) -> Iterator[OtherProgram]:
    program = OtherProgram(profile.path)
    yield program
    program.close()


def _boxes(window) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox, "errorDialog") if b.isVisible()]


def test_an_answer_while_another_program_writes_is_refused_at_once_once_and_asked_again(
        qtbot, window, profile, words, other) -> None:
    page = _start(qtbot, window, "flashcard")
    card = page.session_panel.flashcard
    first = card.front.text()
    other.hold()
    press(qtbot, card, Qt.Key.Key_Space)
    press(qtbot, card, Qt.Key.Key_3)  # Good
    assert not other.released.is_set(), "the window waited for the other program to let go"
    assert events(profile, "QuestionAnswered") == [], "refused: nothing written"
    assert card.front.text() == first and card.back.text() == "", "the card is asked again"
    assert page.session_panel.position.text() == "0 / 5"
    # the learner's keys pressed meanwhile reach the card after that: the same answer, refused the same way
    press(qtbot, card, Qt.Key.Key_Space)
    press(qtbot, card, Qt.Key.Key_3)
    assert not other.released.is_set()
    [box] = _boxes(window)  # one box, not one per key press
    assert box.windowTitle() == "The profile is busy", "busy, not damaged"
    assert "busy in another program" in box.text() and "was not saved" in box.text()
    assert "Try it again" in box.text()
    box.close()

    other.let_go()  # the other program is done: the same answer goes through
    press(qtbot, card, Qt.Key.Key_Space)
    press(qtbot, card, Qt.Key.Key_3)
    [answer] = events(profile, "QuestionAnswered")
    assert answer.event_data.grade == "good" and answer.event_data.attempt_number == 1
    assert page.session_panel.position.text() == "1 / 5"
    assert _boxes(window) == []


def test_an_edit_while_another_program_writes_is_refused_at_once_and_its_dialog_stays(
        qtbot, window, profile, words, other) -> None:
    page = words_page(qtbot, window, 5)
    _select(page, ["apple"])
    dialog = page.edit_selected()
    dialog.meaning_edit.setText("林檎")
    other.hold()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not other.released.is_set(), "the window waited for the other program to let go"
    [box] = [b for b in dialog.findChildren(QMessageBox, "errorDialog") if b.isVisible()]
    assert box.windowTitle() == "The profile is busy" and "was not saved" in box.text()
    assert dialog.isVisible() and dialog.meaning_edit.text() == "林檎", "kept, to be saved again"
    assert next(w for w in profile.queries.words() if w.text == "apple").meaning == "りんご"
    box.close()
    other.let_go()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert next(w for w in profile.queries.words() if w.text == "apple").meaning == "林檎"
