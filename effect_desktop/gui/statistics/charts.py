"""Qt Charts for the figures: a chart view per figure, rebuilt from plain figure data.

Each builder returns a new `QChart` (cheap: the figures are small and
pre-aggregated), styled from the palette by `style_chart`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time

from PySide6.QtCharts import (
    QAbstractAxis,
    QAreaSeries,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
    QXYSeries,
)
from PySide6.QtCore import QDate, QLocale, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ...statistics.figures import Granularity, Period
from .labels import FittedLabels, FittedTicks
from .palette import chart_colors, new_chart, style_chart

MAX_AREA_POINTS = 250  # an area's points at most (see `envelope`)
MAX_LINE_PIECES = 24  # pieces of the accuracy line before it is drawn as dots
MAX_ACCURACY_POINTS = 120  # accuracy points at most: beyond, neighbouring periods are pooled (see `pooled`)
MIN_HEIGHT = 220  # pixels, at the usual font sizes
MIN_LINES = 12  # a larger font: the chart's height in lines of its text, so a plot still has room for its numbers


def chart_view(parent: QWidget | None = None) -> QChartView:
    """A view at least 220 pixels tall, or twelve lines of the font when that is more: at a 16 pt
    font a fixed 220 left the plot 100 pixels, and Qt Charts cut every number on the axis to "…"."""
    view = QChartView(parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(max(MIN_HEIGHT, round(MIN_LINES * QFontMetricsF(view.font()).lineSpacing())))
    # A chart answers no key, so Tab passes it by; a screen reader still finds it by its card's title.
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return view


def replace_chart(view: QChartView, chart: QChart) -> None:
    """Show `chart` in `view` and free the one it showed (the view only releases it)."""
    old = view.chart()
    view.setChart(chart)
    if old is not None:
        old.deleteLater()


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


def count_axis(chart: QChart, maximum: float, label_format: str = "%d") -> QValueAxis:
    """A value axis from 0 with round, whole-number ticks (no "0 0 1 1" on small counts), as many as
    the plot's height has room for (see FittedTicks)."""
    axis = QValueAxis()
    top = _nice_max(maximum)
    axis.setRange(0, top)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    if top >= 5:  # five steps, else four, two or one, of a whole number each
        steps = [top / parts for parts in (5, 4, 2, 1) if float(top / parts).is_integer()]
    else:
        steps = [1.0, float(top)] if top > 1 else [1.0]
    axis.setLabelFormat(label_format)
    FittedTicks(chart, axis, steps)
    return axis


def percent_axis(chart: QChart) -> QValueAxis:
    """0 to 100 %, by 25, 50 or 100 as the plot's height allows."""
    axis = QValueAxis()
    axis.setRange(0, 100)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setLabelFormat("%d%%")
    FittedTicks(chart, axis, [25.0, 50.0, 100.0])
    return axis


def _date_axis(chart: QChart, periods: Sequence[Period], granularity: Granularity) -> QDateTimeAxis | QCategoryAxis:
    """Years at their first day over three new years or more; months at theirs when grouped by month,
    or over a third of a year by day or week (the years where two new years leave room for too few
    months); else the periods' own first days. Each as many labels as fit whole, every k-th from the
    latest, so the steps are even
    and stand on the days the points do (evenly spaced times fell between days, 6, 6, 5 and 6 days
    apart, and a year by month read "2025/11 2026/1 2026/5 2026/8", 2026/1 on the 31st of January)."""
    if not periods:  # nothing answered: an empty axis, without the dates of its empty range ("01-01-1970")
        axis = QDateTimeAxis()
        axis.setTickCount(2)
        axis.setLabelsVisible(False)
        return axis
    first, last = periods[0].start, periods[-1].start
    if len(_year_starts(first, last)) >= 3:
        return _year_axis(chart, first, last)
    if granularity is Granularity.MONTH or (last - first).days > 120:
        return _month_axis(chart, first, last)
    return _day_axis(chart, [period.start for period in periods])


def _category_range(axis: QCategoryAxis, first: date, last: date) -> None:
    """The axis from the first point to the last; half a day either side of a lone one (a range of
    nothing has no room for its label)."""
    low, high = _ms(first), _ms(last)
    if low == high:
        low, high = low - 43_200_000, high + 43_200_000
    axis.setRange(low, high)
    axis.setStartValue(low)


def day_labels(days: Sequence[date]) -> list[str]:
    japanese = QLocale().language() == QLocale.Language.Japanese
    return [QLocale().toString(QDate(day.year, day.month, day.day), "M/d" if japanese else "d MMM") for day in days]


def _day_axis(chart: QChart, days: Sequence[date]) -> QCategoryAxis:
    """Days or weeks apart: a label at each period's first day that fits, counted from the latest."""
    axis = QCategoryAxis()
    _category_range(axis, days[0], days[-1])
    FittedLabels(chart, axis, [(_ms(day), day) for day in days], label=day_labels, from_last=True)
    return axis


def _year_starts(first: date, last: date) -> list[date]:
    return [date(year, 1, 1) for year in range(first.year, last.year + 1) if first <= date(year, 1, 1) <= last]


def _year_axis(chart: QChart, first: date, last: date) -> QCategoryAxis:
    """Years apart: each new year that fits, named by its number alone ("2023"), at its first day."""
    axis = QCategoryAxis()
    _category_range(axis, first, last)
    FittedLabels(chart, axis, [(_ms(day), str(day.year)) for day in _year_starts(first, last)], from_last=True)
    return axis


def _month_starts(first: date, last: date) -> list[date]:
    starts, day = [], date(first.year, first.month, 1)
    while day <= last:
        if day >= first:
            starts.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return starts


def month_labels(months: Sequence[date]) -> list[str]:
    """Month names, with the year on the first one and wherever the year changes (and on a month
    named a second time): a year's axis read "11月 … 11月" with no year to tell them apart."""
    japanese = QLocale().language() == QLocale.Language.Japanese
    labels: list[str] = []
    named: set[str] = set()
    for index, month in enumerate(months):
        day = QDate(month.year, month.month, 1)
        short = QLocale().toString(day, "M月" if japanese else "MMM")
        if index == 0 or month.year != months[index - 1].year or short in named:
            labels.append(QLocale().toString(day, "yyyy年M月" if japanese else "MMM yyyy"))
        else:
            labels.append(short)
        named.add(short)
    return labels


def _month_axis(chart: QChart, first: date, last: date) -> QCategoryAxis:
    """Months apart (a year by week, or by month): a label at the start of each month that fits."""
    axis = QCategoryAxis()
    _category_range(axis, first, last)
    years = [(_ms(day), str(day.year)) for day in _year_starts(first, last)]
    FittedLabels(chart, axis, [(_ms(month), month) for month in _month_starts(first, last)], label=month_labels,
                 from_last=True, coarser=(years, lambda items: [str(item) for item in items]) if len(years) >= 2
                 else None)
    return axis


def envelope(points: Sequence[tuple[float, float]], limit: int) -> list[tuple[float, float]]:
    """At most `limit` points: consecutive ones taken together, each group as its first x and its
    largest y. Five years by day are 1,800 points for a plot a few hundred pixels wide; studied every
    other day, the area was a polygon of 1,800 spikes that took 2 s to paint, at every repaint, for
    detail no pixel could show. The outline of the peaks stays."""
    if len(points) <= limit:
        return list(points)
    size = -(-len(points) // limit)
    return [(points[i][0], max(y for _, y in points[i:i + size])) for i in range(0, len(points), size)]


def _area(name: str, points: Sequence[tuple[float, float]], color: QColor) -> tuple[QAreaSeries, QLineSeries]:
    upper = QLineSeries()
    upper.replace([QPointF(x, y) for x, y in envelope(points, MAX_AREA_POINTS)])
    area = QAreaSeries(upper)
    upper.setParent(area)  # the area series does not own its boundary line; keep it alive with it
    area.setName(name)
    fill = QColor(color)
    fill.setAlphaF(0.45)
    area.setBrush(fill)
    area.setPen(QPen(color, 1.5))
    return area, upper


def pooled(periods: Sequence[Period], limit: int) -> tuple[list[tuple[float, Period]], int]:
    """At most `limit` accuracy points, each at the middle of the periods it pools (their answers and
    correct ones summed), and how many periods a point holds (the oldest point up to twice as many).
    Five years by day drew 1,800 dots of daily accuracy, a band from 40% to 100% in which no trend
    could be seen; the accuracy of a fortnight's answers shows where it went."""
    if len(periods) <= limit:
        return [(_ms(p.start), p) for p in periods], 1
    size = -(-len(periods) // limit)
    # counted from the newest: a group of leftovers at the end made today alone a "4 days" point, and
    # the line ended in a drop or a spike early in the day
    groups = [periods[max(0, end - size):end] for end in range(len(periods), 0, -size)][::-1]
    if len(groups) > 1 and len(groups[0]) < size:  # the oldest leftovers join the next group: alone, one
        groups[:2] = [[*groups[0], *groups[1]]]    # day at 0% drew a dip the key ("9 days a point") denied
    return [((_ms(group[0].start) + _ms(group[-1].start)) / 2,
             Period(group[0].start, sum(p.answers for p in group), sum(p.correct for p in group), 0.0))
            for group in groups], size


def activity_chart(periods: Sequence[Period], granularity: Granularity, answers_name: str,
                   accuracy_name: str, pooled_name: Callable[[int], str] | None = None) -> QChart:
    """Answers per period (area) and accuracy in percent (line, right axis).

    The accuracy line stops where a period has no answers and starts again after it: drawn across
    a month without study, it showed an accuracy for days nobody answered. A period with answers
    alone between two without is a dot; with more than MAX_LINE_PIECES pieces, each period is a dot
    (a series a piece: hundreds of them took seconds to paint). Beyond MAX_ACCURACY_POINTS periods
    the accuracy is that of n periods together, and `pooled_name(n)` names it so in the legend."""
    chart = new_chart()
    colors = chart_colors()
    area, _ = _area(answers_name, [(_ms(p.start), p.answers) for p in periods], colors.primary)
    chart.addSeries(area)
    points, size = pooled(periods, MAX_ACCURACY_POINTS)
    if size > 1 and pooled_name is not None:
        accuracy_name = pooled_name(size)
    runs = _answered_runs(points)
    lines: list[QXYSeries] = []
    if len(runs) > MAX_LINE_PIECES:  # study on scattered days: one dot a period (a line a run took 2 s to paint)
        dots = QScatterSeries()
        dots.setName(accuracy_name)
        dots.setColor(colors.accuracy)
        dots.setBorderColor(colors.accuracy)
        dots.setMarkerSize(5)
        dots.replace([QPointF(x, round(100 * (p.accuracy or 0), 1)) for run in runs for x, p in run])
        chart.addSeries(dots)
        lines.append(dots)
    for run in [] if lines else runs or [[]]:  # no answers at all: an empty line still names the accuracy
        line = QLineSeries()
        line.setName(accuracy_name)
        line.setPen(QPen(colors.accuracy, 2))
        line.setPointsVisible(len(points) <= 60 or len(run) == 1)
        line.replace([QPointF(x, round(100 * (p.accuracy or 0), 1)) for x, p in run])
        chart.addSeries(line)
        lines.append(line)
    x = _date_axis(chart, periods, granularity)
    left = count_axis(chart, max((p.answers for p in periods), default=0))
    right = percent_axis(chart)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
    area.attachAxis(x)
    area.attachAxis(left)
    for piece in lines:
        piece.attachAxis(x)
        piece.attachAxis(right)
    for piece in lines[1:]:  # one key for the accuracy, however many pieces its line is in
        for marker in chart.legend().markers(piece):
            marker.setVisible(False)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
    style_chart(chart)
    return chart


def _answered_runs(points: Sequence[tuple[float, Period]]) -> list[list[tuple[float, Period]]]:
    """The periods with answers, in runs of neighbours."""
    runs: list[list[tuple[float, Period]]] = []
    previous_answered = False
    for point in points:
        answered = point[1].accuracy is not None
        if answered:
            if previous_answered:
                runs[-1].append(point)
            else:
                runs.append([point])
        previous_answered = answered
    return runs


def unit_fits_axis(unit: str) -> bool:
    """Whether a value axis can print `unit` beside its numbers: Qt Charts formats its labels
    through Latin-1, so "分" came out as "10 ?". Otherwise the unit goes in the card's title."""
    try:
        unit.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def minutes_chart(periods: Sequence[Period], granularity: Granularity, name: str, unit: str) -> QChart:
    """Minutes per period; each value on the axis carries the `unit` ("10 分"): without it the axis
    was a bare number, and an axis title standing on its side was drawn as "⋮" in a card's height."""
    chart = new_chart()
    area, _ = _area(name, [(_ms(p.start), p.minutes) for p in periods], chart_colors().time)
    chart.addSeries(area)
    x = _date_axis(chart, periods, granularity)
    label_format = "%g " + unit.replace("%", "%%") if unit_fits_axis(unit) else "%g"
    y = count_axis(chart, max((p.minutes for p in periods), default=0), label_format)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    area.attachAxis(x)
    area.attachAxis(y)
    chart.legend().hide()
    style_chart(chart)
    return chart


def _bars(name: str, counts: Sequence[int], color: QColor | None) -> QBarSeries:
    bars = QBarSet(name)
    bars.append([float(c) for c in counts])
    bars.setColor(color or chart_colors().primary)
    bars.setBorderColor(color or chart_colors().primary)
    series = QBarSeries()
    series.append(bars)
    series.setBarWidth(0.8)
    return series


def _finish(chart: QChart, series: QBarSeries, x: QAbstractAxis, counts: Sequence[int], x_title: str) -> QChart:
    x.setTitleText(x_title)
    y = count_axis(chart, max(counts, default=0))
    chart.addSeries(series)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    chart.legend().hide()
    style_chart(chart)
    return chart


def bar_chart(name: str, labels: Sequence[str], counts: Sequence[int], x_title: str,
              color: QColor | None = None) -> QChart:
    """One bar per label: the histograms. Every bar is labelled when the labels fit side by side,
    else every second (third…) one and the last, as the chart's width allows (see FittedLabels): at
    a fixed twelve, "366+" read "36…" at the window's first size and "…" at 800 pixels. Upright: turned
    sideways, Qt Charts cut each one to "…"."""
    chart = new_chart()
    x = QCategoryAxis()
    x.setRange(-0.5, len(labels) - 0.5)
    x.setStartValue(-0.5)
    font = QFont(x.labelsFont())
    font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
    x.setLabelsFont(font)
    FittedLabels(chart, x, [(float(index), label) for index, label in enumerate(labels)], bars=True)
    return _finish(chart, _bars(name, counts, color), x, counts, x_title)


def day_bar_chart(name: str, counts: Sequence[int], x_title: str, color: QColor | None = None) -> QChart:
    """One bar per day from today (0) on: the forecast. A value axis labels every fifth day."""
    x = QValueAxis()
    x.setRange(-0.5, len(counts) - 0.5)
    x.setTickType(QValueAxis.TickType.TicksDynamic)
    x.setTickAnchor(0)
    x.setTickInterval(5)
    x.setLabelFormat("%d")
    return _finish(new_chart(), _bars(name, counts, color), x, counts, x_title)
