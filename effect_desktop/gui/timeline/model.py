"""The timeline as a Qt model: rows fetched page by page, a header row before each day.

Qt asks `canFetchMore`/`fetchMore` as the view scrolls, so only the pages
scrolled into view are ever read: scrolling a million events costs what
scrolling the first few thousand does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ...timeline.describe import describe, learner_time
from ...timeline.entries import TimelineEntry, TimelineFilter
from ...timeline.service import Timeline

PAGE = 200
EntryRole = Qt.ItemDataRole.UserRole + 1
IsDayRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class _Row:
    day: str
    entry: TimelineEntry | None  # None: the day's header


class TimelineModel(QAbstractItemModel):
    def __init__(self, timeline: Timeline, language: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self.timeline = timeline
        self.language = language
        self.filter = TimelineFilter()
        self._rows: list[_Row] = []
        self._next: int | None = None
        self._more = True
        self._day_counts: dict[str, int] = {}
        self._shown: dict[str, int] = {}  # entries loaded per day (what a filter lets through so far)

    # --- filtering and paging ---------------------------------------------------------------------
    def set_filter(self, timeline_filter: TimelineFilter) -> None:
        self.filter = timeline_filter
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows, self._next, self._more = [], None, True
        self._shown = {}
        self._day_counts = {d.day: d.events for d in self.timeline.queries.days()}
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if parent.isValid() or not self._more:
            return
        page = self.timeline.page(self.filter, self._next, PAGE)
        new: list[_Row] = []
        last_day = self._rows[-1].day if self._rows else None
        for entry in page.entries:
            if entry.day != last_day:
                new.append(_Row(entry.day, None))
                last_day = entry.day
            new.append(_Row(entry.day, entry))
        self._next, self._more = page.next_before, page.next_before is not None
        continued = self._rows[-1].day if self._rows else None
        for entry in page.entries:
            self._shown[entry.day] = self._shown.get(entry.day, 0) + 1
        if new:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(new) - 1)
            self._rows.extend(new)
            self.endInsertRows()
        if continued is not None and page.entries and page.entries[0].day == continued:
            header = next(i for i in range(len(self._rows) - len(new) - 1, -1, -1) if self._rows[i].entry is None)
            self.dataChanged.emit(self.index(header, 1), self.index(header, 1))  # its count grew

    def fetch_all_until(self, position: int) -> int | None:
        """Fetch pages until the entry at `position` is loaded; its row, or None if filtered out."""
        while True:
            row = self.row_of(position)
            if row is not None:
                return row
            if not self._more or (self._rows and self._last_position() < position):
                return None
            self.fetchMore(QModelIndex())

    def _last_position(self) -> int:
        for row in reversed(self._rows):
            if row.entry is not None:
                return row.entry.position
        return 0

    def row_of(self, position: int) -> int | None:
        for i, row in enumerate(self._rows):
            if row.entry is not None and row.entry.position == position:
                return i
        return None

    def entry_at(self, row: int) -> TimelineEntry | None:
        return self._rows[row].entry if 0 <= row < len(self._rows) else None

    @property
    def loaded_entries(self) -> int:
        return sum(1 for r in self._rows if r.entry is not None)

    # --- the model interface ------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._rows)) or not (0 <= column < 2):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 2

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Time"), self.tr("What happened"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == IsDayRole:
            return row.entry is None
        if role == EntryRole:
            return row.entry
        if row.entry is None:
            if role == Qt.ItemDataRole.DisplayRole:
                if index.column() == 0:
                    return _day_label(row.day, self.language)
                count = self._day_counts.get(row.day, 0)
                if self.filter.is_empty:
                    return self.tr("%n event(s) that day", "", count)
                return self.tr("{0} of %n event(s) that day", "", count).format(self._shown.get(row.day, 0))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        entry = row.entry
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return learner_time(entry.at, entry.utc_offset_minutes).strftime("%H:%M:%S")
            return describe(entry, self.language)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{entry.event_type} #{entry.position}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].entry is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _day_label(day: str, language: str) -> str:
    """"2026-11-27 (Fri)", the weekday in the interface's language ("(金)" in Japanese)."""
    try:
        weekday = date.fromisoformat(day).isoweekday()
    except ValueError:
        return day
    return f"{day} ({QLocale(language).dayName(weekday, QLocale.FormatType.ShortFormat)})"
