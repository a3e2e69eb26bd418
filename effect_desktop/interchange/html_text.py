"""Anki fields are HTML; a word and its meaning are plain text.

Furigana is a reading written over a word, not part of it: ruby's <rt> (and
the <rp> brackets around it for old browsers) are dropped everywhere, and
Anki's own bracket form, " 犬[いぬ]" (kanji, then its reading in kana), is
reduced to 犬 in the word (`word_text`). A meaning is left as written: its
brackets may be a reading the learner wants to see, or not a reading at all.

Characters that format text without showing (a soft hyphen from `&shy;`, a
zero-width space, a word joiner, a stray byte-order mark) are dropped from
every imported word (`text_fold.without_invisible`): "co\u00adoperate" looked
like "cooperate", was a second copy of it, and typing "cooperate" was graded wrong.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from ..domain.text_fold import without_invisible

_BREAKS = {"br", "div", "p", "li", "tr"}
_DROPPED = {"script", "style"}
_READING = {"rt", "rp"}  # ruby's furigana (and its fallback brackets); their end tags may be left out
_SOUND = re.compile(r"\[sound:[^\]]*\]")
_MEDIA = re.compile(r"<img\b|\[sound:|<audio\b|<video\b", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0]+")
# Anki's furigana: an optional space marking where the base starts, a base holding a kanji (anywhere: Anki's
# base runs from the space to the bracket, so 食べる[たべる] reads 食べる), a reading in kana.
_KANJI = "\u3005\u3006\u30f6\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_FURIGANA = re.compile(rf" ?([^\s\[\]]*?[{_KANJI}][^\s\[\]]*?)\[[\u3041-\u3096\u30a1-\u30fa\u30fc]+\]")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.reading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self.skipping += 1
        elif tag in _READING:
            self.reading = True
        elif tag in _BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED and self.skipping:
            self.skipping -= 1
        elif tag in _READING or tag == "ruby":
            self.reading = False
        elif tag in _BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping and not self.reading:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text: tags dropped, line breaks kept (one per break), entities decoded, sounds removed."""
    parser = _Text()
    parser.feed(_SOUND.sub("", html))
    parser.close()
    text = without_invisible(unescape("".join(parser.parts)))
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def has_media(html: str) -> bool:
    return bool(_MEDIA.search(html))


def word_text(html: str) -> str:
    """A word on one line: its visible text with furigana (ruby or Anki's 漢字[かんじ]) reduced to the base."""
    return " ".join(_FURIGANA.sub(r"\1", html_to_text(html)).split())
