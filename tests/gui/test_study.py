"""Study sessions driven by the keyboard in each mode, from start to summary, with undo."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from effect_desktop.gui.preferences import Preferences

from .conftest import events, press, type_text, undo_key
from .test_words import wait_shown


def _start(qtbot, window, mode: str):
    page = window.show_page("study")
    page.start_panel.mode_buttons[mode].setChecked(True)
    press(qtbot, page.start_panel.start, Qt.Key.Key_Space)  # the focused Start button
    assert page.in_session
    return page


def _answers(profile):
    return [e.event_data for e in events(profile, "QuestionAnswered")]


def test_flashcard_session_with_a_miss_repeated_later(qtbot, window, profile, words):
    page = _start(qtbot, window, "flashcard")
    card = page.session_panel.flashcard
    assert page.session_panel.position.text() == "0 / 5"
    first = card.front.text()
    assert card.back.text() == "" and not card.buttons[0].isVisible()
    press(qtbot, card, Qt.Key.Key_1)  # a grade before the reveal does nothing
    assert _answers(profile) == []
    press(qtbot, card, Qt.Key.Key_Space)
    assert card.back.text() != "" and card.buttons[0].isVisible()
    press(qtbot, card, Qt.Key.Key_1)  # Again: comes back later in the session

    asked = [first]
    while page.in_session:
        asked.append(card.front.text())
        press(qtbot, card, Qt.Key.Key_Return)
        press(qtbot, card, Qt.Key.Key_3)  # Good

    assert asked.count(first) == 2 and len(asked) == 6
    summary = page.summary_panel
    assert page.stack.currentWidget() is summary
    assert summary.accuracy.text() == "83%"
    assert summary.answers.text() == "5 correct of 6"
    assert summary.streak.text() == "1 day"
    assert summary.review.item(0).text().startswith(first)

    answers = _answers(profile)
    assert [a.grade for a in answers] == ["again"] + ["good"] * 5
    assert [a.attempt_number for a in answers if a.word_id == answers[0].word_id] == [1, 2]
    assert all(a.response_time_ms >= 0 for a in answers)
    assert events(profile, "SessionCompleted") == []  # not while its summary can still undo the last answer
    press(qtbot, summary.back, Qt.Key.Key_Return)
    completed = events(profile, "SessionCompleted")
    assert [(c.event_data.total_questions, c.event_data.correct_answers) for c in completed] == [(6, 5)]
    assert len(events(profile, "ProgressUpdated")) == 5, "repeats in a session do not reschedule"


def test_each_grade_says_when_the_word_comes_back_and_a_repeat_says_nothing(qtbot, window, profile, words):
    page = _start(qtbot, window, "flashcard")
    card = page.session_panel.flashcard
    first = card.front.text()
    qtbot.waitUntil(lambda: card.due_days is not None)  # read while the learner recalls
    assert [label.text() for label in card.due_labels] == [""] * 4, "hidden until the meaning is shown"
    press(qtbot, card, Qt.Key.Key_Space)
    # new: SM-2 says tomorrow for each; but Again puts the word back into this very session, so it says that
    assert [label.text() for label in card.due_labels] == ["again in this session"] + ["1 day"] * 3
    assert card.buttons[0].accessibleDescription() == "again in this session"
    press(qtbot, card, Qt.Key.Key_1)  # Again: asked again later, where no grade moves the schedule
    while card.front.text() != first:
        press(qtbot, card, Qt.Key.Key_Return)
        press(qtbot, card, Qt.Key.Key_3)
    QApplication.processEvents()
    press(qtbot, card, Qt.Key.Key_Return)
    assert card.revealed and [label.text() for label in card.due_labels] == [""] * 4


def test_multiple_choice_session_by_number_keys(qtbot, window, profile, words):
    page = _start(qtbot, window, "multiple_choice")
    card = page.session_panel.choice
    missed = None
    while page.in_session:
        assert len(card.options) == 4 and len(set(card.options)) == 4
        right = card.options.index(card.word.meaning)
        if missed is None:  # get the first one wrong
            missed = card.word.text
            press(qtbot, card, [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4][(right + 1) % 4])
            assert card.waiting_to_proceed
            assert "Not quite" in card.feedback.text() and card.word.meaning in card.feedback.text()
            press(qtbot, card, Qt.Key.Key_Return)
            continue
        press(qtbot, card, [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4][right])

    assert page.summary_panel.answers.text() == "5 correct of 6"
    assert page.summary_panel.review.item(0).text().startswith(missed)
    answers = _answers(profile)
    assert [a.is_correct for a in answers].count(False) == 1
    assert all(a.grade is None for a in answers)
    window.show_page("words")  # another page: the session is complete there
    assert len(events(profile, "SessionCompleted")) == 1
    started = events(profile, "SessionStarted")[0].event_data
    assert started.mode == "multiple_choice"


def test_a_typo_in_typing_is_said_to_be_one_letter_off(qtbot, window, profile, words):
    """A one-letter slip got the same plain "The answer is …" as a wrong word (it still counts as wrong)."""
    page = _start(qtbot, window, "typing")
    card = page.session_panel.typing
    word = next(w for w in profile.queries.words() if w.meaning == card.prompt.text())
    slip = word.text[:2] + word.text[3:] if len(word.text) >= 5 else word.text + "x"
    type_text(qtbot, card.entry, slip)
    press(qtbot, card.entry, Qt.Key.Key_Return)
    assert card.waiting_to_proceed and card.feedback.text() == f"Almost: one letter off. The answer is “{word.text}”."
    press(qtbot, card.entry, Qt.Key.Key_Return)
    other = next(w for w in profile.queries.words() if w.meaning == card.prompt.text())
    type_text(qtbot, card.entry, "completely different")
    press(qtbot, card.entry, Qt.Key.Key_Return)
    assert card.feedback.text() == f"The answer is “{other.text}”."
    assert [a.is_correct for a in _answers(profile)] == [False, False]


def test_a_word_typed_without_its_accents_is_right_and_its_spelling_shown(qtbot, window, profile):
    """"cafe" for "café" was a miss, "one letter off" at best, and "resume" for "résumé" no hint at all: a
    keyboard without é could never get it right (found by a European-language learner helper)."""
    profile.service.create_words([{"text": "café", "meaning": "coffee"}, {"text": "résumé", "meaning": "CV"}])
    page = _start(qtbot, window, "typing")
    card = page.session_panel.typing
    for _ in range(2):
        word = next(w for w in profile.queries.words() if w.meaning == card.prompt.text())
        type_text(qtbot, card.entry, {"café": "cafe", "résumé": "resume"}[word.text])
        press(qtbot, card.entry, Qt.Key.Key_Return)
        assert page.session_panel.last_result.text() == (
            f"✓  {word.text} — {word.meaning}  (mind the accents: “{word.text}”)")
        # and on the card until Enter: above it the note was cut off at a long phrase's end, and gone under
        # the summary after a session's last card (found in review)
        assert card.waiting_to_proceed and card.feedback.text() == f"Right; mind the accents: “{word.text}”."
        done = len(_answers(profile))
        assert page.session_panel.position.text() == f"{done} / 2", "the word is done while its spelling waits"
        press(qtbot, card.entry, Qt.Key.Key_Return)
    assert [a.is_correct for a in _answers(profile)] == [True, True]
    assert not page.in_session  # the summary after the last card's note


def test_a_word_typed_without_its_capitals_is_right_and_its_spelling_shown(qtbot, window, profile):
    profile.service.create_words([{"text": "das Haus", "meaning": "the house"}])
    page = _start(qtbot, window, "typing")
    card = page.session_panel.typing
    type_text(qtbot, card.entry, "das haus")
    press(qtbot, card.entry, Qt.Key.Key_Return)
    assert page.session_panel.last_result.text() == "✓  das Haus — the house  (written “das Haus”)"


def test_esc_on_the_last_card_waiting_with_its_spelling_finishes_the_session(qtbot, window, profile):
    """Every word answered, the last card waiting for Enter with its spelling: Esc left the session open,
    "2 of 2 words answered", to resume into its summary (found in review)."""
    profile.service.create_words([{"text": "das Haus", "meaning": "the house"}])
    page = _start(qtbot, window, "typing")
    card = page.session_panel.typing
    type_text(qtbot, card.entry, "das haus")
    press(qtbot, card.entry, Qt.Key.Key_Return)
    assert card.waiting_to_proceed
    qtbot.keyClick(card.entry, Qt.Key.Key_Escape)
    assert not page.in_session and page.stack.currentWidget() is page.summary_panel  # as Enter does


def test_typing_session_tolerates_width_case_and_spaces(qtbot, window, profile, words):
    page = _start(qtbot, window, "typing")
    card = page.session_panel.typing
    # the field is centred and focused, so Qt hides its placeholder: the line below says what to type
    assert card.hint.text().startswith("Type the word for this meaning")
    first = True
    while page.in_session:
        word = next(w for w in profile.queries.words() if w.meaning == card.prompt.text())
        if first:
            first = False
            type_text(qtbot, card.entry, "wrong")
            press(qtbot, card.entry, Qt.Key.Key_Return)
            assert card.waiting_to_proceed and word.text in card.feedback.text()
            press(qtbot, card.entry, Qt.Key.Key_Return)
            continue
        # full-width capitals with surrounding spaces, committed like an IME
        full_width = "".join(chr(ord(c) + 0xFEE0) for c in word.text.upper())
        type_text(qtbot, card.entry, f"  {full_width} ")
        press(qtbot, card.entry, Qt.Key.Key_Return)
        assert not card.waiting_to_proceed or not page.in_session

    answers = _answers(profile)
    assert [a.is_correct for a in answers] == [False] + [True] * 5
    assert page.summary_panel.accuracy.text() == "83%"


def test_undo_an_answer_asks_the_word_again(qtbot, window, profile, words):
    page = _start(qtbot, window, "flashcard")
    card = page.session_panel.flashcard
    first = card.front.text()
    press(qtbot, card, Qt.Key.Key_Space)
    press(qtbot, card, Qt.Key.Key_4)  # Easy — by mistake
    assert card.front.text() != first
    assert page.session_panel.position.text() == "1 / 5"

    undo_key(qtbot, window)

    retracted = events(profile, "AnswerRetracted")
    answer = events(profile, "QuestionAnswered")[0]
    assert len(retracted) == 1 and retracted[0].event_data.answer_event_id == answer.event_id
    assert card.front.text() == first and card.back.text() == ""
    assert page.session_panel.position.text() == "0 / 5"
    press(qtbot, card, Qt.Key.Key_Space)
    press(qtbot, card, Qt.Key.Key_3)
    again = events(profile, "QuestionAnswered")
    assert again[-1].event_data.word_id == answer.event_data.word_id
    assert again[-1].event_data.attempt_number == 1, "the retracted attempt does not count"


def test_the_last_answer_can_be_undone_on_the_summary(qtbot, window, profile, words):
    """The answer that ends a session went straight to a completed session: Ctrl+Z on the summary did
    nothing, and a last card graded Hard instead of Easy changed its schedule for good."""
    page = _start(qtbot, window, "flashcard")
    card = page.session_panel.flashcard
    while page.in_session:
        last = card.front.text()
        press(qtbot, card, Qt.Key.Key_Space)
        press(qtbot, card, Qt.Key.Key_2)  # Hard, the last one by mistake
    assert page.stack.currentWidget() is page.summary_panel and window.undo_action.isEnabled()

    undo_key(qtbot, window)

    assert page.in_session and page.stack.currentWidget() is page.session_panel
    assert card.front.text() == last and page.session_panel.position.text() == "4 / 5"
    press(qtbot, card, Qt.Key.Key_Space)
    press(qtbot, card, Qt.Key.Key_4)  # Easy, as meant
    assert page.stack.currentWidget() is page.summary_panel
    press(qtbot, page.summary_panel.back, Qt.Key.Key_Return)
    assert not window.undo_action.isEnabled()  # a completed session's answers are final
    kept = [a for a in _answers(profile) if a.word_id == events(profile, "AnswerRetracted")[0].event_data.word_id]
    assert [a.grade for a in kept] == ["hard", "easy"]
    completed = events(profile, "SessionCompleted")
    assert [(c.event_data.total_questions, c.event_data.correct_answers) for c in completed] == [(5, 5)]


def test_ctrl_z_on_a_summary_whose_session_another_program_completed_says_the_answer_is_kept(
        qtbot, window, profile, words):
    """It showed "This session is already completed; start a new one." in an error box."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    page = _start(qtbot, window, "flashcard")
    card = page.session_panel.flashcard
    session_id = page.run.session_id
    while page.in_session:
        press(qtbot, card, Qt.Key.Key_Space)
        press(qtbot, card, Qt.Key.Key_3)
    profile.service.complete_session(session_id)  # `effect-desktop` on the command line, or a sync
    undo_key(qtbot, window)
    assert not any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())
    assert window.statusBar().currentMessage().startswith("Not undone: answer to “")
    assert events(profile, "AnswerRetracted") == [] and not window.undo_action.isEnabled()
    page.settle()  # the summary left: no second completion
    assert len(events(profile, "SessionCompleted")) == 1


def test_a_summary_left_open_completes_its_session_after_a_moment(qtbot, window, profile, words):
    """Left open overnight, a summary booked its session on the day it was left (the completion's time):
    the last answer can be undone for a moment, then the session is complete where it stands."""
    from effect_desktop.gui.study import page as study_page

    page = _start(qtbot, window, "flashcard")
    page._settle_soon.setInterval(300)  # SUMMARY_UNDO_MS, shortened
    assert study_page.SUMMARY_UNDO_MS >= 60_000  # long enough to notice a slip and press Ctrl+Z
    card = page.session_panel.flashcard
    while page.in_session:
        press(qtbot, card, Qt.Key.Key_Space)
        press(qtbot, card, Qt.Key.Key_3)
    assert events(profile, "SessionCompleted") == [] and window.undo_action.isEnabled()
    qtbot.waitUntil(lambda: len(events(profile, "SessionCompleted")) == 1, timeout=5_000)
    assert page.stack.currentWidget() is page.summary_panel and not window.undo_action.isEnabled()


def test_a_summary_on_screen_when_the_window_closes_completes_its_session(qtbot, window, profile, words):
    page = _start(qtbot, window, "flashcard")
    card = page.session_panel.flashcard
    while page.in_session:
        press(qtbot, card, Qt.Key.Key_Space)
        press(qtbot, card, Qt.Key.Key_3)
    assert events(profile, "SessionCompleted") == []
    window.close()
    assert len(events(profile, "SessionCompleted")) == 1 and profile.queries.open_sessions() == []


def test_escape_leaves_and_the_session_can_be_resumed_from_the_study_page(qtbot, window, profile, words):
    page = _start(qtbot, window, "flashcard")
    card = page.session_panel.flashcard
    press(qtbot, card, Qt.Key.Key_Space)
    press(qtbot, card, Qt.Key.Key_3)
    with qtbot.waitSignal(page.start_refreshed):
        press(qtbot, card, Qt.Key.Key_Escape)
    assert not page.in_session
    assert page.start_panel.resume_box.isVisible()
    assert events(profile, "SessionCompleted") == []
    qtbot.mouseClick(page.start_panel.resume_button, Qt.MouseButton.LeftButton)
    assert page.in_session and page.session_panel.position.text() == "1 / 5"


def test_daily_new_word_limit_is_respected(qtbot, window, profile, words):
    Preferences(profile.settings).new_per_day = 2
    page = _start(qtbot, window, "flashcard")
    assert page.run.total_words == 2


def test_the_review_limit_counts_every_session_of_the_study_day(qtbot, window, profile, words):
    """Five words due today and 3 reviews a day: 3 in the first session, none in the next."""
    real_clock = profile.service.clock
    profile.service.clock = lambda: real_clock() - timedelta(days=3)  # first studied 3 days ago
    session_id = profile.service.start_session("flashcard", words)
    for word_id in words:
        profile.service.answer(session_id, word_id, True, 1200, "good")
    profile.service.complete_session(session_id)
    profile.service.clock = real_clock
    preferences = Preferences(profile.settings)
    preferences.reviews_per_day, preferences.session_size = 3, 20

    page = window.show_page("study")
    page.refresh_now()  # the history above was written behind the window's back
    qtbot.waitUntil(lambda: "3 reviews today (5 due in all)" in page.start_panel.counts.text())
    page = _start(qtbot, window, "flashcard")
    assert page.run.total_words == 3
    card = page.session_panel.flashcard
    while page.in_session:
        press(qtbot, card, Qt.Key.Key_Space)
        press(qtbot, card, Qt.Key.Key_3)
    press(qtbot, page.summary_panel.back, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "0 reviews today (2 due in all)" in page.start_panel.counts.text())
    press(qtbot, page.start_panel.start, Qt.Key.Key_Space)
    assert not page.in_session
    assert "today's reviews and new words are done" in page.start_panel.message.text()
    preferences.reviews_per_day = 5  # raising the limit lets the other two in the same day
    assert _start(qtbot, window, "flashcard").run.total_words == 2


def test_a_session_finished_on_another_computer_ends_here_without_an_error(qtbot, window, profile, words):
    """A sync brought the session's completion from the other computer: every grade then opened
    "This session is already completed; start a new one." over the same card, until Esc."""
    page = _start(qtbot, window, "flashcard")
    card = page.session_panel.flashcard
    press(qtbot, card, Qt.Key.Key_Space)
    press(qtbot, card, Qt.Key.Key_3)
    assert len(_answers(profile)) == 1
    profile.service.complete_session(page.run.session_id)  # as a sync brings it
    press(qtbot, card, Qt.Key.Key_Space)
    press(qtbot, card, Qt.Key.Key_3)
    assert window.findChild(QMessageBox, "errorDialog") is None
    assert not page.in_session and page.stack.currentWidget() is page.start_panel
    qtbot.waitUntil(lambda: page.start_panel.message.text().startswith(
        "This session was finished elsewhere"), timeout=3000)
    qtbot.wait(200)  # the start panel's counts come in meanwhile and must not wipe the message
    assert page.start_panel.message.text().startswith("This session was finished elsewhere (in another window, at the "
                                                      "command line or on another computer)")
    assert len(_answers(profile)) == 1, "nothing refused was recorded, nothing answered was lost"


def test_a_session_finished_elsewhere_ends_as_soon_as_the_window_hears_of_it(qtbot, window, profile, words):
    page = _start(qtbot, window, "flashcard")
    profile.service.complete_session(page.run.session_id)
    window.operations.changed.emit()  # what the window does after a sync or another program's writes
    qtbot.waitUntil(lambda: not page.in_session, timeout=3000)
    assert page.stack.currentWidget() is page.start_panel


def test_how_long_a_grade_puts_a_word_away_reads_naturally(window):
    from effect_desktop.gui.study.due_text import due_in

    assert [due_in(d) for d in (0, 1, 6, 29, 30, 45, 304, 365, 400, 3650)] == [
        "today", "1 day", "6 days", "29 days", "1 month", "1.5 months", "10 months", "1 year", "1.1 years",
        "10 years"]


def test_a_session_can_take_one_category_or_tag_and_the_choice_is_kept(qtbot, window, profile, words):
    page = window.show_page("study")
    with qtbot.waitSignal(page.start_refreshed):
        page.refresh_now()
    focus = page.start_panel.focus
    choices = [focus.itemText(i) for i in range(focus.count())]
    assert choices[0] == "All words" and "Category: food" in choices and "Tag: noun" in choices
    assert page.start_panel.counts.text().endswith("5 new words today")
    with qtbot.waitSignal(page.start_refreshed):
        focus.setCurrentIndex(focus.findText("Category: food"))  # as a click on the entry does
    assert page.start_panel.counts.text().endswith("2 new words today")
    assert Preferences(profile.settings).study_focus.category == "food"

    page.start_session("flashcard")
    asked = {w.text for w in page.run.words.values()}
    assert asked == {"apple", "bread"}
    page.leave_session()
    with qtbot.waitSignal(page.start_refreshed):
        page.refresh_now()
    assert focus.currentText() == "Category: food", "kept for the next session"


def test_the_words_without_a_category_can_be_studied_on_their_own(qtbot, window, profile, words):
    profile.service.create_words([{"text": "kirei", "meaning": "pretty"}, {"text": "shizuka", "meaning": "quiet"}])
    page = window.show_page("study")
    with qtbot.waitSignal(page.start_refreshed):
        page.refresh_now()
    focus = page.start_panel.focus
    with qtbot.waitSignal(page.start_refreshed):
        focus.setCurrentIndex(focus.findText("No category"))
    assert page.start_panel.counts.text().endswith("2 new words today")
    page.start_session("flashcard")
    assert {w.text for w in page.run.words.values()} == {"kirei", "shizuka"}
    page.leave_session()

    words_page = window.show_page("words")
    words_page.category.setCurrentIndex(words_page.category.findText("No category"))
    wait_shown(qtbot, words_page, lambda texts: texts == {"kirei", "shizuka"})


def test_the_word_on_the_card_is_mended_without_leaving_the_session(qtbot, window, profile, words):
    page = _start(qtbot, window, "flashcard")
    card = page.session_panel.flashcard
    press(qtbot, card, Qt.Key.Key_Space)
    shown = card.front.text()
    qtbot.keyClick(card, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = page.editor.dialog
    assert dialog is not None and dialog.isVisible() and dialog.text_edit.text() == shown
    dialog.meaning_edit.setText("mended meaning")
    dialog.accept()
    assert card.front.text() == shown and card.back.text() == "mended meaning", "asked again, still revealed"
    assert [e.event_data.changes for e in events(profile, "WordUpdated")] == [{"meaning": "mended meaning"}]
    press(qtbot, card, Qt.Key.Key_3)  # and the session goes on
    assert [a.word_id for a in _answers(profile)] == [page.run.words[w].word_id for w in page.run.words
                                                      if page.run.words[w].text == shown]
    assert window.undo_action.isEnabled()


def test_undoing_a_mend_asks_and_grades_the_word_as_it_is_again(qtbot, window, profile, words):
    """The card went on showing the mended meaning after Ctrl+Z, and in typing mode graded the restored
    word as wrong against the undone text."""
    page = _start(qtbot, window, "flashcard")
    card = page.session_panel.flashcard
    press(qtbot, card, Qt.Key.Key_Space)
    shown, meaning = card.front.text(), card.back.text()
    qtbot.keyClick(card, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    page.editor.dialog.meaning_edit.setText("mended meaning")
    page.editor.dialog.accept()
    assert card.back.text() == "mended meaning"
    undo_key(qtbot, window)
    assert card.front.text() == shown and card.back.text() == meaning, "asked again as it is"
    current = page.run.current()
    assert current is not None and current.meaning == meaning


def test_undoing_a_mend_in_a_later_session_asks_the_word_as_it_is(qtbot, window, profile, words):
    """The undo outlives its session: undone in the next one, that session went on asking the mend."""
    page = _start(qtbot, window, "flashcard")
    card = page.session_panel.flashcard
    press(qtbot, card, Qt.Key.Key_Space)
    mended = page.run.current()
    qtbot.keyClick(card, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    page.editor.dialog.meaning_edit.setText("mended meaning")
    page.editor.dialog.accept()
    with qtbot.waitSignal(page.start_refreshed):
        press(qtbot, card, Qt.Key.Key_Escape)
    page = _start(qtbot, window, "flashcard")  # a new session, with the word in it
    assert page.run.words[mended.word_id].meaning == "mended meaning"
    undo_key(qtbot, window)
    assert page.run.words[mended.word_id].meaning == mended.meaning


def test_the_study_pages_unfinished_session_counts_words_as_the_start_up_question_does(qtbot, window, profile,
                                                                                       words):
    """"(5 answers so far)" on the Study page beside "2 of 10 words answered" in the start-up question,
    for the same session: a missed word's repeats are answers, not words."""
    page = window.show_page("study")
    session = profile.service.start_session("flashcard", words[:3])
    profile.service.answer(session, words[0], False, 1200, "again")
    profile.service.answer(session, words[0], False, 1200, "again")
    profile.service.answer(session, words[1], True, 1200, "good")
    with qtbot.waitSignal(page.start_refreshed):
        page.refresh_now()
    assert page.start_panel.resume_label.text().endswith("(2 of 3 words answered)."), \
        page.start_panel.resume_label.text()


def test_counts_of_one_are_said_in_the_singular(qtbot, window, profile):
    """"1 new words today" and "(1 answers so far)": counts now go through Qt's plural forms."""
    apple, _bread = profile.service.create_words([dict(text="apple", meaning="りんご"),
                                                  dict(text="bread", meaning="パン")])
    page = window.show_page("study")
    session = profile.service.start_session("flashcard", [apple])
    profile.service.answer(session, apple, True, 1200)
    with qtbot.waitSignal(page.start_refreshed):
        page.refresh_now()
    counts, resume = page.start_panel.counts.text(), page.start_panel.resume_label.text()
    assert counts.endswith(" · 1 new word today"), counts
    assert resume.endswith("(1 of 1 word answered)."), resume
    words = window.show_page("words")
    qtbot.waitUntil(lambda: words.count_label.text() == "2 words")
    words.search.setText("apple")
    qtbot.waitUntil(lambda: words.count_label.text() == "1 of 2 words")


def test_a_flashcard_session_with_the_mouse_alone(qtbot, window, profile, words):
    """There was no way to turn a card over but Space or Enter: now a "Show the meaning" button
    stands where the grades will be, and a click on the card does the same."""
    page = _start(qtbot, window, "flashcard")
    card = page.session_panel.flashcard
    assert card.show_button.isVisible() and not card.buttons[0].isVisible()
    qtbot.mouseClick(card.show_button, Qt.MouseButton.LeftButton)
    assert card.back.text() != "" and card.buttons[2].isVisible() and not card.show_button.isVisible()
    qtbot.mouseClick(card.buttons[2], Qt.MouseButton.LeftButton)  # Good
    assert [a.grade for a in _answers(profile)] == ["good"]
    assert card.back.text() == "" and card.show_button.isVisible()
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)  # anywhere on the card
    assert card.back.text() != "" and card.buttons[0].isVisible()
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)  # a second click grades nothing
    assert len(_answers(profile)) == 1


def test_nothing_to_study_goes_once_there_is_something(qtbot, window, profile):
    """Start pressed on an empty profile, a word added: the page said "Nothing to study right now"
    under "1 new word today", and told the newcomer to add words."""
    page = window.show_page("study")
    with qtbot.waitSignal(page.start_refreshed):
        page.refresh_now()
    press(qtbot, page.start_panel.start, Qt.Key.Key_Space)
    # with no words at all the news is that there are none (it spoke of daily limits to raise)
    assert not page.in_session and page.start_panel.message.text().startswith("There are no words yet")
    assert "limit" not in page.start_panel.message.text()
    window.show_page("words")
    window.operations.perform(lambda: profile.service.create_word("apple", "りんご"))
    with qtbot.waitSignal(page.start_refreshed):
        window.show_page("study")
    assert page.start_panel.counts.text() == "0 due for review · 1 new word today"
    assert page.start_panel.message.text() == ""


def test_a_phrase_typed_with_the_japanese_input_method_on_is_right(qtbot, window, profile):
    """The input method in full-width mode commits "Ｉ’ｍ　ｈｏｍｅ" (a curly apostrophe, an ideographic space),
    and a Mac's smart quotes "Don’t worry": both were marked wrong beside the answer they look like, as
    was a doubled space inside the phrase."""
    _each_typed_right(qtbot, window, profile,
                      {"I'm home": "ただいま", "Don't worry": "心配しないで", "I'm full": "お腹いっぱい"},
                      {"I'm home": "Ｉ’ｍ\u3000ｈｏｍｅ", "Don't worry": "Don’t worry", "I'm full": "I'm  full"})


def _each_typed_right(qtbot, window, profile, phrases: dict[str, str], typed: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """A typing session of `phrases` (text: meaning), each answered with its `typed` form: all right."""
    profile.service.create_words([{"text": text, "meaning": meaning} for text, meaning in phrases.items()])
    page = _start(qtbot, window, "typing")
    card = page.session_panel.typing
    while page.in_session:
        text = next(t for t, meaning in phrases.items() if meaning == card.prompt.text())
        type_text(qtbot, card.entry, typed[text])
        press(qtbot, card.entry, Qt.Key.Key_Return)
        assert not card.waiting_to_proceed or not page.in_session, card.feedback.text()
    assert [a.is_correct for a in _answers(profile)] == [True] * len(phrases)


def test_an_answer_that_looks_like_the_word_is_right_whatever_its_emoji_style_or_dotted_capital(
        qtbot, window, profile):
    """❤ typed for ❤️ (an emoji picker gives either) was "The answer is “❤️”.", and "istanbul" for İstanbul
    "Almost: one letter off." (Python lower-cases İ to i and a combining dot); a zero-width space is ignored."""
    _each_typed_right(qtbot, window, profile,
                      {"❤\ufe0f": "heart", "İstanbul": "city", "zero\u200bwidth": "nothing between"},
                      {"❤\ufe0f": "❤", "İstanbul": "istanbul", "zero\u200bwidth": "ZEROWIDTH"})


def test_a_card_waiting_with_its_spelling_stays_when_the_next_word_is_deleted_elsewhere(qtbot, window, profile):
    """Another program deleted the next word while the card showed "written “das Haus”": the card was
    replaced at once, the note gone before it was read (found in review)."""
    profile.service.create_words([{"text": t, "meaning": m} for t, m in (
        ("das Haus", "the house"), ("die Katze", "the cat"), ("der Hund", "the dog"))])
    page = _start(qtbot, window, "typing")
    card = page.session_panel.typing
    shown = next(w for w in profile.queries.words() if w.meaning == card.prompt.text())
    type_text(qtbot, card.entry, shown.text.lower())
    press(qtbot, card.entry, Qt.Key.Key_Return)
    note = card.feedback.text()
    assert card.waiting_to_proceed and note.startswith("Right; written")
    profile.service.delete_words([page.run.current().word_id])  # another program, or a sync
    window.operations.changed.emit()
    qtbot.waitUntil(lambda: "deleted meanwhile" in page.session_panel.last_result.text())
    assert card.waiting_to_proceed and card.feedback.text() == note
    press(qtbot, card.entry, Qt.Key.Key_Return)
    assert not card.waiting_to_proceed and card.prompt.text() not in (shown.meaning, "")


def test_ctrl_e_on_a_waiting_card_mends_the_word_it_shows(qtbot, window, profile):
    """The card said "written “das haus”" (a list's typo) or "The answer is …", and Ctrl+E did nothing: the
    word on screen is the one to mend, not the next (found in review)."""
    profile.service.create_words([{"text": "das haus", "meaning": "the house"},
                                  {"text": "die Katze", "meaning": "the cat"}])
    page = _start(qtbot, window, "typing")
    card = page.session_panel.typing
    shown = next(w for w in profile.queries.words() if w.meaning == card.prompt.text())
    type_text(qtbot, card.entry, "wrong")
    press(qtbot, card.entry, Qt.Key.Key_Return)
    assert card.waiting_to_proceed
    dialog = page.editor.edit()
    assert dialog is not None and dialog.text_edit.text() == shown.text
    dialog.reject()


def test_a_word_being_mended_when_its_session_ends_elsewhere_closes_without_an_error(
        qtbot, window, profile, words):
    page = _start(qtbot, window, "flashcard")
    dialog = page.editor.edit()
    assert dialog is not None and dialog.isVisible()
    profile.service.complete_session(page.run.session_id)  # as a sync brings it, while the dialog is open
    window.operations.changed.emit()
    qtbot.waitUntil(lambda: not page.in_session, timeout=3000)
    dialog.reject()  # it gave the keys back to the card of a session no longer there: an exception
    assert page.stack.currentWidget() is page.start_panel


def test_cards_of_words_deleted_meanwhile_are_left_out_of_the_running_session(qtbot, window, profile, words):
    """A sync brought another computer's deletions (an import undone there): the session went on asking
    the deleted words to the end, each answer stored against a deleted word."""
    page = _start(qtbot, window, "flashcard")
    card = page.session_panel.flashcard
    press(qtbot, card, Qt.Key.Key_Space)
    press(qtbot, card, Qt.Key.Key_3)
    on_screen = page.run.current().word_id
    later = next(w for w in page.run.queue[1:] if w != on_screen)
    profile.service.delete_words([on_screen, later])  # another program, or a sync
    window.operations.changed.emit()  # as a sync's end does
    assert page.run.current().word_id not in (on_screen, later)
    assert "2 words of this session were deleted meanwhile" in page.session_panel.last_result.text()
    assert page.session_panel.position.text() == "1 / 3"
    while page.in_session:
        press(qtbot, card, Qt.Key.Key_Space)
        press(qtbot, card, Qt.Key.Key_3)
    assert not {on_screen, later} & {a.word_id for a in _answers(profile)}
    assert page.summary_panel.answers.text() == "3 correct of 3"


def test_a_card_whose_word_was_deleted_before_the_window_heard_of_it_is_left_out_when_answered(
        qtbot, window, profile, words):
    """The core refuses an answer to a deleted word (`session answer` stored one, moving its schedule):
    the card answered then is left out with the usual note, no error box, nothing stored."""
    page = _start(qtbot, window, "flashcard")
    card = page.session_panel.flashcard
    on_screen = page.run.current().word_id
    profile.service.delete_word(on_screen)  # another program; no refresh yet
    press(qtbot, card, Qt.Key.Key_Space)
    press(qtbot, card, Qt.Key.Key_3)
    assert window.findChild(QMessageBox, "errorDialog") is None
    said = page.session_panel.last_result.text()
    assert "1 word of this session was deleted meanwhile; its card is left out." in said
    assert page.run.current().word_id != on_screen and on_screen not in page.run.queue
    assert _answers(profile) == []


def test_a_session_whose_every_word_left_is_deleted_ends_on_its_summary(qtbot, window, profile, words):
    page = _start(qtbot, window, "flashcard")
    card = page.session_panel.flashcard
    press(qtbot, card, Qt.Key.Key_Space)
    press(qtbot, card, Qt.Key.Key_3)
    profile.service.delete_words(list(dict.fromkeys(page.run.queue)))
    window.operations.changed.emit()
    assert not page.in_session and page.stack.currentWidget() is page.summary_panel
    assert page.summary_panel.answers.text() == "1 correct of 1"
    assert "4 words of this session were deleted meanwhile" in window.statusBar().currentMessage()


def test_a_tag_chosen_to_study_stays_chosen_however_the_words_spell_it(qtbot, window, profile):
    """The focus was saved under the tag's folded key ("t:jlpt::n5"); once the tags were listed as spelled
    (JLPT::N5) the box showed "All words" while the counts, and the next session, were the tag's."""
    from effect_desktop.application.planning import Focus
    from effect_desktop.gui.preferences import Preferences

    profile.service.create_words([{"text": "行く", "meaning": "to go", "tags": ["JLPT::N5"]},
                                  {"text": "本", "meaning": "book"}])
    Preferences(profile.settings).study_focus = Focus(tag="jlpt::n5")
    page = window.show_page("study")
    with qtbot.waitSignal(page.start_refreshed):
        page.refresh_now()
    assert page.start_panel.focus.currentText() == "Tag: JLPT::N5"
    press(qtbot, page.start_panel.start, Qt.Key.Key_Space)
    assert [w.text for w in page.run.words.values()] == ["行く"]


def test_a_session_finished_later_counts_its_time_to_its_last_answer_that_stands(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Finished from the resume dialog after its last answer was undone, a session counted the time up to
    the undone answer, and was dated then (found in review)."""
    from datetime import UTC, datetime

    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui import i18n
    from effect_desktop.gui.main_window import MainWindow
    from tests.integration.profile_helpers import SettableClock

    clock = SettableClock(datetime(2026, 6, 10, 20, 0, tzinfo=UTC))
    profile = open_profile(tmp_path / "p.effect.sqlite3", clock=clock)
    try:
        apple, pear = profile.service.create_words([dict(text="apple", meaning="りんご"),
                                                    dict(text="pear", meaning="梨")])
        session = profile.service.start_session("flashcard", [apple, pear])
        clock.advance(seconds=30)
        profile.service.answer(session, apple, True, 3000)
        clock.advance(minutes=5)
        slip = profile.service.answer(session, pear, False, 3000)
        profile.service.retract_answer(session, slip.answer_event_id)  # undone: the card is asked again
        clock.advance(hours=12)
        i18n.install("en")
        window = MainWindow(profile)
        qtbot.addWidget(window)
        page = window.show_page("study")
        page.finish(next(s for s in profile.queries.open_sessions() if s.session_id == session))
        done = profile.queries.session(session)
        assert done is not None and done.duration_seconds == 30
        window.operations.wait()
        window.close()
    finally:
        profile.close()


def test_enter_on_the_study_page_starts_a_session_at_start_up_and_after_ctrl_1(qtbot, profile, words):
    """Start session is drawn as the default, with the outline of a focused button, but the focus was on
    the "Words:" box (no ring shown): Enter did nothing, Space opened the box."""
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest

    from effect_desktop.gui import i18n
    from effect_desktop.gui.main_window import MainWindow
    from effect_desktop.gui.paths import gui_settings_path

    for first_page in ("study", "words"):  # the window opens on the page it was left on
        QSettings(str(gui_settings_path(profile.path)), QSettings.Format.IniFormat).setValue("window/page",
                                                                                              first_page)
        i18n.install("en")
        window = MainWindow(profile)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        QTest.qWaitForWindowActive(window)
        if first_page == "words":
            press(qtbot, QApplication.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        page = window.study_page
        assert window.current_page_key() == "study" and page.start_panel.start.hasFocus()
        press(qtbot, QApplication.focusWidget(), Qt.Key.Key_Return)
        assert page.in_session
        press(qtbot, page.session_panel.flashcard, Qt.Key.Key_Escape)  # leave it
        window.close()
        window.operations.wait()


def test_undoing_an_answer_of_a_session_finished_elsewhere_says_why_it_stays(qtbot, window, profile, words):
    """The session was completed at the command line; Ctrl+Z on the window's last answer said "another
    program or device changed it since", though nothing had changed the answer (found by a helper using
    two windows and the CLI)."""
    page = _start(qtbot, window, "flashcard")
    card = page.session_panel.flashcard
    press(qtbot, card, Qt.Key.Key_Space)
    press(qtbot, card, Qt.Key.Key_3)
    assert len(_answers(profile)) == 1
    profile.service.complete_session(page.run.session_id)  # `effect-desktop session complete`
    undo_key(qtbot, window)
    said = window.statusBar().currentMessage()
    assert said.startswith("Not undone: ") and "its session was finished elsewhere since" in said, said
    assert len(_answers(profile)) == 1


def test_a_long_meaning_among_the_words_to_review_wraps_within_the_summary(qtbot, window, profile, words):
    """It was cut at the list's edge behind a sideways scroll bar the keyboard could not reach."""
    long_meaning = "a rather long explanatory meaning, " * 6 + "and its end"
    profile.service.update_word(words[0], meaning=long_meaning)
    window.resize(700, 520)
    page = _start(qtbot, window, "flashcard")
    card = page.session_panel.flashcard
    while page.in_session:
        wrong = card.word.word_id == words[0] and card.word.meaning == long_meaning
        press(qtbot, card, Qt.Key.Key_Space)
        press(qtbot, card, Qt.Key.Key_1 if wrong else Qt.Key.Key_3)
    review = page.summary_panel.review
    item = next(review.item(i) for i in range(review.count()) if long_meaning in review.item(i).text())
    qtbot.waitUntil(lambda: review.visualItemRect(item).height() > 2 * review.fontMetrics().height())
    assert review.visualItemRect(item).right() <= review.viewport().width()
