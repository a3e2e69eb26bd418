"""How two spellings of the same text are made alike: for tags, search and sorting.

Here rather than with the read models that store these forms, because the
window sorts by them too (and knows nothing of the read models' SQL)."""

from __future__ import annotations

import unicodedata


def fold(value: str) -> str:
    """Full-width/half-width unified, case-insensitive: what makes two tags the same tag."""
    return unicodedata.normalize("NFKC", value).casefold()


# Katakana as the hiragana of the same sound (NFKC has made half-width katakana full-width already).
_KATAKANA_AS_HIRAGANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)} | {0x30FD: 0x309D, 0x30FE: 0x309E}


def search_fold(value: str) -> str:
    """Search form: `fold`, and either kana script finds the other, so りんご, リンゴ and ﾘﾝｺﾞ find one
    another (a learner rarely remembers which script a meaning was written in). Only for searching
    and sorting: tags stay apart by script."""
    return fold(value).translate(_KATAKANA_AS_HIRAGANA)


def tag_key(tag: str) -> str:
    return fold(tag.strip())


def sort_key(value: str) -> tuple[str, str]:
    """Alphabetical as a learner reads: ＡＢＣ beside abc and ｶﾀｶﾅ beside かたな (code points put
    full-width letters and half-width kana after every kana); spellings folded alike stay in a
    fixed order."""
    return search_fold(value), value
