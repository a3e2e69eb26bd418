"""Time travel on screen: a bar to pick a moment, and the collection as it was then (read-only)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
    QTimer,
    QTimeZone,
    Signal,
)
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSlider,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.scheduling.studyday import offset_minutes
from ...projections.views import WordView
from ...statistics.asof import has_easiness
from ...timeline.describe import moment_text, scheduler_name
from ...timeline.travel import Comparison, PastState
from ...wording import value_text
from .field_changes import FieldChanges

Index = QModelIndex | QPersistentModelIndex


KEYS_REST_MS = 400  # after the last key on the slider, the past it points at is shown
NOW_REFRESH_MS = 30_000  # how often the field's latest allowed moment follows the clock
SLIDER_STEPS = 1000
MOMENT_FORMAT = "yyyy-MM-dd HH:mm:ss"
EF_COLUMN = 3  # the past word list's easiness column (Word, Meaning, Repetitions, EF, …)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class TravelBar(QWidget):
    """A date-time field with a calendar and a slider over the whole history.

    The slider's ends are the exact times of the first and the last event (a
    field of whole seconds would cut the first event off), and it always
    points at the moment on view: a typed date moves it, "back to now" puts
    it at the right end. The field cannot go beyond now: the past only.

    The field reads and shows a moment on the clock the learner studied by then, as the rows show
    their times (`offset_at`: the offset recorded with the events; this computer's zone without
    any): after a move from Tokyo to Los Angeles a time read off a Tokyo row, typed here, landed
    16 hours off. It holds that wall-clock time labelled UTC, so Qt converts nothing."""

    travel_requested = Signal(object)  # an aware datetime
    back_to_now = Signal()

    def __init__(self, parent: QWidget | None = None, clock: Callable[[], datetime] = _utc_now,
                 offset_at: Callable[[datetime], int | None] | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.offset_at = offset_at
        self.first: datetime | None = None
        self.last: datetime | None = None
        self.viewing: datetime | None = None  # the moment on view; None: now
        self._exact: datetime | None = None  # the slider's moment, finer than the field's seconds
        self._placing = False  # the bar itself is setting the field: not the learner's typing
        self.moment = QDateTimeEdit()
        self.moment.setObjectName("travelMoment")
        self.moment.setCalendarPopup(True)
        self.moment.setDisplayFormat(MOMENT_FORMAT)
        self.moment.setTimeZone(QTimeZone.utc())  # a wall-clock time (see the class's note)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("travelSlider")
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.setValue(SLIDER_STEPS)
        self.slider.sliderMoved.connect(self._slide)
        self.slider.sliderReleased.connect(self._go)
        # From the keyboard (arrows, Page Up/Down, Home/End) the slider moves without being dragged:
        # the moment follows, and the past is shown once the keys rest, as a mouse release shows it.
        self._keys_rest = QTimer(self)
        self._keys_rest.setSingleShot(True)
        self._keys_rest.setInterval(KEYS_REST_MS)
        self._keys_rest.timeout.connect(self._go)
        self.slider.valueChanged.connect(self._stepped)
        self.moment.dateTimeChanged.connect(self._typed)
        # The latest moment allowed is now, and now moves on while the page stays open.
        self._now_timer = QTimer(self)
        self._now_timer.setInterval(NOW_REFRESH_MS)
        self._now_timer.timeout.connect(self.follow_now)
        self._now_timer.start()
        self.go = QPushButton(self.tr("Show the &past"))
        self.go.setObjectName("travelButton")
        self.go.clicked.connect(self._go)
        self.now = QPushButton(self.tr("Back to &now"))
        self.now.setObjectName("nowButton")
        self.now.clicked.connect(self.back_to_now.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("Time tra&vel:"))
        caption.setBuddy(self.moment)
        self.slider.setAccessibleName(self.tr("Moment in the history"))
        layout.addWidget(caption)
        layout.addWidget(self.moment)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.go)
        layout.addWidget(self.now)
        self.show_moment(None)

    # --- what the page tells the bar ------------------------------------------------------------------
    def set_span(self, first: datetime | None, last: datetime | None) -> None:
        """The history's first and last event times; the bar keeps pointing at the moment on view."""
        self.first, self.last = first, last
        self.slider.setEnabled(first is not None)
        self.show_moment(self.viewing)

    def show_moment(self, moment: datetime | None) -> None:
        """Put the field and the slider on `moment` (None: now) without asking for another travel."""
        self._keys_rest.stop()
        self.viewing = moment
        self.follow_now()
        shown = moment if moment is not None else self.clock()
        self._place(shown)
        with QSignalBlocker(self.slider):
            self.slider.setValue(self.position_of(shown) if moment is not None else SLIDER_STEPS)
        self.slider.setAccessibleDescription(self.moment.dateTime().toString(MOMENT_FORMAT))

    def follow_now(self) -> None:
        """Keep the field's latest allowed moment at now (a moment still to come is no past), on the
        clock of the latest events if it is ahead of this computer's: synced from Tokyo to a computer
        in Europe, their times read past "now" here and the field cut them off (`chosen` stops at now)."""
        now = self.clock()
        latest = self.offset_at(self.last) if self.offset_at is not None and self.last is not None else None
        ahead = max(offset_minutes(now), latest if latest is not None else offset_minutes(now))
        with QSignalBlocker(self.moment):
            self.moment.setMaximumDateTime(
                QDateTime.fromMSecsSinceEpoch(int((now.timestamp() + 60 * ahead) * 1000), QTimeZone.utc()))

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self.follow_now()  # back on the page after a while: now has moved on

    # --- slider <-> moment ------------------------------------------------------------------------------
    def moment_at(self, value: int) -> datetime | None:
        """The moment a slider position stands for: its ends are the first and the last event exactly."""
        if self.first is None or self.last is None:
            return None
        if value <= 0:
            return self.first
        if value >= SLIDER_STEPS:
            return self.last
        return self.first + (self.last - self.first) * (value / SLIDER_STEPS)

    def position_of(self, moment: datetime) -> int:
        if self.first is None or self.last is None or moment >= self.last:
            return SLIDER_STEPS
        if moment <= self.first:
            return 0
        share = (moment - self.first) / (self.last - self.first)
        return min(SLIDER_STEPS - 1, max(1, round(share * SLIDER_STEPS)))  # the ends are the events alone

    def _stepped(self, value: int) -> None:
        if self.slider.isSliderDown():
            return  # a drag: sliderMoved follows it and the release travels
        self._slide(value)
        if self.first is not None:
            self._keys_rest.start()

    def _slide(self, value: int) -> None:
        moment = self.moment_at(value)
        if moment is None:
            return
        self._place(moment)
        self.slider.setAccessibleDescription(self.moment.dateTime().toString(MOMENT_FORMAT))

    def _place(self, moment: datetime) -> None:
        self._placing = True
        try:
            self.moment.setDateTime(self.wall_time(moment))
        finally:
            self._placing = False
        self._exact = moment

    def _typed(self, moment: QDateTime) -> None:
        self.slider.setAccessibleDescription(moment.toString(MOMENT_FORMAT))
        if not self._placing:
            self._exact = None  # the learner's own moment, to the second shown

    def chosen(self) -> datetime:
        """The moment to show: the slider's exact one, else the field's; never later than now."""
        typed = self._exact
        now = self.clock()
        if typed is None:
            wall = datetime.fromtimestamp(self.moment.dateTime().toSecsSinceEpoch(), UTC)
            typed = self._read_on_its_clock(wall, now)
        return min(typed, now)

    def _read_on_its_clock(self, wall: datetime, now: datetime) -> datetime:
        """The moment a typed wall-clock time names: read on the clock recorded then (its offset, then
        the offset at that moment), unless the learner's clock now read that time then too. After a
        flight west the new clock's hours were lived on the old one as well, and a time typed off a
        row of today's clock was read on the old one, half a day earlier. (Still a guess where two
        clocks read the time and neither is today's; the banner names the one taken.)"""
        guess = wall - timedelta(minutes=self.offset_of(wall))
        recorded = wall - timedelta(minutes=self.offset_of(guess))
        mine = wall - timedelta(minutes=offset_minutes(now))
        return mine if mine <= now and self.offset_of(mine) == offset_minutes(now) else recorded

    def offset_of(self, moment: datetime) -> int:
        """Minutes east of UTC of the learner's clock at `moment`: the one recorded with the events by
        then; after the last event (and with no history) the clock the learner reads now."""
        if self.offset_at is not None and self.last is not None and moment < self.last:
            recorded = self.offset_at(moment)
            if recorded is not None:
                return recorded
        return offset_minutes(self.clock())

    def wall_time(self, moment: datetime) -> QDateTime:
        """`moment` as the field holds it: the learner's wall-clock time then, labelled UTC."""
        shifted = moment.timestamp() + 60 * self.offset_of(moment)
        return QDateTime.fromMSecsSinceEpoch(int(shifted * 1000), QTimeZone.utc())

    def _go(self) -> None:
        self.follow_now()
        self.travel_requested.emit(self.chosen())


class PastWordsModel(QAbstractTableModel):
    """The past word list; each row's view is built when it is first shown (20,000 rows open at once)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.state: PastState | None = None
        self.rows: list[dict[str, Any]] = []
        self._views: dict[int, WordView] = {}

    def set_state(self, state: PastState | None) -> None:
        self.beginResetModel()
        self.state = state
        self.rows = state.live_rows if state is not None else []
        self._views = {}
        self.endResetModel()

    def word(self, row: int) -> WordView:
        view = self._views.get(row)
        if view is None and self.state is not None:
            view = self._views[row] = self.state.view(self.rows[row])
        return view  # type: ignore[return-value]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 6

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Word"), self.tr("Meaning"), self.tr("Repetitions"), self.tr("EF"),
                    self.tr("Interval"), self.tr("Next review"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        word = self.word(index.row())
        p = word.progress
        column = index.column()
        if column == 0:
            return word.text
        if column == 1:
            return word.meaning
        if p is None:
            return self.tr("new") if column == 5 else ""
        if column == 5:  # the study day the queue counted the review for then, as the word list says it
            day = self.state.due_days.get(word.word_id) if self.state is not None else None
            return day.isoformat() if day else p.next_review_date.astimezone().strftime("%Y-%m-%d")
        return (str(p.repetition_count), f"{p.easiness_factor:.2f}",
                self.tr("%Ln day(s)", "", p.interval_days))[column - 2]


class PastView(QWidget):
    """The collection at a past moment, clearly marked as the past; "compare with now" beside it."""

    compare_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: PastState | None = None
        self.banner = QLabel()
        self.banner.setObjectName("pastBanner")
        self.banner.setStyleSheet("QLabel#pastBanner { background: #6b4e16; color: white; padding: 8px;"
                                  " font-weight: bold; border-radius: 4px; }")
        self.banner.setWordWrap(True)  # cut off mid-word at a large font, or at the window's smallest
        self.summary = QLabel()
        self.summary.setObjectName("pastSummary")
        self.summary.setWordWrap(True)
        self.words = PastWordsModel(self)
        self.table = QTableView()
        self.table.setObjectName("pastWords")
        self.table.setAccessibleName(self.tr("Words at that moment"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it): no keyboard trap
        self.table.setModel(self.words)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        # the meaning takes the room left (it was the next review's, and 「ご飯（ごは…」 was cut at the
        # window's first size while a date sat in a wide column)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self._fit_headers()
        self.compare_button = QPushButton(self.tr("&Compare with now"))
        self.compare_button.setObjectName("compareButton")
        self.compare_button.clicked.connect(self.compare_requested.emit)
        self.changes = QListWidget()
        self.changes.setObjectName("comparisonList")
        self.changes.setAccessibleName(self.tr("What changed since then"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.changes)
        splitter.setSizes([400, 160])
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.compare_button)

    def _fit_headers(self) -> None:
        """Each column at least as wide as its title: at a large font "Repetitions" showed as "petitior"."""
        header, metrics = self.table.horizontalHeader(), self.table.horizontalHeader().fontMetrics()
        for section in range(self.words.columnCount()):
            title = str(self.words.headerData(section, Qt.Orientation.Horizontal))
            header.resizeSection(section, max(header.defaultSectionSize(),
                                              metrics.horizontalAdvance(title) + 4 * metrics.averageCharWidth()))

    def show_state(self, state: PastState, offset: int | None = None) -> None:
        """`offset`: minutes east of UTC of the learner's clock then, as the travel field shows the
        moment (named when it is not this computer's: the rows of a trip abroad are on its clock)."""
        self.state = state
        when = moment_text(state.moment, offset)
        self.banner.setText(self.tr("THE PAST — as of %1 (read-only). Nothing here can be changed.")
                            .replace("%1", when))
        t = state.totals
        summary = (self.tr("%1 · streak %2 · %3 (%4% correct) · %5 · scheduler %6") if t.answers else
                   self.tr("%1 · streak %2 · %3 · %5 · scheduler %6"))  # "0 answers (0% correct)" read as a score
        self.summary.setText(summary
                             .replace("%1", self.tr("%Ln word(s)", "", state.word_count))
                             .replace("%2", self.tr("%Ln day(s)", "", state.streak.current))
                             .replace("%3", self.tr("%Ln answer(s)", "", t.answers))  # "1 answers" read wrong
                             .replace("%4", str(round(t.accuracy * 100)))
                             .replace("%5", self.tr("%Ln session(s)", "", t.sessions_completed))
                             .replace("%6", scheduler_name(state.scheduler)))  # "SM-2", as elsewhere
        self.words.set_state(state)
        # FSRS then: no EF column (its schedules carry SM-2's starting 2.50, which read as every word's)
        self.table.setColumnHidden(EF_COLUMN, not has_easiness(state.scheduler))
        self.changes.clear()

    def show_comparison(self, comparison: Comparison) -> None:
        self.changes.clear()
        if comparison.is_empty:
            self.changes.addItem(self.tr("Nothing changed since then."))
            return
        summary = (self.tr("Since then: %1 added, %5 restored, %2 deleted, %3 edited, %4 with progress moved.")
                   if comparison.restored else
                   self.tr("Since then: %1 added, %2 deleted, %3 edited, %4 with progress moved."))
        lines = [summary.replace("%1", f"{len(comparison.added):,}")
                 .replace("%2", f"{len(comparison.deleted):,}")
                 .replace("%3", f"{len(comparison.edited):,}")
                 .replace("%4", f"{len(comparison.progress_moved):,}")
                 .replace("%5", f"{len(comparison.restored):,}")]
        # made as text and added at once, each sentence translated once: 19,000 items added one by one
        # (a sentence translated for each) held the window 0.3-0.4 s on five years
        added, restored, deleted = self.tr("Added since: %1"), self.tr("Restored since: %1"), \
            self.tr("Deleted since: %1")
        lines += [added.replace("%1", word.text) for word in comparison.added]
        lines += [restored.replace("%1", word.text) for word in comparison.restored]
        lines += [deleted.replace("%1", word.text) for word in comparison.deleted]
        edited, said = self.tr("Edited: %1 (%2)"), FieldChanges()
        lines += [edited.replace("%1", change.text).replace("%2", said.say(
            (k, old, new) for k, (old, new) in change.fields.items())) for change in comparison.edited]
        moved, interval_moved, due_moved, other = (self.tr("Progress: %1 (%2)"), self.tr("interval %1 → %2 d"),
                                                   self.tr("next review %1 → %2"), self.tr("schedule moved"))
        for change in comparison.progress_moved:
            interval = change.fields.get("interval_days")
            due = change.fields.get("next_review_date")
            if interval:
                detail = interval_moved.replace("%1", value_text(interval[0])).replace("%2", value_text(interval[1]))
            elif due:
                detail = due_moved.replace("%1", _date(due[0])).replace("%2", _date(due[1]))
            else:
                detail = other
            lines.append(moved.replace("%1", change.text).replace("%2", detail))
        self.changes.addItems(lines)


def _date(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d") if value is not None else "—"
