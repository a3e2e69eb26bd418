"""Odd input a QA pass fed the command line: one clear line, exit status 2, nothing written."""

from __future__ import annotations

import os
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
    assert "unexpected error" not in err and "please report it" not in err, err
    return err


def _events(data: Path) -> int:
    with sqlite3.connect(profile_path(data)) as raw:
        return int(raw.execute("SELECT count(*) FROM events").fetchone()[0])


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "data"
    assert _run(capsys, "--data-dir", str(folder), "words", "add", "apple", "りんご", "--tags", "fruit")[0] == 0
    return folder


def test_a_word_list_whose_only_row_is_unreadable_names_that_row(tmp_path: Path, capsys) -> None:
    both = tmp_path / "one.csv"
    both.write_text("text,meaning\nhuge," + "a" * 70_000 + "\n", encoding="utf-8")
    err = _refused(capsys, "--data-dir", str(tmp_path / "new"), "import", str(both))
    assert "line 2: a cell is longer than 65,536 characters" in err, err  # was "only its header row"
    assert "header" not in err
    assert not (tmp_path / "new").exists()
    headless = tmp_path / "bare.csv"
    headless.write_text("huge," + "a" * 70_000 + "\nbig," + "b" * 70_000 + "\n", encoding="utf-8")
    err = _refused(capsys, "--data-dir", str(tmp_path / "new"), "import", str(headless), "--header", "no")
    assert "line 1: a cell is longer than 65,536 characters (and 1 other line that cannot be read)" in err, err


@pytest.mark.parametrize("command", [("session", "start"), ("words", "list"), ("stats",)])
@pytest.mark.parametrize("tag", ["", "  "])
def test_an_empty_tag_is_refused_not_taken_for_every_word(data: Path, capsys, command: tuple[str, ...],
                                                           tag: str) -> None:
    before = _events(data)
    err = _refused(capsys, "--data-dir", str(data), *command, "--tag", tag)
    assert "the tag is empty; give a tag, or leave --tag out for every word" in err, err
    assert _events(data) == before  # `session start --tag ""` started a session of every due word


def test_an_empty_category_means_the_words_without_one(data: Path, capsys) -> None:
    _run(capsys, "--data-dir", str(data), "words", "add", "pear", "梨", "--category", "fruit")
    for category in ("", "  "):
        code, out, err = _run(capsys, "--data-dir", str(data), "words", "list", "--category", category)
        assert code == 0 and "apple" in out and "pear" not in out, (out, err)
    code, out, _ = _run(capsys, "--data-dir", str(data), "words", "list", "--category", " fruit ")
    assert code == 0 and "pear" in out and "apple" not in out
    code, _, err = _run(capsys, "--data-dir", str(data), "session", "start", "--category", " ")
    assert code == 0, err


HUGE = str(2**70)  # past SQLite's integers: "unexpected error: OverflowError ... please report it"


def test_a_huge_whole_number_gets_the_options_range(data: Path, capsys) -> None:
    err = _refused(capsys, "--data-dir", str(data), "events", "--limit", HUGE)
    assert f"{HUGE} is too large; give at most 1,000,000,000,000" in err, err
    for difficulty in (HUGE, "9", "0", "two"):
        err = _refused(capsys, "--data-dir", str(data), "words", "list", "--difficulty", difficulty)
        assert f"{difficulty!r} is not a difficulty; give a whole number from 1 (easy) to 5 (hard)" in err, err
    code, out, _ = _run(capsys, "--data-dir", str(data), "words", "list", "--difficulty", "1")
    assert code == 0 and "apple" in out
    code, out, _ = _run(capsys, "--data-dir", str(data), "events", "--limit", "1000000000000")
    assert code == 0 and "WordCreated" in out


@pytest.mark.parametrize("codec", ["rot13", "base64", "hex", "zlib", "uu"])
def test_a_codec_that_is_not_a_text_encoding_is_an_unknown_encoding(tmp_path: Path, capsys, codec: str) -> None:
    words = tmp_path / "words.csv"
    words.write_text("text,meaning\napple,りんご\n", encoding="utf-8")
    err = _refused(capsys, "--data-dir", str(tmp_path / "new"), "import", str(words), "--encoding", codec)
    assert f"Unknown text encoding {codec!r}; use utf-8, utf-16, cp932, cp1252" in err, err  # was a LookupError
    assert not (tmp_path / "new").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_importing_a_folder_a_pipe_or_a_device_says_what_the_path_is(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "words.csv"
    folder.mkdir()
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    new = str(tmp_path / "new")
    err = _refused(capsys, "--data-dir", new, "import", str(folder))
    assert f"{folder} is a folder, not a file; give the file to import." in err, err  # was "There is no file"
    for path in (pipe, Path(os.devnull)):
        err = _refused(capsys, "--data-dir", new, "import", str(path), "--format", "csv")
        assert f"{path} is not a regular file (a device or a pipe)" in err, err
    assert f"There is no file {tmp_path / 'gone.csv'}." in _refused(capsys, "--data-dir", new, "import",
                                                                    str(tmp_path / "gone.csv"))
    assert not (tmp_path / "new").exists()


def test_an_argument_that_is_not_utf8_is_refused_before_anything_is_stored(data: Path, capsys) -> None:
    latin1 = b"caf\xe9".decode("utf-8", "surrogateescape")  # what Python makes of a Latin-1 terminal's café
    err = _refused(capsys, "--data-dir", str(data), "words", "add", latin1, "coffee")
    assert err.strip() == ("effect-desktop: error: the argument 'caf\\xe9' is not valid UTF-8 text; check the "
                           "terminal's encoding (it should be UTF-8) and type it again"), err
    assert "surrogates" not in err and _events(data) == 1
    assert "'\\ud800x'" in _refused(capsys, "--data-dir", str(data), "words", "list", "--search", "\ud800x")


def test_under_a_locale_python_does_not_read_as_utf8_a_utf8_word_comes_in_and_goes_out_whole(tmp_path: Path) -> None:
    """With an ASCII locale (no UTF-8 coercion), "café" was refused as not UTF-8, and `words list --json`
    into a file stopped at the first Japanese word with "'ascii' codec can't encode character"."""
    import json
    import subprocess
    import sys

    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}
    cli = [sys.executable, "-m", "effect_desktop", "--data-dir", str(tmp_path)]
    added = subprocess.run([*cli, "words", "add", "café", "コーヒー"], env=env, capture_output=True)
    assert added.returncode == 0, added.stderr.decode("utf-8", "replace")
    listed = subprocess.run([*cli, "words", "list", "--json"], env=env, capture_output=True)
    assert listed.returncode == 0, listed.stderr.decode("utf-8", "replace")
    assert [(w["text"], w["meaning"]) for w in json.loads(listed.stdout.decode("utf-8"))] == [("café", "コーヒー")]


def test_output_in_an_encoding_the_user_chose_stays_in_it_and_json_stays_json(tmp_path: Path) -> None:
    """Forcing UTF-8 on every stream garbled a Latin-1 terminal's "café" (and a Windows code page's
    Japanese); kept, what the encoding cannot hold is escaped: JSON with \\u escapes, still JSON."""
    import json
    import subprocess
    import sys

    cli = [sys.executable, "-m", "effect_desktop", "--data-dir", str(tmp_path)]
    assert subprocess.run([*cli, "words", "add", "café", "コーヒー"], capture_output=True).returncode == 0
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    listed = subprocess.run([*cli, "words", "list", "--json"], env=env, capture_output=True)
    assert listed.returncode == 0, listed.stderr.decode("latin-1")
    assert [(w["text"], w["meaning"]) for w in json.loads(listed.stdout.decode("latin-1"))] == [("café", "コーヒー")]
    table = subprocess.run([*cli, "words", "list"], env=env, capture_output=True)
    assert table.returncode == 0 and "café" in table.stdout.decode("latin-1")


def test_the_same_word_and_meaning_again_is_refused_unless_again(tmp_path: Path, capsys) -> None:
    """`words add` made an exact duplicate silently, where an import skips it and the window asks twice."""
    from effect_desktop.cli.main import run_cli

    data = str(tmp_path)
    assert run_cli(["--data-dir", data, "words", "add", "Apple", "りんご"]) == 0
    capsys.readouterr()
    assert run_cli(["--data-dir", data, "words", "add", "apple ", "リンゴ"]) == 0  # another meaning: a homograph
    capsys.readouterr()
    assert run_cli(["--data-dir", data, "words", "add", "apple", "りんご"]) == 2
    err = capsys.readouterr().err
    assert "“Apple” meaning “りんご” is already in your words" in err and "--again" in err
    assert run_cli(["--data-dir", data, "words", "add", "apple", "りんご", "--again"]) == 0
    capsys.readouterr()
    assert run_cli(["--data-dir", data, "words", "list"]) == 0
    assert capsys.readouterr().out.strip().endswith("3 words")


def _xlsx(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as book:
        book.writestr("[Content_Types].xml", "<Types/>")
        book.writestr("xl/workbook.xml", "<workbook/>")
        book.writestr("xl/worksheets/sheet1.xml", "<worksheet/>")


@pytest.mark.parametrize(("name", "extra"), [("words.xlsx", []), ("words.xlsx", ["--format", "csv"]),
                                             ("words.csv", []), ("old.xls", ["--format", "csv"])])
def test_an_excel_workbook_is_refused_saying_to_save_the_sheet_as_csv(data: Path, capsys, name: str,
                                                                      extra: list[str]) -> None:
    """.xlsx said "Cannot tell the format of words.xlsx" or (as csv) "a zip archive … an Anki deck is
    imported as an Anki package"; .xls was read as UTF-16 boxes and "No column is mapped to the meaning"."""
    book = data.parent / name
    if name.endswith(".xls"):
        book.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(500))
    else:
        _xlsx(book)
    err = _refused(capsys, "--data-dir", str(data), "import", str(book), *extra)
    assert "spreadsheet workbook (Excel or LibreOffice), which is not read" in err, err
    assert 'save the sheet as "CSV UTF-8"' in err, err
    assert _events(data) == 1
