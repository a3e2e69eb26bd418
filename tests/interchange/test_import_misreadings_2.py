"""Files that imported correctly before the first review's fixes and misread after them (a second review).

Each test names what the fix broke: a deck whose first field is a sound, picture or number, a comma CSV
whose quoted meanings hold tabs, numbers written with separators, an older Anki export with an emptied field."""

from __future__ import annotations

from pathlib import Path

import genanki
import pytest

from effect_desktop.interchange.apkg_import import read_apkg
from effect_desktop.interchange.csv_import import guess_mapping, table_candidates
from effect_desktop.interchange.word_table import read_word_table, sniff_delimiter

from .test_import_misreadings import TAB_COMMAS, _model
from .test_import_realfiles import cli, words_in


def test_a_first_field_of_sounds_pictures_or_numbers_is_never_the_word(tmp_path: Path) -> None:
    """Audio/Spanish/English left every note out ("the front holds only pictures or sounds") and
    Index/Hanzi/Pinyin/English learnt the word "1"."""
    deck = genanki.Deck(2000000011, "Lang")
    listening = _model(1700000011, "Listening", ["Audio", "Spanish", "English"])
    pictures = _model(1700000012, "Picture deck", ["Image", "Deutsch", "English"])
    hsk = _model(1700000013, "HSK", ["Index", "Hanzi", "Pinyin", "English"])
    numbered = _model(1700000014, "Numbered", ["No.", "Word", "Reading", "Meaning"])
    deck.add_note(genanki.Note(model=listening, fields=["[sound:perro.mp3]", "perro", "dog"]))
    deck.add_note(genanki.Note(model=pictures, fields=['<img src="hund.jpg">', "Hund", "dog"]))
    deck.add_note(genanki.Note(model=hsk, fields=["1", "你好", "nǐ hǎo", "hello"]))
    deck.add_note(genanki.Note(model=_model(1700000015, "Numbered list", ["Nr.", "Deutsch", "English"]),
                               fields=["7", "Katze", "cat"]))
    deck.add_note(genanki.Note(model=numbered, fields=["3", "猫", "ねこ", "cat"]))
    path = tmp_path / "media_first.apkg"
    genanki.Package(deck).write_to_file(path)
    parsed = read_apkg(path)
    assert parsed.problems == []
    assert [(c.fields["text"], c.fields["meaning"]) for c in parsed.candidates] == [
        ("perro", "dog"), ("Hund", "dog"), ("你好", "hello（nǐ hǎo）"), ("Katze", "cat"), ("猫", "cat（ねこ）")]


TABS_IN_MEANINGS = ('word,meaning,category\napple,"りんご\t(fruit)",food\nbanana,"バナナ\t(fruit)",food\n'
                    'run,走る,verb\neat,"食べる\tたべる",verb\n')
TABS_NO_HEADER = 'apple,"a round fruit\tred or green"\nbanana,"a long fruit\tyellow"\nrun,to move fast\n'


@pytest.mark.parametrize("content", [TABS_IN_MEANINGS, TABS_NO_HEADER])
def test_a_comma_csv_whose_quoted_cells_hold_tabs_is_read_at_its_commas(
        tmp_path: Path, content: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A tab inside a quoted cell was taken for a tab "left in a cell": the lines did not vote for the comma,
    the file was read as tab-separated and refused ("1 column; the mapping needs 2")."""
    path = tmp_path / "list.csv"
    path.write_text(content, encoding="utf-8")
    assert sniff_delimiter(content) == ","
    assert cli(tmp_path / "data", "import", str(path)) == 0, capsys.readouterr().err
    meanings = {text: meaning for text, meaning, *_ in words_in(tmp_path / "data")}
    assert meanings["apple"] in ("りんご\t(fruit)", "a round fruit\tred or green") and meanings["run"] != ""
    assert len(meanings) == len(content.splitlines()) - content.startswith("word,")


def test_a_csv_files_name_says_comma_on_a_tie(tmp_path: Path) -> None:
    assert sniff_delimiter("a,b\nc\td\n") == "\t"
    assert sniff_delimiter("a,b\nc\td\n", ",") == ","
    assert sniff_delimiter(TAB_COMMAS, ",") == "\t"  # the tab-separated list with commas in its meanings


@pytest.mark.parametrize("content", [
    "十,10\n百,100\n千,1,000\n一万,10,000\n十万,100,000\n二,2\n三,3\n",  # thousands separators
    "eins,1\nzwei,2\nanderthalb,1,5\nzweieinhalb,2,5\ndrei,3\n",  # decimal commas
])
def test_a_number_cut_at_an_unquoted_comma_is_a_bad_row(tmp_path: Path, content: str) -> None:
    """'千,1,000' was taken for an occasional category: the meaning 1 in the category 000, without a word."""
    path = tmp_path / "numbers.csv"
    path.write_text(content, encoding="utf-8")
    table = read_word_table(path)
    assert guess_mapping(table) == {0: "text", 1: "meaning"}
    problems = table_candidates(table, guess_mapping(table)).problems
    assert len(problems) == sum(line.count(",") == 2 for line in content.splitlines())
    assert all("would be left out" in problem.reason for problem in problems)


@pytest.mark.parametrize("content", [
    "apple,りんご,1\nbanana,バナナ,1\nrun,走る\neat,食べる\ndrink,飲む\nsleep,寝る,2\n",
    "apple,りんご,1\nbanana,バナナ,1\nrun,走る,2\neat,食べる,2\n",
])
def test_a_category_of_small_numbers_is_still_a_category(tmp_path: Path, content: str) -> None:
    path = tmp_path / "lessons.csv"
    path.write_text(content, encoding="utf-8")
    table = read_word_table(path)
    parsed = table_candidates(table, guess_mapping(table))
    assert parsed.problems == []
    assert parsed.candidates[0].fields["category"] == "1"


OLDER_ANKI = ("食べる\tto eat<br>to have a meal\t{emptied}\tverb\n"
              "飲む\tto drink<br>to swallow\tirregular&nbsp;past\tverb\n"
              "行く\tto&nbsp;go\t\tverb\n猫\t<div>cat</div>\t\tnoun\n")


@pytest.mark.parametrize("emptied", ["&nbsp;", "<br>", "<div><br></div>", "&nbsp; &nbsp;"])
def test_a_field_anki_left_emptied_does_not_make_its_export_a_plain_list(
        tmp_path: Path, emptied: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A field holding only "&nbsp;" or "<br>" counted as a cell of markup alone (a word "<br>" of a list
    about HTML): the export came in as written, "&nbsp;" a category and the tags the category of the rest."""
    path = tmp_path / "notes.txt"
    path.write_text(OLDER_ANKI.format(emptied=emptied), encoding="utf-8")
    assert read_word_table(path).anki is not None
    assert cli(tmp_path / "data", "import", str(path)) == 0, capsys.readouterr().err
    assert words_in(tmp_path / "data")[0] == ("猫", "cat", "", ["noun"])


def test_a_meaning_anki_left_emptied_does_not_make_its_export_a_plain_list(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A back holding a lone <br> read as a list about HTML: "4 words added", meanings "cat<br>kitten"
    and "dog&nbsp;(pet)", the tags column a category, and no word of Anki."""
    path = tmp_path / "notes.txt"
    path.write_text("猫\tcat<br>kitten\tanimal\n犬\tdog&nbsp;(pet)\tanimal\n鳥\t<br>\tanimal\n魚\tfish\tanimal\n",
                    encoding="utf-8")
    assert read_word_table(path).anki is not None
    assert cli(tmp_path / "data", "import", str(path), "--dry-run") == 2
    assert "line 3" in capsys.readouterr().err


@pytest.mark.parametrize("header", ["Kanji,Reading", "漢字,読み", "Word,Furigana", "単語,ふりがな"])
def test_a_header_naming_the_word_and_its_reading_is_a_header(tmp_path: Path, header: str) -> None:
    """Kanji,Reading was imported as a word; with no meaning column the reading is what is learnt."""
    path = tmp_path / "kanji.csv"
    path.write_text(f"{header}\n猫,ねこ\n犬,いぬ\n", encoding="utf-8")
    assert cli(tmp_path / "data", "import", str(path)) == 0
    assert words_in(tmp_path / "data") == [("犬", "いぬ", "", []), ("猫", "ねこ", "", [])]


FEW_MARKUP = ("食べる\tto eat<br>to have a meal\tverb JLPT::N5\n飲む\tto drink\tverb JLPT::N5\n"
              "行く\tto go\tverb\n猫\tcat\tnoun animal\n犬\tdog\tnoun animal\n")


def test_the_cli_says_when_a_file_read_as_written_may_be_ankis_or_why_anki_yes_does_not_apply(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An older Anki export with markup on a few rows was read as written with nothing said (the window
    shows its "Anki's notes" tick); --anki yes on a comma CSV was ignored with nothing said."""
    notes = tmp_path / "notes.txt"
    notes.write_text(FEW_MARKUP, encoding="utf-8")
    assert cli(tmp_path / "data", "import", str(notes), "--dry-run") == 0
    said = capsys.readouterr().err
    assert "some rows hold Anki's markup" in said and "--anki yes" in said
    assert cli(tmp_path / "data", "import", str(notes), "--dry-run", "--anki", "no") == 0
    assert "Anki" not in capsys.readouterr().err  # the learner has said it is not
    commas = tmp_path / "notes.csv"
    commas.write_text(FEW_MARKUP.replace("\t", ","), encoding="utf-8")
    assert cli(tmp_path / "data", "import", str(commas), "--dry-run", "--anki", "yes") == 0
    assert "--anki yes applies to a tab-separated file without a header row" in capsys.readouterr().err
