"""What a column's values say of it, where its name says nothing (a header in another language) or
says something its values deny ("Level" over "Level 1").

A German list's header `Wort;Bedeutung;Kategorie;Schwierigkeit` was imported as a word, and its
difficulties 1–3 as tags; Memrise's `Level` column ("Level 1") was taken for the difficulty and
every row refused.
"""

from __future__ import annotations

import re
import unicodedata

_SAMPLE_ROWS = 200  # enough rows to judge a column by
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")  # 3, 2,5 (a decimal comma), 0.75
_ZEROS = re.compile(r"(?<=\d)[.,]0{1,2}$")  # 2.0, 3,00; not 1,000 (a thousand, not one)
# By its place alone, a column is the difficulty when nearly all its values are 1-5: one typo ("hard",
# a 6) made it "no field", and every difficulty of the file was dropped without a word (or became tags).
_MOSTLY = 0.75


def is_number(cell: str) -> bool:
    return bool(_NUMBER.fullmatch(unicodedata.normalize("NFKC", cell).strip()))


def _whole(cell: str) -> int | None:
    """3, and 3.0 or 3,0 as a number-formatted spreadsheet column writes it."""
    value = _ZEROS.sub("", unicodedata.normalize("NFKC", cell).strip())
    return int(value) if value.isdigit() else None


def column(rows: list[list[str]], index: int) -> list[str]:
    """The column's non-blank cells in the first rows."""
    return [cells[index] for cells in rows[:_SAMPLE_ROWS] if index < len(cells) and cells[index].strip()]


def heads_numbers(first: list[str], rows: list[list[str]]) -> bool:
    """Whether the first row is text above a column whose other rows are all numbers: a header, whatever
    language it names the columns in (a row of data has a number there too)."""
    if any(is_number(cell) for cell in first):
        return False
    return any(cell.strip() and len(values := column(rows, index)) >= 2 and all(is_number(v) for v in values)
               for index, cell in enumerate(first))


def holds_difficulties(values: list[str], *, named: bool) -> bool:
    """Whether a column can be the difficulty: named so, some of its values are whole numbers (one out of
    range is a bad row to show, not a reason to drop the column; "Level 1" and "n5" are none); by its
    place alone, nearly all of them (`_MOSTLY`) are whole numbers from 1 to 5, the others then shown as
    bad rows."""
    numbers = [_whole(value) for value in values]
    if named:
        return any(number is not None for number in numbers)
    fitting = sum(1 for number in numbers if number is not None and 1 <= number <= 5)
    return fitting >= 2 and fitting >= _MOSTLY * len(numbers)
