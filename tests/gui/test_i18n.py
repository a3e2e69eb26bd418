"""The interface in Japanese: complete translations, switchable without restarting."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QFileSystemModel

from effect_desktop.domain.errors import ValidationFailed
from effect_desktop.domain.word import validate_fields
from effect_desktop.gui import i18n
from effect_desktop.gui.core_messages import localise
from effect_desktop.gui.paths import translations_dir
from effect_desktop.gui.preferences import Preferences
from tests.support.qt_tools import pyside_tool

GUI = Path(__file__).resolve().parents[2] / "effect_desktop" / "gui"
# Screens with their own catalogue (installed beside effect_desktop_ja.qm by i18n); every other
# module of gui/ is translated in effect_desktop_ja.ts, so a new module is checked from its first string.
OWN_CATALOGUE = {
    "history_ja.ts": ("timeline", "import_dialog.py", "backup_dialog.py"),
    "statistics_ja.ts": ("statistics",),
    "sync_ja.ts": ("sync",),
}


def _catalogue_sources(ts: str) -> list[str]:
    claimed = {part for parts in OWN_CATALOGUE.values() for part in parts}
    wanted = OWN_CATALOGUE.get(ts)
    return sorted(str(p) for p in GUI.rglob("*.py")
                  if (p.relative_to(GUI).parts[0] in wanted if wanted else p.relative_to(GUI).parts[0] not in claimed))


def _sources(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(ctx.findtext("name"), m.findtext("source")): m
            for ctx in root.iter("context") for m in ctx.iter("message")}


@pytest.mark.parametrize("ts", ["effect_desktop_ja.ts", *OWN_CATALOGUE])
def test_every_interface_string_has_a_finished_japanese_translation(tmp_path, ts):
    lupdate = pyside_tool("pyside6-lupdate")  # fails, not skips, under CI=true
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate, *_catalogue_sources(ts), "-ts", str(fresh)], check=True, capture_output=True)
    found = _sources(fresh)
    assert found, "lupdate found no strings"
    ours = _sources(translations_dir() / ts)
    missing = sorted(set(found) - set(ours))
    assert not missing, f"run pyside6-lupdate into {ts} and translate: {missing[:5]}"
    unfinished = [key for key in found
                  if ours[key].find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                  or not "".join(ours[key].find("translation").itertext()).strip()]
    assert not unfinished, f"untranslated in {ts}: {unfinished[:5]}"
    _compiled_as_shipped(translations_dir() / ts, tmp_path)


def test_no_message_is_translated_in_two_catalogues() -> None:
    """Forty-nine Statistics messages were in effect_desktop_ja.ts and statistics_ja.ts both, eleven with
    other Japanese ("集計単位(&G):" and "集計(&G):"): the screen's own file wins (installed last), so
    the copies were dead, and an edit to one of them changed nothing on screen."""
    seen: dict[tuple[str, str], str] = {}
    twice = []
    for ts in ["effect_desktop_ja.ts", *OWN_CATALOGUE]:
        for key in _sources(translations_dir() / ts):
            if key in seen:
                twice.append((key, seen[key], ts))
            seen[key] = ts
    assert not twice, twice[:5]


def test_japanese_interface_and_switching_back_without_restart(qtbot, window, profile):
    i18n.install("ja")
    window.change_language("ja")
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["学習", "単語", "セッション", "タイムライン", "統計", "設定"]
    assert window.study_page.start_panel.start.text() == "セッション開始(&S)"

    settings = window.show_page("settings")
    english = settings.language.findData("en")
    settings.language.setCurrentIndex(english)
    settings.language.activated.emit(english)  # picked from the open list
    QApplication.processEvents()
    assert Preferences(profile.settings).language == "en"
    assert window.nav.item(0).text() == "Study"
    assert window.current_page_key() == "settings"
    i18n.install("en")


def test_japanese_names_restore_and_undo_apart_and_reads_the_choice_correction_as_japanese(
        qtbot, window, profile):
    """A keyboard learner's findings: the Words page's Restore and Edit → Undo were both 「元に戻す」, and
    a wrong choice read 「…の意味は それはよかったです です。」 (the meaning unquoted, "です" twice)."""
    from PySide6.QtCore import QCoreApplication

    try:
        i18n.install("ja")
        window.change_language("ja")
        restore = window.show_page("words").restore_button.text()
        undo = window.undo_action.text()
        assert restore.split("(")[0] != undo.split("(")[0], (restore, undo)
        said = QCoreApplication.translate("ChoiceCard", "Not quite: \u201c{0}\u201d means {1}.").format(
            "I'm glad to hear that", "それはよかったです")
        assert said == "残念！「I'm glad to hear that」の意味は「それはよかったです」です。"
    finally:
        i18n.install("en")
        window.change_language("en")


def test_arrow_keys_on_the_language_box_switch_once_they_rest(qtbot, window, profile):
    """Each Down on the closed box switched the whole window (through English on the way to 日本語),
    and after each switch nothing had the keyboard focus."""
    switched: list[str] = []
    settings = window.show_page("settings")
    settings.language.setCurrentIndex(settings.language.findData("system"))
    settings.language_changed.connect(switched.append)
    settings.language.setFocus()
    try:
        for _ in range(settings.language.findData("ja") - settings.language.currentIndex()):
            qtbot.keyClick(settings.language, Qt.Key.Key_Down)
        assert switched == []  # nothing yet: the keys have not rested
        qtbot.waitUntil(lambda: Preferences(profile.settings).language == "ja", timeout=5000)
        assert switched == ["ja"]
        assert window.nav.item(0).text() == "学習"
        renewed = window.pages["settings"]
        qtbot.waitUntil(lambda: QApplication.focusWidget() is renewed.language, timeout=2000)
    finally:
        i18n.install("en")


def test_validation_messages_appear_in_japanese_beside_their_fields(qtbot, window, profile):
    i18n.install("ja")
    try:
        window.change_language("ja")
        page = window.show_page("words")
        dialog = page.add_word()
        qtbot.keyClicks(dialog.tags_edit, ", ".join(f"t{n}" for n in range(25)))
        dialog.meaning_edit.setText("あ" * 1001)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert dialog.errors["text"].text() == "単語を入力してください。"
        assert dialog.errors["meaning"].text() == "意味が 1001 文字あります。1000 文字までにしてください。"
        assert dialog.errors["tags"].text() == "タグが 25 個あります。20 個までにしてください。"
        assert not dialog.errors["category"].isVisible()
        assert profile.store.count() == 0
        dialog.reject()
    finally:
        i18n.install("en")
        window.change_language("en")


def test_every_validation_message_the_core_writes_has_a_japanese_form(qtbot):
    """Fed with every kind of bad field, the core's English never reaches a Japanese screen."""
    bad_inputs = [
        {"text": "", "meaning": " ", "category": "c" * 61, "tags": 7, "difficulty": 9},
        {"text": "w" * 201, "meaning": "m" * 1001, "tags": [f"t{n}" for n in range(21)]},
        {"tags": ["x" * 101], "difficulty": "two"},
        {"text": "a\x00b", "meaning": "\x1b[2J", "category": "a\tb", "tags": ["b\x07"]},
    ]
    messages = []
    for fields in bad_inputs:
        with pytest.raises(ValidationFailed) as failure:
            validate_fields(fields)
        messages += failure.value.errors.values()
    assert len(messages) == 14
    i18n.install("ja")
    try:
        untranslated = [m for m in messages if localise(m) == m or localise(m).isascii()]
    finally:
        i18n.install("en")
    assert not untranslated
    assert [localise(m) for m in messages] == messages, "English stays English"


def test_the_profile_and_data_folder_messages_have_a_japanese_form(qtbot, tmp_path):
    """What the window shows when it cannot open a profile, from the real checks."""
    from effect_desktop.bootstrap import open_profile
    from effect_desktop.persistence.errors import StoreError

    a_file = tmp_path / "notes.txt"
    a_file.write_text("notes", encoding="utf-8")
    (tmp_path / "folder.effect.sqlite3").mkdir()
    (tmp_path / "text.effect.sqlite3").write_text("not a database " * 10, encoding="utf-8")
    messages = []
    for path in (a_file / "p.effect.sqlite3", tmp_path / "folder.effect.sqlite3", tmp_path / "text.effect.sqlite3"):
        with pytest.raises(StoreError) as refused:
            open_profile(path)
        messages.append(str(refused.value))
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from effect_desktop.persistence.sql_store import _plain
    for reason in ("attempt to write a readonly database", "database or disk is full"):
        messages.append(_plain(OperationalError("INSERT", {}, sqlite3.OperationalError(reason)), str(a_file)))
    from effect_desktop.persistence.errors import disk_full
    from effect_desktop.sync.client import stopped_by_a_full_disk

    full = disk_full("database or disk is full", str(a_file))
    assert full is not None
    messages.append(str(stopped_by_a_full_disk(full)))  # a sync's pull stopped by a full disk
    from effect_desktop.bootstrap import inaccessible
    from effect_desktop.persistence.file_probe import Probe
    messages.append(f"Beside {a_file} lies the write-ahead log of another profile (x-wal), which SQLite would "
                    "read as this one's; both were left untouched. Move x-wal out of the folder, then open the "
                    "profile again.")  # as bootstrap writes it (test_untidy_files.py makes the real one)
    messages += [inaccessible(a_file, kind, "permission denied")
                 for kind in (Probe.NO_ACCESS, Probe.NO_SPACE, Probe.UNREADABLE)]
    (tmp_path / "unplugged").symlink_to(tmp_path / "no-such-disk")
    with pytest.raises(StoreError) as refused:  # a data folder on a disk not connected
        open_profile(tmp_path / "unplugged" / "p.effect.sqlite3")
    messages.append(str(refused.value))
    with pytest.raises(StoreError) as refused:  # a path beyond SQLite's 512 bytes
        open_profile(tmp_path / ("a" * 250) / ("b" * 250) / "p.effect.sqlite3")
    messages.append(str(refused.value))
    from effect_desktop.backup.backups import create_backup

    emptied = tmp_path / "emptied.effect.sqlite3"
    open_profile(emptied).close()
    create_backup(emptied)
    emptied.write_bytes(b"")
    with pytest.raises(StoreError) as refused:
        open_profile(emptied)
    messages.append(str(refused.value))
    from effect_desktop.backup.backups import BackupError, backup_dir

    fresh = tmp_path / "fresh.effect.sqlite3"
    open_profile(fresh).close()
    backup_dir(fresh).write_text("a file where the backups folder goes")
    with pytest.raises(BackupError) as refused:  # shown after a sync in the window ("the backup before it…")
        create_backup(fresh)
    messages.append(str(refused.value))
    with pytest.raises(BackupError) as refused:
        create_backup(tmp_path / "text.effect.sqlite3")
    messages.append(str(refused.value))
    from effect_desktop.persistence.archive import _damaged

    messages.append(str(_damaged(10001, ValueError("decompression error"))))  # the Timeline says it
    from effect_desktop.bootstrap import _damaged as damaged_profile

    messages.append(damaged_profile(fresh, "database disk image is malformed"))  # SQLite's words, as it reports
    i18n.install("ja")
    try:
        untranslated = [m for m in messages if localise(m) == m or localise(m).isascii()]
        assert "malformed" not in localise(messages[-1]) and "壊れています" in localise(messages[-1])
        assert "the file is empty" not in localise(messages[-2])
        assert str(a_file) in localise(messages[0])  # the path is kept
    finally:
        i18n.install("en")
    # SQLite's integrity report ("*** in database main *** On tree page 55 cell 3: Rowid 0 out of order")
    # meant nothing to a learner in the window: said plainly there, in both languages
    report = damaged_profile(fresh, "*** in database main *** On tree page 55 cell 3: Rowid 0 out of order")
    assert "tree page" not in localise(report) and "some of its pages are damaged" in localise(report)
    i18n.install("ja")
    try:
        assert "tree page" not in localise(report) and "一部のページが壊れています" in localise(report)
    finally:
        i18n.install("en")
    assert not untranslated


@pytest.mark.parametrize(("name", "expected"), [
    ("p" * 70, "プロファイル名「pppppppppppppppppppp…」は 70 文字あります"),
    ("a/b", "プロファイル名「a/b」は使えません。「/」は使えない文字です"),
    ("Tom's words", "プロファイル名「Tom's words」は使えません。「'」は使えない文字です"),  # was left in English
    ("C:\\words", "プロファイル名「C:\\words」は使えません。「:」"),  # the backslash was doubled
    ("単語\u3000帳", "プロファイル名「単語\u3000帳」は使えません。全角スペースは使えない文字です"),  # was "\\u3000"
    ("", "プロファイル名が空です"),
    ("com1", "プロファイル名「com1」は使えません。Windows では装置の名前です"),  # was accepted: a device there
])
def test_a_refused_profile_name_is_said_in_japanese_as_typed(name, expected):
    """The window's message for --profile NAME: it parsed the English text's repr() back, so a name
    with an apostrophe stayed English and a backslash or a full-width space came out escaped."""
    from effect_desktop.bootstrap import InvalidProfileName, profile_path
    from effect_desktop.gui.core_messages import profile_name_refused

    with pytest.raises(InvalidProfileName) as refused:
        profile_path(Path("/tmp"), name)
    i18n.install("ja")
    try:
        assert expected in profile_name_refused(refused.value)
    finally:
        i18n.install("en")
    assert "\\" not in str(refused.value).replace(name, "")  # the CLI's English quotes it as typed too


def test_every_counted_message_has_english_singular_and_plural(tmp_path):
    """English needs its own plural forms, or the window says "3 day(s)" (packaging/english_plurals.py)."""
    lupdate = pyside_tool("pyside6-lupdate")
    fresh = tmp_path / "plurals.ts"
    subprocess.run([lupdate, *sorted(str(p) for p in GUI.rglob("*.py")), "-pluralonly", "-ts", str(fresh)],
                   check=True, capture_output=True)
    english = translations_dir() / "effect_desktop_en.ts"
    ours = _sources(english)
    missing = sorted(set(_sources(fresh)) - set(ours))
    assert not missing, f"run python packaging/english_plurals.py: {missing[:5]}"
    for (context, source), message in ours.items():
        one, many = [f.text for f in message.find("translation").iter("numerusform")]
        assert "(s)" not in one + many and one != many or "(s)" not in source, (context, source)
    _compiled_as_shipped(english, tmp_path)


def _compiled_as_shipped(ts: Path, tmp_path: Path) -> None:
    """The .qm the app loads is the .ts compiled: compared byte for byte, since a fresh clone gives
    every file the same time, and a comparison of times passed whatever the .qm held."""
    fresh = tmp_path / ts.with_suffix(".qm").name
    subprocess.run([pyside_tool("pyside6-lrelease"), str(ts), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), f"run pyside6-lrelease after editing {ts.name}"


def test_writing_the_english_plurals_keeps_a_singular_put_right_by_hand(tmp_path, monkeypatch):
    """packaging/english_plurals.py wrote every message's forms by its "(s)" rule again, and so undid
    "1 word of this session was deleted meanwhile; its card is left out." into "… were deleted …;
    their cards …". A message already in the file keeps its forms; a new one gets the rule's; one
    the code no longer says goes (kept as hand-added, it stayed for good)."""
    import importlib.util

    path = GUI.parents[1] / "packaging" / "english_plurals.py"
    spec = importlib.util.spec_from_file_location("english_plurals", path)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    catalogue = tmp_path / "effect_desktop_en.ts"
    catalogue.write_text((translations_dir() / "effect_desktop_en.ts").read_text(encoding="utf-8"), encoding="utf-8")
    tree = ET.parse(catalogue)
    study = next(c for c in tree.getroot().iter("context") if c.findtext("name") == "StudyPage")
    study.remove(next(m for m in study.iter("message") if m.findtext("source").startswith("%Ln new word(s)")))
    gone = ET.SubElement(study, "message", numerus="yes")  # a sentence the code no longer says
    ET.SubElement(gone, "source").text = "%Ln card(s) of a removed feature"
    ET.SubElement(ET.SubElement(gone, "translation"), "numerusform").text = "%Ln card of a removed feature"
    tree.write(catalogue, encoding="utf-8")
    monkeypatch.setattr(script, "TS", catalogue)
    assert script.main() == 0
    forms = {key: [f.text for f in m.iter("numerusform")] for key, m in _sources(catalogue).items()}
    assert forms[("StudyPage", "%Ln word(s) of this session were deleted meanwhile; their cards are left out.")][0] \
        == "%Ln word of this session was deleted meanwhile; its card is left out."
    assert forms[("StudyPage", "%Ln new word(s) today")] == ["%Ln new word today", "%Ln new words today"]
    assert ("StudyPage", "%Ln card(s) of a removed feature") not in forms, "what the code no longer says goes"
    assert forms[("SyncStatus", "Offline, %Ln pending")], "what lupdate cannot see but the code says stays"


def test_a_file_with_no_usable_row_is_explained_in_japanese(qtbot):
    """The import's new reasons reached the Japanese dialog in English."""
    from effect_desktop.interchange.errors import InterchangeError
    from effect_desktop.interchange.word_table import parse_word_table

    messages = []
    for data in (b"text,meaning\nhuge," + b"a" * 70_000 + b"\n",
                 b"text,meaning\nhuge," + b"a" * 70_000 + b"\nalso," + b"b" * 70_000 + b"\n"):
        with pytest.raises(InterchangeError) as refused:
            parse_word_table(data)
        messages.append(str(refused.value))
    assert [localise(m) for m in messages] == messages, "English stays English"
    i18n.install("ja")
    try:
        shown = [localise(m) for m in messages]
    finally:
        i18n.install("en")
    assert shown[0] == "ファイルのどの行もインポートできません：2 行目：65,536 文字より長いセルがあります。"
    assert "ほかに読み取れない行が 1 行あります" in shown[1]


def test_the_file_dialog_is_japanese_where_qt_leaves_it_in_english(qtbot, tmp_path):
    """Qt's own Japanese leaves the file dialog's "Look in:" and "Files of type:" and every folder's
    type in English; the Export and Import dialogs showed them so beside Japanese."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    (tmp_path / "folder").mkdir()
    i18n.install("ja")
    try:
        dialog = QFileDialog(None, "", str(tmp_path))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
        model = dialog.findChild(QFileSystemModel)
        qtbot.waitUntil(lambda: model.rowCount(model.index(str(tmp_path))) == 1, timeout=5000)
        kind = model.type(model.index(str(tmp_path / "folder")))
    finally:
        i18n.install("en")
    assert (labels["lookInLabel"], labels["fileTypeLabel"]) == ("場所(&L):", "ファイルの種類(&T):")
    assert kind == "フォルダ"


def test_refusals_of_an_export_a_restore_and_a_sync_have_a_japanese_form(qtbot, tmp_path):
    """They stayed in English in the Japanese window ("Another program is using this profile…" after a
    restore, "… could not be written: …" after an export), produced here by the real checks."""
    import sqlite3

    from effect_desktop.backup.backups import BackupError, create_backup, restore_backup
    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui.sync.messages import describe
    from effect_desktop.interchange.csv_export import export_words_to
    from effect_desktop.interchange.errors import InterchangeError
    from effect_desktop.sync import SyncClient, SyncError
    from effect_desktop.sync.client import _lock_for

    profile = open_profile(tmp_path / "p.effect.sqlite3")
    profile.service.create_word("猫", "cat")
    messages = []
    for target in (tmp_path, Path("/proc/no-such-folder/words.csv")):  # a folder; nowhere a file can go
        with pytest.raises(InterchangeError) as refused:
            export_words_to(profile.queries, target)
        messages.append(str(refused.value))
    backup = create_backup(profile.path)
    holder = sqlite3.connect(profile.path)  # another program with the profile open
    holder.execute("SELECT count(*) FROM events").fetchone()
    try:
        with pytest.raises(BackupError) as refused:
            restore_backup(profile.path, backup.path)
        messages.append(str(refused.value))
    finally:
        holder.close()
    lock = _lock_for(profile.path)
    assert lock.acquire(blocking=False)
    try:
        with pytest.raises(SyncError) as running:
            SyncClient(profile, "postgresql://anna:pw@127.0.0.1:1/effect").sync()
    finally:
        lock.release()
    messages.append(str(running.value))
    profile.close()
    i18n.install("ja")
    try:
        untranslated = [m for m in messages if localise(m) == m or localise(m).isascii()]
        assert "同期はすでに実行中" in describe(running.value)
    finally:
        i18n.install("en")
    assert not untranslated, untranslated


def test_the_status_bar_keeps_its_order_after_a_language_change(qtbot, window, profile):
    """Due and streak went after the sync status once the window was rebuilt in another language."""
    from effect_desktop.gui.sync.status_widget import SyncStatusWidget

    def order() -> list[str]:
        widgets = [window.due_label, window.streak_label, *window.statusBar().findChildren(SyncStatusWidget)]
        return [w.objectName() or "sync" for w in sorted(widgets, key=lambda w: w.x())]

    window.resize(1100, 700)
    QApplication.processEvents()
    before = order()
    assert before == ["dueStatus", "streakStatus", "syncStatus"]
    try:
        i18n.install("ja")
        window.change_language("ja")
        QApplication.processEvents()
        assert order() == before
    finally:
        i18n.install("en")
        window.change_language("en")


def _month_and_day_names(window) -> tuple[str, str, str]:
    """What the heatmap paints for January and Monday, and the timeline's calendar popup's Monday."""
    page = window.show_page("statistics")
    heatmap = page.heatmap
    QApplication.processEvents()
    calendar = window.show_page("timeline").filters.first.calendarWidget()
    return (heatmap.locale().monthName(1, QLocale.FormatType.ShortFormat),
            heatmap.locale().dayName(1, QLocale.FormatType.ShortFormat),
            calendar.locale().dayName(1, QLocale.FormatType.ShortFormat))


def test_month_and_day_names_follow_a_switch_made_in_settings(qtbot, window, profile, words):
    """Switched to 日本語 in Settings, the heatmap still read "Dec Jan Feb" and "Mon Wed Fri": the
    window kept the locale it was created with."""
    settings = window.show_page("settings")

    def choose(language: str) -> None:
        index = settings.language.findData(language)
        settings.language.setCurrentIndex(index)
        settings.language.activated.emit(index)  # picked from the open list
        qtbot.waitUntil(lambda: Preferences(profile.settings).language == language, timeout=5000)
        QApplication.processEvents()

    try:
        choose("ja")
        assert window.nav.item(0).text() == "学習"
        assert _month_and_day_names(window) == ("1月", "月", "月")
        settings = window.show_page("settings")
        choose("en")
        assert window.nav.item(0).text() == "Study"
        assert _month_and_day_names(window) == ("Jan", "Mon", "Mon")
    finally:
        i18n.install("en")


def test_a_refused_backup_or_restore_has_a_title_about_the_backup_in_both_languages(qtbot, tmp_path):
    """The title said "The profile could not be read or written", of a profile that was fine, and the
    messages stayed in English in the Japanese window."""
    from effect_desktop.backup.backups import BackupError, backup_dir, create_backup, restore_backup
    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui.errors import error_title, user_message
    from tests.support.folders import unwritable

    path = tmp_path / "p.effect.sqlite3"
    open_profile(path).close()
    backup = create_backup(path)
    refusals: list[BackupError] = []
    with unwritable(backup_dir(path)):
        for attempt in (lambda: create_backup(path), lambda: restore_backup(path, backup.path)):
            with pytest.raises(BackupError) as refused:
                attempt()
            refusals.append(refused.value)
    made, restored = refusals
    assert error_title(made) == "The backup could not be made"
    assert error_title(restored) == "The backup was not restored"
    i18n.install("ja")
    try:
        assert error_title(made) == "バックアップを作成できませんでした"
        assert "権限がありません" in user_message(made) and "書き込み権限を与えてください" in user_message(made)
        assert "プロファイルは元のままです" in user_message(restored) and user_message(restored).isascii() is False
        assert "permission" not in user_message(restored)
    finally:
        i18n.install("en")


def test_an_export_the_disk_refuses_says_what_to_do_in_both_languages(qtbot, tmp_path):
    """A full disk on export was titled "That cannot be done" and said only "No space left on device"."""
    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui.errors import error_title, user_message
    from effect_desktop.interchange.csv_export import export_words_to
    from effect_desktop.interchange.errors import InterchangeError

    profile = open_profile(tmp_path / "p.effect.sqlite3")
    try:
        profile.service.create_word("猫", "cat")
        with pytest.raises(InterchangeError) as refused:
            export_words_to(profile.queries, Path("/dev/full"))  # every write refused as on a full disk
    finally:
        profile.close()
    assert error_title(refused.value) == "The export could not be written"
    assert user_message(refused.value).endswith("Free some space on the disk, or choose another folder.")
    i18n.install("ja")
    try:
        shown = user_message(refused.value)
        assert "ディスクがいっぱいです" in shown and "別のフォルダーを選んでください" in shown, shown
    finally:
        i18n.install("en")


def test_a_data_folder_that_cannot_be_written_is_answered_in_the_windows_terms(qtbot, tmp_path):
    """The window quoted the CLI's "--data-dir" to a learner who double-clicked the app."""
    from effect_desktop.bootstrap import prepare_data_folder
    from effect_desktop.gui.errors import user_message
    from effect_desktop.persistence.errors import DataFolderUnusable
    from tests.support.folders import unwritable

    folder = tmp_path / "data"
    folder.mkdir()
    with unwritable(folder), pytest.raises(DataFolderUnusable) as refused:
        prepare_data_folder(folder)
    shown = user_message(refused.value)
    assert "--data-dir" not in shown and "Make it writable for your user account" in shown
    assert "start Effect Desktop with the environment variable EFFECT_DATA_DIR set to that folder" in shown
    i18n.install("ja")
    try:
        assert "環境変数 EFFECT_DATA_DIR" in user_message(refused.value)
    finally:
        i18n.install("en")
