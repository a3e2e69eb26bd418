"""Anki's "Notes in Plain Text" export: the header lines that say how to read it.

Since Anki 2.1.55 that export opens with lines such as `#separator:tab`,
`#html:true`, `#tags column:3`, `#deck column:1` or `#columns:Front	Back`.
Read as an ordinary word list, they were three bad rows, the notes' HTML came
in as written ("<b>食べる</b>", "to&nbsp;drink") and the tags became the
category. Here they are taken at their word: which delimiter, whether the
cells are HTML, and which column holds the tags, the deck (the category, as
for an Anki package) or what is left out (the note's id and type).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_LINE = re.compile(r"#([A-Za-z ]+):(.*)")
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


def read_header(text: str) -> AnkiText | None:
    """The export's header lines at the start of `text`, or None when it has none."""
    settings: dict[str, str] = {}
    count = 0
    for line in text.splitlines():
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
    return AnkiText(count, delimiter if delimiter else None, settings.get("html", "").lower() == "true", columns,
                    names.split(delimiter or "\t") if names else None)
