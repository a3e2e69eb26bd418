"""Anki's "Notes in Plain Text" export: the header lines that say how to read it.

Since Anki 2.1.55 that export opens with lines such as `#separator:tab`,
`#html:true`, `#tags column:3`, `#deck column:1` or `#columns:Front	Back`.
Read as an ordinary word list, they were three bad rows, the notes' HTML came
in as written ("<b>食べる</b>", "to&nbsp;drink") and the tags became the
category. Here they are taken at their word: which delimiter, whether the
cells are HTML, and which column holds the tags, the deck (the category, as
for an Anki package) or what is left out (the note's id and type).

Older Anki (before 2.1.55) wrote the same export with no header lines: tab-
separated fields, HTML and all, and the tags last. `older_export` takes a file
for one only on strong evidence, since it then reads the HTML as text and the
last column as tags: markup only Anki's editor writes in quantity (`<br>`
between lines, `&nbsp;`, `[sound:…]`, furigana brackets, `<div>`, pictures)
on at least half of the rows, and no sign of plain text: no bare "<" or "&"
(Anki writes those as &lt; and &amp;) and no word or meaning that is markup
alone (a word "<br>" in a list of HTML terms; not the "&nbsp;" or
"<div><br></div>" Anki's editor leaves in an emptied field). One "Q&amp;A" or "<b>…</b>" is as
likely in a plain list: it turned the category "web design" into the tags
web and design. `looks_like_anki_html` (any of Anki's markup, none bare) only
says the question is worth asking: the window offers the choice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..domain.word import MAX_CATEGORY
from .encodings import file_lines

_LINE = re.compile(r"#([A-Za-z ]+):(.*)")
_TAGS = "b|i|u|s|br|hr|div|span|p|font|img|sub|sup|ruby|rb|rt|rp|ol|ul|li|strong|em|a|table|tr|td|th|tbody|code|pre"
_MARKUP = re.compile(rf"</?(?:{_TAGS})\b[^<>]*/?>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);|\[sound:[^\]]*\]",
                     re.IGNORECASE)
_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " ", "colon": ":"}
_COLUMN_FIELDS = {"tags column": "tags", "deck column": "category", "guid column": "ignore",
                  "notetype column": "ignore"}


@dataclass(frozen=True)
class AnkiText:
    lines: int  # the header lines, before the first note
    delimiter: str | None = None
    html: bool = False
    columns: dict[int, str] = field(default_factory=dict)  # 0-based column -> field ("ignore": left out)
    names: list[str] | None = None  # `#columns:` names, when given
    notetype: int | None = None  # the 0-based column naming each note's type, when given
    guessed: bool = False  # no header lines: recognised by its HTML, as older Anki wrote the export


def read_header(text: str) -> AnkiText | None:
    """The export's header lines at the start of `text`, or None when it has none."""
    settings: dict[str, str] = {}
    count = 0
    for line in file_lines(text):
        match = _LINE.fullmatch(line.strip())
        if match is None:
            break
        settings[match[1].strip().lower()] = match[2].strip()
        count += 1
    if not count:
        return None
    separator = settings.get("separator")
    delimiter = _SEPARATORS.get(separator.lower(), separator) if separator else None
    if delimiter is not None and len(delimiter) != 1:  # not one Anki writes: guessed from the rows instead
        delimiter = None
    columns: dict[int, str] = {}
    for key, name in _COLUMN_FIELDS.items():
        number = settings.get(key, "")
        if number.isdigit() and int(number) >= 1:
            columns[int(number) - 1] = name
    names = settings.get("columns")
    number = settings.get("notetype column", "")
    notetype = int(number) - 1 if number.isdigit() and int(number) >= 1 else None
    return AnkiText(count, delimiter if delimiter else None, settings.get("html", "").lower() == "true", columns,
                    names.split(delimiter or "\t") if names else None, notetype)


# Markup Anki's editor writes on many notes, and a plain list hardly ever: a line break inside a field, a
# no-break space, a sound, furigana (漢字[かんじ]), a <div> block, a picture.
_ANKI_SIGNS = re.compile(r"<br\s*/?>|&nbsp;|\[sound:[^\]]*\]|</?div\b[^<>]*>|<img\b[^<>]*>"
                         r"|[\u3005\u4e00-\u9fff][^\s\[\]<>]*\[[\u3041-\u3096\u30a1-\u30fa\u30fc]+\]", re.IGNORECASE)
_MEDIA = re.compile(r"<img\b|\[sound:", re.IGNORECASE)
_EMPTIED = re.compile(r"(?:\s|&nbsp;|<div>\s*(?:<br\s*/?>|&nbsp;)?\s*</div>)+", re.IGNORECASE)


def older_export(rows: list[list[str]], *, sure: bool = False) -> AnkiText | None:
    """How to read a tab-separated file without header lines as older Anki wrote it (its cells reduced to
    text, the last column of three or more as the tags), when the rows show it or the learner says so
    (`sure`); None for a plain list."""
    if not sure and not _written_by_anki(rows):
        return None
    width = max(len(cells) for cells in rows)
    return AnkiText(0, "\t", html=True, columns={width - 1: "tags"} if width >= 3 else {}, guessed=True)


def holds_anki_signs(rows: list[list[str]]) -> bool:
    """Some row holds markup only Anki's editor writes (<br>, &nbsp;, [sound:], <div>, a picture,
    furigana): a file read as written that may yet be Anki's export (the CLI says so). Not a list whose
    words are markup ("<br>", "<p>": a list about HTML)."""
    if _about_markup(rows):
        return False
    return any(_ANKI_SIGNS.search(cell) for cells in rows for cell in cells)


def _written_by_anki(rows: list[list[str]]) -> bool:
    """At least half of the rows hold markup Anki's editor writes, and nothing reads as plain text."""
    if not looks_like_anki_html(cell for cells in rows for cell in cells):
        return False
    if _about_markup(rows):
        return False
    marked = sum(1 for cells in rows if any(_ANKI_SIGNS.search(cell) for cell in cells))
    return marked * 2 >= len(rows)


def _about_markup(rows: list[list[str]]) -> bool:
    """A list whose words or meanings are markup ("<br>", "<p>": a list about HTML). A back that is a
    lone <br> is not a sign of one: older Anki left that in a field emptied (a four-note export with one
    such note was read as a plain list, and its meanings stored as "cat<br>kitten")."""
    return any(_only_markup(cells[0]) for cells in rows if cells) or any(
        _only_markup(cells[1]) and not _LONE_BREAK.fullmatch(cells[1]) for cells in rows if len(cells) > 1)


_LONE_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)


def _only_markup(cell: str) -> bool:
    """A word or meaning of tags and nothing to show ("<br>", "<p>" as words of a list about HTML). What
    Anki's editor leaves in a field emptied (`&nbsp;`, `<div><br></div>`) is not one, nor is a picture or a
    sound alone (a note Anki made, left out with its reason); the fields after them are only asked for
    markup, as an emptied one holds a lone `<br>` too."""
    return (bool(cell.strip()) and not _MARKUP.sub("", cell).strip() and not _MEDIA.search(cell)
            and not _EMPTIED.fullmatch(cell))


def looks_like_anki_html(cells: Iterable[str]) -> bool:
    """Some cell holds Anki's markup (<b>, <br>, <div>, &nbsp;, [sound:…]) and none a bare < or &."""
    marked = False
    for cell in cells:
        if "<" not in cell and "&" not in cell and "[sound:" not in cell:
            continue
        stripped = _MARKUP.sub("", cell)
        if "<" in stripped or "&" in stripped:
            return False
        marked = marked or len(stripped) < len(cell)
    return marked


def deck_category(deck: str) -> str:
    """The category an Anki deck becomes: none for Anki's "Default" deck (every collection has one, and
    a note there was filed nowhere), the last part of a nested name too long for a category."""
    name = "" if deck.strip() == "Default" else deck.strip()
    return name if len(name) <= MAX_CATEGORY else name.split("::")[-1][:MAX_CATEGORY]
