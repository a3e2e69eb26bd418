"""What the typing card calls a typo (one letter off) and what another word."""

from __future__ import annotations

import pytest

from effect_desktop.gui.study.run import one_slip_away


@pytest.mark.parametrize(("typed", "expected", "slip"), [
    ("strawbery", "strawberry", True),  # one left out
    ("strawberrry", "strawberry", True),  # one added
    ("strawbercy", "strawberry", True),  # one changed
    ("strwaberry", "strawberry", True),  # two neighbours swapped
    ("ＳＴＲＡＷＢＥＲＹ", "strawberry", True),  # as the answer is compared: width and case ignored
    ("stawrberry", "strawberry", False),  # two letters moved: another spelling
    ("strawberry", "strawberry", False),  # right, not a slip
    ("cut", "cat", False),  # short words: one letter is another word
    ("pear", "bear", True),
    ("banana", "apple", False),
    ("strawberries", "strawberry", False),
    # a character of Japanese says as much as a few letters: three make a word whose slip is a typo (the
    # hint needed four, and most kanji words never had it)
    ("図書舘", "図書館", True),  # a wrong pick in the input method
    ("とうきよう", "とうきょう", True),
    ("電話", "電車", False),  # two: one more is another word
    ("東京都", "東京", False),
])
def test_one_letter_off_is_a_slip_and_more_is_another_word(typed: str, expected: str, slip: bool) -> None:
    assert one_slip_away(typed, expected) is slip


def test_a_dotted_capital_i_with_an_accent_matches_the_letter_typed() -> None:
    """Python lowers "İ" to i and a combining dot; with the dot taken out, an accent after it stayed a
    combining mark, and "í" typed (one character) did not match the word written "İ́" (found in review)."""
    from effect_desktop.gui.study.run import typed_matches

    assert typed_matches("í", "İ\u0301")
    assert typed_matches("istanbul", "İstanbul")


@pytest.mark.parametrize(("typed", "expected", "accents"), [
    ("cafe", "café", True),  # a keyboard without é
    ("resume", "résumé", True),  # two accents: no hint at all before, as a wrong word
    ("ete", "été", True),
    ("la nina", "la niña", True),
    # a letter's stand-in is right as written, either way round: Russian writes е for ё in all but
    # dictionaries, and œ, æ are typed oe, ae without a key for them
    ("елка", "ёлка", False), ("ёлка", "елка", False),
    ("soeur", "sœur", False), ("curriculum vitae", "curriculum vitæ", False),
    ("CAFÉ", "café", False),  # right as it is: nothing to say
    ("cafe", "cafe", False),
    ("かっこう", "がっこう", False),  # kana's voicing marks make another word
    ("coffee", "café", False),
    ("мои", "мой", False),  # й is a letter of its own, not и with a mark
])
def test_an_answer_right_but_for_its_accents_is_right_and_said(typed: str, expected: str, accents: bool) -> None:
    """A Spanish, French or Russian learner whose keyboard lacks é, ñ or ё could never type those words
    right: each was a miss, "one letter off" at best (found by a European-language learner helper)."""
    from effect_desktop.gui.study.run import accents_only, typed_matches

    stand_in = {"ё": "е", "œ": "oe", "æ": "ae"}
    plain = "".join(stand_in.get(ch, ch) for ch in typed.casefold()), "".join(stand_in.get(ch, ch)
                                                                            for ch in expected.casefold())
    assert accents_only(typed, expected) is accents
    assert typed_matches(typed, expected) is (accents or plain[0] == plain[1])


@pytest.mark.parametrize(("typed", "expected"), [
    ("Guten Morgen", "Guten Morgen!"), ("Que tal", "¿Qué tal?"), ("Bonjour !", "« Bonjour ! »"),
    ("Qu'est-ce que c'est?", "Qu'est-ce que c'est ?"), ("どうぞ", "「どうぞ」。"), ("?", "?"),
])
def test_a_phrases_punctuation_at_its_ends_does_not_matter(typed: str, expected: str) -> None:
    """"Guten Morgen" for "Guten Morgen!" was "one letter off", wrong; "Que tal" for "¿Qué tal?" wrong with no
    hint (found by a European-language learner helper). Inside a phrase it still counts: l'homme is not lhomme."""
    from effect_desktop.gui.study.run import typed_matches

    assert typed_matches(typed, expected)
    assert not typed_matches("lhomme", "l'homme") and not typed_matches("?", "!")


@pytest.mark.parametrize(("typed", "expected", "said"), [
    ("das haus", "das Haus", True), ("Masse", "Maße", True), ("APPLE", "apple", False),
    ("good morning", "Good Morning", False), ("new york", "New York", False),  # a list in Title Case
    ("haus", "Haus", False), ("apple", "Apple", False),  # a list's capital first letter: nothing to say
    ("ｃａｔ", "cat", False), ("l’homme", "l'homme", False), ("Guten Morgen", "Guten Morgen!", False),
])
def test_an_answer_right_as_compared_but_written_otherwise_is_said(typed: str, expected: str, said: bool) -> None:
    """"das haus" for "das Haus" and "Masse" for "Maße" passed without a word: German nouns' capitals and ß
    are part of the spelling (found by a European-language learner helper)."""
    from effect_desktop.gui.study.run import spelled_otherwise, typed_matches

    assert typed_matches(typed, expected)
    assert spelled_otherwise(typed, expected) is said
