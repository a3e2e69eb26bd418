"""The study cards with real widgets: Ctrl+Z in typing mode, long words and meanings in a small window.

QA found that the typing field ate Ctrl+Z as its own text undo (and brought the last
card's answer back into the next card's field), and that a 200-character meaning was cut
at both ends of a choice button and of the result line, or ran into its neighbour on a
flashcard at 720×480.
"""

from __future__ import annotations

import re
from itertools import combinations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from effect_desktop.gui.study.fitting import ELLIPSIS, ElidedButton, ElidedLabel, FittingLabel
from tests.support.qt_tools import tip_text

from .conftest import events, press, type_text, undo_key

LONG_MEANING = ("a very long meaning " * 10).strip()  # 199 characters
LONG_WORD = "とても長い単語" * 12


def _start(qtbot, window, mode: str):
    page = window.show_page("study")
    page.start_panel.mode_buttons[mode].setChecked(True)
    press(qtbot, page.start_panel.start, Qt.Key.Key_Space)
    assert page.in_session
    return page


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _assert_shown_whole_or_ended_with_ellipsis(label: FittingLabel) -> None:
    """Every painted line fits the label, and the text is either all there or ends in "…" with the
    full text as the tooltip."""
    room = label.contentsRect()
    metrics = QFontMetrics(label.shown_font())
    lines = label.shown_lines()
    assert lines, f"{label.objectName()} shows nothing"
    assert len(lines) * metrics.lineSpacing() <= room.height(), f"{label.objectName()} is cut top or bottom"
    assert all(metrics.horizontalAdvance(line) <= room.width() for line in lines), \
        f"{label.objectName()} is cut at the sides"
    if label.is_truncated():
        assert lines[-1].endswith(ELLIPSIS) and tip_text(label.toolTip()) == label.text()
    else:
        assert "".join("".join(lines).split()) == "".join(label.text().split())


def _assert_apart(card: QWidget, widgets: list[QWidget]) -> None:
    shown = [w for w in widgets if w.isVisible()]
    for one, other in combinations(shown, 2):
        a = one.geometry().translated(one.parentWidget().mapTo(card, one.parentWidget().rect().topLeft()))
        b = other.geometry().translated(other.parentWidget().mapTo(card, other.parentWidget().rect().topLeft()))
        assert not a.intersects(b), f"{one.objectName()} {a} overlaps {other.objectName()} {b}"
    assert all(card.rect().contains(w.geometry()) for w in shown if w.parentWidget() is card), "spills off"


def _assert_choices_fit(card) -> None:
    """Each choice's shown text fits its button in two lines or ends in "…"; the full text is its name (and
    tooltip)."""
    for number, (button, option) in enumerate(zip(card.buttons, card.options, strict=True), start=1):
        assert isinstance(button, ElidedButton)
        full = f"{number}   {option}"
        lines = button.shown_lines()
        assert button.accessibleName() == full and 1 <= len(lines) <= 2
        assert lines[0].startswith(f"{number}   "), "the key's number stands apart from the meaning"
        assert all(button.fontMetrics().horizontalAdvance(line) <= button.text_room() for line in lines), lines
        metrics = button.fontMetrics()
        assert button.height() >= len(lines) * metrics.lineSpacing(), "a line is cut at the top or bottom"
        shown = " ".join(lines)
        if "".join(shown.split()) != "".join(full.split()):
            assert shown.endswith(ELLIPSIS) and tip_text(button.toolTip()) == full
            assert "".join(full.split()).startswith("".join(shown[:-1].split())), "cut at the end only"


@pytest.fixture
def long_words(profile):
    return profile.service.create_words([
        dict(text="longword", meaning=LONG_MEANING), dict(text="cat", meaning="ねこ"),
        dict(text="dog", meaning="いぬ"), dict(text=LONG_WORD, meaning=LONG_MEANING + " too")])


# --- 1. Ctrl+Z in typing mode -------------------------------------------------------------------------------
def test_ctrl_z_in_typing_mode_takes_back_the_answer_and_the_field_starts_empty(qtbot, window, profile, words):
    page = _start(qtbot, window, "typing")
    card = page.session_panel.typing
    assert QApplication.focusWidget() is card.entry
    first_meaning = card.prompt.text()
    word = next(w for w in profile.queries.words() if w.meaning == first_meaning)
    type_text(qtbot, card.entry, word.text)
    press(qtbot, card.entry, Qt.Key.Key_Return)
    assert page.session_panel.position.text() == "1 / 5" and card.prompt.text() != first_meaning
    assert card.entry.text() == "" and not card.entry.isUndoAvailable(), "no way back to the last answer"

    undo_key(qtbot, window)  # Ctrl+Z to the field, which has the focus

    answer = events(profile, "QuestionAnswered")[0]
    retracted = events(profile, "AnswerRetracted")
    assert [r.event_data.answer_event_id for r in retracted] == [answer.event_id]
    assert card.prompt.text() == first_meaning and page.session_panel.position.text() == "0 / 5"
    assert card.entry.text() == "" and not card.entry.isUndoAvailable()
    assert QApplication.focusWidget() is card.entry
    type_text(qtbot, card.entry, word.text)
    press(qtbot, card.entry, Qt.Key.Key_Return)
    again = events(profile, "QuestionAnswered")[-1].event_data
    assert again.word_id == word.word_id and again.attempt_number == 1


def test_ctrl_z_after_a_typed_mistake_takes_the_mistake_back(qtbot, window, profile, words):
    page = _start(qtbot, window, "typing")
    card = page.session_panel.typing
    asked = card.prompt.text()
    type_text(qtbot, card.entry, "ねこ")
    press(qtbot, card.entry, Qt.Key.Key_Return)
    assert card.waiting_to_proceed and card.entry.isReadOnly()
    undo_key(qtbot, window)
    assert len(events(profile, "AnswerRetracted")) == 1
    assert not card.waiting_to_proceed and not card.entry.isReadOnly()
    assert card.prompt.text() == asked and card.entry.text() == "" and card.feedback.text() == ""


# --- 2. long text -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("size", [(720, 480), (1000, 680)])
def test_long_meanings_on_choice_buttons_end_in_an_ellipsis_and_are_reachable_whole(
        qtbot, window, profile, long_words, size):
    window.resize(*size)
    page = _start(qtbot, window, "multiple_choice")
    card = page.session_panel.choice
    _settle()
    assert window.width() == size[0], "a long meaning does not widen the window"
    assert sorted(card.options) == sorted(w.meaning for w in profile.queries.words())
    _assert_choices_fit(card)
    assert any(len(b.shown_lines()) == 2 for b in card.buttons), "a long meaning goes on to a second line"
    if size[0] == 720:
        assert any(b.text().endswith(ELLIPSIS) for b in card.buttons), "the long meanings do not fit two lines"
    _assert_shown_whole_or_ended_with_ellipsis(card.prompt)

    keys = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4)
    while card.word.text != LONG_WORD:
        press(qtbot, card, keys[card.options.index(card.word.meaning)])
    word = card.word
    wrong = (card.options.index(word.meaning) + 1) % 4
    press(qtbot, card, keys[wrong])
    _settle()
    result = page.session_panel.last_result
    assert isinstance(result, ElidedLabel) and result.text() == f"✗  {word.text} — {word.meaning}"
    shown = result.shown_text()
    assert result.fontMetrics().horizontalAdvance(shown) <= result.contentsRect().width()
    assert shown.endswith(ELLIPSIS) and tip_text(result.toolTip()) == result.text()
    assert result.text().startswith(shown[:-1].rstrip()), "the start of the line is not cut off"
    _assert_choices_fit(card)  # the right one now in bold, which is wider
    _assert_shown_whole_or_ended_with_ellipsis(card.feedback)
    _assert_apart(card, [card.prompt, *card.buttons, card.feedback, card.hint])


@pytest.mark.parametrize("size", [(720, 480), (1000, 680)])
def test_a_long_word_and_meaning_on_a_flashcard_fit_without_overlapping(
        qtbot, window, profile, long_words, size):
    window.resize(*size)
    page = _start(qtbot, window, "flashcard")
    card = page.session_panel.flashcard
    while card.word.text != LONG_WORD:
        press(qtbot, card, Qt.Key.Key_Space)
        press(qtbot, card, Qt.Key.Key_3)
    press(qtbot, card, Qt.Key.Key_Space)
    _settle()
    assert window.width() == size[0]
    for label in (card.front, card.back):
        _assert_shown_whole_or_ended_with_ellipsis(label)
    assert len(card.front.shown_lines()) >= 2, "a long word wraps"
    _assert_apart(card, [card.front, card.back, *card.buttons, *card.due_labels, card.hint])


@pytest.mark.parametrize("size", [(720, 480), (1000, 680)])
def test_a_long_meaning_to_type_and_its_correction_fit_without_overlapping(
        qtbot, window, profile, long_words, size):
    window.resize(*size)
    page = _start(qtbot, window, "typing")
    card = page.session_panel.typing
    while card.word.text != LONG_WORD:
        type_text(qtbot, card.entry, card.word.text)
        press(qtbot, card.entry, Qt.Key.Key_Return)
    _settle()
    _assert_shown_whole_or_ended_with_ellipsis(card.prompt)
    _assert_apart(card, [card.prompt, card.entry, card.hint])
    type_text(qtbot, card.entry, "まちがい")
    press(qtbot, card.entry, Qt.Key.Key_Return)
    _settle()
    assert card.waiting_to_proceed
    for label in (card.prompt, card.feedback):
        _assert_shown_whole_or_ended_with_ellipsis(label)
    _assert_apart(card, [card.prompt, card.entry, card.feedback, card.hint])


# --- 3. what Again says -------------------------------------------------------------------------------------
def test_again_says_the_word_comes_back_in_this_session_and_it_does(qtbot, window, profile, words):
    page = _start(qtbot, window, "flashcard")
    card = page.session_panel.flashcard
    first = card.word
    qtbot.waitUntil(lambda: card.due_days is not None)
    press(qtbot, card, Qt.Key.Key_Space)
    assert card.due_labels[0].text() == "again in this session"
    assert [label.text() for label in card.due_labels[1:]] == ["1 day"] * 3  # new words: tomorrow
    press(qtbot, card, Qt.Key.Key_1)
    asked = []
    while page.in_session and first.text not in asked:
        asked.append(card.word.text)
        press(qtbot, card, Qt.Key.Key_Space)
        press(qtbot, card, Qt.Key.Key_3)
    assert first.text in asked, "Again brought the word back in the same session, as its button said"
    progress = [e.event_data for e in events(profile, "ProgressUpdated") if e.event_data.word_id == first.word_id]
    assert len(progress) == 1, "its schedule was set by the first answer alone"


# --- 3. "&" in a learner's words ------------------------------------------------------------------------------
def _as_shown(label: str) -> str:
    """A button's or menu item's text as Qt draws it: "&&" is an "&", "&x" an underlined x."""
    return re.sub(r"&(.)", r"\1", label)


def test_an_ampersand_in_a_meaning_or_a_word_is_shown_as_written_not_taken_as_an_access_key(
        qtbot, window, profile):
    """"cat & kitten" showed as "cat _kitten" on its choice button, and "R&D" as "RD" (Alt+D chose it);
    the Edit menu read "Undo edit of “RD”"."""
    meanings = ["cat & kitten", "R&D", "salt", "pepper"]
    ids = profile.service.create_words([{"text": f"w{i}", "meaning": m} for i, m in enumerate(meanings)])
    page = _start(qtbot, window, "multiple_choice")
    card = page.session_panel.choice
    _settle()
    assert sorted(re.sub(r"^\d\s+", "", _as_shown(b.text())) for b in card.buttons) == sorted(meanings)
    assert all(QKeySequence.mnemonic(b.text()).isEmpty() for b in card.buttons)

    profile.service.update_word(ids[1], text="R&D")
    words = window.show_page("words")
    qtbot.waitUntil(lambda: words.model.rowCount() == 4)
    row = next(r for r in range(4) if words.model.word_at(r).text == "R&D")
    words.table.selectRow(row)
    words.edit_selected()
    type_text(qtbot, words.dialog.meaning_edit, "!")
    qtbot.mouseClick(words.dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "R&" in window.undo_action.text())
    assert _as_shown(window.undo_action.text()) == "Undo edit of “R&D”"


def test_a_cut_line_holding_markup_shows_it_as_written_in_its_tooltip(qtbot) -> None:
    """The full text of a line cut short is its tooltip, which Qt showed as markup: a meaning such as
    "<b>bold</b> <img src=…>" came up bold and loaded the picture (found by a security review)."""
    from effect_desktop.gui.study.fitting import ElidedLabel

    label = ElidedLabel()
    qtbot.addWidget(label)
    text = "✗  <b>cat</b> — " + "<img src='/tmp/evil.png'> a very long meaning " * 5
    label.setText(text)
    label.resize(120, 30)
    label.show()
    qtbot.waitExposed(label)
    assert label.toolTip() and tip_text(label.toolTip()) == text


def _ink_columns(image, rows: range) -> list[int]:  # type: ignore[no-untyped-def]
    """The columns with text's ink (dark on the light button) in `rows`, inside the button's frame."""
    return [x for x in range(4, image.width() - 4)
            if any(image.pixelColor(x, y).lightness() < 110 for y in rows)]


def _runs(columns: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for x in columns:
        if runs and x - runs[-1][1] <= 3:  # a glyph's own gaps are narrower than the key's spaces
            runs[-1] = (runs[-1][0], x)
        else:
            runs.append((x, x))
    return runs


def test_a_wrapped_choice_goes_on_under_its_first_line_not_under_its_key(qtbot, window, profile):  # type: ignore[no-untyped-def]
    """Centred, a choice wrapped to two lines began its second line anywhere ("accident" alone in the
    middle, or a long one left of the key's "1"): each line of a choice now starts where its first line's
    text does, right of the key, in English and in Japanese."""
    profile.service.create_words([
        dict(text="serendipity", meaning="the occurrence of events by chance in a happy or beneficial way, "
                                         "a fortunate accident that nobody planned"),
        dict(text="猫", meaning="ねこ：家で飼われることの多い小さな肉食の哺乳類で、ネズミを捕る習性がある動物"),
        dict(text="ephemeral", meaning="lasting for a very short time"),
        dict(text="ubiquitous", meaning="found everywhere")])
    window.resize(720, 480)
    page = _start(qtbot, window, "multiple_choice")
    card = page.session_panel.choice
    _settle()
    wrapped = [b for b in card.buttons if len(b.shown_lines()) == 2]
    assert {b.accessibleName()[4:6] for b in wrapped} == {"th", "ねこ"}, [b.text() for b in card.buttons]
    for button in wrapped:
        image = button.grab().toImage()
        inked = [y for y in range(3, image.height() - 3) if _ink_columns(image, range(y, y + 1))]
        middle = (inked[0] + inked[-1]) // 2
        first = _runs(_ink_columns(image, range(inked[0], middle)))
        second = _runs(_ink_columns(image, range(middle + 1, inked[-1] + 1)))
        key, text_start = first[0], first[1][0]
        assert key[0] < button.width() // 10, "the key's number stands at the left"
        assert abs(second[0][0] - text_start) <= 3, (button.text(), key, text_start, second[0])
