"""Output that cannot be written (`>&-`, a full disk): one line "could not write the output", exit
status 2, and what the command stored is said, not lost in silence. It was "unexpected error: TypeError"
(export to a closed stdout), "OSError … please report it" (a full disk), and for `words add >&-` exit 0
with the new word's id gone."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from effect_desktop.bootstrap import profile_path
from effect_desktop.cli.main import run_cli

ROOT = Path(__file__).resolve().parents[2]
FULL = Path("/dev/full")  # every write fails with ENOSPC (Linux)


def _texts(data: Path) -> list[str]:
    with sqlite3.connect(profile_path(data)) as raw:
        return [row[0] for row in raw.execute("SELECT text FROM rm_words ORDER BY text")]


def _count(data: Path) -> int:
    with sqlite3.connect(profile_path(data)) as raw:
        return int(raw.execute("SELECT count(*) FROM events").fetchone()[0])


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "data"
    assert run_cli(["--data-dir", str(folder), "words", "add", "apple", "りんご"]) == 0
    capsys.readouterr()
    return folder


def _failed(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = run_cli(list(args))
    err = capsys.readouterr().err
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1 and "unexpected error" not in err and "report" not in err, err
    return err.strip()


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_an_export_to_a_closed_stdout_says_so(data: Path, capsys, monkeypatch, fmt: str) -> None:
    monkeypatch.setattr(sys, "stdout", None)  # what Python makes of a descriptor 1 the shell closed
    err = _failed(capsys, "--data-dir", str(data), "export", "--format", fmt)
    assert err == "effect-desktop: error: could not write the output: Bad file descriptor", err
    assert _count(data) == 1


def test_a_word_added_with_its_id_unprinted_is_said_to_be_added(data: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    err = _failed(capsys, "--data-dir", str(data), "words", "add", "pear", "梨")
    assert err == ("effect-desktop: error: could not write the output: Bad file descriptor; the word was added "
                   f"(`effect-desktop --data-dir {data} words list` shows it)"), err
    assert _texts(data) == ["apple", "pear"]
    err = _failed(capsys, "--data-dir", str(data), "words", "list")
    assert err == "effect-desktop: error: could not write the output: Bad file descriptor", err


@pytest.mark.skipif(not FULL.exists(), reason="/dev/full is Linux's")
def test_a_full_disk_is_one_line_from_a_real_process(data: Path) -> None:
    """In a process of its own: the output still pending at exit made Python add "Exception ignored"
    and exit status 120."""
    command = [sys.executable, "-m", "effect_desktop", "--data-dir", str(data)]
    with open(FULL, "w") as full:
        done = subprocess.run([*command, "words", "list"], cwd=ROOT, stdout=full, stderr=subprocess.PIPE,
                              text=True, timeout=120)
    assert done.returncode == 2 and done.stderr == (
        "effect-desktop: error: could not write the output: No space left on device\n"), done.stderr
    closed = subprocess.run(["sh", "-c", 'exec "$0" "$@" >&-', *command, "words", "add", "fig", "無花果"],
                            cwd=ROOT, stderr=subprocess.PIPE, text=True, timeout=120)
    assert closed.returncode == 2 and closed.stderr == (
        "effect-desktop: error: could not write the output: Bad file descriptor; the word was added "
        f"(`effect-desktop --data-dir {data} words list` shows it)\n"), closed.stderr
    assert _texts(data) == ["apple", "fig"]
