"""The Statistics screen: a range, a grouping and a scope on top, one card per figure below.

Every figure comes from `Statistics` over the read models (the profile's, or
a copy as of a past moment when time travel is active), so opening the
screen never reads the event log.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any, NamedTuple
from uuid import UUID

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QEvent, QLocale, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...bootstrap import Profile
from ...domain.text_fold import tag_key
from ...projections.cache import ReadModelCache
from ...projections.queries import Queries
from ...projections.statistics_queries import StatisticsQueries, WordScope
from ...statistics.asof import has_easiness, queries_as_of, scheduler_at
from ...statistics.figures import Bucket, Granularity, Heatmap, Range, Report, Statistics, StatsRequest
from ...timeline.describe import moment_text
from ..gc_thread import collect_on_gui_thread
from ..operations import deliver
from ..style import follow_palette, heading, shows_focus
from ..wheel_guard import wheel_scrolls_past
from .card import ChartCard
from .charts import (
    activity_chart,
    bar_chart,
    chart_view,
    day_bar_chart,
    minutes_chart,
    replace_chart,
    unit_fits_axis,
)
from .hardest import HardestWordsTable
from .heatmap import CalendarHeatmap
from .palette import chart_colors

CHARTS = ("activity", "time", "response", "forecast", "intervals", "easiness")
GREY_AFTER_MS = 300  # figures this long in coming are greyed until they come

log = logging.getLogger(__name__)


class _AsOfSignals(QObject):
    done = Signal(int, object)  # generation, Queries or the exception


class _AsOfJob(QRunnable):
    """Prepares the read models as of a moment in a pool thread (a replay can take minutes)."""

    def __init__(self, generation: int, work: Callable[[Callable[[], bool]], Queries]) -> None:
        super().__init__()
        collect_on_gui_thread()
        self.generation = generation
        self.work = work
        self.signals = _AsOfSignals()
        self.stop = threading.Event()  # another moment chosen, or the window closing: it ends at its next page
        self.finished = threading.Event()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result: object = self.work(self.stop.is_set)
        except Exception as error:  # shown on the page, in the GUI thread (a stopped one is not shown)
            result = error
        finally:
            self.finished.set()
        deliver(self.signals.done, self.generation, result)


class _Figures(NamedTuple):
    """Everything a refresh shows, read off the GUI thread."""

    report: Report
    needs_rebuild: bool
    scopes: list[tuple[str, str]]  # (kind "c" or "t", name) for the Words choice, in order
    years: list[int]  # the heatmap's calendar years
    easiness: bool  # the scheduler in force keeps an easiness


def _figures(profile: Profile, queries: Queries, request: StatsRequest, moment: datetime | None) -> _Figures:
    statistics = Statistics(queries, profile.user_id)
    years = statistics.heatmap_years(request)
    if request.heatmap_year not in (None, *years):  # a year the scope (or the moment) does not reach
        request = replace(request, heatmap_year=None)
    lists = StatisticsQueries(queries.store)
    scopes = [("c", category) for category in lists.categories(with_none=True)] + [("t", tag) for tag in lists.tags()]
    # FSRS keeps no easiness (every word's stays at SM-2's 2.50): a chart of one bar and a column of
    # 2.50s looked measured; a past moment's figures are the scheduler's in force then
    name = scheduler_at(profile, moment) if moment is not None else profile.service.scheduler.name
    return _Figures(statistics.report(request), statistics.needs_rebuild(), scopes, years, has_easiness(name))


class _FiguresJob(QRunnable):
    def __init__(self, generation: int, work: Callable[[], _Figures]) -> None:
        super().__init__()
        collect_on_gui_thread()
        self.generation = generation
        self.work = work
        self.signals = _AsOfSignals()

    def run(self) -> None:
        try:
            result: object = self.work()
        except Exception as error:  # noqa: BLE001 - shown on the page, in the GUI thread
            result = error
        deliver(self.signals.done, self.generation, result)


class StatisticsPage(QWidget):
    """Its figures are read off the GUI thread (up to half a second on five years, the window
    frozen meanwhile); the charts are drawn when they arrive."""

    as_of_ready = Signal()  # the figures as of the chosen moment (or now) are shown
    refreshed = Signal()  # new figures are shown

    def __init__(self, profile: Profile, on_open_word: Callable[[UUID], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsPage")
        self.profile = profile
        self.as_of: datetime | None = None  # the moment chosen (None: now)
        self._queries: Queries = profile.queries
        # the moment `_queries` hold (None: now): while another is computed, the figures shown stay those
        # of this one (today's read models counted as of a day in 2022 showed a mix of both for 40 s)
        self._queries_as_of: datetime | None = None
        self.report: Report | None = None
        self._stale = True
        self._generation = 0
        self._as_of_when = ""  # the moment the newest as-of job computes, as shown
        self._jobs: set[_AsOfJob] = set()
        self._figures_pool = QThreadPool(self)
        self._figures_pool.setMaxThreadCount(1)  # one at a time: an as-of state is one in-memory connection
        self._figures_generation = 0
        self._announce_as_of = False  # as_of_ready is due once the figures of the moment are shown
        self._as_of_label_due = ""
        self._grey_timer = QTimer(self)  # greyed only if the figures are long in coming: no flicker
        self._grey_timer.setSingleShot(True)
        self._grey_timer.setInterval(GREY_AFTER_MS)
        self._grey_timer.timeout.connect(self._grey)

        self.range = QComboBox()
        self.range.setObjectName("statsRange")
        for value, label in ((Range.DAYS_30, self.tr("Last 30 days")), (Range.YEAR, self.tr("Last year")),
                             (Range.ALL, self.tr("All time"))):
            self.range.addItem(label, value.value)
        self.range.setCurrentIndex(1)
        self.granularity = QComboBox()
        self.granularity.setObjectName("statsGranularity")
        for grouping, label in ((Granularity.DAY, self.tr("By day")), (Granularity.WEEK, self.tr("By week")),
                             (Granularity.MONTH, self.tr("By month"))):
            self.granularity.addItem(label, grouping.value)
        self.granularity.setCurrentIndex(1)
        self.scope = QComboBox()
        self.scope.setObjectName("statsScope")
        self.scope.setMinimumContentsLength(16)
        self.as_of_label = QLabel()  # a line of its own: beside the choices it was cut at the window's first size
        self.as_of_label.setObjectName("statsAsOf")
        self.as_of_label.setWordWrap(True)
        self.as_of_label.setVisible(False)
        self.summary = QLabel()
        self.summary.setObjectName("statsSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rebuild_hint = QLabel(self.tr(
            "Some figures are empty because this profile was studied with an older version. Recount everything "
            "from the history once (Settings, or `effect-desktop rebuild`) to fill them."))
        self.rebuild_hint.setObjectName("statsRebuildHint")
        self.rebuild_hint.setWordWrap(True)
        self.rebuild_hint.setVisible(False)

        controls = QHBoxLayout()
        controls.addWidget(heading(self.tr("Statistics"), self))
        controls.addStretch(1)
        for label, combo in ((self.tr("&Period:"), self.range), (self.tr("G&roup:"), self.granularity),
                             (self.tr("&Words:"), self.scope)):
            caption = QLabel(label)
            caption.setBuddy(combo)
            controls.addWidget(caption)
            controls.addWidget(combo)

        self.heatmap = CalendarHeatmap()
        self.heatmap_year = QComboBox()  # a five-year learner looks back at 2022 too
        self.heatmap_year.setObjectName("statsHeatmapYear")
        self.heatmap_year.setAccessibleName(self.tr("Calendar shown"))
        self.heatmap_year.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # in a card the page scrolls past (the period, grouping and words choices stand above the cards)
        wheel_scrolls_past(self, self.heatmap_year)
        self.views: dict[str, QChartView] = {name: chart_view() for name in CHARTS}
        self.hardest = HardestWordsTable(on_open_word)
        self.cards: dict[str, ChartCard] = {
            "heatmap": ChartCard("heatmap", self.tr("Answers per day"), self.heatmap),
            "activity": ChartCard("activity", self.tr("Answers and accuracy"), self.views["activity"]),
            "time": ChartCard("time", self.tr("Time studied"), self.views["time"]),
            "response": ChartCard("response", self.tr("Response times"), self.views["response"]),
            "forecast": ChartCard("forecast", self.tr("Due reviews, next 30 days"), self.views["forecast"]),
            "intervals": ChartCard("intervals", self.tr("Review intervals"), self.views["intervals"]),
            "easiness": ChartCard("easiness", self.tr("Easiness"), self.views["easiness"]),
            "hardest": ChartCard("hardest", self.tr("Hardest words"), self.hardest),
        }
        self.cards["heatmap"].add_control(self.heatmap_year)
        self.grid = QGridLayout()
        self.columns = 0
        self._arrange(2)
        content = QWidget()
        content.setLayout(self.grid)
        scroll = self.scroll_area = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setAccessibleName(self.tr("Charts"))
        shows_focus(scroll, "chartsArea")
        scroll.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.as_of_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.rebuild_hint)
        layout.addWidget(scroll, 1)

        for combo in (self.range, self.granularity, self.scope, self.heatmap_year):
            combo.currentIndexChanged.connect(self.refresh)
        # the charts take their theme and colours from the palette when built: built again on a switch
        # to dark (or back), they stayed light in a dark window
        follow_palette(self, "charts", self._restyle_charts, now=False)

    def _restyle_charts(self) -> None:
        if self.report is not None:
            self._show(self.report)

    # --- layout ----------------------------------------------------------------------------------
    def _arrange(self, columns: int) -> None:
        """The charts two to a row, or one under another when two side by side would not fit the
        page's width (the window at its smallest scrolled sideways to reach the second column)."""
        if columns == self.columns:
            return
        self.columns = columns
        for card in self.cards.values():
            self.grid.removeWidget(card)
        self.grid.addWidget(self.cards["heatmap"], 0, 0, 1, columns)
        for index, name in enumerate(CHARTS):
            self.grid.addWidget(self.cards[name], 1 + index // columns, index % columns)
        self.grid.addWidget(self.cards["hardest"], 1 + (len(CHARTS) + columns - 1) // columns, 0, 1, columns)

    def _columns_for(self, width: int) -> int:
        margins = self.grid.contentsMargins()
        pair = (self.grid.horizontalSpacing() + margins.left() + margins.right()
                + sum(max(self.cards[name].minimumSizeHint().width() for name in CHARTS[column::2])
                      for column in (0, 1)))
        return 2 if width >= pair else 1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and watched is self.scroll_area.viewport():
            self._arrange(self._columns_for(self.scroll_area.viewport().width()))
        return super().eventFilter(watched, event)

    # --- what the main window calls ------------------------------------------------------------
    def set_as_of(self, moment: datetime | None, cache: ReadModelCache | None = None, *,
                  offset: int | None = None) -> None:
        """Show the figures as of `moment` (None: now); `as_of_ready` is emitted when they are shown.
        `offset`: minutes east of UTC of the learner's clock then, as the time travel shows it.

        The read models as of then are prepared off the GUI thread: from the
        timeline's cache for that moment when given (and complete), else by
        replaying the events up to then, which takes a while on a long history."""
        self._generation += 1
        self.as_of = moment
        if moment is None:
            self._show_queries(self.profile.queries, None, "")
            return
        # the learner's own format elsewhere in the app (the timeline's "2022-05-31 20:00:00"), not the
        # locale's short one ("5/31/22 8:00 PM")
        when = moment_text(moment, offset, "%Y-%m-%d %H:%M")
        self._say_as_of(self.tr("Computing statistics as of {0}…").format(when))
        self.figures_shown(False)  # greyed: the figures shown are not of that moment yet
        self._as_of_when = when
        self._stop_jobs()  # an earlier moment's replay is not wanted any more
        job = _AsOfJob(self._generation, lambda stop: queries_as_of(self.profile, moment, cache, stop))
        # a bound method, which Qt disconnects once this page is gone (a language change rebuilds every
        # page; a lambda wrote into the deleted one when the replay ended)
        job.signals.done.connect(self._as_of_done)
        self._jobs.add(job)
        QThreadPool.globalInstance().start(job)

    def _stop_jobs(self) -> list[_AsOfJob]:
        """Ask every replay under way to stop (a queued one is taken off the queue); those still running."""
        running = []
        for job in self._jobs:
            job.stop.set()
            if QThreadPool.globalInstance().tryTake(job):
                job.finished.set()
            elif not job.finished.is_set():
                running.append(job)
        return running

    def stop_work(self, wait_s: float = 0.0) -> bool:
        """The window closing or handing the profile over: the replays stop, waited for up to `wait_s`
        (three moments on five years replayed side by side, 6.8 GB, and a restore was queued behind them
        for a minute, then refused because they held the profile). True if none runs now. A reading of
        the figures (under a second) is always waited for to its end: it reads the profile, and the
        page's pool, deleted with the page while it ran, would wait for it holding the interpreter lock
        it needs (a hang)."""
        deadline = time.monotonic() + wait_s
        self._figures_generation += 1  # what is still on its way is not shown
        self._figures_pool.clear()
        replays = all(job.finished.wait(max(0.0, deadline - time.monotonic())) for job in self._stop_jobs())
        self._figures_pool.waitForDone()  # from Python, the lock is let go meanwhile
        return replays

    def closeEvent(self, event: Any) -> None:  # noqa: N802
        """Shown as a window of its own (tests, a tool): closed, its reading ends before it can be deleted."""
        self.stop_work()
        super().closeEvent(event)

    def _say_as_of(self, text: str) -> None:
        """The moment shown (on a line of its own, wrapped at the window's smallest), none for now."""
        self.as_of_label.setText(text)
        self.as_of_label.setVisible(bool(text))

    def _as_of_done(self, generation: int, result: object) -> None:
        self._jobs = {job for job in self._jobs if job.generation > generation}
        if generation != self._generation:
            return  # another moment was chosen meanwhile
        when = self._as_of_when
        if isinstance(result, Exception):
            self._say_as_of(self.tr("The statistics as of {0} could not be computed: {1}")
                                     .format(when, result))
            return
        assert isinstance(result, Queries)
        self._show_queries(result, self.as_of, self.tr("As of {0}").format(when))

    def _show_queries(self, queries: Queries, moment: datetime | None, label: str) -> None:
        self._queries, self._queries_as_of = queries, moment
        self._as_of_label_due = label  # said with the figures of that moment, once they are read
        self._announce_as_of = True
        self.refresh()

    def _grey(self) -> None:
        self.figures_shown(False)

    def figures_shown(self, current: bool) -> None:
        """The charts and the summary as of the moment chosen (True), or greyed while it is computed:
        the charts only, so that the page still scrolls."""
        charts = self.scroll_area.widget()
        if charts is not None:
            charts.setEnabled(current)
        self.summary.setEnabled(current)

    def mark_stale(self) -> None:
        """The read models changed (a command ran): refresh now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # --- internals ---------------------------------------------------------------------------------
    def _fill_scopes(self, scopes: list[tuple[str, str]]) -> bool:
        """The Words choice's categories and tags as they are now; False if the one chosen is gone
        (the figures were read for it: they are read again, for every word)."""
        current = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(self.tr("All words"), None)
        for kind, name in scopes:
            if kind == "c":
                self.scope.addItem(self.tr("Category: {0}").format(name) if name else self.tr("No category"),
                                   f"c:{name}")
            else:
                self.scope.addItem(self.tr("Tag: {0}").format(name), f"t:{tag_key(name)}")  # chosen by its key
        found = self.scope.findData(current)
        self.scope.setCurrentIndex(max(0, found))
        self.scope.blockSignals(False)
        return found >= 0 or current is None

    def request(self) -> StatsRequest:
        data = self.scope.currentData() or ""  # "c:<category>", "t:<tag>" or None for every word
        scope = WordScope(category=data[2:] if data.startswith("c:") else None,
                          tag=data[2:] if data.startswith("t:") else None)
        # the time-travel moment comes in UTC: its study day, "due today" and "overdue" are the learner's
        moment = self._queries_as_of
        now = moment.astimezone() if moment is not None else self.profile.service.clock()
        return StatsRequest(now, Range(self.range.currentData()), Granularity(self.granularity.currentData()),
                            scope, self.profile.service.day_start_hour, heatmap_year=self.heatmap_year.currentData())

    def refresh(self) -> None:
        """Read the figures for the choices made, off the GUI thread; shown by `_figures_read`."""
        self._stale = False
        self._figures_generation += 1
        self._figures_pool.clear()  # a reading not begun yet is for choices already changed
        profile, request, queries, moment = self.profile, self.request(), self._queries, self._queries_as_of
        job = _FiguresJob(self._figures_generation, lambda: _figures(profile, queries, request, moment))
        job.signals.done.connect(self._figures_read)  # a bound method: not called once the page is gone
        if not self._grey_timer.isActive():
            self._grey_timer.start()
        self._figures_pool.start(job)

    def _figures_read(self, generation: int, result: object) -> None:
        if generation != self._figures_generation:
            return  # other choices were made meanwhile: their figures are coming
        self._grey_timer.stop()
        if isinstance(result, Exception):
            log.error("statistics could not be read", exc_info=result)
            self._say_as_of(self.tr("The statistics could not be read: {0}").format(result))
            self.figures_shown(True)  # said above; greyed, the page looked still at work for good
            if self._announce_as_of:
                self._announce_as_of = False
                self.as_of_ready.emit()
            return
        assert isinstance(result, _Figures)
        if not self._fill_scopes(result.scopes):
            self.refresh()
            return
        self._fill_heatmap_years(result.years, result.report.request.heatmap_year)
        self.rebuild_hint.setVisible(result.needs_rebuild)
        self.report = result.report
        self._show(result.report)
        self.cards["easiness"].setVisible(result.easiness)
        self.hardest.setColumnHidden(4, not result.easiness)
        if not any(job.generation == self._generation for job in self._jobs):  # not while a moment is computed
            self.figures_shown(True)
        self.refreshed.emit()
        if self._announce_as_of:
            self._announce_as_of = False
            self._say_as_of(self._as_of_label_due)
            self.as_of_ready.emit()

    def _fill_heatmap_years(self, years: list[int], chosen: int | None) -> None:
        """The last twelve months, then each calendar year studied in the scope, newest first; the
        year chosen stays chosen while it is there to choose."""
        self.heatmap_year.blockSignals(True)
        self.heatmap_year.clear()
        self.heatmap_year.addItem(self.tr("Last 12 months"), None)
        for year in years:
            self.heatmap_year.addItem(str(year), year)
        self.heatmap_year.setCurrentIndex(max(0, self.heatmap_year.findData(chosen)))
        self.heatmap_year.blockSignals(False)

    def _pooled_name(self, granularity: Granularity) -> Callable[[int], str]:
        """The accuracy's key when each point pools n periods (charts.pooled): a dot that reads as a
        day's accuracy must not be a fortnight's."""
        if granularity is Granularity.DAY:
            return lambda n: self.tr("Accuracy (%, %n day(s) a point)", "", n)
        if granularity is Granularity.WEEK:
            return lambda n: self.tr("Accuracy (%, %n week(s) a point)", "", n)
        return lambda n: self.tr("Accuracy (%, %n month(s) a point)", "", n)

    def _set_heatmap(self, figure: Heatmap) -> None:
        """The calendar, named with the span it shows: a screen reader hears the title only."""
        self.heatmap.set_figure(figure)
        year = self.heatmap_year.currentData()
        self.heatmap.setAccessibleName(self.tr("Answers per day, last 12 months") if year is None
                                       else self.tr("Answers per day, {0}").format(year))

    def _show(self, report: Report) -> None:
        s, locale = report.summary, QLocale()
        accuracy = "–" if s.accuracy is None else locale.toString(100 * s.accuracy, "f", 0) + "%"
        self.summary.setText(self.tr(
            "Answers: {0} · correct: {1} · minutes studied: {2} · words: {3} · streak: {4} · due today: {5}").format(
            locale.toString(s.answers), accuracy,
            # a few seconds of answering under a filter read "0": a tenth shows them
            locale.toString(float(s.study_minutes), "f", 0 if s.study_minutes >= 10 or not s.study_minutes else 1),
            locale.toString(s.words), locale.toString(s.streak_days), locale.toString(s.due_today)))
        self._set_heatmap(report.heatmap)
        self.cards["heatmap"].set_note(self.tr("Outlined: the current streak of %Ln day(s).", "",
                                               report.heatmap.streak_days) if report.heatmap.streak_days else "")
        granularity = report.request.granularity
        replace_chart(self.views["activity"], activity_chart(report.activity, granularity, self.tr("Answers"),
                                                             self.tr("Accuracy (%)"), self._pooled_name(granularity)))
        filtered = report.request.scope.facet is not None
        unit = self.tr("min")
        replace_chart(self.views["time"], minutes_chart(report.activity, granularity, self.tr("minutes"), unit))
        self.cards["time"].set_title(self.tr("Time studied") if unit_fits_axis(unit)
                                     else self.tr("Time studied ({0})").format(unit))
        self.cards["time"].set_note(self.tr("Time spent answering these words (sessions mix words).")
                                    if filtered else "")
        replace_chart(self.views["response"], bar_chart(
            self.tr("Answers"), [self._from_label(b, 1000) for b in report.response_times],
            [b.count for b in report.response_times], self.tr("seconds (each band from)")))
        forecast = report.forecast
        replace_chart(self.views["forecast"], day_bar_chart(self.tr("Reviews"), forecast.due,
                                                           self.tr("days from today"), chart_colors().accuracy))
        self.cards["forecast"].set_note(self.tr("Overdue now: {0}").format(locale.toString(forecast.overdue))
                                        if forecast.overdue else "")
        replace_chart(self.views["intervals"], bar_chart(
            self.tr("Words"), [self._from_label(b) for b in report.intervals],
            [b.count for b in report.intervals], self.tr("days (each band from)")))
        replace_chart(self.views["easiness"], bar_chart(
            self.tr("Words"), [locale.toString(b.low, "f", 1) + ("+" if b.high is None else "")
                               for b in report.easiness],
            [b.count for b in report.easiness], self.tr("easiness factor"), chart_colors().time))
        self.hardest.set_words(report.hardest)

    @staticmethod
    def _from_label(bucket: Bucket, scale: float = 1) -> str:
        """A band by where it starts ("0", "1", … "60+"): each bar runs to the next one's label, and
        short labels fit under narrow bars ("13–20" was cut to "13…")."""
        return QLocale().toString(bucket.low / scale, "g", 4) + ("+" if bucket.high is None else "")
