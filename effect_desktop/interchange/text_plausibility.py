"""Whether bytes decoded one way read as a language's text, or as another encoding's bytes misread.

A file that is not UTF-8 is, from a spreadsheet, most often Shift_JIS (Japan) or Windows-1252 (plain
"CSV" from Western European Excel), and many Windows-1252 files decode as Shift_JIS without an error:
à–ï and œ, dashes and curly quotes (0x80–0x9F, 0xE0–0xEF) are Shift_JIS lead bytes that take the
next letter as their second byte, so "garçon" reads "gar輟n" and "forêt" "for蔭". What tells them
apart is where the non-ASCII characters sit. Japanese fills cells between delimiters and spaces,
and where it meets a Latin letter it mostly holds kana ("Tシャツ", "CDを"); a Western word's accented
letters sit inside the word, so its misreading puts a lone kanji (or a half-width katakana, from
Ä Ö Ü ß) against Latin letters. Japanese misread as Windows-1252 gives runs of accented letters and
symbols that touch no Latin word, or a letter followed by a symbol no word has ("AŒ^" for "A型").

Russian, Ukrainian or Bulgarian Excel saves plain "CSV" as Windows-1251, and Polish, Czech or Hungarian
Excel as Windows-1250. Cyrillic read as Windows-1252 is runs of accented letters touching no Latin word
("ñëîâî" for "слово"), so it reads as neither; read as Windows-1251 it is Cyrillic words standing apart
from the Latin ones. The other readings do not pass that: a Western word read as Windows-1251 holds a
Cyrillic letter inside it ("garзon"), and Japanese its kana's lead bytes, ‚ and ѓ, which no Russian,
Ukrainian or Bulgarian word has.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_RUNS = re.compile(r"[^\x00-\x7f]+")
_KANA = re.compile(r"[\u3041-\u30ff]")  # Japanese beside a Latin letter holds kana; a misreading seldom does
_MOJIBAKE_SHARE = 0.5  # of the Japanese runs, at most this many look like a misread Western letter
# One half-width katakana alone against a Latin word or a number (a space between at most) is a Western symbol or
# capital misread (« » ¿ ¡ Ä É: 0xA1-0xDF are half-width katakana in Shift_JIS): French « Bonjour » read
# "ｫ Bonjour ｻ", and was imported so. Half-width kana in a real list spell words ("ﾘﾝｺﾞ"), several
# together, or stand in a cell of their own (a kana chart: "ｱ,a").
_HALF_WIDTH_KANA = re.compile("[\uff61-\uff9f]")
# ... and a half-width mark or small kana alone (｡｢｣､･ｰ, ｧ-ｯ: £ ° § © and the like) is no kana of a chart,
# wherever it stands
_HALF_WIDTH_MARK = re.compile("[\uff61-\uff65\uff67-\uff70]")
_JAPANESE_SHARE = 0.8  # of the non-ASCII characters, at least this many are Japanese
_WESTERN_SHARE = 0.8  # of the runs of accented letters, at least this many are inside a Latin word
_ACCENTED_SHARE = 0.3  # of a Western text's letters, at most this many are accented
# Windows-1252's punctuation and symbols a Western list uses (dashes, quotes, €, °, ½…), apart from letters
_WESTERN_SYMBOLS = set("€‚„…†‡‰‹›‘’“”•–—˜™¡¢£¥§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿×÷\u00a0\u00ad")
_IN_A_WORD = set("’'·-\u00ad")  # symbols a word holds between its letters: don’t, l·l
# ASCII that follows a Shift_JIS lead byte as its second byte, but never an accented letter in a word
_SECOND_BYTES = set("@[\\]^_`{|}~")


def reads_as_japanese(text: str) -> bool:
    """Japanese characters, and few runs of them without kana beside a Latin letter ("gar輟n",
    "for蔭", "Straﾟe" are a Western word misread), but for kanji after an acronym: "DNA鑑定", "IT企業",
    "PC教室" are Japanese compounds, and a Western word in capitals has capital accents, which read as
    half-width katakana, not as kanji (É is 0xC9, a one-byte character in Shift_JIS)."""
    return _japanese(text, lambda start, end: _ascii_letter(text, end) or (
        _ascii_letter(text, start - 1) and not (_is_kanji_run(text[start:end]) and _acronym_before(text, start))))


def may_be_japanese(text: str) -> bool:
    """Japanese characters, and few runs of them without kana followed by a Latin letter: "X線" and
    "W杯" have theirs before, a misread word inside ("gar輟n", "駘钁e"). Weaker than `reads_as_japanese`
    ("for蔭" passes): taken when the text does not read as Western either."""
    return _japanese(text, lambda start, end: _ascii_letter(text, end))


def _japanese(text: str, misread: Callable[[int, int], bool]) -> bool:
    others = [ch for ch in text if ord(ch) > 127]
    if not others:
        return True
    if sum(1 for ch in others if _is_japanese(ch)) < _JAPANESE_SHARE * len(others):
        return False
    runs = list(_RUNS.finditer(text))
    suspect = sum(1 for run in runs if _HALF_WIDTH_MARK.fullmatch(run.group()) or (
                      _HALF_WIDTH_KANA.fullmatch(run.group()) and _by_a_latin_word(text, run.start(), run.end()))
                  or (not _KANA.search(run.group()) and misread(run.start(), run.end())))
    return suspect <= _MOJIBAKE_SHARE * len(runs)


def reads_as_western(text: str) -> bool:
    """Every non-ASCII character is a Latin letter or Western punctuation; the accented letters sit inside
    Latin words ("garçon", "élève", or a word of one letter, "à") and are few among the letters; and no
    symbol sits between two letters ("mo¿e" is Polish read in the wrong code page), nor an ASCII symbol
    straight after an accented letter ("AŒ^")."""
    runs = list(_RUNS.finditer(text))
    accented = letter_runs = in_words = 0
    for run in runs:
        chars, start, end = run.group(), run.start(), run.end()
        if not all(_is_latin_letter(ch) or ch in _WESTERN_SYMBOLS for ch in chars):
            return False
        letters = sum(1 for ch in chars if _is_latin_letter(ch))
        symbols = {ch for ch in chars if not _is_latin_letter(ch)}
        # (an apostrophe before an accented letter is a word's too: "l’œuf", "d’été")
        if symbols and _between_letters(text, start, end) and not symbols <= _IN_A_WORD:
            return False
        if letters and text[end:end + 1] in _SECOND_BYTES:
            return False
        if letters:
            accented += letters
            letter_runs += 1
            in_words += _beside_latin(text, start, end) or _one_letter_word(text, start, end)
    if letter_runs and in_words < _WESTERN_SHARE * letter_runs:
        return False
    ascii_letters = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return accented <= _ACCENTED_SHARE * (accented + ascii_letters)


# The letters of the languages written in Windows-1251 (Russian, Ukrainian, Belarusian, Bulgarian), and
# the punctuation their lists use; Serbian and Macedonian letters (ђ ѓ џ …) are left out: they are also
# the lead bytes of Japanese kana and kanji.
_CYRILLIC = set("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяІіЇїЄєҐґЎў")
_CYRILLIC_SYMBOLS = set("№«»—–“”„…’‘•·°€\u00a0\u00ad")
_APART_SHARE = 0.8  # of the Cyrillic words, at least this many stand apart from Latin letters and read as words
# Ш Щ Ъ are rare in these languages (under 4% of the letters even in Bulgarian, which writes Ъ as a vowel;
# a short list can hold many more); Hebrew saved as Windows-1255 reads as lower-case Cyrillic in which
# ת ש ר, frequent letters, are ъ щ ш, and many of its words have no vowel there ("лмб" for "כלב").
_RARE = set("шщъШЩЪ")
_RARE_SHARE = 0.35  # "път", "дъжд": a third in a short Bulgarian list
_VOWELS = set("аеёиоуыэюяіїєўъАЕЁИОУЫЭЮЯІЇЄЎЪ")
_CASED_WORD = re.compile(r"[А-ЯЁІЇЄҐЎ]?[а-яёіїєґў]*|[А-ЯЁІЇЄҐЎ]+")


def reads_as_cyrillic(text: str) -> bool:
    """Every non-ASCII character is a Cyrillic letter of those languages or their punctuation; the
    Cyrillic words stand apart from Latin letters ("яблоко,apple"; not "garзon"), are cased as words
    are (Greek's accented vowels read as capitals inside a word: "мЮлп" for "μήλο"); Ш Щ Ъ are not
    frequent; and most are words, not letters alone."""
    words = apart = letters = rare = longer = 0
    for run in _RUNS.finditer(text):
        chars = run.group()
        if not all(ch in _CYRILLIC or ch in _CYRILLIC_SYMBOLS for ch in chars):
            return False
        cyrillic = [ch for ch in chars if ch in _CYRILLIC]
        if cyrillic:
            words += 1
            longer += len(cyrillic) > 1
            letters += len(cyrillic)
            rare += sum(1 for ch in cyrillic if ch in _RARE)
            apart += all(_reads_as_a_word(part) for part in re.split(r"[^\w]+", chars) if part) and not (
                _beside_latin(text, run.start(), run.end()))
    # letters alone ("é;is", "à;to" read as "й", "а") are too little to tell by
    return longer > 0 and longer >= words / 2 and apart >= _APART_SHARE * words and rare <= _RARE_SHARE * letters


def _reads_as_a_word(word: str) -> bool:
    """Cased as a word, not starting with a letter no word starts with (ъ ь ы: "ъфез" is "תפוח"), and with a
    vowel unless it is one letter or an abbreviation."""
    if not _CASED_WORD.fullmatch(word) or word[0] in "ъьыЪЬЫ":
        return False
    return len(word) < 2 or word.isupper() or any(ch in _VOWELS for ch in word)


def _is_japanese(ch: str) -> bool:
    code = ord(ch)  # kana, kanji, full- and half-width forms (ﾘﾝｺﾞ: old spreadsheets), Japanese punctuation
    return (0x3000 <= code <= 0x30FF or 0x4E00 <= code <= 0x9FFF or 0xFF00 <= code <= 0xFFEF
            or unicodedata.category(ch) in ("Po", "Ps", "Pe", "Sm", "So"))


def _is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and "LATIN" in unicodedata.name(ch, "")


def _ascii_letter(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isascii() and text[index].isalpha()


def _acronym_before(text: str, index: int) -> bool:
    """Two capitals or more, a word of their own, just before `index` ("DNA", "IT"; not "B" of "Bär",
    whose ä reads as a kanji taking the r)."""
    start = index
    while start > 0 and text[start - 1].isascii() and text[start - 1].isupper():
        start -= 1
    return index - start >= 2 and not _ascii_letter(text, start - 1)


def _is_kanji_run(run: str) -> bool:
    return all(0x4E00 <= ord(ch) <= 0x9FFF for ch in run)


def _by_a_latin_word(text: str, start: int, end: int) -> bool:
    """A Latin letter or a digit just before or after, or one space away ("100°" read "100ｰ", "£5" "｣5")."""
    before = start - 2 if start >= 2 and text[start - 1] == " " else start - 1
    after = end + 1 if text[end:end + 1] == " " else end
    return any(0 <= i < len(text) and text[i].isascii() and text[i].isalnum() for i in (before, after))


def _beside_latin(text: str, start: int, end: int) -> bool:
    return _ascii_letter(text, start - 1) or _ascii_letter(text, end)


def _between_letters(text: str, start: int, end: int) -> bool:
    return _ascii_letter(text, start - 1) and _ascii_letter(text, end)


def _one_letter_word(text: str, start: int, end: int) -> bool:
    """"à la", "é" (Portuguese "is"), "å" (a river) in a cell of its own: an accented letter that is a
    word of its own, nothing of a word beside it."""
    return end - start == 1 and not _word_char(text, start - 1) and not _word_char(text, end)


def _word_char(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isalnum()
