"""Every string of the Statistics screen has a finished Japanese translation, and it is used."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from effect_desktop.gui.statistics import StatisticsPage
from tests.statistics.history import KnownHistory

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "statistics_ja.ts"
QM = TS.with_suffix(".qm")
SOURCES = ROOT / "effect_desktop" / "gui" / "statistics"


def _messages(ts: Path) -> dict[tuple[str | None, str | None], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(c.findtext("name"), m.findtext("source")): m for c in root.iter("context") for m in c.iter("message")}


def test_every_string_is_translated(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate, *sorted(map(str, SOURCES.glob("*.py"))), "-ts", str(fresh)],
                   check=True, capture_output=True)
    ours = _messages(TS)
    missing = sorted(set(_messages(fresh)) - set(ours), key=str)
    assert not missing, f"run pyside6-lupdate on gui/statistics and translate: {missing[:5]}"
    unfinished = [key for key, m in ours.items() if m.find("translation").get("type") == "unfinished"]
    assert not unfinished, f"untranslated: {unfinished[:5]}"
    assert QM.stat().st_mtime >= TS.stat().st_mtime - 1, "run pyside6-lrelease after editing the .ts"


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
