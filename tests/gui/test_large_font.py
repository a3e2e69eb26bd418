"""A large system font (14-16 pt): charts, calendars and boxes keep their text whole.

Qt Charts cuts an axis label that is taller than its share of the plot to "…",
and a painted label in a fixed box is clipped; so every size here is checked
against the font's own metrics, at the sizes a learner with weak eyes sets."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCharts import QCategoryAxis, QChart, QChartView
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsTextItem

from effect_desktop.gui.statistics.charts import activity_chart, bar_chart, chart_view, day_bar_chart, minutes_chart
from effect_desktop.gui.statistics.heatmap import CalendarHeatmap
from effect_desktop.statistics.figures import Granularity, Heatmap, Period
from effect_desktop.timeline.word_history import IntervalPoint
from tests.support.qt_tools import tip_text

if TYPE_CHECKING:
    from effect_desktop.gui.main_window import MainWindow

POINTS = [14, 16]


def _year() -> list[Period]:
    return [Period(start=date(2024, 11, 25) + timedelta(weeks=w), answers=30 + 7 * w, correct=20 + w,
                   minutes=12.0 + w) for w in range(53)]


def _charts() -> dict[str, QChart]:
    return {
        "activity": activity_chart(_year(), Granularity.WEEK, "Answers", "Accuracy (%)"),
        "time": minutes_chart(_year(), Granularity.WEEK, "minutes", "min"),
        "bars": bar_chart("Words", ["1", "2", "4", "8", "15", "31"], [120, 80, 44, 10, 3, 1], "days"),
        "forecast": day_bar_chart("Reviews", [40, 12, 9, 30, 2] * 6, "days from today"),
    }


def _labels(view: QChartView, chart: QChart) -> list[str]:
    """The texts the chart shows (titles, legend, axes), as drawn."""
    texts = [item.toPlainText() for item in (i.toGraphicsObject() for i in view.scene().items())
             if isinstance(item, QGraphicsTextItem) and item.isVisible()]
    assert texts, "no label found in the chart's scene"
    return texts


def _shown_whole(qtbot, view: QChartView, chart: QChart, name: str) -> None:  # type: ignore[no-untyped-def]
    """Once the scene is laid out for the view's size (Qt Charts lays it out again after the chart
    fits its labels), no text in it is cut to "…"."""
    def whole() -> None:
        texts = _labels(view, chart)
        assert not [text for text in texts if "…" in text or "..." in text], (name, texts)

    qtbot.waitUntil(whole, timeout=3000)


def _show(qtbot, chart: QChart, height: int | None = None) -> QChartView:  # type: ignore[no-untyped-def]
    view = chart_view()
    qtbot.addWidget(view)
    view.setChart(chart)
    if height is not None:
        view.setMinimumHeight(height)
    view.resize(430, height or view.minimumHeight())  # a half-width card
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: chart.plotArea().height() > 0)
    months = [axis for axis in chart.axes(Qt.Orientation.Horizontal) if isinstance(axis, QCategoryAxis)]
    # the labels chosen for the laid-out width are in the scene (it is laid out again after the chart)
    qtbot.waitUntil(lambda: all(set(axis.categoriesLabels()) <= set(_labels(view, chart)) for axis in months))
    return view


@pytest.mark.parametrize("points", POINTS)
def test_chart_numbers_are_whole_at_a_large_font(qtbot, system_font_pt, points: int) -> None:  # type: ignore[no-untyped-def]
    """At 16 pt every chart's axis read "… … …": the plot was 100 pixels tall and had six labels."""
    system_font_pt(points)
    for name, chart in _charts().items():
        view = _show(qtbot, chart)
        _shown_whole(qtbot, view, chart, name)
        for axis in chart.axes(Qt.Orientation.Vertical):
            assert (axis.max() - axis.min()) / axis.tickInterval() >= 2, (name, "fewer than three numbers")


def test_a_short_chart_shows_fewer_numbers_not_dots(qtbot, system_font_pt) -> None:  # type: ignore[no-untyped-def]
    """However short the plot, the axis keeps 0 and its top, whole."""
    system_font_pt(16)
    for name, chart in _charts().items():
        view = _show(qtbot, chart, height=220)  # the least it was
        _shown_whole(qtbot, view, chart, name)


@pytest.mark.parametrize("points", POINTS)
def test_the_calendars_weekday_names_keep_to_their_rows(qtbot, system_font_pt, points: int) -> None:  # type: ignore[no-untyped-def]
    """Mon, Wed and Fri name every second row: at 14-16 pt each was taller than two rows and they ran into
    each other."""
    system_font_pt(points)
    calendar = CalendarHeatmap()
    qtbot.addWidget(calendar)
    calendar.set_figure(Heatmap(first=date(2025, 11, 27), last=date(2026, 11, 26), answers={}, streak_first=None,
                                streak_last=None, streak_days=0))
    calendar.resize(calendar.minimumSizeHint())  # as narrow as the page lets it get
    calendar.show()
    qtbot.waitExposed(calendar)
    assert 2 * calendar.pitch() >= calendar.weekday_ink_height() + 2  # their letters apart, whatever the font


class _Recording(QPainter):
    """A painter that notes every text drawn in a box (the chart's labels)."""

    drawn: list[tuple[QRectF, int, str, QFont]] = []

    def drawText(self, *args) -> None:  # type: ignore[no-untyped-def, override]  # noqa: N802
        if len(args) == 3 and isinstance(args[0], QRectF):
            _Recording.drawn.append((QRectF(args[0]), int(args[1].value if hasattr(args[1], "value") else args[1]),
                                     args[2], QFont(self.font())))
        super().drawText(*args)


@pytest.mark.parametrize("points", [9, 16])
def test_the_interval_charts_labels_are_whole(qtbot, system_font_pt, monkeypatch, points: int) -> None:  # type: ignore[no-untyped-def]
    """At 16 pt "1237 d" read "37 d" and the dates were cut in half: each label had a fixed box."""
    from effect_desktop.gui.timeline import word_history

    system_font_pt(points)
    monkeypatch.setattr(word_history, "QPainter", _Recording)
    _Recording.drawn = []
    start = datetime(2021, 3, 2, 9, tzinfo=UTC)
    chart = word_history.IntervalChart([IntervalPoint(start + timedelta(days=days), interval, None)
                                        for days, interval in ((0, 1), (90, 61), (900, 1237))])
    qtbot.addWidget(chart)
    chart.resize(700, chart.minimumHeight())
    chart.show()
    qtbot.waitExposed(chart)
    chart.grab()  # painted now, with the recording painter
    texts = [text for _, _, text, _ in _Recording.drawn]
    assert "1237 d" in texts and "0" in texts and "2021-03-02" in texts, texts
    inside = QRectF(chart.rect())
    for box, flags, text, font in _Recording.drawn:
        needed = QFontMetricsF(font).boundingRect(box, flags, text)
        fits = needed.width() <= box.width() + 0.01 and needed.height() <= box.height() + 0.01
        assert box.contains(needed) or fits, (text, box, needed)
        assert inside.contains(box), (text, box, "past the widget's edge")


@pytest.mark.parametrize("points", [9, 16])
def test_the_delete_question_is_wide_enough_to_read(qtbot, system_font_pt, profile, words, points: int) -> None:  # type: ignore[no-untyped-def]
    """The box sized itself to "Delete “bread”?": 211 pixels wide, its explanation wrapped into five lines."""
    from PySide6.QtWidgets import QLabel, QMessageBox

    from effect_desktop.gui import i18n
    from effect_desktop.gui.main_window import MainWindow

    system_font_pt(points)  # the system's font, before the window is built
    i18n.install("en")
    window = MainWindow(profile)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("words")
    qtbot.waitUntil(lambda: page.table.model().rowCount() == 5)
    page.table.selectRow(1)
    box = page.delete_selected()
    assert isinstance(box, QMessageBox)
    qtbot.waitExposed(box)
    explanation = box.findChild(QLabel, "qt_msgbox_informativelabel")
    assert explanation is not None and explanation.isVisible()
    lines = explanation.height() / explanation.fontMetrics().lineSpacing()
    assert lines <= 3, f"the explanation takes {lines:.1f} lines in a box {box.width()} pixels wide"
    box.reject()
    window.operations.wait()


def test_the_shortcuts_are_described_whole(qtbot, system_font_pt, profile) -> None:  # type: ignore[no-untyped-def]
    """At 16 pt the descriptions ended in "…" in English and Japanese."""
    from PySide6.QtCore import QRect

    from effect_desktop.gui import i18n
    from effect_desktop.gui.help_menu import ShortcutsDialog
    from effect_desktop.gui.main_window import MainWindow

    system_font_pt(16)
    i18n.install("en")
    window = MainWindow(profile)
    qtbot.addWidget(window)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    metrics = table.fontMetrics()
    width = table.columnWidth(1) - 8  # less the cell's margins
    for row in range(table.rowCount()):
        text = table.item(row, 1).text()
        needed = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
        assert needed.height() <= table.rowHeight(row), (text, needed, table.rowHeight(row))
    window.operations.wait()


def test_at_a_large_font_the_window_cannot_shrink_below_what_the_study_page_needs(qtbot, system_font_pt,  # type: ignore[no-untyped-def]
                                                                                 tmp_path) -> None:
    """At 13.5 pt the window shrank to 720×480, where the Study page needs about 1,000×650: its mode
    buttons were squeezed to 7 pixels and overlapped. Its least size grows with the font now."""
    from PySide6.QtWidgets import QApplication, QRadioButton

    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui import i18n
    from effect_desktop.gui.main_window import MainWindow

    system_font_pt(13.5)
    i18n.install("en")
    profile = open_profile(tmp_path / "test.effect.sqlite3")
    window = None
    try:
        window = MainWindow(profile)
        window.show()
        window.resize(1, 1)  # as small as the learner can drag it
        QApplication.processEvents()
        buttons = window.study_page.findChildren(QRadioButton)
        assert buttons and all(b.height() >= b.minimumSizeHint().height() for b in buttons if b.isVisible())
        start = window.study_page.start_panel.start
        assert start.height() >= start.minimumSizeHint().height()
    finally:
        if window is not None:
            window.hide()
            window.deleteLater()
        profile.close()


def test_at_a_large_font_the_session_header_keeps_its_buttons_whole(qtbot, system_font_pt,  # type: ignore[no-untyped-def]
                                                                    tmp_path) -> None:
    """At 16 pt in Japanese, in a window at its least size, the mode's name and the progress bar kept
    their widths and 「単語を編集 (Ctrl+E)」 beside them was cut at both ends; the name ends in "…"
    now where it must, and says it whole where there is room."""
    from PySide6.QtWidgets import QApplication, QPushButton

    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui import i18n
    from effect_desktop.gui.main_window import MainWindow

    system_font_pt(16)
    i18n.install("ja")
    profile = open_profile(tmp_path / "test.effect.sqlite3")
    profile.service.create_words([{"text": f"word {i}", "meaning": f"meaning {i}"} for i in range(6)])
    window = None
    try:
        window = MainWindow(profile)
        window.show()
        window.resize(1, 1)  # as small as the learner can drag it
        page = window.study_page
        qtbot.waitUntil(lambda: page.start_panel.start.isEnabled(), timeout=10_000)
        page.start_panel.start.click()
        qtbot.waitUntil(lambda: page.in_session, timeout=10_000)
        QApplication.processEvents()
        header = page.session_panel.header
        buttons = [header.itemAt(i).widget() for i in range(header.count())]
        buttons = [b for b in buttons if isinstance(b, QPushButton) and b.isVisible()]
        assert len(buttons) >= 2, "the edit and leave buttons"
        assert all(b.width() >= b.minimumSizeHint().width() for b in buttons), \
            [(b.text(), b.width(), b.minimumSizeHint().width()) for b in buttons]
        name = page.session_panel.mode_label
        assert name.text() == "フラッシュカード" and name.shown_text().endswith("…")
        assert tip_text(name.toolTip()) == "フラッシュカード"
        window.resize(1600, 740)
        qtbot.waitUntil(lambda: name.shown_text() == "フラッシュカード", timeout=5000)
    finally:
        i18n.install("en")
        if window is not None:
            window.hide()
            window.deleteLater()
        profile.close()


@contextmanager
def _window_at_20_pt(system_font_pt, tmp_path, language: str, words: list[dict[str, str]],  # type: ignore[no-untyped-def]
                     size: tuple[int, int] = (1260, 740)) -> Iterator[MainWindow]:
    """The main window at a 20 pt font in `language`, on a profile holding `words`, at `size`."""
    from PySide6.QtWidgets import QApplication

    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui import i18n
    from effect_desktop.gui.main_window import MainWindow

    system_font_pt(20)
    i18n.install(language)
    profile = open_profile(tmp_path / "test.effect.sqlite3")
    if words:
        profile.service.create_words(words)
    window = None
    try:
        window = MainWindow(profile)
        window.show()
        window.resize(*size)
        QApplication.processEvents()
        yield window
    finally:
        if window is not None:
            window.hide()
            window.deleteLater()
        profile.close()
        i18n.install("en")


@pytest.mark.parametrize("language", ["en", "ja"])
def test_at_20_pt_the_timeline_keeps_its_list_wide_and_its_filters_and_buttons_whole(  # type: ignore[no-untyped-def]
        qtbot, system_font_pt, tmp_path, language: str) -> None:
    """At 20 pt the detail pane (its captions unwrapped) took half the page and the events read "Deleted
    th…"; its text was cut through at the top and bottom, and the filter row squeezed the search field to
    "Search wo…" and cut the dates (found by an accessibility helper)."""
    from PySide6.QtWidgets import QApplication, QPushButton

    with _window_at_20_pt(system_font_pt, tmp_path, language, []) as window:
        page = window.show_page("timeline")
        QApplication.processEvents()
        bar = page.filters
        assert bar.text.width() >= bar.text.minimumWidth() >= bar.text.fontMetrics().averageCharWidth() * 14
        assert all(edit.width() >= edit.sizeHint().width() for edit in (bar.first, bar.last))
        assert page.view.width() > page.detail.width()
        buttons = [b for b in page.detail.findChildren(QPushButton) if b.isVisible()]
        assert buttons and all(b.width() >= b.minimumSizeHint().width() for b in buttons)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_at_20_pt_the_words_and_meanings_get_the_room_not_the_difficulty(  # type: ignore[no-untyped-def]
        qtbot, system_font_pt, tmp_path, language: str) -> None:
    """At 20 pt the Difficulty column (its header padded by two font heights) took 186 pixels and the
    word 148 ("accompli…"), and the filter field shrank to 89 pixels, "単語…" (found by an accessibility
    helper)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    with _window_at_20_pt(system_font_pt, tmp_path, language,
                          [{"text": "accomplish", "meaning": "成し遂げる（なしとげる）"}]) as window:
        page = window.show_page("words")
        QApplication.processEvents()
        table = page.table
        word, meaning, difficulty = (table.columnWidth(c) for c in (0, 1, 4))
        assert word > difficulty and meaning > difficulty, (word, meaning, difficulty)
        assert page.search.width() >= page.search.fontMetrics().averageCharWidth() * 24
        title = page.model.headerData(4, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert title == page.model.headerData(4, Qt.Orientation.Horizontal)  # whole where the header is cut


def test_at_20_pt_the_days_counts_are_read_whole_in_japanese(qtbot, system_font_pt, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """「…・今日の新しい単」: the count of today's new words was cut off the line (found by an
    accessibility helper)."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import QApplication

    words = [{"text": f"word {i}", "meaning": f"meaning {i}"} for i in range(30)]
    with _window_at_20_pt(system_font_pt, tmp_path, "ja", words, size=(1, 1)) as window:  # as small as it goes
        counts = window.show_page("study").start_panel.counts
        qtbot.waitUntil(lambda: "語" in counts.text(), timeout=10_000)
        QApplication.processEvents()
        assert counts.fontMetrics().horizontalAdvance(counts.text()) > counts.width(), "a line too long for it"
        needed = counts.fontMetrics().boundingRect(QRect(0, 0, counts.width(), 10_000), Qt.TextFlag.TextWordWrap,
                                                   counts.text())
        assert counts.height() >= needed.height(), "so it wraps, each line whole"


def test_at_the_usual_font_the_timelines_detail_pane_fits_without_scrolling(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """With its captions wrapping, the detail pane asked its scroll area for its preferred height and
    scrolled at the usual font and window size, its payload box cut off (found in review)."""
    from PySide6.QtWidgets import QApplication, QScrollArea

    window.resize(1000, 680)
    page = window.show_page("timeline")
    for _ in range(5):
        QApplication.processEvents()
    area = page.findChild(QScrollArea, "detailArea")
    assert area is not None and area.verticalScrollBar().maximum() == 0
    assert page.detail.payload.height() >= page.detail.payload.minimumSizeHint().height()
