"""The main window reaches every part: real Timeline and Statistics pages, file actions, word history."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

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
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, WordHistoryDialog) and w.isVisible()]
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
