"""The main window reaches every part: real Timeline and Statistics pages, file actions, word history."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from effect_desktop.gui import i18n
from effect_desktop.gui.features import export_words
from effect_desktop.gui.main_window import MainWindow
from effect_desktop.gui.statistics import StatisticsPage
from effect_desktop.gui.sync import SyncController
from effect_desktop.gui.timeline import TimelinePage
from effect_desktop.gui.timeline.word_history import WordHistoryDialog


def test_timeline_and_statistics_are_the_real_pages(qtbot, window: MainWindow, words) -> None:
    assert isinstance(window.show_page("timeline"), TimelinePage)
    assert isinstance(window.show_page("statistics"), StatisticsPage)
    assert isinstance(window.sync, SyncController)  # type: ignore[attr-defined]
    assert window.statusBar().findChild(object, "syncStatus") is not None


def test_the_file_menu_offers_import_export_and_backups(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert texts == ["&Import words…", "Export words as &CSV…", "Export the &history as JSON Lines…",
                     "&Backups…", "&Quit"]


def test_a_words_story_opens_from_the_words_page(qtbot, window: MainWindow, words, profile) -> None:
    page = window.show_page("words")
    qtbot.waitUntil(lambda: page.model.rowCount() == len(words), timeout=5000)
    page.table.selectRow(0)
    selected = page.selected_ids()[0]
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)

    def shown() -> list[WordHistoryDialog]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, WordHistoryDialog) and w.isVisible()]

    qtbot.waitUntil(lambda: bool(shown()), timeout=10_000)  # (its story is read off the GUI thread)
    dialogs = shown()
    assert dialogs and dialogs[0].story.word_id == selected
    assert profile.queries.word(selected).text in dialogs[0].windowTitle()
    for dialog in dialogs:
        dialog.close()


def test_statistics_follow_the_timelines_time_travel(qtbot, window: MainWindow, words) -> None:
    timeline = window.show_page("timeline")
    statistics = window.page("statistics")
    moment = datetime(2020, 1, 1, tzinfo=UTC)
    timeline.travel.travel_requested.emit(moment)
    assert statistics.as_of == moment
    with qtbot.waitSignal(statistics.as_of_ready, timeout=10_000):
        timeline.travel.back_to_now.emit()
    assert statistics.as_of is None


def test_a_session_opened_from_the_sessions_page_brings_the_statistics_back_to_now_too(
        qtbot, window: MainWindow, words, profile) -> None:
    """The timeline came back to now to show the session, but the statistics that followed it into the
    past stayed there ("As of …", the figures of that moment) until Back to now was pressed again."""
    from datetime import timedelta

    session = profile.service.start_session("flashcard", words[:1])
    profile.service.answer(session, words[0], True, 1500)
    timeline = window.show_page("timeline")
    statistics = window.page("statistics")
    timeline.travel.travel_requested.emit(profile.service.clock() - timedelta(days=1))  # as the bar asks
    qtbot.waitUntil(lambda: timeline.showing_past and statistics.as_of is not None, timeout=10_000)
    sessions = window.show_page("sessions")
    sessions.refresh()
    sessions.open_row(0)
    assert not timeline.showing_past
    assert statistics.as_of is None


def test_statistics_first_opened_during_time_travel_show_the_past(qtbot, window: MainWindow, words,
                                                                   profile) -> None:
    """Built after the jump, the page was linked for later jumps only, and showed today's figures."""
    from datetime import timedelta

    timeline = window.show_page("timeline")
    before_the_words = profile.service.clock() - timedelta(days=1)
    timeline.travel_to(before_the_words)
    qtbot.waitUntil(lambda: timeline.showing_past, timeout=10_000)  # the jump runs in the background
    assert "statistics" not in window.pages
    statistics = window.show_page("statistics")
    assert statistics.as_of is not None
    qtbot.waitUntil(lambda: statistics.as_of_label.text().startswith("As of"), timeout=10_000)
    assert statistics.report.summary.words == 0, "no word existed yet"


def test_statistics_as_of_a_moment_studied_abroad_name_it_on_the_clock_of_then(qtbot, tmp_path) -> None:
    """The statistics said "As of" a moment on this computer's clock, the timeline on the learner's:
    two times for one moment after a move from Tokyo to Los Angeles."""
    from datetime import timedelta, timezone

    from effect_desktop.bootstrap import open_profile
    from tests.integration.profile_helpers import SettableClock

    clock = SettableClock(datetime(2026, 3, 2, 8, 0, tzinfo=timezone(timedelta(hours=9))))
    profile = open_profile(tmp_path / "abroad.effect.sqlite3", clock=clock)
    try:
        profile.service.create_word("apple", "りんご")
        clock.set(clock.now.astimezone(timezone(timedelta(hours=-7))))
        clock.advance(days=2)
        profile.service.create_word("banana", "バナナ")
        main = MainWindow(profile)
        qtbot.addWidget(main)
        main.show()
        timeline = main.show_page("timeline")
        statistics = main.page("statistics")
        timeline.travel.travel_requested.emit(datetime(2026, 3, 2, 9, 30, tzinfo=timezone(timedelta(hours=9))))
        qtbot.waitUntil(lambda: statistics.as_of_label.text().startswith("As of"), timeout=10_000)
        assert statistics.as_of_label.text() == "As of 2026-03-02 09:30 (UTC+09:00)"
        assert "as of 2026-03-02 09:30:00 (UTC+09:00)" in timeline.past.banner.text()
        main.operations.wait()
        main.close()
    finally:
        profile.close()


def test_compare_with_now_runs_off_the_gui_thread_and_shows_its_list(qtbot, window: MainWindow, words,
                                                                      profile) -> None:
    """It ran on the GUI thread: a second's freeze on five years of history."""
    import threading
    from datetime import timedelta

    timeline = window.show_page("timeline")
    timeline.travel_to(profile.service.clock() - timedelta(days=1))
    qtbot.waitUntil(lambda: timeline.showing_past, timeout=10_000)
    threads: list[str] = []
    compare = timeline.timeline.compare_with_now
    timeline.timeline.compare_with_now = lambda state: threads.append(threading.current_thread().name) or compare(state)
    qtbot.mouseClick(timeline.past.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: timeline.past.changes.count() > 0, timeout=5000)
    assert timeline.past.changes.item(0).text().startswith("Since then: 5 added")
    assert threads and threads[0] != threading.main_thread().name


def test_the_scheduler_replay_and_switch_run_off_the_gui_thread_and_refresh_every_page(
        qtbot, window: MainWindow, words, profile) -> None:
    """Both ran on the GUI thread (3 s frozen on a long history), and the switch went round the
    window's operations: the status bar and the Study page went on counting the old due words."""
    timeline = window.show_page("timeline")
    dialog = timeline.choose_scheduler()
    changed: list[int] = []
    window.operations.changed.connect(lambda: changed.append(1))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert not dialog.preview_button.isEnabled(), "replaying in the background"
    qtbot.waitUntil(lambda: "Due now:" in dialog.summary.text(), timeout=10_000)
    assert not changed, "a preview changes nothing"
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: profile.service.scheduler.name == "fsrs", timeout=10_000)
    qtbot.waitUntil(lambda: bool(changed), timeout=5000)
    import shiboken6

    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=5000)
    # said, as a switch from another device is: only the due count had changed, and nothing said why
    assert window.statusBar().currentMessage() == "Reviews are now scheduled by FSRS."


def test_a_long_job_shows_its_progress_dialog_at_once(qtbot, window: MainWindow) -> None:
    """Qt's show timer was restarted only at the dialog's minimum value: a busy dialog first showed
    after 4 s, so a three-second replay showed nothing at all."""
    import threading

    release = threading.Event()
    window.operations.run(lambda _progress: release.wait(10), label="Going back in time…", changes=False)
    try:
        qtbot.waitUntil(lambda: window.operations.progress_dialog is not None
                        and window.operations.progress_dialog.isVisible(), timeout=2000)
    finally:
        release.set()
    qtbot.waitUntil(lambda: not window.operations.busy, timeout=5000)


def test_esc_does_not_hide_a_progress_dialog_whose_work_cannot_be_cancelled(qtbot, window: MainWindow) -> None:
    """Esc hid "Switching the scheduler…", and the window took input while the work went on."""
    import threading

    from PySide6.QtCore import Qt as _Qt

    release = threading.Event()
    window.operations.run(lambda _progress: release.wait(10), label="Recounting past study days…", changes=False)
    try:
        qtbot.waitUntil(lambda: window.operations.progress_dialog is not None
                        and window.operations.progress_dialog.isVisible(), timeout=2000)
        qtbot.keyClick(window.operations.progress_dialog, _Qt.Key.Key_Escape)
        assert window.operations.progress_dialog.isVisible()
    finally:
        release.set()
    qtbot.waitUntil(lambda: not window.operations.busy, timeout=5000)


def test_the_scheduler_dialog_closed_during_a_switch_says_nothing_and_pages_still_refresh(
        qtbot, window: MainWindow, words, profile) -> None:
    import threading

    import shiboken6

    timeline = window.show_page("timeline")
    dialog = timeline.choose_scheduler()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.confirm.isEnabled(), timeout=10_000)
    release = threading.Event()
    window.operations.run(lambda _progress: release.wait(10), changes=False)  # the switch waits behind it
    changed: list[int] = []
    window.operations.changed.connect(lambda: changed.append(1))
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert not dialog.choice.isEnabled() or not dialog.confirm.isEnabled()
    dialog.reject()  # Esc while it runs
    release.set()
    qtbot.waitUntil(lambda: profile.service.scheduler.name == "fsrs" and bool(changed), timeout=10_000)
    from PySide6.QtWidgets import QMessageBox
    assert not [b for b in window.findChildren(QMessageBox) if shiboken6.isValid(b) and b.isVisible()]


def test_the_scheduler_shown_cannot_change_while_its_history_is_replayed(qtbot, window: MainWindow, words) -> None:
    import threading

    release = threading.Event()
    window.operations.run(lambda _progress: release.wait(10), changes=False)
    dialog = window.show_page("timeline").choose_scheduler()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert not dialog.choice.isEnabled() and not dialog.confirm.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: dialog.choice.isEnabled() and dialog.confirm.isEnabled(), timeout=10_000)
    dialog.reject()


def test_without_the_sync_extra_the_app_opens_and_says_why(tmp_path) -> None:
    """Installed with plain `pip install .` (no psycopg): the window still opens, studying works."""
    import subprocess
    import sys
    from pathlib import Path

    script = f"""
import sys
sys.modules["psycopg"] = None  # as if the sync extra were not installed
from effect_desktop.bootstrap import open_profile
from effect_desktop.gui.app import create_application
from effect_desktop.gui.main_window import MainWindow
app = create_application([])
profile = open_profile(__import__("pathlib").Path({str(tmp_path / "p.effect.sqlite3")!r}))
window = MainWindow(profile)
window.show()
app.processEvents()
print("sync:", window.sync, "|", window.statusBar().currentMessage())
print("switch interval:", sys.getswitchinterval())  # interpreter_share.py: the GUI thread waits 1 ms, not 5
word = profile.service.create_word("apple", "りんご")
print("words:", len(profile.queries.words()))
"""
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=120,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert "sync: None | Sync is not installed" in result.stdout and "effect-desktop[sync]" in result.stdout
    assert "No module named" not in result.stdout, "Python's words go to the log, not the status bar"
    assert "words: 1" in result.stdout
    assert "switch interval: 0.001" in result.stdout  # a repaint waited 0.4 s behind an import's check


def test_the_window_says_what_an_import_did(qtbot, window: MainWindow, profile, tmp_path, monkeypatch) -> None:
    """File → Import words…: the dialog closes when the words are in; the status bar keeps the summary."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog

    from effect_desktop.gui.features import import_words
    from effect_desktop.gui.import_dialog import ImportDialog

    path = tmp_path / "words.csv"
    path.write_text("word,meaning\nocean,海\nriver,川\n,空\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))

    def drive() -> None:  # the user, inside the modal dialog
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ImportDialog)
        dialog.loaded.connect(lambda: (dialog.skip_bad.setChecked(True), dialog.import_button.click()))
        dialog.choose_file()

    QTimer.singleShot(0, drive)
    import_words(window)
    assert window.statusBar().currentMessage() == "Import finished: 2 words added, 1 bad row left out."
    assert sorted(w.text for w in profile.queries.words()) == ["ocean", "river"]


def test_the_sessions_page_tells_finished_unfinished_and_empty_sessions_apart(qtbot, window: MainWindow, words,
                                                                            profile) -> None:
    service = profile.service
    done = service.start_session("flashcard", words[:2])
    service.answer(done, words[0], True, 1500)
    service.complete_session(done)
    empty = service.start_session("flashcard", words[:2])  # opened and left before the first answer
    service.complete_session(empty)
    open_one = service.start_session("multiple_choice", words[:2])
    service.answer(open_one, words[1], False, 2500)
    taken_back = service.start_session("flashcard", words[:1])  # answered, undone, finished: not "left"
    service.retract_answer(taken_back, service.answer(taken_back, words[0], True, 1500).answer_event_id)
    service.complete_session(taken_back)
    page = window.show_page("sessions")
    page.refresh()
    statuses = sorted(page.table.item(row, 7).text() for row in range(page.table.rowCount()))
    assert statuses == ["Completed", "Completed; every answer undone", "Left before any answer", "Unfinished"]


def test_a_session_opens_in_the_timeline_with_only_its_events(qtbot, window: MainWindow, words, profile) -> None:
    service = profile.service
    first = service.start_session("flashcard", words[:2])
    service.answer(first, words[0], True, 1500)
    service.complete_session(first)
    second = service.start_session("typing", words[2:4])
    service.answer(second, words[2], False, 4000)
    service.answer(second, words[3], True, 2000)
    service.complete_session(second)
    page = window.show_page("sessions")
    page.refresh()
    row = next(r for r in range(page.table.rowCount()) if page.table.item(r, 1).text() == "Typing")
    page.table.setCurrentCell(row, 0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)

    assert window.current_page_key() == "timeline"
    timeline = window.pages["timeline"]
    qtbot.waitUntil(lambda: not timeline.loading, timeout=10_000)  # the filtered list is read in the background
    entries = [timeline.model.entry_at(r) for r in range(timeline.model.rowCount())]
    shown = [e for e in entries if e is not None]
    assert shown and {e.session_id for e in shown} == {second}
    assert [e.event_type for e in shown].count("QuestionAnswered") == 2
    assert timeline.filters.scope.isVisible() and "session" in timeline.filters.scope.text()
    # the day's heading whole ("2026-11-28..." when the Timeline was first shown through a session)
    from PySide6.QtGui import QFont, QFontMetrics

    heading = timeline.model.index(0, 0)
    bold = QFont(timeline.view.font())
    bold.setBold(True)
    assert timeline.view.columnWidth(0) > QFontMetrics(bold).horizontalAdvance(heading.data()) + \
        timeline.view.indentation(), heading.data()


def test_an_older_unfinished_session_is_resumed_from_the_sessions_page(qtbot, window: MainWindow, words,
                                                                       profile) -> None:
    """The Study page offers only the newest unfinished session: an older one, left with "Later",
    was otherwise out of reach for good."""
    from effect_desktop.gui.startup import ResumeDialog

    service = profile.service
    older = service.start_session("typing", words[:2])
    service.answer(older, words[0], True, 2000)
    done = service.start_session("flashcard", words[2:3])
    service.answer(done, words[2], True, 1500)
    service.complete_session(done)
    newer = service.start_session("flashcard", words[3:5])
    service.answer(newer, words[3], True, 1500)
    page = window.show_page("sessions")
    page.refresh()
    assert page.resume_button.isVisible()
    page.table.setCurrentCell(next(r for r in range(page.table.rowCount())
                                   if page.table.item(r, 7).text() == "Completed"), 0)
    assert not page.resume_button.isEnabled() and not page.resume_action.isEnabled()
    page.table.setCurrentCell(next(r for r in range(page.table.rowCount())
                                   if page.table.item(r, 1).text() == "Typing"), 0)
    assert page.resume_button.isEnabled() and page.resume_action.isEnabled()
    qtbot.mouseClick(page.resume_button, Qt.MouseButton.LeftButton)
    later = window.findChild(ResumeDialog, "resumeDialog")
    assert later is not None and later.isVisible() and later.session.session_id == older
    later.reject()  # "Later": the dialog goes (each one asked stayed, hidden, with the window)
    qtbot.waitUntil(lambda: window.findChild(ResumeDialog, "resumeDialog") is None, timeout=3000)
    qtbot.mouseClick(page.resume_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(ResumeDialog, "resumeDialog")
    assert dialog is not None and dialog.isVisible() and dialog.session.session_id == older
    qtbot.mouseClick(dialog.resume, Qt.MouseButton.LeftButton)
    study = window.study_page
    assert window.current_page_key() == "study" and study.in_session and study.run.session_id == older
    assert study.session_panel.typing.word.word_id == words[1], "the answered word is not asked again"

    window.show_page("sessions")
    page.refresh()
    page.table.setCurrentCell(next(r for r in range(page.table.rowCount())
                                   if page.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == newer), 0)
    qtbot.mouseClick(page.resume_button, Qt.MouseButton.LeftButton)
    assert "one session runs at a time" in window.statusBar().currentMessage()
    assert study.run.session_id == older, "the running session is left as it was"


def test_the_sessions_page_fits_its_columns_and_keeps_the_chosen_session_when_read_again(
        qtbot, window: MainWindow, words, profile) -> None:
    """Columns sized to their contents at every item set made 500 sessions take 30-40 s to show again on
    a five-year profile; they are sized once a refresh has filled the table, and the row chosen stays."""
    from PySide6.QtGui import QFontMetrics

    for mode in ("flashcard", "typing", "multiple_choice"):
        session = profile.service.start_session(mode, words[:2])
        profile.service.answer(session, words[0], True, 1500)
        profile.service.complete_session(session)
    page = window.show_page("sessions")
    page.refresh()
    typing = next(r for r in range(page.table.rowCount()) if page.table.item(r, 1).text() == "Typing")
    chosen = page.table.item(typing, 0).data(Qt.ItemDataRole.UserRole)
    page.table.setCurrentCell(typing, 0)
    newest = profile.service.start_session("flashcard", words[2:3])  # one more: the rows move down
    profile.service.answer(newest, words[2], True, 1500)
    page.refresh()
    assert page.table.item(page.table.currentRow(), 0).data(Qt.ItemDataRole.UserRole) == chosen
    metrics = QFontMetrics(page.table.font())
    for column in range(page.table.columnCount() - 1):  # (the last stretches)
        widest = max(metrics.horizontalAdvance(page.table.item(r, column).text())
                     for r in range(page.table.rowCount()))
        assert page.table.columnWidth(column) >= widest, (column, page.table.columnWidth(column), widest)
    last = page.table.columnCount() - 1
    assert page.table.columnViewportPosition(last) + page.table.columnWidth(last) >= \
        page.table.viewport().width() - 1, "the status column stretches to the edge"


def test_older_sessions_are_a_click_away(qtbot, window: MainWindow, words, profile, monkeypatch) -> None:
    from effect_desktop.gui import sessions_page

    monkeypatch.setattr(sessions_page, "HISTORY_PAGE", 2)
    for word in words[:5]:
        session = profile.service.start_session("flashcard", [word])
        profile.service.answer(session, word, True, 1000)
        profile.service.complete_session(session)
    page = window.show_page("sessions")
    page.refresh()
    assert page.table.rowCount() == 2 and page.more_note.text() == "The newest 2 of 5 sessions."
    page.more_button.click()
    assert page.table.rowCount() == 4
    page.more_button.click()
    assert page.table.rowCount() == 5 and not page.more_button.isVisible()


def test_a_session_shows_the_time_the_learner_saw_where_they_studied(qtbot, tmp_path) -> None:
    """Studied in Kathmandu (UTC+5:45), looked back at anywhere: the Sessions page shows 21:10, as the
    timeline does, not the time in the zone of the computer showing it."""
    from datetime import datetime, timedelta, timezone

    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui import i18n

    kathmandu = timezone(timedelta(hours=5, minutes=45))
    profile = open_profile(tmp_path / "p.effect.sqlite3",
                           clock=lambda: datetime(2026, 3, 1, 21, 10, tzinfo=kathmandu))
    try:
        word = profile.service.create_word("apple", "りんご")
        session = profile.service.start_session("flashcard", [word])
        profile.service.answer(session, word, True, 1000)
        i18n.install("en")
        window = MainWindow(profile)
        qtbot.addWidget(window)
        page = window.show_page("sessions")
        page.refresh()
        assert page.table.item(0, 0).text() == "2026-03-01 21:10"
        study = window.show_page("study")
        with qtbot.waitSignal(study.start_refreshed):
            study.refresh_now()
        assert "session from 2026-03-01 21:10" in study.start_panel.resume_label.text()  # still open
        window.operations.wait()
    finally:
        profile.close()


def test_a_refused_restore_is_told_in_the_window_that_reopens(qtbot, tmp_path, monkeypatch) -> None:
    """Another program still uses the profile: the restore is refused, and the window that opens the
    profile again says so (the message was a child of the replaced window and vanished with it)."""
    import subprocess
    import sys

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from effect_desktop.backup.backups import create_backup
    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui import i18n
    from effect_desktop.gui.backup_dialog import BackupDialog
    from effect_desktop.gui.features import backups, current_window

    i18n.install("en")
    profile = open_profile(tmp_path / "test.effect.sqlite3")
    window = MainWindow(profile)  # not given to qtbot: it is replaced
    window.show()
    profile.service.create_word("猫", "cat")
    create_backup(profile.path)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys\nfrom pathlib import Path\n"
         "from effect_desktop.bootstrap import open_profile\n"
         "p = open_profile(Path(sys.argv[1])); p.queries.word_count()\n"
         "print('open', flush=True); sys.stdin.readline(); p.close()\n", str(profile.path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "open"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)

    def restore_in_the_dialog() -> None:
        dialog = window.findChild(BackupDialog, "backupDialog")
        dialog.table.selectRow(0)
        dialog.restore_button.click()

    QTimer.singleShot(300, restore_in_the_dialog)
    try:
        backups(window)
    finally:
        holder.communicate("done\n", timeout=60)
    shown = current_window(window)
    qtbot.addWidget(shown)
    try:
        assert shown is not window
        box = shown.findChild(QMessageBox, "errorDialog")
        assert box is not None and "Another program is using this profile" in box.text()
        assert [w.text for w in shown.profile.queries.words()] == ["猫"]  # left as it was
    finally:
        shown.operations.wait()
        shown.retire()
        shown.profile.close()


def test_a_restore_after_moving_the_study_day_start_is_not_refused(qtbot, tmp_path, monkeypatch) -> None:
    """The window the day-start change replaced still counted pending sync changes when told of a
    change, on its closed profile, through new connections that nothing closed: every restore was
    refused ("Another program is using this profile") until the app restarted."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from effect_desktop.backup.backups import create_backup
    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui import i18n
    from effect_desktop.gui.backup_dialog import BackupDialog
    from effect_desktop.gui.features import backups, change_day_start, current_window

    i18n.install("en")
    profile = open_profile(tmp_path / "test.effect.sqlite3")
    window = MainWindow(profile)  # not given to qtbot: it is replaced
    window.show()
    profile.service.create_word("猫", "cat")
    create_backup(profile.path)
    profile.service.create_word("犬", "dog")
    change_day_start(window, 7)
    qtbot.waitUntil(lambda: current_window(window) is not window, timeout=10_000)
    reopened = current_window(window)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)

    def restore_in_the_dialog() -> None:
        dialog = reopened.findChild(BackupDialog, "backupDialog")
        dialog.table.selectRow(dialog.table.rowCount() - 1)  # the oldest: before the day-start change
        dialog.restore_button.click()

    QTimer.singleShot(300, restore_in_the_dialog)
    backups(reopened)
    shown = current_window(reopened)
    qtbot.addWidget(shown)
    try:
        assert shown is not reopened
        assert shown.findChild(QMessageBox, "errorDialog") is None
        assert [w.text for w in shown.profile.queries.words()] == ["猫"]
        # which backup, to the second, in a line the status bar shows whole beside its counts
        import re
        said = shown.statusBar().currentMessage()
        assert re.fullmatch(r"Restored the backup of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d; the state before it is kept\.",
                            said), said
    finally:
        shown.operations.wait()
        shown.retire()
        shown.profile.close()


def test_a_restore_under_way_keeps_its_dialog_and_the_retired_window_shut(qtbot, tmp_path, monkeypatch) -> None:
    """Esc closed the dialog mid-restore and left the old window usable: one click there read the
    closed profile through a new connection, which refused every later restore until a restart."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from effect_desktop.backup.backups import create_backup, list_backups
    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui import i18n
    from effect_desktop.gui.backup_dialog import BackupDialog
    from effect_desktop.gui.features import backups, current_window

    i18n.install("en")
    profile = open_profile(tmp_path / "test.effect.sqlite3")
    window = MainWindow(profile)  # not given to qtbot: it is replaced
    window.show()
    profile.service.create_word("猫", "cat")
    create_backup(profile.path)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    seen: dict[str, bool] = {}

    def restore_then_press_escape(on: MainWindow) -> None:
        dialog = on.findChild(BackupDialog, "backupDialog")
        dialog.table.selectRow(0)
        dialog.restore_button.click()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        seen["dialog open"] = dialog.isVisible()
        seen["old window usable"] = on.centralWidget().isEnabled() or on.menuBar().isEnabled()
        on.show_page("words")  # what a click on the old window did; it must read nothing now

    QTimer.singleShot(300, lambda: restore_then_press_escape(window))
    backups(window)
    assert seen == {"dialog open": True, "old window usable": False}
    shown = current_window(window)
    assert shown is not window
    QTimer.singleShot(300, lambda: restore_then_press_escape(shown))
    backups(shown)  # a second restore: refused before as "another program is using this profile"
    again = current_window(shown)
    qtbot.addWidget(again)
    try:
        assert again is not shown and again.findChild(QMessageBox, "errorDialog") is None
        assert sum(b.reason == "before-restore" for b in list_backups(again.profile.path)) == 2
    finally:
        again.operations.wait()
        again.retire()
        again.profile.close()


def test_a_read_that_ends_after_its_window_closed_is_dropped(qtbot, tmp_path) -> None:
    """A count still being read when the window closed was then written into its deleted labels: an
    exception in the event loop ("Internal C++ object already deleted")."""
    import threading

    from PySide6.QtWidgets import QLabel

    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui import i18n

    i18n.install("en")
    profile = open_profile(tmp_path / "test.effect.sqlite3")
    try:
        window = MainWindow(profile)
        window.show()
        label = QLabel(window)
        operations = window.operations
        release = threading.Event()
        operations.read("count", lambda: release.wait(10) and 7, lambda n: label.setText(str(n)))
        threading.Timer(0.3, release.set).start()  # the read ends while the window is going
        window.deleteLater()
        qtbot.waitUntil(lambda: not shiboken_valid(window), timeout=15_000)
        qtbot.wait(100)  # the result's signal delivered (and dropped)
    finally:
        profile.close()


def shiboken_valid(widget) -> bool:  # type: ignore[no-untyped-def]
    import shiboken6

    return shiboken6.isValid(widget)


def test_a_failure_after_the_window_was_replaced_is_still_logged(qtbot, window, caplog) -> None:  # type: ignore[no-untyped-def]
    """A background job that failed with the store's error after a restore had replaced its window was
    neither shown nor logged: a daily backup failing on a full disk vanished without a trace."""
    import logging

    from effect_desktop.persistence.errors import StoreError

    def work(_progress) -> None:  # type: ignore[no-untyped-def]
        raise StoreError("The disk holding the profile is full")

    with caplog.at_level(logging.ERROR, logger="effect_desktop.gui"):
        window.operations.run(work, changes=False)
        window.retire()  # what a restore does: its result arrives after, by signal
        qtbot.wait(100)
    assert any("The disk holding the profile is full" in r.getMessage() for r in caplog.records)


def test_enter_on_a_backup_asks_to_restore_it_and_never_takes_a_new_one(qtbot, tmp_path, monkeypatch) -> None:
    """Enter in the list pressed "Back up now" (Qt's automatic default button), which pruned the oldest
    backup: the one the learner had just chosen to restore, gone without a word."""
    from PySide6.QtWidgets import QMessageBox

    from effect_desktop.backup.backups import create_backup, list_backups
    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui.backup_dialog import BackupDialog

    profile = open_profile(tmp_path / "test.effect.sqlite3")
    try:
        for hour in (9, 10, 11):
            create_backup(profile.path, "manual", now=datetime(2026, 1, 1, hour, 0), keep=3)
        kept = [b.path.name for b in list_backups(profile.path)]
        asked: list[str] = []

        def question(_parent, title, _text, *_args, **_kwargs):
            asked.append(title)
            return QMessageBox.StandardButton.No

        monkeypatch.setattr(QMessageBox, "question", question)
        dialog = BackupDialog(profile.path, lambda: None, lambda: None, keep=3)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.table.setFocus()
        qtbot.keyClick(dialog.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # the oldest
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
        assert asked == ["Restore this backup?"]
        assert dialog.job is None
        assert [b.path.name for b in list_backups(profile.path)] == kept
        # Enter on a focused button presses it, as Space does (it did nothing: no button is the default)
        dialog.restore_button.setFocus()
        qtbot.keyClick(dialog.restore_button, Qt.Key.Key_Return)
        assert asked == ["Restore this backup?"] * 2
    finally:
        profile.close()


def test_closing_the_window_stops_a_rebuild_under_way_and_changes_nothing(qtbot, tmp_path, monkeypatch) -> None:
    """The window waited for a rebuild to end before it closed: half a minute on five years of history,
    with nothing on screen. It stops now, as its Cancel button stops it, and the read models stay."""
    import time

    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui import i18n
    from effect_desktop.projections.projector import RebuildCancelled
    from effect_desktop.projections.verify import verify

    i18n.install("en")
    profile = open_profile(tmp_path / "test.effect.sqlite3")
    try:
        profile.service.create_words([{"text": f"w{i}", "meaning": "m"} for i in range(30)])
        window = MainWindow(profile)
        window.show()
        outcome: list[str] = []
        real = profile.projector.rebuild

        def rebuild(progress):  # type: ignore[no-untyped-def]
            def when_the_window_closes(done: int, total: int) -> bool:
                while not window._closed:  # the learner closes the window while it runs
                    time.sleep(0.01)
                return progress(done, total)  # type: ignore[no-any-return]

            try:
                count = real(when_the_window_closes)
            except RebuildCancelled:
                outcome.append("stopped")
                raise
            outcome.append("went on to the end")
            return count

        monkeypatch.setattr(profile.projector, "rebuild", rebuild)
        window.show_page("settings").rebuild()
        window.close()
        assert outcome == ["stopped"]
        assert profile.queries.word_count() == 30 and verify(profile.projector).ok
        window.deleteLater()
    finally:
        profile.close()


def test_a_switch_of_scheduler_made_elsewhere_is_taken_up_and_said(qtbot, window, profile, words) -> None:
    """A sync run from a terminal brought another device's switch to FSRS: the window went on with SM-2,
    said nothing, and its next answers disagreed with a replay."""
    from effect_desktop.bootstrap import open_profile
    from effect_desktop.timeline import scheduler_replay

    elsewhere = open_profile(profile.path)
    try:
        scheduler_replay.switch(elsewhere, "fsrs")
    finally:
        elsewhere.close()
    window._tick()  # every minute, and when the window is activated again
    assert profile.service.scheduler.name == "fsrs"
    assert "scheduled by FSRS, as chosen on another device" in window.statusBar().currentMessage()


def test_the_hidden_timeline_is_read_again_only_when_shown(qtbot, window, profile, words, monkeypatch) -> None:
    """Once the Timeline had been opened, every answer, edit and setting reloaded it on the window's
    thread though it was not on screen: 0.1-1 s each on five years of history."""
    timeline = window.show_page("timeline")
    qtbot.waitUntil(lambda: timeline._is_prepared, timeout=10_000)  # (its end reads the list again)
    qtbot.waitUntil(lambda: not timeline.loading)
    reloads: list[int] = []
    real = timeline.model.read_first
    monkeypatch.setattr(timeline.model, "read_first", lambda *args: (reloads.append(1), real(*args))[1])
    window.show_page("words")
    for n in range(3):
        window.operations.perform(lambda n=n: profile.service.create_word(f"hidden{n}", "m"))
    assert reloads == []
    window.show_page("timeline")
    qtbot.waitUntil(lambda: not timeline.loading)  # read in the background
    assert len(reloads) == 1
    shown = [timeline.model.index(r, 1).data() for r in range(timeline.model.rowCount())]
    assert any("hidden2" in (text or "") for text in shown)


@pytest.mark.parametrize("how", ["close", "retire"])
def test_closing_the_window_stops_the_timelines_checkpoints_before_the_profile_closes(qtbot, tmp_path,
                                                                                      monkeypatch, how) -> None:
    """The Timeline's time-travel checkpoints (minutes on five years) went on being written after the
    window closed and the profile's lock was let go: a window opened meanwhile wrote the same profile.
    Likewise after a restore (or a new study day) replaced the window: into the restored file."""
    import time

    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui import i18n
    from effect_desktop.timeline.service import Timeline

    i18n.install("en")
    profile = open_profile(tmp_path / "test.effect.sqlite3")
    window = None
    try:
        profile.service.create_words([{"text": f"w{i}", "meaning": "m"} for i in range(30)])
        window = MainWindow(profile)
        window.show()
        outcome: list[str] = []
        started: list[bool] = []
        real = Timeline.prepare

        def prepare(self, progress=None):  # type: ignore[no-untyped-def]
            def when_the_window_closes(done: int, total: int) -> bool:
                started.append(True)
                while not window._closed:  # the learner closes the window while it runs
                    time.sleep(0.01)
                # the window says it is closing before it stops its pages' work: give it a moment
                deadline = time.monotonic() + 5
                while progress is not None and progress(done, total) and time.monotonic() < deadline:
                    time.sleep(0.01)
                going_on = progress is None or progress(done, total)
                outcome.append("went on" if going_on else "stopped")
                return going_on  # type: ignore[no-any-return]

            return real(self, when_the_window_closes)

        monkeypatch.setattr(Timeline, "prepare", prepare)
        page = window.show_page("timeline")
        # running, not only queued: the shared pool may still be busy with an earlier test's work, and a
        # preparation taken off the queue unstarted has nothing to stop (it failed so on a loaded machine)
        qtbot.waitUntil(lambda: bool(started), timeout=20_000)
        window.close() if how == "close" else window.retire()
        assert outcome == ["stopped"]  # and ended before close() returned: nothing writes after it
        assert page._prepare.finished.is_set()
    finally:
        if window is not None:  # hidden whatever happened: a window left on screen kept later tests' apps running
            window.hide()
            window.deleteLater()
        profile.close()


@pytest.mark.parametrize("how", ["close", "retire"])
def test_closing_the_window_stops_the_daily_backup_and_it_is_made_next_time(qtbot, tmp_path, monkeypatch,
                                                                           how) -> None:
    """The first start of a day backs up the profile; on five years that held the closing window up for a
    minute, with nothing on screen (and a restore half a minute). It stops now, leaving no copy, and the
    backup is still due."""
    import time

    from effect_desktop.backup import schedule
    from effect_desktop.backup.backups import list_backups
    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui import features, i18n

    i18n.install("en")
    profile = open_profile(tmp_path / "test.effect.sqlite3")
    window = None
    try:
        profile.service.create_words([{"text": f"w{i}", "meaning": "m"} for i in range(30)])
        window = MainWindow(profile)
        window.show()
        real = schedule.daily_backup

        def daily_backup(profile, now=None, stop=None):  # type: ignore[no-untyped-def]
            while not window._closed:  # the learner closes the window while it runs
                time.sleep(0.01)
            return real(profile, now, stop)

        monkeypatch.setattr(features, "daily_backup", daily_backup)
        features.upkeep(window)
        window.close() if how == "close" else window.retire()
        assert list_backups(profile.path) == [] and schedule.daily_backup_due(profile)
        assert not list(profile.path.parent.rglob("*.partial"))
    finally:
        if window is not None:  # hidden whatever happened: a window left on screen kept later tests' apps running
            window.hide()
            window.deleteLater()
        profile.close()


def test_thousands_of_words_are_counted_with_grouped_digits_in_both_languages(
        qtbot, window: MainWindow, profile, tmp_path, monkeypatch) -> None:
    """"Exported 19982 words" and the counter's "19982 words", where every other count says 19,982."""
    profile.service.create_words([dict(text=f"word{n}", meaning="意味", category="c", tags=[], difficulty=1)
                                  for n in range(1200)])
    target = tmp_path / "words.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(target), ""))  # the system's dialog
    try:
        for language, counter, exported in (
                ("en", "1,200 words", f"Exported 1,200 words to {target}."),
                ("ja", "1,200 語", f"1,200 語を {target} に書き出しました。")):
            i18n.install(language)
            window.change_language(language)
            page = window.show_page("words")
            qtbot.waitUntil(lambda p=page: p.model.rowCount() == 1200, timeout=10_000)
            assert page.count_label.text() == counter
            export_words(window)
            qtbot.waitUntil(lambda said=exported: window.statusBar().currentMessage() == said, timeout=10_000)
    finally:
        i18n.install("en")
        window.change_language("en")


def test_closing_does_not_wait_for_timeline_checkpoints_that_never_started(qtbot, tmp_path) -> None:
    """The Timeline's preparation sat queued behind other background work (statistics as of a moment,
    an import's reading): closing waited for it to run and end, half a minute with the window hung."""
    import threading

    from PySide6.QtCore import QRunnable, QThreadPool

    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui import i18n

    i18n.install("en")
    release = threading.Event()
    busy: list[int] = []

    class Blocker(QRunnable):
        def run(self) -> None:
            busy.append(1)
            release.wait(10)
            busy.pop()

    pool = QThreadPool.globalInstance()
    for _ in range(pool.maxThreadCount()):
        pool.start(Blocker())
    qtbot.waitUntil(lambda: len(busy) == pool.maxThreadCount())
    profile = open_profile(tmp_path / "test.effect.sqlite3")
    window = None
    try:
        profile.service.create_words([{"text": f"w{i}", "meaning": "m"} for i in range(30)])
        window = MainWindow(profile)
        window.show()
        page = window.show_page("timeline")
        assert page._prepare is not None and not page._prepare.finished.is_set()
        window.close()
        assert busy, "closing waited until the other work had ended"
    finally:
        release.set()
        pool.waitForDone(15_000)
        if window is not None:
            window.hide()
            window.deleteLater()
        profile.close()


def test_closing_while_another_program_holds_the_lock_does_not_wait_for_the_timelines_checkpoints(
        qtbot, tmp_path) -> None:
    """The Timeline's checkpoints waited SQLite's ten seconds for another program's lock (a sync or a
    rebuild in a terminal), and a closing window or a restore waited with them: 9 s hung. They wait
    briefly now and come back later, as the window's own writes do."""
    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui import i18n

    from .test_busy_profile import OtherProgram

    i18n.install("en")
    profile = open_profile(tmp_path / "test.effect.sqlite3")
    profile.service.create_words([{"text": f"w{i}", "meaning": "m"} for i in range(600)])  # a checkpoint's worth
    other = OtherProgram(profile.path)
    window = None
    try:
        other.hold()
        window = MainWindow(profile)
        window.show()
        page = window.show_page("timeline")
        qtbot.waitUntil(lambda: page._prepare is not None)
        window.close()
        assert not other.released.is_set(), "closing waited until the other program let go"
    finally:
        other.close()
        if window is not None:
            window.hide()
            window.deleteLater()
        profile.close()


def test_closing_stops_a_statistics_replay_as_of_a_moment(qtbot, tmp_path, monkeypatch) -> None:
    """A replay from the first event (the Statistics as of a moment, before the Timeline's checkpoints
    exist) went on after the window closed; three of them side by side took 6.8 GB on five years, and a
    restore waited behind them for a minute. They stop between two pages now, and closing waits."""
    import time
    from datetime import UTC, datetime

    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui import i18n
    from effect_desktop.projections import materialize

    i18n.install("en")
    profile = open_profile(tmp_path / "test.effect.sqlite3")
    window = None
    outcome: list[str] = []
    real = materialize._events_up_to

    def events_up_to(store, limit, stop=None):  # type: ignore[no-untyped-def]
        while not window._closed:  # the learner closes the window while it replays
            time.sleep(0.01)
        deadline = time.monotonic() + 5  # it says it is closing a moment before it stops its pages' work
        while stop is not None and not stop() and time.monotonic() < deadline:
            time.sleep(0.01)
        try:
            yield from real(store, limit, stop)
        except materialize.ReplayStopped:
            outcome.append("stopped")
            raise
        outcome.append("went on to the end")

    try:
        profile.service.create_words([{"text": f"w{i}", "meaning": "m"} for i in range(30)])
        window = MainWindow(profile)
        window.show()
        monkeypatch.setattr(materialize, "_events_up_to", events_up_to)
        page = window.show_page("statistics")
        page.set_as_of(datetime.now(UTC))
        job = next(iter(page._jobs))
        window.close()
        assert outcome == ["stopped"] and job.finished.is_set()
    finally:
        if window is not None:
            window.hide()
            window.deleteLater()
        profile.close()


def test_a_daily_backup_the_folder_refuses_is_said_once_in_the_status_bar(qtbot, tmp_path) -> None:
    """A modal error about the automatic backup came up five seconds after every start, and again in
    the window a refused restore reopened. Now the status bar says why and what to do, once a cause."""
    from PySide6.QtWidgets import QMessageBox

    from effect_desktop.backup.backups import backup_dir, create_backup
    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui import features
    from tests.support.folders import unwritable

    i18n.install("en")
    profile = open_profile(tmp_path / "test.effect.sqlite3")
    profile.service.create_word("猫", "cat")
    create_backup(profile.path)  # the backups folder is there; the daily backup is still due
    window = MainWindow(profile)
    qtbot.addWidget(window)
    window.show()
    try:
        with unwritable(backup_dir(profile.path)):
            features.upkeep(window)
            window.operations.wait()
            qtbot.waitUntil(lambda: "backup" in window.statusBar().currentMessage(), timeout=5000)
            said = window.statusBar().currentMessage()
            assert said == "Today's backup could not be made (permission denied); it is tried again at the next start."
            tip = window.statusBar().toolTip()  # the folder and what to do: the whole line ran off the bar
            assert str(backup_dir(profile.path).parent) in tip and "Give your user account permission" in tip
            assert window.findChild(QMessageBox, "errorDialog") is None
            window.statusBar().clearMessage()
            features.upkeep(window)  # a new study day in the same window: the same cause, not said again
            window.operations.wait()
            QApplication.processEvents()
            assert window.statusBar().currentMessage() == ""
            assert window.findChild(QMessageBox, "errorDialog") is None
    finally:
        window.operations.wait()
        window.retire()
        profile.close()


def test_a_window_reopened_after_a_restore_catches_up_off_the_gui_thread(qtbot, tmp_path) -> None:
    """A profile whose read models were behind (a sync had taken in pages not yet counted) was caught
    up in the reopened window's constructor, on the GUI thread: frozen for up to 19 s."""
    import shiboken6

    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui import i18n
    from effect_desktop.gui.features import _reopen
    from effect_desktop.projections.upgrade import reset_read_models

    i18n.install("en")
    profile = open_profile(tmp_path / "test.effect.sqlite3")
    profile.service.create_words([{"text": f"w{i}", "meaning": "m"} for i in range(30)])
    window = MainWindow(profile)
    replacement = None
    try:
        window.show()
        with profile.store.transaction() as connection:
            reset_read_models(connection)  # behind, as after a sync cut off before its rebuild
        window.retire()
        profile.close()
        replacement = _reopen(window, profile.path)
        behind = replacement.profile.projector.checkpoint() < replacement.profile.store.last_position()
        assert behind and replacement.operations.busy, "caught up in the background, not before the window"
        qtbot.waitUntil(lambda: not replacement.operations.busy, timeout=20_000)
        assert replacement.profile.queries.word_count() == 30
    finally:
        for shown in (window, replacement):
            if shown is not None and shiboken6.isValid(shown):  # the first is deleted once replaced
                shown.hide()
                shown.deleteLater()
        if replacement is not None:
            replacement.operations.wait()
            replacement.profile.close()
