"""The import dialog over files as Anki writes them: real widgets, a real profile, real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from effect_desktop.bootstrap import Profile
from effect_desktop.gui.import_dialog import ImportDialog

from .conftest import word_rows
from .test_import_dialog import import_now, open_file
from .test_import_realfiles import ANKI_PLAIN


@pytest.fixture(autouse=True)
def english(qapp) -> None:  # noqa: ANN001  (pytest-qt's application, so a translator can be installed)
    from effect_desktop.gui import i18n

    i18n.install("en")


def preview_rows(dialog: ImportDialog) -> list[list[str]]:
    return [[dialog.preview.item(r, c).text() for c in range(dialog.preview.columnCount())]
            for r in range(dialog.preview.rowCount())]


def test_ankis_text_export_is_previewed_as_it_will_be_imported(qtbot: QtBot, profile: Profile,
                                                               tmp_path: Path) -> None:
    """The preview showed "<b>食べる</b>", "to&nbsp;eat<br>…" and "[sound:…]" while the import stored text."""
    path = tmp_path / "notes.txt"
    path.write_text(ANKI_PLAIN, encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    assert preview_rows(dialog)[:3] == [["食べる", "to eat\nto have a meal", "verb JLPT::N5"],
                                        ["飲む", "to drink（のむ）", "verb"], ["猫", "cat", "noun animal"]]
    assert dialog.detected_label.text().endswith(", Anki's notes in plain text")
    with qtbot.waitSignal(dialog.checked, timeout=10_000):  # the meaning's column as the word: shown as such
        dialog.combos[1].setCurrentIndex(dialog.combos[1].findData("ignore"))
    assert preview_rows(dialog)[0][1] == "to&nbsp;eat<br>to have a meal"  # ignored: as the file has it
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        dialog.combos[1].setCurrentIndex(dialog.combos[1].findData("meaning"))
    assert preview_rows(dialog)[0][1] == "to eat\nto have a meal"


def test_a_picture_only_note_of_ankis_text_export_is_left_out_in_the_dialog(qtbot: QtBot, profile: Profile,
                                                                            tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(ANKI_PLAIN, encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    assert dialog.check_summary.text() == "Checked: 3 new words, 1 note cannot be imported (left out)."
    assert dialog.problems.item(0).text() == "line 7: the front holds only pictures or sounds, which cannot be imported"
    assert import_now(qtbot, dialog).created == 3  # type: ignore[attr-defined]  (no "leave out" tick needed)
    assert dialog.status.text() == "Import finished: 3 words added, 1 note left out."
    assert len(word_rows(profile)) == 3


def test_older_ankis_export_is_said_to_be_read_as_anki_notes(qtbot: QtBot, profile: Profile, tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_text("<b>食べる</b>\tto&nbsp;eat<br>to have a meal\tverb JLPT::N5\n", encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    assert dialog.detected_label.text().endswith(", Anki's notes without header lines (their HTML read as text)")
    assert dialog.mapping() == {0: "text", 1: "meaning", 2: "tags"}
    assert preview_rows(dialog) == [["食べる", "to eat\nto have a meal", "verb JLPT::N5"]]


def test_a_deck_imported_before_leaves_import_off_and_the_detected_line_agrees(qtbot: QtBot, profile: Profile,
                                                                               tmp_path: Path) -> None:
    """Import stayed on for "0 new words … 3 notes cannot be imported (left out)", beside "Detected: Anki
    deck, 2 notes can be imported"."""
    from .test_apkg import anki21b_package

    package = anki21b_package(tmp_path)
    first = ImportDialog(profile)
    qtbot.addWidget(first)
    open_file(qtbot, first, package)
    assert first.detected_label.text() == "Anki deck, 5 notes"
    assert import_now(qtbot, first).created == 2  # type: ignore[attr-defined]
    again = ImportDialog(profile)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.loaded, timeout=10_000):
        again.load_file(package)
    assert again.check_summary.text() == ("Checked: 0 new words, 2 already in your list (skipped), 3 notes cannot "
                                          "be imported (left out).")
    assert not again.import_button.isEnabled()


def test_a_list_whose_rows_are_all_bad_leaves_import_off(qtbot: QtBot, profile: Profile, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("word,meaning\nempty,\nalso empty,\n", encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.load_file(path)
    assert dialog.check_summary.text() == "Checked: 0 new words, 2 rows cannot be imported."
    assert not dialog.import_button.isEnabled()


def test_the_deck_preview_says_which_fields_became_the_word_and_the_meaning(qtbot: QtBot, profile: Profile,
                                                                            tmp_path: Path) -> None:
    import genanki

    from effect_desktop.gui import i18n

    three = genanki.Model(1607392321, "Kanji/Reading/Meaning",
                          fields=[{"name": "Kanji"}, {"name": "Reading"}, {"name": "Meaning"}],
                          templates=[{"name": "Card 1", "qfmt": "{{Kanji}}", "afmt": "{{Meaning}}"}])
    deck = genanki.Deck(2059400160, "Japanese")
    deck.add_note(genanki.Note(model=three, fields=["水", "みず", "water"]))
    path = tmp_path / "deck.apkg"
    genanki.Package(deck).write_to_file(path)
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    assert dialog.detected_label.text() == ("Anki deck, 1 note\nNote type “Kanji/Reading/Meaning”: the word from "
                                            "its field “Kanji”, the meaning from “Meaning”, its reading from "
                                            "“Reading” (after the meaning)")
    assert preview_rows(dialog) == [["水", "water（みず）", "Japanese", ""]]
    i18n.install("ja")
    try:
        japanese = ImportDialog(profile)
        qtbot.addWidget(japanese)
        with qtbot.waitSignal(japanese.loaded, timeout=10_000):
            japanese.load_file(path)
        assert japanese.detected_label.text().splitlines()[1] == (
            "ノートタイプ「Kanji/Reading/Meaning」：単語はフィールド「Kanji」、意味は「Meaning」、読みは「Reading」から"
            "（意味の後に）")
    finally:
        i18n.install("en")
