"""Files as Anki, Quizlet and spreadsheets write them, imported from the command line and the core.

Each test names the file it copies (from a QA pass over real exports) and what went wrong before."""

from __future__ import annotations

from pathlib import Path

import genanki
import pytest

from effect_desktop.bootstrap import open_profile
from effect_desktop.cli.main import run_cli
from effect_desktop.interchange.csv_import import guess_mapping, table_candidates
from effect_desktop.interchange.word_table import read_word_table


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


ANKI_PLAIN = ("#separator:tab\n#html:true\n#tags column:3\n"
              "<b>食べる</b>\tto&nbsp;eat<br>to have a meal\tverb JLPT::N5\n"
              "飲[の]む\t<div>to drink</div>\tverb\n"
              "猫\tcat [sound:neko.mp3]\tnoun animal\n"
              '<img src="dog.jpg">\tdog\tnoun\n')
ANKI_FULL = ("#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n"
             "a1B2c3\tBasic\tJapanese::Verbs\t行く\tto go\tverb\n"
             "g7H8i9\tCloze\tJapanese::Cloze\t{{c1::東京}}は日本の首都です\t\t\n")


def test_a_picture_only_or_cloze_note_in_ankis_text_export_is_left_out_and_listed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """They stopped the whole import ("Word must not be empty", "Meaning must not be empty") where the same
    notes in a package are left out and listed with the real reason."""
    plain, full = tmp_path / "plain.txt", tmp_path / "full.txt"
    plain.write_text(ANKI_PLAIN, encoding="utf-8")
    full.write_text(ANKI_FULL, encoding="utf-8")
    data = tmp_path / "data"
    assert cli(data, "import", str(plain), "--dry-run") == 0
    assert "would add 3, update 0, skip 0 duplicates; 1 note cannot be imported (left out)" in capsys.readouterr().out
    assert cli(data, "import", str(plain)) == 0
    out, err = capsys.readouterr()
    assert "plain.txt: line 7: the front holds only pictures or sounds, which cannot be imported" in err
    assert out.strip() == "3 words added, 0 updated, 1 note left out"
    assert cli(data, "import", str(full)) == 0
    out, err = capsys.readouterr()
    assert "full.txt: line 8: cloze notes (Cloze) have no separate word and meaning" in err
    assert out.strip() == "1 word added, 0 updated, 1 note left out"
    assert words_in(data) == [("猫", "cat", "", ["noun", "animal"]), ("行く", "to go", "Japanese::Verbs", ["verb"]),
                              ("食べる", "to eat\nto have a meal", "", ["verb", "JLPT::N5"]),
                              ("飲む", "to drink（のむ）", "", ["verb"])]


def test_a_bad_row_of_ankis_text_export_still_stops_the_import(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Only Anki's own notes are left out without asking; an empty meaning is still a typo to fix."""
    path = tmp_path / "notes.txt"
    path.write_text("#separator:tab\n#html:true\nword\t\n<img src=\"a.png\">\tpicture\nfine\tok\n", encoding="utf-8")
    assert cli(tmp_path / "data", "import", str(path)) == 2
    err = capsys.readouterr().err
    assert "notes.txt: line 3: Meaning must not be empty." in err and "1 row cannot be imported (listed above)" in err
    assert max(len(line) for line in err.splitlines()) < 200  # the rows were named again in one long last line
    assert cli(tmp_path / "data", "import", str(path), "--skip-bad-rows") == 0
    assert capsys.readouterr().out.strip() == "1 word added, 0 updated, 1 bad row left out, 1 note left out"


def test_older_ankis_export_without_header_lines_is_read_as_anki_wrote_it(tmp_path: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """Anki before 2.1.55 wrote no "#html:true": the HTML came in as written and the tags became the category."""
    path = tmp_path / "old.txt"
    path.write_text("<b>食べる</b>\tto&nbsp;eat<br>to have a meal\tverb JLPT::N5\n"
                    "飲[の]む\t<div>to drink</div>\tverb\n", encoding="utf-8")
    data = tmp_path / "data"
    assert cli(data, "import", str(path)) == 0
    assert "old.txt: read as Anki's notes without header lines: their HTML as text, the last column as tags" in (
        capsys.readouterr().err)
    assert words_in(data) == [("食べる", "to eat\nto have a meal", "", ["verb", "JLPT::N5"]),
                              ("飲む", "to drink（のむ）", "", ["verb"])]


@pytest.mark.parametrize("content", [
    "a < b\tless than\n<b>bold</b>\t太字\n",  # a bare "<": Anki would have written &lt;
    "R&D\t研究開発\nx<sup>2</sup>\tsquared\n",  # a bare "&"
    "<noun>\t名詞\nto be\t～である\n",  # not a tag Anki writes
])
def test_plain_text_with_angle_brackets_or_ampersands_is_read_as_written(tmp_path: Path, content: str) -> None:
    path = tmp_path / "list.tsv"
    path.write_text(content, encoding="utf-8")
    table = read_word_table(path)
    assert table.anki is None
    parsed = table_candidates(table, guess_mapping(table))
    assert [c.fields["text"] for c in parsed.candidates] == [line.split("\t")[0] for line in content.splitlines()]


def test_every_reason_a_note_of_a_text_export_is_left_out_is_said_in_japanese(tmp_path: Path, qapp: object) -> None:
    reasons = []
    for name, content in (("plain.txt", ANKI_PLAIN), ("full.txt", ANKI_FULL),
                          ("cloze.txt", "#separator:tab\n#html:true\n{{c1::猫}}です\t\nfine\tok\n")):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        table = read_word_table(path)
        reasons += [p.reason for p in table_candidates(table, guess_mapping(table)).problems]
    assert len(reasons) == 3
    shown = [in_japanese(reason) for reason in reasons]
    assert [reason for reason, japanese in zip(reasons, shown, strict=True) if japanese.isascii()] == []


def test_a_notes_word_and_meaning_are_the_fields_its_note_type_names_so(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A Kanji/Reading/Meaning note (水/みず/water) stored the reading as the meaning and lost "water"."""
    def model(model_id: int, name: str, fields: list[str]) -> genanki.Model:
        return genanki.Model(model_id, name, fields=[{"name": f} for f in fields],
                             templates=[{"name": "Card 1", "qfmt": "{{" + fields[0] + "}}", "afmt": "x"}])

    three = model(1607392321, "Japanese (Kanji/Reading/Meaning)", ["Kanji", "Reading", "Meaning"])
    core = model(1607392322, "Core 2000", ["Optimized-Voc-Index", "Vocabulary-Kanji", "Vocabulary-Furigana",
                                           "Vocabulary-Kana", "Vocabulary-English", "Vocabulary-Audio",
                                           "Expression", "Sentence-English"])
    japanese = model(1607392323, "単語帳", ["読み", "単語", "意味"])
    unnamed = model(1607392324, "Mine", ["A", "B", "C"])
    deck = genanki.Deck(2059400150, "Japanese")
    deck.add_note(genanki.Note(model=three, fields=["水", "みず", "water"]))
    deck.add_note(genanki.Note(model=core, fields=["1", "会う", "会[あ]う", "あう", "to meet", "[sound:au.mp3]",
                                                   "友達に会う。", "I meet a friend."]))
    deck.add_note(genanki.Note(model=japanese, fields=["ねこ", "猫", "cat"]))
    deck.add_note(genanki.Note(model=unnamed, fields=["first", "second", "third"]))
    path = tmp_path / "deck.apkg"
    genanki.Package(deck).write_to_file(path)
    data = tmp_path / "data"
    assert cli(data, "import", str(path), "--dry-run") == 0
    said = capsys.readouterr().out
    assert cli(data, "import", str(path)) == 0
    assert capsys.readouterr().out == said.replace("would add 4, update 0, skip 0 duplicates; 0 rows cannot be "
                                                   "imported", "4 words added, 0 updated")
    assert said.splitlines()[:3] == [
        "deck.apkg: note type “Japanese (Kanji/Reading/Meaning)”: the word from its field “Kanji”, the meaning "
        "from “Meaning”, the reading from “Reading” (after the meaning)",
        "deck.apkg: note type “Core 2000”: the word from its field “Vocabulary-Kanji”, the meaning from "
        "“Vocabulary-English”, the reading from “Vocabulary-Furigana” (after the meaning); not imported: its fields "
        "“Optimized-Voc-Index”, “Vocabulary-Kana”, “Vocabulary-Audio”, “Expression”, “Sentence-English”",
        "deck.apkg: note type “単語帳”: the word from its field “単語”, the meaning from “意味”, the reading from "
        "“読み” (after the meaning)"]
    # "Mine" is read as its first two fields, as ever: only its third, left behind, is said
    assert said.splitlines()[3] == "deck.apkg: note type “Mine”; not imported: its field “C”"
    assert len(said.splitlines()) == 5
    assert [(text, meaning) for text, meaning, *_ in words_in(data)] == [  # each reading kept
        ("first", "second"), ("会う", "to meet（あう）"), ("水", "water（みず）"), ("猫", "cat（ねこ）")]


def test_notes_in_ankis_default_deck_get_no_category_as_from_a_package(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """The text export's deck column made "Default" a category (a package's notes there get none), and a
    nested deck name too long for a category refused the row instead of keeping its last part."""
    long_deck = "Languages::" + "Japanese " * 8 + "::Verbs"
    path = tmp_path / "notes.txt"
    path.write_text("#separator:tab\n#html:true\n#deck column:1\n"
                    f"Default\t猫\tcat\nJapanese::Verbs\t行く\tto go\n{long_deck}\t食べる[たべる]\tto eat\n",
                    encoding="utf-8")
    assert cli(tmp_path / "data", "import", str(path)) == 0, capsys.readouterr().err
    assert words_in(tmp_path / "data") == [("猫", "cat", "", []), ("行く", "to go", "Japanese::Verbs", []),
                                           ("食べる", "to eat（たべる）", "Verbs", [])]
