"""The timeline as a Qt model: rows fetched page by page, a header row before each day.

Qt asks `canFetchMore`/`fetchMore` as the view scrolls, so only the pages
scrolled into view are ever read: scrolling a million events costs what
scrolling the first few thousand does. With a `reader` (the window's
background reads), the next page is read off the GUI thread and its
rows added when it comes: on five compacted years a filter's page of events far
apart takes a moment to read (and after a sync every event's page does), and Qt's
`fetchMore` is synchronous.

What one action did to many words (an import of 300 words, a delete of 40) is
one row, "Added 300 words in one go: …", whose events open beneath it, also
page by page: a row per word drowned the rest of that day.

The rows are Qt's own items, their texts written once as a page comes: a tree
view lays out every row it holds after each page, and through a model in Python
that cost a Python call per row and per question (0.3 s a page at 24,000 rows,
growing on as the learner scrolled back).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from ...timeline.describe import GROUPED_TYPES, describe, describe_group, learner_time
from ...timeline.entries import TimelineEntry, TimelineFilter
from ...timeline.service import Timeline

PAGE = 200
EntryRole = Qt.ItemDataRole.UserRole + 1
IsDayRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
# (work, on_result, on_failure): runs `work` off the GUI thread, then one of the two on it
Reader = Callable[[Callable[[], "PageRead"], Callable[["PageRead"], None], Callable[[Exception], None]], None]


GROUP_MIN = 10  # a run of this many of one action's word events is one row
CHILD_PAGE = 200
SAMPLES = 3  # words named in a group's line


@dataclass
class _Group:
    """One action's run of word events: every position (newest first), the entries loaded so far."""

    positions: list[int]
    entries: list[TimelineEntry]
    samples: list[TimelineEntry]  # its first few events, oldest first: the words the line names

    @functools.cached_property
    def members(self) -> frozenset[int]:
        return frozenset(self.positions)


@dataclass(frozen=True)
class _Run:
    """Events of one page in a row: a group's (with `samples`; `positions` may go on below the page) or
    events shown alone (no samples)."""

    entries: list[TimelineEntry]
    positions: list[int] = field(default_factory=list)
    samples: list[TimelineEntry] | None = None


@dataclass(frozen=True)
class PageRead:
    """A page of the list as read, before it becomes rows; `after` is where the next page starts."""

    runs: list[_Run]
    after: int | None


@dataclass(frozen=True)
class FirstPage:
    """What a list shows first: every day's event count (its headers) and the first page."""

    day_counts: dict[str, int]
    page: PageRead


@dataclass(frozen=True)
class _Row:
    day: str
    entry: TimelineEntry | None  # None: the day's header; a group's newest entry
    group: _Group | None = None


def _run_key(entry: TimelineEntry) -> tuple[str, Any] | None:
    if entry.event_type in GROUPED_TYPES and entry.correlation_id is not None:
        return entry.event_type, entry.correlation_id
    return None


class TimelineModel(QStandardItemModel):
    fetching_changed = Signal(bool)  # a page is being read in the background (True), or came (False)
    fetch_failed = Signal(object)  # the exception a background page read ended in

    def __init__(self, timeline: Timeline, language: str = "en", parent: Any = None) -> None:
        super().__init__(0, 2, parent)
        self.timeline = timeline
        self.language = language
        self.filter = TimelineFilter()
        self.reader: Reader | None = None  # the page's background reads (None: every page read here)
        self.wants_rows: Callable[[], bool] = lambda: True  # whether the view shows the end of the list
        self._fetch: object | None = None  # the background read of the next page under way (its token)
        self._rows: list[_Row] = []
        self._next: int | None = None
        self.start_before: int | None = None  # the list starts below this position (None: at the newest)
        self._row_at: dict[int, int] = {}  # position -> its top-level row, for the events shown alone
        self._group_rows: list[int] = []  # the top-level rows that stand for a group
        self._more = True
        self._day_counts: dict[str, int] = {}
        self._shown: dict[str, int] = {}  # entries loaded per day (what a filter lets through so far)

    # --- filtering and paging ---------------------------------------------------------------------
    def set_filter(self, timeline_filter: TimelineFilter) -> None:
        self.filter = timeline_filter
        self.start_before = None
        self.reload()

    def show_from(self, before: int | None) -> None:
        """The list from just below `before` (None: from the newest event)."""
        self.start_before = before
        self.reload()

    def reload(self) -> None:
        self.show(self.filter, self.read_first(self.filter, self.start_before), self.start_before)

    def read_first(self, timeline_filter: TimelineFilter, before: int | None = None) -> FirstPage:
        """What a list under this filter first shows: the days' event counts and the first page. Reads
        only (no model state): a page runs it off the GUI thread and hands the result to `show`."""
        return FirstPage({d.day: d.events for d in self.timeline.queries.days()},
                         self.read_page(timeline_filter, before))

    def show(self, timeline_filter: TimelineFilter, first: FirstPage, before: int | None = None) -> None:
        """The list under `timeline_filter` from just below `before`, its first page read by `read_first`."""
        self.filter = timeline_filter
        self.start_before = before
        self.beginResetModel()
        self._rows, self._next, self._more = [], before, True
        self._stop_fetching()  # a page still being read for the rows replaced is dropped when it comes
        self._row_at = {}
        self._group_rows = []
        self._shown = {}
        self._day_counts = first.day_counts
        with _quiet(self):  # one reset for the views, not a removal of every row first
            self.setRowCount(0)
        self.endResetModel()
        self._add(first.page)

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        if not parent.isValid():
            return self._more and self._fetch is None  # (a page under way: its rows come by themselves)
        group = self._group_of(parent)
        return group is not None and len(group.entries) < len(group.positions)

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if parent.isValid():
            self._fetch_children(parent)
            return
        if not self._more or self._fetch is not None:
            return
        # Qt's tree view asks for more each time it lays out its rows, wherever it is scrolled: a page
        # read in the background is laid out after it comes, so that read every page of the filter one
        # after the other, down to the end of five years (and every refresh read pages nobody scrolled
        # to). Only a view at (or near) the end gets more.
        if not self.wants_rows():
            return
        if self.reader is None:  # a page without the window: read here
            self._add(self.read_page(self.filter, self._next))
            return
        # every event's next page too: it lies right below the last, but after a sync on a profile of
        # 136,000 words it took 0.2 s a page, the window frozen each time the learner scrolled
        self._fetch_in_background()

    @property
    def fetching(self) -> bool:
        """Whether the next page is being read in the background."""
        return self._fetch is not None

    def _fetch_in_background(self) -> None:
        """The next page under the filter read off the GUI thread; its rows added when it comes, unless
        the list was replaced meanwhile (a filter change, a refresh) or read on here (a jump)."""
        assert self.reader is not None
        token = self._fetch = object()
        timeline_filter, before = self.filter, self._next

        def arrived(page: PageRead) -> None:
            if self._fetch is not token:  # the rows it was read for are gone
                return
            self._stop_fetching()
            self._add(page)

        def failed(error: Exception) -> None:
            if self._fetch is not token:
                return
            self._stop_fetching()
            self._more = False  # the list ends here, and says why: scrolling on retried it each time
            self.fetch_failed.emit(error)

        self.fetching_changed.emit(True)
        self.reader(lambda: self.read_page(timeline_filter, before), arrived, failed)

    def _stop_fetching(self) -> None:
        if self._fetch is not None:
            self._fetch = None
            self.fetching_changed.emit(False)

    def fetch_now(self) -> None:
        """The next page read on this thread (a jump needs its rows now); one under way is dropped."""
        self._stop_fetching()
        if self._more:
            self._add(self.read_page(self.filter, self._next))

    def read_page(self, timeline_filter: TimelineFilter, before: int | None) -> PageRead:
        """The page below `before`, cut into runs: one action's run of word events long enough to be a
        group (with every position it goes on to below the page, and the words its line names), or
        events shown alone. Reads only, as `read_first`."""
        page = self.timeline.page(timeline_filter, before, PAGE)
        entries, after = page.entries, page.next_before
        runs: list[_Run] = []
        start = 0
        while start < len(entries):
            key = _run_key(entries[start])
            end = start + 1
            while key is not None and end < len(entries) and _run_key(entries[end]) == key:
                end += 1
            run = entries[start:end]
            positions = [entry.position for entry in run]
            if key is not None and end == len(entries) and after is not None:  # it may go on below
                positions += self.timeline.queries.run_below(timeline_filter, run[-1].position, *key)
            if key is not None and len(positions) >= GROUP_MIN:
                first = positions[-SAMPLES:]  # the action's first words (an import's first lines)
                samples = ([e for e in reversed(run) if e.position in first] if len(positions) == len(run)
                           else self.timeline.queries.entries_at(first))
                runs.append(_Run(run, positions, samples[:SAMPLES]))
                if len(positions) > len(run):
                    after = positions[-1]  # the next page starts below the run
            else:
                runs.append(_Run(run))
            start = end
        return PageRead(runs, after)

    def _add(self, page: PageRead) -> None:
        """A page read by `read_page` added below the rows the list holds."""
        new: list[_Row] = []
        last_day = self._rows[-1].day if self._rows else None
        for run in page.runs:
            if run.samples is not None:
                day = run.entries[0].day
                if day != last_day:
                    new.append(_Row(day, None))
                    last_day = day
                new.append(_Row(day, run.entries[0], _Group(run.positions, list(run.entries), run.samples)))
                self._shown[day] = self._shown.get(day, 0) + len(run.positions)
            else:
                for entry in run.entries:
                    if entry.day != last_day:
                        new.append(_Row(entry.day, None))
                        last_day = entry.day
                    new.append(_Row(entry.day, entry))
                    self._shown[entry.day] = self._shown.get(entry.day, 0) + 1
        entries = [entry for run in page.runs for entry in run.entries]
        after = page.after
        continued = self._rows[-1].day if self._rows else None
        self._next, self._more = after, after is not None
        if new:
            start_row = len(self._rows)
            self._rows.extend(new)
            for row, shown in enumerate(new, start=start_row):
                if shown.group is not None:
                    self._group_rows.append(row)
                elif shown.entry is not None:
                    self._row_at[shown.entry.position] = row
            items = [self._items(shown) for shown in new]
            self.insertRows(start_row, len(new))  # one insertion for the views; the cells filled quietly
            with _quiet(self):
                for row, cells in enumerate(items, start=start_row):
                    for column, item in enumerate(cells):
                        self.setItem(row, column, item)
            self.dataChanged.emit(self.index(start_row, 0), self.index(start_row + len(new) - 1, 1))
        if continued is not None and entries and entries[0].day == continued:
            header = next(i for i in range(len(self._rows) - len(new) - 1, -1, -1) if self._rows[i].entry is None)
            cell = self.item(header, 1)
            if cell is not None:
                cell.setText(self._day_count(self._rows[header].day))  # its count grew

    def _fetch_children(self, parent: Index) -> None:
        group = self._group_of(parent)
        if group is None or len(group.entries) >= len(group.positions):
            return
        loaded = len(group.entries)
        wanted = group.positions[loaded:loaded + CHILD_PAGE]
        fetched = sorted(self.timeline.queries.entries_at(wanted), key=lambda e: -e.position)
        if not fetched:  # gone meanwhile (a rebuild): nothing more to show
            group.positions = group.positions[:loaded]
            return
        holder = self.item(parent.row(), 0)
        group.entries.extend(fetched)
        if holder is not None:
            for entry in fetched:
                holder.appendRow(self._entry_items(entry))

    def _group_of(self, index: Index) -> _Group | None:
        if not index.isValid() or index.parent().isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        return self._rows[index.row()].group

    def fetch_all_until(self, position: int) -> QModelIndex | None:
        """Fetch pages (and a group's events) until the entry at `position` is loaded; its index in
        the "What happened" column, or None if the filter leaves it out."""
        while True:
            found = self.index_of(position)
            if found is not None:
                return found
            if not self._more or (self._rows and self._last_position() < position):
                return None
            self.fetch_now()

    def index_of(self, position: int) -> QModelIndex | None:
        alone = self._row_at.get(position)
        if alone is not None:
            return self.index(alone, 1)
        for i in self._group_rows:  # (few: one per bulk action)
            row = self._rows[i]
            if row.group is not None and position in row.group.members:
                parent = self.index(i, 0)
                while not any(e.position == position for e in row.group.entries):
                    loaded = len(row.group.entries)
                    self._fetch_children(parent)
                    if len(row.group.entries) == loaded:  # gone meanwhile (a rebuild elsewhere)
                        return None
                child = next(n for n, e in enumerate(row.group.entries) if e.position == position)
                return self.index(child, 1, parent)
        return None

    def lowest_position(self) -> int | None:
        """The oldest event the list holds so far (None: none)."""
        return self._last_position() if self._rows else None

    def _last_position(self) -> int:
        for row in reversed(self._rows):
            if row.group is not None:
                return row.group.positions[-1]
            if row.entry is not None:
                return row.entry.position
        return 0

    def row_of(self, position: int) -> int | None:
        """The top-level row showing this event (alone, not inside a group)."""
        return self._row_at.get(position)

    def entry_at(self, row: int) -> TimelineEntry | None:
        """The event a top-level row shows alone (None for a day header or a group)."""
        if not 0 <= row < len(self._rows) or self._rows[row].group is not None:
            return None
        return self._rows[row].entry

    def is_group(self, index: Index) -> bool:
        return self._group_of(index) is not None

    def group_size(self, index: Index) -> int:
        group = self._group_of(index)
        return len(group.positions) if group is not None else 0

    # --- the rows as items ---------------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 2:
            return (self.tr("Time"), self.tr("What happened"))[section]
        return None

    def _items(self, row: _Row) -> list[QStandardItem]:
        if row.entry is None:
            return self._day_items(row.day)
        if row.group is not None:
            return self._group_items(row.entry, row.group)
        return self._entry_items(row.entry)

    def _day_items(self, day: str) -> list[QStandardItem]:
        font = QFont()
        font.setBold(True)
        cells = [QStandardItem(day_label(day, self.language)), QStandardItem(self._day_count(day))]
        for cell in cells:
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren)
            cell.setFont(font)
            cell.setData(True, IsDayRole)
        return cells

    def _day_count(self, day: str) -> str:
        count = self._day_counts.get(day, 0)
        if self.filter.is_empty:
            return self.tr("%Ln event(s) that day", "", count)
        return self.tr("{0} of %Ln event(s) that day", "", count).format(QLocale().toString(self._shown.get(day, 0)))

    def _entry_items(self, entry: TimelineEntry) -> list[QStandardItem]:
        cells = [QStandardItem(learner_time(entry.at, entry.utc_offset_minutes).strftime("%H:%M:%S")),
                 QStandardItem(describe(entry, self.language))]
        tip = f"{entry.event_type} #{entry.position}"
        for cell in cells:
            cell.setFlags(_SELECTABLE | Qt.ItemFlag.ItemNeverHasChildren)
            cell.setData(entry, EntryRole)
            cell.setData(False, IsDayRole)
            cell.setToolTip(tip)
        return cells

    def _group_items(self, newest: TimelineEntry, group: _Group) -> list[QStandardItem]:
        cells = [QStandardItem(learner_time(newest.at, newest.utc_offset_minutes).strftime("%H:%M:%S")),
                 QStandardItem(describe_group(newest, len(group.positions), group.samples, self.language))]
        tip = self.tr("%Ln event(s) of one action: open the row to list them", "", len(group.positions))
        for cell in cells:
            cell.setFlags(_SELECTABLE)
            cell.setData(False, IsDayRole)
            cell.setToolTip(tip)
        for entry in group.entries:  # its events loaded so far, beneath it (the rest when it is opened)
            cells[0].appendRow(self._entry_items(entry))
        return cells


_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


@contextmanager
def _quiet(model: QStandardItemModel) -> Iterator[None]:
    """The model's signals held back while it fills or empties cells the views are told of at once."""
    blocked = model.blockSignals(True)
    try:
        yield
    finally:
        model.blockSignals(blocked)


def day_label(day: str, language: str) -> str:
    """"2026-11-27 (Fri)", the weekday in the interface's language ("(金)" in Japanese)."""
    try:
        weekday = date.fromisoformat(day).isoweekday()
    except ValueError:
        return day
    return f"{day} ({QLocale(language).dayName(weekday, QLocale.FormatType.ShortFormat)})"
