"""Command lines a script gets slightly wrong: one clear line, exit status 2, nothing written."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from effect_desktop.bootstrap import profile_path
from effect_desktop.cli.main import run_cli


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run_cli(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _refused(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code, _, err = _run(capsys, *args)
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert "time_arg" not in err and "OverflowError" not in err and "unexpected error" not in err, err
    return err


def _events(data: Path) -> int:
    with sqlite3.connect(profile_path(data)) as raw:
        return int(raw.execute("SELECT count(*) FROM events").fetchone()[0])


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "data"
    assert _run(capsys, "--data-dir", str(folder), "words", "add", "apple", "りんご")[0] == 0
    return folder


def test_an_unknown_event_type_is_refused_with_the_known_ones(data: Path, capsys) -> None:
    err = _refused(capsys, "--data-dir", str(data), "events", "--type", "Nope")
    assert "'Nope' is not an event type" in err and "WordCreated" in err and "SessionStarted" in err
    code, out, _ = _run(capsys, "--data-dir", str(data), "events", "--json", "--type", "wordcreated")
    assert code == 0 and [e["event_type"] for e in json.loads(out)] == ["WordCreated"]  # the canonical name
    assert "must not be negative" in _refused(capsys, "--data-dir", str(data), "events", "--limit", "-1")


@pytest.mark.parametrize(("since", "until", "said", "advice"), [
    ("2026-11-05", "2026-11-01", "--since 2026-11-05 is not before --until 2026-11-01",
     "give the earlier time to --since"),
    # the zones as given: on a computer in UTC the Z was dropped, and the sentence read as false
    ("2026-11-05T02:00Z", "2026-11-05T10:00+09:00", "--since 2026-11-05T02:00Z is not before --until "
     "2026-11-05T10:00+09:00", "give the earlier time to --since"),
    ("2026-11-01T10:30", "2026-11-01T10:30", "--since 2026-11-01T10:30 and --until 2026-11-01T10:30 are the "
     "same moment", "give a later --until"),
    # seconds kept: both read "02:00", and the sentence read as false
    ("2026-11-05T02:00:30Z", "2026-11-05T02:00:10Z", "--since 2026-11-05T02:00:30", "give the earlier time"),
    # and fractions of a second ("02:00:00 is not before 02:00:00")
    ("2026-11-05T02:00:00.5Z", "2026-11-05T02:00:00.2Z", "--since 2026-11-05T02:00:00.500",
     "--until 2026-11-05T02:00:00.200"),
])
def test_events_between_swapped_times_is_refused_naming_both(data: Path, capsys, since: str, until: str,
                                                             said: str, advice: str) -> None:
    """The dates swapped in a script printed an empty log, as if nothing had happened between them."""
    for output in ((), ("--json",)):
        err = _refused(capsys, "--data-dir", str(data), "events", *output, "--since", since, "--until", until)
        assert said in err and advice in err, err
    code, out, err = _run(capsys, "--data-dir", str(data), "events", "--json", "--since", "2000-01-01",
                          "--until", "2999-01-01")
    assert code == 0 and len(json.loads(out)) == 1, err


@pytest.mark.parametrize("args", [
    ("events", "--since", "0001-01-01"),
    ("state", "--as-of", "0001-01-01"),
    ("stats", "--as-of", "0001-01-01"),
    ("state", "--as-of", "9999-12-31T23:59"),
    ("stats", "--as-of", "9999-12-31"),
    ("stats", "--as-of", "9999-12-20", "--range", "1y"),
])
def test_a_time_out_of_the_calendar_is_one_clear_line(data: Path, capsys, args: tuple[str, ...]) -> None:
    err = _refused(capsys, "--data-dir", str(data), *args)
    assert "is out of range; give a time from 1900-01-01 to 2999-12-31" in err


def test_compact_reaching_back_past_the_calendar_is_one_clear_line(data: Path, capsys) -> None:
    err = _refused(capsys, "--data-dir", str(data), "compact", "--older-than", "99999999999")
    assert "give at most 365,000" in err  # was "unexpected error: OverflowError"
    assert _events(data) == 1


def test_the_ends_of_the_accepted_range_work(data: Path, capsys) -> None:
    for args in (("stats", "--as-of", "1900-01-01", "--range", "1y"), ("state", "--as-of", "1900-01-01"),
                 ("stats", "--as-of", "2999-12-31T23:59:59", "--range", "1y"),
                 ("state", "--as-of", "2999-12-31T23:59:59")):
        code, _, err = _run(capsys, "--data-dir", str(data), *args)
        assert code == 0, err


def test_an_empty_word_list_does_not_start_a_session_of_the_due_queue(data: Path, capsys) -> None:
    before = _events(data)
    err = _refused(capsys, "--data-dir", str(data), "session", "start", "--words", "")
    assert "no word ids given" in err and "leave --words out" in err
    assert _events(data) == before


@pytest.mark.parametrize("command", [
    ("words", "list"), ("events",), ("progress",), ("verify",), ("stats",), ("state", "--as-of", "2026-01-01"),
    ("history", "apple"), ("export",), ("backup", "list"), ("backup", "create"), ("settings",),
    ("sync", "--status"), ("rebuild",), ("compact",), ("words", "delete", "01a21a66-c058-7485-91de-cbe0bb8b0d52"),
    ("session", "start"),  # it said "Nothing is due and no new words are left for today"
])
def test_a_mistyped_profile_is_named_and_not_created(data: Path, capsys, command: tuple[str, ...]) -> None:
    (data.parent / "words.csv").write_text("text,meaning\npear,梨\n", encoding="utf-8")
    args = [a if a != "words.csv" else str(data.parent / "words.csv") for a in command]
    err = _refused(capsys, "--data-dir", str(data), "--profile", "defualt", *args)
    assert f"There is no profile 'defualt' in {data} (profiles there: default)" in err
    assert sorted(p.name for p in data.iterdir() if p.name != "backups") == ["default.effect.sqlite3"]


def test_a_dry_run_on_a_mistyped_profile_names_the_profiles_there_and_creates_nothing(data: Path, capsys) -> None:
    (data.parent / "words.csv").write_text("text,meaning\npear,梨\n", encoding="utf-8")
    code, out, err = _run(capsys, "--data-dir", str(data), "--profile", "defualt", "import", "--dry-run",
                          str(data.parent / "words.csv"))
    assert code == 0 and "would add 1" in out
    assert "there is no profile 'defualt'" in err and "(profiles there: default)" in err
    assert sorted(p.name for p in data.iterdir() if p.name != "backups") == ["default.effect.sqlite3"]


def test_a_missing_folder_is_not_created_by_a_command_that_reads(tmp_path: Path, capsys) -> None:
    err = _refused(capsys, "--data-dir", str(tmp_path / "new"), "words", "list")
    assert "(the folder does not exist)" in err
    assert list(tmp_path.iterdir()) == []


def test_an_invalid_command_on_a_new_folder_leaves_no_profile(tmp_path: Path, capsys) -> None:
    new = tmp_path / "new" / "deeper"
    assert "Word must not be empty" in _refused(capsys, "--data-dir", str(new), "words", "add", "", "x")
    both = _refused(capsys, "--data-dir", str(new), "words", "add", " ", " ")  # two fields: one sentence
    assert "text: Word must not be empty; meaning: Meaning must not be empty." in both and ".;" not in both
    assert "There is no profile 'default'" in _refused(capsys, "--data-dir", str(new), "session", "start")
    assert list(tmp_path.iterdir()) == [], "neither the folders nor a profile are left behind"
    code, out, err = _run(capsys, "--data-dir", str(new), "words", "add", "pear", "梨")
    assert code == 0, err
    assert _events(new) == 1, "a valid command creates the profile"


def test_commands_that_add_words_create_the_profile(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    (tmp_path / "words.csv").write_text("text,meaning\npear,梨\n", encoding="utf-8")
    assert _run(capsys, "--data-dir", str(data), "--profile", "school", "import", str(tmp_path / "words.csv"))[0] == 0
    assert _run(capsys, "--data-dir", str(data), "--profile", "work", "settings", "set", "session-size", "30")[0] == 0
    assert sorted(p.name for p in data.glob("*.effect.sqlite3")) == ["school.effect.sqlite3", "work.effect.sqlite3"]


def test_an_empty_data_folder_option_is_refused(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    err = _refused(capsys, "--data-dir", "", "words", "add", "apple", "りんご")
    assert "the data folder is empty" in err
    assert list(tmp_path.iterdir()) == [], "no profile in the current folder"
    from effect_desktop.__main__ import main

    assert main(["--data-dir", ""]) == 2  # the window is not opened on the current folder either
    assert "the data folder is empty" in capsys.readouterr().err


def test_a_profile_name_too_long_says_so(tmp_path: Path, capsys) -> None:
    """It said "use letters, digits, spaces, - and _" of a name made only of letters."""
    err = _refused(capsys, "--data-dir", str(tmp_path), "--profile", "a" * 300, "words", "add", "x", "y")
    assert "it has 300 characters; at most 64" in err


def test_statistics_as_of_a_moment_still_to_come_are_todays_and_say_so(data: Path, capsys) -> None:
    """`state` and the window stop at now; `stats` counted "as of 2030" a year with nothing due, though
    every word would be by then."""
    code, future, err = _run(capsys, "--data-dir", str(data), "stats", "--json", "--as-of", "2999-12-31T23:59:59")
    assert code == 0 and "is still to come; these are the statistics as of now" in err
    code, today, _ = _run(capsys, "--data-dir", str(data), "stats", "--json")
    future_report, today_report = json.loads(future), json.loads(today)
    assert future_report["today"] == today_report["today"] and future_report["summary"] == today_report["summary"]


def test_a_session_of_given_words_refuses_a_category_or_tag_too(data: Path, capsys) -> None:
    """`--words ID --category food` started a session of the ids and dropped the category unsaid."""
    before = _events(data)
    for focus in (("--category", "food"), ("--tag", "noun")):
        err = _refused(capsys, "--data-dir", str(data), "session", "start",
                       "--words", "01a221b0-69b3-748b-8c9b-851cd4cb4bbc", *focus)
        assert f"argument {focus[0]}: not allowed with argument --words" in err
    assert _events(data) == before


def test_a_session_of_a_tag_or_category_no_word_has_says_so(data: Path, capsys) -> None:
    """`--tag nosuch` said "Nothing of tag 'nosuch' is due and no new words … are left for today"."""
    err = _refused(capsys, "--data-dir", str(data), "session", "start", "--tag", "nosuch")
    assert "No word has the tag 'nosuch'" in err
    err = _refused(capsys, "--data-dir", str(data), "session", "start", "--category", "nosuch")
    assert "No word has the category 'nosuch'" in err


def test_adding_a_duplicate_with_a_bad_field_names_both_problems_at_once(data: Path, capsys) -> None:
    """The duplicate was checked first: the learner added --again, then heard --difficulty 9 was wrong."""
    err = _refused(capsys, "--data-dir", str(data), "words", "add", "apple", "りんご", "--difficulty", "9")
    assert err.index("Difficulty must be a whole number from 1 to 5") < err.index("is already in your words")
    assert "give --again to add it a second time" in err
    err = _refused(capsys, "--data-dir", str(data), "words", "add", "apple", "りんご", "--difficulty", "9", "--again")
    assert "Difficulty must be a whole number from 1 to 5" in err and "already" not in err
    assert _events(data) == 1


def test_listing_a_category_or_tag_no_word_has_says_so_and_names_those_there(data: Path, capsys) -> None:
    """`words list --category nosuch` printed "0 words", as an empty category does: a script or a
    learner could not tell a typo from a category without words. JSON stays an empty array."""
    for text, category, tag in (("cat", "animals", "noun"), ("run", "verbs", "verb")):
        assert _run(capsys, "--data-dir", str(data), "words", "add", text, "x", "--category", category,
                    "--tags", tag)[0] == 0
    # ("Animals" is the category "animals": case and accents are ignored, as for tags)
    listed = [("--category", "animal"), ("--tag", "nouns"), ("--category", "animals", "--search", "zzz")]
    said = ["note: no word has the category 'animal'; the categories are 'animals', 'verbs'",
            "note: no word has the tag 'nouns'; the tags are 'noun', 'verb'", ""]
    for args, note in zip(listed, said, strict=True):
        code, out, err = _run(capsys, "--data-dir", str(data), "words", "list", *args)
        assert code == 0 and out.endswith("0 words\n"), err
        assert err.strip() == (f"effect-desktop: {note}" if note else "")
        code, out, err = _run(capsys, "--data-dir", str(data), "words", "list", "--json", *args)
        assert code == 0 and json.loads(out) == [] and err == ""
    code, _, err = _run(capsys, "--data-dir", str(data), "words", "list", "--category", "")
    assert code == 0 and err == ""  # apple has none
    for number in range(12):
        _run(capsys, "--data-dir", str(data), "words", "add", f"w{number}", "x", "--category", f"c{number:02}")
    _, _, err = _run(capsys, "--data-dir", str(data), "words", "list", "--category", "nosuch")
    assert "'animals', 'c00', 'c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'c08' and 4 more" in err


@pytest.mark.parametrize(("args", "said"), [
    (("import", ""), "the file name is empty; give the file to import"),  # "Cannot tell the format of ;"
    (("import", "/dev/null"), "/dev/null is not a regular file (a device or a pipe)"),  # "…format of null"
    (("import", "{folder}"), "is a folder, not a file; give the file to import"),  # "Cannot tell the format"
    (("export", "--output", ""), "the output file name is empty; give a file"),  # ". is a folder"
    (("words", "list", "--data-dir", "{folder}"), "global options (--data-dir, --profile) go before the command"),
    (("words", "list", "--profile=other"), "global options (--data-dir, --profile) go before the command"),
])
def test_an_argument_a_script_gets_wrong_is_said_as_what_it_is(
        data: Path, tmp_path: Path, capsys, args: tuple[str, ...], said: str) -> None:
    folder = tmp_path / "adir"
    folder.mkdir()
    before = _events(data)
    err = _refused(capsys, "--data-dir", str(data), *(a.format(folder=folder) for a in args))
    assert said in err
    assert _events(data) == before


@pytest.mark.parametrize(("args", "said"), [
    (["--screenshot", "x.png"], "--screenshot goes with --self-test"),  # "invalid choice: 'x.png'"
    (["--self-test", "words", "list"], "--self-test runs alone ('words' was given with it)"),  # ran, ignoring it
])
def test_the_self_tests_options_are_refused_where_they_do_not_belong(
        capsys, args: list[str], said: str) -> None:
    from effect_desktop.__main__ import main

    assert main(args) == 2
    out, err = capsys.readouterr()
    assert out == "" and said in err and len(err.strip().splitlines()) == 1
