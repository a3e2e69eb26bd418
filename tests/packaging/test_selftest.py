"""`effect-desktop --self-test` from the source tree, and where the resources folder is found.

The self-test is what a user (or the build script) runs to ask "does this
installation work?", so these tests run it as a user would: a separate
process, reading what it prints and its exit status.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from effect_desktop import resources_path
from effect_desktop.resources_path import ResourcesNotFound, resource_path, resources_root

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ["resources", "profile", "command", "read models", "archive", "command line", "sync client", "qt",
          "qt plugins", "translations", "icon", "charts", "main window"]


def run_app(args: list[str], home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m effect_desktop ARGS` with a private home and data folder."""
    environment = {k: v for k, v in os.environ.items() if k != "EFFECT_RESOURCES_DIR"}
    environment.update(HOME=str(home), EFFECT_DATA_DIR=str(home / "data"), QT_QPA_PLATFORM="offscreen", **env)
    return subprocess.run([sys.executable, "-m", "effect_desktop", *args], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=120)


def test_self_test_passes_and_names_every_check(tmp_path: Path) -> None:
    screenshot = tmp_path / "window.png"
    result = run_app(["--self-test", "--screenshot", str(screenshot)], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for check in CHECKS:
        assert any(line.startswith("OK") and line[5:].startswith(check + " ") for line in lines), (check, lines)
    assert "created a word, answered it, completed the session" in result.stdout
    assert "every read model matches" in result.stdout
    assert "MainWindow rendered" in result.stdout
    assert lines[-1].startswith(f"self-test passed: {len(CHECKS)} checks")
    assert "Traceback" not in result.stderr
    assert screenshot.read_bytes().startswith(b"\x89PNG") and screenshot.stat().st_size > 5000


def test_self_test_leaves_the_users_data_alone(tmp_path: Path) -> None:
    result = run_app(["--self-test"], tmp_path)
    assert result.returncode == 0, result.stdout
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").iterdir())


def test_self_test_with_global_options_still_runs_the_self_test(tmp_path: Path) -> None:
    result = run_app(["--profile", "someone", "--self-test"], tmp_path)
    assert result.returncode == 0, result.stdout
    assert not (tmp_path / "data" / "someone.effect.sqlite3").exists()


def test_a_self_test_whose_report_cannot_be_written_says_so_in_one_line(tmp_path: Path) -> None:
    """`--self-test > /dev/full` and `--self-test | head -1` ended in a traceback."""
    environment = {k: v for k, v in os.environ.items() if k != "EFFECT_RESOURCES_DIR"}
    environment.update(HOME=str(tmp_path), EFFECT_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "effect_desktop", "--self-test"], cwd=ROOT, env=environment,
                                stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "effect-desktop: the self-test's report could not be written: No space left on device"]
    reader = subprocess.Popen([sys.executable, "-m", "effect_desktop", "--self-test"], cwd=ROOT, env=environment,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert reader.stdout is not None and reader.stdout.readline().startswith("Effect Desktop self-test")
    reader.stdout.close()  # the reader leaves, as `head -1` does
    _, errors = reader.communicate(timeout=120)
    assert reader.returncode == 0 and "Traceback" not in errors


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display is a Linux environment's choice")
def test_the_window_without_a_display_is_one_clear_line_not_an_abort(tmp_path: Path) -> None:
    """Over SSH, `effect-desktop` ended with Qt's abort (status 134): "Reinstalling the application may fix
    this problem"."""
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "EFFECT_RESOURCES_DIR")}
    environment.update(HOME=str(tmp_path), EFFECT_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-m", "effect_desktop"], cwd=ROOT, env=environment,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.startswith("effect-desktop: there is no display to open the window on")
    assert not (tmp_path / "data").exists(), "no profile is made for a window that cannot open"


def test_missing_resources_fail_the_self_test_with_a_reason(tmp_path: Path) -> None:
    empty = tmp_path / "no-resources"
    empty.mkdir()
    result = run_app(["--self-test"], tmp_path, EFFECT_RESOURCES_DIR=str(empty))
    assert result.returncode == 1
    assert "FAIL resources" in result.stdout
    assert "EFFECT_RESOURCES_DIR" in result.stdout  # says what to do
    assert "FAIL translations" in result.stdout and "not run: resources failed" in result.stdout
    assert "OK   command" in result.stdout  # the core does not need the resources
    assert "self-test FAILED" in result.stdout.splitlines()[-1]
    assert "Traceback" not in result.stdout + result.stderr


def test_startup_probe_opens_the_window_and_exits(tmp_path: Path) -> None:
    result = run_app(["--startup-probe"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "main window painted" in result.stdout


# --- resources_path: source tree, frozen bundle, override ---------------------------------------------

def make_resources(folder: Path) -> Path:
    (folder / "resources" / "starter_deck").mkdir(parents=True)
    return folder / "resources"


def test_resources_are_found_in_the_source_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EFFECT_RESOURCES_DIR", raising=False)
    assert resources_root() == ROOT / "resources"
    assert resource_path("icons", "effect-desktop.svg").is_file()


def test_a_frozen_bundle_uses_its_own_resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EFFECT_RESOURCES_DIR", raising=False)
    bundled = make_resources(tmp_path)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_root() == bundled
    assert resource_path("translations", "x.qm") == bundled / "translations" / "x.qm"


def test_an_installed_wheels_data_folder_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EFFECT_RESOURCES_DIR", raising=False)
    shared = make_resources(tmp_path / "share" / "effect-desktop")
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    monkeypatch.setattr(resources_path, "__file__", str(tmp_path / "site-packages" / "effect_desktop" / "x.py"))
    assert resources_root() == shared


def test_an_explicit_folder_without_resources_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EFFECT_RESOURCES_DIR", str(tmp_path))
    with pytest.raises(ResourcesNotFound) as raised:
        resources_root()
    assert str(tmp_path) in str(raised.value) and "EFFECT_RESOURCES_DIR" in str(raised.value)
