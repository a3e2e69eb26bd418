"""The features that live beside the pages: import, export, backups, sync, upkeep, time travel.

Each was built as a self-contained part with one entry point; this module is
the one place that hangs them on the main window (menus, status bar, start-up
upkeep), so `main_window.py` keeps to navigation and pages.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from uuid import UUID

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QWidget

from ..backup.backups import BackupNotWritten, BackupStopped
from ..backup.schedule import daily_backup, restored
from ..bootstrap import change_day_start_hour, day_start_moved, open_profile, rebuild_under_hour_in_force
from ..interchange.archiving import compact_if_worthwhile
from ..interchange.csv_export import export_words_to
from ..interchange.jsonl import export_events_to
from ..projections.projector import RebuildCancelled
from ..timeline.describe import scheduler_name
from ..timeline.scheduler_choice import day_start_in_force
from .backup_dialog import Restored, open_backup_dialog
from .core_messages import os_reason, what_to_do
from .errors import show_error
from .import_dialog import import_summary, open_import_dialog
from .operations import Progress
from .taken_back import taken_back_text
from .timeline import open_word_history
from .words.import_undo import import_entry

log = logging.getLogger("effect_desktop.gui")

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .sessions_page import SessionsPage
    from .settings_page import SettingsPage
    from .statistics import StatisticsPage
    from .study.page import StudyPage
    from .timeline import TimelinePage

UPKEEP_DELAY_MS = 5_000  # daily backup and compaction wait until the window is in use
DIALOG_WAIT_MS = 5_000  # a study day moved elsewhere is taken up once no dialog is open


T = QCoreApplication  # T.translate("Features", "...") literally at each use, so lupdate finds every string


def install_features(window: MainWindow) -> None:
    controller = window.sync = _install_sync(window)  # type: ignore[attr-defined]
    synced = getattr(controller, "synced", None)
    if synced is not None:
        synced.connect(lambda _result: _day_start_from_elsewhere(window))
    # a sync run from a terminal may bring another device's new study-day start too: the window counted
    # on under the old hour, and its answers then disagreed with a replay
    window.written_elsewhere.connect(lambda: _day_start_from_elsewhere(window))
    window.written_elsewhere.connect(lambda: _switch_from_elsewhere(window))
    window.page_built.connect(lambda key, page: _page_built(window, key, page))
    for key, page in list(window.pages.items()):
        _page_built(window, key, page)
    QTimer.singleShot(UPKEEP_DELAY_MS, window, lambda: upkeep(window))  # dropped if the window goes first
    window.new_day.connect(lambda: upkeep(window))  # a window open for days: a backup each day


def _install_sync(window: MainWindow) -> object | None:
    """Sync needs the `sync` extra (psycopg, keyring); without it the app works offline and says why."""
    try:
        from .sync import install_sync
    except ImportError as error:  # installed without `effect-desktop[sync]`; Python's words go to the log
        log.info("sync is off: %s", error)
        window.statusBar().showMessage(T.translate(
            "Features", "Sync is not installed: install Effect Desktop with its sync extra to sync "
            "(pip install \"effect-desktop[sync]\", or \".[sync]\" in a source folder)."), 15000)
        return None
    return install_sync(window, window.profile, window.context)


def add_file_actions(window: MainWindow, file_menu: QMenu) -> None:
    """Import, export and backups, placed before Quit in the File menu."""
    first = file_menu.actions()[0] if file_menu.actions() else None
    actions: list[tuple[str, Callable[[], Any], QKeySequence | None]] = [
        (T.translate("Features", "&Import words…"), lambda: import_words(window), QKeySequence("Ctrl+I")),
        (T.translate("Features", "Export words as &CSV…"), lambda: export_words(window), None),
        (T.translate("Features", "Export the &history as JSON Lines…"), lambda: export_history(window), None),
        (T.translate("Features", "&Backups…"), lambda: backups(window), None),
    ]
    for text, slot, shortcut in actions:
        action = file_menu.addAction(text)
        action.setObjectName(text.replace("&", "").replace("…", "").strip().lower().replace(" ", "_"))
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        if first is not None:
            file_menu.removeAction(action)
            file_menu.insertAction(first, action)
    if first is not None:
        file_menu.insertSeparator(first)


# --- pages that reach each other --------------------------------------------------------------------
def _page_built(window: MainWindow, key: str, page: QWidget) -> None:
    if key == "settings":
        settings = cast("SettingsPage", page)
        settings.day_start_chosen.connect(lambda hour: change_day_start(window, hour))
        settings.day_start_refusal = lambda: _session_running(window)
        settings.backups_requested.connect(lambda: backups(window))
    if key == "words":
        _add_history_to_words(window, page)
    if key == "study":  # a move of the day's start made elsewhere during a session waited for its end
        cast("StudyPage", page).session_ended.connect(lambda: _day_start_from_elsewhere(window))
    if key == "sessions":
        sessions = cast("SessionsPage", page)
        sessions.session_opened.connect(lambda session_id: show_session(window, session_id))
        sessions.resume_requested.connect(lambda session_id: resume_session(window, session_id))
    if key in ("timeline", "statistics"):
        _link_time_travel(window)


def show_session(window: MainWindow, session_id: UUID) -> None:
    """A session from the Sessions page: the timeline, showing only what it did."""
    timeline = cast("TimelinePage", window.show_page("timeline"))
    if timeline.showing_past:  # as its "Back to now" does: the statistics that followed it into the past too
        timeline.travel.back_to_now.emit()
    timeline.filters.set_session(session_id)


def resume_session(window: MainWindow, session_id: UUID) -> None:
    """An unfinished session from the Sessions page: the question asked at start, asked now."""
    window.study_page.settle()
    if window.study_page.in_session:
        window.statusBar().showMessage(T.translate(
            "Features", "Finish or leave the session on the Study page first: one session runs at a time."), 8000)
        return
    if window.offer_resume(session_id) is None:  # finished meanwhile (another computer's, by a sync)
        window.statusBar().showMessage(T.translate("Features", "That session is finished already."), 8000)
        cast("SessionsPage", window.pages["sessions"]).refresh()


def show_word_history(window: MainWindow, word_id: UUID) -> None:
    open_word_history(window, window.profile, word_id, operations=window.operations)


def _add_history_to_words(window: MainWindow, page: Any) -> None:
    """Words page: a word's full story from the context menu or Ctrl+H."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction

    action = QAction(T.translate("Features", "Word &history…"), page)
    action.setObjectName("wordHistoryAction")
    action.setShortcut(QKeySequence("Ctrl+H"))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def open_selected() -> None:
        ids = page.selected_ids()
        if ids:
            show_word_history(window, ids[0])

    action.triggered.connect(open_selected)
    page.addAction(action)
    table = getattr(page, "table", None) or getattr(page, "view", None)
    if table is not None:
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.addAction(action)


def _link_time_travel(window: MainWindow) -> None:
    """The statistics follow the timeline's time travel: figures as of the moment shown there."""
    timeline, statistics = window.pages.get("timeline"), window.pages.get("statistics")
    if timeline is None or statistics is None or getattr(statistics, "_linked_to", None) is timeline:
        return
    statistics._linked_to = timeline  # type: ignore[attr-defined]
    travel = cast("TimelinePage", timeline).travel  # the pages these keys' factories build
    stats = cast("StatisticsPage", statistics)
    travel.travel_requested.connect(lambda moment: stats.set_as_of(moment, offset=travel.offset_of(moment)))
    travel.back_to_now.connect(lambda: stats.set_as_of(None))
    shown = cast("TimelinePage", timeline)
    if shown.showing_past and shown.past.state is not None:  # statistics first opened while in the past
        moment = shown.past.state.moment
        stats.set_as_of(moment, offset=travel.offset_of(moment))


# --- file actions -------------------------------------------------------------------------------------
def import_words(window: MainWindow) -> None:
    report = open_import_dialog(window, window.profile)
    if report is not None:
        if report.words is not None:  # Ctrl+Z next takes this import back, not what came before it
            changed = report.created + report.updated
            label = (T.translate("Features", "import of %Ln word(s)", None, changed) if changed
                     else T.translate("Features", "import of %Ln Anki review(s)", None, report.answers))
            entry = import_entry(window.profile.service, report.words, label, window.undo, bool(report.scheduler))
            if entry is not None:
                window.undo.push(entry)
        window.operations.changed.emit()
        window.statusBar().showMessage(import_summary(report), 30_000)


def export_words(window: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(window, T.translate("Features", "Export words"),
                                          str(Path.home() / "words.csv"),
                                          T.translate("Features", "CSV files (*.csv)"))
    if path:
        queries = window.profile.queries
        hour = window.profile.service.day_start_hour
        window.operations.run(lambda progress: export_words_to(queries, Path(path), progress, hour),
                              lambda count: _said(window, T.translate(
                                  "Features", "Exported %Ln word(s) to {0}.", None, count).format(path)),
                              label=T.translate("Features", "Exporting words…"), cancellable=True, changes=False)


def export_history(window: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(window, T.translate("Features", "Export the history"),
                                          str(Path.home() / "effect-history.jsonl"),
                                          T.translate("Features", "JSON Lines (*.jsonl)"))
    if path:
        profile = window.profile
        window.operations.run(lambda progress: export_events_to(profile, Path(path), progress),
                              lambda count: _said(window, T.translate(
                                  "Features", "Exported %Ln event(s) to {0}.", None, count).format(path)),
                              label=T.translate("Features", "Exporting the history…"), cancellable=True, changes=False)


def backups(window: MainWindow) -> None:
    """Restoring replaces the profile file: the window lets go of it first and reopens it after."""
    path = window.profile.path

    def close_profile() -> None:
        window.retire()
        window.profile.close()

    def reopen_profile() -> None:
        _reopen(window, path)

    def report(outcome: object) -> None:
        shown = current_window(window)
        if isinstance(outcome, Exception):
            show_error(shown, outcome)
        elif isinstance(outcome, Restored):
            restored(shown.profile)  # the state replaced was backed up just now: that is today's backup
            if outcome.taken is not None and outcome.taken.failed is not None:  # not a status line's news
                box = QMessageBox(QMessageBox.Icon.Warning, T.translate("App", "Backup restored"),
                                  taken_back_text(outcome.taken), QMessageBox.StandardButton.Ok, shown)
                box.setObjectName("notTakenBack")
                box.setTextFormat(Qt.TextFormat.PlainText)  # a path and the store's words, never markup
                box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                box.open()
                return
            if outcome.taken is not None:  # a damaged profile replaced: what came back from it
                shown.statusBar().showMessage(taken_back_text(outcome.taken), 30_000)
                return
            # short enough for the status bar beside its counts at the smallest window (it was cut off
            # at "…was backed up to"), and to the second: two backups are often taken in one minute
            shown.statusBar().showMessage(T.translate(
                "Features", "Restored the backup of {0}; the state before it is kept.").format(
                outcome.backup.local_time.strftime("%Y-%m-%d %H:%M:%S")), 15_000)

    open_backup_dialog(window, path, close_profile, reopen_profile, keep=window.preferences.backups_kept,
                       report=report)


def _reopen(window: MainWindow, path: Path) -> MainWindow:
    """A new window on the profile opened afresh, on the same page, in place of this one (whose
    profile the caller has closed). The old one remembers it (`current_window`)."""
    from .main_window import MainWindow

    window.gui_settings.setValue("window/page", window.current_page_key())
    window.gui_settings.sync()
    # caught up off the GUI thread, with progress, as at start (app.py): a profile a sync had filled
    # with pages not yet counted froze the window here for up to 19 s
    replacement = MainWindow(open_profile(path, catch_up=False))
    replacement.setGeometry(window.geometry())
    replacement.show()
    window.replaced_by = replacement  # type: ignore[attr-defined]
    window.hide()
    window.deleteLater()
    projector = replacement.profile.projector
    if projector.checkpoint() < replacement.profile.store.last_position():
        replacement.operations.run(
            projector.catch_up, label=T.translate("App", "Bringing your words and statistics up to date…"))
    return replacement


def current_window(window: MainWindow) -> MainWindow:
    """The window now showing the profile: `window`, or the one that replaced it (a restore,
    a new study day start)."""
    while getattr(window, "replaced_by", None) is not None:
        window = window.replaced_by  # type: ignore[attr-defined]
    return window


# --- the study day's start ---------------------------------------------------------------------------
def _session_running(window: MainWindow) -> str | None:
    window.study_page.settle()  # a finished session's summary on screen: it is complete now
    if not window.study_page.in_session:
        return None
    return T.translate("Features", "Finish or leave the session first: the study day's start cannot move during one.")


def change_day_start(window: MainWindow, hour: int) -> None:
    """Rebuild the read models under the new hour (with progress and cancel), then open the
    profile again: the core and every page were built with the old one."""
    page = cast("SettingsPage", window.pages["settings"])
    refusal = _session_running(window)
    if refusal:
        page.show_day_start()
        window.statusBar().showMessage(refusal, 8000)
        return
    profile = window.profile
    page.day_start.setEnabled(False)

    def done(_replayed: int) -> None:
        window.retire()
        profile.close()
        _reopen(window, profile.path).statusBar().showMessage(T.translate(
            "Features", "A study day now starts at {0}:00; past days were recounted.").format(hour), 15_000)

    def failed(error: Exception) -> None:
        page.day_start.setEnabled(True)
        page.show_day_start()
        if isinstance(error, RebuildCancelled):  # said: the status bar was silent
            window.statusBar().showMessage(T.translate(
                "Features", "Cancelled: a study day still starts at {0}:00, and nothing was recounted.").format(
                profile.projector.day_start_hour), 15_000)
        else:
            show_error(window, error)

    window.operations.run(lambda progress: change_day_start_hour(profile, hour, progress), done,
                          label=T.translate("Features", "Recounting past study days…"), cancellable=True,
                          on_failure=failed)


def _day_start_from_elsewhere(window: MainWindow) -> None:
    """A sync brought another device's move of the study day's start: count every day again under
    it and open the profile again, as a change made here does. During a session it waits for the
    session's end (the answers meanwhile are counted under the old hour, and the profile says so)."""
    if window.closing or window.study_page.in_session or not day_start_moved(window.profile):
        return  # (a sync's result arriving as the window closes: the next start recounts)
    if QApplication.activeModalWidget() is not None or window.study_page.summary_panel.isVisible():
        # a word being edited, a question, a session's summary being read: reopening lost it
        QTimer.singleShot(DIALOG_WAIT_MS, window, lambda: _day_start_from_elsewhere(window))
        return
    profile = window.profile

    def done(_replayed: int) -> None:
        hour = day_start_in_force(profile.store)
        window.retire()
        profile.close()
        _reopen(window, profile.path).statusBar().showMessage(T.translate(
            "Features", "A study day now starts at {0}:00, as set on another device; past days were recounted.")
            .format(hour), 15_000)

    window.operations.run(lambda progress: rebuild_under_hour_in_force(profile, progress), done,
                          label=T.translate("Features", "Recounting past study days…"))


def _switch_from_elsewhere(window: MainWindow) -> None:
    """Another program stored a scheduler switch (a sync from a terminal brought another device's): the
    window schedules by it from now on, and says so. (Its next answer takes it up in any case: see
    Projector._adopt_switch; this makes the previews and the message come at once.)"""
    if window.closing:
        return
    name = window.profile.projector.adopt_switch_from_elsewhere()
    if name is None:
        return
    shown = scheduler_name(name)
    window.statusBar().showMessage(T.translate(
        "Features", "Reviews are now scheduled by {0}, as chosen on another device.").format(shown), 15_000)
    window.operations.changed.emit()


def _said(window: MainWindow, message: str, *, over_others: bool = True) -> None:
    if over_others or not window.statusBar().currentMessage():
        window.statusBar().showMessage(message, 8000)


# --- upkeep -----------------------------------------------------------------------------------------------
def upkeep(window: MainWindow) -> None:
    """Once a session: the daily backup, then compaction of old events when worthwhile (off the GUI thread)."""
    if window.closing:  # its timer may fire while the window waits for a last sync
        return
    profile = window.profile

    def work(progress: Progress) -> str:
        def stop() -> bool:  # the window closing: a five-year profile's backup held it up to a minute
            return progress(0, 0) is False

        done = []
        try:
            if daily_backup(profile, stop=stop) is not None:
                done.append(T.translate("Features", "backed up today's profile"))
        except BackupStopped:
            return ""
        compacted = compact_if_worthwhile(profile, stop=stop)
        if compacted is not None and (compacted.report.segments or compacted.report.repacked):
            done.append(T.translate("Features", "compressed old events"))
        return T.translate("Features", ", ", "between the things upkeep did").join(done)  # 「、」 in Japanese

    # upkeep's note waits its turn: it replaced "Undone: …" a moment after Ctrl+Z
    window.operations.run(work, lambda said: _said(window, said.capitalize(), over_others=False) if said else None,
                          changes=False, cancellable=True, stops_on_close=True,
                          on_failure=lambda error: _upkeep_failed(window, error))


UPKEEP_WARNING_MS = 60_000


def _upkeep_failed(window: MainWindow, error: Exception) -> None:
    """A daily backup the disk or the folder refused is said in the status bar, once per cause in a
    window: a modal box came up five seconds after every start (and again in the window a refused
    restore reopened), for a job the learner did not ask for and a profile that was fine. Anything
    else (a damaged profile found by the check) still gets its dialog."""
    if not isinstance(error, BackupNotWritten):
        show_error(window, error)
        return
    log.warning("the daily backup was not made: %s", error)
    if str(error) in window.upkeep_problems_said:
        return
    window.upkeep_problems_said.add(str(error))
    # short enough for the status bar beside its counts (the advice ran off its end, at 780 px in English
    # and mid-word in Japanese); the folder and what to do in the tooltip while it is shown
    bar = window.statusBar()
    short = T.translate("Features", "Today's backup could not be made ({0}); it is tried again at the next start."
                        ).format(os_reason(error.reason))
    bar.showMessage(short, UPKEEP_WARNING_MS)
    bar.setToolTip(T.translate("Features", "The backups folder {0}: {1}").format(error.folder,
                                                                                 what_to_do(error.advice)))

    def said_no_more(message: str) -> None:
        if message != short:
            bar.setToolTip("")
            bar.messageChanged.disconnect(said_no_more)

    bar.messageChanged.connect(said_no_more)
