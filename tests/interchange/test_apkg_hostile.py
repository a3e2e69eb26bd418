"""Anki packages made to hurt: a zstd bomb, a view that runs for ever, a query that takes hours.

Each is a real file read through the real reader (and the real command, and the real dialog);
the temp folder is the test's own, so what is left behind in it can be seen."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import zstandard
from pytestqt.qtbot import QtBot

from effect_desktop.bootstrap import Profile
from effect_desktop.interchange import apkg_import
from effect_desktop.interchange.apkg_import import read_apkg
from effect_desktop.interchange.errors import InterchangeError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder


def bomb(tmp_path: Path, size: int) -> Path:
    """`size` zero bytes, zstd-compressed as Anki 2.1.50+ stores its collection (a few hundred bytes)."""
    compressor = zstandard.ZstdCompressor(level=19)
    chunk = b"\0" * (1024 * 1024)
    with compressor.stream_writer(buffer := _Buffer(), closefd=False) as writer:
        for _ in range(size // len(chunk)):
            writer.write(chunk)
    path = tmp_path / "bomb.apkg"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("collection.anki21b", bytes(buffer))
        package.writestr("media", "{}")
    return path


class _Buffer(bytearray):
    def write(self, data: bytes) -> int:
        self.extend(data)
        return len(data)


def test_a_zstd_bomb_is_stopped_at_the_limit_and_leaves_nothing(tmp_path: Path, temp_folder: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """392 bytes wrote 4 GiB to the temp folder before SQLite said "not a database": the limit was
    checked against the zip's size of the member, which is the compressed size."""
    monkeypatch.setattr(apkg_import, "MAX_COLLECTION", 8 * 1024 * 1024)  # the same check, at a testable size
    path = bomb(tmp_path, 64 * 1024 * 1024)
    assert path.stat().st_size < 10_000
    with pytest.raises(InterchangeError, match="holds a collection larger than"):
        read_apkg(path)
    assert list(temp_folder.iterdir()) == []


def _slow_collection(tmp_path: Path, cards_as_view: bool) -> Path:
    """A valid schema-11 collection. As a view, `cards` counts to ten billion; as a table it has
    60,000 cards and no index on nid, so the reader's "first card of each note" takes hours."""
    db = tmp_path / "slow.anki2"
    connection = sqlite3.connect(db)
    connection.execute("CREATE TABLE col (id integer PRIMARY KEY, models text, decks text)")
    connection.execute("CREATE TABLE notes (id integer PRIMARY KEY, mid integer, tags text, flds text)")
    if cards_as_view:
        connection.execute("CREATE VIEW cards AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r "
                           "WHERE x < 10000000000) SELECT x AS id, 1 AS nid, 1 AS did, 0 AS odid FROM r")
    else:
        connection.execute("CREATE TABLE cards (id integer PRIMARY KEY, nid integer, did integer, odid integer)")
        connection.executemany("INSERT INTO cards VALUES (?, ?, 1, 0)", ((n, n) for n in range(60_000)))
    connection.execute("INSERT INTO col VALUES (1, ?, ?)", (
        '{"1": {"name": "Basic", "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}], "type": 0}}',
        '{"1": {"name": "Deck"}}'))
    connection.execute("INSERT INTO notes VALUES (1, 1, '', 'word\x1fmeaning')")
    connection.commit()
    connection.close()
    path = tmp_path / ("view.apkg" if cards_as_view else "slow.apkg")
    with zipfile.ZipFile(path, "w") as package:
        package.write(db, "collection.anki2")
        package.writestr("media", "{}")
    return path


def test_a_package_whose_cards_is_a_view_is_refused_at_once(tmp_path: Path) -> None:
    """It ran at 100% CPU for over ten minutes: the reader queried whatever `cards` was."""
    path = _slow_collection(tmp_path, cards_as_view=True)
    temp = tmp_path / "tmp"
    temp.mkdir()
    try:
        done = subprocess.run([sys.executable, "-m", "effect_desktop", "import", str(path), "--dry-run"], cwd=ROOT,
                              env=_env(tmp_path, temp), capture_output=True, text=True, timeout=30)
    finally:
        _remove_leftovers(temp)  # before the fix the killed run left its folder
    assert done.returncode == 2
    assert "view 'cards', which Anki never writes" in done.stderr
    assert list(temp.iterdir()) == []


def _env(tmp_path: Path, temp: Path) -> dict[str, str]:
    return {**os.environ, "TMPDIR": str(temp), "EFFECT_DATA_DIR": str(tmp_path / "data")}


def _remove_leftovers(temp: Path) -> None:
    import shutil

    left = list(temp.iterdir())
    if left:
        for path in left:
            shutil.rmtree(path)
        pytest.fail(f"left behind: {[p.name for p in left]}")


def test_ctrl_c_stops_a_long_read_and_removes_the_temp_folder(tmp_path: Path) -> None:
    """SIGINT did nothing while SQLite ran its query (only SIGTERM ended it, leaving
    /tmp/effect-apkg-* behind); "Ctrl+C ends any command" is what the README says."""
    path = _slow_collection(tmp_path, cards_as_view=False)
    temp = tmp_path / "tmp"
    temp.mkdir()
    command = subprocess.Popen([sys.executable, "-m", "effect_desktop", "import", str(path), "--dry-run"],
                               cwd=ROOT, env=_env(tmp_path, temp), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while not any(p.name.startswith("effect-apkg-") for p in temp.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1)  # inside the query now
    command.send_signal(signal.SIGINT)
    try:
        _, err = command.communicate(timeout=10)
    finally:
        command.kill()
    assert command.returncode == 130, err
    assert b"interrupted" in err and b"Traceback" not in err
    assert list(temp.iterdir()) == []


def test_cancel_in_the_import_dialog_stops_a_long_read(qtbot: QtBot, profile: Profile, tmp_path: Path,
                                                       temp_folder: Path) -> None:
    """Closing the dialog waited for the worker, which sat in SQLite's query for hours."""
    from effect_desktop.gui.import_dialog import ImportDialog

    dialog = ImportDialog(profile)
    qtbot.addWidget(dialog)
    dialog.load_file(_slow_collection(tmp_path, cards_as_view=False))
    qtbot.waitUntil(lambda: any(temp_folder.iterdir()), timeout=10_000)
    time.sleep(1)  # inside the query now
    waits: list[bool] = []  # whether the dialog's wait for its worker (on closing) saw it end
    real_wait = dialog.wait
    dialog.wait = lambda timeout_ms=30_000: waits.append(real_wait(timeout_ms)) or waits[-1]  # type: ignore[method-assign]
    dialog.cancel_button.click()
    assert waits == [True], "the query stopped when asked: the dialog did not give up waiting for it"
    qtbot.waitUntil(lambda: not any(temp_folder.iterdir()), timeout=5_000)


def test_a_killed_read_removes_the_temp_folder(tmp_path: Path) -> None:
    """SIGTERM was the only way to end the frozen read, and it left /tmp/effect-apkg-* behind."""
    path = _slow_collection(tmp_path, cards_as_view=False)
    temp = tmp_path / "tmp"
    temp.mkdir()
    command = subprocess.Popen([sys.executable, "-m", "effect_desktop", "import", str(path), "--dry-run"],
                               cwd=ROOT, env=_env(tmp_path, temp), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while not any(temp.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1)
    command.terminate()
    try:
        command.communicate(timeout=10)
    finally:
        command.kill()
    assert command.returncode == 128 + signal.SIGTERM
    assert list(temp.iterdir()) == []


def test_a_deck_with_a_view_of_its_own_beside_the_tables_read_still_imports(tmp_path: Path) -> None:
    """Any view got the whole package refused ("it holds view 'my_leech_report'"), though a view the reader
    never names never runs (found in review); only a view in place of a table read is refused."""
    from .test_apkg import genanki_package

    plain = genanki_package(tmp_path)
    collection = tmp_path / "collection.anki2"
    with zipfile.ZipFile(plain) as source:
        collection.write_bytes(source.read("collection.anki2"))
        others = {info.filename: source.read(info) for info in source.infolist()
                  if info.filename != "collection.anki2"}
    with sqlite3.connect(collection) as connection:
        connection.execute("CREATE VIEW my_leech_report AS SELECT id FROM cards WHERE lapses > 7")
    with_view = tmp_path / "with-view.apkg"
    with zipfile.ZipFile(with_view, "w") as target:
        target.writestr("collection.anki2", collection.read_bytes())
        for name, data in others.items():
            target.writestr(name, data)
    words = [c.fields for c in read_apkg(with_view).candidates]
    assert words and words == [c.fields for c in read_apkg(plain).candidates]
