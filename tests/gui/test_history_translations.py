"""The timeline, import and backup screens in Japanese (resources/translations/history_ja.ts)."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt

from effect_desktop.bootstrap import open_profile
from effect_desktop.gui import i18n
from effect_desktop.gui.paths import translations_dir
from tests.support.qt_tools import pyside_tool

TS = translations_dir() / "history_ja.ts"
GUI = Path(__file__).resolve().parents[2] / "effect_desktop" / "gui"


def _sources(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(ctx.findtext("name"), m.findtext("source")): m
            for ctx in root.iter("context") for m in ctx.iter("message")}


def test_every_timeline_import_and_backup_string_has_a_finished_japanese_translation(tmp_path):
    lupdate = pyside_tool("pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    sources = [*sorted(str(p) for p in (GUI / "timeline").glob("*.py")),
               str(GUI / "import_dialog.py"), str(GUI / "backup_dialog.py")]
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    found = _sources(fresh)
    assert found, "lupdate found no strings"
    ours = _sources(TS)
    missing = sorted(set(found) - set(ours))
    assert not missing, f"run pyside6-lupdate into history_ja.ts and translate: {missing[:5]}"
    unfinished = [key for key in found
                  if ours[key].find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                  or not "".join(ours[key].find("translation").itertext()).strip()]
    assert not unfinished, f"untranslated: {unfinished[:5]}"
    qm = translations_dir() / "history_ja.qm"
    assert qm.stat().st_mtime >= TS.stat().st_mtime - 1, "run pyside6-lrelease after editing the .ts"


def test_timeline_page_appears_in_japanese(qtbot, tmp_path):
    from effect_desktop.gui.timeline import TimelinePage

    profile = open_profile(tmp_path / "p.effect.sqlite3")
    try:
        assert i18n.install("ja") == "ja"
        page = TimelinePage(profile)
        qtbot.addWidget(page)
        assert page.scheduler_button.text() == "スケジューラー…"
        assert page.travel.go.text() == "過去を表示"
        assert page.travel.now.text() == "現在に戻る"
        assert page.detail.cause_button.text() == "原因へ移動"
        assert page.model.headerData(1, Qt.Orientation.Horizontal) == "出来事"
        assert page.more_label.text() == "続きのイベントを読み込んでいます…"  # a filtered list's next page
    finally:
        i18n.install("en")
        profile.close()
