"""The Statistics screen in Japanese (its catalogue's completeness is checked in tests/gui/test_i18n.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from effect_desktop.gui.statistics import StatisticsPage
from tests.statistics.history import KnownHistory

QM = Path(__file__).resolve().parents[2] / "resources" / "translations" / "statistics_ja.qm"


def test_the_screen_in_japanese(qtbot, history: KnownHistory) -> None:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Japanese))
    try:
        page = StatisticsPage(history.profile)
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.refreshed):  # the figures are read off the GUI thread
            page.show()
        assert page.cards["hardest"].title.text() == "苦手な単語"
        assert page.range.itemText(0) == "過去 30 日"
        assert page.summary.text().startswith("解答: 7 · 正答率: 71%")
        assert page.hardest.item(0, 0).text() == "猫"
    finally:
        QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English))
