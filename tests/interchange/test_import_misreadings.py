"""Ordinary files that the import's guesses misread (a review of them): each imported as it was meant.

Each test names what went wrong: a kana drill deck turned round, a plain TSV read as Anki's export, a
tab-separated .txt split at its commas, an occasional category refused, an emoji's joiner removed."""

from __future__ import annotations

from pathlib import Path

import genanki

from effect_desktop.interchange.apkg_import import read_apkg


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
        ("あ", "a"), ("ねこ", "cat"), ("nǐ hǎo", "hello"), ("Hund", "dog"), ("水", "water")]
    assert [str(choice) for choice in parsed.chosen_fields] == [
        "note type “Reading/Kanji/Meaning”: the word from its field “Kanji”, the meaning from “Meaning”"]
