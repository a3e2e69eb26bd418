"""What the CLI prints on a terminal: text kept from an older version's log may hold control characters,
and printed as they are they took over the terminal (a new title, a cleared screen)."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

from effect_desktop.bootstrap import open_profile

ESCAPES = "app\x1b]0;PWNED\x07le\x1b[2J"


def _legacy_profile(data: Path) -> None:
    profile = open_profile(data / "default.effect.sqlite3")
    try:
        profile.service.create_word("apple", "りんご")
        with profile.store.transaction() as connection:  # as a log an older version wrote, imported
            connection.exec_driver_sql("UPDATE events SET event_data = json_set(event_data, '$.text', ?)",
                                       (ESCAPES,))
        profile.projector.rebuild()
    finally:
        profile.close()


def _run(data: Path, *args: str, terminal: bool) -> bytes:
    command = [sys.executable, "-m", "effect_desktop", "--data-dir", str(data), *args]
    if not terminal:
        return subprocess.run(command, capture_output=True, timeout=60, check=True).stdout
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(command, stdout=follower, stderr=subprocess.DEVNULL, timeout=60, check=True)
        assert done.returncode == 0
        os.close(follower)
        follower = -1
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the other end is closed: all read
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(leader)
        if follower >= 0:
            os.close(follower)


def test_control_characters_are_shown_escaped_on_a_terminal_and_kept_in_a_pipe(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _legacy_profile(data)
    shown = _run(data, "words", "list", terminal=True)
    assert b"\x1b" not in shown and b"\x07" not in shown
    assert b"app\\x1b]0;PWNED\\x07le\\x1b[2J" in shown
    piped = _run(data, "words", "list", "--json", terminal=False)
    assert b"\\u001b" in piped, "JSON carries the text whole, escaped as JSON escapes it"


def test_a_session_started_at_a_terminal_names_its_words_and_a_script_gets_the_id_alone(tmp_path: Path) -> None:
    """`session start` printed only an id: the learner at a terminal had to list the words to know
    what to answer. A script capturing the id still gets that one line."""
    data = tmp_path / "data"
    profile = open_profile(data / "default.effect.sqlite3")
    try:
        apple, cat = profile.service.create_words([dict(text="apple", meaning="りんご"),
                                                   dict(text="cat", meaning="ねこ")])
    finally:
        profile.close()
    shown = _run(data, "session", "start", "--mode", "typing", terminal=True).decode().splitlines()
    session_id = shown[0].strip()
    assert shown[1].strip() == "2 words to study (typing):"
    assert any(str(apple) in line and "apple" in line for line in shown) and any(str(cat) in line for line in shown)
    assert f"effect-desktop --data-dir {data} session answer {session_id} WORD_ID --correct|--wrong" in shown[-1]
    piped = _run(data, "session", "start", terminal=False).decode()
    assert len(piped.splitlines()) == 1 and len(piped.strip()) == 36
    started = json.loads(_run(data, "session", "start", "--json", terminal=False))
    assert started["mode"] == "flashcard" and len(started["session_id"]) == 36
    assert [(w["id"], w["text"], w["meaning"]) for w in started["words"]] == [
        (str(apple), "apple", "りんご"), (str(cat), "cat", "ねこ")]
