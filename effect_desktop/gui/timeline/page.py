"""The Timeline page: every event, filters, the detail of one event, and time travel.

`TimelinePage(profile, parent)` stands on its own (the main window adds it;
`timeline_page(context)` is the factory for the page registry). In the window
(with its `operations`), every read of the history runs off the GUI thread: the
list's first page (when the page is made, under a new filter, on a refresh),
the counts, a jump back in time, a word's history, writing
the time-travel checkpoints when the page is first shown, and the next page as
scrolling asks for it ("Loading more events…" if it takes a moment). After a
sync on a profile of 136,000 words a page took 0.2 s to read, and each of
these froze the window that long.
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Any
from uuid import UUID

import shiboken6
from PySide6.QtCore import QModelIndex, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...persistence.errors import ProfileLocked
from ...persistence.lock_wait import waiting_briefly
from ...projections.projector import RebuildCancelled
from ...timeline.describe import scheduler_name
from ...timeline.entries import TimelineFilter
from ...timeline.service import Timeline
from ..core_messages import localise
from ..gc_thread import collect_on_gui_thread
from ..operations import deliver
from ..style import follow_palette, notice_colors
from .detail import DetailPane
from .filters import FilterBar
from .language import ui_language
from .model import EntryRole, FirstPage, PageRead, TimelineModel, day_label
from .past import PastView, TravelBar
from .scheduler_dialog import SchedulerDialog
from .word_history import open_word_history

FAR_EVENTS = 2_000  # a jump further below what the list holds starts the list at the event's day
COUNT_LIMIT = 10_000  # a filter's matches are counted up to this (a bounded read), then said as "10,000+"


class _PrepareSignals(QObject):
    done = Signal(object)
    failed = Signal(str)
    busy = Signal()  # the profile was busy (this window's own daily backup, a sync): try again later


class _Prepare(QRunnable):
    """Writes the time-travel checkpoints (minutes, the first time, on five years of history).

    Stoppable: closing the window stops it between two pages of events. It ran on for minutes
    after the window closed, writing checkpoints after the profile's lock was released, so a
    window opened meanwhile had two processes writing the profile."""

    def __init__(self, timeline: Timeline) -> None:
        super().__init__()
        collect_on_gui_thread()
        self.timeline = timeline
        self.signals = _PrepareSignals()
        self.stop = threading.Event()
        self.finished = threading.Event()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            refilled = self.timeline.needs_rebuild()  # the list's rows are written only then
            # its writes wait briefly for another program's lock, then come back later (busy): waiting the
            # usual ten seconds, a closing window or a restore waited with them
            with waiting_briefly():
                self.timeline.prepare(lambda _done, _total: not self.stop.is_set())
            prepared = refilled and not self.stop.is_set()
        except ProfileLocked:
            deliver(self.signals.busy)
        except RebuildCancelled:  # stopped while filling a missing timeline: rolled back, done next time
            pass
        except Exception as error:  # shown in the status line; the timeline still works without checkpoints
            deliver(self.signals.failed, str(error))
        else:
            if not self.stop.is_set():
                deliver(self.signals.done, prepared)
        finally:
            self.finished.set()


PREPARE_RETRY_MS = 10_000
LOADING_SHOWN_AFTER_MS = 150  # a list read taking longer says so (a quicker one would only flicker)


class TimelinePage(QWidget):
    prepared = Signal()

    def __init__(self, profile: Any, parent: QWidget | None = None, operations: Any = None) -> None:
        """`operations`: the window's, for reading off the GUI thread from the first page on (None: every
        read on this thread, for a page on its own)."""
        super().__init__(parent)
        self.setObjectName("timelinePage")
        self.profile = profile
        self.language = ui_language()
        self.timeline = Timeline(profile)
        self._prepare: _Prepare | None = None
        self._stopped = False  # the window is closing, or a language change replaced this page
        self._is_prepared = False
        self._stale = False  # changed while hidden: read again when shown (refresh_when_seen)
        self._travels = 0  # each jump and each "Back to now" counts: only the latest one is shown
        self._loads = 0  # each read of the list in the background counts: only the latest one is shown
        self._time_column_fitted = False  # a first list shown under a filter (a session's) fits it too
        self._pending: TimelineFilter | None = None  # the filter whose list is being read in the background
        self._focus_moved_to: QWidget | None = None  # where the list's focus went while it was greyed
        self._operations: Any = None  # the window's (timeline_page): long work off the GUI thread
        self.filters = FilterBar(self.language)
        self.filters.changed.connect(self.apply_filter)
        self.model = TimelineModel(self.timeline, self.language, self)
        self.model.fetching_changed.connect(self._fetching_changed)
        self.model.fetch_failed.connect(self._fetch_failed)
        self.view = QTreeView()
        self.view.setObjectName("timelineView")
        self.view.setAccessibleName(self.tr("Events"))
        self.view.setRootIsDecorated(True)  # a group of one action's events opens like a folder
        self.view.setUniformRowHeights(True)
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Sized to the first page once, not to its contents: ResizeToContents measured every loaded row
        # again on each page fetched, and scrolling a long history stuttered more the further it went.
        self.view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.view.header().setStretchLastSection(True)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.detail = DetailPane(self.timeline, self.language)
        self.detail.jump_requested.connect(self.jump_to)
        self.detail.word_history_requested.connect(self.open_history)
        self.detail.filter_word_requested.connect(self._filter_word)
        self.detail.filter_session_requested.connect(self._filter_session)
        # scrolled when taller than the page (at a 20 pt font its lines were cut through, top and bottom)
        detail_area = QScrollArea()
        detail_area.setObjectName("detailArea")
        detail_area.setWidget(self.detail)
        detail_area.setWidgetResizable(True)
        detail_area.setFrameShape(QFrame.Shape.NoFrame)
        detail_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its buttons, not to a nameless pane
        detail_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        detail_area.setMinimumWidth(self.detail.minimumSizeHint().width()  # its buttons whole, beside a scroll bar
                                    + detail_area.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.view)
        split.addWidget(detail_area)
        split.setSizes([640, 360])
        split.setStretchFactor(0, 2)  # the list keeps most of a wider window, whatever the font
        split.setStretchFactor(1, 1)
        split.setCollapsible(0, False)
        self.past = PastView()
        self.past.compare_requested.connect(self.compare_with_now)
        self.stack = QStackedWidget()
        self.stack.addWidget(split)
        self.stack.addWidget(self.past)
        self.travel = TravelBar(clock=profile.service.clock, offset_at=self.timeline.queries.offset_at)
        self.travel.travel_requested.connect(self.travel_to)
        self.travel.back_to_now.connect(self.back_to_now)
        self.status = QLabel()
        self.status.setObjectName("timelineStatus")
        self.notice = QLabel()  # why the list is empty when the filter cannot match anything
        self.notice.setObjectName("filterNotice")
        self.notice.setWordWrap(True)
        follow_palette(self.notice, "notice", self._colour_notice)
        self.notice.hide()
        self.scheduler_button = QPushButton(self.tr("Sche&duler…"))
        self.scheduler_button.setObjectName("schedulerButton")
        self.scheduler_button.clicked.connect(self.choose_scheduler)
        self.newest_button = QPushButton(self.tr("Back to the ne&west events"))
        self.newest_button.setObjectName("newestButton")
        self.newest_button.clicked.connect(self.show_newest)
        self.newest_button.hide()  # shown while the list starts at an older day (a jump far back)
        self.loading_label = QLabel(self.tr("Loading events…"))
        self.loading_label.setObjectName("timelineLoading")
        self.loading_label.hide()
        self._loading_shown = QTimer(self)
        self._loading_shown.setSingleShot(True)
        self._loading_shown.setInterval(LOADING_SHOWN_AFTER_MS)
        self._loading_shown.timeout.connect(self._show_loading)
        self.more_label = QLabel(self.tr("Loading more events…"))  # the next page of a filtered list
        self.more_label.setObjectName("timelineLoadingMore")
        self.more_label.hide()
        self._more_shown = QTimer(self)
        self._more_shown.setSingleShot(True)
        self._more_shown.setInterval(LOADING_SHOWN_AFTER_MS)
        self._more_shown.timeout.connect(self.more_label.show)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.loading_label)
        footer.addWidget(self.more_label)
        footer.addWidget(self.newest_button)
        footer.addWidget(self.scheduler_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.notice)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.travel)
        layout.addLayout(footer)
        if operations is not None:
            self.operations = operations
        self.refresh()

    # --- the timeline --------------------------------------------------------------------------------
    def _colour_notice(self) -> None:
        background, text = notice_colors()
        self.notice.setStyleSheet(f"QLabel#filterNotice {{ background: {background.name()}; color: {text.name()};"
                                  " padding: 6px; border-radius: 4px; }")

    def refresh_when_seen(self) -> None:
        """A change made elsewhere in the window: the list is read again now if it is on screen, else
        when next shown. Reloading the hidden page on every answer cost each one 0.1-1 s on five years of
        history once the Timeline had been opened."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def refresh(self) -> None:
        self._stale = False
        if self._in_background():
            # the list read again (a change elsewhere, a sync, the checkpoints written, Back to now) reads
            # what the filter lets through, as a filter change does: off the GUI thread. Every event's
            # first page too: after a sync on five compacted years its read, and the pages the view asked
            # for once it was shown, held the window 0.2-0.5 s. A read still under way for a new filter is
            # read again, so it holds the change too.
            self._load(self._wanted(), None if self.loading else self.model.start_before, resize=True)
        else:  # without the window (no background reads): on this thread
            self.model.reload()
            self._fit_time_column()
        self._read_span()
        self._say_count()

    def _read_span(self) -> None:
        """The time-travel slider's span, the history's first and last moment: read here (two lookups on
        an index, a millisecond), as a travel asked for right after needs it to name the learner's clock
        then (read in the background, a travel before it came was named on today's clock)."""
        span = self.timeline.queries.span()
        self.travel.set_span(*(span or (None, None)))

    def apply_filter(self, timeline_filter: TimelineFilter) -> None:
        self.newest_button.hide()
        self.detail.show_entry(None)  # its event may no longer be listed
        if self._in_background():
            # Off the GUI thread: on five compacted years the first page of a filter that picks events
            # far apart (word edits, one word's answers) blocked the window 0.3-4.5 s. The rows shown
            # stay until the new ones come; a later filter wins over one still being read.
            self._load(timeline_filter, None, forget_choice=True)
        else:
            self.model.set_filter(timeline_filter)
        self._say_count()

    def _fit_time_column(self) -> None:
        """The time column as wide as any day's heading (bold) or a time under an opened group needs,
        computed rather than measured on the rows: resizeColumnToContents measured up to a thousand
        loaded rows on every refresh (60 ms on the GUI thread), and a list whose first page had no
        Wednesday cut every later "2024-09-11 (Wed)" to "(We…"."""
        font = QFont(self.view.font())
        font.setBold(True)  # as the model shows a day's heading
        bold, plain = QFontMetrics(font), QFontMetrics(self.view.font())
        headings = max(bold.horizontalAdvance(day_label(f"2024-01-0{n}", self.model.language)) for n in range(1, 8))
        indent = self.view.indentation()
        branch = indent if self.view.rootIsDecorated() else 0
        times = plain.horizontalAdvance("00:00:00") + indent  # a group's events, one level down
        frame = self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin)
        self.view.setColumnWidth(0, max(headings, times) + branch + 2 * frame + bold.averageCharWidth())
        self._time_column_fitted = True

    # --- reading the list in the background ----------------------------------------------------------
    @property
    def operations(self) -> Any:
        return self._operations

    @operations.setter
    def operations(self, operations: Any) -> None:
        self._operations = operations
        self.model.reader = self._read_more if self._in_background() else None
        self.model.wants_rows = self._near_the_end

    def _near_the_end(self) -> bool:
        """Whether the list shows its last rows, or will within a screen's scrolling (or has too few to
        scroll): where a filtered list's next page is wanted."""
        bar = self.view.verticalScrollBar()
        return bar.value() >= bar.maximum() - bar.pageStep()

    def _read_more(self, work: Any, on_result: Any, on_failure: Any) -> None:
        """The model's next page of a filtered list, read off the GUI thread: on five compacted years a
        page of events far apart blocked the window up to half a second each time the learner scrolled."""
        self.operations.read("timeline.more", work, on_result, owner=self, on_failure=on_failure)

    def _fetching_changed(self, fetching: bool) -> None:
        if fetching:
            self._more_shown.start()
        else:
            self._more_shown.stop()
            self.more_label.hide()

    def _fetch_failed(self, error: Exception) -> None:
        self.status.setText(self.tr("The events could not be read: %1").replace("%1", localise(str(error))))

    @property
    def loading(self) -> bool:
        """Whether the list is being read for a new filter (or read again) in the background."""
        return self._pending is not None

    def _in_background(self) -> bool:
        return self.operations is not None and hasattr(self.operations, "read")

    def _wanted(self) -> TimelineFilter:
        """The filter the list shows, or is about to show once its read comes back."""
        return self._pending if self._pending is not None else self.model.filter

    def _load(self, timeline_filter: TimelineFilter, before: int | None, *, resize: bool = False,
              forget_choice: bool = False) -> None:
        """Read the list's first page under `timeline_filter` off the GUI thread, then show it. Each read
        supersedes the ones before it: one that has not started yet is skipped, one that ends late is
        dropped."""
        self._loads += 1
        asked = self._loads
        self._pending = timeline_filter
        if not self._loading_shown.isActive() and self.loading_label.isHidden():
            self._loading_shown.start()
        model = self.model

        def read() -> FirstPage | None:
            if asked != self._loads:  # another filter came while this one waited its turn
                return None
            return model.read_first(timeline_filter, before)

        def show(first: FirstPage | None) -> None:
            if first is None or asked != self._loads:
                return
            self._loaded()
            self.model.show(timeline_filter, first, before)
            if forget_choice:  # an event chosen from the old rows meanwhile
                self.detail.show_entry(None)
            if resize or not self._time_column_fitted:
                self._fit_time_column()

        def failed(error: Exception) -> None:
            if asked != self._loads:
                return
            self._loaded()
            # the list as the filter bar says, empty, and no count still coming for it: the old rows
            # stayed under the new filter and the count then covered the message
            self.model.show(timeline_filter, FirstPage({}, PageRead([], None)), before)
            self.operations.read("timeline.count", lambda: None, lambda _none: None, owner=self)
            self.status.setText(self.tr("The events could not be read: %1").replace("%1", localise(str(error))))

        self.operations.read("timeline.list", read, show, owner=self, on_failure=failed)

    def _loaded(self) -> None:
        self._pending = None
        self._loading_shown.stop()
        self.loading_label.hide()
        self.view.setEnabled(True)
        if self._focus_moved_to is not None and QApplication.focusWidget() is self._focus_moved_to:
            self.view.setFocus()  # back where the greying took it from, unless the learner moved it since
        self._focus_moved_to = None

    def _show_loading(self) -> None:
        """The read takes a moment: say so, and grey the rows it will replace (they can no longer be
        chosen). A disabled list gives its focus to the next widget; it comes back with the rows (a
        refresh during a filtered read left the arrow keys moving the word-history button)."""
        if self.loading:
            self.loading_label.show()
            had_focus = self.view.hasFocus()
            self.view.setEnabled(False)
            self._focus_moved_to = QApplication.focusWidget() if had_focus else None

    def _settle(self) -> None:
        """A read still under way is done now, on this thread: for the steps that need the list as the
        filter bar says it (a jump to an event)."""
        if self._pending is None:
            return
        timeline_filter = self._pending
        self._loads += 1  # its late result is dropped
        self._loaded()
        self.model.set_filter(timeline_filter)

    def _say_count(self) -> None:
        """The footer counts what the list holds: every event, or those the filter lets through."""
        timeline_filter = self._wanted()
        inverted = self.filters.inverted_range()
        self.notice.setVisible(inverted)
        if inverted:
            self.notice.setText(self.tr("The start date is after the end date: no day lies between them. "
                                        "Pick a start on or before the end."))
        queries = self.timeline.queries

        def count() -> tuple[int, int | None]:
            return queries.count(), None if timeline_filter.is_empty else queries.matching(timeline_filter,
                                                                                          COUNT_LIMIT)

        if self._in_background():
            # counted off the GUI thread: on five years of history a filter's count blocked it 0.6-2 s (a
            # later count supersedes one still under way for the filter just changed)
            self.operations.read("timeline.count", count, self._say_counted, owner=self)
            return
        self._say_counted(count())

    def _say_counted(self, counted: tuple[int, int | None]) -> None:
        total, shown = f"{counted[0]:,}", counted[1]
        if shown is None:
            self.status.setText(self.tr("%1 events").replace("%1", total))
            return
        matching = f"{COUNT_LIMIT:,}+" if shown > COUNT_LIMIT else f"{shown:,}"
        self.status.setText(self.tr("%1 of %2 events match the filter").replace("%1", matching)
                            .replace("%2", total))

    def _filter_word(self, word_id: UUID) -> None:
        word = self.profile.queries.word(word_id)
        self.filters.set_word(word_id, word.text if word else str(word_id)[:8])
        self.view.setFocus()  # to the list it filtered: the button went with the detail, and the focus
        # dropped into the empty Effects list

    def _filter_session(self, session_id: UUID | None) -> None:
        self.filters.set_session(session_id)
        self.view.setFocus()  # as for a word

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.model.is_group(current):
            self.detail.show_group(self.model.index(current.row(), 1).data(), self.model.group_size(current))
            return
        self.detail.show_entry(current.data(EntryRole) if current.isValid() else None)

    def jump_to(self, position: int) -> None:
        """Select the event at `position`, clearing filters that hide it. An event far below what the
        list holds is shown with its day, the list starting there: fetching every page down to it
        froze the window for as long as a minute on five years of history."""
        self._settle()
        found = self.model.index_of(position)
        start = self.model.start_before
        if found is None and start is not None and position >= start:
            # newer than where the list starts after a far jump: it starts again with that event's day
            # (reading on downwards never reached it, and the jump did nothing)
            end_of_day = self.timeline.queries.day_last_position(position)
            newest_day = end_of_day is None or end_of_day >= self.profile.store.last_position()
            self.model.show_from(None if newest_day or end_of_day is None else end_of_day + 1)
            self.newest_button.setVisible(not newest_day)
            found = self.model.fetch_all_until(position)
        if found is None and self._far(position):
            end_of_day = self.timeline.queries.day_last_position(position)
            if end_of_day is not None:
                self.model.show_from(end_of_day + 1)
                self.newest_button.show()
        if found is None:
            found = self.model.fetch_all_until(position)
        if found is None and not self.model.filter.is_empty:
            self.filters.blockSignals(True)
            self.filters.clear_scope()
            self.filters.type_box.setCurrentIndex(0)
            self.filters.text.clear()
            self.filters.use_from.setChecked(False)
            self.filters.use_to.setChecked(False)
            self.filters.blockSignals(False)
            self.model.set_filter(TimelineFilter())
            self.newest_button.hide()
            if self._far(position) and (end_of_day := self.timeline.queries.day_last_position(position)):
                self.model.show_from(end_of_day + 1)
                self.newest_button.show()
            found = self.model.fetch_all_until(position)
        if found is None:
            return
        index = found
        if index.parent().isValid():  # inside one action's group: open it
            self.view.expand(index.parent())
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _far(self, position: int) -> bool:
        loaded = self.model.lowest_position()
        return loaded is None or position < loaded - FAR_EVENTS

    def show_newest(self) -> None:
        self.newest_button.hide()
        if self._in_background() and not self._wanted().is_empty:
            self._load(self._wanted(), None)
            return
        self._settle()
        self.model.show_from(None)

    def choose_scheduler(self) -> SchedulerDialog:
        dialog = SchedulerDialog(self.profile, self, self.operations)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # each kept its charts: megabytes a time
        dialog.switched.connect(self._switched)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def _switched(self, name: str) -> None:
        """The switch said in the status bar, as one from another device is: only the due count changed
        (184 → 314), and nothing said why."""
        self.refresh()
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(self.tr("Reviews are now scheduled by {0}.")
                                           .format(scheduler_name(name)), 15_000)

    def open_history(self, word_id: UUID) -> None:
        open_word_history(self, self.profile, word_id, self.language, self.operations)

    # --- time travel ---------------------------------------------------------------------------------
    def travel_to(self, moment: datetime) -> None:
        now = self.profile.service.clock()
        # a moment still to come is no past; and in the learner's zone, where "today" and the streak are
        # counted (the travel bar gives UTC: 09:00 in Tokyo was still the day before, and a missed day
        # kept the streak alive)
        moment = min(moment, now).astimezone(now.tzinfo)
        self._travels += 1
        if self.operations is not None:
            # off the GUI thread, with the progress dialog's word if it takes a moment: before the
            # first preparation a jump replays the log from its start (15-20 s on five years alone; 55-70 s
            # while the checkpoints are being written beside it, which shares the interpreter), and
            # even from a checkpoint it reads a past day's schedule for 1-4 s; both froze the window.
            # A "Back to now" or another date given meanwhile wins over this jump's late result.
            travel = self._travels

            def go_back(_progress: Any) -> Any:
                if travel != self._travels:  # another date, or Back to now, came while it waited its turn
                    return None
                return self.timeline.state_at(moment)

            self.operations.run(go_back, lambda state: (self._show_past(state, moment) if state is not None
                                                        and travel == self._travels else None),
                                label=self.tr("Going back in time…"), changes=False, owner=self)
            return
        self._show_past(self.timeline.state_at(moment), moment)

    def _show_past(self, state: Any, moment: datetime) -> None:
        self.past.show_state(state, self.travel.offset_of(moment))
        self.stack.setCurrentWidget(self.past)
        self.travel.show_moment(moment)  # a typed date moves the slider too

    def compare_with_now(self) -> None:
        """Off the GUI thread when the window is there (a second on five years: the window froze)."""
        state = self.past.state
        if state is None:
            return
        if self.operations is None:
            self.past.show_comparison(self.timeline.compare_with_now(state))
            return
        travel = self._travels

        def show(comparison: Any) -> None:
            if travel == self._travels and self.past.state is state:  # still looking at that moment
                self.past.show_comparison(comparison)

        self.operations.run(lambda _progress: self.timeline.compare_with_now(state), show,
                            label=self.tr("Comparing with now…"), changes=False, owner=self)

    def back_to_now(self) -> None:
        self._travels += 1  # a jump still replaying in the background is not shown when it ends
        self.stack.setCurrentIndex(0)
        self.travel.show_moment(None)
        self.refresh()

    @property
    def showing_past(self) -> bool:
        return self.stack.currentWidget() is self.past

    # --- background preparation ------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()
        if self._prepare is None:
            self.start_preparing()

    def stop_work(self, wait_s: float = 0.0) -> bool:
        """Stop writing checkpoints (the window closes, or a language change replaces this page) and
        never start again; wait up to `wait_s` for the writing to end. True if nothing runs now."""
        self._stopped = True
        if self._prepare is None:
            return True
        self._prepare.stop.set()
        if QThreadPool.globalInstance().tryTake(self._prepare):  # queued behind other work, never started:
            self._prepare.finished.set()  # nothing to wait for (waiting, the window hung until it ran)
            return True
        return self._prepare.finished.wait(wait_s) if wait_s else self._prepare.finished.is_set()

    def start_preparing(self) -> None:
        if self._stopped:
            return
        self._prepare = _Prepare(self.timeline)
        self._prepare.signals.done.connect(self._prepared)
        # Guarded: a failure that ends after a language change rebuilt every page has no page to tell.
        # (Connecting a second bound method of this page here crashed PySide 6 when the page was freed.)
        self._prepare.signals.failed.connect(
            lambda message: self._preparation_failed(message) if shiboken6.isValid(self) else None)
        # Busy is no failure: the window's own daily backup or compaction (started a few seconds after
        # it opens) or a sync holds the profile a moment. It said "busy in another program" when no
        # other program was there, and time travel stayed slow until a restart.
        self._prepare.signals.busy.connect(lambda: self._prepare_later() if shiboken6.isValid(self) else None)
        QThreadPool.globalInstance().start(self._prepare)

    def _prepare_later(self) -> None:
        QTimer.singleShot(PREPARE_RETRY_MS, self, self.start_preparing)

    def _preparation_failed(self, message: str) -> None:
        self.status.setText(self.tr("Time travel is slower for now: %1").replace("%1", message))

    def _prepared(self, refilled: object) -> None:
        """The checkpoints are written (and a missing timeline filled in). Only a timeline filled in
        changes the list: read again for checkpoints alone, the list went back to the newest event,
        closed the group opened and lost the row chosen, seconds after the page first opened."""
        self._is_prepared = True
        if refilled:
            self.refresh()
        else:
            self._read_span()
        self.prepared.emit()


def timeline_page(context: Any) -> TimelinePage:
    """Factory for the page registry (gui/pages.py): takes the AppContext."""
    page = TimelinePage(context.profile, operations=context.operations)
    context.operations.changed.connect(page.refresh_when_seen)
    return page
