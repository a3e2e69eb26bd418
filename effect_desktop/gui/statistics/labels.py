"""Axis labels that Qt Charts does not cut to "…": every k-th category, k as small as the chart's width
allows; and on a value axis, as many ticks as its height allows.

Qt Charts gives every label of a category axis the same room (the axis's
width over the number of labels plus one) and cuts a longer one to "…", so a
fixed number of labels read "36…" in a card at the window's first size and
"… … …" at 800 pixels. The labels are chosen again whenever the plot area changes width.
A label is measured as Qt Charts measures it, as a text item with its margins,
a few pixels wider than the font's advance: measured by the advance, "366+"
still read "36…" at the window's first size.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCharts import QCategoryAxis, QChart, QValueAxis
from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QGraphicsTextItem

GAP = 8.0  # pixels between neighbouring labels
PADDING = 4.0  # Qt Charts' padding on each side of an axis label, out of its room (its labelPadding)
TEXT_MARGIN = 0.5  # Qt Charts' document margin around a label's text (its textMargin)
FIRST_WIDTH = 300.0  # the plot's width assumed until the chart is laid out (a half card at 800 px)


class _LabelBox:
    """A label's box as Qt Charts measures it: a text item (never shown) with its margins."""

    def __init__(self) -> None:
        self._item = QGraphicsTextItem()
        self._item.document().setDocumentMargin(TEXT_MARGIN)

    def width(self, font: QFont, text: str) -> float:
        self._item.setFont(font)
        self._item.setHtml(text)
        return self._item.boundingRect().width()


def _text(items: list[Any]) -> list[str]:
    return [str(item) for item in items]


Marks = Sequence[tuple[float, Any]]  # (value on the axis, item a label is made of)
FEWEST_LABELS = 3  # fewer of the marks fit: the coarser marks are taken, if they give as many


class FittedLabels(QObject):
    """Owned by the chart; labels `axis` from `marks` (value, item), item turned to text by `label`
    (which sees the chosen items together, so it can add a year where the year changes). With
    `bars`, each label stands under its bar (at value i, the bar's slot from i - 0.5 to i + 0.5).
    `coarser` (marks, label): taken where fewer than FEWEST_LABELS of `marks` fit (two years of
    months in a narrow card: one "2027年10月", where "2026 2027" tell more)."""

    def __init__(self, chart: QChart, axis: QCategoryAxis, marks: Marks,
                 label: Callable[[list[Any]], list[str]] = _text, bars: bool = False,
                 from_last: bool = False, coarser: tuple[Marks, Callable[[list[Any]], list[str]]] | None = None
                 ) -> None:
        super().__init__(chart)
        self.chart = chart
        self.axis, self.bars = axis, bars
        self.sets = [(list(marks), label)] + ([(list(coarser[0]), coarser[1])] if coarser else [])
        self.marks, self.label = self.sets[0]
        self.from_last = from_last  # count every k-th from the last mark (the latest month), not the first
        self.every = 0
        self.shown: list[tuple[float, str]] = []  # the labels the axis holds
        self._box = _LabelBox()
        self.fit(FIRST_WIDTH)
        chart.plotAreaChanged.connect(lambda area: self.fit(QRectF(area).width()))

    def chosen(self, every: int, *, skip_first: bool = False) -> list[tuple[float, str]]:
        """Every k-th mark; a histogram's last band is always among them (if it fits, see `fits`): it
        is the open one, "366+", that says where the scale ends. `skip_first`: without the first of
        them, labelled as the rest alone (the year then goes on the next month)."""
        picked = self.marks[len(self.marks) - 1::-every][::-1] if self.from_last else self.marks[::every]
        if self.bars and picked and picked[-1] is not self.marks[-1]:
            picked = [*picked, self.marks[-1]]
        if skip_first:
            picked = picked[1:]
        return list(zip([value for value, _ in picked], self.label([item for _, item in picked]), strict=True))

    def label_width(self, text: str) -> float:
        """The width Qt Charts gives `text` before cutting it: its text item's, margins included."""
        return self._box.width(self.axis.labelsFont(), text)

    def in_view(self, every: int, width: float) -> list[tuple[float, str]]:
        """The labels placed, less a first one reaching past the axis's left end, which Qt Charts hides:
        counted from the latest period, the first mark often stands on the axis's start (a day's
        label there left every step that reached it refused, and 7 days showed two dates)."""
        placed = self.placed(every)
        span = self.axis.max() - self.axis.min()
        if self.bars or not placed or span <= 0 or width <= 0:
            return placed
        first, text = placed[0]
        if (first - self.axis.min()) * width / span < self.label_width(text) / 2:
            return self.chosen(every, skip_first=True)  # (no shift: that is a bar's, and bars stay inside)
        return placed

    def fits(self, every: int, width: float) -> bool:
        """As Qt Charts lays a category axis out: each label gets the axis's (the plot's) width over
        the number of labels plus one, less padding on each side, and is cut to "…" if wider; a label
        reaching past the axis's left end is hidden (a bar's label stays inside); and neighbours
        must not overlap."""
        span = self.axis.max() - self.axis.min()
        if span <= 0 or width <= 0:
            return True
        placed = [(value, self.label_width(text)) for value, text in self.in_view(every, width)]
        if not placed:
            return False
        if max(w for _, w in placed) > width / (len(placed) + 1) - 2 * PADDING:
            return False
        return all((b - a) * width / span >= (wa + wb) / 2 + GAP
                   for (a, wa), (b, wb) in zip(placed, placed[1:], strict=False))

    def _last_in_view(self, every: int, width: float) -> None:
        """Room at the chart's right for the last label, centred on a value near the axis's end: the
        latest month read "Mar 202" on the time-studied chart (no axis on its right to give room).
        The margin only grows (a narrower plot moves the label nearer the end again)."""
        placed = self.placed(every)
        span = self.axis.max() - self.axis.min()
        if self.bars or not placed or span <= 0:
            return
        value, text = placed[-1]
        overflow = self.label_width(text) / 2 - (self.axis.max() - value) * width / span
        margins = self.chart.margins()
        needed = math.ceil(overflow) + 2
        if needed > margins.right():
            margins.setRight(needed)
            self.chart.setMargins(margins)

    def placed(self, every: int) -> list[tuple[float, str]]:
        """The labels at the values they are appended at (centred ones at their slot's end)."""
        shift = 0.5 if self.bars and every == 1 else 0.0
        return [(value + shift, text) for value, text in self.chosen(every)]

    def _best(self, width: float) -> int:
        return next((k for k in range(1, len(self.marks) + 1) if self.fits(k, width)), max(1, len(self.marks)))

    def fit(self, width: float) -> None:
        if width <= 0:
            return
        choice, every, labels = 0, 1, -1
        for index, (marks, label) in enumerate(self.sets):  # the finer marks first; coarser ones if too few
            self.marks, self.label = marks, label
            k = self._best(width)
            count = len(self.in_view(k, width))
            if count > labels or (index and count == labels):  # as many: the coarser read more simply
                choice, every, labels = index, k, count
            if count >= FEWEST_LABELS:
                break
        self.marks, self.label = self.sets[choice]
        self._last_in_view(every, width)
        self.every = every
        shown = self.in_view(every, width)
        if shown == self.shown:
            return
        self.shown = shown
        for text in self.axis.categoriesLabels():
            self.axis.remove(text)
        centred = self.bars and every == 1  # each label centred in its bar's slot, between grid lines
        self.axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionCenter if centred
                                    else QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for value, text in shown:
            self.axis.append(text, value)


LABEL_SLACK = 8.0  # pixels a value axis needs beyond a line per label (measured: Qt Charts' padding)


class FittedTicks(QObject):
    """Owned by the chart; sets `axis`'s tick interval to the first of `steps` (finest first) whose
    labels fit the plot's height. Qt Charts gives each label of a vertical axis the plot's height over
    the number of labels and cuts a taller one to "…": at a 16 pt font six labels on a 100-pixel
    plot all read "…"."""

    def __init__(self, chart: QChart, axis: QValueAxis, steps: Sequence[float]) -> None:
        super().__init__(chart)
        self.axis, self.steps = axis, list(steps)
        axis.setTickInterval(self.steps[0])
        chart.plotAreaChanged.connect(lambda area: self.fit(QRectF(area).height()))

    def fits(self, step: float, height: float) -> bool:
        labels = round((self.axis.max() - self.axis.min()) / step) + 1
        return labels * QFontMetricsF(self.axis.labelsFont()).height() + LABEL_SLACK <= height

    def fit(self, height: float) -> None:
        if height <= 0:
            return
        step = next((step for step in self.steps if self.fits(step, height)), self.steps[-1])
        if step != self.axis.tickInterval():
            self.axis.setTickInterval(step)
