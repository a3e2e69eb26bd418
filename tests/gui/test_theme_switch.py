"""The system switches to dark (or back) while the window is open: every part follows.

Widgets with a style sheet keep the palette they had when styled, and colours
computed from the palette (quieter text, chart themes, the error red) were
computed once; the QA found the navigation and the whole Settings page still
white in a dark window, and hints in the light-mode grey at 2.5:1."""

from __future__ import annotations

import pytest
from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea

from effect_desktop.gui.main_window import MainWindow
from effect_desktop.gui.settings_page import _hint
from effect_desktop.gui.style import dark_palette, error_color, error_label
from tests.gui.conftest import press
from tests.gui.test_style import _contrast


@pytest.fixture
def light_again():  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    before = QPalette(app.palette())
    yield app
    app.setPalette(before)


def _dark(color: QColor) -> bool:
    return color.lightness() < 128


def _seen(widget, x: int | None = None, y: int | None = None) -> QColor:  # type: ignore[no-untyped-def]
    """The colour a user sees at a point of the widget (its bottom-left corner by default: empty room)."""
    image = widget.grab().toImage()
    return image.pixelColor(x if x is not None else 4, y if y is not None else image.height() - 4)


def _switch_to_dark(app, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert not _dark(app.palette().color(QPalette.ColorRole.Window)), "the test starts light"
    app.setPalette(dark_palette())
    QApplication.processEvents()


def test_the_navigation_and_the_settings_turn_dark(qtbot, light_again, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    settings = window.show_page("settings")
    assert settings is not None
    assert not _dark(_seen(window.nav))
    _switch_to_dark(light_again, window)
    assert _dark(_seen(window.nav)), "the page list stayed white"
    area = settings.findChild(QScrollArea, "settingsArea")
    assert _dark(_seen(area.viewport())), "the settings stayed light"
    assert _dark(_seen(area.widget())), "the settings stayed light"


def test_quieter_text_is_as_readable_as_when_started_dark(qtbot, light_again, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    hints = [_hint("The study day starts at this hour."), window.show_page("study").session_panel.flashcard.hint]
    for hint in hints:
        qtbot.addWidget(hint)
    _switch_to_dark(light_again, window)
    started_dark = _hint("Started in the dark.")
    qtbot.addWidget(started_dark)
    expected = started_dark.palette().color(QPalette.ColorRole.WindowText)
    for hint in hints:
        assert isinstance(hint, QLabel)
        assert hint.palette().color(QPalette.ColorRole.WindowText) == expected
        assert hint.palette().color(QPalette.ColorRole.Window) == dark_palette().color(QPalette.ColorRole.Window)


def test_an_error_message_takes_the_dark_red(qtbot, light_again, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    label = error_label()
    qtbot.addWidget(label)
    light_red = error_color().name()
    assert light_red in label.styleSheet()
    _switch_to_dark(light_again, window)
    assert error_color().name() != light_red and error_color().name() in label.styleSheet()


def test_the_charts_turn_dark(qtbot, light_again, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("statistics")
    assert page is not None
    qtbot.waitUntil(lambda: page.report is not None)
    views = page.findChildren(QChartView)
    assert views and not any(_dark(view.chart().backgroundBrush().color()) for view in views)
    _switch_to_dark(light_again, window)
    for view in views:
        assert _dark(view.chart().backgroundBrush().color())
        axis = view.chart().axes()[0]
        assert not _dark(axis.labelsColor()), "light numbers on the dark chart"


def _notice_shown(window: MainWindow):  # type: ignore[no-untyped-def]
    """The Timeline's notice, as a filter that cannot match anything brings it."""
    page = window.show_page("timeline")
    assert page is not None
    page.filters.use_from.setChecked(True)
    page.filters.use_to.setChecked(True)
    page.filters.first.setDate(page.filters.last.date().addDays(3))
    assert page.notice.isVisible()
    return page.notice


def _notice_reads_well_in_the_dark(notice: QLabel) -> None:
    background = _seen(notice, notice.width() // 2, 2)  # in its padding
    assert _dark(background), f"a light band in a dark window: {background.name()}"
    text = notice.palette().color(QPalette.ColorRole.WindowText)
    assert _contrast(text, background) >= 4.5, (text.name(), background.name())


def test_the_timelines_notice_is_toned_down_in_the_dark(qtbot, light_again, profile) -> None:  # type: ignore[no-untyped-def]
    """It was a pale yellow band (#fff3cd) in the dark window, from the start or after a switch."""
    from effect_desktop.gui import i18n

    light_again.setPalette(dark_palette())
    i18n.install("en")
    started_dark = MainWindow(profile)
    qtbot.addWidget(started_dark)
    started_dark.show()
    qtbot.waitExposed(started_dark)
    _notice_reads_well_in_the_dark(_notice_shown(started_dark))


def test_the_timelines_notice_follows_a_switch_to_dark(qtbot, light_again, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    notice = _notice_shown(window)
    assert not _dark(_seen(notice, notice.width() // 2, 2))
    _switch_to_dark(light_again, window)
    _notice_reads_well_in_the_dark(notice)


def test_the_last_answer_line_takes_the_dark_red_mid_session(qtbot, light_again, window: MainWindow,  # type: ignore[no-untyped-def]
                                                             words) -> None:
    page = window.show_page("study")
    page.start_panel.mode_buttons["multiple_choice"].setChecked(True)
    press(qtbot, page.start_panel.start, Qt.Key.Key_Space)
    card = page.session_panel.choice
    keys = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4)
    press(qtbot, card, keys[(card.options.index(card.word.meaning) + 1) % 4])  # a wrong one
    QApplication.processEvents()
    line = page.session_panel.last_result
    assert line.text().startswith("✗")
    light_red = line.palette().color(QPalette.ColorRole.WindowText)
    assert light_red == error_color()

    _switch_to_dark(light_again, window)

    shown = line.palette().color(QPalette.ColorRole.WindowText)
    assert shown == error_color() != light_red, "the ✗ line kept its light-mode red"
    assert _contrast(shown, line.palette().color(QPalette.ColorRole.Window)) >= 4.5
