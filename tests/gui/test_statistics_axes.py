"""Chart axes read in full: the study time's unit, a year's months with their year, histogram bands."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCharts import QCategoryAxis, QChart, QChartView, QValueAxis
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFontMetricsF

from effect_desktop.gui.statistics.charts import bar_chart, minutes_chart, month_labels
from effect_desktop.statistics.figures import Granularity, Period

INTERVALS = ["1", "2", "4", "8", "15", "31", "61", "121", "181", "366+"]


@pytest.fixture
def japanese():  # type: ignore[no-untyped-def]
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    yield
    QLocale.setDefault(before)


def _shown(qtbot, chart: QChart, width: int) -> QChartView:  # type: ignore[no-untyped-def]
    view = QChartView(chart)
    qtbot.addWidget(view)
    view.resize(width, 230)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: chart.plotArea().width() > 0)
    return view


def _x(chart: QChart) -> QCategoryAxis:
    axis = chart.axes(Qt.Orientation.Horizontal)[0]
    assert isinstance(axis, QCategoryAxis)
    return axis


def _fit_their_room(chart: QChart) -> list[str]:
    """Qt Charts gives each category label the plot's width over the labels plus one; wider ones
    are cut to "…"."""
    axis = _x(chart)
    labels = axis.categoriesLabels()
    metrics = QFontMetricsF(axis.labelsFont())
    room = chart.plotArea().width() / (len(labels) + 1)
    assert max(metrics.horizontalAdvance(label) for label in labels) <= room, (labels, room)
    return labels


def _year(weeks: int = 52) -> list[Period]:
    return [Period(start=date(2024, 11, 25) + timedelta(weeks=w), answers=3, correct=2, minutes=4.0)
            for w in range(weeks + 1)]


def test_the_study_time_axis_carries_its_unit(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The axis title (the unit) stood on its side and was drawn as "⋮"."""
    chart = minutes_chart(_year(), Granularity.WEEK, "minutes", "min")
    y = chart.axes(Qt.Orientation.Vertical)[0]
    assert isinstance(y, QValueAxis)
    assert y.titleText() == "" and y.labelFormat() == "%g min"
    # Qt Charts prints its labels through Latin-1: "分" came out as "10 ?", so it goes in the card's title
    japanese = minutes_chart(_year(), Granularity.WEEK, "分", "分")
    assert japanese.axes(Qt.Orientation.Vertical)[0].labelFormat() == "%g"
    other = minutes_chart(_year(), Granularity.WEEK, "minutes", "100%")
    assert other.axes(Qt.Orientation.Vertical)[0].labelFormat() == "%g 100%%"  # a percent sign is no format


def test_a_year_names_its_months_with_the_year_where_it_changes(qtbot, japanese) -> None:  # type: ignore[no-untyped-def]
    """A year by week read "11月 1月 … 9月 11月": no year, and November twice."""
    for width in (430, 300):  # a card at the window's first size, and at 800 pixels
        chart = minutes_chart(_year(), Granularity.WEEK, "分", "分")
        view = _shown(qtbot, chart, width)  # noqa: F841 (the view owns the chart)
        labels = _fit_their_room(chart)
        assert len(labels) >= 2 and labels[-1] == "11月", labels  # the latest month is always named
        assert labels[0].startswith("2024年") or labels[0].startswith("2025年"), labels
        years = [label[:4] for label in labels if "年" in label]
        if labels[0].startswith("2024年"):
            assert "2025" in years, "the year is named again where it changes"
        assert len(set(labels)) == len(labels)


def test_a_month_seen_twice_is_told_apart_by_its_year(qtbot, japanese) -> None:  # type: ignore[no-untyped-def]
    assert month_labels([date(2024, 11, 1), date(2025, 1, 1), date(2025, 3, 1), date(2025, 11, 1)]) == [
        "2024年11月", "2025年1月", "3月", "2025年11月"]
    chart = minutes_chart(_year(), Granularity.WEEK, "分", "分")
    view = _shown(qtbot, chart, 2000)  # noqa: F841 (the view owns the chart)
    labels = _fit_their_room(chart)
    assert len(labels) >= 6 and labels[0].startswith("2025年") and labels[-1] == "11月", labels


@pytest.mark.parametrize("width", [430, 300, 200])
def test_histogram_bands_are_never_cut(qtbot, width: int) -> None:  # type: ignore[no-untyped-def]
    """The intervals' "366+" read "36…" in a card at 1000 pixels and "…" at 800."""
    chart = bar_chart("Words", INTERVALS, [3] * len(INTERVALS), "days (each band from)")
    view = _shown(qtbot, chart, width)  # noqa: F841 (the view owns the chart)
    labels = _fit_their_room(chart)
    assert labels[0] == "1" and set(labels) <= set(INTERVALS)
    if width >= 430:
        assert len(labels) >= 5, labels


def test_a_wide_histogram_labels_every_band(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = bar_chart("Words", INTERVALS, [3] * len(INTERVALS), "days (each band from)")
    view = _shown(qtbot, chart, 900)  # noqa: F841 (the view owns the chart)
    assert _fit_their_room(chart) == INTERVALS
