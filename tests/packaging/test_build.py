"""Build the standalone app with packaging/build.sh and check what a user gets.

Slow (a PyInstaller build takes one to three minutes), so it runs only where
it is asked for and the tools are there:

    EFFECT_BUILD_TESTS=1 python3 -m pytest -q -m slow tests/packaging/test_build.py

It is skipped unless PyInstaller is importable AND EFFECT_BUILD_TESTS=1; CI
does not build the app. The build script itself ends by running the built
app's --self-test from the unpacked tarball, so a passing build here means
the tarball works on this machine without the source tree.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SIZE_LIMIT_MB = 150

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(importlib.util.find_spec("PyInstaller") is None, reason="PyInstaller is not installed"),
    pytest.mark.skipif(os.environ.get("EFFECT_BUILD_TESTS") != "1", reason="set EFFECT_BUILD_TESTS=1 to build the app"),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="packaging/build.sh builds the Linux app"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    dist = tmp_path_factory.mktemp("dist")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(["bash", str(ROOT / "packaging" / "build.sh"), "--dist", str(dist)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return dist, result.stdout


def clean_env(home: Path) -> dict[str, str]:
    """What a double-click gets: no Python paths, no project variables."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}


def test_the_build_ends_with_a_passing_self_test_of_the_unpacked_tarball(built: tuple[Path, str]) -> None:
    _dist, output = built
    assert "self-test of the built app" in output
    assert "self-test passed: 13 checks" in output
    assert "OK   main window" in output


def test_the_tarball_holds_a_runnable_app_under_the_size_target(built: tuple[Path, str], tmp_path: Path) -> None:
    dist, _ = built
    tarballs = list(dist.glob("EffectDesktop-*-linux-*.tar.gz"))
    assert len(tarballs) == 1
    with tarfile.open(tarballs[0]) as archive:
        archive.extractall(tmp_path, filter="tar")
    app = tmp_path / "EffectDesktop"
    assert (app / "effect-desktop").stat().st_mode & 0o111
    assert (app / "effect-desktop.desktop").read_text(encoding="utf-8").count("Icon=effect-desktop") == 1
    size_mb = sum(p.lstat().st_size for p in app.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20
    assert size_mb < SIZE_LIMIT_MB, f"unpacked app is {size_mb:.1f} MB"


def test_the_built_app_runs_the_command_line_without_python(built: tuple[Path, str], tmp_path: Path) -> None:
    dist, _ = built
    exe = dist / "EffectDesktop" / "effect-desktop"
    data = tmp_path / "data"
    added = subprocess.run([str(exe), "--data-dir", str(data), "words", "add", "猫", "cat"],
                           env=clean_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert added.returncode == 0, added.stderr
    listed = subprocess.run([str(exe), "--data-dir", str(data), "words", "list"],
                            env=clean_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0 and "猫" in listed.stdout and "cat" in listed.stdout


def test_the_bundle_leaves_out_what_the_app_does_not_use(built: tuple[Path, str]) -> None:
    dist, _ = built
    internal = dist / "EffectDesktop" / "_internal"
    names = {p.name for p in internal.rglob("*")}
    assert not any(n.startswith(("libQt6WebEngine", "libQt6Quick", "libQt6Qml", "libQt63D", "libQt6Multimedia"))
                   for n in names)
    qt_translations = {p.name for p in (internal / "PySide6" / "Qt" / "translations").glob("*.qm")}
    assert qt_translations and all(n.endswith(("_en.qm", "_ja.qm")) for n in qt_translations)
    platforms = {p.name for p in (internal / "PySide6" / "Qt" / "plugins" / "platforms").iterdir()}
    assert {"libqxcb.so", "libqoffscreen.so"} <= platforms
    assert not {"libfontconfig.so.1", "libstdc++.so.6", "libX11.so.6"} & names  # taken from the user's system
