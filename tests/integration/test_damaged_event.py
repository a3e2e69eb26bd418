"""One event's stored JSON damaged (edited by hand, a failing disk): each command that meets it names
the event and what to do, in one line; none prints a statement, a traceback or pydantic's links, and
the rebuild that cannot finish leaves the read models as they were."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from effect_desktop.cli.main import run_cli


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = run_cli(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("damage", ["{not json", '{"word_id": 1}'])
def test_a_damaged_event_is_named_with_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  damage: str) -> None:
    data = tmp_path / "data"
    cli(capsys, data, "words", "add", "猫", "cat")
    cli(capsys, data, "words", "add", "犬", "dog")
    dog = json.loads(cli(capsys, data, "words", "list", "--json")[1])[1]["id"]
    with closing(sqlite3.connect(data / "default.effect.sqlite3")) as connection:
        connection.execute("UPDATE events SET event_data = ? WHERE position = 2", (damage,))
        connection.commit()

    for command in (["verify"], ["rebuild"], ["events"], ["words", "edit", dog, "--meaning", "a dog"]):
        code, _, err = cli(capsys, data, *command)
        assert code == (1 if command == ["verify"] else 2), command  # verify: "stored history is not sound"
        lines = err.strip().splitlines()
        assert len(lines) == 1, (command, err)
        assert "WordCreated" in lines[0] and "restore the latest backup" in lines[0].lower(), command
        for leak in ("SELECT", "INSERT", "Traceback", "errors.pydantic.dev", "sqlalche.me", "unexpected error"):
            assert leak not in err, (command, leak)
    code, out, _ = cli(capsys, data, "words", "list")
    assert code == 0 and "猫" in out and "犬" in out  # the failed rebuild changed nothing


def test_history_of_a_word_whose_event_is_damaged_says_what_the_other_commands_say(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It printed the decoder's bare "key must be a string at line 1 column 2", naming no event."""
    data = tmp_path / "data"
    cli(capsys, data, "words", "add", "猫", "cat")
    cat = json.loads(cli(capsys, data, "words", "list", "--json")[1])[0]["id"]
    cli(capsys, data, "words", "edit", cat, "--meaning", "a cat")
    with closing(sqlite3.connect(data / "default.effect.sqlite3")) as connection:
        connection.execute("UPDATE events SET event_data = '{bad json' WHERE position = 2")
        connection.commit()

    for word in (cat, "猫"):
        code, out, err = cli(capsys, data, "history", word)
        assert (code, out) == (2, "")
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(
            "effect-desktop: error: The event at position 2 (WordUpdated) cannot be read: its stored data is "
            "damaged (Invalid JSON: key must be a string"), err
        assert "Restore the latest backup" in lines[0]


def test_an_export_meeting_damaged_json_names_the_event_and_writes_no_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Its stored JSON was spliced into the export as it was: a file no import takes, written without a word."""
    data = tmp_path / "data"
    cli(capsys, data, "words", "add", "猫", "cat")
    cli(capsys, data, "words", "add", "犬", "dog")
    with closing(sqlite3.connect(data / "default.effect.sqlite3")) as connection:
        connection.execute("UPDATE events SET metadata = '{\"user_id\": \"01' WHERE position = 2")
        connection.commit()
    target = tmp_path / "log.jsonl"

    code, _, err = cli(capsys, data, "export", "--output", str(target))

    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "position 2 (WordCreated)" in lines[0] and "not valid JSON" in lines[0]
    assert "restore the latest backup" in lines[0].lower()
    assert not target.exists() and list(tmp_path.iterdir()) == [data]  # no file, no temporary left
