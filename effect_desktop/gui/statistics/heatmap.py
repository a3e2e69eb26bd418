"""The calendar heatmap: one square per day of the last year (or of a calendar year), darker for more answers.

Qt Charts has no calendar chart, so this is painted by hand with the
palette's colours (the same base and highlight the charts use); the days of
the current streak get an outline. The squares shrink with the card (down to
a size still easy to point at), so the whole year fits the window's default
width: at a fixed size the grid pushed the page into scrolling sideways and
the most recent weeks, the ones a learner looks for, were out of sight.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ...statistics.figures import Heatmap
from .palette import chart_colors

LEVELS = 5
LARGEST, SMALLEST = 16, 8  # the pitch of a day's square (square and gap), in pixels
LEGEND = 13  # the key's squares


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
                           a.blueF() + (b.blueF() - a.blueF()) * t)


class CalendarHeatmap(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarHeatmap")
        self.figure: Heatmap | None = None
        self._measures: tuple[tuple[str, str], QPoint, int] | None = None  # see _measured
        self._painting: tuple[QPoint, int, int, date] | None = None  # see paintEvent
        self.setMouseTracking(True)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_figure(self, figure: Heatmap) -> None:
        self.figure = figure
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def describe(self) -> str:
        """The year in one line, for a screen reader: squares and tooltips reach no one who cannot see them."""
        if self.figure is None:
            return ""
        answers = self.figure.answers
        parts = [self.tr("Days with answers: {0}").format(len(answers)),
                 self.tr("Answers: {0}").format(sum(answers.values()))]
        if answers:
            busiest = max(answers, key=lambda day: (answers[day], day))
            parts.append(self.tr("Busiest day: {0}").format(self._day_answers(busiest)))
        days = self.figure.streak_days
        parts.append(self.tr("Current streak: %Ln day(s)", "", days) if days else self.tr("No current streak"))
        return " · ".join(parts)

    def _day_answers(self, day: date) -> str:
        assert self.figure is not None
        when = self.locale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
        return self.tr("%1: %Ln answer(s)", "", self.figure.answers.get(day, 0)).replace("%1", when)

    # --- geometry --------------------------------------------------------------------------
    def _origin(self) -> QPoint:
        return QPoint(self._measured()[0])

    def _first_monday(self) -> date:
        assert self.figure is not None
        return self.figure.first - timedelta(days=self.figure.first.weekday())

    def _weeks(self) -> int:
        return 53 if self.figure is None else (self.figure.last - self._first_monday()).days // 7 + 1

    def _measured(self) -> tuple[QPoint, int]:
        """(origin, smallest pitch) for the font and language now, measured once for them: a paint asked
        for them per square and per label, 1,200 font measurements a paint (0.5 s of a frozen window
        while a replay ran beside it)."""
        key = (self.font().key(), self.locale().name())
        if self._measures is None or self._measures[0] != key:
            origin = QPoint(self.fontMetrics().horizontalAdvance("Wed") + 8, self.fontMetrics().height() + 6)
            self._measures = (key, origin, max(SMALLEST, math.ceil((self.weekday_ink_height() + 2) / 2)))
        return self._measures[1], self._measures[2]

    def _smallest(self) -> int:
        """The smallest pitch: 8 pixels, or half the weekday names' height if more, so the names on every
        second row keep to their rows (at 14-16 pt "Mon" and "Wed" ran into each other). Their ink's
        height, not the font's line: a font with a tall line (Noto Sans, the default on many systems)
        made the calendar wider than the window's smallest, and the page scrolled sideways."""
        return self._measured()[1]

    def weekday_ink_height(self) -> int:
        """How tall the weekday names on the left are drawn (in this language's short names)."""
        names = "".join(self.locale().dayName(weekday, QLocale.FormatType.ShortFormat) for weekday in (1, 3, 5))
        return self.fontMetrics().tightBoundingRect(names).height()

    def _pitch_for(self, width: int) -> int:
        room = width - self._origin().x() - 8
        smallest = self._smallest()
        return max(smallest, min(max(LARGEST, smallest), room // self._weeks()))

    def pitch(self) -> int:
        """Square plus gap for the current width."""
        return self._pitch_for(self.width())

    def cell_size(self) -> int:
        pitch = self.pitch()
        return pitch - (3 if pitch >= 12 else 2)

    def _cell(self, day: date) -> QRect:
        origin, pitch, size, monday = self._painting or (self._origin(), self.pitch(), self.cell_size(),
                                                         self._first_monday())
        offset = (day - monday).days
        return QRect(origin.x() + (offset // 7) * pitch, origin.y() + (offset % 7) * pitch, size, size)

    def _width_at(self, pitch: int) -> int:
        return self._origin().x() + self._weeks() * pitch + 8

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._origin().y() + 7 * self._pitch_for(width) + self.fontMetrics().height() + 12

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def sizeHint(self) -> QSize:  # noqa: N802
        width = self._width_at(max(LARGEST, self._smallest()))
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        width = self._width_at(self._smallest())
        return QSize(width, self.heightForWidth(width))

    def resizeEvent(self, event: object) -> None:  # noqa: N802
        """The height follows the squares' size: the layout asks again when the width changes."""
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.height() != self.heightForWidth(self.width()):
            self.updateGeometry()

    def level(self, answers: int) -> int:
        """0 for no answers, else 1..LEVELS-1 relative to the busiest day of the year."""
        assert self.figure is not None
        most = max(self.figure.answers.values(), default=0)
        if not answers or not most:
            return 0
        return min(LEVELS - 1, 1 + (answers * (LEVELS - 1) - 1) // most)

    def day_at(self, pos: QPoint) -> date | None:
        if self.figure is None:
            return None
        origin, pitch = self._origin(), self.pitch()
        column, row = (pos.x() - origin.x()) // pitch, (pos.y() - origin.y()) // pitch
        if column < 0 or not 0 <= row < 7:
            return None
        day = self._first_monday() + timedelta(days=column * 7 + row)
        return day if self.figure.first <= day <= self.figure.last else None

    # --- painting -----------------------------------------------------------------------------
    def paintEvent(self, event: object) -> None:  # noqa: N802
        if self.figure is None:
            return
        # the geometry once for the whole paint, not once a square
        self._painting = (self._origin(), self.pitch(), self.cell_size(), self._first_monday())
        try:
            self._paint()
        finally:
            self._painting = None

    def _paint(self) -> None:
        assert self.figure is not None
        colors = chart_colors()
        figure = self.figure
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        empty = _mix(palette.color(QPalette.ColorRole.Base), text, 0.08)
        shades = [empty] + [_mix(empty, colors.primary, (i + 1) / (LEVELS - 1)) for i in range(LEVELS - 1)]
        locale = self.locale()
        painter.setPen(text)
        origin = self._origin()
        for row, weekday in ((0, 1), (2, 3), (4, 5)):
            painter.drawText(self.weekday_rect(row), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             locale.dayName(weekday, QLocale.FormatType.ShortFormat))
        for x, name in self.month_labels():
            painter.drawText(QPoint(x, origin.y() - 6), name)
        day = figure.first
        while day <= figure.last:
            painter.fillRect(self._cell(day), shades[self.level(figure.answers.get(day, 0))])
            day += timedelta(days=1)
        if figure.streak_first is not None and figure.streak_last is not None:
            painter.setPen(QPen(colors.streak, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            day = max(figure.streak_first, figure.first)
            while day <= min(figure.streak_last, figure.last):  # a past year shows the run's start only
                painter.drawRect(self._cell(day).adjusted(-1, -1, 1, 1))
                day += timedelta(days=1)
        self._legend(painter, shades, colors.streak, text)
        painter.end()

    def weekday_rect(self, row: int) -> QRect:
        """Where a weekday's name goes: two rows high (it names every second row), centred on its row."""
        origin, pitch = self._origin(), self.pitch()
        middle = origin.y() + row * pitch + self.cell_size() // 2
        return QRect(0, middle - pitch, origin.x() - 4, 2 * pitch)

    def month_labels(self) -> list[tuple[int, str]]:
        """(x, short month name) above the first column of each month. The partial month the grid
        starts in is named only if its name ends before the next month's (a range starting late
        in November printed "NovDec")."""
        if self.figure is None:
            return []
        metrics, locale = self.fontMetrics(), self.locale()
        labels = []
        day = self.figure.first
        while day <= self.figure.last:
            name = locale.monthName(day.month, QLocale.FormatType.ShortFormat)
            following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
            room = self._cell(following).x() - self._cell(day).x()
            if day.day == 1 or room >= metrics.horizontalAdvance(name) + 4:
                labels.append((self._cell(day).x(), name))
            day = following
        return labels

    def _legend(self, painter: QPainter, shades: list[QColor], streak: QColor, text: QColor) -> None:
        assert self.figure is not None
        metrics, pitch, cell = self.fontMetrics(), LEGEND + 3, LEGEND  # a key stays readable at any width
        y = self._origin().y() + 7 * self.pitch() + 6
        x = self._origin().x()
        painter.setPen(text)
        less = self.tr("Less")
        painter.drawText(QPoint(x, y + cell - 2), less)
        x += metrics.horizontalAdvance(less) + 6
        for shade in shades:
            painter.fillRect(QRect(x, y, cell, cell), shade)
            x += pitch
        more = self.tr("More")
        painter.drawText(QPoint(x + 3, y + cell - 2), more)
        x += metrics.horizontalAdvance(more) + 24
        painter.setPen(QPen(streak, 2))
        painter.drawRect(QRect(x, y, cell, cell))
        painter.setPen(text)
        days = self.figure.streak_days
        painter.drawText(QPoint(x + cell + 6, y + cell - 2),
                         self.tr("Current streak: %Ln day(s)", "", days) if days else self.tr("No current streak"))

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and self.figure is not None:
            day = self.day_at(event.pos())
            if day is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self._day_answers(day), self)
            return True
        return super().event(event)
