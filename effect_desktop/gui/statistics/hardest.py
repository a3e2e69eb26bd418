"""The hardest words: a table whose rows open the word's history (double-click or Enter)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ...projections.statistics_queries import HardWordRow

WORD_ID_ROLE = Qt.ItemDataRole.UserRole


class HardestWordsTable(QTableWidget):
    def __init__(self, on_open_word: Callable[[UUID], object] | None, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("hardestWords")
        self.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it): no keyboard trap
        self.on_open_word = on_open_word
        self.setHorizontalHeaderLabels([self.tr("Word"), self.tr("Meaning"), self.tr("Lapses"), self.tr("Reviews"),
                                        self.tr("Easiness")])
        # the order is the lapses', then the reviews' of words never answered right: a row with no lapse
        # above one with a lapse would look like a wrong order without them
        for column, tip in ((2, self.tr("Times forgotten: a miss once the word was learned (SM-2), or after its "
                                        "first review (FSRS)")),
                            (3, self.tr("Reviews so far; a word not yet answered right at a review is "
                                        "listed after the lapses, by its reviews"))):
            header_item = self.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setToolTip(tip)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)  # fitted, up to a cap (_fit_words)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.setWordWrap(False)  # a word wider than its column ends in "…" on its one line
        for column in (2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setMinimumHeight(200)
        if on_open_word is not None:
            self.setToolTip(self.tr("Double-click a word (or press Enter) to open its history"))
        self.activated.connect(lambda index: self.open_row(index.row()))

    def set_words(self, words: Sequence[HardWordRow]) -> None:
        self.setRowCount(len(words))
        for row, word in enumerate(words):
            cells = [word.text, word.meaning, str(word.lapses), str(word.reviews), f"{word.easiness_factor:.2f}"]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(WORD_ID_ROLE, str(word.word_id))
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(row, column, item)
        self._fit_words()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_words()

    def _fit_words(self) -> None:
        """The Word column as wide as its words, up to a third of the table: sized to its content alone, one
        long word (200 characters are allowed) pushed Meaning and the figures behind a sideways scroll bar."""
        header = self.horizontalHeader()
        cap = max(self.viewport().width() // 3, header.sectionSizeHint(0))
        header.resizeSection(0, min(max(self.sizeHintForColumn(0), header.sectionSizeHint(0)), cap))

    def word_id(self, row: int) -> UUID | None:
        item = self.item(row, 0)
        return UUID(item.data(WORD_ID_ROLE)) if item is not None else None

    def open_row(self, row: int) -> None:
        word_id = self.word_id(row)
        if word_id is not None and self.on_open_word is not None:
            self.on_open_word(word_id)
