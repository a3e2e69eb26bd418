"""Redo: a word change undone by mistake is done again with Ctrl+Shift+Z (or Ctrl+Y), as a new event
that names the undo it takes back; a new action, or an answer taken back, ends what can be redone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from effect_desktop.bootstrap import Profile, open_profile
from effect_desktop.projections.views import WordFilter

from .conftest import events, press, redo_key, type_text, undo_key
from .test_study import _start
from .test_words import _select, shown, wait_shown, words_page


def _word(profile: Profile, text: str):
    return next(w for w in profile.queries.words(WordFilter(include_deleted=True)) if w.text == text)


def _edit_meaning(qtbot, page, text: str, meaning: str) -> None:
    _select(page, [text])
    dialog = page.edit_selected()
    dialog.meaning_edit.clear()
    type_text(qtbot, dialog.meaning_edit, meaning)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


@pytest.fixture
def other(profile: Profile) -> Iterator[Profile]:
    opened = open_profile(profile.path)
    yield opened
    opened.close()


def test_an_undone_edit_is_done_again_and_can_be_undone_again(qtbot, window, profile, words):
    page = words_page(qtbot, window, 5)
    _edit_meaning(qtbot, page, "apple", "林檎")
    assert not window.redo_action.isEnabled()
    page.table.setFocus()
    undo_key(qtbot, window)
    assert _word(profile, "apple").meaning == "りんご"
    assert window.redo_action.isEnabled() and "apple" in window.redo_action.text()

    redo_key(qtbot, window)
    assert _word(profile, "apple").meaning == "林檎"
    edit, undo, redo = events(profile, "WordUpdated")
    assert redo.event_data.changes == {"meaning": "林檎"}
    assert redo.metadata.causation_id == undo.event_id, "the redo names the undo it takes back"
    assert window.statusBar().currentMessage().startswith("Redone: ")
    assert not window.redo_action.isEnabled()
    qtbot.waitUntil(lambda: "林檎" in [w.meaning for w in shown(page)], timeout=3000)

    undo_key(qtbot, window)  # the redo is undone in turn, naming it
    assert _word(profile, "apple").meaning == "りんご"
    assert events(profile, "WordUpdated")[-1].metadata.causation_id == redo.event_id


def test_ctrl_y_redoes_too_and_the_empty_filter_passes_it_on(qtbot, window, profile, words):
    page = words_page(qtbot, window, 5)
    _edit_meaning(qtbot, page, "bread", "食パン")
    page.table.setFocus()
    undo_key(qtbot, window)
    window.activateWindow()
    page.search.setFocus()
    redo_key(qtbot, window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _word(profile, "bread").meaning == "食パン"


def test_a_deletion_undone_is_deleted_again_by_redo(qtbot, window, profile, words):
    page = words_page(qtbot, window, 5)
    _select(page, ["apple", "run"])
    box = page.delete_selected()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    wait_shown(qtbot, page, lambda texts: "apple" not in texts)
    page.table.setFocus()
    undo_key(qtbot, window)
    wait_shown(qtbot, page, lambda texts: {"apple", "run"} <= texts)
    redo_key(qtbot, window)
    wait_shown(qtbot, page, lambda texts: not {"apple", "run"} & texts)
    assert _word(profile, "apple").deleted and _word(profile, "run").deleted
    restored = events(profile, "WordRestored")
    again = events(profile, "WordDeleted")[2:]
    assert {e.metadata.causation_id for e in again} == {e.event_id for e in restored}


def test_redo_of_a_tag_keeps_what_another_program_changed_after_the_undo(qtbot, window, profile, other, words):
    page = words_page(qtbot, window, 5)
    _select(page, ["apple", "bread"])
    assert page.organizer.add_tag("fruit") == 2
    page.table.setFocus()
    undo_key(qtbot, window)
    other.service.update_word(words[1], tags=["noun", "food", "fromcli"])  # bread, from the terminal
    redo_key(qtbot, window)
    assert _word(profile, "apple").tags == ["noun", "food", "fruit"]
    assert _word(profile, "bread").tags == ["noun", "food", "fromcli", "fruit"], "the tag is added again, " \
        "and the tag added meanwhile is kept"


def test_redo_of_a_category_leaves_a_word_another_program_changed_after_the_undo(qtbot, window, profile,
                                                                                   other, words):
    page = words_page(qtbot, window, 5)
    _select(page, ["run", "library"])
    page.organizer.ask = lambda *_args: "basics"
    assert page.organizer.set_category() == 2
    page.table.setFocus()
    undo_key(qtbot, window)
    other.service.update_word(words[3], category="buildings")  # library
    redo_key(qtbot, window)
    assert _word(profile, "run").category == "basics"
    assert _word(profile, "library").category == "buildings"
    assert window.statusBar().currentMessage().startswith("Redone in part: ")


def test_a_new_action_after_an_undo_ends_the_redo(qtbot, window, profile, words):
    page = words_page(qtbot, window, 5)
    _edit_meaning(qtbot, page, "apple", "林檎")
    page.table.setFocus()
    undo_key(qtbot, window)
    assert window.redo_action.isEnabled()
    _edit_meaning(qtbot, page, "bread", "食パン")
    assert not window.redo_action.isEnabled()
    page.table.setFocus()
    redo_key(qtbot, window)
    assert _word(profile, "apple").meaning == "りんご", "a redo after a new action would skip over it"


def test_taking_back_an_answer_ends_the_redo_of_an_earlier_edit(qtbot, window, profile, words):
    """The answer is asked again instead (answering it is its redo): a redo then would jump the queue."""
    page = words_page(qtbot, window, 5)
    _edit_meaning(qtbot, page, "apple", "林檎")
    study = _start(qtbot, window, "flashcard")
    card = study.session_panel.flashcard
    press(qtbot, card, Qt.Key.Key_Space)
    press(qtbot, card, Qt.Key.Key_3)
    undo_key(qtbot, window)  # the answer
    assert len(events(profile, "AnswerRetracted")) == 1
    assert not window.redo_action.isEnabled()
    undo_key(qtbot, window)  # the edit
    assert _word(profile, "apple").meaning == "りんご"
    assert window.redo_action.isEnabled(), "the edit's undo can be redone"


def test_the_timelines_search_passes_undo_and_redo_on_when_it_has_none_of_its_own(qtbot, window, profile, words):
    """Typed in, the field kept Ctrl+Shift+Z and Ctrl+Y for itself while Edit offered "Redo edit of …"."""
    page = words_page(qtbot, window, 5)
    _edit_meaning(qtbot, page, "apple", "林檎")
    page.table.setFocus()
    undo_key(qtbot, window)
    timeline = window.show_page("timeline")
    window.activateWindow()
    timeline.filters.text.setFocus()
    type_text(qtbot, timeline.filters.text, "apple")
    redo_key(qtbot, window)
    assert _word(profile, "apple").meaning == "林檎"
    timeline.filters.text.setText("")  # as the clear button leaves it: nothing of its own to undo
    undo_key(qtbot, window)
    assert _word(profile, "apple").meaning == "りんご", "Ctrl+Z in the empty field is the window's"
