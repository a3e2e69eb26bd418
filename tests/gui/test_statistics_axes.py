"""Chart axes read in full: the study time's unit, a year's months with their year, histogram bands."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCharts import QCategoryAxis, QChart, QChartView, QValueAxis
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QGraphicsTextItem

from effect_desktop.gui.statistics.charts import activity_chart, bar_chart, minutes_chart, month_labels
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


def _painted_labels(view: QChartView) -> list[str]:
    """The x axis's labels as Qt Charts drew them (after its own cutting to "..."), left to right."""
    plot = view.chart().plotArea()
    texts = [item.toGraphicsObject() for item in view.scene().items()]
    under = [text for text in texts if isinstance(text, QGraphicsTextItem) and text.isVisible() and text.toPlainText()
             and plot.bottom() <= text.sceneBoundingRect().top() < plot.bottom() + text.sceneBoundingRect().height()]
    return [text.toPlainText() for text in sorted(under, key=lambda t: t.sceneBoundingRect().left())]


def _fit_their_room(qtbot, view: QChartView) -> list[str]:  # type: ignore[no-untyped-def]
    """Qt Charts gives each category label the plot's width over the labels plus one, less its
    padding, and cuts a wider one to "...": each label chosen is painted as it is (once the axis
    has laid out the labels chosen for the plot's width)."""
    def as_chosen() -> None:
        assert _painted_labels(view) == _x(view.chart()).categoriesLabels()

    qtbot.waitUntil(as_chosen, timeout=3000)
    return _x(view.chart()).categoriesLabels()


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
        view = _shown(qtbot, chart, width)
        labels = _fit_their_room(qtbot, view)
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
    view = _shown(qtbot, chart, 2000)
    labels = _fit_their_room(qtbot, view)
    assert len(labels) >= 6 and labels[0].startswith("2025年") and labels[-1] == "11月", labels


def _days(first: date, days: int, step: int = 1) -> list[Period]:
    return [Period(start=first + timedelta(days=d), answers=5, correct=4, minutes=3.0)
            for d in range(0, days + 1, step)]


@pytest.mark.parametrize("step", [1, 7, 30])  # by day, by week, by month
@pytest.mark.parametrize("width", [430, 300])  # a card at 1000 pixels, and at the window's first size offscreen
def test_years_of_study_are_labelled_by_whole_years(qtbot, width: int, step: int) -> None:  # type: ignore[no-untyped-def]
    """All time by day, five years, read "Apr 2… Nov … Jul 2…" (five "MMM yyyy" ticks in 185 pixels):
    each new year that fits is named at its first day, whole, the latest one always."""
    granularity = {1: Granularity.DAY, 7: Granularity.WEEK, 30: Granularity.MONTH}[step]
    chart = activity_chart(_days(date(2021, 4, 20), 1775, step), granularity, "Answers", "Accuracy (%)")
    view = _shown(qtbot, chart, width)
    labels = _fit_their_room(qtbot, view)  # what is painted is what was chosen, uncut
    assert len(labels) >= 2 and labels[-1] == "2026", labels
    assert all(label.isdigit() for label in labels) and labels == sorted(set(labels)), labels


def _months(first: date, count: int) -> list[Period]:
    starts = [date(first.year + (first.month - 1 + m) // 12, (first.month - 1 + m) % 12 + 1, 1) for m in range(count)]
    return [Period(start=start, answers=5, correct=4, minutes=3.0) for start in starts]


@pytest.mark.parametrize("days, step, japanese_dates", [(29, 1, False), (89, 1, False), (89, 1, True),
                                                       (700, 30, False), (700, 30, True), (360, 30, True)])
def test_dates_under_a_chart_are_whole_evenly_stepped_and_on_the_periods(qtbot, days: int, step: int,  # type: ignore[no-untyped-def]
                                                                          japanese_dates: bool) -> None:
    """Six "d MMM" in a card at the window's first size read "24 N…", five "MMM yyyy" "Nov 2…"; then,
    evenly spaced in time, the dates fell between days (30 days read 6, 6, 5 and 6 days apart) and a
    year by month read "2025/11 2026/1 2026/5 2026/8 2026/11", 2026/1 on the 31st of January. Each
    label now stands on a period's first day, whole, every k-th period from the latest."""
    before = QLocale()
    if japanese_dates:
        QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    try:
        if step == 1:
            periods, granularity = _days(date(2025, 11, 24), days), Granularity.DAY
        else:
            periods, granularity = _months(date(2025, 11, 1), days // 30 + 1), Granularity.MONTH
        chart = activity_chart(periods, granularity, "Answers", "Accuracy (%)")
        view = _shown(qtbot, chart, 430)  # a card at the window's first size
        labels = _fit_their_room(qtbot, view)  # what is painted is what was chosen, uncut
        axis = _x(chart)
        starts = {datetime.combine(p.start, time(12)).timestamp() * 1000: n for n, p in enumerate(periods)}
        at = [starts[axis.endValue(label)] for label in labels]  # each on a period's first day
        if all(label.isdigit() for label in labels):  # two years of months: each new year, at its first day
            assert labels == ["2026", "2027"] and days > 540, labels
        else:
            assert len(at) >= 3 and at[-1] == len(periods) - 1, labels  # the latest always named
        assert len({b - a for a, b in zip(at, at[1:], strict=False)}) == 1, (labels, at)  # evenly stepped
        assert len(set(labels)) == len(labels), labels
    finally:
        QLocale.setDefault(before)


def test_two_years_of_months_are_named_by_year_only_where_too_few_months_fit(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Two years by month read "2025 2026" at any width (the years were chosen by the span alone), where a
    wider card fits "Dec 2024 May 2025 …"; and in a narrow one two months fit, "Dec" and "Oct 2027"."""
    periods = _months(date(2025, 11, 1), 24)
    narrow = _fit_their_room(qtbot, _shown(qtbot, activity_chart(periods, Granularity.MONTH, "A", "B"), 300))
    assert narrow == ["2026", "2027"], narrow
    wide = _fit_their_room(qtbot, _shown(qtbot, activity_chart(periods, Granularity.MONTH, "A", "B"), 900))
    assert len(wide) >= 4 and not any(label.isdigit() for label in wide) and wide[-1].startswith("Oct"), wide


def test_an_empty_period_shows_no_dates(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Nothing answered in all time: the empty axis read "01-01-1970 0:00" twice."""
    view = _shown(qtbot, activity_chart([], Granularity.DAY, "Answers", "Accuracy (%)"), 430)
    assert not view.chart().axes(Qt.Orientation.Horizontal)[0].labelsVisible()


@pytest.mark.parametrize("width", [430, 300, 200])
def test_histogram_bands_are_never_cut(qtbot, width: int) -> None:  # type: ignore[no-untyped-def]
    """The intervals' "366+" read "36…" in a card at 1000 pixels and "…" at 800."""
    chart = bar_chart("Words", INTERVALS, [3] * len(INTERVALS), "days (each band from)")
    view = _shown(qtbot, chart, width)
    labels = _fit_their_room(qtbot, view)
    assert labels[0] == "1" and labels[-1] == "366+" and set(labels) <= set(INTERVALS)
    if width >= 430:
        assert len(labels) >= 5, labels


def test_a_wide_histogram_labels_every_band(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = bar_chart("Words", INTERVALS, [3] * len(INTERVALS), "days (each band from)")
    view = _shown(qtbot, chart, 900)
    assert _fit_their_room(qtbot, view) == INTERVALS


def test_the_intervals_chart_names_its_last_band_at_the_windows_first_size(qtbot, window, words) -> None:  # type: ignore[no-untyped-def]
    """At 1000 × 680 with the default font the last band read "36..." (FittedLabels measured less
    room than Qt Charts' labels need): what is painted is what was chosen, uncut."""
    window.resize(1000, 680)
    page = window.show_page("statistics")
    view = page.views["intervals"]
    qtbot.waitUntil(lambda: page.report is not None, timeout=10_000)  # the figures are read off the GUI thread
    qtbot.waitUntil(lambda: view.chart() is not None and len(_x(view.chart()).categoriesLabels()) > 0, timeout=10_000)
    qtbot.waitUntil(lambda: view.chart().plotArea().width() > 0)
    qtbot.wait(50)  # the axis lays its labels out at the next layout pass
    painted = _fit_their_room(qtbot, view)
    assert painted[0] == "1" and painted[-1] == "366+", painted
    assert len(painted) >= 5, painted
    assert 380 <= view.width() <= 400  # the card at the window's first size
