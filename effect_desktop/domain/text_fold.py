"""How two spellings of the same text are made alike: for tags, search and sorting.

Here rather than with the read models that store these forms, because the
window sorts by them too (and knows nothing of the read models' SQL).

A word or meaning is kept as the learner typed it, and compared with what
shows: characters no screen shows (a zero-width space, a soft hyphen, a
stray joiner), the emoji or text style a variation selector asks for (❤️ and
❤), and the dot a lower-cased İ keeps (Python folds "İstanbul" to
"i\u0307stanbul") are ignored by every comparison — the search, the
"already in your words" checks and a typed answer alike (`word_fold`). An
import drops the invisible characters (`without_invisible`) from the words
it reads, as they come from HTML and spreadsheets, not from a learner.
"""

from __future__ import annotations

import re
import unicodedata

# Soft hyphen, zero-width space, word joiner, BOM (zero-width no-break space) and the invisible operators.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060-\u2064\ufeff]")
# Zero-width (non-)joiners shape the letters around them in Arabic, Persian and Indic scripts and join emoji
# ("👩\u200d💻", "🐈\u200d⬛", "🙂\u200d↔\ufe0f"); between Latin letters or kana, or at a word's edge, they do
# nothing but make a word unequal.
_SCRIPTS = "\u0600-\u08ff\u0900-\u0dff\u0f00-\u0fff\u1000-\u109f\u1780-\u18af\ufb50-\ufdff\ufe70-\ufefe"
# Emoji: the blocks that hold Unicode's Extended_Pictographic characters (emoji-data.txt; the standard library
# has no such property, and tests/interchange checks these against it when the `regex` package is there), and
# the components a joined sequence carries (variation selectors, the keycap, skin tones, tag characters).
_EMOJI = ("\u00a9\u00ae\u203c\u2049\u2122\u2139\u2190-\u21ff\u2300-\u23ff\u24c2\u25a0-\u25ff"
          "\u2600-\u27bf\u2900-\u297f\u2b00-\u2bff\u3030\u303d\u3297\u3299\ufe0e\ufe0f\u20e3"
          "\U0001f000-\U0001faff\U0001fc00-\U0001fffd\U000e0020-\U000e007f")
_SHAPED = _SCRIPTS + _EMOJI
_STRAY_JOINER = re.compile(f"(?<![{_SHAPED}])[\u200c\u200d]|[\u200c\u200d](?![{_SHAPED}])")


def without_invisible(text: str) -> str:
    """`text` without the characters that change nothing on screen (see the comments above)."""
    return _STRAY_JOINER.sub("", _INVISIBLE.sub("", text))


def fold(value: str) -> str:
    """Full-width/half-width unified, case-insensitive: what makes two tags the same tag."""
    return unicodedata.normalize("NFKC", value).casefold()


_VARIATION_SELECTORS = re.compile("[\ufe0e\ufe0f]")


# Curly quotes as a Japanese input method in full-width mode, or a Mac's, Word's or Pages' smart quotes,
# write them ("Ｉ’ｍ", "l’homme"): NFKC keeps them. Read as the straight ones by every comparison: a list
# typed in Word and one typed in a terminal hold the same words.
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"'})


def as_shown(value: str) -> str:
    """`word_fold` but for case (and ß, which case folding makes "ss"): what two spellings share when
    they differ only in their capitals or ß."""
    return _VARIATION_SELECTORS.sub("", unicodedata.normalize("NFKC", without_invisible(value))).translate(_QUOTES)


def word_fold(value: str) -> str:
    """A word's text or meaning as every comparison sees it: `fold`, without what shows nothing (see the
    module's docstring), curly quotes as straight ones. Not for tags: their keys are stored in the read
    models under `fold`."""
    folded = fold(without_invisible(value))
    if "i\u0307" in folded:  # composed again after: "İ" with an acute folds as "í" typed does
        folded = unicodedata.normalize("NFC", folded.replace("i\u0307", "i"))
    return _VARIATION_SELECTORS.sub("", folded).translate(_QUOTES)


# Katakana as the hiragana of the same sound (NFKC has made half-width katakana full-width already).
_KATAKANA_AS_HIRAGANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)} | {0x30FD: 0x309D, 0x30FE: 0x309E}


# The accents and vowel points a search looks through: the combining diacritics of Latin, Greek and
# Cyrillic letters (é, ñ, ü, ё, ά once decomposed), Hebrew points and Arabic short vowels. Not kana's
# voicing marks (U+3099, U+309A: か and が are different words) nor Hangul's parts (recomposed after).
_MARKS = re.compile("[\u0300-\u036f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
                    "\u064b-\u065f\u0670]")


def without_marks(value: str) -> str:
    """`value` without the marks above: "cafe" finds "café", "ninos" finds "niños", "еж" finds "ёж"."""
    if value.isascii():
        return value
    return unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFD", value)))


# œ and æ, as a keyboard without them types them (and as they sort: "cœur" beside "coeur", not after "cz")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})


def search_fold(value: str) -> str:
    """Search form: `word_fold`, spaces and line breaks as one space (the search reads a meaning's lines as
    the word list shows them, and "padded word" finds "padded   word", as a typed answer does), either
    kana script finds the other, so りんご, リンゴ and ﾘﾝｺﾞ find one another (a learner rarely remembers
    which script a meaning was written in), and accents and the ligatures œ, æ do not matter
    (`without_marks`: a learner types "ecole" on a keyboard without é, and "école" sorts beside "ecole",
    not after "zèbre"; "oeuf" finds "œuf"). Only for searching and sorting: tags stay apart by script,
    and a typed answer right but for its accents is told so (gui/study/run.py), and "résumé" is not
    "resume" to the Add dialog."""
    return without_marks(" ".join(word_fold(value).split()).translate(_KATAKANA_AS_HIRAGANA)).translate(_LIGATURES)



def search_key(text: str, meaning: str) -> str:
    """What a word is searched by: its text and meaning, each in `search_fold`, a line break between them
    (a search for the word by its text alone, as the Add dialog's, matches the key up to it)."""
    return f"{search_fold(text)}\n{search_fold(meaning)}"


def tag_key(tag: str) -> str:
    return fold(tag.strip())


def sort_key(value: str) -> tuple[str, str]:
    """Alphabetical as a learner reads: ＡＢＣ beside abc and ｶﾀｶﾅ beside かたな (code points put
    full-width letters and half-width kana after every kana); spellings folded alike stay in a
    fixed order."""
    return search_fold(value).lstrip(_LEADING), value


# Opening punctuation a phrase starts with, passed over by sorting: "« Bonjour »", "¿Qué tal?", "¡Hola!",
# „Guten Tag“, German and Danish »Hallo« and a dialogue's dash sorted after every letter.
_LEADING = " \"'«»‹›¿¡„‚([{「『（—–-"
