"""`verify` and `compact` take minutes on a long history: they say what they are doing meanwhile.

Both were silent for their whole run (about 3 minutes and 40 s on a five-year profile), which looks
like a hang; a person at a terminal sees each phase with its count, a log sees each phase once."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from effect_desktop.bootstrap import Profile
from effect_desktop.cli.main import run_cli
from effect_desktop.cli.output import PhaseLines
from effect_desktop.interchange.archiving import compact_profile
from tests.integration.profile_helpers import SettableClock

from .conftest import study_history
from .test_archive import FAR_FUTURE


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_verify_names_its_phases_on_a_terminal_and_nothing_else(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    assert run_cli(["--data-dir", str(data), "words", "add", "猫", "cat"]) == 0
    capsys.readouterr()
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert run_cli(["--data-dir", str(data), "verify"]) == 0
    shown = [line.rsplit("\r", 1)[-1] for line in terminal.getvalue().split("\n") if line]
    assert shown == ["checking the stored events: 1/1", "replaying events: 1/1", "comparing read models: 10/11",
                     "checking streams and snapshots…"]  # the two passes over the log counted under one label
    assert capsys.readouterr().out.startswith("ok: 1 event replayed")
    monkeypatch.undo()
    assert run_cli(["--data-dir", str(data), "verify"]) == 0
    assert capsys.readouterr().err == ""  # a log or a pipe gets only what the command found


def test_compact_counts_its_segments_on_a_terminal(profile: Profile, clock: SettableClock) -> None:
    study_history(profile, clock, days=3)
    terminal = Terminal()
    lines = PhaseLines(terminal)
    done = compact_profile(profile, older_than_days=0, now=FAR_FUTURE, segment=10, progress=lines)
    lines.end()
    shown = [line.rsplit("\r", 1)[-1] for line in terminal.getvalue().split("\n") if line]
    segments = done.report.segments
    assert segments > 1
    assert shown == ["snapshotting the words and sessions in them…",
                     f"archiving segments: {segments}/{segments}", "shrinking the file…"]


def test_the_first_state_as_of_shows_its_preparation_on_a_terminal(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The first `state --as-of` on a five-year history writes the time-travel checkpoints: over four
    minutes with nothing on the screen."""
    data = tmp_path / "data"
    assert run_cli(["--data-dir", str(data), "words", "add", "猫", "cat"]) == 0
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert run_cli(["--data-dir", str(data), "state", "--as-of", "2099-01-01T00:00Z"]) == 0
    shown = [line.rsplit("\r", 1)[-1] for line in terminal.getvalue().split("\n") if line]
    assert shown == ["preparing time travel (once; later moments come quickly): 1/1"]
    assert "As of" in capsys.readouterr().out
