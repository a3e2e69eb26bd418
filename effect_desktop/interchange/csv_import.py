"""Which column of a word list is which field, and its rows as words to import.

`guess_mapping` proposes the mapping from the header names (English and
Japanese, header_names.py) or the columns' contents, `mapping_from_args`
takes the CLI's, and `table_candidates` checks each row of a table
(word_table.py reads the file) with the domain's rules. Nothing here writes
to a profile.
"""

from __future__ import annotations

import re
from typing import Any

from ..domain.text_fold import without_invisible
from ..domain.word import split_tags
from ..gc_pause import without_gc
from ..wording import counted
from .anki_text import AnkiText, deck_category
from .candidates import FIELDS, Parsed, Progress, RowProblem, check_row, tick
from .column_values import column, holds_difficulties, is_number
from .errors import InterchangeError
from .formula_cells import undefused
from .header_names import header_fields
from .html_text import has_media, html_to_text, meaning_text, reading_of, with_reading, word_text
from .separators import continued_meaning, refuse_unsplit
from .word_table import WordTable

IGNORE = "ignore"
_CLOZE = re.compile(r"\{\{c\d+::")


def guess_mapping(table: WordTable) -> dict[int, str]:
    """Column index -> field: by header name, else by place (as many as most rows fill: `_by_place`);
    for Anki's plain-text export, the columns its header lines name, and its notes' first two fields."""
    if table.anki is not None and table.anki.columns:
        preset = {index: name for index, name in table.anki.columns.items() if name != IGNORE}
        fields = [index for index in range(table.column_count) if index not in table.anki.columns]
        for index, name in zip(fields, ("text", "meaning"), strict=False):
            preset[index] = name
        return preset
    rows = [cells for _, cells in table.rows[:200]]
    if table.has_header:
        mapping: dict[int, str] = {}
        named = header_fields(table.headers[:table.named])
        for index, field_name in enumerate(named):  # "Level" over "Level 1" (Memrise) is no difficulty
            if field_name == "difficulty" and not holds_difficulties(column(rows, index), named=True):
                named[index] = "category" if "category" not in named else None
        for index, field_name in enumerate(named):
            if field_name and (field_name == "tags" or field_name not in mapping.values()):
                mapping[index] = field_name
        # A row naming every column is taken at its word ("word,category" has no meaning: refused); one the
        # user called a header whose names do not place the word and meaning ("back,背中") keeps the usual order.
        if {"text", "meaning"} <= set(mapping.values()) or all(named):
            return mapping
    width = min(table.column_count, table.usual or table.column_count)  # a column only a few rows fill: reported
    return _by_place(rows, width)


def _by_place(rows: list[list[str]], width: int) -> dict[int, str]:
    """The word, the meaning and the category (lesson numbers are one), then the tags; past the category
    a column of whole numbers from 1 to 5 is the difficulty (it became tags), and another column of
    numbers (points, prices: "2,5") is no field."""
    mapping = {index: name for index, name in enumerate(("text", "meaning", "category")[:width])}
    for index in range(3, width):
        values = column(rows, index)
        if "difficulty" not in mapping.values() and holds_difficulties(values, named=False):
            mapping[index] = "difficulty"
        elif "tags" not in mapping.values() and not (values and all(is_number(value) for value in values)):
            mapping[index] = "tags"
    return mapping


def mapping_from_args(table: WordTable, pairs: list[str]) -> dict[int, str]:
    """`COL=FIELD` pairs (COL a header name or a 1-based number) over the guessed mapping."""
    mapping = guess_mapping(table)
    given: dict[int, str] = {}
    for pair in pairs:
        column, sep, field_name = pair.partition("=")
        field_name = field_name.strip().lower()
        if not sep or field_name not in (*FIELDS, IGNORE):
            raise InterchangeError(f"--map {pair!r}: use COLUMN=FIELD with FIELD one of {', '.join(FIELDS)} "
                                   f"or {IGNORE}.")
        given[_column_index(table, column.strip())] = field_name
    # The pairs replace the guess for their columns and their fields; among themselves they may give one field
    # twice: several tags columns are merged, any other field twice is refused by check_mapping.
    chosen = set(given.values())
    mapping = {i: f for i, f in mapping.items() if i not in given and f not in chosen}
    mapping.update({i: f for i, f in given.items() if f != IGNORE})
    return dict(sorted(mapping.items()))


def _column_index(table: WordTable, column: str) -> int:
    if column.isdigit() and 1 <= int(column) <= table.column_count:
        return int(column) - 1
    for index, name in enumerate(table.headers):
        if name.casefold() == column.casefold():
            return index
    raise InterchangeError(f"The file has no column {column!r}; its columns are: {', '.join(table.headers)} "
                           f"(or use numbers 1 to {table.column_count}).")


def check_mapping(mapping: dict[int, str]) -> None:
    """The word and the meaning have a column each, and no field but tags has two (one of them was lost)."""
    missing = [f for f in ("text", "meaning") if f not in mapping.values()]
    if missing:
        raise InterchangeError(f"No column is mapped to {' and '.join(missing)}; the file needs a column for "
                               "the word and one for its meaning (choose them in the mapping, or "
                               "--map COLUMN=text --map COLUMN=meaning).")
    for field_name in FIELDS:
        columns = [index + 1 for index, mapped in sorted(mapping.items()) if mapped == field_name]
        if len(columns) > 1 and field_name != "tags":
            raise InterchangeError(f"Columns {columns[0]} and {columns[1]} are both mapped to {field_name}; only "
                                   "tags can take several columns. Map one of them to another field or ignore it.")


def _unmapped_extra(cells: list[str], table: WordTable, mapping: dict[int, str]) -> str | None:
    """Why a row with more cells than the header names (or than most rows have) would lose some, or None.
    A cell with an unquoted comma ("noun,fruit", "to move fast, on foot") splits into two, and the second
    went nowhere, or into the category, without a word said."""
    width = table.named if table.named is not None else table.usual
    extra = [cell.strip() for index, cell in enumerate(cells[width:], start=width)
             if cell.strip() and index not in mapping]
    if not extra:
        return None
    shown = ", ".join(f"“{cell[:40]}”" for cell in extra[:3])
    where = f"the header names {width}" if table.named is not None else f"most rows have {width}"
    return (f"{counted(len(cells), 'cell')} where {where}, so {shown} would be left out; put "
            f"quotes around a cell that holds a {_shown_delimiter(table.delimiter)}, or map the extra column")


def _shown_delimiter(delimiter: str) -> str:
    return {"\t": "tab", ",": "comma", ";": "semicolon", "|": "bar"}.get(delimiter, repr(delimiter))


def readable_cells(table: WordTable, cells: list[str], mapping: dict[int, str]) -> list[str]:
    """A row's cells as the import reads them under `mapping` (the preview shows this): Anki's HTML in the
    word and meaning reduced to text, and without the characters no screen shows, as they are stored (the
    preview kept a stray joiner the import dropped)."""
    if table.anki is None:  # the apostrophe that kept a cell from running as a formula goes, as on import
        return [without_invisible(undefused(cell)) for cell in cells]
    if not table.anki.html:
        return [without_invisible(cell) for cell in cells]
    word = next((cell for index, cell in enumerate(cells) if mapping.get(index) == "text"), None)
    return [word_text(cell) if mapping.get(index) == "text" else
            with_reading(meaning_text(cell), reading_of(word) if word is not None else None,
                         word_text(word) if word is not None else "")
            if mapping.get(index) == "meaning" else without_invisible(cell) for index, cell in enumerate(cells)]


def _left_out_note(values: dict[str, Any], cells: list[str], anki: AnkiText) -> str | None:
    """Why a note of Anki's text export cannot be a word, as for a note of a package (nothing in the file
    to fix: it is left out and listed), or None. A picture-only or cloze note stopped the whole import
    as "Word must not be empty"."""
    sides = [(side, values.get(name)) for side, name in (("front", "text"), ("back", "meaning"))]
    if any(isinstance(html, str) and _CLOZE.search(html) for _, html in sides):
        kind = cells[anki.notetype].strip() if anki.notetype is not None and anki.notetype < len(cells) else ""
        return (f"cloze notes ({kind}) have no separate word and meaning" if kind
                else "cloze notes have no separate word and meaning")
    for side, html in sides:
        if anki.html and isinstance(html, str) and has_media(html) and not html_to_text(html):
            return f"the {side} holds only pictures or sounds, which cannot be imported"
    return None


def _markup_alone(values: dict[str, Any]) -> str | None:
    """Why a word or meaning that is HTML with no text cannot be imported, or None: read as text it is
    nothing ("<br>" as a word was refused as "Word must not be empty", with nothing to say why)."""
    for side, name in (("word", "text"), ("meaning", "meaning")):
        html = values.get(name)
        if isinstance(html, str) and html.strip() and not html_to_text(html):
            return f"the {side} “{html.strip()[:40]}” is HTML markup alone, with no text to import"
    return None


def _as_anki_wrote_it(values: dict[str, Any], anki: AnkiText) -> None:
    """Anki's cells: HTML when it says so (reduced as a package's notes are), tags apart by spaces."""
    if anki.html:  # the word's reading kept after the meaning, as from a package
        said = values.get("text")
        if isinstance(said, str):
            values["text"] = word_text(said)
        if isinstance(values.get("meaning"), str):
            values["meaning"] = with_reading(meaning_text(values["meaning"]),
                                             reading_of(said) if isinstance(said, str) else None, values["text"])
    if isinstance(values.get("tags"), str) and "tags" in anki.columns.values():
        values["tags"] = values["tags"].split()
    if isinstance(values.get("category"), str) and "category" in anki.columns.values():  # its deck column
        values["category"] = deck_category(values["category"])


@without_gc  # a candidate per row, all alive until the end (see gc_pause.py)
def table_candidates(table: WordTable, mapping: dict[int, str], progress: Progress | None = None) -> Parsed:
    """Check every row under `mapping`; problems carry the line number and the reason."""
    refuse_unsplit(table.rows[:2], table.column_count, table.delimiter)
    check_mapping(mapping)
    parsed = Parsed(problems=list(table.problems))
    needed = max(mapping) + 1
    columns = list(mapping.items())
    tag_columns = [index for index, name in columns if name == "tags"]  # several are merged, in their order
    has_difficulty = "difficulty" in mapping.values()
    meaning = next((index for index, name in columns if name == "meaning"), None)
    total = len(table.rows)
    tick(progress, 0, total)
    width = table.named if table.named is not None else table.usual
    for done, (line, cells) in enumerate(table.rows, start=1):
        if done % 2000 == 0:
            tick(progress, done, total)
        if table.anki is None:  # a cell our export (or a careful user) kept from running as a formula
            cells = [undefused(cell) for cell in cells]
        if len(cells) > width and (extra := _unmapped_extra(cells, table, mapping)):  # the cells are not a template
            parsed.problems.append(RowProblem(line, extra))
            continue
        values: dict[str, Any]
        if len(cells) >= needed:
            values = {name: cells[index] for index, name in columns}
        elif any(mapping.get(i) in ("text", "meaning") for i in range(len(cells), needed)):
            before = table.rows[done - 2] if done > 1 else None
            # the columns the word and the meaning need: a short row without the tags or difficulty imports
            core = max(index for index, name in columns if name in ("text", "meaning")) + 1
            parsed.problems.append(RowProblem(line, f"{counted(len(cells), 'column')}; the mapping needs {core}"
                                                    + continued_meaning(line, cells, before, meaning)))
            continue
        else:
            values = {name: cells[index] if index < len(cells) else "" for index, name in columns}
        if len(tag_columns) > 1:
            values["tags"] = [tag for index in tag_columns if index < len(cells) for tag in split_tags(cells[index])]
        if table.anki is not None:
            if reason := _left_out_note(values, cells, table.anki):
                parsed.problems.append(RowProblem(line, reason, left_out=True))
                continue
            if table.anki.html and (reason := _markup_alone(values)):
                parsed.problems.append(RowProblem(line, reason))
                continue
            _as_anki_wrote_it(values, table.anki)
        if has_difficulty and not values["difficulty"].strip():
            del values["difficulty"]
        check_row(line, values, parsed)
    tick(progress, total, total)
    parsed.problems.sort(key=lambda p: p.line)
    return parsed
