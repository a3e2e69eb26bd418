"""Files that imported correctly before the first review's fixes and misread after them (a second review).

Each test names what the fix broke: a deck whose first field is a sound, picture or number, a comma CSV
whose quoted meanings hold tabs, numbers written with separators, an older Anki export with an emptied field."""

from __future__ import annotations

from pathlib import Path

import genanki

from effect_desktop.interchange.apkg_import import read_apkg

from .test_import_misreadings import _model


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
        ("perro", "dog"), ("Hund", "dog"), ("你好", "hello"), ("Katze", "cat"), ("猫", "cat")]
