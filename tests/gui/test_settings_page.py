"""Settings → the study day's start (recounts the past, then the window opens the profile again),
backups kept, and a page that scrolls rather than squeezes in a small window."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFont, QWheelEvent
from PySide6.QtWidgets import QApplication, QGroupBox, QMessageBox, QScrollArea, QWidget

from effect_desktop.backup.backups import create_backup, list_backups
from effect_desktop.bootstrap import open_profile
from effect_desktop.gui.backup_dialog import BackupDialog
from effect_desktop.gui.features import current_window
from effect_desktop.gui.main_window import MainWindow
from effect_desktop.gui.preferences import Preferences

from .conftest import press

TOKYO = timezone(timedelta(hours=9))


def _pick(page, hour: int, answer: QMessageBox.StandardButton | None = QMessageBox.StandardButton.Yes) -> None:
    """What choosing an entry in the combo box does (a popup cannot be clicked offscreen), then the
    answer to the question it asks."""
    index = page.day_start.findData(hour)
    page.day_start.setCurrentIndex(index)
    page.day_start.activated.emit(index)
    if answer is not None:
        assert page.confirm.objectName() == "confirmDayStart" and page.confirm.isVisible()
        assert f"{hour}:00" in page.confirm.text()
        page.confirm.button(answer).click()


def test_a_new_day_start_recounts_the_past_and_reopens_on_settings(qtbot, tmp_path) -> None:
    path = tmp_path / "owl.effect.sqlite3"
    night = datetime(2026, 7, 2, 3, 0, tzinfo=TOKYO)  # 3:00: the evening before, while days start at 4:00
    setup = open_profile(path, clock=lambda: night)
    word = setup.service.create_word("owl", "ふくろう")
    session = setup.service.start_session("flashcard", [word])
    setup.service.answer(session, word, True, 1500)
    setup.close()

    window = MainWindow(open_profile(path))  # not given to qtbot: it deletes itself when replaced
    window.show()
    page = window.show_page("settings")
    assert page.day_start.currentData() == 4
    _pick(page, 2)
    qtbot.waitUntil(lambda: current_window(window) is not window, timeout=10_000)
    replacement = current_window(window)
    qtbot.addWidget(replacement)
    try:
        assert replacement.current_page_key() == "settings"
        assert replacement.pages["settings"].day_start.currentData() == 2
        assert "starts at 2:00" in replacement.statusBar().currentMessage()
        profile = replacement.profile
        assert profile.service.day_start_hour == 2
        assert [d.study_day for d in profile.queries.daily_stats() if d.answers] == [date(2026, 7, 2)]
    finally:
        replacement.retire()
        replacement.close()
        replacement.profile.close()


def test_the_day_start_does_not_move_during_a_session(qtbot, window: MainWindow, profile, words) -> None:
    """Refused before anything is asked: it asked "Start each study day at 6:00?", and refused the
    change once the learner said Yes."""
    study = window.show_page("study")
    press(qtbot, study.start_panel.start, Qt.Key.Key_Space)
    assert study.in_session
    page = window.show_page("settings")
    _pick(page, 6, answer=None)
    assert page.findChild(QMessageBox, "confirmDayStart") is None, "nothing to confirm"
    assert "Finish or leave the session first" in window.statusBar().currentMessage()
    assert page.day_start.currentData() == 4 and profile.service.day_start_hour == 4
    assert Preferences(profile.settings).day_start_hour == 4
    assert current_window(window) is window


def test_saying_no_keeps_the_hour(qtbot, window: MainWindow, profile, words) -> None:
    page = window.show_page("settings")
    _pick(page, 7, QMessageBox.StandardButton.No)
    assert page.day_start.currentData() == 4 and Preferences(profile.settings).day_start_hour == 4
    assert current_window(window) is window


def test_a_wheel_over_a_setting_scrolls_the_page_instead_of_changing_it(qtbot, window: MainWindow,
                                                                        profile) -> None:
    page = window.show_page("settings")
    window.resize(window.minimumSize())
    qtbot.waitUntil(lambda: page.sections.parentWidget().height() > page.height())  # it must scroll
    box = page.reviews_per_day
    window.setFocus()
    centre = QPointF(box.rect().center())
    down = QWheelEvent(centre, box.mapToGlobal(centre), QPoint(), QPoint(0, -120), Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(box, down)
    assert box.value() == 100 and Preferences(profile.settings).reviews_per_day == 100
    # left for the parents: Qt hands a real (spontaneous) wheel on to the scroll area, which scrolls
    assert not down.isAccepted()
    box.setFocus()  # clicked into: now the wheel is the learner's to change it with
    QApplication.sendEvent(box, QWheelEvent(centre, box.mapToGlobal(centre), QPoint(), QPoint(0, 120),
                                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                                            Qt.ScrollPhase.NoScrollPhase, False))
    assert box.value() == 101


def test_a_control_given_the_focus_comes_into_view(qtbot, window: MainWindow, profile) -> None:
    """Ctrl+6 gave the focus to a control below the visible part of the page, which stayed where it was."""
    page = window.show_page("settings")
    window.resize(window.minimumSize())
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: page.sections.parentWidget().height() > page.height())  # it must scroll
    bar = page.scroll_area.verticalScrollBar()
    bar.setValue(0)
    viewport = page.scroll_area.viewport()
    lowest = max((w for w in page.sections.parentWidget().findChildren(QWidget)
                  if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisible()),
                 key=lambda w: w.mapTo(viewport, QPoint(0, 0)).y())
    assert lowest.mapTo(viewport, QPoint(0, 0)).y() > viewport.height(), "below the visible part"
    window.activateWindow()
    lowest.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is lowest, timeout=2000)
    qtbot.waitUntil(lambda: 0 <= lowest.mapTo(viewport, QPoint(0, lowest.height())).y() <= viewport.height(),
                    timeout=2000)


def test_backups_kept_is_saved_and_back_up_now_keeps_that_many(qtbot, window: MainWindow, profile,
                                                               words) -> None:
    page = window.show_page("settings")
    page.backups_kept.setValue(3)
    assert Preferences(profile.settings).backups_kept == 3
    for day in range(5):
        create_backup(profile.path, "daily", keep=None, now=datetime(2026, 1, 1 + day, 9, 0))
    dialog = BackupDialog(profile.path, lambda: None, lambda: None, window,
                          keep=Preferences(profile.settings).backups_kept)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.action_finished, timeout=10_000):
        dialog.create_button.click()
    assert len(list_backups(profile.path)) == 3
    assert dialog.table.rowCount() == 3


def test_in_the_smallest_window_the_settings_scroll_instead_of_squeezing(qtbot, window: MainWindow) -> None:
    page = window.show_page("settings")
    window.resize(window.minimumSize())
    qtbot.waitUntil(lambda: window.height() == window.minimumHeight())
    sections = page.findChildren(QGroupBox)
    assert len(sections) >= 5  # Study, Interface, Backups, Maintenance, Sync
    for section in sections:
        assert section.height() >= section.minimumSizeHint().height(), section.title()


def test_with_a_larger_system_font_the_settings_scroll_down_but_never_sideways(qtbot, profile) -> None:
    """A learner who reads with a larger font (half as large again) had to scroll sideways to
    read the settings at the window's first size: one explanation did not wrap."""
    app = QApplication.instance()
    font = app.font()
    larger = QFont(font)
    larger.setPointSizeF(font.pointSizeF() * 1.5)
    app.setFont(larger)
    try:
        window = MainWindow(profile)
        qtbot.addWidget(window)
        window.resize(1000, 680)  # the size the window first opens at
        window.show()
        qtbot.waitExposed(window)
        page = window.show_page("settings")
        scroll = page.findChild(QScrollArea)
        qtbot.wait(50)
        assert scroll.verticalScrollBar().maximum() > 0  # the font is large enough to matter
        assert scroll.horizontalScrollBar().maximum() == 0, "the settings scroll sideways"
    finally:
        app.setFont(font)


def test_the_backups_window_opens_from_the_settings(qtbot, window: MainWindow, profile, words) -> None:
    from PySide6.QtCore import QTimer

    seen: list[str] = []

    def close_it() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, BackupDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(20, close_it)
            return
        seen.append(dialogs[0].where.text())
        dialogs[0].accept()

    page = window.show_page("settings")
    QTimer.singleShot(0, close_it)
    page.backups_button.click()
    assert seen and "backup" in seen[0] and str(profile.path.parent / "backups") in seen[0]


def test_arrow_keys_on_the_day_start_ask_once_they_rest(qtbot, window, profile) -> None:
    """Each Down on the closed box asked "Start each study day at …?" again: stepping from 4:00 to
    6:00 took two questions. Now the question comes once, for the hour the keys stopped at."""
    page = window.show_page("settings")
    page.day_start.setFocus()
    start = page.day_start.currentData()
    qtbot.keyClick(page.day_start, Qt.Key.Key_Down)
    qtbot.keyClick(page.day_start, Qt.Key.Key_Down)
    assert page.findChild(QMessageBox, "confirmDayStart") is None  # not yet: the keys have not rested
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "confirmDayStart") is not None, timeout=5000)
    boxes = page.findChildren(QMessageBox, "confirmDayStart")
    assert len(boxes) == 1 and f"{start + 2}:00" in boxes[0].text()
    boxes[0].button(QMessageBox.StandardButton.No).click()



def test_a_rebuild_that_ends_after_its_page_was_rebuilt_says_nothing_to_the_gone_page(
        qtbot, window: MainWindow, profile, words) -> None:
    """A language change rebuilds the pages; the rebuild started on the old Settings page then
    finished into deleted widgets ("Internal C++ object already deleted", found by the random run)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    page = window.show_page("settings")
    page.rebuild()
    page.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone before the result arrives
    window.operations.wait()
    qtbot.wait(50)  # the result is delivered (and must not touch the deleted page)


@pytest.mark.parametrize("key", ["settings", "statistics"])
def test_a_scroll_area_that_takes_the_focus_shows_it(qtbot, window: MainWindow, key: str) -> None:
    """Tab stopped on the Settings and Statistics scroll areas (so the arrow keys scroll them), and
    nothing on screen showed where the focus had gone: the content covers the area whole."""
    window.resize(1000, 680)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page(key)
    scroll = page.findChild(QScrollArea)
    assert scroll.focusPolicy() != Qt.FocusPolicy.NoFocus
    edge = QPoint(1, scroll.height() // 2)

    def edge_colour():
        QApplication.processEvents()
        return scroll.grab().toImage().pixelColor(edge)

    window.nav.setFocus()
    without = edge_colour()
    scroll.setFocus(Qt.FocusReason.TabFocusReason)
    assert scroll.hasFocus()
    assert edge_colour() != without


def test_after_a_recount_the_focus_is_back_on_its_button_and_its_result_is_read_out(
        qtbot, window: MainWindow, profile, words) -> None:
    """Space on "Recount everything from the history…": the button, disabled meanwhile, handed the focus
    to "Sync settings…", and "Rebuilt from 5 events." sat in a label that nothing read out."""
    from PySide6.QtGui import QAccessible

    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    page = window.page("settings")
    page.rebuild_button.setFocus()
    press(qtbot, page.rebuild_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.rebuild_result.text() != "", timeout=5000)
    assert page.rebuild_result.text() == "Rebuilt from 5 events."
    assert page.rebuild_button.hasFocus()
    description = QAccessible.queryAccessibleInterface(page.rebuild_button).text(QAccessible.Text.Description)
    assert description == "Rebuilt from 5 events."
    assert window.statusBar().currentMessage() == "Rebuilt from 5 events."


def test_a_cancelled_recount_says_so_and_logs_no_error(qtbot, window: MainWindow, profile, monkeypatch,
                                                       caplog) -> None:
    """Cancel on "Recounting past study days…" kept the old hour (rightly), but the status bar said
    nothing and the log had "ERROR background work failed" with a RebuildCancelled traceback."""
    import logging
    import time

    from effect_desktop.gui import features
    from effect_desktop.projections.projector import RebuildCancelled

    def slow_recount(_profile, _hour, progress):  # type: ignore[no-untyped-def]
        for done in range(1_000):
            if not progress(done, 1_000):  # cancel was asked, as the projector's rebuild hears it
                raise RebuildCancelled("the recount was cancelled")
            time.sleep(0.01)
        return 0

    monkeypatch.setattr(features, "change_day_start_hour", slow_recount)
    page = window.show_page("settings")
    with caplog.at_level(logging.INFO):
        _pick(page, 0)
        qtbot.waitUntil(lambda: window.operations.progress_dialog is not None
                        and window.operations.progress_dialog.isVisible(), timeout=5000)
        window.operations.progress_dialog.canceled.emit()  # its Cancel button
        qtbot.waitUntil(lambda: not window.operations.busy, timeout=10_000)
    assert window.statusBar().currentMessage() == \
        "Cancelled: a study day still starts at 4:00, and nothing was recounted."
    assert page.day_start.currentData() == 4 and page.day_start.isEnabled()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text


def test_an_error_after_cancel_that_is_not_the_stop_is_logged_with_its_traceback(qtbot, window: MainWindow,
                                                                                   caplog) -> None:
    """Every error raised after Cancel was logged as "stopped when asked (KeyError)", without its
    traceback, while the learner was told the details were in the log."""
    import logging
    import time

    def work(progress):  # type: ignore[no-untyped-def]
        for done in range(1_000):
            if not progress(done, 1_000):
                raise KeyError("a bug, not a stop")
            time.sleep(0.01)

    shown: list[Exception] = []
    with caplog.at_level(logging.INFO):
        window.operations.run(work, label="Working…", cancellable=True, on_failure=shown.append)
        qtbot.waitUntil(lambda: window.operations.progress_dialog is not None
                        and window.operations.progress_dialog.isVisible(), timeout=5000)
        window.operations.progress_dialog.canceled.emit()
        qtbot.waitUntil(lambda: not window.operations.busy, timeout=10_000)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors and errors[0].exc_info and "a bug, not a stop" in caplog.text, caplog.text
    assert not any("stopped when asked" in r.getMessage() for r in caplog.records)
    assert isinstance(shown[0], KeyError)


def test_a_cancelled_export_says_so_in_the_status_bar_not_in_an_error_box(qtbot, window: MainWindow,
                                                                            tmp_path) -> None:
    """Cancel on "Exporting words…" showed "That cannot be done: The import was cancelled; nothing was
    changed.", in English in the Japanese window."""
    import time

    from PySide6.QtWidgets import QApplication, QMessageBox

    from effect_desktop.interchange.candidates import ImportCancelled

    def export(progress):  # type: ignore[no-untyped-def]
        for done in range(1_000):
            if not progress(done, 1_000):
                raise ImportCancelled()  # as the export's progress ticks stop it
            time.sleep(0.01)

    window.operations.run(export, label="Exporting words…", cancellable=True, changes=False)
    qtbot.waitUntil(lambda: window.operations.progress_dialog is not None
                    and window.operations.progress_dialog.isVisible(), timeout=5000)
    window.operations.progress_dialog.canceled.emit()
    qtbot.waitUntil(lambda: not window.operations.busy, timeout=10_000)
    assert window.statusBar().currentMessage() == "Cancelled; nothing was written."
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
