"""The open profile keeps SQLite's locks whatever the app looks at: a plain open()/close() of the
profile's file (to read its header, before the daily backup or an export) released the window's
locks, the next program to close its connection took itself for the last one and deleted the
write-ahead log, and everything the window wrote after that was lost on closing."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from effect_desktop.backup.schedule import daily_backup
from effect_desktop.bootstrap import open_profile
from effect_desktop.interchange.csv_export import export_words_to
from effect_desktop.interchange.errors import InterchangeError


def _cli(data: Path, *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "effect_desktop", "--data-dir", str(data), *args],
                          capture_output=True, text=True, timeout=60, check=True)
    return done.stdout


def test_what_the_window_writes_after_a_backup_check_and_another_program_survives(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _cli(data, "words", "add", "猫", "cat")
    profile = open_profile(data / "default.effect.sqlite3")
    try:
        tomorrow = datetime.now() + timedelta(days=1)  # (the CLI's words add took today's)
        assert daily_backup(profile, tomorrow) is not None  # reads the open profile's header and checks it
        with pytest.raises(InterchangeError, match="is a database"):
            export_words_to(profile.queries, profile.path)  # looks at it before refusing
        _cli(data, "words", "list")  # another program opens and closes the profile
        # it must not have taken itself for the last one: the write-ahead log the window writes into stays
        assert Path(f"{profile.path}-wal").exists()
        profile.service.create_word("犬", "dog")  # the window goes on writing
    finally:
        profile.close()
    assert "犬" in _cli(data, "words", "list")
