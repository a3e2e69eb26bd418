"""Profile names Windows keeps for devices are refused everywhere: a profile may travel there."""

from __future__ import annotations

from pathlib import Path

import pytest

from effect_desktop.bootstrap import InvalidProfileName, profile_path
from effect_desktop.cli.main import run_cli


@pytest.mark.parametrize("name", ["CON", "nul", "com1", "LPT9", "Aux ", "com¹"])
def test_a_windows_device_name_is_refused_with_a_reason(tmp_path: Path, name: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """`--profile CON` made CON.effect.sqlite3, which on Windows is the console, not a file."""
    with pytest.raises(InvalidProfileName, match="Windows keeps that name for a device"):
        profile_path(tmp_path, name)
    assert run_cli(["--data-dir", str(tmp_path), "--profile", name, "words", "add", "猫", "cat"]) == 2
    assert "Windows keeps that name for a device" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["CONSOLE", "com10", "nullable", "LPT", "my con"])
def test_names_that_only_start_like_a_device_are_fine(tmp_path: Path, name: str) -> None:
    assert profile_path(tmp_path, name).name == f"{name}.effect.sqlite3"


def test_a_profile_made_under_such_a_name_before_still_opens(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """"aux" and "con" are ordinary words, and on Linux or macOS they were valid names until the refusal
    came in: such a profile was locked out of every command, backups and export included (found in review)."""
    from effect_desktop.bootstrap import open_profile

    made = open_profile(tmp_path / "aux.effect.sqlite3")  # as an earlier version made it
    made.service.create_word("猫", "cat")
    made.close()
    assert run_cli(["--data-dir", str(tmp_path), "--profile", "aux", "words", "list"]) == 0
    assert "猫" in capsys.readouterr().out


def test_such_a_profile_left_mid_recovery_is_finished_not_refused(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A recovery stopped between its two renames leaves only aux.effect.sqlite3.recovered: the name was
    then refused as new, and the recovery never finished (found in review)."""
    from effect_desktop.bootstrap import open_profile

    made = open_profile(tmp_path / "aux.effect.sqlite3")
    made.service.create_word("猫", "cat")
    made.close()
    (tmp_path / "aux.effect.sqlite3").rename(tmp_path / "aux.effect.sqlite3.recovered")
    assert run_cli(["--data-dir", str(tmp_path), "--profile", "aux", "words", "list"]) == 0
    assert "猫" in capsys.readouterr().out


@pytest.mark.parametrize("spaced", ["work ", " work", "  work  ", "work\u3000"])  # U+3000: a Japanese space
def test_spaces_around_a_profile_name_are_dropped(tmp_path: Path, spaced: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """`--profile "work "` made a second profile, "work .effect.sqlite3", beside "work": the words added
    under one were missing under the other. The window opens its profile through profile_path too."""
    assert profile_path(tmp_path, spaced) == profile_path(tmp_path, "work")
    assert run_cli(["--data-dir", str(tmp_path), "--profile", "work", "words", "add", "猫", "cat"]) == 0
    assert run_cli(["--data-dir", str(tmp_path), "--profile", spaced, "words", "add", "犬", "dog"]) == 0
    capsys.readouterr()
    assert run_cli(["--data-dir", str(tmp_path), "--profile", spaced, "words", "list"]) == 0
    out = capsys.readouterr().out
    assert "猫" in out and "犬" in out
    assert sorted(p.name for p in tmp_path.glob("*.effect.sqlite3")) == ["work.effect.sqlite3"]
    assert run_cli(["--data-dir", str(tmp_path), "--profile", spaced, "backup", "list"]) == 0
    assert capsys.readouterr().out.rstrip().endswith(str(tmp_path / "backups" / "work"))


def test_a_profile_made_under_a_spaced_name_before_still_opens(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from effect_desktop.bootstrap import open_profile

    made = open_profile(tmp_path / "work .effect.sqlite3")  # as an earlier version made it
    made.service.create_word("猫", "cat")
    made.close()
    assert run_cli(["--data-dir", str(tmp_path), "--profile", "work ", "words", "list"]) == 0
    assert "猫" in capsys.readouterr().out
    assert run_cli(["--data-dir", str(tmp_path), "--profile", "   ", "words", "list"]) == 2
    assert "invalid profile name: it is empty" in capsys.readouterr().err
