"""Ordinary files that the import's guesses misread (a review of them): each imported as it was meant.

Each test names what went wrong: a kana drill deck turned round, a plain TSV read as Anki's export, a
tab-separated .txt split at its commas, an occasional category refused, an emoji's joiner removed."""

from __future__ import annotations

from pathlib import Path

import genanki
import pytest

from effect_desktop.interchange.apkg_import import read_apkg
from effect_desktop.interchange.csv_import import guess_mapping, table_candidates
from effect_desktop.interchange.html_text import without_invisible
from effect_desktop.interchange.word_table import read_word_table, sniff_delimiter

from .test_import_realfiles import cli, in_japanese, words_in


def _model(model_id: int, name: str, fields: list[str]) -> genanki.Model:
    return genanki.Model(model_id, name, fields=[{"name": f} for f in fields],
                         templates=[{"name": "Card 1", "qfmt": "{{" + fields[0] + "}}", "afmt": "x"}])


def test_a_note_type_whose_first_field_is_a_reading_keeps_it_as_the_word(tmp_path: Path) -> None:
    """Hiragana/Romaji, Kana/English and Pinyin/English were turned round (a → あ, cat → ねこ), and
    Word/Translation/Definition took the definition as the meaning."""
    deck = genanki.Deck(2000000001, "Kana")
    deck.add_note(genanki.Note(model=_model(1700000001, "Hiragana", ["Hiragana", "Romaji"]), fields=["あ", "a"]))
    deck.add_note(genanki.Note(model=_model(1700000002, "Kana vocab", ["Kana", "English"]), fields=["ねこ", "cat"]))
    deck.add_note(genanki.Note(model=_model(1700000003, "Pinyin", ["Pinyin", "English"]), fields=["nǐ hǎo", "hello"]))
    deck.add_note(genanki.Note(model=_model(1700000004, "Word/Translation/Definition",
                                            ["Word", "Translation", "Definition"]),
                               fields=["Hund", "dog", "ein Haustier, das bellt"]))
    deck.add_note(genanki.Note(model=_model(1700000005, "Reading/Kanji/Meaning", ["Reading", "Kanji", "Meaning"]),
                               fields=["みず", "水", "water"]))
    path = tmp_path / "kana.apkg"
    genanki.Package(deck).write_to_file(path)
    parsed = read_apkg(path)
    assert [(c.fields["text"], c.fields["meaning"]) for c in parsed.candidates] == [
        ("あ", "a"), ("ねこ", "cat"), ("nǐ hǎo", "hello"), ("Hund", "dog"), ("水", "water（みず）")]
    assert [str(choice) for choice in parsed.chosen_fields] == [
        "note type “Word/Translation/Definition”; not imported: its field “Definition”",
        "note type “Reading/Kanji/Meaning”: the word from its field “Kanji”, the meaning from “Meaning”, the "
        "reading from “Reading” (after the meaning)"]


TAB_COMMAS = "run\tto move fast, on foot\neat\tto take in food, consume\ndrink\tto swallow liquid, sip\n"


@pytest.mark.parametrize("content", [TAB_COMMAS, "a,b\tone, two\nc,d\tthree, four\n"])
def test_a_tab_separated_txt_is_not_split_at_its_commas(tmp_path: Path, content: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Comma tied with tab (two columns each) and won: the word "run<TAB>to move fast", the meaning "on foot"."""
    path = tmp_path / "list.txt"
    path.write_text(content, encoding="utf-8")
    assert sniff_delimiter(content) == "\t"
    assert cli(tmp_path / "data", "import", str(path)) == 0, capsys.readouterr().err
    expected = sorted((cells[0], cells[1], "", []) for cells in (line.split("\t") for line in content.splitlines()))
    assert words_in(tmp_path / "data") == expected


ZWJ = ("word,meaning\n🐈\u200d⬛,黒猫\n👩\u200d💻,プログラマー\n🙂\u200d↔\ufe0f,首を横に振る\n🏳\ufe0f\u200d🌈,虹の旗\n"
       "नमस्\u200dते,hello\nمی\u200cخواهم,I want\nco\u200doperate,協力する\n")


def test_an_emoji_sequences_joiners_are_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """🐈‍⬛ (black cat) came in as 🐈⬛ and 🙂‍↔️ as 🙂↔️: the joiner before ⬛ and ↔ was taken for a stray one."""
    path = tmp_path / "emoji.csv"
    path.write_text(ZWJ, encoding="utf-8")
    assert cli(tmp_path / "data", "import", str(path)) == 0, capsys.readouterr().err
    assert sorted(text for text, *_ in words_in(tmp_path / "data")) == sorted(
        [line.split(",")[0] for line in ZWJ.splitlines()[1:-1]] + ["cooperate"])


def test_every_extended_pictographic_character_may_take_a_joiner() -> None:
    """The emoji blocks html_text keeps joiners between, against Unicode's own property (via `regex`)."""
    import regex  # (the test extra: Python's own unicodedata has no Extended_Pictographic)

    pictographic = regex.compile(r"\p{Extended_Pictographic}")
    missing = [f"U+{code:04X}" for code in range(0x110000)
               if pictographic.match(chr(code)) and without_invisible(f"{chr(code)}\u200d{chr(code)}") != (
                   f"{chr(code)}\u200d{chr(code)}")]
    assert missing == []


@pytest.mark.parametrize(("content", "categories"), [
    ("apple,りんご,fruit\nbanana,バナナ,fruit\nrun,走る\neat,食べる\ndrink,飲む\n",
     {"apple": "fruit", "banana": "fruit"}),
    ("apple\tりんご\nrun\t走る\tverb\neat\t食べる\tverb\nweb\tウェブ\tweb design\nlink\tリンク\tweb design\n"
     "drink\t飲む\nsleep\t眠る\nsee\t見る\nwater\t水\n",
     {"run": "verb", "eat": "verb", "web": "web design", "link": "web design"}),
])
def test_a_category_on_a_few_rows_of_a_list_without_a_header_is_the_category(
        tmp_path: Path, content: str, categories: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    """Refused as bad rows ("3 cells where most rows have 2, so “fruit” would be left out")."""
    path = tmp_path / "list.csv"
    path.write_text(content, encoding="utf-8")
    assert cli(tmp_path / "data", "import", str(path)) == 0, capsys.readouterr().err
    rows = words_in(tmp_path / "data")
    assert len(rows) == len(content.splitlines())
    assert {text: category for text, _, category, _ in rows if category} == categories


@pytest.mark.parametrize("content", [
    "apple,りんご\nrun,to move fast, on foot\nhello,こんにちは\n",  # Quizlet's comma export (one cut meaning)
    "apple,りんご\nrun,to move fast, on foot\nwalk,to move, on foot\nhello,こんにちは\neat,食べる\n",  # a repeat
    "apple,りんご\nrun,to move fast,on foot\nwalk,to move,by walking\nhello,こんにちは\neat,食べる\n",  # no repeat
])
def test_a_meaning_cut_at_an_unquoted_comma_is_still_a_bad_row(tmp_path: Path, content: str) -> None:
    path = tmp_path / "quizlet.txt"
    path.write_text(content, encoding="utf-8")
    table = read_word_table(path)
    assert guess_mapping(table) == {0: "text", 1: "meaning"}
    problems = table_candidates(table, guess_mapping(table)).problems
    assert problems and all("would be left out" in problem.reason for problem in problems)


AMP_CATEGORY = "apple\tりんご\tnoun\nrun\t走る\tverb\nQ&amp;A\t質疑応答\tnoun phrase\nquickly\t速く\tadverb\n"
BOLD_CATEGORY = "bold\t太字（<b>…</b> で書く）\tweb design\nitalic\t斜体\tweb design\nlink\tリンク\tweb design\n"
HTML_WORDS = "<br>\t改行タグ\tHTML\n<p>\t段落タグ\tHTML\nhref\tリンク先の属性\tHTML\n"
OLD_ANKI = "<b>食べる</b>\tto&nbsp;eat<br>to have a meal\tverb JLPT::N5\n飲[の]む\t<div>to drink</div>\tverb\n"


@pytest.mark.parametrize("content", [AMP_CATEGORY, BOLD_CATEGORY, HTML_WORDS])
def test_one_cell_of_html_does_not_make_a_plain_list_ankis_export(tmp_path: Path, content: str,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """One "&amp;" or "<b>" made a plain TSV older Anki's export: the category "web design" became the tags web
    and design, and the words "<br>" and "<p>" became empty and refused the file."""
    path = tmp_path / "list.tsv"
    path.write_text(content, encoding="utf-8")
    table = read_word_table(path)
    assert table.anki is None and table.anki_markup  # the window offers the choice (anki_check)
    assert cli(tmp_path / "data", "import", str(path)) == 0, capsys.readouterr().err
    assert "Anki" not in capsys.readouterr().err
    assert words_in(tmp_path / "data") == sorted((text, meaning, category, [])
                                                 for text, meaning, category in (line.split("\t")
                                                                                 for line in content.splitlines()))


def test_the_learner_says_whether_a_file_is_ankis_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, plain = tmp_path / "old.txt", tmp_path / "plain.tsv"
    old.write_text(OLD_ANKI, encoding="utf-8")
    plain.write_text(BOLD_CATEGORY, encoding="utf-8")
    assert cli(tmp_path / "a", "import", str(old), "--anki", "no") == 0
    assert "Anki" not in capsys.readouterr().err
    assert words_in(tmp_path / "a")[0] == ("<b>食べる</b>", "to&nbsp;eat<br>to have a meal", "verb JLPT::N5", [])
    assert cli(tmp_path / "b", "import", str(plain), "--anki", "yes") == 0
    assert words_in(tmp_path / "b")[0] == ("bold", "太字（… で書く）", "", ["web", "design"])


def test_html_that_reads_as_nothing_is_said_so(tmp_path: Path, qapp: object) -> None:
    """Read as Anki's HTML, "<br>" as a word was refused as "Word must not be empty", with nothing saying why."""
    path = tmp_path / "list.tsv"
    path.write_text(HTML_WORDS, encoding="utf-8")
    table = read_word_table(path, as_anki=True)
    problems = table_candidates(table, guess_mapping(table)).problems
    assert [str(problem) for problem in problems] == [
        "line 1: the word “<br>” is HTML markup alone, with no text to import",
        "line 2: the word “<p>” is HTML markup alone, with no text to import"]
    assert in_japanese(problems[0].reason) == "単語「<br>」は HTML のタグだけで、インポートする文字がありません"
    meaning = tmp_path / "notes.txt"
    meaning.write_text("#separator:tab\n#html:true\nword\t<br>\n", encoding="utf-8")
    table = read_word_table(meaning)
    reason = table_candidates(table, guess_mapping(table)).problems[0].reason
    assert in_japanese(reason) == "意味「<br>」は HTML のタグだけで、インポートする文字がありません"


@pytest.mark.parametrize("header", ["Kanji,Reading,English", "Kanji,Reading,Meaning", "漢字,読み,意味"])
def test_a_header_naming_the_kanji_column_is_a_header(tmp_path: Path, header: str) -> None:
    """A deck's field named Kanji is the word; a CSV header's was not known, and the header became a word."""
    path = tmp_path / "kanji.csv"
    path.write_text(f"{header}\n猫,ねこ,cat\n犬,いぬ,dog\n", encoding="utf-8")
    assert cli(tmp_path / "data", "import", str(path)) == 0
    assert words_in(tmp_path / "data") == [("犬", "dog", "", []), ("猫", "cat", "", [])]
