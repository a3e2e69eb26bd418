"""What a screen reader says: every control Tab reaches has a name, and a card says what it shows.

Qt gives a button its text and a field its buddy label as names; a field with only a placeholder, a
table, a painted card or a chart has none unless we give one, and a screen reader then says "edit"
or "table" and nothing more. The names are asked of Qt's own accessibility interface, the one a
screen reader reads, not of our widgets."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from effect_desktop.gui import features, i18n
from effect_desktop.gui.help_menu import open_shortcuts
from effect_desktop.gui.main_window import MainWindow
from effect_desktop.gui.statistics.heatmap import CalendarHeatmap

from .conftest import press, type_text

PAGES = ("study", "words", "sessions", "timeline", "statistics", "settings")


def said(widget: QWidget, what: QAccessible.Text = QAccessible.Text.Name) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, f"{type(widget).__name__} has no accessible interface"
    return interface.text(what)


def unnamed_tab_stops(root: QWidget) -> list[str]:
    """Visible widgets Tab can reach whose accessible name is empty (Qt's own inner parts aside:
    a spin box's text field is read as the spin box)."""
    found = []
    for widget in (root, *root.findChildren(QWidget)):
        if (widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and not widget.objectName().startswith("qt_") and not said(widget)):
            found.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parent()).__name__}")
    return found


def tab_stops(root: QWidget) -> int:
    """How many controls the walk looked at (so that an empty walk cannot pass)."""
    return sum(1 for w in (root, *root.findChildren(QWidget))
               if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus and not w.objectName().startswith("qt_"))


def settle() -> None:
    for _ in range(10):
        QApplication.processEvents()


def start(qtbot, window: MainWindow, mode: str):  # type: ignore[no-untyped-def]
    page = window.show_page("study")
    page.start_panel.mode_buttons[mode].setChecked(True)
    press(qtbot, page.start_panel.start, Qt.Key.Key_Space)
    assert page.in_session
    return page


def modal_seen(open_it: Callable[[], object]) -> list[str]:
    """Opens a dialog shown with exec(), collects its unnamed tab stops and closes it."""
    found: list[str] = []

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if not isinstance(modal, QDialog):
            QTimer.singleShot(10, look)
            return
        settle()
        found.extend(unnamed_tab_stops(modal))
        found.append("(seen)")
        modal.reject()

    QTimer.singleShot(10, look)
    open_it()
    return found


@pytest.fixture(params=["en", "ja"])
def language(request) -> Iterator[str]:  # type: ignore[no-untyped-def]
    i18n.install(request.param)
    yield request.param
    i18n.install("en")


def test_every_control_tab_reaches_has_a_name_on_every_page_and_dialog(
        qtbot, profile, words, language):  # type: ignore[no-untyped-def]
    i18n.install(language)
    window = MainWindow(profile)
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    unnamed: dict[str, list[str]] = {}
    for key in PAGES:
        page = window.show_page(key)
        settle()
        unnamed[key] = unnamed_tab_stops(page)
    for mode in ("flashcard", "multiple_choice", "typing"):
        page = start(qtbot, window, mode)
        settle()
        unnamed[mode] = unnamed_tab_stops(page)
        page.leave_session()
    words_page = window.show_page("words")
    dialog = words_page.add_word()
    settle()
    unnamed["word dialog"] = unnamed_tab_stops(dialog)
    dialog.reject()
    timeline = window.show_page("timeline")
    scheduler = timeline.choose_scheduler()
    settle()
    unnamed["scheduler"] = unnamed_tab_stops(scheduler)
    scheduler.reject()
    timeline.travel_to(datetime.now(UTC))  # the past view: the words as they were, what changed since
    qtbot.waitUntil(lambda: timeline.showing_past)
    settle()
    unnamed["past"] = unnamed_tab_stops(timeline)
    timeline.back_to_now()
    timeline.open_history(words[0])

    def history_shown() -> list[QWidget]:
        return [w for w in QApplication.topLevelWidgets() if w.isVisible() and type(w).__name__ == "WordHistoryDialog"]

    qtbot.waitUntil(lambda: bool(history_shown()), timeout=10_000)  # (its story is read off the GUI thread)
    settle()
    history = history_shown()
    assert history
    unnamed["word history"] = unnamed_tab_stops(history[0])
    history[0].close()
    shortcuts = open_shortcuts(window)
    settle()
    unnamed["shortcuts"] = unnamed_tab_stops(shortcuts)
    shortcuts.reject()
    unnamed["import"] = modal_seen(lambda: features.import_words(window))
    unnamed["backups"] = modal_seen(lambda: features.backups(window))

    assert unnamed["import"][-1:] == ["(seen)"] and unnamed["backups"][-1:] == ["(seen)"]
    unnamed = {where: [w for w in found if w != "(seen)"] for where, found in unnamed.items()}
    assert {where: found for where, found in unnamed.items() if found} == {}
    # the page list takes no Tab (Ctrl+1… switch pages) but a screen reader still finds it by name
    assert said(window.nav) == {"en": "Pages", "ja": "ページ"}[language]
    if language == "ja":  # the names are the interface's language, not English left behind
        assert said(window.show_page("words").table) == "単語"


def test_the_flashcard_says_the_word_then_its_meaning_and_when_each_grade_brings_it_back(
        qtbot, window, words):  # type: ignore[no-untyped-def]
    card = start(qtbot, window, "flashcard").session_panel.flashcard
    assert QApplication.focusWidget() is card
    word = card.word
    assert said(card) == word.text
    assert "Space or Enter" in said(card, QAccessible.Text.Description)
    assert said(window.show_page("study").session_panel.progress) == "Progress through the session"
    qtbot.waitUntil(lambda: card.due_days is not None)
    press(qtbot, card, Qt.Key.Key_Space)
    assert said(card) == f"{word.text}: {word.meaning}"
    assert "1 Again" in said(card, QAccessible.Text.Description)
    assert [said(button, QAccessible.Text.Description) for button in card.buttons] == [
        "again in this session"] + ["1 day"] * 3  # Again brings a missed word back within the session
    press(qtbot, card, Qt.Key.Key_3)
    assert said(card) == card.word.text != word.text, "the next card is said, without its meaning"
    assert [said(button, QAccessible.Text.Description) for button in card.buttons] == [""] * 4
    page = window.show_page("study")
    while page.in_session:
        press(qtbot, card, Qt.Key.Key_Space)
        press(qtbot, card, Qt.Key.Key_3)
    assert said(page.summary_panel.review) == "Words to review again:"
    # the focused button tells the results (they are labels a screen reader never reached)
    summary = page.summary_panel
    assert QApplication.focusWidget() is summary.back
    assert said(summary.back, QAccessible.Text.Description) == (
        f"Accuracy: {summary.accuracy.text()} · Answers: {summary.answers.text()} · "
        f"Time: {summary.time.text()} · Streak: {summary.streak.text()}")


def test_a_typing_card_asks_for_the_meaning_it_shows_and_says_the_answer_after_a_miss(
        qtbot, window, words):  # type: ignore[no-untyped-def]
    card = start(qtbot, window, "typing").session_panel.typing
    word = card.word
    assert QApplication.focusWidget() is card.entry
    assert word.meaning in said(card.entry)
    type_text(qtbot, card.entry, "wrong")
    press(qtbot, card.entry, Qt.Key.Key_Return)
    assert f"“{word.text}”" in said(card.entry, QAccessible.Text.Description)


def test_a_right_answer_and_what_the_status_bar_says_are_read_out(qtbot, window, words):  # type: ignore[no-untyped-def]
    """After a right typed answer a screen reader heard only the next card, never that it was right; an
    undo's "Undone: …" (shown only in the status bar) was never read at all."""
    heard: list[str] = []
    window.announcer.said.connect(heard.append)
    card = start(qtbot, window, "typing").session_panel.typing
    word = card.word
    type_text(qtbot, card.entry, word.text)
    press(qtbot, card.entry, Qt.Key.Key_Return)
    assert heard == [f"Right: {word.text} — {word.meaning}"]
    qtbot.keyClick(card.entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert heard[1:] == ["Answer undone.", f"Undone: answer to “{word.text}”"]
    heard.clear()
    for _ in range(2):  # the same message again is read again (Qt tells only a change of it)
        window.undo_last()
    assert heard == ["Nothing to undo.", "Nothing to undo."]


def test_a_multiple_choice_card_says_the_word_and_the_right_meaning_after_a_miss(
        qtbot, window, words):  # type: ignore[no-untyped-def]
    card = start(qtbot, window, "multiple_choice").session_panel.choice
    word = card.word
    assert said(card) == word.text
    assert [said(button) for button in card.buttons] == [f"{n}   {o}" for n, o in enumerate(card.options, 1)]
    # the card itself says the choices (Tab does not reach the buttons: it said only the word and the keys)
    assert said(card, QAccessible.Text.Description).startswith(
        "; ".join(f"{n}: {o}" for n, o in enumerate(card.options, 1)))
    wrong = (card.options.index(word.meaning) + 1) % 4
    press(qtbot, card, (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4)[wrong])
    assert word.meaning in said(card, QAccessible.Text.Description)


def test_charts_are_named_by_their_titles_passed_by_tab_and_the_year_is_told_in_words(
        qtbot, window, profile, words):  # type: ignore[no-untyped-def]
    session = profile.service.start_session("flashcard", words[:3])
    for word in words[:3]:
        profile.service.answer(session, word, True, 2000)
    page = window.show_page("statistics")
    heatmap = page.findChild(CalendarHeatmap)
    qtbot.waitUntil(lambda: heatmap.figure is not None and sum(heatmap.figure.answers.values()) == 3)
    assert said(heatmap) == "Answers per day, last 12 months"
    description = said(heatmap, QAccessible.Text.Description)
    assert "Days with answers: 1" in description and "Answers: 3" in description
    assert "Current streak: 1 day" in description
    for name, view in page.views.items():
        assert said(view) == page.cards[name].title.text()
        assert not view.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_tab_leaves_every_table_instead_of_walking_its_cells(qtbot, window, profile, words):  # type: ignore[no-untyped-def]
    """A table took Tab for moving between its cells: once in the word list, Tab never left it."""
    for correct in (True, False):  # known, then forgotten: a lapse puts it among the hardest words
        session = profile.service.start_session("flashcard", words[:1])
        profile.service.answer(session, words[0], correct, 2000)
        profile.service.complete_session(session)
    for key, name in (("words", "table"), ("sessions", "table"), ("statistics", "hardest")):
        page = window.show_page(key)
        table = getattr(page, name)
        qtbot.waitUntil(lambda table=table: table.model().rowCount() > 0)
        table.setFocus()
        table.setCurrentIndex(table.model().index(0, 0))
        QTest.keyClick(table, Qt.Key.Key_Tab)
        QApplication.processEvents()
        assert table.currentIndex().column() == 0, f"Tab moved to the next cell of the {key} table"
        if key != "sessions":  # the only control on its page: Tab comes back to it
            assert QApplication.focusWidget() is not table, f"Tab stayed in the {key} table"


def test_each_save_button_says_which_chart_it_saves(window):  # type: ignore[no-untyped-def]
    page = window.show_page("statistics")
    names = [said(card.save_button) for card in page.cards.values()]
    assert len(set(names)) == len(names) and "Save “Time studied” as PNG…" in names


def test_the_start_up_and_sync_dialogs_name_every_control(qtbot, window, profile, words):  # type: ignore[no-untyped-def]
    from effect_desktop.gui.startup import FirstRunDialog, ResumeDialog
    from effect_desktop.gui.sync.settings_widget import SyncDialog

    first_run = FirstRunDialog(435, window)
    first_run.show()
    settle()
    unnamed = {"first run": unnamed_tab_stops(first_run)}
    assert tab_stops(first_run) >= 2
    first_run.reject()
    profile.service.start_session("flashcard", words[:2])
    [session] = profile.queries.open_sessions()
    resume = ResumeDialog(session, "Flashcards", window)
    resume.show()
    settle()
    unnamed["resume"] = unnamed_tab_stops(resume)
    assert tab_stops(resume) >= 2
    resume.reject()
    window.findChild(QAction, "syncSettingsAction").trigger()
    sync = window.findChild(SyncDialog, "syncDialog")
    qtbot.waitExposed(sync)
    settle()
    unnamed["sync settings"] = unnamed_tab_stops(sync)
    assert tab_stops(sync) >= 5  # the server, user and password fields, the choices, the buttons
    sync.reject()
    assert {where: found for where, found in unnamed.items() if found} == {}


@pytest.mark.parametrize("language", ["en", "ja"])
def test_no_control_takes_a_menus_alt_letter(qtbot, window, profile, language: str) -> None:
    """Alt+F on the Study page went to "&Flashcards" instead of the File menu (and "&Edit…",
    "&Group:" shadowed Edit and Go): a page's mnemonics must leave the menu bar's alone."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    def letter(text: str) -> str | None:
        found = re.search(r"&([^&\s])", text.replace("&&", ""))
        return found[1].lower() if found else None

    try:
        i18n.install(language)
        window.change_language(language)
        menus = {letter(a.text()) for a in window.menuBar().actions()} - {None}
        assert {"f", "e", "g", "h"} <= menus
        for key in list(window.pages):
            page = window.show_page(key)
            texts = [b.text() for b in page.findChildren(QAbstractButton)]
            texts += [label.text() for label in page.findChildren(QLabel) if label.buddy() is not None]
            texts += [box.title() for box in page.findChildren(QGroupBox)]
            clashes = {t for t in texts if letter(t) in menus}
            assert not clashes, (key, clashes)
    finally:
        i18n.install("en")
        window.change_language("en")


def test_a_word_dialogs_errors_are_on_the_field_a_screen_reader_is_taken_to(qtbot, window, profile):
    """"Meaning must not be empty." showed in red beside the field the focus went to, and a screen
    reader said only "Meaning, edit"; the duplicate's "Save again…" was not read out at all."""
    profile.service.create_word("bread", "パン")
    page = window.show_page("words")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.text_edit.hasFocus(), timeout=2000)
    qtbot.keyClicks(dialog.text_edit, "zebra")
    press(qtbot, dialog.text_edit, Qt.Key.Key_Return)
    assert dialog.meaning_edit.hasFocus()
    assert said(dialog.meaning_edit) == "Meaning"
    assert said(dialog.meaning_edit, QAccessible.Text.Description) == "Meaning must not be empty."
    assert "empty" not in said(dialog.text_edit, QAccessible.Text.Description)
    type_text(qtbot, dialog.meaning_edit, "シマウマ")
    assert "empty" not in said(dialog.meaning_edit, QAccessible.Text.Description), "gone once mended"

    dialog.text_edit.setFocus()
    dialog.text_edit.selectAll()
    qtbot.keyClicks(dialog.text_edit, "bread")
    dialog.meaning_edit.clear()
    type_text(qtbot, dialog.meaning_edit, "パン")
    press(qtbot, dialog.meaning_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.save_button.hasFocus()
    assert "is already in your words. Save again" in said(dialog.save_button, QAccessible.Text.Description)
    press(qtbot, dialog.save_button, Qt.Key.Key_Return)  # meant: added once more
    assert not dialog.isVisible()
    assert [w.meaning for w in profile.queries.words_with_text("bread")] == ["パン", "パン"]


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_go_menu_takes_a_letter_for_each_page(qtbot, window, profile, language: str) -> None:
    """Every other menu had access keys; in Go, Alt+G then a letter did nothing."""
    import re

    try:
        i18n.install(language)
        window.change_language(language)
        [go] = [a.menu() for a in window.menuBar().actions() if a.text() in ("&Go", "移動(&G)")]
        letters = [re.search(r"&([^&\s])", a.text())[1].lower() for a in go.actions()]  # type: ignore[index]
        assert len(letters) == 6 == len(set(letters))
        for key, page in zip(letters, ("study", "words", "sessions", "timeline", "statistics", "settings"),
                             strict=True):
            qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
            qtbot.waitUntil(lambda: QApplication.activePopupWidget() is go, timeout=2000)
            qtbot.keyClick(go, getattr(Qt.Key, f"Key_{key.upper()}"))
            qtbot.waitUntil(lambda page=page: window.current_page_key() == page, timeout=2000)
            if not window.isActiveWindow():
                window.activateWindow()
                QTest.qWaitForWindowActive(window)
    finally:
        i18n.install("en")
        window.change_language("en")


@pytest.mark.parametrize("language", ["en", "ja"])
def test_time_travel_and_backups_buttons_take_a_letter_each(qtbot, window, profile, tmp_path,
                                                            language: str) -> None:
    """The Timeline's Show the past, Back to now, Compare with now and Scheduler…, the Backups dialog's
    buttons and the Settings page's fields had no access key: Tab was the only way to them (found by a
    keyboard learner)."""
    import re

    from PySide6.QtWidgets import QPushButton

    from effect_desktop.gui.backup_dialog import BackupDialog

    def letters(buttons: list[QPushButton]) -> list[str | None]:
        return [(found[1].lower() if (found := re.search(r"&([^&\s])", b.text())) else None) for b in buttons]

    try:
        i18n.install(language)
        window.change_language(language)
        page = window.show_page("timeline")
        past = page.past
        travel = [page.travel.go, page.travel.now, past.compare_button, page.scheduler_button, page.newest_button,
                  page.detail.cause_button, page.detail.history_button, page.detail.word_filter_button,
                  page.detail.session_filter_button, page.filters.use_from, page.filters.use_to]
        found = letters(travel)
        assert None not in found and len(set(found)) == len(found), found
        dialog = BackupDialog(profile.path, lambda: None, lambda: None)
        qtbot.addWidget(dialog)
        backups = [dialog.create_button, dialog.restore_button, dialog.history_button, dialog.cancel_button]
        found = letters(backups)
        assert None not in found and len(set(found)) == len(found), found
        # and every field and button of the Settings page (its spin boxes were reached by Tab alone)
        from PySide6.QtWidgets import QLabel

        settings = window.show_page("settings")
        named = [label for label in settings.findChildren(QLabel) if label.buddy() is not None]
        found = letters(named) + letters(settings.findChildren(QPushButton))
        assert len(named) >= 5 and None not in found and len(set(found)) == len(found), found
        sessions = window.show_page("sessions")
        found = letters([sessions.more_button, sessions.resume_button])
        assert None not in found and len(set(found)) == len(found), found
    finally:
        i18n.install("en")
        window.change_language("en")
