"""The filter bar: event type, free text, date range; a word or session chosen from the detail pane."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...projections.views import MAX_SEARCH
from ...timeline.describe import EVENT_TYPES, type_label
from ...timeline.entries import TimelineFilter
from ..search_field import SearchField
from ..style import screen_room

TYPING_PAUSE_MS = 300  # the search applies once the keys rest this long


def _row_width(widgets: tuple[QWidget, ...]) -> int:
    """The widgets' widths side by side (asked of each: a layout not yet shown says 0 for them)."""
    return sum(widget.sizeHint().width() + 6 for widget in widgets)

class FilterBar(QWidget):
    changed = Signal(object)  # a TimelineFilter

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.word_id: UUID | None = None
        self.session_id: UUID | None = None
        self.type_box = QComboBox()
        self.type_box.setObjectName("typeFilter")
        self.type_box.addItem(self.tr("All events"), None)
        for event_type in EVENT_TYPES:
            self.type_box.addItem(type_label(event_type, language), event_type)
        # as wide as a short kind, not the longest (its list opens wider): at a 20 pt font the longest
        # left the search field "Search wo…" and the dates no room
        self.type_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.type_box.setMinimumContentsLength(12)
        self.type_box.view().setMinimumWidth(self.type_box.view().sizeHintForColumn(0) + 24)
        self.text = SearchField()  # Ctrl+Z / Ctrl+Shift+Z reach the window's Undo and Redo when empty
        self.text.setMaxLength(MAX_SEARCH)  # longer, SQLite refused the word pattern ("too complex")
        self.text.setObjectName("textFilter")
        self.text.setPlaceholderText(self.tr("Search words or kinds of event…"))
        self.text.setClearButtonEnabled(True)
        self.text.setAccessibleName(self.tr("Search the timeline"))
        self.text.setMinimumWidth(self.text.fontMetrics().averageCharWidth() * 14)
        self.use_from = QCheckBox(self.tr("Fro&m"))
        self.use_from.setObjectName("fromEnabled")
        self.first = QDateEdit(QDate.currentDate().addMonths(-1))
        self.first.setObjectName("fromDate")
        self.use_to = QCheckBox(self.tr("&to"))
        self.use_to.setObjectName("toEnabled")
        self.last = QDateEdit(QDate.currentDate())
        self.last.setObjectName("toDate")
        self.first.setAccessibleName(self.tr("First day shown"))
        self.last.setAccessibleName(self.tr("Last day shown"))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.scope = QPushButton()
        self.scope.setObjectName("scopeChip")
        self.scope.setToolTip(self.tr("Click to show every word and session again"))
        self.scope.clicked.connect(self.clear_scope)
        self.scope.hide()
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        first_row, dates = QHBoxLayout(), QHBoxLayout()
        first_row.addWidget(self.type_box)
        first_row.addWidget(self.text, 1)
        for control in (self.use_from, self.first, self.use_to, self.last, self.scope):
            dates.addWidget(control)
        rows.addLayout(first_row)
        room = screen_room(self)
        if room is not None and _row_width((self.type_box, self.text, self.use_from, self.first, self.use_to,
                                            self.last)) > room.width() * 2 // 3:
            # a large font: the dates on a line of their own (on one line at 20 pt, the search field said
            # "Search wo…" and the dates were cut)
            dates.addStretch(1)
            rows.addLayout(dates)
        else:
            first_row.addLayout(dates)
        self.type_box.currentIndexChanged.connect(self._emit)
        # as you type, once the keys rest (as the Words page filters); Enter at once. It applied on Enter
        # only, with nothing to say so, and looked broken beside the Words page's filter.
        self._typed = QTimer(self)
        self._typed.setSingleShot(True)
        self._typed.setInterval(TYPING_PAUSE_MS)
        self._typed.timeout.connect(self._emit)
        self.text.returnPressed.connect(self._emit)
        self.text.textChanged.connect(self._text_changed)
        for box in (self.use_from, self.use_to):
            box.toggled.connect(self._emit)
        # a date changed is a date meant: its box is ticked (the change did nothing with the box clear,
        # and the list still said "53 of 53 events" under the day chosen)
        self.first.dateChanged.connect(lambda: self._date_changed(self.use_from))
        self.last.dateChanged.connect(lambda: self._date_changed(self.use_to))

    def _date_changed(self, box: QCheckBox) -> None:
        if box.isChecked():
            self._emit()
        else:
            box.setChecked(True)  # its toggled signal applies the filter

    def set_word(self, word_id: UUID | None, label: str = "") -> None:
        self.word_id, self.session_id = word_id, None
        self._show_scope(self.tr("Word: %1 ✕").replace("%1", label) if word_id else "")
        self._emit()

    def set_session(self, session_id: UUID | None) -> None:
        self.session_id, self.word_id = session_id, None
        self._show_scope(self.tr("This session ✕") if session_id else "")
        self._emit()

    def clear_scope(self) -> None:
        self.word_id = self.session_id = None
        self._show_scope("")
        self._emit()

    def _show_scope(self, text: str) -> None:
        self.scope.setText(text)
        self.scope.setVisible(bool(text))

    def current(self) -> TimelineFilter:
        event_type = self.type_box.currentData()
        return TimelineFilter(
            event_types=(event_type,) if event_type else (),
            word_id=self.word_id, session_id=self.session_id,
            first_day=_day(self.first.date()) if self.use_from.isChecked() else None,
            last_day=_day(self.last.date()) if self.use_to.isChecked() else None,
            text=self.text.text().strip())

    def inverted_range(self) -> bool:
        """Both dates in use and the start after the end: no day can match."""
        return self.use_from.isChecked() and self.use_to.isChecked() and self.first.date() > self.last.date()

    def _emit(self, *_args: object) -> None:
        self._typed.stop()
        self.changed.emit(self.current())

    def _text_changed(self, text: str) -> None:
        if text:
            self._typed.start()
        else:
            self._emit()


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
