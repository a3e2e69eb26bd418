"""The import and backup dialogs with real widgets, a real profile and real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from effect_desktop.backup.backups import create_backup
from effect_desktop.bootstrap import Profile, open_profile
from effect_desktop.gui.backup_dialog import BackupDialog
from effect_desktop.gui.import_dialog import ImportDialog
from effect_desktop.interchange.importer import ImportReport
from tests.support.qt_tools import tip_text

from .conftest import word_rows
from .test_apkg import anki21b_package


@pytest.fixture(autouse=True)
def english(qapp) -> None:  # noqa: ANN001  (pytest-qt's application, so a translator can be installed)
    """The dialogs in English with its plural forms, whichever tests ran before."""
    from effect_desktop.gui import i18n

    i18n.install("en")


def open_file(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.load_file(path)
    assert dialog.import_button.isEnabled()


def import_now(qtbot: QtBot, dialog: ImportDialog) -> object:
    with qtbot.waitSignal(dialog.finished_import, timeout=30_000) as finished:
        dialog.import_button.click()
    return finished.args[0]


def test_preview_shows_detection_and_the_mapping_can_be_changed(qtbot: QtBot, profile: Profile,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes("意味;単語;メモ\nりんご;apple;x\nみかん;orange;y\n".encode("cp932"))
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    assert "Shift_JIS" in dialog.detected_label.text() and "semicolon" in dialog.detected_label.text()
    assert dialog.preview.rowCount() == 2 and dialog.preview.item(0, 1).text() == "apple"
    assert dialog.mapping() == {0: "meaning", 1: "text"}
    with qtbot.waitSignal(dialog.checked, timeout=10_000):  # a changed choice is checked again
        dialog.combos[2].setCurrentIndex(dialog.combos[2].findData("category"))
    result = import_now(qtbot, dialog)
    assert isinstance(result, ImportReport) and result.created == 2
    assert word_rows(profile) == [("apple", "りんご", "x", [], 1), ("orange", "みかん", "y", [], 1)]


def test_an_encoding_the_file_cannot_be_read_in_goes_back_to_the_one_shown(qtbot: QtBot, profile: Profile,
                                                                           tmp_path: Path) -> None:
    """UTF-8 chosen for a Shift_JIS file: the error was shown, but the combo kept "UTF-8" over the
    Shift_JIS preview, and Import took that table while the dialog said UTF-8."""
    path = tmp_path / "list.csv"
    path.write_bytes("単語,意味\napple,りんご\n".encode("cp932"))
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    shown = dialog.encoding_combo.currentText()
    utf8 = dialog.encoding_combo.findData("utf-8")
    assert utf8 >= 0
    with qtbot.waitSignal(dialog.finished_import, timeout=10_000):
        dialog.encoding_combo.setCurrentIndex(utf8)
        dialog.encoding_combo.activated.emit(utf8)
    box = dialog.findChild(QMessageBox, "errorDialog")
    assert box is not None and "UTF-8" in box.text()
    assert dialog.encoding_combo.currentText() == shown and "Shift_JIS" in dialog.detected_label.text()
    assert dialog.preview.item(0, 1).text() == "りんご"


def test_a_plain_csv_from_western_european_excel_is_read_as_windows_1252(qtbot: QtBot, profile: Profile,
                                                                         tmp_path: Path) -> None:
    """It was read as Shift_JIS ("gar輟n" in the preview, Import on) or refused, with no Encoding choice
    that could read it."""
    french = tmp_path / "french.csv"
    french.write_bytes("garçon;boy\r\nélève;pupil\r\nœuf;egg – oeuf\r\n".encode("cp1252"))
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, french)
    assert "Windows-1252" in dialog.detected_label.text()
    assert [dialog.preview.item(row, 0).text() for row in range(3)] == ["garçon", "élève", "œuf"]
    letters = tmp_path / "letters.csv"  # one-letter words alone in their cells: too little to tell by
    letters.write_bytes("é;is\r\nà;to\r\n".encode("cp1252"))
    with qtbot.waitSignal(dialog.finished_import, timeout=10_000):
        dialog.load_file(letters)
    box = dialog.findChild(QMessageBox, "errorDialog")
    assert box is not None and "choose it under Encoding (the list names the languages" in box.text()
    box.close()
    western = dialog.encoding_combo.findData("cp1252")
    assert western >= 0
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.encoding_combo.setCurrentIndex(western)
        dialog.encoding_combo.activated.emit(western)
    assert [dialog.preview.item(row, 0).text() for row in range(2)] == ["é", "à"]
    assert isinstance(result := import_now(qtbot, dialog), ImportReport) and result.created == 2


def test_a_list_in_another_script_is_detected_or_chosen_by_its_language(qtbot: QtBot, profile: Profile,
                                                                       tmp_path: Path) -> None:
    """A Russian list from Excel (Windows-1251) was refused, and so was a Greek one, with nothing in the
    Encoding list that could read either: only UTF-8, UTF-16, Shift_JIS and Windows-1252."""
    russian = tmp_path / "russian.csv"
    russian.write_bytes("яблоко;apple\r\nкошка;cat\r\n".encode("cp1251"))
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, russian)
    assert dialog.detected_label.text().startswith("Windows-1251 (Cyrillic), semicolon")
    assert [dialog.preview.item(row, 0).text() for row in range(2)] == ["яблоко", "кошка"]
    greek = tmp_path / "greek.csv"
    greek.write_bytes("μήλο;apple\r\nγάτα;cat\r\n".encode("cp1253"))
    with qtbot.waitSignal(dialog.finished_import, timeout=10_000):
        dialog.load_file(greek)
    box = dialog.findChild(QMessageBox, "errorDialog")
    assert box is not None and "choose it under Encoding" in box.text()
    box.close()
    named = [dialog.encoding_combo.itemText(i) for i in range(dialog.encoding_combo.count())]
    assert "Windows-1253 (Greek)" in named and "GB18030 (Simplified Chinese)" in named
    chosen = dialog.encoding_combo.findData("cp1253")
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.encoding_combo.setCurrentIndex(chosen)
        dialog.encoding_combo.activated.emit(chosen)
    assert dialog.detected_label.text().startswith("Windows-1253 (Greek), semicolon")
    assert [dialog.preview.item(row, 0).text() for row in range(2)] == ["μήλο", "γάτα"]
    assert isinstance(result := import_now(qtbot, dialog), ImportReport) and result.created == 2
    assert sorted(text for text, *_ in word_rows(profile)) == ["γάτα", "μήλο"]


def test_the_encodings_are_named_in_the_interface_language(qtbot: QtBot, profile: Profile) -> None:
    from effect_desktop.gui import i18n

    try:
        assert i18n.install("ja") == "ja"
        dialog = ImportDialog(profile)
        qtbot.addWidget(dialog)
        named = [dialog.encoding_combo.itemText(i) for i in range(dialog.encoding_combo.count())]
    finally:
        i18n.install("en")
    assert named[0] == "自動検出"
    assert "Windows-1251（キリル文字）" in named and "Big5（繁体字中国語）" in named


def test_a_file_and_its_column_names_are_shown_as_written_not_as_markup(qtbot: QtBot, profile: Profile,
                                                                        tmp_path: Path) -> None:
    """A file named "<font color=red size=6>list.csv" showed as a big red "list.csv", its folder hidden,
    and a column named "<b>note</b>" had a bold tooltip (found by a security review)."""
    path = tmp_path / "<font color=red size=6>list.csv"
    path.write_text("word,meaning,<b>note</b>\napple,りんご,x\n", encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    assert dialog.file_label.text() == str(path)
    assert dialog.file_label.textFormat() == Qt.TextFormat.PlainText
    assert tip_text(dialog.combos[2].toolTip()) == "<b>note</b>"


def test_the_preview_shows_a_defused_formula_cell_as_the_import_takes_it(qtbot: QtBot, profile: Profile,
                                                                         tmp_path: Path) -> None:
    """An exported "-tion" is written "'-tion" (so no spreadsheet runs it), and the import takes the
    apostrophe off; the preview showed it on (found in review of the security fixes)."""
    path = tmp_path / "suffixes.csv"
    path.write_text("text,meaning\n'-tion,名詞を作る\n'tis,it is\n", encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    assert [dialog.preview.item(row, 0).text() for row in range(2)] == ["-tion", "'tis"]
    assert isinstance(result := import_now(qtbot, dialog), ImportReport) and result.created == 2
    assert sorted(text for text, *_ in word_rows(profile)) == ["'tis", "-tion"]


def test_the_choices_wait_while_the_file_is_read(qtbot: QtBot, profile: Profile, tmp_path: Path) -> None:
    """Tab chosen while the file was being read with semicolons: the new reading was dropped, the combo
    said Tab over a table of "word⇥meaning" cells, and Import would have taken those as words."""
    path = tmp_path / "big.tsv"
    path.write_text("".join(f"word{i}\tmeaning {i}\n" for i in range(60_000)), encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    semicolon = dialog.delimiter_combo.findData(";")
    with qtbot.waitSignal(dialog.loaded, timeout=30_000):
        dialog.delimiter_combo.setCurrentIndex(semicolon)
        dialog.delimiter_combo.activated.emit(semicolon)
        assert not dialog.delimiter_combo.isEnabled() and not dialog.encoding_combo.isEnabled()
        assert not any(combo.isEnabled() for combo in dialog.combos)
    qtbot.waitUntil(dialog.delimiter_combo.isEnabled, timeout=30_000)
    assert dialog.encoding_combo.isEnabled() and all(combo.isEnabled() for combo in dialog.combos)


def test_the_column_choices_are_named_and_come_next_by_tab(qtbot: QtBot, profile: Profile, tmp_path: Path) -> None:
    """A screen reader heard only "Word" or "Meaning" (the choice), and Tab reached them after Import."""
    path = tmp_path / "list.csv"
    path.write_text("word,meaning\napple,りんご\n", encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    assert [combo.accessibleName() for combo in dialog.combos] == [
        "Column 1, “word”, is imported as", "Column 2, “meaning”, is imported as"]
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.job is None and dialog.combos[0].isEnabled(), timeout=10_000)  # checked
    dialog.header_check.setFocus()
    reached = []
    for _ in range(2):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        reached.append(dialog.focusWidget())
    assert reached == dialog.combos  # the options' next stops, before the preview and Import


def test_bad_rows_are_listed_and_can_be_left_out(qtbot: QtBot, profile: Profile, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("word,meaning\ngood,fine\nempty,\n", encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    # said before anything is tried: the rows were checked as soon as the file was read
    assert dialog.problems.item(0).text() == "line 3: Meaning must not be empty."
    assert dialog.problems.isVisibleTo(dialog) and dialog.problems_caption.isVisibleTo(dialog)  # hidden while empty
    assert dialog.check_summary.text() == "Checked: 1 new word, 1 row cannot be imported."
    assert import_now(qtbot, dialog) == ["line 3: Meaning must not be empty."]
    assert dialog.problems.item(0).text() == "line 3: Meaning must not be empty."
    assert profile.store.count() == 0
    dialog.skip_bad.setChecked(True)
    assert isinstance(import_now(qtbot, dialog), ImportReport)
    assert word_rows(profile) == [("good", "fine", "", [], 1)]


def test_what_the_check_found_is_in_sight_at_the_dialogs_own_size(qtbot: QtBot, profile: Profile,
                                                                  tmp_path: Path) -> None:
    """At its own 820×620 the check's summary ("2 rows cannot be imported") and the rows it names started
    below the fold of the scrolling body: Import was pressed with neither ever seen."""
    path = tmp_path / "long.csv"
    path.write_text("word,meaning,category,tags\n" + "".join(f"w{i},m{i},cat,a;b\n" for i in range(200))
                    + ",empty\nbad,\n", encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    dialog.resize(820, 620)
    dialog.show()
    open_file(qtbot, dialog, path)
    assert dialog.check_summary.text() == "Checked: 200 new words, 2 rows cannot be imported."

    def in_sight(widget: QWidget) -> bool:
        return not widget.visibleRegion().isEmpty()

    viewport = dialog.body_area.viewport()
    qtbot.waitUntil(lambda: dialog.body.height() > viewport.height() + 100)  # laid out: the body scrolls
    qtbot.wait(100)
    assert in_sight(dialog.problems) and in_sight(dialog.check_summary) and in_sight(dialog.skip_bad)
    assert in_sight(dialog.import_button)
    # a later check follows a choice made above: the body stays where the learner is (it scrolled away from
    # the column box still holding the keyboard; found in review)
    dialog.resize(820, 450)  # its size on a 1366×768 screen at 150%
    qtbot.wait(50)
    dialog.body_area.verticalScrollBar().setValue(0)
    combo = dialog.combos[2]
    combo.setFocus()
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        index = (combo.currentIndex() + 1) % combo.count()
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
    qtbot.wait(100)
    assert in_sight(combo) and combo.hasFocus()


def test_a_row_the_reader_cannot_split_is_counted_among_the_files_rows(qtbot: QtBot, profile: Profile,
                                                                      tmp_path: Path) -> None:
    """A file of three words, one with a cell too long to read, was "2 rows" above "1 row cannot be
    imported": the learner counts three in the file, and the two figures did not add up."""
    path = tmp_path / "huge.csv"
    path.write_text("word,meaning\ngood,fine\nbig," + "x" * 70_000 + "\nlast,one\n", encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    assert dialog.problems.item(0).text() == "line 3: a cell is longer than 65,536 characters"
    assert ", 3 rows, first row is a header" in dialog.detected_label.text()
    assert dialog.check_summary.text() == "Checked: 2 new words, 1 row cannot be imported."


def test_an_import_refused_for_bad_rows_shows_them_and_the_box_that_leaves_them_out(qtbot: QtBot, profile: Profile,
                                                                                     tmp_path: Path) -> None:
    """At the dialog's first size the bad rows and "Leave out rows that cannot be imported" were below the
    preview, out of sight: Import said only "4 rows cannot be imported" in the status line."""
    path = tmp_path / "bad.csv"
    rows = [f"w{i},m{i}" for i in range(12)] + ["empty,", ",no word", "x,y,7"]
    path.write_text("word,meaning,difficulty\n" + "\n".join(rows) + "\n", encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    dialog.resize(820, 560)
    dialog.show()
    open_file(qtbot, dialog, path)
    viewport = dialog.body_area.viewport()

    def in_sight(widget) -> bool:  # type: ignore[no-untyped-def]
        top_left = widget.mapTo(viewport, widget.rect().topLeft())
        return viewport.rect().contains(top_left) and viewport.rect().contains(
            widget.mapTo(viewport, widget.rect().bottomLeft()))

    qtbot.waitUntil(lambda: dialog.problems.count() == 3 and dialog.body_area.widget().height() > viewport.height())
    qtbot.waitUntil(lambda: in_sight(dialog.problems), timeout=3000)  # brought into sight by the check
    dialog.body_area.verticalScrollBar().setValue(0)  # the learner scrolls back up to the preview
    QApplication.processEvents()
    assert not in_sight(dialog.problems), "(the case: out of sight before Import)"
    import_now(qtbot, dialog)
    qtbot.waitUntil(lambda: in_sight(dialog.problems) and in_sight(dialog.skip_bad), timeout=3000)
    assert dialog.skip_bad.hasFocus() or QApplication.focusWidget() is dialog.skip_bad


def test_the_check_counts_duplicates_and_follows_the_choices(qtbot: QtBot, profile: Profile,
                                                             tmp_path: Path) -> None:
    profile.service.create_word("apple", "りんご")
    path = tmp_path / "list.csv"
    path.write_text("word,meaning,category\napple,りんご,fruit\nocean,海,nature\n", encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    assert dialog.check_summary.text() == "Checked: 1 new word, 1 already in your list (skipped)."
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        dialog.update_radio.setChecked(True)
    assert dialog.check_summary.text() == "Checked: 1 new word, 1 to update."
    with qtbot.waitSignal(dialog.checked, timeout=10_000):  # no column for the meaning any more
        dialog.combos[1].setCurrentIndex(dialog.combos[1].findData("category"))
    assert "No column is mapped to the meaning" in dialog.check_summary.text()
    assert not dialog.import_button.isEnabled()
    assert profile.store.count() == 1  # checking wrote nothing


def test_two_tags_columns_merge_and_another_field_twice_stops_the_import(qtbot: QtBot, profile: Profile,
                                                                         tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("word,meaning,level,topic\n猫,cat,n5,animal\n", encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.load_file(path)
    # "level" over "n5" is no difficulty (every row was refused): the category, which no column names
    assert dialog.mapping() == {0: "text", 1: "meaning", 2: "category"}
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        dialog.combos[3].setCurrentIndex(dialog.combos[3].findData("meaning"))
    assert dialog.check_summary.text().startswith("Columns 2 and 4 are both mapped to the meaning")
    assert not dialog.import_button.isEnabled()
    for combo in dialog.combos[2:]:
        with qtbot.waitSignal(dialog.checked, timeout=10_000):
            combo.setCurrentIndex(combo.findData("tags"))
    assert dialog.check_summary.text() == "Checked: 1 new word."
    import_now(qtbot, dialog)
    assert word_rows(profile) == [("猫", "cat", "", ["n5", "animal"], 1)]


def test_the_header_is_detected_shown_and_can_be_overridden(qtbot: QtBot, profile: Profile,
                                                            tmp_path: Path) -> None:
    path = tmp_path / "body.csv"
    path.write_text("back,背中\narm,腕\n", encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    assert not dialog.header_check.isChecked() and dialog.preview.rowCount() == 2
    assert dialog.check_summary.text() == "Checked: 2 new words."
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.header_check.click()
    assert dialog.header_check.isChecked() and dialog.preview.rowCount() == 1
    assert dialog.preview.horizontalHeaderItem(0).text() == "back"
    assert dialog.check_summary.text() == "Checked: 1 new word."
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.header_check.click()
    import_now(qtbot, dialog)
    assert [text for text, *_ in word_rows(profile)] == ["arm", "back"]


def test_a_word_repeated_in_the_file_is_not_said_to_be_in_the_list(qtbot: QtBot, profile: Profile,
                                                                   tmp_path: Path) -> None:
    path = tmp_path / "dups.csv"
    path.write_text("word,meaning\napple,りんご\nApple,りんご\nocean,海\n", encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)  # an empty profile: nothing is in the list yet
    assert dialog.check_summary.text() == "Checked: 2 new words, 1 repeated in the file (skipped)."
    profile.service.create_word("ocean", "海")
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        dialog.update_radio.setChecked(True)
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        dialog.skip_radio.setChecked(True)
    assert dialog.check_summary.text() == ("Checked: 1 new word, 1 already in your list (skipped), "
                                           "1 repeated in the file (skipped).")


def test_the_check_says_which_rows_give_a_new_meaning_and_update_takes_them(qtbot: QtBot, profile: Profile,
                                                                            tmp_path: Path) -> None:
    profile.service.create_word("食べる", "to eat")
    path = tmp_path / "edited.csv"
    path.write_text("word,meaning\n食べる,to eat; to have a meal\n", encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    assert dialog.check_summary.text() == ("Checked: 1 new word, 1 with a new meaning for a word you have (added as "
                                           "another word).")
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        dialog.update_radio.setChecked(True)  # a second deck's "bank" is another word: never assumed
    assert dialog.check_summary.text() == ("Checked: 1 new word, 1 with a new meaning for a word you have (added as "
                                           "another word).")
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        dialog.meaning_radio.setChecked(True)
    assert dialog.check_summary.text() == "Checked: 0 new words, 1 to update, 1 of them with a new meaning."
    import_now(qtbot, dialog)
    assert [(text, meaning) for text, meaning, *_ in word_rows(profile)] == [("食べる", "to eat; to have a meal")]


def test_bad_rows_are_named_in_the_interface_language(qtbot: QtBot, profile: Profile, tmp_path: Path) -> None:
    from effect_desktop.gui import i18n
    from effect_desktop.gui.import_dialog import import_summary

    path = tmp_path / "bad.csv"
    path.write_text("word,meaning\ngood,fine\nempty,\nalone\n", encoding="utf-8")
    try:
        assert i18n.install("ja") == "ja"
        dialog = ImportDialog(profile)
        qtbot.addWidget(dialog)
        open_file(qtbot, dialog, path)
        assert dialog.problems.item(0).text() == "3 行目: 意味を入力してください。"
        assert dialog.problems.item(1).text() == "4 行目: 列が 1 個しかありません（この対応付けには 2 列必要です）"
        report = ImportReport(created=2, updated=0, skipped_duplicates=1, skipped_problems=0, events=2,
                              correlation_id=None)
        assert import_summary(report) == "インポート完了: 2 語を追加、重複 1 語をスキップ。"
    finally:
        i18n.install("en")
    assert import_summary(report) == "Import finished: 2 words added, 1 duplicate skipped."


def test_columns_the_file_does_not_name_and_the_last_status_are_in_the_interface_language(
        qtbot: QtBot, profile: Profile, tmp_path: Path) -> None:
    """No header row, and an extra cell on one line: the preview named them "Column 1..4" in English,
    a deck's preview named its fields in English, and the status line said "2 words added" in English
    as the dialog closed."""
    from effect_desktop.gui import i18n

    path = tmp_path / "plain.csv"
    path.write_text("猫,cat\n犬,dog,animals,extra\n", encoding="utf-8")
    try:
        assert i18n.install("ja") == "ja"
        dialog = ImportDialog(profile)
        qtbot.addWidget(dialog)
        open_file(qtbot, dialog, path)
        shown = [dialog.preview.horizontalHeaderItem(i).text() for i in range(dialog.preview.columnCount())]
        assert shown == ["列 1", "列 2", "列 3", "列 4"]
        assert [tip_text(combo.toolTip()) for combo in dialog.combos] == shown
        import_now(qtbot, dialog)
        assert dialog.status.text() == "インポート完了: 2 語を追加。"

        deck = ImportDialog(profile)
        qtbot.addWidget(deck)
        open_file(qtbot, deck, anki21b_package(tmp_path))
        assert [deck.preview.horizontalHeaderItem(i).text() for i in range(4)] == ["単語", "意味", "カテゴリ", "タグ"]
    finally:
        i18n.install("en")


def test_a_large_import_can_be_cancelled_and_changes_nothing(qtbot: QtBot, profile: Profile,
                                                            tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("word,meaning\n" + "".join(f"w{i},m{i}\n" for i in range(30_000)), encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    with qtbot.waitSignal(dialog.finished_import, timeout=30_000) as finished:
        dialog.import_button.click()
        dialog.cancel_button.click()
    assert "cancelled" in str(finished.args[0])
    assert profile.store.count() == 0
    assert "nothing was changed" in dialog.status.text()


def test_cancel_once_the_words_are_being_saved_says_so_and_the_import_completes(qtbot: QtBot, profile: Profile,
                                                                                 tmp_path: Path) -> None:
    """It said "Cancelling…" and then imported everything."""
    path = tmp_path / "big.csv"
    path.write_text("word,meaning\n" + "".join(f"w{i},m{i}\n" for i in range(30_000)), encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    with qtbot.waitSignal(dialog.finished_import, timeout=60_000) as finished:
        dialog.import_button.click()
        qtbot.waitUntil(lambda: dialog.status.text().startswith("Saving"), timeout=30_000)
        dialog.cancel()  # as the button would, had it not been turned off
        assert not dialog.cancel_button.isEnabled()
        assert dialog.status.text().startswith("Saving the words… This cannot be cancelled now")
        dialog.reject()  # Esc: the dialog stays, without waiting, until the words are in
        assert dialog.job is not None
    assert isinstance(finished.args[0], ImportReport) and finished.args[0].created == 30_000
    assert dialog.result() == QDialog.DialogCode.Accepted  # so the main window refreshes its pages


def test_an_anki_deck_is_previewed_with_its_unimportable_notes(qtbot: QtBot, profile: Profile,
                                                              tmp_path: Path) -> None:
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, anki21b_package(tmp_path))
    assert dialog.preview.rowCount() == 2
    assert dialog.problems.count() == 3
    # each named by its text as well: Anki's browser numbers no note, so "note 5" could not be found
    assert dialog.problems.item(2).text() == ("note 5 (水): the back holds only pictures or sounds, which "
                                              "cannot be imported")
    # Left out without asking: the learner cannot fix a cloze note in the file (the docs promised so).
    assert dialog.check_summary.text() == "Checked: 2 new words, 3 notes cannot be imported (left out)."
    assert dialog.problems_caption.text() == "Notes that cannot be imported (they are left out):"
    assert dialog.skip_bad.isHidden()
    # a deck has no encoding, separator or columns to choose (they stayed enabled, doing nothing)
    assert not dialog.encoding_combo.isEnabled() and not dialog.delimiter_combo.isEnabled()
    assert dialog.mapping_caption.isHidden()
    assert import_now(qtbot, dialog).created == 2  # type: ignore[attr-defined]
    assert dialog.status.text() == "Import finished: 2 words added, 3 notes left out."


def test_a_deck_with_notes_breaking_a_words_rules_imports_the_rest(qtbot: QtBot, profile: Profile,
                                                                   tmp_path: Path) -> None:
    """An empty back, a 1,200-character back or 25 tags (all common in real collections) refused the whole
    deck: "3 rows cannot be imported; fix the file or leave them out", with no box to leave them out
    (found by an Anki migrant helper)."""
    import genanki

    from .test_apkg import BASIC

    deck = genanki.Deck(2059400140, "Real life")
    deck.add_note(genanki.Note(model=BASIC, fields=["apple", "りんご"]))
    deck.add_note(genanki.Note(model=BASIC, fields=["走る", ""]))
    deck.add_note(genanki.Note(model=BASIC, fields=["essay", "long " * 240]))
    deck.add_note(genanki.Note(model=BASIC, fields=["tagged", "many"], tags=[f"t{n}" for n in range(25)]))
    path = tmp_path / "real.apkg"
    genanki.Package(deck).write_to_file(path)
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    assert [dialog.problems.item(n).text() for n in range(dialog.problems.count())] == [
        "note 2 (走る): Meaning must not be empty.",
        "note 3 (essay): Meaning is 1199 characters; at most 1000 are allowed.",
        "note 4 (tagged): 25 tags; at most 20 are allowed."]
    assert dialog.check_summary.text() == "Checked: 1 new word, 3 notes cannot be imported (left out)."
    assert import_now(qtbot, dialog).created == 1  # type: ignore[attr-defined]
    assert [text for text, *_ in word_rows(profile)] == ["apple"]


def test_the_dialog_names_the_fields_a_deck_leaves_behind(qtbot: QtBot, profile: Profile, tmp_path: Path) -> None:
    import genanki

    from .test_apkg import BASIC

    notes = genanki.Model(1607392332, "Basic (with notes)", fields=[{"name": n} for n in ("Front", "Back", "Notes")],
                          templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{Back}}"}])
    deck = genanki.Deck(2059400151, "Mixed")
    deck.add_note(genanki.Note(model=notes, fields=["cat", "猫", "<img src='cat.png'>"]))
    deck.add_note(genanki.Note(model=BASIC, fields=["dog", "犬"]))
    path = tmp_path / "notes.apkg"
    genanki.Package(deck).write_to_file(path)
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    assert dialog.detected_label.text().splitlines()[1:] == [
        "Note type “Basic (with notes)”: not imported, its field “Notes”"]


def test_backup_dialog_restores_with_the_profile_closed(qtbot: QtBot, profile: Profile,
                                                       monkeypatch) -> None:
    profile.service.create_word("kept", "in the backup")
    create_backup(profile.path, "manual")
    profile.service.create_word("added", "after it")
    state = {"profile": profile, "open": True}

    def close() -> None:
        state["profile"].close()
        state["open"] = False

    def reopen() -> None:
        state["profile"] = open_profile(profile.path)
        state["open"] = True

    dialog = BackupDialog(profile.path, close, reopen)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.action_finished):
        dialog.restore_button.click()
        # the copies run in the background (a gigabyte profile froze the window for 12 s)
        assert not dialog.restored and dialog.job is not None and "Restoring the backup" in dialog.where.text()
    assert state["open"] and dialog.restored
    assert [w.text for w in state["profile"].queries.words()] == ["kept"]
    assert dialog.table.rowCount() == 2  # the state before the restore was kept too
    state["profile"].close()


def test_restoring_over_a_damaged_profile_from_the_dialog_takes_back_what_it_held_since(
        qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:
    """The Backups dialog restored alone: every answer given since the backup stayed in the set-aside
    damaged file, where `backup restore` and the offer at start-up take them back (found by a
    data-safety helper)."""
    from effect_desktop.backup.backups import DAMAGED, list_backups
    from effect_desktop.gui.backup_dialog import Restored

    path = tmp_path / "default.effect.sqlite3"
    profile = open_profile(path)
    profile.service.create_words([{"text": f"w{i}", "meaning": "m" * 400 + str(i)} for i in range(300)])
    create_backup(path, "manual")
    later = [profile.service.create_word(f"since {i}", "after the backup") for i in range(5)]
    session = profile.service.start_session("flashcard", later)
    for word in later:
        profile.service.answer(session, word, True, 1500)
    profile.close()
    damaged = bytearray(path.read_bytes())
    middle = len(damaged) // 2
    damaged[middle: middle + 8192] = b"\xab" * 8192  # two pages' worth scribbled over
    path.write_bytes(bytes(damaged))

    told: list[object] = []
    dialog = BackupDialog(path, lambda: None, lambda: None, report=told.append)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.action_finished, timeout=30_000):
        dialog.restore_button.click()
    [outcome] = told
    assert isinstance(outcome, Restored) and outcome.taken is not None and outcome.taken.recovered >= 10
    assert [b for b in list_backups(path) if b.reason == DAMAGED], "the damaged file is kept aside"
    restored = open_profile(path)
    try:
        assert restored.queries.word_count() == 305
        assert len(restored.store.query_events(event_types=["QuestionAnswered"])) == 5
    finally:
        restored.close()


def test_a_history_export_is_brought_back_from_the_backups_dialog(qtbot: QtBot, profile: Profile,
                                                                   tmp_path: Path, monkeypatch) -> None:
    """File → Export the history worked, and nothing in the window brought the file back: only the command
    line did, into an empty profile (found by an Anki switcher helper). Now it is restored as a backup
    is: the current state backed up first."""
    from effect_desktop.backup.backups import list_backups
    from effect_desktop.interchange.jsonl import export_events_to

    profile.service.create_word("kept", "in the history")
    history = tmp_path / "effect-history.jsonl"
    export_events_to(profile, history)
    profile.service.create_word("added", "after the export")
    state = {"profile": profile}

    def reopen() -> None:
        state["profile"] = open_profile(profile.path)

    shown: list[object] = []
    monkeypatch.setattr("effect_desktop.gui.backup_dialog.show_error", lambda _parent, error: shown.append(error))
    broken = tmp_path / "cut.jsonl"
    broken.write_bytes(history.read_bytes()[:-40])
    dialog = BackupDialog(profile.path, lambda: state["profile"].close(), reopen)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.action_finished, timeout=30_000):
        dialog.bring_back_history(broken, asked=True)
    assert shown and not dialog.restored  # said why; nothing changed, nothing left behind
    assert [b.reason for b in list_backups(profile.path)] == []
    folder = profile.path.parent / "backups"
    assert not [p for p in folder.rglob("*") if p.is_file() or p.name.startswith(".history-")]

    dialog.bring_back_history(history, asked=True)
    qtbot.waitUntil(lambda: dialog.restored, timeout=30_000)
    assert sorted(w.text for w in state["profile"].queries.words()) == ["kept"]
    assert sorted(b.reason for b in list_backups(profile.path)) == ["before-restore", "from-history"]
    state["profile"].close()


def test_bringing_back_a_history_can_be_stopped_and_closing_the_dialog_stops_it(
        qtbot: QtBot, profile: Profile, tmp_path: Path) -> None:
    """Five years of history take a minute or two to read, and there was no way to stop it; Esc closed
    the dialog while the reading went on unseen, and its profile was restored over this one once done."""
    from effect_desktop.backup.backups import list_backups
    from effect_desktop.gui import i18n
    from effect_desktop.interchange.candidates import ImportCancelled
    from effect_desktop.interchange.jsonl import export_events_to

    i18n.install("en")
    profile.service.create_words([{"text": f"w{i}", "meaning": "m"} for i in range(500)])
    history = tmp_path / "effect-history.jsonl"
    export_events_to(profile, history)
    profile.service.create_word("added", "after the export")
    state = {"profile": profile}

    def reopen() -> None:
        state["profile"] = open_profile(profile.path)

    dialog = BackupDialog(profile.path, lambda: state["profile"].close(), reopen)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.action_finished, timeout=30_000) as finished:
        dialog.bring_back_history(history, asked=True)
        assert dialog.cancel_button.isVisible()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert isinstance(finished.args[0], ImportCancelled)
    assert dialog.where.text() == "Stopped: nothing was brought back, and the profile is as it was."
    assert not dialog.cancel_button.isVisible() and dialog.history_button.isEnabled()
    folder = profile.path.parent / "backups"
    assert not [p for p in folder.rglob("*") if p.is_file() or p.name.startswith(".history-")]

    with qtbot.waitSignal(dialog.action_finished, timeout=30_000):
        dialog.bring_back_history(history, asked=True)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
    qtbot.wait(200)
    assert not dialog.restored and dialog.job is None
    assert list_backups(profile.path) == []
    assert "added" in {w.text for w in state["profile"].queries.words()}, "this profile stays as it was"


def test_a_take_back_that_fails_after_the_dialogs_restore_is_said_with_where_the_answers_are(
        qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:
    """The restore stood, the take-back failed, and the window said only "Restored the backup.": the
    answers since it were left in the set-aside file without a word."""
    from effect_desktop.backup.backups import DAMAGED, list_backups
    from effect_desktop.gui import i18n
    from effect_desktop.gui.backup_dialog import Restored
    from effect_desktop.gui.taken_back import taken_back_text

    from ..support.limits import files_no_larger_than

    i18n.install("en")
    path = tmp_path / "default.effect.sqlite3"
    profile = open_profile(path)
    profile.service.create_words([{"text": f"w{i}", "meaning": "m" * 400 + str(i)} for i in range(300)])
    made = create_backup(path, "manual")
    profile.service.create_words([{"text": f"since {i}", "meaning": "新しい" * 60} for i in range(600)])
    profile.close()
    damaged = bytearray(path.read_bytes())
    middle = len(damaged) // 2
    damaged[middle: middle + 8192] = b"\xab" * 8192
    path.write_bytes(bytes(damaged))

    told: list[object] = []
    dialog = BackupDialog(path, lambda: None, lambda: None, report=told.append)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with files_no_larger_than(made.path.stat().st_size + 65_536), \
            qtbot.waitSignal(dialog.action_finished, timeout=30_000):
        dialog.restore_button.click()
    [outcome] = told
    assert isinstance(outcome, Restored) and outcome.taken is not None and outcome.taken.failed is not None
    [kept] = [b.path for b in list_backups(path) if b.reason == DAMAGED]
    said = taken_back_text(outcome.taken)
    assert said.startswith("Restored the backup, but what was made since it could not be taken back from the "
                           "damaged profile (the disk is full or failing)."), said
    assert str(kept) in said
    dialog.refresh()
    assert "damaged, set aside by a restore" in [dialog.table.item(row, 1).text()
                                                 for row in range(dialog.table.rowCount())]
    restored = open_profile(path)
    try:
        assert restored.queries.word_count() == 300, "the restore stands"
    finally:
        restored.close()


def test_cancel_while_the_file_is_read_or_checked_closes_the_dialog(qtbot: QtBot, profile: Profile,
                                                                    tmp_path: Path) -> None:
    from PySide6.QtWidgets import QDialog

    path = tmp_path / "big.csv"
    path.write_text("word,meaning\n" + "".join(f"w{i},m{i}\n" for i in range(30_000)), encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_file(path)
    assert dialog.job is not None  # reading, then checking, in the worker
    dialog.cancel_button.click()
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert profile.store.count() == 0


def test_a_file_the_import_cannot_use_is_refused_in_the_interface_language(tmp_path: Path) -> None:
    """Each file-level refusal a learner meets in the window, raised by the real reader on a real file:
    in the Japanese window they were shown in English."""
    import zipfile

    from effect_desktop.gui import i18n
    from effect_desktop.gui.core_messages import localise
    from effect_desktop.interchange.csv_import import table_candidates
    from effect_desktop.interchange.errors import InterchangeError
    from effect_desktop.interchange.word_table import read_word_table

    files = {"deck.csv": None, "greek.csv": "μήλο,apple\nγάτα,cat\n".encode("cp1253"),
             "empty.csv": b"  \n", "binary.csv": b"word,meaning\x00\x01\x02" + bytes(range(3, 40)),
             "header.csv": b"word,meaning\n"}
    with zipfile.ZipFile(tmp_path / "deck.csv", "w") as package:
        package.writestr("collection.anki2", b"x")
    for name, data in files.items():
        if data is not None:
            (tmp_path / name).write_bytes(data)
    with zipfile.ZipFile(tmp_path / "book.xlsx", "w") as workbook:
        workbook.writestr("[Content_Types].xml", "<Types/>")
        workbook.writestr("xl/workbook.xml", "<workbook/>")
    (tmp_path / "old.xls").write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(500))
    files |= {"book.xlsx": None, "old.xls": None}
    one_column = tmp_path / "one.csv"
    one_column.write_text("word\n猫\n", encoding="utf-8")
    try:
        assert i18n.install("ja") == "ja"
        shown = {}
        for name in (*files, "missing.csv"):
            with pytest.raises(InterchangeError) as refused:
                read_word_table(tmp_path / name)
            shown[name] = localise(str(refused.value))
        with pytest.raises(InterchangeError) as unmapped:
            table_candidates(read_word_table(one_column), {0: "text"})
        shown["one.csv"] = localise(str(unmapped.value))
    finally:
        i18n.install("en")
    assert shown["deck.csv"].startswith("このファイルは単語リストではなく zip アーカイブです")
    assert shown["book.xlsx"].startswith("このファイルは表計算ソフトのブック") and "CSV UTF-8" in shown["book.xlsx"]
    assert shown["old.xls"] == shown["book.xlsx"]  # it was read as UTF-16: one row of boxes
    assert shown["greek.csv"].startswith("ファイルの文字コードを判別できませんでした")
    assert shown["empty.csv"] == "ファイルが空です。インポートする単語がありません。"
    assert shown["binary.csv"].startswith("このファイルはテキストではなくバイナリデータです")
    assert shown["header.csv"] == "ファイルには見出しの行しかありません。インポートする単語がありません。"
    assert "を読み込めませんでした" in shown["missing.csv"]
    assert shown["one.csv"].startswith("列の区切りが見つかりませんでした。ファイルのどの行も 1 列です（「word」）。")


def test_the_profiles_own_files_are_not_offered_for_import(qtbot: QtBot, profile: Profile) -> None:
    """Reading them would be pointless, and a plain read of the open profile's files drops SQLite's
    locks on them (tests/integration/test_profile_locks.py)."""
    profile.service.create_word("猫", "cat")
    for path in (profile.path, Path(f"{profile.path}-wal")):
        dialog = ImportDialog(profile)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.finished_import, timeout=10_000) as refused:
            dialog.load_file(path)
        assert "this profile's own file" in str(refused.args[0])
        assert not dialog.import_button.isEnabled()


IMPORT_ON_A_SCREEN = """
import json, sys, time
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel
from effect_desktop.bootstrap import open_profile
from effect_desktop.gui import i18n
from effect_desktop.gui.import_dialog import ImportDialog

app = QApplication([])
font = QFont(app.font())
font.setPointSizeF(float(sys.argv[4]))
app.setFont(font)
profile = open_profile(Path(sys.argv[1]))
i18n.install(sys.argv[3])
dialog = ImportDialog(profile)
dialog.show()
loaded = []
dialog.loaded.connect(lambda: loaded.append(True))
dialog.load_file(Path(sys.argv[2]))
deadline = time.monotonic() + 60
while not loaded and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
app.processEvents()
room = dialog.screen().availableGeometry()
inside = dialog.rect()
def name(control):
    return control.objectName() or (control.currentText() if isinstance(control, QComboBox) else control.text())

controls = [w for kind in (QAbstractButton, QComboBox, QLabel) for w in dialog.findChildren(kind)
            if w.isVisibleTo(dialog) and name(w)]
squeezed, unreachable = [], []
for control in controls:
    if control.height() < control.minimumSizeHint().height():
        squeezed.append(name(control))
    area = getattr(dialog, "body_area", None)
    if area is not None and area.widget().isAncestorOf(control):
        area.ensureWidgetVisible(control, 0, 0)
        app.processEvents()
    box = control.rect().translated(control.mapTo(dialog, control.rect().topLeft()))
    if not inside.contains(box):
        unreachable.append(name(control))
area = dialog.body_area
area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
dialog.import_button.setFocus()
QTest.keyClick(dialog.import_button, Qt.Key.Key_Tab)  # round to "Choose file…" at the top
app.processEvents()
focus = QApplication.focusWidget()
tab_shows = [name(focus), area.viewport().rect().contains(focus.rect().translated(focus.mapTo(area.viewport(),
                                                                                              focus.rect().topLeft())))]
preview = dialog.preview
print(json.dumps(dict(tab_shows=tab_shows, room=[room.width(), room.height()], size=[dialog.width(), dialog.height()],
                      squeezed=squeezed, unreachable=unreachable, loaded=bool(loaded),
                      history=dialog.history_check.isVisibleTo(dialog), problems=dialog.problems.isVisibleTo(dialog),
                      rows_shown=preview.viewport().height() / max(1, preview.rowHeight(0)))))
dialog.close()
profile.close()
"""


@pytest.mark.parametrize("screen", [(1366, 768, 1.5, 9.0), (1024, 600, 1, 13.5)],
                         ids=["1366x768 at 150%", "a netbook at a 150% font"])
@pytest.mark.parametrize("kind", ["csv", "apkg"])
def test_the_dialog_fits_on_a_small_screen_and_with_a_large_font(tmp_path: Path, screen: tuple[int, int, float, float],
                                                                 kind: str) -> None:
    """At 150% on a 1366×768 laptop (a 911×512 screen) the dialog was 531 pixels tall in Japanese, and
    646 on a 1024×600 netbook at a 150% font: Import and Cancel were below the bottom edge, and the
    preview showed one row over an empty box of rows that cannot be imported. Now the body scrolls
    above the buttons; every control can be scrolled to (Tab from the buttons into it too), none is
    squeezed, and the preview has room."""
    from tests.support.screens import run_on

    from .test_anki_history import REVLOG, legacy_package

    if kind == "apkg":  # with reviews: the "Keep the review history" tick is shown too
        path = legacy_package(tmp_path, REVLOG)
    else:
        path = tmp_path / "words.csv"
        path.write_text("word,meaning,category,tags,difficulty\n" + "".join(
            f"a rather long phrase number {n},とても長い日本語の意味の説明です,business English,N3;TOEIC,1\n"
            for n in range(60)), encoding="utf-8")
    width, height, scale, points = screen
    seen = run_on(tmp_path, IMPORT_ON_A_SCREEN, width, height, scale, str(path), "ja", str(points))
    room_width, room_height = seen["room"]
    assert seen["loaded"]
    assert seen["size"][0] <= room_width - 20 and seen["size"][1] <= room_height - 60, seen  # a title bar
    assert seen["unreachable"] == [] and seen["squeezed"] == [], seen
    assert seen["history"] == (kind == "apkg")
    assert not seen["problems"], "no row is refused: its empty list is not shown"
    assert seen["rows_shown"] >= 3.5, seen
    assert seen["tab_shows"][1], f"Tab from Import to {seen['tab_shows'][0]} left it out of sight"


def test_the_dialog_is_no_wider_than_a_laptop_at_a_20_point_font(qtbot: QtBot, profile: Profile) -> None:
    """At a 20-point font the duplicate question on one row made the dialog 1,435 pixels wide at the least."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    font = QApplication.font()
    try:
        QApplication.setFont(QFont(font.family(), 20))
        large = ImportDialog(profile)
        qtbot.addWidget(large)
        assert large.minimumSizeHint().width() <= 1366 - 20
    finally:
        QApplication.setFont(font)


def test_the_apps_own_history_export_is_named_as_such_not_read_as_words(qtbot: QtBot, profile: Profile,
                                                                         tmp_path: Path, monkeypatch) -> None:
    """Chosen under "All files", a history export was read as a CSV of one column, offering a fragment of its
    JSON as a word, with Import on."""

    from effect_desktop.interchange.jsonl import export_events_to

    profile.service.create_word("apple", "りんご")
    path = tmp_path / "effect-history.jsonl"
    export_events_to(profile, path)
    shown: list[str] = []
    monkeypatch.setattr("effect_desktop.gui.import_dialog.show_error",
                        lambda _parent, error: shown.append(str(error)))
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    dialog.load_file(path)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "an Effect Desktop history (a JSONL export), not a word list" in shown[0]
    assert "--format jsonl" in shown[0]
    assert not dialog.import_button.isEnabled()


def test_an_import_of_thousands_says_its_counts_with_their_thousands_grouped(tmp_path: Path) -> None:
    """"Import finished: 3000 words added." beside "3,000 pending" in the sync status."""
    from effect_desktop.gui import i18n
    from effect_desktop.gui.import_dialog import import_summary

    report = ImportReport(created=3000, updated=1200, skipped_duplicates=2747, skipped_problems=0, events=4200,
                          correlation_id=None)
    assert import_summary(report) == ("Import finished: 3,000 words added, 1,200 updated, "
                                      "2,747 duplicates skipped.")
    try:
        assert i18n.install("ja") == "ja"
        assert "3,000 語を追加" in import_summary(report)
    finally:
        i18n.install("en")


def test_a_file_no_separator_splits_says_so_and_how_to_export_it_again(qtbot: QtBot, profile: Profile,
                                                                      tmp_path: Path) -> None:
    """Quizlet's custom "term: definition": the dialog said "No column is mapped to the meaning; choose a
    column…", and no choice in it could map one."""
    path = tmp_path / "quizlet.txt"
    path.write_text("apple: りんご\nto run: 走る\n", encoding="utf-8")
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.load_file(path)
    assert dialog.check_summary.text().startswith(
        "No column separator was found: every line of the file is a single column (“apple: りんご”), the file's "
        "separator being none of those offered; export it again with Tab between the word and its meaning")
    assert not dialog.import_button.isEnabled()


def test_an_import_whose_backup_cannot_be_written_says_nothing_was_imported(qtbot: QtBot, profile: Profile,
                                                                          tmp_path: Path, monkeypatch) -> None:
    """With the disk full, the import stopped at its backup: the message spoke of the backup alone, and
    the dialog stayed on "Checked: 40 new words." as if they were in."""
    from effect_desktop.backup.backups import backup_dir
    from tests.support.folders import unwritable

    profile.service.create_word("apple", "りんご")
    create_backup(profile.path)
    path = tmp_path / "words.csv"
    path.write_text("word,meaning\n" + "".join(f"w{i},m{i}\n" for i in range(40)), encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr("effect_desktop.gui.import_dialog.show_error",
                        lambda _parent, error: shown.append(str(error)))
    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    open_file(qtbot, dialog, path)
    with unwritable(backup_dir(profile.path)):
        import_now(qtbot, dialog)
    assert shown and shown[0].startswith("Nothing was imported: the backup made before an import could not be "
                                         "written to"), shown
    assert dialog.status.text() == ("Nothing was imported: the backup before it could not be made "
                                    "(permission denied).")
    assert profile.queries.word_count() == 1 and dialog.result() != QDialog.DialogCode.Accepted
    assert import_now(qtbot, dialog).created == 40  # once the folder can be written, Import goes on


def test_a_take_back_that_read_nothing_says_so_not_that_the_end_was_unreadable(qtbot: QtBot) -> None:
    """"The end of the damaged profile could not be read" was said when nothing at all could be."""
    from effect_desktop.backup.salvage import Salvage
    from effect_desktop.gui import i18n
    from effect_desktop.gui.taken_back import taken_back_text

    i18n.install("en")
    assert taken_back_text(Salvage(end_unreadable=True)) == (
        "Restored the backup. Nothing made since the backup could be read from the damaged profile: what was "
        "made since may be missing; a sync brings back what reached the server.")
    assert "The end of the damaged profile could not be read" in taken_back_text(
        Salvage(recovered=3, end_unreadable=True, by_type={"WordCreated": 3}))


def test_a_take_back_that_failed_says_why_in_the_interface_language(qtbot: QtBot) -> None:
    """The store's English sentence sat inside the Japanese one (found in review)."""
    from effect_desktop.backup.salvage import Salvage
    from effect_desktop.gui import i18n
    from effect_desktop.gui.taken_back import taken_back_text
    from effect_desktop.persistence.errors import StoreError

    failure = StoreError("The profile /p/default.effect.sqlite3 cannot be written (it is read-only); nothing was "
                         "written. Check the file's permissions, or choose a data folder you can write.")
    try:
        i18n.install("ja")
        said = taken_back_text(Salvage(failed=failure, kept=Path("/p/backups/default/kept.effect.sqlite3")))
    finally:
        i18n.install("en")
    assert "cannot be written" not in said and "読み取り専用" in said, said
    assert "/p/backups/default/kept.effect.sqlite3" in said
