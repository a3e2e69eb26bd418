"""A dialog closed is a dialog gone: each one opened and closed again and again must not pile up.

A monkey run (tests/fuzz/gui_monkey.py) grew to 4 GB: every Scheduler… dialog stayed alive, hidden,
with its charts, as a child of the page, and so did the Shortcuts window and the confirmation boxes.
The import dialog (which holds the rows of its file) and the backups dialog were freed already; they
are here so that they stay so."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from effect_desktop.gui import features
from effect_desktop.gui.backup_dialog import BackupDialog
from effect_desktop.gui.help_menu import ShortcutsDialog, open_shortcuts
from effect_desktop.gui.import_dialog import ImportDialog
from effect_desktop.gui.main_window import MainWindow
from effect_desktop.gui.timeline.scheduler_dialog import SchedulerDialog
from effect_desktop.gui.words.page import WordsPage


def _close_when_shown() -> None:
    """For dialogs shown with exec(): closes the modal one as soon as the loop runs."""
    def close() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog):
            modal.reject()
        else:
            QTimer.singleShot(10, close)
    QTimer.singleShot(10, close)


def _scheduler(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.show_page("timeline").choose_scheduler().reject()  # type: ignore[union-attr]


def _shortcuts(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    open_shortcuts(window).reject()


def _delete_box(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("words")
    assert isinstance(page, WordsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 1)  # the list is read off the GUI thread
    page.table.selectAll()
    box = page.delete_selected()
    assert box is not None
    box.reject()


def _import(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _close_when_shown()
    features.import_words(window)


def _backups(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _close_when_shown()
    features.backups(window)


@pytest.mark.parametrize(("open_and_close", "kind"), [
    (_scheduler, SchedulerDialog), (_shortcuts, ShortcutsDialog), (_delete_box, QDialog),
    (_import, ImportDialog), (_backups, BackupDialog)])
def test_a_closed_dialog_is_freed(qtbot, window: MainWindow, words: list,  # type: ignore[no-untyped-def]
                                  open_and_close: Callable[..., None], kind: type[QWidget]) -> None:
    for _ in range(3):
        open_and_close(qtbot, window)
    qtbot.waitUntil(lambda: window.findChildren(kind) == [], timeout=2000)
