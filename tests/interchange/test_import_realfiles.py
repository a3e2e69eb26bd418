"""Files as Anki, Quizlet and spreadsheets write them, imported from the command line and the core.

Each test names the file it copies (from a QA pass over real exports) and what went wrong before."""

from __future__ import annotations

from pathlib import Path

import genanki
import pytest

from effect_desktop.bootstrap import open_profile
from effect_desktop.cli.main import run_cli
from effect_desktop.interchange.csv_import import guess_mapping, read_word_table, table_candidates


def cli(data: Path, *args: str) -> int:
    return run_cli(["--data-dir", str(data), "--profile", "default", *args])


def in_japanese(message: str) -> str:
    """What the Japanese window shows for a message of the core (needs pytest-qt's `qapp`)."""
    from effect_desktop.gui import i18n
    from effect_desktop.gui.core_messages import localise

    i18n.install("ja")
    try:
        return localise(message)
    finally:
        i18n.install("en")


def words_in(data: Path) -> list[tuple[str, str, str, list[str]]]:
    profile = open_profile(data / "default.effect.sqlite3")
    try:
        return sorted((w.text, w.meaning, w.category, w.tags) for w in profile.queries.words())
    finally:
        profile.close()


@pytest.mark.parametrize("content", [
    "#separator:comma\n#html:false\ndog,犬\n\"a, b\",c\n",  # Anki's export with comma chosen
    "apple,りんご\nhello,こんにちは\n",  # Quizlet's export with "comma" between term and definition
])
def test_a_txt_file_is_read_with_its_own_delimiter_from_the_command_line(
        tmp_path: Path, content: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Every .txt was read as tab-separated: "No column is mapped to meaning"."""
    path = tmp_path / "export.txt"
    path.write_text(content, encoding="utf-8")
    assert cli(tmp_path / "data", "import", str(path)) == 0, capsys.readouterr().err
    assert "2 words added" in capsys.readouterr().out
    rows = words_in(tmp_path / "data")
    assert ("dog", "犬", "", []) in rows or ("apple", "りんご", "", []) in rows
    assert all("," not in text or text == "a, b" for text, *_ in rows)


@pytest.mark.parametrize("header", ["English,Japanese", "英語,日本語", "Japanese,English", "Ｅｎｇｌｉｓｈ,日本語",
                                    "word,日本語"])
def test_a_header_naming_the_languages_is_a_header(tmp_path: Path, header: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """"English,Japanese" was imported as a word (its columns unnamed); the first language is the word."""
    path = tmp_path / "list.csv"
    path.write_text(f"{header}\r\napple,りんご\r\ndog,犬\r\n", encoding="utf-8")
    assert cli(tmp_path / "data", "import", str(path)) == 0
    assert words_in(tmp_path / "data") == [("apple", "りんご", "", []), ("dog", "犬", "", [])]


def test_a_first_row_naming_one_language_twice_is_a_word(tmp_path: Path) -> None:
    path = tmp_path / "languages.csv"
    path.write_text("English,英語\nFrench,フランス語\n", encoding="utf-8")
    assert cli(tmp_path / "data", "import", str(path)) == 0
    assert [text for text, *_ in words_in(tmp_path / "data")] == ["English", "French"]


def test_an_unquoted_comma_in_a_meaning_without_a_header_is_a_bad_row(tmp_path: Path, qapp: object,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """Quizlet's comma export, "run,to move fast, on foot": the meaning was cut and "on foot" became the
    category, without a word said (with a header the same row was refused with its reason)."""
    path = tmp_path / "quizlet.txt"
    path.write_text("apple,りんご\nrun,to move fast, on foot\nhello,こんにちは\n", encoding="utf-8")
    table = read_word_table(path)
    assert guess_mapping(table) == {0: "text", 1: "meaning"}
    problems = table_candidates(table, guess_mapping(table)).problems
    assert [str(p) for p in problems] == [
        "line 2: 3 cells where most rows have 2, so “on foot” would be left out; put quotes around a cell that "
        "holds a comma, or map the extra column"]
    assert in_japanese(problems[0].reason).startswith("ほとんどの行のセルは 2 個ですが")
    assert cli(tmp_path / "data", "import", str(path)) == 2
    assert "line 2: 3 cells where most rows have 2" in capsys.readouterr().err
    assert cli(tmp_path / "data", "import", str(path), "--skip-bad-rows") == 0
    assert words_in(tmp_path / "data") == [("apple", "りんご", "", []), ("hello", "こんにちは", "", [])]
    assert cli(tmp_path / "data", "import", str(path), "--map", "3=category") == 0  # the column taken on purpose
    assert ("run", "to move fast", "on foot", []) in words_in(tmp_path / "data")


def test_characters_no_screen_shows_are_dropped_from_imported_words(tmp_path: Path) -> None:
    """Anki's "co&shy;operate" came in with its soft hyphen: it looked like "cooperate", a list's
    "cooperate" was a second copy of it, and typing "cooperate" was graded wrong."""
    from effect_desktop.gui.study.run import typed_matches

    from .test_apkg import BASIC

    deck = genanki.Deck(2059400140, "Misc")
    deck.add_note(genanki.Note(model=BASIC, fields=["co&shy;operate", "協力する"]))
    deck.add_note(genanki.Note(model=BASIC, fields=["\u200bzero\u2060width\ufeff", "見えない"]))
    deck.add_note(genanki.Note(model=BASIC, fields=["👩\u200d💻", "technologist"]))  # a joiner that joins
    package = tmp_path / "deck.apkg"
    genanki.Package(deck).write_to_file(package)
    listed = tmp_path / "list.csv"
    listed.write_text("word,meaning\ncooperate,協力する\nzero\u200bwidth,見えない\n", encoding="utf-8")
    data = tmp_path / "data"
    assert cli(data, "import", str(package)) == 0
    assert cli(data, "import", str(listed)) == 0
    assert [text for text, *_ in words_in(data)] == ["cooperate", "zerowidth", "👩\u200d💻"]
    assert typed_matches("cooperate", "co\u00adoperate") and typed_matches("co\u200boperate", "cooperate")
    assert not typed_matches("\u00ad", "")
