"""A backup or a restore the system refused (a folder that cannot be written, a full disk): said in
words, with what to do, under a title about the backup, and the profile left as it was.

It quoted Python's report ("[Errno 13] Permission denied: '…-daily.effect.sqlite3.partial'"), nested the
backup's message in the restore's ("…the folder's permissions.."), and never said the profile was fine."""

from __future__ import annotations

from pathlib import Path

import pytest

from effect_desktop.backup.backups import (
    BackupNotWritten,
    RestoreRefused,
    backup_dir,
    create_backup,
    restore_backup,
)
from effect_desktop.bootstrap import open_profile
from effect_desktop.os_reasons import NO_PERMISSION, NO_SPACE, reason_in_words
from tests.support.folders import unwritable


def _profile_with_a_backup(tmp_path: Path) -> tuple[Path, Path]:
    path = tmp_path / "data" / "default.effect.sqlite3"
    profile = open_profile(path)
    profile.service.create_word("apple", "りんご")
    profile.close()
    return path, create_backup(path).path


def _plain(message: str) -> None:
    assert "Errno" not in message and ".partial" not in message and ".restoring" not in message, message
    assert ".." not in message.replace("…", ""), message


def test_a_backup_into_a_folder_that_cannot_be_written_says_so_in_words(tmp_path: Path) -> None:
    path, _ = _profile_with_a_backup(tmp_path)
    with unwritable(backup_dir(path)), pytest.raises(BackupNotWritten) as refused:
        create_backup(path)
    message = str(refused.value)
    _plain(message)
    assert f"could not be written to {backup_dir(path)} (permission denied)" in message
    assert message.endswith("Give your user account permission to write to that folder.")
    assert refused.value.reason == NO_PERMISSION


def test_a_restore_whose_backup_first_is_refused_says_once_that_the_profile_was_left(tmp_path: Path) -> None:
    path, backup = _profile_with_a_backup(tmp_path)
    before = path.read_bytes()
    with unwritable(backup_dir(path)), pytest.raises(RestoreRefused) as refused:
        restore_backup(path, backup)
    message = str(refused.value)
    _plain(message)
    assert message.count("left as it was") == 1 and message.count("could not") == 1, message
    assert "(permission denied), and the profile was left as it was. Give your user account" in message
    assert path.read_bytes() == before


def test_a_restore_into_a_data_folder_that_cannot_be_written_says_so_in_words(tmp_path: Path) -> None:
    path, backup = _profile_with_a_backup(tmp_path)
    with unwritable(path.parent), pytest.raises(RestoreRefused) as refused:
        restore_backup(path, backup)
    message = str(refused.value)
    _plain(message)
    assert message.startswith(f"The backup was not restored: it could not be copied into {path.parent} "
                              "(permission denied), and the profile was left as it was.")


def test_a_full_disk_is_said_as_such() -> None:
    """/dev/full refuses every write as a full disk does (ENOSPC)."""
    with pytest.raises(OSError) as refused, open("/dev/full", "wb") as full:
        full.write(b"x")
        full.flush()
    assert reason_in_words(refused.value) == NO_SPACE
    import sqlite3
    assert reason_in_words(sqlite3.OperationalError("database or disk is full")) == NO_SPACE


def test_an_import_whose_backup_cannot_be_written_says_nothing_was_imported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from effect_desktop.cli.main import run_cli

    path, _ = _profile_with_a_backup(tmp_path)
    rows = tmp_path / "w.csv"
    rows.write_text("".join(f"w{i},m{i}\n" for i in range(40)), encoding="utf-8")
    capsys.readouterr()
    with unwritable(backup_dir(path)):
        assert run_cli(["--data-dir", str(path.parent), "import", str(rows)]) == 2
    err = capsys.readouterr().err
    assert "Nothing was imported: the backup made before an import could not be written to" in err
    assert "(permission denied)" in err and "Errno" not in err


@pytest.mark.parametrize("form", ["csv", "jsonl"])
def test_an_export_the_disk_or_the_folder_refuses_says_what_to_do(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str) -> None:
    """"/…/out.csv could not be written: No space left on device." said nothing of what to do."""
    from effect_desktop.cli.main import run_cli

    path, _ = _profile_with_a_backup(tmp_path)
    export = ["--data-dir", str(path.parent), "export", "--format", form, "--output"]
    capsys.readouterr()
    assert run_cli([*export, "/dev/full"]) == 2  # every write refused as on a full disk
    err = capsys.readouterr().err
    assert "/dev/full could not be written (the disk is full). Free some space on the disk, or choose another " \
           "folder." in err
    out = tmp_path / "out"
    out.mkdir()
    with unwritable(out):
        assert run_cli([*export, str(out / f"words.{form}")]) == 2
    err = capsys.readouterr().err
    assert "could not be written (permission denied). Choose another folder, or give your user account " \
           "permission to write to that one." in err and "Errno" not in err and ".partial" not in err


def test_a_data_folder_that_cannot_be_written_says_to_make_it_writable_or_copy_the_profile(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It said only "choose another data folder with --data-dir": not that the folder could be made
    writable, nor how to reach the history kept in it."""
    from effect_desktop.cli.main import run_cli

    path, _ = _profile_with_a_backup(tmp_path)
    capsys.readouterr()
    with unwritable(path.parent):
        assert run_cli(["--data-dir", str(path.parent), "words", "list"]) == 2
    err = capsys.readouterr().err
    assert (f"The data folder {path.parent} cannot be written (no permission); make it writable for your user "
            "account, or copy the profile to a folder you can write and choose that one with --data-dir or "
            "EFFECT_DATA_DIR.") in err
