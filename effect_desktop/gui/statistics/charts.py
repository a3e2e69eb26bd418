"""Qt Charts for the figures: a chart view per figure, rebuilt from plain figure data.

Each builder returns a new `QChart` (cheap: the figures are small and
pre-aggregated), styled from the palette by `style_chart`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

from PySide6.QtCharts import (
    QAreaSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ...statistics.figures import Granularity, Period
from .palette import chart_colors, style_chart


def chart_view(parent: QWidget | None = None) -> QChartView:
    view = QChartView(parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view


def _ms(day: date) -> float:
    return datetime.combine(day, time(12)).timestamp() * 1000


def _nice_max(value: float) -> float:
    """A round axis maximum at or above `value` (at least 1)."""
    if value <= 1:
        return 1
    step = 10 ** (len(str(int(value))) - 1)
    for factor in (1, 2, 2.5, 5, 10):
        if value <= step * factor:
            return step * factor
    return value


def _date_axis(periods: Sequence[Period], granularity: Granularity) -> QDateTimeAxis:
    axis = QDateTimeAxis()
    axis.setFormat("MMM yyyy" if granularity is Granularity.MONTH else "d MMM")
    axis.setTickCount(min(8, max(2, len(periods))))
    if periods:
        axis.setRange(datetime.combine(periods[0].start, time(12)), datetime.combine(periods[-1].start, time(12)))
    return axis


def _area(name: str, points: Sequence[tuple[float, float]], color: QColor) -> tuple[QAreaSeries, QLineSeries]:
    upper = QLineSeries()
    for x, y in points:
        upper.append(x, y)
    area = QAreaSeries(upper)
    area.setName(name)
    fill = QColor(color)
    fill.setAlphaF(0.45)
    area.setBrush(fill)
    area.setPen(QPen(color, 1.5))
    return area, upper


def activity_chart(periods: Sequence[Period], granularity: Granularity, answers_name: str,
                   accuracy_name: str) -> QChart:
    """Answers per period (area) and accuracy in percent (line, right axis)."""
    chart = QChart()
    colors = chart_colors()
    area, _ = _area(answers_name, [(_ms(p.start), p.answers) for p in periods], colors.primary)
    accuracy = QLineSeries()
    accuracy.setName(accuracy_name)
    accuracy.setPen(QPen(colors.accuracy, 2))
    for p in periods:
        if p.accuracy is not None:
            accuracy.append(_ms(p.start), round(100 * p.accuracy, 1))
    chart.addSeries(area)
    chart.addSeries(accuracy)
    x = _date_axis(periods, granularity)
    left = QValueAxis()
    left.setRange(0, _nice_max(max((p.answers for p in periods), default=0)))
    left.setLabelFormat("%d")
    right = QValueAxis()
    right.setRange(0, 100)
    right.setLabelFormat("%d%%")
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
    for series, y in ((area, left), (accuracy, right)):
        series.attachAxis(x)
        series.attachAxis(y)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
    style_chart(chart)
    return chart


def minutes_chart(periods: Sequence[Period], granularity: Granularity, name: str) -> QChart:
    chart = QChart()
    area, _ = _area(name, [(_ms(p.start), p.minutes) for p in periods], chart_colors().time)
    chart.addSeries(area)
    x = _date_axis(periods, granularity)
    y = QValueAxis()
    y.setRange(0, _nice_max(max((p.minutes for p in periods), default=0)))
    y.setLabelFormat("%g")
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    area.attachAxis(x)
    area.attachAxis(y)
    chart.legend().hide()
    style_chart(chart)
    return chart


def bar_chart(name: str, labels: Sequence[str], counts: Sequence[int], color: QColor | None = None) -> QChart:
    """One bar per label: the histograms and the forecast."""
    chart = QChart()
    bars = QBarSet(name)
    bars.append([float(c) for c in counts])
    bars.setColor(color or chart_colors().primary)
    bars.setBorderColor(color or chart_colors().primary)
    series = QBarSeries()
    series.append(bars)
    series.setBarWidth(0.8)
    chart.addSeries(series)
    x = QBarCategoryAxis()
    x.append(list(labels))
    y = QValueAxis()
    y.setRange(0, _nice_max(max(counts, default=0)))
    y.setLabelFormat("%d")
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    chart.legend().hide()
    style_chart(chart)
    return chart
