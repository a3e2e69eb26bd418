"""The window and another program on the same profile at once: the CLI in a terminal, a sync run
from one. The window showed what it had last read, and its edits then wrote those old values back
over the other program's changes. Here the other program is a second handle on the same file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from effect_desktop.bootstrap import Profile, open_profile
from effect_desktop.cli.main import run_cli

from .conftest import type_text, undo_key
from .test_words import _select, shown, words_page


@pytest.fixture
def other(profile: Profile) -> Iterator[Profile]:
    opened = open_profile(profile.path)
    yield opened
    opened.close()


def _word(profile: Profile, text: str):
    return next(w for w in profile.queries.words() if w.text == text)


def test_an_edit_in_the_window_keeps_what_another_program_changed_meanwhile(
        qtbot, window, profile, other, words) -> None:
    page = words_page(qtbot, window, 5)
    other.service.update_word(words[0], meaning="林檎")  # apple, from the terminal
    _select(page, ["apple"])
    dialog = page.edit_selected()
    assert dialog.meaning_edit.text() == "りんご", "the list had not been read again yet"
    dialog.category_edit.setCurrentText("fruit")  # the learner changes the category only
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    apple = _word(profile, "apple")
    assert (apple.meaning, apple.category) == ("林檎", "fruit"), "the meaning was put back to りんご"


def test_a_tag_added_to_a_selection_keeps_a_tag_added_meanwhile(qtbot, window, profile, other, words) -> None:
    page = words_page(qtbot, window, 5)
    other.service.update_word(words[1], tags=["noun", "food", "fromcli"])  # bread
    _select(page, ["apple", "bread"])
    assert page.organizer.add_tag("fromwindow") == 2
    assert _word(profile, "bread").tags == ["noun", "food", "fromcli", "fromwindow"]
    page.table.setFocus()
    undo_key(qtbot, window)
    assert _word(profile, "bread").tags == ["noun", "food", "fromcli"]


def test_undo_leaves_a_field_another_program_changed_since(qtbot, window, profile, other, words) -> None:
    page = words_page(qtbot, window, 5)
    _select(page, ["run"])
    dialog = page.edit_selected()
    dialog.meaning_edit.clear()
    type_text(qtbot, dialog.meaning_edit, "走る")
    dialog.difficulty_edit.setValue(4)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    other.service.update_word(words[2], meaning="駆ける")  # edited again from the terminal
    page.table.setFocus()
    undo_key(qtbot, window)
    run = _word(profile, "run")
    assert run.meaning == "駆ける", "the later edit was wiped out by the undo"
    assert run.difficulty == 2, "the rest of the edit is still undone"


def test_the_window_shows_what_another_program_wrote_when_it_comes_back(qtbot, window, profile, other,
                                                                       words) -> None:
    page = words_page(qtbot, window, 5)
    other.service.create_word("ocean", "海")
    window._tick()  # what a minute passing, or the window activated again, does
    qtbot.waitUntil(lambda: "ocean" in {w.text for w in shown(page)}, timeout=3000)


def test_settings_changed_by_the_cli_are_shown_and_not_written_back(qtbot, window, profile) -> None:
    settings = window.show_page("settings")
    window.show_page("words")
    assert run_cli(["--data-dir", str(profile.path.parent), "--profile", profile.path.name.split(".")[0],
                    "settings", "set", "session-size", "7"]) == 0
    window.show_page("settings")
    assert settings.session_size.value() == 7
    settings.reviews_per_day.setValue(150)
    assert run_cli(["--data-dir", str(profile.path.parent), "--profile", profile.path.name.split(".")[0],
                    "settings"]) == 0
    from effect_desktop.gui.preferences import Preferences

    stored = Preferences(profile.settings)
    assert (stored.session_size, stored.reviews_per_day) == (7, 150)


def test_a_study_day_start_moved_elsewhere_is_taken_up_by_the_open_window(qtbot, tmp_path) -> None:
    """A sync run from a terminal brought another device's 6:00: the window went on counting days from
    4:00, and its next answers disagreed with a replay until a rebuild."""
    from effect_desktop.bootstrap import change_day_start_hour
    from effect_desktop.gui.features import current_window
    from effect_desktop.gui.main_window import MainWindow

    path = tmp_path / "p.effect.sqlite3"
    window = MainWindow(open_profile(path))  # not given to qtbot: it deletes itself when replaced
    window.show()
    elsewhere = open_profile(path)
    try:
        elsewhere.service.create_word("owl", "ふくろう")
        change_day_start_hour(elsewhere, 6)
    finally:
        elsewhere.close()
    window._tick()  # a minute on, or the window activated again
    qtbot.waitUntil(lambda: current_window(window) is not window, timeout=10_000)
    replacement = current_window(window)
    qtbot.addWidget(replacement)
    try:
        assert replacement.profile.service.day_start_hour == 6
        assert replacement.pages.get("settings") is None or replacement.pages["settings"].day_start.currentData() == 6
    finally:
        replacement.retire()
        replacement.close()
        replacement.profile.close()


def test_settings_show_a_day_start_changed_meanwhile(qtbot, window, profile, other) -> None:
    from effect_desktop.bootstrap import change_day_start_hour

    settings = window.show_page("settings")
    window.show_page("words")
    assert settings.day_start.currentData() == 4
    change_day_start_hour(other, 6)
    window.show_page("settings")
    assert settings.day_start.currentData() == 6


def test_undoing_a_tag_takes_off_that_tag_even_if_the_tags_changed_since(qtbot, window, profile, other,
                                                                         words) -> None:
    """The undo put the whole old list back only where nothing had changed: elsewhere the learner's
    tag stayed on, and the status bar still said "Undone"."""
    page = words_page(qtbot, window, 5)
    _select(page, ["apple", "bread"])
    assert page.organizer.add_tag("verb") == 2
    other.service.update_word(words[1], tags=["noun", "food", "verb", "cli"])  # bread, from the terminal
    page.table.setFocus()
    undo_key(qtbot, window)
    assert _word(profile, "apple").tags == ["noun", "food"]
    assert _word(profile, "bread").tags == ["noun", "food", "cli"]
    assert window.statusBar().currentMessage() == "Undone: tag “verb” added"


def test_an_undo_that_could_take_nothing_back_says_so(qtbot, window, profile, other, words) -> None:
    page = words_page(qtbot, window, 5)
    _select(page, ["apple"])
    dialog = page.edit_selected()
    dialog.meaning_edit.clear()
    type_text(qtbot, dialog.meaning_edit, "リンゴ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    other.service.update_word(words[0], meaning="林檎")
    page.table.setFocus()
    undo_key(qtbot, window)
    assert _word(profile, "apple").meaning == "林檎"
    assert window.statusBar().currentMessage().startswith("Not undone: edit of “apple”")


def test_an_undo_passes_over_a_word_another_program_deleted(qtbot, window, profile, other, words) -> None:
    """It failed whole ("This word has been deleted"), undid nothing for the other words, and was gone."""
    page = words_page(qtbot, window, 5)
    _select(page, ["library", "quickly"])
    assert page.organizer.add_tag("exam") == 2
    other.service.delete_word(words[4])  # quickly, from the terminal
    page.table.setFocus()
    undo_key(qtbot, window)
    assert _word(profile, "library").tags == ["noun"]
    assert window.statusBar().currentMessage().startswith("Undone in part: tag “exam” added")


def test_undoing_a_tag_removal_puts_back_the_spelling_the_word_had(qtbot, window, profile, other, words) -> None:
    page = words_page(qtbot, window, 5)
    _select(page, ["apple"])
    assert page.organizer.remove_tag("ＦＯＯＤ") == 1  # typed in full width: removes "food"
    other.service.update_word(words[0], tags=["noun", "fruit"])  # and the tags change meanwhile
    page.table.setFocus()
    undo_key(qtbot, window)
    assert _word(profile, "apple").tags == ["noun", "food", "fruit"], "back where it stood, after \"noun\""



def test_a_refused_undo_stays_to_be_tried_again_when_it_may_work_later(qtbot, window, profile, words) -> None:
    """It was taken off the list before it ran: refused because the profile was busy, it was gone for
    good. One refused by a rule (a session completed meanwhile) would be refused every time: it goes,
    and the next Ctrl+Z reaches the action before it."""
    from effect_desktop.domain.errors import RuleViolated
    from effect_desktop.gui.undo import UndoEntry
    from effect_desktop.persistence.errors import ProfileLocked

    attempts: list[str] = []

    def busy_once() -> None:
        attempts.append("busy")
        if attempts.count("busy") == 1:
            raise ProfileLocked("The profile is busy in another program; try again in a moment.")

    def never() -> None:
        attempts.append("rule")
        raise RuleViolated("This session is already completed; start a new one.")

    window.undo.push(UndoEntry("edit of “apple”", busy_once))
    window.undo.push(UndoEntry("answer to “bread”", never))
    assert not window.undo.undo_last()  # refused by a rule: dropped
    assert window.undo.top() is not None and window.undo.top().label == "edit of “apple”"
    assert not window.undo.undo_last()  # busy: kept
    assert window.undo.top() is not None and window.undo.top().label == "edit of “apple”"
    assert window.undo.undo_last() and window.undo.top() is None
    assert attempts == ["rule", "busy", "busy"]
    for box in window.findChildren(QMessageBox):
        box.close()



def test_a_day_start_moved_elsewhere_waits_for_an_open_dialog(qtbot, tmp_path, monkeypatch) -> None:
    """The window was reopened under the learner's Edit dialog, and the meaning being typed was lost."""
    from effect_desktop.bootstrap import change_day_start_hour
    from effect_desktop.gui import features
    from effect_desktop.gui.features import current_window
    from effect_desktop.gui.main_window import MainWindow

    monkeypatch.setattr(features, "DIALOG_WAIT_MS", 50, raising=False)
    path = tmp_path / "p.effect.sqlite3"
    setup = open_profile(path)
    setup.service.create_word("apple", "りんご")
    setup.close()
    window = MainWindow(open_profile(path))  # not given to qtbot: it deletes itself when replaced
    window.show()
    page = words_page(qtbot, window, 1)
    _select(page, ["apple"])
    dialog = page.edit_selected()
    dialog.meaning_edit.setText("林檎")
    elsewhere = open_profile(path)
    try:
        change_day_start_hour(elsewhere, 6)
    finally:
        elsewhere.close()
    window._tick()
    qtbot.wait(200)
    assert current_window(window) is window and dialog.isVisible(), "not while the dialog is open"
    dialog.accept()
    qtbot.waitUntil(lambda: current_window(window) is not window, timeout=10_000)
    replacement = current_window(window)
    qtbot.addWidget(replacement)
    try:
        assert _word(replacement.profile, "apple").meaning == "林檎"
        assert replacement.profile.service.day_start_hour == 6
    finally:
        replacement.retire()
        replacement.close()
        replacement.profile.close()


def test_a_day_start_moved_elsewhere_during_a_session_is_taken_up_when_the_summary_is_left(
        qtbot, tmp_path, monkeypatch) -> None:
    """Seen once mid-session and put off, it was never taken up: the window counted on under the old
    hour for good."""
    from effect_desktop.bootstrap import change_day_start_hour
    from effect_desktop.gui import features
    from effect_desktop.gui.features import current_window
    from effect_desktop.gui.main_window import MainWindow
    from effect_desktop.projections.verify import verify

    from .conftest import press
    from .test_study import _start

    monkeypatch.setattr(features, "DIALOG_WAIT_MS", 50, raising=False)
    path = tmp_path / "p.effect.sqlite3"
    setup = open_profile(path)
    setup.service.create_words([dict(text="apple", meaning="りんご"), dict(text="bread", meaning="パン")])
    setup.close()
    window = MainWindow(open_profile(path))  # not given to qtbot: it deletes itself when replaced
    window.show()
    page = _start(qtbot, window, "flashcard")
    card = page.session_panel.flashcard
    press(qtbot, card, Qt.Key.Key_Space)
    press(qtbot, card, Qt.Key.Key_3)
    elsewhere = open_profile(path)
    try:
        change_day_start_hour(elsewhere, 6)  # a sync run from a terminal brought it
    finally:
        elsewhere.close()
    window._tick()
    qtbot.wait(100)
    assert current_window(window) is window and page.in_session, "the session goes on"
    press(qtbot, card, Qt.Key.Key_Space)
    press(qtbot, card, Qt.Key.Key_3)
    assert page.summary_panel.isVisible()
    qtbot.wait(200)
    assert current_window(window) is window, "not while the summary is read"
    page.summary_panel.done.emit()
    qtbot.waitUntil(lambda: current_window(window) is not window, timeout=10_000)
    replacement = current_window(window)
    qtbot.addWidget(replacement)
    try:
        assert replacement.profile.service.day_start_hour == 6
        assert verify(replacement.profile.projector).ok
    finally:
        replacement.retire()
        replacement.close()
        replacement.profile.close()


def test_organize_counts_the_words_it_changed_and_says_when_all_were_deleted_elsewhere(
        qtbot, window, profile, other, words) -> None:
    page = words_page(qtbot, window, 5)
    _select(page, ["apple", "bread", "run"])
    other.service.delete_word(words[0])
    other.service.delete_word(words[1])
    assert page.organizer.set_category("exam") == 1
    assert window.undo_action.text() == "&Undo category “exam” for 1 word"
    _select(page, ["library"])
    other.service.delete_word(words[3])
    assert page.organizer.add_tag("exam") == 0
    assert window.statusBar().currentMessage().startswith("Nothing was changed: the selected words were deleted")
