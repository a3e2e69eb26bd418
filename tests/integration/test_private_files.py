"""What the app creates for one learner is readable by that learner alone (POSIX modes).

Made with the usual umask 022, the data folder and the backups folder were 0755 and the profile and
its backups 0644: any local account could read the whole study history, and a sync password kept in
the profile file."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from effect_desktop.backup.backups import backup_dir, create_backup
from effect_desktop.bootstrap import open_profile
from effect_desktop.cli.main import run_cli

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
PASSWORD = "Kept-In-Clear-7f3a9"


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    before = os.umask(0o022)
    yield
    os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_data_folder_profile_and_backups_are_private(tmp_path: Path) -> None:
    data = tmp_path / "made-by-the-app" / "data"
    assert run_cli(["--data-dir", str(data), "words", "add", "猫", "cat"]) == 0
    assert run_cli(["--data-dir", str(data), "backup", "create"]) == 0
    profile = data / "default.effect.sqlite3"
    backups = list(backup_dir(profile).iterdir())
    assert backups
    folders = [data, backup_dir(profile).parent, backup_dir(profile)]  # `backups/` was 0755: profile names shown
    assert {path.name: oct(mode(path)) for path in folders} == {path.name: "0o700" for path in folders}
    files = [profile, *backups, *data.glob("*.sqlite3-*")]
    assert {path.name: oct(mode(path)) for path in files} == {path.name: "0o600" for path in files}
    assert mode(data.parent) == 0o755  # a folder above the app's own is made as any program makes it


def test_a_folder_the_user_made_keeps_its_mode(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    opened = open_profile(shared / "learner.effect.sqlite3")
    opened.close()
    assert mode(shared) == 0o755
    assert mode(shared / "learner.effect.sqlite3") == 0o600
    backup = create_backup(shared / "learner.effect.sqlite3")
    assert mode(backup.path) == 0o600


def test_a_forgotten_password_leaves_no_trace_in_the_profile_file(tmp_path: Path) -> None:
    """Switching servers removed the row, but SQLite only marks its space free: `grep -a` found it."""
    path = tmp_path / "learner.effect.sqlite3"
    profile = open_profile(path)
    try:
        profile.settings.set("sync.password_plaintext", PASSWORD)
        profile.settings.forget("sync.password_plaintext")
        assert profile.settings.get("sync.password_plaintext") is None
        files = [path, *tmp_path.glob("learner.effect.sqlite3-*")]
        assert [f.name for f in files if PASSWORD.encode() in f.read_bytes()] == []
    finally:
        profile.close()
    assert PASSWORD.encode() not in path.read_bytes()
