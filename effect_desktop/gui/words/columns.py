"""The word table's columns share its width: proportional text columns, fitted small ones.

A stretched meaning column alone took only what the fixed word, category and
tags columns left, and was squeezed to "very lo…" in a small window while the
word column kept its 150 pixels. Here the word, meaning, category and tags
columns get shares of the width (the meaning the largest), and the difficulty
and next-review (or deletion day) columns the width of their header and values. The user may
still drag any column; the shares apply again when the table's width changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QStyle, QTableView

SHARES = {0: 3, 1: 4, 2: 2, 3: 2}  # word, meaning, category, tags
FITTED = (4, 5)  # difficulty, next review (deleted: the day): the width of their header or a sample value
MIN_SHARED = 48  # below this a column shows only "…"


class ColumnSharer(QObject):
    """Watches the table's viewport and shares its width among the columns when it changes."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self._width = -1
        table.viewport().installEventFilter(self)
        table.model().headerDataChanged.connect(self.refit)  # "Deleted" for "Next review"
        self.share()

    def refit(self) -> None:
        """A column's title changed: the widths are shared again, at the same table width."""
        self._width = -1
        self.share()

    def fitted_width(self, column: int) -> int:
        """Room for the header (with its sort arrow) or the widest sample value."""
        model = self.table.model()
        header = self.table.horizontalHeader()
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        style = header.style()
        # the arrow and margins are the style's pixels, not the font's: two font heights took 74 pixels
        # at 20 pt, and "Difficulty" was wider than the word column
        chrome = (style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize)
                  + 4 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin))
        return max(header.fontMetrics().horizontalAdvance(title) + chrome, self.values_width(column))

    def values_width(self, column: int) -> int:
        metrics = self.table.fontMetrics()
        samples = ("5",) if column == 4 else ("0000-00-00", QCoreApplication.translate("WordTableModel", "due now"))
        return max(metrics.horizontalAdvance(sample) for sample in samples) + metrics.height()

    def share(self) -> None:
        width = self.table.viewport().width()
        if width == self._width or width <= 0:
            return
        self._width = width
        fitted = {column: self.fitted_width(column) for column in FITTED}
        if sum(fitted.values()) > width // 3:
            # a large font: the word and its meaning come first; a header wider than its values is cut
            # ("Diffic…", whole in its tooltip) rather than the words ("accompli…")
            fitted = {column: max(self.values_width(column), min(fit, width // 8)) for column, fit in fitted.items()}
        room = max(0, width - sum(fitted.values()))
        total = sum(SHARES.values())
        for column, share in SHARES.items():
            self.table.setColumnWidth(column, max(MIN_SHARED, room * share // total))
        for column, fitted_width in fitted.items():
            self.table.setColumnWidth(column, fitted_width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self.share()
        return super().eventFilter(watched, event)
