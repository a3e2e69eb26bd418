"""`effect-desktop import|export|backup` as a person types them."""

from __future__ import annotations

from pathlib import Path

import pytest

from effect_desktop.bootstrap import open_profile
from effect_desktop.cli.main import run_cli


def cli(data: Path, *args: str, profile: str = "default") -> int:
    return run_cli(["--data-dir", str(data), "--profile", profile, *args])


def test_import_export_and_restore_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    words = tmp_path / "words.tsv"
    words.write_bytes("意味\t単語\nりんご\tapple\nみかん\t\n".encode("utf-16"))
    assert cli(data, "import", str(words)) == 2
    assert "line 3: Word must not be empty" in capsys.readouterr().err
    assert cli(data, "import", str(words), "--skip-bad-rows") == 0
    assert "1 word added" in capsys.readouterr().out
    assert cli(data, "import", str(words), "--map", "意味=meaning", "--map", "単語=text",
               "--on-duplicate", "update", "--skip-bad-rows") == 0

    log = tmp_path / "log.jsonl"
    assert cli(data, "export", "--format", "jsonl", "--output", str(log)) == 0
    assert cli(data, "import", str(log), profile="copy") == 0
    assert cli(data, "verify", profile="copy") == 0
    csv_out = tmp_path / "words.csv"
    assert cli(data, "export", "--format", "csv", "--output", str(csv_out), profile="copy") == 0
    assert "apple,りんご" in csv_out.read_text(encoding="utf-8-sig")

    assert cli(data, "backup", "create") == 0
    assert cli(data, "words", "add", "later", "word") == 0
    assert cli(data, "backup", "restore") == 0
    restored = open_profile(data / "default.effect.sqlite3")
    try:
        assert [w.text for w in restored.queries.words()] == ["apple"]
    finally:
        restored.close()
    capsys.readouterr()
    assert cli(data, "backup", "list") == 0
    assert "before-restore" in capsys.readouterr().out


def test_a_backup_is_restored_by_the_path_backup_create_printed(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """`backup create` prints the copy's path, and `backup restore` given that path said "There is no
    backup named '/…/default-…-manual.effect.sqlite3'" though the file was there."""
    data = tmp_path / "data"
    assert cli(data, "words", "add", "apple", "りんご") == 0
    capsys.readouterr()
    assert cli(data, "backup", "create") == 0
    printed = capsys.readouterr().out.strip().removeprefix("backed up to ")
    assert Path(printed).is_file()
    assert cli(data, "words", "add", "later", "word") == 0
    assert cli(data, "backup", "restore", printed) == 0
    assert f"restored {Path(printed).name}" in capsys.readouterr().out
    restored = open_profile(data / "default.effect.sqlite3")
    try:
        assert [w.text for w in restored.queries.words()] == ["apple"]
    finally:
        restored.close()
    elsewhere = tmp_path / Path(printed).name  # a copy outside the profile's backups is not one of them
    elsewhere.write_bytes(Path(printed).read_bytes())
    assert cli(data, "backup", "restore", str(elsewhere)) == 2
    assert "There is no backup named" in capsys.readouterr().err


def test_unknown_file_kinds_and_missing_files_are_one_line_errors(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "deck.pdf").write_bytes(b"%PDF")
    assert cli(tmp_path, "import", str(tmp_path / "deck.pdf")) == 2
    assert "add --format csv, tsv, apkg or jsonl" in capsys.readouterr().err
    assert cli(tmp_path, "import", str(tmp_path / "nothing.csv")) == 2
    assert "There is no file" in capsys.readouterr().err


def test_two_columns_mapped_to_one_field_are_refused_but_tags_merge(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    words = tmp_path / "words.csv"
    words.write_text("猫,cat,ねこ,animal,pet\n", encoding="utf-8")
    assert cli(tmp_path, "import", str(words), "--map", "2=meaning", "--map", "3=meaning") == 2
    assert "Columns 2 and 3 are both mapped to meaning" in capsys.readouterr().err
    assert cli(tmp_path, "import", str(words), "--map", "3=ignore", "--map", "4=tags", "--map", "5=tags") == 0
    profile = open_profile(tmp_path / "default.effect.sqlite3")
    try:
        assert [(w.text, w.meaning, w.tags) for w in profile.queries.words()] == [("猫", "cat", ["animal", "pet"])]
    finally:
        profile.close()


def test_header_yes_or_no_overrides_the_detection(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    words = tmp_path / "words.csv"
    words.write_text("back,背中\narm,腕\n", encoding="utf-8")
    assert cli(tmp_path, "import", str(words), "--dry-run") == 0
    assert "would add 2" in capsys.readouterr().out
    assert cli(tmp_path, "import", str(words), "--dry-run", "--header", "yes") == 0
    assert "would add 1" in capsys.readouterr().out


def test_an_anki_deck_imports_its_usable_notes_and_lists_the_others(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from .test_apkg import anki21b_package

    deck = anki21b_package(tmp_path)
    assert cli(tmp_path, "import", str(deck), "--dry-run") == 0
    assert "3 notes cannot be imported (left out)" in capsys.readouterr().out
    assert cli(tmp_path, "import", str(deck)) == 0
    out, err = capsys.readouterr()
    assert "modern.apkg: note 3 (猫です): cloze notes (Cloze) have no separate word and meaning" in err
    assert out.strip() == "2 words added, 0 updated, 3 notes left out"
    words = tmp_path / "words.csv"
    words.write_text("word,meaning\ngood,fine\nempty,\n", encoding="utf-8")
    assert cli(tmp_path, "import", str(words)) == 2  # a word list stays strict: its bad rows are to be fixed
    assert "1 row cannot be imported" in capsys.readouterr().err
    # its dry run ends as the import would (it said 0: a script checking a file took it as fine)
    assert cli(tmp_path, "import", str(words), "--dry-run") == 2
    out, err = capsys.readouterr()
    assert "1 row cannot be imported" in out and "the import would be refused" in err and "Fix it," in err
    assert cli(tmp_path, "import", str(words), "--dry-run", "--skip-bad-rows") == 0
    capsys.readouterr()
    many = tmp_path / "many.csv"
    many.write_text("word,meaning\n" + "".join(f"w{i},\n" for i in range(60)), encoding="utf-8")
    assert cli(tmp_path, "import", str(many), "--dry-run") == 2
    err = capsys.readouterr().err
    assert len([line for line in err.splitlines() if "must not be empty" in line]) == 50
    assert "60 rows cannot be imported (the first 50 problems listed above). Fix them," in err


def test_compact_says_when_there_is_nothing_old_enough(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(tmp_path, "words", "add", "猫", "cat") == 0
    assert cli(tmp_path, "compact", "--older-than", "0") == 0
    assert "nothing to compact: no whole segment of 10,000 events" in capsys.readouterr().out


def test_after_a_restore_the_days_backup_is_not_taken_again(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """The state a restore replaces is backed up first: that is the day's backup. The mark of the
    last daily backup lives in the profile, and the restored file's older one made the window take
    another "daily" backup at once, pushing an older one out of Backups kept."""
    from effect_desktop.backup.backups import list_backups
    from effect_desktop.backup.schedule import daily_backup
    from effect_desktop.bootstrap import open_profile

    data = tmp_path / "data"
    assert cli(data, "words", "add", "猫", "cat") == 0
    assert cli(data, "backup", "create") == 0
    assert cli(data, "words", "add", "犬", "dog") == 0
    assert cli(data, "backup", "restore") == 0
    path = data / "default.effect.sqlite3"
    before = len(list_backups(path))
    profile = open_profile(path)
    try:
        assert daily_backup(profile) is None  # the window's upkeep on opening
    finally:
        profile.close()
    assert len(list_backups(path)) == before


def test_a_dry_run_writes_nothing_and_needs_no_profile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`import log.jsonl --dry-run` imported the log for real; a word list's dry run for a profile
    not made yet was refused as "no profile"."""
    data = tmp_path / "data"
    assert cli(data, "words", "add", "猫", "cat") == 0
    log = tmp_path / "log.jsonl"
    assert cli(data, "export", "--format", "jsonl", "--output", str(log)) == 0
    empty = open_profile(data / "empty.effect.sqlite3")
    empty.close()
    capsys.readouterr()
    assert cli(data, "import", str(log), "--dry-run", profile="empty") == 0
    assert "would import 1 event: every line checked; nothing was written" in capsys.readouterr().out
    reopened = open_profile(data / "empty.effect.sqlite3")
    try:
        assert reopened.store.count() == 0
    finally:
        reopened.close()

    words = tmp_path / "words.csv"
    words.write_text("word,meaning\napple,りんご\npear,梨\n", encoding="utf-8")
    assert cli(data, "import", str(words), "--dry-run", profile="later") == 0
    assert "would add 2, update 0" in capsys.readouterr().out
    assert not (data / "later.effect.sqlite3").exists()


def test_a_dry_runs_counts_are_grouped_alike(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"would add 2747, update 0, skip 2,747 duplicates": only some counts had their thousands grouped."""
    words = tmp_path / "words.csv"
    words.write_text("".join(f"w{i},m{i}\n" for i in range(1200)), encoding="utf-8")
    assert cli(tmp_path, "import", str(words)) == 0
    capsys.readouterr()
    words.write_text("".join(f"w{i},m{i}\n" for i in range(2400)), encoding="utf-8")
    assert cli(tmp_path, "import", str(words), "--dry-run") == 0
    assert "would add 1,200, update 0, skip 1,200 duplicates" in capsys.readouterr().out


def test_the_cli_says_how_it_read_a_file_and_which_columns_it_leaves_out(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The window's preview shows the encoding, the separator and each column's field; the command line
    said none of it, so a column left unused (a sheet's difficulties) went without a word."""
    data = tmp_path / "data"
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes("word;meaning;notes\n猫;cat;pet\n".encode("cp932"))
    assert cli(data, "import", str(sheet), "--dry-run") == 0
    assert ("sheet.csv: read as cp932, separated by semicolons, a header row; columns: 1 “word” text, "
            "2 “meaning” meaning, 3 “notes” not imported (--map 3=FIELD imports it)") in capsys.readouterr().out
    assert cli(data, "import", str(sheet)) == 0
    out, err = capsys.readouterr()
    assert "3 “notes” not imported" in err and "1 word added" in out
    assert cli(data, "import", str(sheet), "--map", "notes=tags", "--on-duplicate", "update") == 0
    assert "read as" not in capsys.readouterr().err  # every column used: nothing to say
