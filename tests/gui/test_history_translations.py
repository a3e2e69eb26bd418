"""The timeline, import and backup screens in Japanese (resources/translations/history_ja.ts; its
completeness is checked in tests/gui/test_i18n.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from effect_desktop.bootstrap import open_profile
from effect_desktop.gui import i18n


def test_timeline_page_appears_in_japanese(qtbot, tmp_path):
    from effect_desktop.gui.timeline import TimelinePage

    profile = open_profile(tmp_path / "p.effect.sqlite3")
    try:
        assert i18n.install("ja") == "ja"
        page = TimelinePage(profile)
        qtbot.addWidget(page)
        assert page.scheduler_button.text() == "スケジューラー(&D)…"
        assert page.travel.go.text() == "過去を表示(&P)"
        assert page.travel.now.text() == "現在に戻る(&N)"
        assert page.detail.cause_button.text() == "原因へ移動(&U)"
        assert page.model.headerData(1, Qt.Orientation.Horizontal) == "出来事"
        assert page.more_label.text() == "続きのイベントを読み込んでいます…"  # a filtered list's next page
    finally:
        i18n.install("en")
        profile.close()
