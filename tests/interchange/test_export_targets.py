"""Where an export may land: never on a database (the profile's own file was once replaced, and the
whole history with it), through a symbolic link to its target, and into a pipe as a redirection would."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from effect_desktop.cli.main import run_cli


def cli(data: Path, *args: str) -> int:
    return run_cli(["--data-dir", str(data), *args])


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    assert cli(folder, "words", "add", "猫", "cat") == 0
    assert cli(folder, "backup", "create") == 0
    return folder


@pytest.mark.parametrize("export_format", ["csv", "jsonl"])
def test_the_profile_its_journal_and_its_backups_are_never_export_targets(
        data: Path, export_format: str, capsys: pytest.CaptureFixture[str]) -> None:
    profile = data / "default.effect.sqlite3"
    backup = next((data / "backups" / "default").glob("*.effect.sqlite3"))
    for target in (profile, Path(f"{profile}-wal"), backup):
        before = target.read_bytes() if target.exists() else None
        capsys.readouterr()
        assert cli(data, "export", "--format", export_format, "--output", str(target)) == 2
        assert "is a database" in capsys.readouterr().err
        assert (target.read_bytes() if target.exists() else None) == before
    assert cli(data, "words", "list") == 0
    assert "猫" in capsys.readouterr().out  # the history is all there


def test_an_export_through_a_symbolic_link_goes_to_its_target(data: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert cli(data, "export", "--format", "csv", "--output", str(link)) == 0
    assert link.is_symlink() and "猫" in real.read_text(encoding="utf-8-sig")


def test_an_export_into_a_pipe_reaches_its_reader(data: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert cli(data, "export", "--format", "jsonl", "--output", str(fifo)) == 0
    reader.join(timeout=30)
    assert b"WordCreated" in received[0]
    assert fifo.exists() and not fifo.is_file()  # still the pipe
