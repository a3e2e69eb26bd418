"""The import dialog over ordinary files the import's guesses misread: it reads them as the CLI does."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from effect_desktop.bootstrap import Profile
from effect_desktop.gui.import_dialog import ImportDialog

from .conftest import word_rows
from .test_import_dialog import import_now, open_file
from .test_import_misreadings import BOLD_CATEGORY, OLD_ANKI, TAB_COMMAS, ZWJ
from .test_import_realfiles_dialog import preview_rows


@pytest.fixture(autouse=True)
def english(qapp) -> None:  # noqa: ANN001  (pytest-qt's application, so a translator can be installed)
    from effect_desktop.gui import i18n

    i18n.install("en")


def test_a_tab_separated_txt_with_commas_in_its_meanings_is_read_at_its_tabs(qtbot: QtBot, profile: Profile,
                                                                              tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_text(TAB_COMMAS, encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    assert dialog.detected_label.text() == "UTF-8, tab, 3 rows"
    assert preview_rows(dialog)[0] == ["run", "to move fast, on foot"]
    import_now(qtbot, dialog)
    assert [(text, meaning) for text, meaning, *_ in word_rows(profile)] == [
        ("drink", "to swallow liquid, sip"), ("eat", "to take in food, consume"), ("run", "to move fast, on foot")]


def test_the_preview_shows_the_words_as_they_are_stored(qtbot: QtBot, profile: Profile, tmp_path: Path) -> None:
    """The preview kept what the import drops (a soft hyphen, a stray joiner) and, before, the import dropped
    an emoji's joiner that the preview showed."""
    path = tmp_path / "emoji.csv"
    path.write_text(ZWJ + "co\u00adoperate,一緒に\n", encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    shown = [row[0] for row in preview_rows(dialog)]
    import_now(qtbot, dialog)
    assert sorted(shown) == sorted(text for text, *_ in word_rows(profile))
    assert shown[0] == "🐈\u200d⬛" and shown[-2:] == ["cooperate", "cooperate"]


def test_the_window_lets_the_learner_say_whether_a_file_is_ankis_export(qtbot: QtBot, profile: Profile,
                                                                        tmp_path: Path) -> None:
    """One "<b>" made the window read a plain list as older Anki's export, its category as tags, with no way
    to say otherwise; a real one can be read as written too."""
    plain, old = tmp_path / "plain.tsv", tmp_path / "old.txt"
    plain.write_text(BOLD_CATEGORY, encoding="utf-8")
    old.write_text(OLD_ANKI, encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, plain)
    assert not dialog.anki_check.isHidden() and not dialog.anki_check.isChecked()
    assert dialog.mapping() == {0: "text", 1: "meaning", 2: "category"}
    assert preview_rows(dialog)[0] == ["bold", "太字（<b>…</b> で書く）", "web design"]
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.anki_check.click()
    assert dialog.mapping() == {0: "text", 1: "meaning", 2: "tags"}
    assert preview_rows(dialog)[0] == ["bold", "太字（… で書く）", "web design"]
    assert dialog.detected_label.text().endswith(", Anki's notes without header lines (their HTML read as text)")
    open_file(qtbot, dialog, old)
    assert dialog.anki_check.isChecked() and dialog.mapping() == {0: "text", 1: "meaning", 2: "tags"}
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.anki_check.click()
    assert dialog.mapping() == {0: "text", 1: "meaning", 2: "category"}
    assert preview_rows(dialog)[0] == ["<b>食べる</b>", "to&nbsp;eat<br>to have a meal", "verb JLPT::N5"]
    import_now(qtbot, dialog)
    assert word_rows(profile)[0] == ("<b>食べる</b>", "to&nbsp;eat<br>to have a meal", "verb JLPT::N5", [], 1)


def test_a_plain_list_shows_no_anki_choice(qtbot: QtBot, profile: Profile, tmp_path: Path) -> None:
    path = tmp_path / "list.tsv"
    path.write_text("apple\tりんご\tnoun\n", encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    assert dialog.anki_check.isHidden()


def test_a_row_cut_at_a_comma_names_the_comma_before_and_after_import(qtbot: QtBot, profile: Profile,
                                                                     tmp_path: Path) -> None:
    """The list said "…holds the delimiter…" and the same rows after a refused Import "…holds a comma…"."""
    from effect_desktop.gui import i18n

    path = tmp_path / "quizlet.txt"
    path.write_text("apple,りんご\nrun,to move fast, on foot\nhello,こんにちは\n", encoding="utf-8")
    expected = ("line 2: 3 cells where most rows have 2, so “on foot” would be left out; put quotes around a cell "
                "that holds a comma, or map the extra column")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    assert dialog.problems.item(0).text() == expected
    assert import_now(qtbot, dialog) == [expected]
    assert dialog.problems.item(0).text() == expected
    i18n.install("ja")
    try:
        japanese = ImportDialog(profile)
        qtbot.addWidget(japanese)
        with qtbot.waitSignal(japanese.loaded, timeout=10_000):
            japanese.load_file(path)
        assert "カンマを含むセルを引用符で囲むか" in japanese.problems.item(0).text()
    finally:
        i18n.install("en")
