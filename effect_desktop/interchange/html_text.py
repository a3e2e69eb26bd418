"""Anki fields are HTML; a word and its meaning are plain text.

Furigana is a reading written over a word, not part of it: ruby (<rt>, and the
<rp> brackets around it for old browsers) and Anki's own bracket form,
" 犬[いぬ]" (kanji, then its reading in kana), are reduced to 犬 in the word
(`word_text`). The reading is not thrown away: a Japanese learner needs it, and
the word list keeps it as the starter deck does, in full-width brackets after
the word it reads: `reading_of` gives it, for the importer to add to the
meaning, and in a meaning `meaning_text` writes 飲[の]む as 飲む（のむ） and
日本[にほん] 語[ご] as 日本語（にほんご） (it showed the brackets as typed, and
ruby's reading was dropped).

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
_FURIGANA = re.compile(rf" ?(?P<lead>[^\s\[\]{_KANJI}]*)(?P<core>[{_KANJI}][^\s\[\]]*?)"
                       r"\[(?P<reading>[\u3041-\u3096\u30a1-\u30fa\u30fc]+)\]")


def _parts(match: re.Match[str]) -> tuple[str, str, str]:
    """(text before the base, the base, its reading). Written without Anki's space, a base runs back to
    the last space (お茶[ちゃ]を飲[の]む: "お茶", then "を飲"): what comes before its first kanji is text
    of its own (お, を), unless the reading starts with it (お茶[おちゃ]). Taken into the base, the お
    and を were lost from the reading (ちゃのむ), and 食[た]べ物[もの] read たもの."""
    lead, core, reading = match["lead"], match["core"], match["reading"]
    if lead and _KANA_ONLY.fullmatch(lead) and reading.startswith(lead):
        return "", lead + core, reading
    return lead, core, reading


_KANA_ONLY = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u30fb]+")
_LEADING_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc]*")


class _Text(HTMLParser):
    """`ruby_as_brackets`: a ruby's kana reading written after its base as Anki's brackets ("漢字[かんじ]"),
    for `reading_of` and `meaning_text`; otherwise dropped."""

    def __init__(self, ruby_as_brackets: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.reading = False
        self.brackets = ruby_as_brackets
        self.base_from: int | None = None  # where the base of the ruby under way starts in `parts`
        self.rt: list[str] = []
        self.in_rp = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self.skipping += 1
        elif tag == "ruby":
            self.base_from = len(self.parts)
        elif tag == "rp":  # the brackets old browsers show around a reading: never text
            self.skipping += 1
            self.in_rp = True
        elif tag == "rt":
            self._end_reading()
            self.reading = True
        elif tag in _BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED and self.skipping:
            self.skipping -= 1
        elif tag == "rp":
            if self.in_rp:
                self.skipping -= 1
                self.in_rp = False
        elif tag == "rt" or tag == "ruby":
            self._end_reading()
            if tag == "ruby":
                self.base_from = None
        elif tag in _BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.reading:
            self.rt.append(data)
        else:
            self.parts.append(data)

    def _end_reading(self) -> None:
        """A reading ends: its base (the ruby's text since the last reading) gets it in brackets."""
        reading, self.rt = "".join(self.rt).strip(), []
        was, self.reading = self.reading, False
        if not (was and self.brackets and self.base_from is not None):
            return
        base = "".join(self.parts[self.base_from:]).strip()
        if base and _KANA_ONLY.fullmatch(reading):
            self.parts[self.base_from:] = [f" {base}[{reading}]"]
        self.base_from = len(self.parts)


def html_to_text(html: str, *, ruby_as_brackets: bool = False) -> str:
    """Visible text: tags dropped, line breaks kept (one per break), entities decoded, sounds removed."""
    parser = _Text(ruby_as_brackets)
    parser.feed(_SOUND.sub("", html))
    parser.close()
    text = without_invisible(unescape("".join(parser.parts)))
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def has_media(html: str) -> bool:
    return bool(_MEDIA.search(html))


def word_text(html: str) -> str:
    """A word on one line: its visible text with furigana (ruby or Anki's 漢字[かんじ]) reduced to the base."""
    return " ".join(_FURIGANA.sub(lambda m: "".join(_parts(m)[:2]), html_to_text(html)).split())


def reading_of(html: str) -> str | None:
    """The word's reading where its furigana gives one (犬[いぬ], 食[た]べる, ruby): the text with each
    base read aloud (いぬ, たべる); None when it has none."""
    text = " ".join(html_to_text(html, ruby_as_brackets=True).split())
    if not _FURIGANA.search(text):
        return None
    reading = "".join(_FURIGANA.sub(lambda m: _parts(m)[0] + _parts(m)[2], text).split())
    return reading if _KANA_ONLY.fullmatch(reading) else None  # part of it read only (食べ 物[もの]): none


def meaning_text(html: str) -> str:
    """A meaning's visible text, with furigana written as the starter deck writes a reading: after the
    word it reads, in full-width brackets (飲[の]む: 飲む（のむ）; 日本[にほん] 語[ご]: 日本語（にほんご）)."""
    return "\n".join(_with_readings(line) for line in html_to_text(html, ruby_as_brackets=True).split("\n"))


def _with_readings(text: str) -> str:
    """Each furigana'd base followed by its reading in full-width brackets, as Japanese text writes a
    reading inline (飲[の]む in a sentence: 飲（の）む; お 茶[ちゃ]を: お茶（ちゃ）を); bases Anki wrote side
    by side read as one (日本[にほん] 語[ご]: 日本語（にほんご）), and a field that is one word, its reading
    and its kana, whole (食[た]べる: 食べる（たべる）). Anki's marker space goes, unless it parts the
    word from Latin text ("to drink; 飲む")."""
    out: list[str] = []
    base: list[str] = []
    reading: list[str] = []
    started = [0]  # where the word under way starts in `text`

    def close(after: str, end: bool) -> None:
        if base:
            kana = _LEADING_KANA.match(after)[0]  # type: ignore[index]
            if kana and end and kana == after and not text[:started[0]].strip():  # the field is this one word
                out.append(f"{''.join(base)}{kana}（{''.join(reading)}{kana}）")
                after = ""
            else:
                out.append(f"{''.join(base)}（{''.join(reading)}）")
            base.clear()
            reading.clear()
        out.append(after)

    position = 0
    for match in _FURIGANA.finditer(text):
        lead, core, said = _parts(match)
        between = text[position:match.start()] + (match[0][:1] if match[0][:1] == " " and lead else "") + lead
        if not (base and between == ""):  # side by side: one word
            close(between, end=False)
            started[0] = match.end("core") - len(core)  # where the base starts (its kana lead with it)
            before = text[match.start() - 1] if match.start() > 0 else ""
            if match[0].startswith(" ") and not lead and before.isascii() and before.strip() and before != "]":
                out.append(" ")
        base.append(core)
        reading.append(said)
        position = match.end()
    close(text[position:], end=True)
    return "".join(out)


MAX_READING = 40  # characters: a reading field longer than that is notes, not a reading


def with_reading(meaning: str, reading: str | None, word: str) -> str:
    """The meaning with the word's reading after its first line, as the starter deck writes it
    (to eat（たべる）); as it was when there is none, it is the word itself (a kana word), or the meaning
    says it already."""
    if not reading or reading == word or reading in meaning or not meaning.strip():  # no meaning: a bad row still
        return meaning
    first, newline, rest = meaning.partition("\n")
    return f"{first}（{reading}）{newline}{rest}"
