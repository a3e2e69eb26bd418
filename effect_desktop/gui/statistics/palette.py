"""Chart colours from the application palette, so light and dark themes both read well."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCharts import QChart
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ..style import accent_color, is_dark, success_color


@dataclass(frozen=True)
class ChartColors:
    primary: QColor  # answers, reviews: the palette's highlight
    accuracy: QColor
    time: QColor
    streak: QColor
    background: QColor
    text: QColor
    grid: QColor


def chart_colors() -> ChartColors:
    palette = QApplication.palette()
    dark = is_dark()
    return ChartColors(
        primary=accent_color(),
        accuracy=success_color(),
        time=QColor("#d2a8ff") if dark else QColor("#8250df"),
        streak=QColor("#ffa657") if dark else QColor("#bc4c00"),
        background=palette.color(QPalette.ColorRole.Base),
        text=palette.color(QPalette.ColorRole.WindowText),
        grid=palette.color(QPalette.ColorRole.Mid),
    )


def new_chart() -> QChart:
    """A chart with the Qt Charts theme matching the palette (set first: a theme resets series colours)."""
    chart = QChart()
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if is_dark() else QChart.ChartTheme.ChartThemeLight)
    return chart


def style_chart(chart: QChart) -> None:
    """The palette's own background, text and grid colours on a filled chart."""
    colors = chart_colors()
    chart.setBackgroundBrush(colors.background)
    chart.setBackgroundRoundness(0)
    chart.legend().setLabelColor(colors.text)
    chart.setMargins(chart.margins().__class__(4, 4, 4, 4))
    for axis in chart.axes():
        axis.setLabelsColor(colors.text)
        axis.setGridLineColor(colors.grid)
        axis.setLinePenColor(colors.grid)
