"""The main window: navigation between pages, menus, status bar, start-up questions.

It owns no page logic: pages come from `pages.default_pages()` (or a list
passed in), each built with the same `AppContext`. Window geometry and the
last page are kept in an INI file beside the profile, never in the user's
global settings, so profiles (and tests) do not share them.
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import cast

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from ..application.resuming import worth_offering
from ..bootstrap import Profile
from . import i18n
from .announce import Announcer, AnnouncingStatusBar
from .context import AppContext
from .features import add_file_actions, install_features
from .help_menu import add_help_actions
from .keys import with_key
from .operations import Operations, Progress
from .pages import PageSpec, default_pages
from .paths import gui_settings_path, icon_path
from .preferences import Preferences
from .settings_page import SettingsPage
from .starter_deck import read_starter_deck
from .startup import FirstRunDialog, ResumeDialog
from .study import queue
from .study.fitting import literal
from .study.page import StudyPage
from .study.panels import mode_names
from .style import minimum_within_screen, reapply_palette, resize_within_screen
from .undo import UndoHistory, Undone
from .words.page import WordsPage

STATUS_REFRESH_MS = 60_000
CLOCK_SLACK = timedelta(days=1)  # a history later than the clock by more: the clock is wrong
STATUS_SETTLE_MS = 400  # after a change, the status bar is read once things are quiet
CLOSE_WAIT_S = 30.0  # what closing waits at most for page work it stopped (a page of events: well under a second)


def follow_time_zone() -> None:
    """Read the computer's time zone again: the C library keeps the one it first loaded, and a window
    left open across a flight (Tokyo to Los Angeles) went on dating answers and counting study days in
    Tokyo while the CLI beside it was in Los Angeles."""
    if hasattr(time, "tzset"):  # Unix; Windows has none, and its C runtime may keep the zone it started in
        time.tzset()


class MainWindow(QMainWindow):
    page_built = Signal(str, QWidget)  # a page was built (first shown, or rebuilt after a language change)
    written_elsewhere = Signal()  # another program (the CLI, a sync from a terminal) wrote events meanwhile
    # every minute and when the window comes back (a laptop woken): timed work checks the clock, not a
    # QTimer, which counts only while the computer is awake
    ticked = Signal()
    new_day = Signal()  # a new study day began while the window stayed open

    def __init__(self, profile: Profile, pages: list[PageSpec] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.profile = profile
        self.preferences = Preferences(profile.settings)
        self.page_specs = pages if pages is not None else default_pages()
        self.operations = Operations(self)
        self.undo = UndoHistory(self.operations)
        self.context = AppContext(profile, self.operations, self.undo)
        self.gui_settings = QSettings(str(gui_settings_path(profile.path)), QSettings.Format.IniFormat)
        self.startup_dialog: FirstRunDialog | ResumeDialog | QMessageBox | None = None
        self.pages: dict[str, QWidget] = {}
        self._closed = False
        self.upkeep_problems_said: set[str] = set()  # a failed daily backup's causes told in the status bar
        self.announcer = Announcer(self)
        self.announcer.setObjectName("announcer")
        # what the status bar says is read out: an undo's, a deletion's, an import's or a sync's outcome was
        # shown only there, and a screen reader reads the bar only when asked
        self.setStatusBar(AnnouncingStatusBar(self.announcer, self))

        self.setWindowIcon(QIcon(str(icon_path())))
        minimum_within_screen(self, 720, 480)
        self._build()
        self._status_soon = QTimer(self)  # changes come in bursts (answer after answer): one read
        self._status_soon.setSingleShot(True)
        self._status_soon.setInterval(STATUS_SETTLE_MS)
        self._status_soon.timeout.connect(self.refresh_status)
        self.operations.changed.connect(self._status_soon.start)
        self._seen_position = profile.store.last_position()  # how far the log went when last shown
        self._today = queue.today(profile, profile.service.clock())  # the study day the pages show
        self.operations.changed.connect(self._note_position)
        self.operations.busy_changed.connect(self._busy)
        self.undo.changed.connect(self._update_undo_action)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self._tick)
        self._status_timer.start()
        geometry = cast(QByteArray | bytes, self.gui_settings.value("window/geometry", b""))  # saveGeometry's
        if not self.restoreGeometry(geometry):
            resize_within_screen(self, 1000, 680)
        self.show_page(str(self.gui_settings.value("window/page", "study")))
        install_features(self)

    # --- building (again, after a language change) ----------------------------------------------------
    def _build(self) -> None:
        self.setWindowTitle(self.tr("Effect Desktop — {0}").format(self.profile.path.name.split(".")[0]))
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+1… switch pages from the keyboard
        self.nav.setAccessibleName(self.tr("Pages"))
        self.stack = QStackedWidget()
        self._stop_page_work()  # pages built again after a language change: the old ones' work ends
        self.pages = {}
        for spec in self.page_specs:  # an empty slot per page: a page is built when first shown
            slot = QWidget()
            slot.setProperty("pageKey", spec.key)
            self.stack.addWidget(slot)
            item = QListWidgetItem(spec.title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._show_row)
        for spec in self.page_specs:
            if not spec.lazy:
                self.page(spec.key)
        width = max(self.nav.sizeHintForColumn(0), self.fontMetrics().horizontalAdvance("M" * 9))
        self.nav.setFixedWidth(width + self.fontMetrics().height() * 2)
        self.nav.setStyleSheet(
            "QListWidget#navigation { border: none; padding-top: 8px; }"
            "QListWidget#navigation::item { padding: 8px 12px; }")
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        old = self.centralWidget()
        self.setCentralWidget(central)
        if old is not None:
            old.deleteLater()
        self._build_menus()
        self._build_status()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        # a language change builds them again: the old ones go (their actions stayed the window's children,
        # and the shortcut list showed them a second time, in English); the Sync menu is sync's own
        for menu in getattr(self, "_own_menus", []):
            menu.setParent(None)
            menu.deleteLater()
        bar.clear()
        file_menu = bar.addMenu(self.tr("&File"))
        quit_action = file_menu.addAction(self.tr("&Quit"))
        # the platform's own key, and Ctrl+Q everywhere: Qt binds Quit to nothing on Windows
        quit_action.setShortcuts(with_key(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        quit_action.setObjectName("quitAction")
        quit_action.triggered.connect(self.close)
        add_file_actions(self, file_menu)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        for name in ("undo_action", "redo_action"):  # of the menus built before a language change
            previous: QAction | None = getattr(self, name, None)
            if previous is not None:
                previous.setParent(None)
                previous.deleteLater()
        self.undo_action = QAction(self.tr("&Undo"), self)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.undo_action.triggered.connect(self.undo_last)
        edit_menu.addAction(self.undo_action)
        self.redo_action = QAction(self.tr("&Redo"), self)
        self.redo_action.setObjectName("redoAction")
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)  # Ctrl+Y and Ctrl+Shift+Z
        self.redo_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.redo_action.triggered.connect(self.redo_last)
        edit_menu.addAction(self.redo_action)
        if any(spec.key == "words" for spec in self.page_specs):
            add_action = edit_menu.addAction(self.tr("&Add word…"))
            add_action.setShortcut(QKeySequence.StandardKey.New)
            add_action.triggered.connect(self._add_word)
        view_menu = bar.addMenu(self.tr("&Go"))
        for number, spec in enumerate(self.page_specs, start=1):
            action = view_menu.addAction((spec.menu_title or spec.title)())
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, key=spec.key: self.show_page(key))
        help_menu = bar.addMenu(self.tr("&Help"))
        add_help_actions(self, help_menu)
        self._own_menus = [file_menu, edit_menu, view_menu, help_menu]
        self._update_undo_action()

    def _build_status(self) -> None:
        status = self.statusBar()
        for label in getattr(self, "_status_labels", []):
            status.removeWidget(label)
            label.deleteLater()
        self.due_label = QLabel()
        self.due_label.setObjectName("dueStatus")
        self.streak_label = QLabel()
        self.streak_label.setObjectName("streakStatus")
        self.busy_label = QLabel()
        self._status_labels = [self.busy_label, self.due_label, self.streak_label]
        status.addWidget(self.busy_label, 1)
        # before any other permanent widget (sync's): built again after a language change, they went
        # after it, and the status bar's order changed with the language
        status.insertPermanentWidget(1, self.due_label)
        status.insertPermanentWidget(2, self.streak_label)
        self.refresh_status()

    # --- navigation and status ------------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The page for this key, built on first use (start-up builds only the page shown)."""
        if key not in self.pages:
            index = [spec.key for spec in self.page_specs].index(key)
            page = self.page_specs[index].factory(self.context)
            page.setProperty("pageKey", key)
            slot = cast(QWidget, self.stack.widget(index))  # every row has a placeholder until built
            current = self.stack.currentIndex()
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(slot)
            slot.deleteLater()
            self.stack.setCurrentIndex(current)
            self.pages[key] = page
            if isinstance(page, SettingsPage):
                page.language_changed.connect(self.change_language)
            self.page_built.emit(key, page)
        return self.pages[key]

    def _show_row(self, row: int) -> None:
        if self._closed:
            return
        if 0 <= row < len(self.page_specs):
            self.page(self.page_specs[row].key)
        self.stack.setCurrentIndex(row)

    def show_page(self, key: str) -> QWidget | None:
        if self._closed:  # retired or closing: a page built now would read the closed profile
            return None
        keys = [spec.key for spec in self.page_specs]
        if key not in keys:
            key = keys[0]
        self.nav.setCurrentRow(keys.index(key))
        return self.page(key)

    def current_page_key(self) -> str:
        current = cast(QWidget, self.stack.currentWidget())  # the stack is never empty
        return str(current.property("pageKey"))

    @property
    def study_page(self) -> StudyPage:
        page = self.page("study")
        assert isinstance(page, StudyPage)
        return page

    @property
    def words_page(self) -> WordsPage:
        page = self.page("words")
        assert isinstance(page, WordsPage)
        return page

    def refresh_status(self) -> None:
        """Due count and streak, read off the GUI thread (after every answer, too)."""
        if self._closed:
            return
        profile = self.profile

        def read() -> tuple[int, int]:
            now = profile.service.clock()
            streak = profile.queries.streak(profile.user_id, queue.today(profile, now), now)
            return profile.queries.due_count(now, profile.service.day_start_hour), streak.current

        self.operations.read("status", read, self._show_status)

    def _note_position(self) -> None:
        if not self._closed:
            self._seen_position = self.profile.store.last_position()

    def _tick(self) -> None:
        """Every minute, and when the window comes back (a laptop woken): a new study day may have begun
        while the window stayed open, and the Study page said "0 due, 0 new" all morning. Events written
        by another program meanwhile (the CLI, a sync run from a terminal) refresh every page: the window
        showed what it had last read, and an edit then wrote its old values back over theirs."""
        follow_time_zone()
        if not self._closed and self.profile.store.last_position() != self._seen_position:
            self.operations.changed.emit()  # (and `_note_position` moves the mark)
            self.written_elsewhere.emit()
        today = queue.today(self.profile, self.profile.service.clock())
        if not self._closed and today != self._today:  # "today", the streak and what is due moved on
            self._today = today  # (Statistics showed yesterday's until something was written)
            self.operations.changed.emit()
            self.new_day.emit()
        self.refresh_status()
        study = self.pages.get("study")
        if isinstance(study, StudyPage) and self.stack.currentWidget() is study and not self._closed:
            study.refresh()
        if not self._closed:
            self.ticked.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self._tick()
        elif event.type() == QEvent.Type.PaletteChange:  # the application's: the system switched to dark, or back
            reapply_palette()

    def _show_status(self, figures: tuple[int, int]) -> None:
        due, streak = figures
        self.due_label.setText(self.tr("Due: {0}").format(self.locale().toString(due)))  # 9,556, as Statistics
        self.streak_label.setText(self.tr("Streak: %Ln day(s)", "", streak))

    def _busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")

    # --- undo -------------------------------------------------------------------------------------------
    def _update_undo_action(self) -> None:
        entry = self.undo.top()
        running = self.undo.running  # a large undo or redo under way: none other until it ends
        self.undo_action.setEnabled(entry is not None and not running)
        # a label names words, and a word's "&" would mark an access key ("R&D" read "RD")
        self.undo_action.setText(self.tr("&Undo {0}").format(literal(entry.label)) if entry
                                 else self.tr("&Undo"))
        undone = self.undo.redo_top()
        self.redo_action.setEnabled(undone is not None and not running)
        self.redo_action.setText(self.tr("&Redo {0}").format(literal(undone.label)) if undone
                                 else self.tr("&Redo"))

    def undo_last(self) -> bool:
        if self._closed:  # Ctrl+Z is an application-wide shortcut: the retired window must not answer it
            return False
        if self.undo.running:  # before any question: the entry on top is the one before the running undo
            return False
        entry = self.undo.top()
        if entry is None:
            self.statusBar().showMessage(self.tr("Nothing to undo."), 3000)
            return False
        if entry.ask is not None and not entry.ask(self):
            return False

        def say(ok: bool) -> None:  # once undone: at once, or after a large undo ran in the background
            if ok and not self._closed:
                said = {Undone.ALL: self.tr("Undone: {0}"),
                        Undone.PART: self.tr(  # noqa: E501
                            "Undone in part: {0}; what another program or device changed since is kept."),
                        Undone.NOTHING: self.tr("Not undone: {0}; another program or device changed it since, and "
                                                "its changes are kept."),
                        Undone.SESSION_ENDED: self.tr("Not undone: {0}; its session was finished elsewhere since, "
                                                      "and a finished session keeps its answers.")
                        }[self.undo.last_outcome]
                self.statusBar().showMessage(said.format(entry.label), 8000)

        return self.undo.undo_last(say)

    def redo_last(self) -> bool:
        if self._closed or self.undo.running:
            return False
        entry = self.undo.redo_top()
        if entry is None:
            self.statusBar().showMessage(self.tr("Nothing to redo."), 3000)
            return False
        def say(ok: bool) -> None:
            if ok and not self._closed:
                said = {Undone.ALL: self.tr("Redone: {0}"),
                        Undone.PART: self.tr(  # noqa: E501
                            "Redone in part: {0}; what another program or device changed since is kept."),
                        Undone.NOTHING: self.tr("Not redone: {0}; another program or device changed it since, and "
                                                "its changes are kept."),
                        Undone.SESSION_ENDED: self.tr("Not redone: {0}; its session was finished elsewhere since.")
                        }[self.undo.last_outcome]
                self.statusBar().showMessage(said.format(entry.label), 8000)

        return self.undo.redo_last(say)

    def _add_word(self) -> None:
        self.show_page("words")
        self.words_page.add_word()

    # --- start-up questions ------------------------------------------------------------------------------
    def startup(self) -> QWidget | None:
        """Ask what a freshly opened profile needs; returns the dialog shown, if any."""
        clock_box = self.check_clock()
        if clock_box is not None:  # the other questions once it is read
            clock_box.finished.connect(lambda _result: self._closed or self._questions())
            return clock_box
        return self._questions()

    def _questions(self) -> QWidget | None:
        if self.preferences.first_run_choice is None and not self.profile.store.read_all(0, 1):
            return self.offer_starter_deck()
        running = self.study_page.run.session_id if self.study_page.run is not None else None
        # not the one Start began in the moment before this question came (it asked to resume it)
        open_sessions = [s for s in self.profile.queries.open_sessions() if s.session_id != running]
        offered = worth_offering(open_sessions, self.profile.service.clock(), self.profile.service.day_start_hour)
        if offered:
            return self.offer_resume(offered[0].session_id)
        return None

    def check_clock(self) -> QMessageBox | None:
        """A history that runs past this computer's clock by more than a day means a clock gone wrong
        (a flat battery set it back to 2000, say), here or on a device that synced: answers given now
        would be filed under the wrong day and schedules set from the wrong date. Said once for the
        latest event, at start."""
        latest = self.profile.queries.latest_event_at()
        now = self.profile.service.clock()
        if latest is None or latest - now <= CLOCK_SLACK or self.preferences.clock_warned_for == latest.isoformat():
            return None
        # once for that event: its time does not change when the clocks are set right, and another
        # device's clock ahead at a sync would otherwise bring the warning at every start
        self.preferences.clock_warned_for = latest.isoformat()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Check the clock"), self.tr(
            "This computer's clock says {0}, but your study history goes on to {1}.").format(
            now.strftime("%Y-%m-%d %H:%M"), latest.astimezone(now.tzinfo).strftime("%Y-%m-%d %H:%M")),
            QMessageBox.StandardButton.Ok, self)
        box.setObjectName("clockWarning")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(self.tr(
            "If this computer's clock is wrong, set it and open Effect Desktop again: answers given now are "
            "filed under the clock's day and scheduled from it. If another computer's clock was ahead when it "
            "synced, set that one."))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.startup_dialog = box
        box.open()
        return box

    def offer_starter_deck(self) -> FirstRunDialog:
        entries = read_starter_deck(language=i18n.in_use())
        dialog = FirstRunDialog(len(entries), self, can_sync=self._sync_settings_action() is not None)
        dialog.finished.connect(lambda result: self._first_run_answered(result, entries))
        self.startup_dialog = dialog
        dialog.open()
        return dialog

    def _first_run_answered(self, result: int, entries: list[dict]) -> None:
        if result == FirstRunDialog.STARTER:
            service = self.profile.service

            def load(_progress: Progress) -> int:
                return len(service.create_words(entries))

            def loaded(count: int) -> None:
                self.preferences.first_run_choice = "starter"
                self.statusBar().showMessage(self.tr("Loaded %Ln word(s).", "", count), 5000)

            self.operations.run(load, loaded, label=self.tr("Loading the starter deck…"))
        elif result == FirstRunDialog.EMPTY:
            self.preferences.first_run_choice = "empty"
            self.show_page("words")
        elif result == FirstRunDialog.SYNC:
            # remembered once a server is saved: closing the settings without one (no details at hand
            # yet) brings the welcome back next time, the starter deck with it
            self._sync_once_saved()
            action = self._sync_settings_action()
            if action is not None:
                action.trigger()

    def _sync_once_saved(self) -> None:
        """The first sync starts as soon as the server is saved: the learner asked for their words, and
        an empty window waiting for Sync now (F5) looked as if nothing had come."""
        controller = getattr(self, "sync", None)
        if controller is None:
            return

        def saved() -> None:
            if controller.is_configured():
                controller.settings_changed.disconnect(saved)
                self.preferences.first_run_choice = "sync"
                controller.sync_now()

        controller.settings_changed.connect(saved)

    def _sync_settings_action(self) -> QAction | None:
        """Sync → Settings, when sync is installed (the `sync` extra) and set up in this window."""
        installation = getattr(getattr(self, "sync", None), "installation", None)
        return getattr(installation, "settings_action", None)

    def offer_resume(self, session_id: object) -> ResumeDialog | None:
        session = self.profile.queries.session(session_id)  # type: ignore[arg-type]
        if session is None or session.completed:
            return None
        words = {a.word_id for a in self.profile.queries.answers_in_session(session.session_id) if not a.retracted}
        dialog = ResumeDialog(session, mode_names(self).get(session.mode, session.mode), self, len(words))

        def answered(result: int) -> None:
            if result == ResumeDialog.RESUME:
                self.show_page("study")
                self.study_page.resume(session)
            elif result == ResumeDialog.FINISH:
                self.study_page.finish(session)

        dialog.finished.connect(answered)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # asked again from the Sessions page: each
        self.startup_dialog = dialog                                # one stayed, hidden, with the window
        dialog.open()
        return dialog

    # --- language ---------------------------------------------------------------------------------------
    def change_language(self, language: str) -> None:
        """Switch without restarting: install the translators and rebuild the pages."""
        if self.study_page.in_session:
            self.statusBar().showMessage(
                self.tr("The new language applies when this session ends."), 6000)
            return
        self.study_page.settle()  # the pages are rebuilt: a summary on screen goes with them
        current = self.current_page_key()
        i18n.install(language)
        self._build()
        self.show_page(current)
        # the box that was used is rebuilt too: give the focus to its successor, or a screen reader
        # (and the keyboard) is left with nothing
        language_box = getattr(self.pages.get("settings"), "language", None)
        if current == "settings" and language_box is not None:
            language_box.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- closing ------------------------------------------------------------------------------------------
    @property
    def closing(self) -> bool:
        """Closed, closing, or handed over to a new window: nothing new may start here."""
        return self._closed

    def retire(self) -> None:
        """Before a new window takes over the profile: nothing here reads it any more, and nothing can
        be clicked (a page that reads the closed profile opens a new connection to it, and that
        connection refused every later restore as "another program is using this profile")."""
        self.study_page.settle()  # a summary on screen: its session is completed while the profile is open
        self._closed = True
        self._status_timer.stop()
        self._status_soon.stop()
        self.operations.retire()
        sync = getattr(self, "sync", None)  # features.py installs it when the sync extra is there
        if sync is not None:
            sync.stop_for_handover(CLOSE_WAIT_S)
        # the Timeline's checkpoints too: they went on writing into the profile after a restore replaced it
        self._stop_page_work(wait_s=CLOSE_WAIT_S)
        for part in (self.centralWidget(), self.menuBar()):
            if part is not None:
                part.setEnabled(False)
        for action in self.findChildren(QAction):  # their shortcuts work without the menu bar
            action.setEnabled(False)

    def before_last_sync(self) -> None:
        """Called by the sync's close handling before its last sync (see sync/install.py)."""
        self.study_page.settle()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.study_page.settle()  # a summary on screen: its session is completed
        self._closed = True  # no more status reads: the profile is about to close
        self._status_timer.stop()
        self._status_soon.stop()
        self.gui_settings.setValue("window/geometry", self.saveGeometry())
        self.gui_settings.setValue("window/page", self.current_page_key())
        self.gui_settings.sync()
        self.operations.stop_on_close()
        self._stop_page_work(wait_s=CLOSE_WAIT_S)
        self.operations.shut()
        super().closeEvent(event)

    def _stop_page_work(self, wait_s: float = 0.0) -> None:
        """Stop what pages run on their own (the Timeline's checkpoints, the Statistics' replays as of a
        moment), waiting up to `wait_s` for each page's."""
        for page in self.pages.values():
            stop = getattr(page, "stop_work", None)
            if stop is not None:
                stop(wait_s)
