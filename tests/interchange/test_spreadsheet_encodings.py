"""The encodings spreadsheets save a word list in, told apart from the bytes alone: Western European
Excel's plain "CSV" (Windows-1252) and Japanese Excel's (Shift_JIS) decode as each other without an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from effect_desktop.bootstrap import Profile
from effect_desktop.interchange.csv_import import mapping_from_args, table_candidates
from effect_desktop.interchange.errors import InterchangeError
from effect_desktop.interchange.importer import apply_import, plan_import
from effect_desktop.interchange.word_table import read_word_table

from .conftest import word_rows

FRENCH = [("bouteille", "bottle"), ("élève", "pupil"), ("garçon", "boy"), ("œuf", "egg"), ("frère", "brother")]
GERMAN = [("Straße", "street"), ("Mädchen", "girl"), ("Größe", "size"), ("Café", "café – coffee shop"),
          ("Preis", "price: 2,50 €"), ("don’t", "“nicht”")]
JAPANESE = [("猫", "cat"), ("apple", "ﾘﾝｺﾞ"), ("orange", "ｵﾚﾝｼﾞ"), ("Tシャツ", "T-shirt"), ("X線", "X-ray"),
            ("CDを買う", "to buy a CD"), ("abandon", "捨てる，見捨てる")]


def imported(profile: Profile, path: Path) -> list[tuple[str, str]]:
    table = read_word_table(path)
    parsed = table_candidates(table, mapping_from_args(table, []))
    apply_import(profile.service, plan_import(profile.queries, parsed, "skip"), skip_bad_rows=False)
    return [(text, meaning) for text, meaning, *_ in word_rows(profile)]


@pytest.mark.parametrize(("rows", "encoding", "label"), [
    (FRENCH, "cp1252", "cp1252"), (GERMAN, "cp1252", "cp1252"), (JAPANESE, "cp932", "cp932")],
    ids=["french-excel", "german-excel", "japanese-excel"])
def test_a_list_from_excel_is_read_in_the_encoding_it_was_saved_in(profile: Profile, tmp_path: Path,
                                                                   rows: list[tuple[str, str]], encoding: str,
                                                                   label: str) -> None:
    """The French list was read as Shift_JIS and stored as "駘钁e", "gar輟n", "忖f" with "5 words added";
    the German one was refused; the half-width katakana (ﾘﾝｺﾞ, common in older Japanese sheets) was refused
    as "not Shift_JIS"."""
    path = tmp_path / "words.csv"
    path.write_bytes("".join(f"{word};{meaning}\r\n" for word, meaning in rows).encode(encoding))
    assert read_word_table(path).encoding == label
    assert sorted(imported(profile, path)) == sorted(rows)


@pytest.mark.parametrize("word", ["élève", "garçon", "œuf", "frère", "forêt", "don’t", "Äpfel", "Straße"])
def test_one_western_word_is_not_taken_for_japanese(tmp_path: Path, word: str) -> None:
    path = tmp_path / "one.csv"
    path.write_bytes(f"{word};meaning\r\n".encode("cp1252"))
    assert read_word_table(path).encoding == "cp1252"


@pytest.mark.parametrize(("rows", "encoding"), [
    ([("DNA鑑定", "x"), ("IT企業", "y")], "cp932"),  # kanji after an acronym: Japanese compounds
    ([("PC教室", "computer room"), ("GPS機能", "GPS")], "cp932"),
    ([("å", "river"), ("ø", "island"), ("à", "to")], "cp1252"),  # a one-letter word in a cell of its own
    ([("Bär", "bear"), ("forêt", "forest")], "cp1252"),  # a capital before a misread accent: still Western
    # French quotes and Spanish marks: « » ¿ ¡ are one half-width katakana each in Shift_JIS, and "« Bonjour »"
    # was imported as "ｫ Bonjour ｻ", "ça va" as "軋 va" (found by a European-language learner helper)
    ([("ça va", "how are you"), ("« Bonjour »", "hello"), ("« Merci »", "thanks")], "cp1252"),
    ([("¡Hola!", "hello"), ("¿Qué tal?", "how are you")], "cp1252"),
    ([("l’œuf", "the egg"), ("chef-d’œuvre", "masterpiece"), ("d’été", "summer's")], "cp1252"),
    ([("boiling point", "100°"), ("freezing point", "0°"), ("fiver", "£5 note")], "cp1252"),  # read "100ｰ", "｣5"
    ([("degree", "°"), ("pound", "£"), ("section", "§"), ("copyright", "©")], "cp1252"),  # symbols alone
    ([("ｱ", "a"), ("ﾘﾝｺﾞ", "apple"), ("ｵﾚﾝｼﾞ", "orange")], "cp932"),  # a half-width kana alone among words
    ([("ｱ", "a"), ("ｲ", "i"), ("ｳ", "u"), ("ｴ", "e")], "cp932"),  # a kana chart: each alone in its cell
    ([("猫", "cat"), ("犬", "dog"), ("ｱ", "a"), ("ｲ", "i")], "cp932"),  # (read as Western, then refused)
], ids=["acronym-kanji", "acronym-kanji-2", "one-letter-cells", "capitalised-western", "french-quotes",
        "spanish-marks", "apostrophe-before-an-accent", "symbols-by-numbers", "symbols-alone", "half-width-kana",
        "half-width-kana-chart", "kanji-and-kana-chart"])
def test_small_lists_are_read_in_their_own_encoding(profile: Profile, tmp_path: Path,
                                                    rows: list[tuple[str, str]], encoding: str) -> None:
    """Two rows of "DNA鑑定", "IT企業" saved in Shift_JIS were imported as "DNAŠÓ’è" (a kanji against a
    Latin letter read as a misread accent), and a list of one-letter Nordic words was refused (found in
    review)."""
    path = tmp_path / "words.csv"
    path.write_bytes("".join(f"{word},{meaning}\r\n" for word, meaning in rows).encode(encoding))
    assert read_word_table(path).encoding == encoding
    assert sorted(imported(profile, path)) == sorted(rows)


RUSSIAN = [("яблоко", "apple"), ("кошка", "cat"), ("Москва", "Moscow"), ("США", "USA"),
           ("щука", "pike"), ("до свидания", "goodbye – «see you»")]
UKRAINIAN = [("яблуко", "apple"), ("їжак", "hedgehog"), ("єнот", "raccoon"), ("ґанок", "porch")]
BULGARIAN = [("ябълка", "apple"), ("къща", "house"), ("събота", "Saturday"), ("щастие", "happiness")]
BULGARIAN_SHORT = [("път", "road"), ("дъжд", "rain")]  # a third of the letters are ъ: still Bulgarian
POLISH = [("może", "maybe"), ("jabłko", "apple"), ("żółw", "turtle"), ("świeca", "candle"), ("zając", "hare")]
CZECH = [("příliš", "too"), ("žluťoučký", "yellow"), ("kůň", "horse"), ("český", "Czech")]


@pytest.mark.parametrize(("rows", "encoding"), [
    (RUSSIAN, "cp1251"), (UKRAINIAN, "cp1251"), (BULGARIAN, "cp1251"), (BULGARIAN_SHORT, "cp1251"),
    (POLISH, "cp1250"), (CZECH, "cp1250")],
    ids=["russian", "ukrainian", "bulgarian", "bulgarian-short", "polish", "czech"])
def test_a_cyrillic_or_central_european_list_from_excel_is_read_as_it_was_saved(
        profile: Profile, tmp_path: Path, rows: list[tuple[str, str]], encoding: str) -> None:
    """Plain "CSV" from Russian, Ukrainian or Bulgarian Excel (Windows-1251) and from Polish or Czech Excel
    (Windows-1250) was refused, and the window's Encoding list had nothing that could read it."""
    path = tmp_path / "words.csv"
    path.write_bytes("".join(f"{word};{meaning}\r\n" for word, meaning in rows).encode(encoding))
    assert read_word_table(path).encoding == encoding
    assert sorted(imported(profile, path)) == sorted(rows)


@pytest.mark.parametrize(("rows", "encoding"), [
    ([("μήλο", "apple"), ("γάτα", "cat"), ("σκύλος", "dog"), ("σπίτι", "house"), ("νερό", "water")], "cp1253"),
    ([("תפוח", "apple"), ("חתול", "cat"), ("כלב", "dog"), ("בית", "house"), ("שלום", "hello")], "cp1255"),
    ([("é", "is"), ("à", "to")], "cp1252"),  # accented letters alone: too little to tell by
], ids=["greek", "hebrew", "french-letters"])
def test_text_that_reads_as_none_of_them_is_refused_saying_what_to_do(
        tmp_path: Path, rows: list[tuple[str, str]], encoding: str) -> None:
    """Greek (Windows-1253) and Hebrew (Windows-1255) use the bytes Windows-1251 has Cyrillic letters at:
    read as Cyrillic they would be imported as nonsense ("мЮлп" for "μήλο", "ъфез" for "תפוח"), so they
    are refused with the way to name them."""
    path = tmp_path / "words.csv"
    path.write_bytes("".join(f"{word},{meaning}\n" for word, meaning in rows).encode(encoding))
    with pytest.raises(InterchangeError) as refused:
        read_word_table(path)
    assert "not UTF-8, UTF-16, Shift_JIS, Windows-1252, -1251 or -1250" in str(refused.value)
    assert "--encoding cp1252" in str(refused.value)  # latin-1 turned – € œ and curly quotes into controls
    assert "cp1253 Greek" in str(refused.value)
    named = read_word_table(path, encoding=encoding)
    assert [cells[0] for _, cells in named.rows] == [word for word, _ in rows]
