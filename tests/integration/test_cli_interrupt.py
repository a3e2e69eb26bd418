"""Ctrl+C on `effect-desktop`: whenever it lands, one true line, exit status 130, and a consistent profile.

A real process gets a real SIGINT at moments found by watching it (its imports being loaded, its
write-ahead log growing, its result printed), never by a hook of ours; each test asserts only what
must hold wherever in that stretch the signal lands.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from effect_desktop.bootstrap import profile_path

ROOT = Path(__file__).resolve().parents[2]
ROWS = 50_000
SUMMARY = f"{ROWS:,} words added"


def _cli(data: Path, *args: str, **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "effect_desktop", "--data-dir", str(data), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, **options)  # type: ignore[call-overload]


@pytest.fixture
def big_csv(tmp_path: Path) -> Path:
    path = tmp_path / "big.csv"
    path.write_text("text,meaning\n" + "".join(f"w{i},意味{i}\n" for i in range(ROWS)), encoding="utf-8")
    return path


def _wal_has_grown(data: Path) -> Callable[[subprocess.Popen[str]], bool]:
    wal = profile_path(data).with_name(profile_path(data).name + "-wal")

    def grown(_process: subprocess.Popen[str]) -> bool:
        try:
            return wal.stat().st_size > 2_000_000  # the import's rows are being written
        except FileNotFoundError:
            return False
    return grown


def _interrupt_import(data: Path, csv: Path, moment: str) -> tuple[int, str, str]:
    """Run `import` and send SIGINT once `moment` is reached (or at once if the process ended)."""
    env = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"} if moment == "loading" else dict(os.environ)
    process = subprocess.Popen([sys.executable, "-m", "effect_desktop", "--data-dir", str(data), "import", str(csv)],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stderr is not None
    seen: list[str] = []
    if moment == "loading":  # Python reports each import as it finishes: ours are loading now
        for line in process.stderr:
            seen.append(line)
            if line.split("|")[-1].strip() == "effect_desktop.cli":
                break
    elif moment == "writing":
        grown = _wal_has_grown(data)
        while process.poll() is None and not grown(process):
            pass
    printed = ""
    if moment == "printed":  # the result is out; the profile is being closed, or the process ends
        printed = process.stdout.readline()
        assert SUMMARY in printed
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=300)  # reads on past what was read above
    out = printed + out
    err = "".join(line for line in [*seen, *err.splitlines(keepends=True)] if not line.startswith("import time:"))
    return process.returncode, out, err


@pytest.mark.parametrize("moment", ["loading", "writing", "printed"])
def test_ctrl_c_during_a_long_import_is_one_true_line_and_status_130(
        tmp_path: Path, big_csv: Path, moment: str) -> None:
    data = tmp_path / "data"
    assert _cli(data, "words", "add", "seed", "種").returncode == 0
    code, out, err = _interrupt_import(data, big_csv, moment)

    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert "SELECT" not in err and "INSERT" not in err and "sqlalche.me" not in err
    if SUMMARY in out:  # it landed after the import was stored: 130, or 0 once the command was over
        assert code in (0, 130), err
    else:
        assert code == 130, err
    if code == 130:
        lines = err.strip().splitlines()
        assert len(lines) == 1 and "interrupted" in lines[0], err
        assert "nothing after the last completed command was written" not in err  # untrue after a commit
        # all or nothing, and said so: "what was completed before the interrupt is kept" read as a part kept
        if SUMMARY in out:
            assert "nothing was imported" not in err, err
        elif moment == "writing":
            assert "nothing was imported" in err, err
    checked = _cli(data, "verify")
    assert checked.returncode == 0, checked.stderr
    words = json.loads(_cli(data, "words", "list", "--json").stdout)
    assert len(words) in (1, ROWS + 1), "all of the import or none of it"


def test_ctrl_c_while_the_program_starts_is_quiet_and_status_130(tmp_path: Path) -> None:
    """Before any command runs (the app's modules are still loading): no traceback."""
    process = subprocess.Popen([sys.executable, "-m", "effect_desktop", "--data-dir", str(tmp_path / "data"),
                                "words", "list"], cwd=ROOT, env={**os.environ, "PYTHONPROFILEIMPORTTIME": "1"},
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    for line in process.stderr:
        if line.split("|")[-1].strip() == "effect_desktop.cli":  # loaded by main(): the rest of the CLI is loading
            break
    process.send_signal(signal.SIGINT)
    _, rest = process.communicate(timeout=120)
    err = "".join(line for line in rest.splitlines(keepends=True) if not line.startswith("import time:"))
    assert process.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "data").exists(), "nothing was written"


def test_ctrl_c_during_a_progress_line_starts_its_message_on_a_line_of_its_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """On a terminal, "effect-desktop: interrupted…" went on the end of "rebuilding events: 40,000/1,000,027"."""
    from effect_desktop.cli import log
    from effect_desktop.cli.main import run_cli

    assert run_cli(["--data-dir", str(tmp_path), "words", "add", "猫", "cat"]) == 0
    capsys.readouterr()

    def progress_then_ctrl_c(_total: int):  # type: ignore[no-untyped-def]
        lines = log.PhaseLines()
        lines.terminal = True  # as on a terminal

        def progress(done: int, total: int) -> bool:
            lines("rebuilding events", done, total)
            raise KeyboardInterrupt
        return progress

    monkeypatch.setattr(log, "rebuild_progress", progress_then_ctrl_c)
    assert run_cli(["--data-dir", str(tmp_path), "rebuild"]) == 130
    err = capsys.readouterr().err
    assert "\reffect-desktop: interrupted" not in err and "\neffect-desktop: interrupted" in err


@pytest.mark.parametrize("command", [["verify"], ["words", "list"], ["export", "--format", "jsonl"],
                                     ["export", "--format", "csv"]])
def test_ctrl_c_in_a_command_that_only_reads_says_nothing_was_changed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        command: list[str]) -> None:
    """"what was completed before the interrupt is kept; `words list` shows what is there" was said of a
    verify or an export, which write nothing (found by a command-line user)."""
    from effect_desktop.cli import interchange_commands, log
    from effect_desktop.cli.main import run_cli
    from effect_desktop.cli.output import PhaseLines

    data = tmp_path / "data"
    assert run_cli(["--data-dir", str(data), "words", "add", "apple", "りんご"]) == 0

    class CtrlC(PhaseLines):  # the learner presses Ctrl+C as the first phase is shown
        def __call__(self, phase: str, done: int = 0, total: int = 0) -> None:
            signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(log, "PhaseLines", CtrlC)
    exporter = {"jsonl": "export_events", "csv": "export_words"}.get(command[-1])
    if exporter is not None:  # an export to standard output shows no phases: Ctrl+C as it writes
        real = getattr(interchange_commands, exporter)

        def export(*args, **kwargs):  # type: ignore[no-untyped-def]
            signal.raise_signal(signal.SIGINT)
            return real(*args, **kwargs)

        monkeypatch.setattr(interchange_commands, exporter, export)
    if command == ["words", "list"]:
        from effect_desktop.cli import words as word_commands

        def listed(*_args, **_kwargs):  # type: ignore[no-untyped-def]
            signal.raise_signal(signal.SIGINT)

        monkeypatch.setattr(word_commands, "print_table", listed)
    capsys.readouterr()
    assert run_cli(["--data-dir", str(data), *command]) == 130
    err = capsys.readouterr().err
    assert "what was completed before the interrupt is kept" not in err, err
    assert "nothing was changed" in err or "the profile is unchanged" in err, err
    if command[-1] == "csv":  # cut between rows, it would import as a shorter list without a word
        assert "do not import it" in err, err


def test_ctrl_c_once_an_import_was_stored_says_it_is_all_kept(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl+C after "2 words added" was printed, before the command ended, was answered "nothing was
    imported", with the words in (found in review: the import test failed one run in four)."""
    from effect_desktop.cli import interchange_commands
    from effect_desktop.cli.main import run_cli

    data = tmp_path / "data"
    rows = tmp_path / "w.csv"
    rows.write_text("word,meaning\napple,りんご\npear,なし\n", encoding="utf-8")

    def ctrl_c(*_args: object) -> None:  # as the scheduler note follows the stored import
        signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(interchange_commands, "_say_about_the_scheduler", ctrl_c)
    assert run_cli(["--data-dir", str(data), "import", str(rows)]) == 130
    err = capsys.readouterr().err
    assert "nothing was imported" not in err and "all of it is kept" in err, err
    monkeypatch.undo()
    assert run_cli(["--data-dir", str(data), "words", "list", "--json"]) == 0
    assert {w["text"] for w in json.loads(capsys.readouterr().out)} == {"apple", "pear"}


def test_ctrl_c_before_the_command_line_is_read_names_real_commands(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl+C as the command line was read printed "`{words}` or `{events}` shows what is there" (found in
    review)."""
    from effect_desktop.cli import main as cli_main

    def ctrl_c() -> None:
        raise KeyboardInterrupt  # as a Ctrl+C landing while the parser is built

    monkeypatch.setattr(cli_main, "build_parser", ctrl_c)
    assert cli_main.run_cli(["--data-dir", str(tmp_path / "data"), "words", "list"]) == 130
    err = capsys.readouterr().err
    assert "{" not in err and "effect-desktop words list" in err, err
