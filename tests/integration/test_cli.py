"""The core command line, as a script or a power user drives it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from effect_desktop.bootstrap import open_profile, profile_path
from effect_desktop.cli.main import run_cli
from effect_desktop.domain.scheduling.studyday import offset_minutes, study_day
from effect_desktop.persistence.errors import StoreError

ROOT = Path(__file__).resolve().parents[2]


class Cli:
    def __init__(self, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.data_dir = data_dir
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = run_cli(["--data-dir", str(self.data_dir), *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def ok(self, *args: str) -> str:
        code, out, err = self(*args)
        assert code == 0, err
        return out

    def event_count(self) -> int:
        with sqlite3.connect(profile_path(self.data_dir)) as raw:
            return raw.execute("SELECT count(*) FROM events").fetchone()[0]


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(tmp_path / "data", capsys)


def test_words_add_edit_delete_and_list(cli: Cli) -> None:
    apple = cli.ok("words", "add", "apple", "りんご", "--category", "food", "--tags", "noun, Fruit,fruit",
                   "--difficulty", "2").strip()
    cat = cli.ok("words", "add", "cat", "ねこ").strip()
    cli.ok("words", "edit", apple, "--meaning", "林檎")
    cli.ok("words", "delete", cat)

    listed = json.loads(cli.ok("words", "list", "--json"))
    assert listed == [{
        "id": apple, "text": "apple", "meaning": "林檎", "category": "food", "tags": ["noun", "Fruit"],
        "difficulty": 2, "created_at": listed[0]["created_at"], "updated_at": listed[0]["updated_at"],
        "next_review_date": None, "deleted": False, "deleted_at": None,
    }]
    table = cli.ok("words", "list")
    assert "apple" in table and "林檎" in table and "1 word" in table
    assert json.loads(cli.ok("words", "list", "--json", "--search", "ＡＰＰＬＥ"))[0]["id"] == apple



def test_the_word_table_keeps_its_columns_with_tabs_accents_and_wide_text(cli: Cli) -> None:
    """A tab in a word pushed its row's columns along, and each combining mark (Thai tone marks, an
    accent no precomposed letter holds) counted as a column of its own."""
    cli.ok("words", "add", "tab\tword", "x y")
    cli.ok("words", "add", "ที่นี่", "here")  # four combining marks
    cli.ok("words", "add", "りんご", "apple")

    def columns(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
                   for c in text)

    lines = cli.ok("words", "list").splitlines()
    meaning_column = columns(lines[0][:lines[0].index("MEANING")])
    assert not any("\t" in line for line in lines)
    starts = {meaning: columns(line[:line.index(meaning)]) for line in lines[1:4]
              for meaning in ("x y", "here", "apple") if f"  {meaning}" in line}
    assert starts == {"x y": meaning_column, "here": meaning_column, "apple": meaning_column}, lines


def test_an_unusable_data_folder_or_profile_path_is_one_clear_line(tmp_path: Path, capsys) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("my notes", encoding="utf-8")
    (tmp_path / "data" / "default.effect.sqlite3").mkdir(parents=True)  # a folder where the profile goes
    for data_dir, message in ((a_file, "is a file, not a folder"), (a_file / "sub", "cannot be created"),
                              (tmp_path / "data", "is a folder, not a profile file")):
        for command in (["words", "add", "apple", "りんご"], ["words", "list"]):
            if command[1] == "list" and data_dir == a_file / "sub":
                message = "(the folder does not exist)"  # a command that only reads creates nothing
            code = run_cli(["--data-dir", str(data_dir), *command])
            err = capsys.readouterr().err
            assert code == 2 and message in err, err
            assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert a_file.read_text(encoding="utf-8") == "my notes"


def test_a_data_folder_name_too_long_for_the_system_is_one_clear_line(tmp_path: Path, capsys) -> None:
    """It was "unexpected error: OSError: [Errno 36] File name too long … please report it"."""
    for command in (["words", "add", "apple", "りんご"], ["words", "list"]):
        code = run_cli(["--data-dir", str(tmp_path / ("x" * 300)), *command])
        err = capsys.readouterr().err
        assert code == 2 and "File name too long" in err and "unexpected" not in err, err
        assert len(err.strip().splitlines()) == 1


def test_an_unexpected_failure_is_one_line_and_its_traceback_goes_to_the_log(
        tmp_path: Path, capsys, monkeypatch) -> None:
    from effect_desktop.cli import words

    def broken(*_args: object) -> int:
        raise RuntimeError("boom")

    assert run_cli(["--data-dir", str(tmp_path), "words", "add", "apple", "りんご"]) == 0
    capsys.readouterr()
    monkeypatch.setattr(words, "list_words", broken)  # a bug of ours, wherever it may be
    code = run_cli(["--data-dir", str(tmp_path), "words", "list"])
    err = capsys.readouterr().err
    log_file = tmp_path / "effect-desktop.log"
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "RuntimeError: boom" in err and f"details in {log_file}" in err
    assert "Traceback" in log_file.read_text(encoding="utf-8") and "boom" in log_file.read_text(encoding="utf-8")


def test_a_deleted_word_is_listed_apart_and_restored_with_its_history(cli: Cli) -> None:
    cat = cli.ok("words", "add", "cat", "ねこ", "--tags", "animal").strip()
    session = cli.ok("session", "start", "--words", cat).strip()
    cli.ok("session", "answer", session, cat, "--correct", "--time-ms", "1500")
    cli.ok("words", "delete", cat)
    code, _, err = cli("words", "delete", cat)
    assert code == 2 and "already deleted" in err
    assert json.loads(cli.ok("words", "list", "--json")) == []
    deleted = json.loads(cli.ok("words", "list", "--json", "--deleted"))
    assert [w["id"] for w in deleted] == [cat]
    # when, as the window's Deleted column shows it (a script had no way to tell; found by a CLI user)
    assert deleted[0]["deleted"] is True and deleted[0]["deleted_at"] == deleted[0]["updated_at"]
    assert "1 deleted word" in cli.ok("words", "list", "--deleted")

    assert cli.ok("words", "restore", cat).strip() == f"restored {cat}"
    (back,) = json.loads(cli.ok("words", "list", "--json"))
    assert (back["id"], back["tags"]) == (cat, ["animal"])
    assert back["next_review_date"] is not None, "its progress comes back with it"
    assert json.loads(cli.ok("words", "list", "--json", "--deleted")) == []
    code, _, err = cli("words", "restore", cat)
    assert code == 2 and "not deleted" in err


@pytest.mark.parametrize("args, message", [
    (("words", "add", " ", "x"), "Word must not be empty"),
    (("words", "add", "cat", "ねこ", "--difficulty", "9"), "Difficulty must be a whole number from 1 to 5"),
    (("words", "edit", "not-an-id", "--text", "x"), "is not an id"),
    (("words", "delete", "01a21a66-c058-7485-91de-cbe0bb8b0d52"), "There is no word"),
    (("session", "start", "--mode", "speaking"), "invalid choice"),
    (("events", "--since", "yesterday"), "is not a time"),
    (("nonsense",), "invalid choice"),
])
def test_an_invalid_command_prints_one_line_exits_2_and_writes_nothing(
        cli: Cli, args: tuple[str, ...], message: str) -> None:
    cli.ok("words", "add", "apple", "りんご")
    before = cli.event_count()
    code, out, err = cli(*args)
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert cli.event_count() == before


def test_a_session_from_the_due_queue_to_progress(cli: Cli) -> None:
    word = cli.ok("words", "add", "apple", "りんご").strip()
    session = cli.ok("session", "start", "--mode", "typing").strip()
    answered = cli.ok("session", "answer", session, word, "--correct", "--time-ms", "1500")
    assert "attempt 1" in answered and "interval 1 d" in answered
    assert "1/1 correct" in cli.ok("session", "complete", session)
    code, _, err = cli("session", "answer", session, word, "--wrong")
    assert code == 2 and "already completed" in err

    progress = json.loads(cli.ok("progress", word, "--json"))
    assert progress == [{"word_id": word, "text": "apple", "deleted": False, "repetition_count": 1,
                         "easiness_factor": 2.6, "interval_days": 1,
                         "next_review_date": progress[0]["next_review_date"],
                         "next_review_day": progress[0]["next_review_day"]}]
    now = datetime.now().astimezone()
    tomorrow = study_day(now, offset_minutes(now), 4) + timedelta(days=1)
    assert progress[0]["next_review_day"] == tomorrow.isoformat(), "the study day the queue counts it for"
    assert cli.ok("progress").splitlines()[-1].endswith(tomorrow.isoformat())
    code, _, err = cli("session", "start")
    assert code == 2 and "Nothing is due" in err  # the only word is scheduled for tomorrow

    # a deleted word keeps its schedule, and the listing still names it (it said "None")
    cli.ok("words", "delete", word)
    assert json.loads(cli.ok("progress", "--json"))[0] | {"next_review_date": None} == {
        "word_id": word, "text": "apple", "deleted": True, "repetition_count": 1, "easiness_factor": 2.6,
        "interval_days": 1, "next_review_date": None, "next_review_day": tomorrow.isoformat()}
    assert cli.ok("progress").splitlines()[-1].split(None, 1)[1].startswith("apple (deleted)")
    code, _, err = cli("session", "start", "--words", word)
    assert code == 2 and "1 of the words is deleted" in err and "restore it first" in err  # not "do not exist"
    code, _, err = cli("session", "start", "--words", "01a21a66-c058-7485-91de-cbe0bb8b0d52")
    assert code == 2 and "1 of the words does not exist" in err  # "1 … do not exist"


def test_an_answer_to_a_word_deleted_meanwhile_is_refused_in_one_line(cli: Cli) -> None:
    """It was recorded ("next review 2026-11-29") and moved the deleted word's schedule."""
    word = cli.ok("words", "add", "apple", "りんご").strip()
    session = cli.ok("session", "start", "--words", word).strip()
    cli.ok("words", "delete", word)
    before = cli.event_count()
    code, out, err = cli("session", "answer", session, word, "--wrong")
    assert (code, out) == (2, "")
    assert err == (f"effect-desktop: error: The word {word} is deleted; restore it first "
                   f"(`words restore {word}`, or Restore on the Words page), then answer it.\n")
    assert cli.event_count() == before
    assert json.loads(cli.ok("progress", "--json")) == []


def test_a_session_can_take_one_category_or_one_tag(cli: Cli) -> None:
    food = {cli.ok("words", "add", text, "m", "--category", "food", "--tags", "Fruit").strip()
            for text in ("apple", "pear")}
    other = cli.ok("words", "add", "run", "走る", "--category", "verbs", "--tags", "fruit").strip()
    session = cli.ok("session", "start", "--category", "food").strip()
    events = json.loads(cli.ok("events", "--json", "--aggregate", session))
    assert set(events[0]["event_data"]["word_ids"]) == food
    session = cli.ok("session", "start", "--tag", "ＦＲＵＩＴ").strip()  # tags match as in the Words list
    events = json.loads(cli.ok("events", "--json", "--aggregate", session))
    assert set(events[0]["event_data"]["word_ids"]) == food | {other}
    code, _, err = cli("session", "start", "--category", "animals")
    assert code == 2 and "No word has the category 'animals'; the categories are 'food', 'verbs'." in err
    code, _, err = cli("session", "start", "--category", "food", "--tag", "fruit")
    assert code == 2 and "not allowed with argument" in err


def test_a_category_typed_without_its_accents_or_capitals_is_the_category(cli: Cli) -> None:
    """`--category éducation` said "no word has the category 'éducation'" while naming 'Éducation' (--tag
    and --search ignore case and accents; found by a helper re-checking the fixes)."""
    word = cli.ok("words", "add", "école", "school", "--category", "Éducation").strip()
    cli.ok("words", "add", "chat", "cat", "--category", "Animaux")
    listed = json.loads(cli.ok("words", "list", "--json", "--category", "education"))
    assert [w["id"] for w in listed] == [word]
    session = cli.ok("session", "start", "--category", "ÉDUCATION").strip()
    events = json.loads(cli.ok("events", "--json", "--aggregate", session))
    assert events[0]["event_data"]["word_ids"] == [word]
    code, out, err = cli("stats", "--category", "éducation")
    assert code == 0 and "no word has the category" not in err


def test_events_json_has_the_design_envelope_and_filters(cli: Cli) -> None:
    word = cli.ok("words", "add", "apple", "りんご").strip()
    cli.ok("words", "edit", word, "--difficulty", "3")
    everything = json.loads(cli.ok("events", "--json"))
    assert [e["event_type"] for e in everything] == ["WordCreated", "WordUpdated"]
    first = everything[0]
    assert set(first) >= {"event_id", "aggregate_id", "aggregate_type", "event_type", "event_data",
                          "metadata", "created_at", "version"}
    assert set(first["metadata"]) >= {"user_id", "correlation_id", "causation_id", "timestamp"}
    assert everything[1]["event_data"]["changes"] == {"difficulty": 3}
    only_updates = json.loads(cli.ok("events", "--json", "--type", "WordUpdated", "--aggregate", word))
    assert [e["version"] for e in only_updates] == [2]
    assert json.loads(cli.ok("events", "--json", "--since", "2999-01-01")) == []


def test_verify_finds_a_tampered_read_model_and_rebuild_mends_it(cli: Cli) -> None:
    cli.ok("words", "add", "apple", "りんご")
    assert cli.ok("verify").startswith("ok: 1 event replayed")  # "1 events"
    with sqlite3.connect(profile_path(cli.data_dir)) as raw:
        raw.execute("UPDATE rm_words SET meaning = 'tampered'")
    code, _, err = cli("verify")
    assert code == 1 and "rm_words" in err and "tampered" in err
    assert "rebuilt read models from 1 event\n" in cli.ok("rebuild")
    assert cli.ok("verify").startswith("ok")
    assert json.loads(cli.ok("words", "list", "--json"))[0]["meaning"] == "りんご"


def test_a_profile_that_is_not_ours_is_refused_and_left_untouched(cli: Cli) -> None:
    path = profile_path(cli.data_dir)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database")
    code, _, err = cli("words", "list")
    assert code == 2 and "not an Effect Desktop profile" in err
    assert path.read_bytes() == b"this is not a database"


def test_the_installed_command_runs_and_survives_a_closed_pipe(tmp_path: Path) -> None:
    env = {**os.environ, "EFFECT_DATA_DIR": str(tmp_path)}
    profile = open_profile(profile_path(tmp_path))
    profile.service.create_words([{"text": f"word {i}", "meaning": f"意味 {i}"} for i in range(300)])
    profile.close()
    reader = subprocess.Popen([sys.executable, "-m", "effect_desktop", "events", "--json"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert reader.stdout is not None and reader.stdout.read(100)
    reader.stdout.close()  # like `| head`: the reader goes away mid-output
    _, err = reader.communicate(timeout=60)
    assert reader.returncode == 0 and b"Traceback" not in err and b"error" not in err


def test_help_lists_every_command_and_the_self_test(capsys: pytest.CaptureFixture[str]) -> None:
    from effect_desktop.__main__ import main

    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    for command in ("words", "session", "verify", "rebuild", "import", "export", "backup", "sync", "server"):
        assert f"    {command} " in out
    assert "--self-test" in out and "--screenshot FILE" in out


def test_version_names_the_app_and_its_version_and_touches_no_profile(tmp_path: Path) -> None:
    """`effect-desktop --version` said "invalid choice" (exit 2): a learner reporting a bug had no way
    to tell which version they run but the window's About box."""
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    env = {**os.environ, "EFFECT_DATA_DIR": str(tmp_path / "data")}
    shown = subprocess.run([sys.executable, "-m", "effect_desktop", "--version"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == f"Effect Desktop {declared}\n" and shown.stderr == ""
    assert not (tmp_path / "data").exists()


def _readme_command_lines() -> list[str]:
    """Each `effect-desktop …` line of the README's shell examples, with the lines continuing it."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines: list[str] = []
    for block in re.findall(r"```sh\n(.*?)```", readme, re.S):
        for line in block.splitlines():
            code = line.split("#")[0].rstrip()
            if code.startswith("effect-desktop "):
                lines.append(code)
            elif lines and code.strip().startswith(("[", "--")):
                lines[-1] += " " + code.strip()
    return lines


def test_the_help_names_each_option_as_the_readme_does() -> None:
    """The help said `--since SINCE`, `--profile PROFILE`, `--data-dir DATA_DIR` and `--time-ms TIME_MS`
    where the README says `--since TIME`, `--profile NAME`, `--data-dir DIR` and `--time-ms N`."""
    import argparse
    import re

    from effect_desktop.cli.main import build_parser

    def command_parser(words: list[str]) -> argparse.ArgumentParser:
        parser = build_parser()
        for word in words:
            commands = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
            if not commands or word not in commands[0].choices:
                break
            parser = commands[0].choices[word]
        return parser

    checked = 0
    for line in _readme_command_lines():
        parser = command_parser(re.findall(r"(?<= )[a-z][a-z-]*(?= |$)", line.split("[")[0]))
        for option, metavar in re.findall(r"(--[a-z-]+) ([A-Z][A-Z_,.=]*)", line):
            actions = [a for a in parser._actions if option in a.option_strings]
            assert actions, f"{parser.prog} has no {option} (README: {line})"
            assert (actions[0].metavar or actions[0].dest.upper()) == metavar, f"{parser.prog} {option}"
            checked += 1
    assert checked > 15
    usage = build_parser().format_usage()
    assert "[--data-dir DIR] [--profile NAME]" in usage and "[--version]" in usage


def test_a_read_only_profile_says_so_and_keeps_what_it_has(cli: Cli, tmp_path: Path) -> None:
    """A profile made immutable (or read-only on a share): the command says why, not 'an error'."""
    if os.geteuid() != 0:
        pytest.skip("making a file immutable needs root (CI runs as root)")
    cli.ok("words", "add", "apple", "りんご")
    path = profile_path(cli.data_dir)
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("this file system has no immutable files")
    try:
        code, _, err = cli("words", "add", "pear", "梨")
        assert code == 2 and "cannot be written (it is read-only); nothing was written" in err
        assert "permissions" in err and len(err.strip().splitlines()) == 1
        assert [w["text"] for w in json.loads(cli.ok("words", "list", "--json"))] == ["apple"]
        assert "pending: 1" in cli.ok("sync", "--status"), "reading what waits for the server writes nothing"
        profile = open_profile(path)  # the window's settings (e.g. the daily backup's date) say the same
        try:
            with pytest.raises(StoreError, match="cannot be written \\(it is read-only\\)"):
                profile.settings.set("backup_last_daily", "2026-11-27")
        finally:
            profile.close()
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@pytest.mark.parametrize("compacted", [False, True])
def test_verify_rebuilds_each_snapshot_from_its_events(tmp_path: Path, compacted: bool) -> None:
    """Checked in verify's one pass over the log: stream by stream, a compacted five-year profile's
    40,000 snapshots took about an hour."""
    from datetime import UTC, datetime, timedelta

    from effect_desktop.persistence.archive import compact
    from effect_desktop.projections.verify import verify

    path = tmp_path / "p.effect.sqlite3"
    profile = open_profile(path, snapshot_every=5)
    try:
        words = [profile.service.create_word(f"w{i}", "m") for i in range(3)]
        for n in range(12):
            for word in words:
                profile.service.update_word(word, meaning=f"m{n}")
        if compacted:
            later = datetime.now(UTC) + timedelta(days=400)
            assert compact(profile.store, older_than=later - timedelta(days=1), now=later, segment=10).events
        assert verify(profile.projector).ok
    finally:
        profile.close()
    with sqlite3.connect(path) as raw:
        snapshots = raw.execute("SELECT count(*) FROM snapshots").fetchone()[0]
        raw.execute("UPDATE snapshots SET snapshot_data = replace(snapshot_data, '\"m', '\"tampered') "
                    "WHERE rowid = (SELECT min(rowid) FROM snapshots)")
    assert snapshots >= 3
    profile = open_profile(path, snapshot_every=5)
    try:
        report = verify(profile.projector)
    finally:
        profile.close()
    assert [p for p in report.problems if "snapshot" in p] and "differs from its events" in report.problems[0]


def test_a_write_refused_by_another_programs_long_write_exits_75_to_be_tried_again(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """It exited 2, as for a mistake in the command: a script could not tell it to wait and retry."""
    from effect_desktop.persistence import sqlite as sqlite_engine

    assert run_cli(["--data-dir", str(tmp_path), "words", "add", "猫", "cat"]) == 0
    capsys.readouterr()
    monkeypatch.setattr(sqlite_engine, "BUSY_TIMEOUT_MS", 200)  # not the real wait of ten seconds
    writer = sqlite3.connect(profile_path(tmp_path), isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # an import or a rebuild under way in another program
        assert run_cli(["--data-dir", str(tmp_path), "words", "add", "犬", "dog"]) == 75
        assert "busy in another program" in capsys.readouterr().err
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert run_cli(["--data-dir", str(tmp_path), "words", "add", "犬", "dog"]) == 0


def test_a_command_that_only_reads_goes_past_another_programs_long_write(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Opening took the write lock every time: while the window imported or rebuilt, `words list` waited
    ten seconds and then failed as "busy in another program", though WAL lets a reader past a writer."""
    assert run_cli(["--data-dir", str(tmp_path), "words", "add", "猫", "cat"]) == 0
    capsys.readouterr()
    writer = sqlite3.connect(profile_path(tmp_path), isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # an import or a rebuild under way in another program
        writer.execute("UPDATE profile_info SET value = value WHERE key = 'user_id'")
        assert run_cli(["--data-dir", str(tmp_path), "words", "list"]) == 0
        assert "猫" in capsys.readouterr().out
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_progress_names_a_word_whose_creation_was_lost(cli: Cli) -> None:
    """After a recovery that could not read a word's WordCreated back, its answers kept a schedule and
    `progress` listed it as "None"."""
    word = cli.ok("words", "add", "apple", "りんご").strip()
    session = cli.ok("session", "start", "--mode", "typing").strip()
    cli.ok("session", "answer", session, word, "--correct")
    cli.ok("session", "complete", session)
    with sqlite3.connect(profile_path(cli.data_dir)) as raw:  # as a damaged page took it
        assert raw.execute("DELETE FROM events WHERE event_type = 'WordCreated'").rowcount == 1
    cli.ok("rebuild")
    line = cli.ok("progress").splitlines()[-1]
    assert line.startswith(f"{word}  (word lost)") and "None" not in line
    assert json.loads(cli.ok("progress", "--json"))[0]["text"] is None  # for a script: no text, as it is


def test_the_study_hint_at_a_terminal_names_the_profile_it_was_given(tmp_path: Path) -> None:
    """`session start` at a terminal prints the commands to answer with; without the --data-dir and
    --profile it was given, pasting them looked in the default profile: "There is no session with id …"
    (found by a command-line user)."""
    import pty
    import shlex

    data = tmp_path / "my data"
    base = [sys.executable, "-m", "effect_desktop", "--data-dir", str(data), "--profile", "english"]
    subprocess.run([*base, "words", "add", "apple", "りんご"], check=True, capture_output=True)
    main, terminal = pty.openpty()
    try:
        started = subprocess.run([*base, "session", "start"], stdout=terminal, stderr=subprocess.PIPE, timeout=60,
                                 cwd=Path(__file__).parents[2])
        os.close(terminal)
        shown = b""
        while chunk := _read_some(main):
            shown += chunk
    finally:
        os.close(main)
    assert started.returncode == 0, started.stderr
    hint = next(line for line in shown.decode().splitlines() if line.startswith("Answer each: "))
    answer = hint.removeprefix("Answer each: ").split(";")[0].replace("WORD_ID --correct|--wrong", "")
    word = json.loads(subprocess.run([*base, "words", "list", "--json"], capture_output=True, text=True,
                                     check=True).stdout)[0]["id"]
    command = shlex.split(answer)
    assert command[0] == "effect-desktop"
    pasted = subprocess.run([sys.executable, "-m", "effect_desktop", *command[1:], word, "--correct"],
                            capture_output=True, text=True, timeout=60)
    assert pasted.returncode == 0, pasted.stderr


def _read_some(fd: int) -> bytes:
    try:
        return os.read(fd, 4096)
    except OSError:  # the terminal's other end closed: all was read
        return b""


def test_commands_named_in_hints_act_on_the_profile_given(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """"There is no backup named …; `effect-desktop backup list` shows them", pasted, listed the default
    profile's backups; so did the other hints naming a command (found in review)."""
    data = tmp_path / "my data"
    given = ["--data-dir", str(data), "--profile", "english"]
    assert run_cli([*given, "words", "add", "apple", "りんご"]) == 0
    capsys.readouterr()
    assert run_cli([*given, "backup", "restore", "nosuch"]) != 0
    assert f"`effect-desktop --data-dir '{data}' --profile english backup list`" in capsys.readouterr().err
    assert run_cli([*given, "scheduler"]) == 0
    assert f"`effect-desktop --data-dir '{data}' --profile english scheduler preview" in capsys.readouterr().out
