"""The command line's import of a whole log writes its pages once (a rollback journal for the import,
WAL again after it), all or nothing as before; beside another connection it stays in WAL."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from effect_desktop.bootstrap import open_profile
from effect_desktop.cli.main import run_cli
from effect_desktop.interchange.jsonl import export_events_to, import_events
from effect_desktop.projections.verify import verify


def _journal(path: Path) -> str:
    with closing(sqlite3.connect(path)) as raw:
        return str(raw.execute("PRAGMA journal_mode").fetchone()[0])


@pytest.fixture(scope="module")
def log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An exported log of 40,000 words."""
    folder = tmp_path_factory.mktemp("log")
    profile = open_profile(folder / "source.effect.sqlite3")
    try:
        profile.service.import_words([{"text": f"word {i}", "meaning": f"意味 {i}"} for i in range(40_000)])
        export_events_to(profile, folder / "log.jsonl")
    finally:
        profile.close()
    return folder / "log.jsonl"


def test_a_log_imported_from_the_command_line_is_whole_and_the_profile_in_wal_again(
        tmp_path: Path, log: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["--data-dir", str(tmp_path), "import", str(log)]) == 0
    assert "imported 40,000 events" in capsys.readouterr().out
    path = tmp_path / "default.effect.sqlite3"
    assert _journal(path) == "wal", "readers beside the window never wait on a writer"
    assert not path.with_name(path.name + "-journal").exists()
    profile = open_profile(path)
    try:
        assert profile.store.count() == 40_000 and len(profile.queries.words()) == 40_000
        assert verify(profile.projector).ok
    finally:
        profile.close()


def test_beside_another_connection_the_import_stays_in_wal(tmp_path: Path, log: Path) -> None:
    """A window open on the profile holds the file: it cannot leave WAL, and the import runs in WAL."""
    profile = open_profile(tmp_path / "default.effect.sqlite3")
    try:
        with closing(sqlite3.connect(profile.path)) as window:
            window.execute("SELECT count(*) FROM events").fetchone()
            started = time.monotonic()
            assert import_events(profile, log, alone=True) == 40_000
            assert time.monotonic() - started < 8, "no wait on the other connection's lock"
            assert _journal(profile.path) == "wal"
            assert window.execute("SELECT count(*) FROM events").fetchone()[0] == 40_000
    finally:
        profile.close()


def test_an_import_killed_half_way_leaves_an_empty_profile_in_wal(tmp_path: Path, log: Path) -> None:
    """Written once, under a rollback journal: a kill rolls it all back on the next open, as in WAL."""
    data = tmp_path / "data"
    path = data / "default.effect.sqlite3"
    process = subprocess.Popen([sys.executable, "-m", "effect_desktop", "--data-dir", str(data), "import", str(log)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    journal = path.with_name(path.name + "-journal")
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        if journal.exists() and path.stat().st_size > 1 << 20:  # pages of the import written to the file
            break
        time.sleep(0.001)
    assert process.poll() is None, "the import ended before it could be killed: a larger log is needed"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    profile = open_profile(path)
    try:
        assert profile.store.count() == 0, "all of the import or none of it"
        assert verify(profile.projector).ok
        assert _journal(path) == "wal"
        assert import_events(profile, log, alone=True) == 40_000  # and it can be imported again
    finally:
        profile.close()
