"""The Statistics screen draws every figure as a chart and follows the range, grouping and scope."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from uuid import UUID

import pytest
import sqlalchemy as sa
from PySide6.QtCharts import QAreaSeries, QBarSeries, QLineSeries
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QImage

from effect_desktop.gui.statistics import StatisticsPage
from effect_desktop.gui.statistics.labels import FittedLabels
from effect_desktop.projections.tables import daily_facets, word_stats
from tests.statistics.history import KnownHistory


def _page(qtbot, history: KnownHistory, opened: list[UUID] | None = None) -> StatisticsPage:  # type: ignore[no-untyped-def]
    page = StatisticsPage(history.profile, on_open_word=opened.append if opened is not None else None)
    qtbot.addWidget(page)
    page.resize(1100, 1500)
    with _refreshed(page):  # the figures are read off the GUI thread, then drawn
        page.show()
    qtbot.waitExposed(page)
    return page


@contextmanager
def _refreshed(page: StatisticsPage) -> Iterator[None]:
    """Wait, after the block, until the page has drawn figures read after it began. (An event loop, as
    qtbot.waitSignal runs: QSignalSpy.wait held the interpreter lock, and the reading crawled.)"""
    came: list[bool] = []
    loop = QEventLoop()

    def done() -> None:
        came.append(True)
        loop.quit()

    page.refreshed.connect(done)
    try:
        yield
        if not came:
            QTimer.singleShot(20_000, loop.quit)
            loop.exec()
    finally:
        page.refreshed.disconnect(done)
    assert came, "no figures came"


def _bars(page: StatisticsPage, name: str) -> list[float]:
    series = page.views[name].chart().series()
    assert len(series) == 1 and isinstance(series[0], QBarSeries)
    bar_set = series[0].barSets()[0]
    return [bar_set.at(i) for i in range(bar_set.count())]


def _choose(combo, data: object) -> None:  # type: ignore[no-untyped-def]
    """Choose by value, as a learner does; on the page, the figures for it are waited for."""
    index = combo.findData(data)
    assert index >= 0, data
    page = combo.parentWidget()
    while page is not None and not isinstance(page, StatisticsPage):
        page = page.parentWidget()
    if page is None or index == combo.currentIndex():
        combo.setCurrentIndex(index)
        return
    with _refreshed(page):
        combo.setCurrentIndex(index)


def test_every_chart_is_drawn_with_its_series(qtbot, history: KnownHistory) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, history)
    activity = page.views["activity"].chart().series()
    assert [type(s) for s in activity] == [QAreaSeries, QLineSeries]
    assert [s.name() for s in activity] == ["Answers", "Accuracy (%)"]
    weeks = activity[0].upperSeries()
    assert weeks.count() == len(page.report.activity) and weeks.at(weeks.count() - 1).y() == 7
    assert activity[1].at(activity[1].count() - 1).y() == round(100 * 5 / 7, 1)
    assert _bars(page, "response") == [0, 1, 2, 2, 1, 1, 0, 0, 0, 0]
    bands = page.views["response"].chart().axes(Qt.Orientation.Horizontal)[0].categoriesLabels()
    assert bands[:3] == ["0", "1", "2"] and bands[-1] == "60+"  # each band by where it starts, every one
    assert page.views["intervals"].chart().axes(Qt.Orientation.Horizontal)[0].categoriesLabels()[:3] == \
        ["1", "2", "4"]
    easiness = page.views["easiness"].chart()
    fitted, width = easiness.findChild(FittedLabels), easiness.plotArea().width()
    axis = easiness.axes(Qt.Orientation.Horizontal)[0]
    labels = axis.categoriesLabels()
    # eighteen bands, labelled from the first, every one or every k-th (and the last, a histogram's
    # open end): the most that fit side by side in this font (every one under Noto Sans, every other or
    # every third under DejaVu Sans)
    assert labels[0] == "1.3" and len(labels) == len(fitted.chosen(fitted.every))
    assert len(labels) in (-(-18 // fitted.every), -(-18 // fitted.every) + 1)
    assert fitted.fits(fitted.every, width) and (fitted.every == 1 or not fitted.fits(fitted.every - 1, width))
    assert axis.labelsAngle() == 0, "upright (sideways, Qt Charts cut them to '…')"
    assert _bars(page, "forecast")[:3] == [1, 1, 0] and len(_bars(page, "forecast")) == 30
    assert _bars(page, "intervals")[0] == 3
    assert sum(_bars(page, "easiness")) == 3
    time_series = page.views["time"].chart().series()[0].upperSeries()
    assert time_series.at(time_series.count() - 1).y() == 5.3
    assert page.heatmap.figure is not None and page.heatmap.figure.streak_days == 3
    assert page.hardest.rowCount() == 1 and page.hardest.item(0, 0).text() == "猫"
    assert "Answers: 7 · correct: 71%" in page.summary.text() and "streak: 3 ·" in page.summary.text()
    assert page.cards["forecast"].note.text() == "Overdue now: 1"


def test_range_grouping_and_scope(qtbot, history: KnownHistory) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, history)
    _choose(page.range, "30d")
    _choose(page.granularity, "day")
    answers = page.views["activity"].chart().series()[0].upperSeries()
    assert answers.count() == 30
    assert [answers.at(i).y() for i in range(27, 30)] == [4, 2, 1]
    _choose(page.scope, "t:food")
    assert _bars(page, "response") == [0, 0, 0, 0, 0, 1, 0, 0, 0, 0]
    answers = page.views["activity"].chart().series()[0].upperSeries()
    assert [answers.at(i).y() for i in range(27, 30)] == [1, 0, 0]
    assert page.hardest.rowCount() == 0 and "words: 1 ·" in page.summary.text()
    # one answer's seconds under the filter: a tenth of a minute, not "0" (it read 0 beside the CLI's 0.1)
    studied = page.report.summary.study_minutes
    assert 0 < studied < 10 and f"minutes studied: {studied:.1f} ·" in page.summary.text()
    assert page.cards["time"].note.isVisibleTo(page)
    _choose(page.scope, "c:noun")
    assert sum(_bars(page, "intervals")) == 2
    _choose(page.range, "all")
    assert page.views["activity"].chart().series()[0].upperSeries().count() == 3  # from the first day studied
    _choose(page.scope, None)
    assert not page.cards["time"].note.isVisibleTo(page)


def test_a_hardest_word_opens_its_history(qtbot, history: KnownHistory) -> None:  # type: ignore[no-untyped-def]
    opened: list[UUID] = []
    page = _page(qtbot, history, opened)
    table = page.hardest
    rect = table.visualItemRect(table.item(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # begins with a press
    assert opened == [history.neko]
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened == [history.neko, history.neko]


def test_each_chart_saves_as_png(qtbot, history: KnownHistory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, history)
    for name, card in page.cards.items():
        card.save_png(tmp_path / name)
        image = QImage(str(tmp_path / f"{name}.png"))
        assert not image.isNull() and image.width() > 200, name


def test_figures_as_of_a_past_moment(qtbot, history: KnownHistory) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, history)
    with qtbot.waitSignal(page.as_of_ready, timeout=20_000):
        page.set_as_of(history.end_of_day2)
    assert "Answers: 6 ·" in page.summary.text() and "streak: 2 ·" in page.summary.text()
    assert page.hardest.rowCount() == 0
    assert page.as_of_label.text().startswith("As of")
    assert page.heatmap.figure is not None and page.heatmap.figure.last == history.end_of_day2.date()
    with _refreshed(page):
        page.set_as_of(None)
    assert "Answers: 7 ·" in page.summary.text() and page.as_of_label.text() == ""


def test_while_a_past_moment_is_computed_the_figures_stay_those_of_now_and_are_greyed(  # type: ignore[no-untyped-def]
        qtbot, history: KnownHistory) -> None:
    """The page counted today's read models as of the chosen day meanwhile (a control changed, the page
    shown again): for 40 s on five years it showed figures that were neither today's nor then's."""
    page = _page(qtbot, history)
    now = page.summary.text()
    with qtbot.waitSignal(page.as_of_ready, timeout=20_000):
        page.set_as_of(history.end_of_day2)
        assert page.as_of_label.text().startswith("Computing statistics as of 2026-11-2")
        page.refresh()  # as a change of period or scope does
        assert page.summary.text() == now and not page.summary.isEnabled()
        assert not page.scroll_area.widget().isEnabled() and page.scroll_area.isEnabled()  # greyed, still scrolls
    assert "Answers: 6 ·" in page.summary.text() and page.summary.isEnabled() and page.scroll_area.widget().isEnabled()
    assert page.as_of_label.text().startswith("As of 2026-11-2")


def test_a_past_moment_from_the_timeline_is_read_on_the_learners_clock(  # type: ignore[no-untyped-def]
        qtbot, history: KnownHistory, monkeypatch) -> None:
    """Time travel hands over a UTC moment: 7:00 on the third morning in Tokyo (22:00 UTC) was read as
    the second day's evening, and the figures were the second day's."""
    import time
    from datetime import UTC, datetime

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        page = _page(qtbot, history)
        with qtbot.waitSignal(page.as_of_ready, timeout=20_000):
            page.set_as_of(datetime(2026, 11, 21, 22, 0, tzinfo=UTC))  # before the third day's session
        assert page.heatmap.figure is not None and str(page.heatmap.figure.last) == "2026-11-22"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_new_answer_shows_after_mark_stale(qtbot, history: KnownHistory) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, history)
    history.clock.advance(minutes=10)
    session = history.profile.service.start_session("flashcard", [history.apple])
    history.profile.service.answer(session, history.apple, True, 900)
    with _refreshed(page):
        page.mark_stale()
    assert "Answers: 8 ·" in page.summary.text()
    assert _bars(page, "response")[0] == 1


def test_a_profile_from_before_the_statistics_asks_for_a_rebuild(qtbot, history: KnownHistory) -> None:  # type: ignore[no-untyped-def]
    with history.profile.store.transaction() as connection:  # as an older version left it
        connection.execute(sa.delete(daily_facets))
        connection.execute(sa.delete(word_stats))
    page = _page(qtbot, history)
    assert page.rebuild_hint.isVisible() and page.hardest.rowCount() == 0
    history.profile.projector.rebuild()
    with _refreshed(page):
        page.mark_stale()
    assert not page.rebuild_hint.isVisible() and page.hardest.rowCount() == 1


def test_charts_follow_a_dark_palette(qtbot, history: KnownHistory) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCharts import QChart
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    light = app.palette()
    dark = QPalette(light)
    for role, color in ((QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.WindowText, "#e8eaed"),
                        (QPalette.ColorRole.Base, "#171717"), (QPalette.ColorRole.Highlight, "#8ab4f8")):
        dark.setColor(role, QColor(color))
    app.setPalette(dark)
    try:
        page = _page(qtbot, history)
        for name in ("activity", "response", "forecast"):
            chart = page.views[name].chart()
            assert chart.theme() == QChart.ChartTheme.ChartThemeDark
            assert chart.backgroundBrush().color() == QColor("#171717")
        answers = page.views["response"].chart().series()[0].barSets()[0]
        assert answers.color() == QColor("#8ab4f8")  # the palette's highlight, not the theme's own colour
    finally:
        app.setPalette(light)


def test_month_names_above_the_calendar_never_overlap(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A year starting late in November printed "NovDec": the partial first month is named only
    when its name fits before the next month's."""
    from datetime import date

    from PySide6.QtCore import QLocale

    from effect_desktop.gui.statistics.heatmap import CalendarHeatmap
    from effect_desktop.statistics.figures import Heatmap

    calendar = CalendarHeatmap()
    qtbot.addWidget(calendar)
    calendar.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    for first in (date(2025, 11, 27), date(2025, 11, 3), date(2025, 12, 1)):
        calendar.set_figure(Heatmap(first=first, last=date(2026, 11, 26), answers={}, streak_first=None,
                                    streak_last=None, streak_days=0))
        labels = calendar.month_labels()
        for (x, name), (next_x, _) in zip(labels, labels[1:], strict=False):
            assert next_x - x >= calendar.fontMetrics().horizontalAdvance(name), (first, labels)
        assert [name for _, name in labels][-1] == "Nov"
        assert labels[0][1] == ("Dec" if first.day == 27 else first.strftime("%b"))


def test_all_time_for_words_never_answered_shows_zeros(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A category whose words were never answered, over all time: no first study day, so no period at
    all; the page said nothing and raised (the minutes studied came out as the integer 0)."""
    from effect_desktop.bootstrap import open_profile

    profile = open_profile(tmp_path / "p.effect.sqlite3")
    try:
        profile.service.create_word("ringo", "apple", "food")
        page = StatisticsPage(profile)
        qtbot.addWidget(page)
        page.show()
        _choose(page.range, "all")
        assert page.summary.text().startswith("Answers: 0") and "minutes studied: 0" in page.summary.text()
        assert page.views["activity"].chart().series()[0].upperSeries().count() == 0
    finally:
        profile.close()


def test_the_latest_months_label_is_whole_on_a_chart_with_no_axis_on_its_right(qtbot, history: KnownHistory) -> None:  # type: ignore[no-untyped-def]
    """A year by week labels month starts from the latest: on the time-studied chart, which has no axis
    on its right to give room, the latest read "Mar 202" at the chart's edge."""
    from datetime import datetime, timedelta, timezone

    from PySide6.QtGui import QFontMetricsF

    from effect_desktop.bootstrap import open_profile
    from tests.integration.profile_helpers import SettableClock

    clock = SettableClock(datetime(2026, 3, 2, 8, 0, tzinfo=timezone(timedelta(hours=9))))  # two days into March
    profile = open_profile(history.profile.path.parent / "march.effect.sqlite3", clock=clock)
    apple = profile.service.create_word("apple", "りんご")
    session = profile.service.start_session("flashcard", [apple])
    profile.service.answer(session, apple, True, 1200)
    profile.service.complete_session(session)
    page = StatisticsPage(profile)
    qtbot.addWidget(page)
    page.resize(1000, 680)
    with _refreshed(page):  # a year by week is what the page first shows: its figures are waited for
        page.show()
    qtbot.waitExposed(page)
    _choose(page.range, "1y")
    _choose(page.granularity, "week")
    qtbot.wait(50)
    chart = page.views["time"].chart()
    axis = chart.axes(Qt.Orientation.Horizontal)[0]
    last = axis.categoriesLabels()[-1]
    plot = chart.plotArea()
    x = plot.left() + (axis.endValue(last) - axis.min()) / (axis.max() - axis.min()) * plot.width()
    assert last == "Mar 2026"
    assert x + QFontMetricsF(axis.labelsFont()).horizontalAdvance(last) / 2 <= chart.size().width(), last
    page.close()
    profile.close()


@pytest.mark.parametrize(("size", "columns"), [((1000, 680), 2), ((720, 480), 1)])
def test_the_whole_year_fits_the_window_at_its_first_size(qtbot, history: KnownHistory,  # type: ignore[no-untyped-def]
                                                          size: tuple[int, int], columns: int) -> None:
    """At the size the window first opens, the calendar's fixed squares made the page scroll sideways
    and the latest weeks (the ones a learner looks for) were out of sight; the squares now shrink.
    At the window's smallest, the charts stand one under another instead of two abreast."""
    from effect_desktop.gui import i18n
    from effect_desktop.gui.main_window import MainWindow

    i18n.install("en")
    window = MainWindow(history.profile)
    qtbot.addWidget(window)
    window.resize(*size)  # the first-run size (main_window) and the smallest
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("statistics")
    assert isinstance(page, StatisticsPage)
    qtbot.waitUntil(lambda: page.heatmap.figure is not None)
    qtbot.wait(50)  # the layout settles on the height that goes with the width
    assert page.scroll_area.horizontalScrollBar().maximum() == 0, "the page scrolls sideways"
    assert page.columns == columns
    calendar = page.heatmap
    last = calendar._cell(calendar.figure.last)
    seen = calendar.visibleRegion().boundingRect()
    assert seen.contains(last), (last, seen)
    assert calendar.day_at(last.center()) == calendar.figure.last
    window.operations.wait()


def test_in_japanese_the_study_time_unit_is_in_the_cards_title(qtbot, history: KnownHistory) -> None:  # type: ignore[no-untyped-def]
    """Qt Charts prints axis labels through Latin-1: "10 分" came out as "10 ?"."""
    from effect_desktop.gui import i18n

    try:
        assert i18n.install("ja") == "ja"
        page = _page(qtbot, history)
        qtbot.waitUntil(lambda: page.cards["time"].title.text() == "学習時間（分）")
        assert page.views["time"].chart().axes(Qt.Orientation.Vertical)[0].labelFormat() == "%g"
    finally:
        i18n.install("en")
    page = _page(qtbot, history)
    qtbot.waitUntil(lambda: page.cards["time"].title.text() == "Time studied")
    assert page.views["time"].chart().axes(Qt.Orientation.Vertical)[0].labelFormat() == "%g min"


def test_the_words_without_a_category_are_a_scope_of_their_own(qtbot, history: KnownHistory) -> None:  # type: ignore[no-untyped-def]
    """`stats --category ''` had nothing to show (no facet was counted for them), and the window had no
    way to choose them."""
    page = _page(qtbot, history)
    assert page.scope.findData("c:") < 0, "every word has a category"
    plain = history.profile.service.create_word("きれい", "pretty")
    session = history.profile.service.start_session("flashcard", [plain])
    history.profile.service.answer(session, plain, True, 3_400)
    history.profile.service.answer(session, plain, True, 2_000)
    page.hide()
    page.mark_stale()
    with _refreshed(page):
        page.show()  # the scopes are read again when the page is shown after a change
    assert page.scope.itemText(page.scope.findData("c:")) == "No category"
    _choose(page.scope, "c:")
    assert page.report.request.scope.category == ""
    assert (page.report.summary.answers, page.report.summary.words) == (2, 1)
    assert "Answers: 2 ·" in page.summary.text()


def test_under_fsrs_the_easiness_figures_are_not_shown(qtbot, history: KnownHistory) -> None:  # type: ignore[no-untyped-def]
    """FSRS keeps no easiness: every word read 2.50, one bar in the chart and a column of 2.50s."""
    from effect_desktop.timeline.scheduler_replay import switch

    page = _page(qtbot, history)
    assert page.cards["easiness"].isVisible() and not page.hardest.isColumnHidden(4)
    switch(history.profile, "fsrs")
    with _refreshed(page):
        page.mark_stale()
    assert not page.cards["easiness"].isVisible() and page.hardest.isColumnHidden(4)
    assert page.cards["intervals"].isVisible()


def test_a_moment_from_before_a_switch_to_fsrs_shows_its_easiness(qtbot, history: KnownHistory) -> None:  # type: ignore[no-untyped-def]
    """The easiness was hidden by the scheduler in force today, for figures of the SM-2 months too."""
    from effect_desktop.timeline.scheduler_replay import switch

    switch(history.profile, "fsrs")
    page = _page(qtbot, history)
    assert not page.cards["easiness"].isVisible()
    with qtbot.waitSignal(page.as_of_ready, timeout=20_000):
        page.set_as_of(history.end_of_day2)
    assert page.cards["easiness"].isVisible() and not page.hardest.isColumnHidden(4)


def _study_in_2024(history: KnownHistory) -> None:
    """One answer to 猫 on 2024-03-05 (Tokyo), long before the known history's three days."""
    from datetime import datetime

    from tests.statistics.history import EVENING_OF_DAY3, TOKYO
    history.clock.set(datetime(2024, 3, 5, 9, 0, tzinfo=TOKYO))
    session = history.profile.service.start_session("flashcard", [history.neko])
    history.profile.service.answer(session, history.neko, True, 2000)
    history.profile.service.complete_session(session)
    history.clock.set(EVENING_OF_DAY3)


def test_the_heatmap_looks_back_at_any_year_studied(qtbot, history: KnownHistory) -> None:  # type: ignore[no-untyped-def]
    """A learner of several years saw only the last twelve months' calendar, also under "All time"."""
    from datetime import date

    _study_in_2024(history)
    page = _page(qtbot, history)
    years = page.heatmap_year
    assert [years.itemText(i) for i in range(years.count())] == ["Last 12 months", "2026", "2025", "2024"]
    assert page.heatmap.figure is not None and date(2024, 3, 5) not in page.heatmap.figure.answers
    _choose(years, 2024)
    figure = page.heatmap.figure
    assert (figure.first, figure.last) == (date(2024, 1, 1), date(2024, 12, 31))
    assert figure.answers == {date(2024, 3, 5): 1}
    assert figure.streak_days == 3, "the current streak, whichever year is shown"
    assert "Days with answers: 1" in page.heatmap.accessibleDescription()
    assert page.heatmap.accessibleName() == "Answers per day, 2024"
    assert "Answers: 7 ·" in page.summary.text(), "the other figures keep to the period (the last year)"
    _choose(years, 2026)
    assert (page.heatmap.figure.first, page.heatmap.figure.last) == (date(2026, 1, 1), date(2026, 11, 22))
    assert sum(page.heatmap.figure.answers.values()) == 7
    page.range.setCurrentIndex(page.range.findData("30d"))
    assert years.currentData() == 2026, "the year chosen stays chosen while the page refreshes"
    # words with no answer in 2024 have no 2024 to show: the calendar goes back to the last twelve months
    _choose(years, 2024)
    _choose(page.scope, "t:food")
    assert years.currentData() is None and [years.itemText(i) for i in range(years.count())] == \
        ["Last 12 months", "2026"]
    assert page.heatmap.figure.last == date(2026, 11, 22) and page.heatmap.figure.answers == {date(2026, 11, 20): 1}


def test_the_accuracy_line_stops_where_nothing_was_answered(qtbot, history: KnownHistory) -> None:  # type: ignore[no-untyped-def]
    """Drawn across the months without study, the line showed an accuracy for them."""
    from effect_desktop.gui import i18n

    i18n.install("en")  # the plural forms of the pooled accuracy's key
    _study_in_2024(history)
    page = _page(qtbot, history)
    _choose(page.range, "all")
    _choose(page.granularity, "month")
    chart = page.views["activity"].chart()
    area, *lines = chart.series()
    assert isinstance(area, QAreaSeries) and area.upperSeries().count() == 33  # 2024-03 to 2026-11
    assert [[(round(p.y(), 1)) for p in line.points()] for line in lines] == [[100.0], [round(100 * 5 / 7, 1)]]
    assert all(isinstance(line, QLineSeries) and line.pointsVisible() for line in lines), "a lone month is a dot"
    keys = [marker.label() for marker in chart.legend().markers() if marker.isVisible()]
    assert keys == ["Answers", "Accuracy (%)"], "one key for the accuracy, whatever pieces its line is in"
    _choose(page.granularity, "day")  # 1,000 days: each point pools nine, March's and November's apart
    chart = page.views["activity"].chart()
    area, *lines = chart.series()
    assert [line.count() for line in lines] == [1, 1]
    assert [m.label() for m in chart.legend().markers() if m.isVisible()][1] == "Accuracy (%, 9 days a point)"
    _choose(page.range, "30d")  # the three days of November side by side: one line through them
    area, *lines = page.views["activity"].chart().series()
    assert [line.count() for line in lines] == [3]


def test_accuracy_on_scattered_days_is_drawn_as_dots() -> None:
    """Studied every other day for years, the accuracy line was hundreds of pieces, a series each."""
    from datetime import date, timedelta

    from PySide6.QtCharts import QScatterSeries

    from effect_desktop.gui.statistics.charts import MAX_LINE_PIECES, activity_chart
    from effect_desktop.statistics.figures import Granularity, Period

    start = date(2022, 1, 3)
    periods = [Period(start + timedelta(days=i), 10 * (i % 2 == 0), 8 * (i % 2 == 0), 5.0 * (i % 2 == 0))
               for i in range(4 * MAX_LINE_PIECES)]
    chart = activity_chart(periods, Granularity.DAY, "Answers", "Accuracy (%)")  # kept: it owns its series
    area, *dots = chart.series()
    assert len(dots) == 1 and isinstance(dots[0], QScatterSeries) and dots[0].name() == "Accuracy (%)"
    assert [round(p.y()) for p in dots[0].points()] == [80] * (2 * MAX_LINE_PIECES)


def test_figures_that_could_not_be_read_say_so_and_leave_the_page_usable(  # type: ignore[no-untyped-def]
        qtbot, history: KnownHistory, monkeypatch) -> None:
    """A reading that failed left the charts greyed for good, as if still at work."""
    from effect_desktop.gui.statistics import page as page_module

    page = _page(qtbot, history)

    def failing(*_args):  # type: ignore[no-untyped-def]
        import time

        time.sleep(0.5)  # longer than the page waits before it greys the charts
        raise OSError("disk I/O error")

    monkeypatch.setattr(page_module, "_figures", failing)
    page.refresh()
    qtbot.waitUntil(lambda: "could not be read" in page.as_of_label.text(), timeout=10_000)
    assert "disk I/O error" in page.as_of_label.text()
    assert page.scroll_area.widget().isEnabled() and page.summary.isEnabled()


def test_five_years_by_day_are_drawn_as_their_peaks() -> None:
    """Studied every other day, "All time, by day" was an area of 1,800 spikes: 2 s to paint, at every
    repaint, for detail no pixel could show. At most MAX_AREA_POINTS points, each group at its peak."""
    from datetime import date, timedelta

    from effect_desktop.gui.statistics.charts import MAX_AREA_POINTS, activity_chart, envelope
    from effect_desktop.statistics.figures import Granularity, Period

    assert envelope([(0, 1), (1, 5), (2, 0), (3, 2), (4, 7)], 3) == [(0, 5), (2, 2), (4, 7)]
    start = date(2021, 11, 29)
    periods = [Period(start + timedelta(days=i), (i % 2 == 0) * (10 + i % 7), 0, 0.0) for i in range(1826)]
    chart = activity_chart(periods, Granularity.DAY, "Answers", "Accuracy (%)")
    upper = chart.series()[0].upperSeries()
    assert upper.count() <= MAX_AREA_POINTS
    assert max(p.y() for p in upper.points()) == 16 and min(p.y() for p in upper.points()) >= 10


def test_five_years_by_day_show_the_accuracy_of_pooled_days_and_say_so() -> None:
    """Five years by day drew 1,800 dots of daily accuracy, a band from 40% to 100% in which a learner
    who went from 50% to 90% could not see it. Past MAX_ACCURACY_POINTS periods each point is the
    accuracy of its days' answers together, and the legend says how many days a point holds."""
    from datetime import date, datetime, time, timedelta

    from PySide6.QtCharts import QLineSeries

    from effect_desktop.gui.statistics.charts import MAX_ACCURACY_POINTS, activity_chart
    from effect_desktop.statistics.figures import Granularity, Period

    start = date(2021, 11, 29)
    periods = []
    for i in range(1826):
        answers = (i % 2 == 0) * 10  # every other day, so daily accuracy alone is a cloud of dots
        good = 5 if i < 913 else 9
        correct = min(answers, good + (i % 4 == 0) - (i % 6 == 0) * 2) if answers else 0  # daily noise
        periods.append(Period(start + timedelta(days=i), answers, correct, 5.0))
    chart = activity_chart(periods, Granularity.DAY, "Answers", "Accuracy (%)",
                           lambda n: f"Accuracy (%, {n} days a point)")
    _area, *accuracy = chart.series()
    assert [type(s) for s in accuracy] == [QLineSeries] and accuracy[0].name() == "Accuracy (%, 16 days a point)"
    points = accuracy[0].points()
    assert len(points) <= MAX_ACCURACY_POINTS
    assert all(40 <= p.y() <= 60 for p in points[:50]) and all(80 <= p.y() <= 100 for p in points[-50:])
    last_noon = datetime.combine(periods[-1].start, time(12)).timestamp() * 1000
    assert points[-1].x() == last_noon - 7.5 * 86_400_000, "drawn in the middle of the days it pools"
    newest = periods[-16:]  # counted from the newest: today is never a point of its own
    assert points[-1].y() == round(100 * sum(p.correct for p in newest) / sum(p.answers for p in newest), 1)

    oldest = periods[:len(periods) % 16 + 16]  # the leftovers of the count from the newest: with the next 16
    assert points[0].y() == round(100 * sum(p.correct for p in oldest) / sum(p.answers for p in oldest), 1), \
        "no point of a day or two alone, which the key says holds 16"

    few = activity_chart(periods[:90], Granularity.DAY, "Answers", "Accuracy (%)", lambda n: f"pooled {n}")
    assert [s.name() for s in few.series()[1:]][:1] == ["Accuracy (%)"]  # three months by day: a day a point


def test_the_calendar_measures_its_font_once_not_once_a_square(qtbot, history: KnownHistory,  # type: ignore[no-untyped-def]
                                                              monkeypatch) -> None:
    """A paint measured the weekday names for every square and label (1,200 font measurements), which
    froze the window for half a second while a time-travel replay ran beside it."""
    from effect_desktop.gui.statistics.heatmap import CalendarHeatmap

    page = _page(qtbot, history)
    measured: list[int] = []
    real = CalendarHeatmap.weekday_ink_height

    def counted(self):  # type: ignore[no-untyped-def]
        measured.append(1)
        return real(self)

    monkeypatch.setattr(CalendarHeatmap, "weekday_ink_height", counted)
    page.heatmap.setFont(page.heatmap.font())  # as after a font change: measured again, once
    page.heatmap._measures = None
    page.heatmap.repaint()
    page.heatmap.repaint()
    assert len(measured) == 1
    shown = page.heatmap.grab().toImage()
    assert not shown.isNull() and page.heatmap.figure is not None


def test_a_wheel_over_a_choice_scrolls_past_it_unless_it_was_clicked(qtbot, history: KnownHistory) -> None:  # type: ignore[no-untyped-def]
    """Scrolling down the page, the pointer passed over the calendar's year and the wheel changed it on
    the way."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    page = _page(qtbot, history)
    _choose(page.range, "all")  # the calendar offers each year studied
    for combo in (page.heatmap_year,):  # in a card, which the page scrolls (the choices above it stand still)
        before = combo.currentIndex()
        page.setFocus()
        centre = QPointF(combo.rect().center())

        def turn(combo=combo, centre=centre) -> QWheelEvent:  # type: ignore[no-untyped-def]
            wheel = QWheelEvent(centre, combo.mapToGlobal(centre), QPoint(), QPoint(0, -120),
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                                Qt.ScrollPhase.NoScrollPhase, False)
            QApplication.sendEvent(combo, wheel)
            return wheel

        wheel = turn()
        assert combo.currentIndex() == before and not wheel.isAccepted(), combo.objectName()  # the page's
        if combo.count() > before + 1:
            combo.setFocus()  # clicked into: the wheel is the learner's to change it with
            turn()
            assert combo.currentIndex() == before + 1, combo.objectName()
