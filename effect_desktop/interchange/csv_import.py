"""Reading a CSV or TSV word list: encoding, delimiter, header and column mapping.

`read_word_table` turns the bytes into rows with their line numbers (shown in
the GUI's preview), `guess_mapping` proposes which column is which field
from the header names (English and Japanese), and `table_candidates` checks
each row with the domain's rules. Nothing here writes to a profile.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.text_fold import without_invisible
from ..domain.word import split_tags
from ..gc_pause import without_gc
from ..wording import counted
from .anki_text import AnkiText, deck_category, holds_anki_signs, looks_like_anki_html, older_export
from .anki_text import read_header as read_anki_header
from .candidates import FIELDS, Parsed, Progress, RowProblem, check_row, tick
from .column_values import column, heads_numbers, holds_difficulties, is_number
from .encodings import decode, file_lines
from .errors import InterchangeError
from .formula_cells import undefused
from .html_text import has_media, html_to_text, word_text
from .separators import continued_meaning, refuse_unsplit
from .workbooks import refuse_a_workbook

IGNORE = "ignore"
_CLOZE = re.compile(r"\{\{c\d+::")
DELIMITERS = {",": "comma", "\t": "tab", ";": "semicolon", "|": "vertical bar"}
MAX_FIELD = 64 * 1024  # a longer cell is not a word or a meaning: reported, not loaded
MAX_FILE = 512 * 1024 * 1024
_SNIFF_CHARS = 64 * 1024  # usually holds the 50 lines the delimiter is guessed from
_HEADER_NAMES = {
    "text": {"text", "word", "words", "front", "term", "expression", "vocabulary", "question", "kanji", "単語", "語",
             "英単語", "表現", "見出し語", "漢字", "おもて", "表", "問題"},
    "meaning": {"meaning", "meanings", "back", "definition", "translation", "answer", "意味", "訳", "和訳",
                "日本語訳", "英訳", "うら", "裏", "答え", "解答"},
    "category": {"category", "deck", "part of speech", "pos", "カテゴリ", "カテゴリー", "分類", "品詞"},
    "tags": {"tags", "tag", "labels", "タグ"},
    "difficulty": {"difficulty", "level", "難易度", "レベル"},
}
# A reading is not the meaning beside one (Kanji,Reading,English), but is when nothing else is: Kanji,Reading
# and 漢字,読み are learnt as 猫 → ねこ.
_READINGS = {"reading", "readings", "furigana", "kana", "hiragana", "yomi", "読み", "読み方", "よみ", "ふりがな",
             "フリガナ", "かな"}
# A column named after a language ("English,Japanese", "英語,日本語") holds that language, which says
# nothing of word or meaning: the first such column is the word (the language the list teaches), the next
# its meaning. A row naming one language twice ("English,英語") is a word and its translation.
_LANGUAGES = {
    "en": {"english", "英語", "eigo"}, "ja": {"japanese", "日本語", "nihongo"},
    "fr": {"french", "français", "francais", "フランス語"}, "de": {"german", "deutsch", "ドイツ語"},
    "es": {"spanish", "español", "espanol", "スペイン語"}, "it": {"italian", "italiano", "イタリア語"},
    "pt": {"portuguese", "português", "ポルトガル語"}, "ru": {"russian", "ロシア語"},
    "zh": {"chinese", "中国語", "中文"}, "ko": {"korean", "韓国語", "한국어"},
}


@dataclass
class WordTable:
    """A parsed file before mapping: what the preview shows."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (first line of the record, cells)
    delimiter: str
    encoding: str
    has_header: bool
    problems: list[RowProblem] = field(default_factory=list)  # records the CSV reader could not split
    named: int | None = None  # how many columns the header names (None: no header)
    anki: AnkiText | None = None  # Anki's plain-text export: its header lines said how to read it
    usual: int = 0  # how many cells most rows have (a file without a header: the columns mapped by position)
    # Some cell holds Anki's markup, though the file has no header lines: it may be older Anki's export (read
    # so only on strong evidence, in `anki`), and the learner has the last word (`as_anki`).
    anki_markup: bool = False
    anki_signs: bool = False  # read as written, though some rows hold markup only Anki's editor writes

    @property
    def column_count(self) -> int:
        return len(self.headers)


_HISTORY_START = b'{"format":"effect-desktop/events"'  # the first line of a JSONL export (jsonl.py)
HISTORY_GIVEN = ("This file is an Effect Desktop history (a JSONL export), not a word list. A whole history "
                 "is brought back from the command line: effect-desktop import FILE --format jsonl.")


def refuse_a_history(start: bytes) -> None:
    """The app's own history export, offered as a word list (the window's dialog lists every file): it was
    read as a CSV of one column, offering a fragment of its JSON as a word."""
    if start.lstrip(b"\xef\xbb\xbf \t\r\n").replace(b" ", b"").startswith(_HISTORY_START):
        raise InterchangeError(HISTORY_GIVEN)


def read_word_table(path: Path, *, delimiter: str | None = None, encoding: str | None = None,
                    header: bool | None = None, as_anki: bool | None = None) -> WordTable:
    """`header`: whether the first row names the columns (None: decide from what it says); `as_anki`: whether
    a tab-separated file without Anki's header lines is older Anki's export (None: decide from its markup)."""
    try:
        with path.open("rb") as handle:
            refuse_a_history(handle.read(len(_HISTORY_START) + 8))
        size = path.stat().st_size
        if size > MAX_FILE:
            raise InterchangeError(f"{path.name} is {size // (1024 * 1024)} MB; a word list of at most "
                                   f"{MAX_FILE // (1024 * 1024)} MB can be imported.")
        data = path.read_bytes()
    except OSError as error:
        raise InterchangeError(f"{path} could not be read: {error.strerror or error}.") from None
    if delimiter is None and path.suffix.lower() in (".tsv", ".tab"):
        delimiter = "\t"
    hint = "," if path.suffix.lower() == ".csv" else "\t"
    return parse_word_table(data, delimiter=delimiter, encoding=encoding, header=header, as_anki=as_anki, hint=hint)


@without_gc  # a row's list of cells per line, all alive until the end (see gc_pause.py)
def parse_word_table(data: bytes, *, delimiter: str | None = None, encoding: str | None = None,
                     header: bool | None = None, as_anki: bool | None = None, hint: str = "\t") -> WordTable:
    """`hint`: the delimiter that wins a tie (a comma for a file named .csv)."""
    refuse_a_workbook(data)
    if data.startswith(b"PK\x03\x04"):  # read as text, a zip failed as "line 62 is not valid UTF-16"
        raise InterchangeError("This file is a zip archive, not a word list; an Anki deck is imported as an "
                               "Anki package (a file ending in .apkg, or --format apkg).")
    refuse_a_history(data[:len(_HISTORY_START) + 8])
    if data.startswith(b"SQLite format 3\x00"):
        raise InterchangeError("This file is a database, not a word list; export the words from that program "
                               "as CSV.")
    text, used = decode(data, encoding)
    if not text.strip():
        raise InterchangeError("The file is empty: there are no words to import.")
    anki = read_anki_header(text)
    lines = file_lines(text, keepends=True)
    if anki is not None:  # "#separator:tab"…: not rows, but how to read the rows
        lines = lines[anki.lines:]
        delimiter = delimiter or anki.delimiter
        if anki.names is not None and header is None:
            lines = [delimiter_join(anki.names, delimiter or "\t"), *lines]
            header = True
        elif header is None:
            header = False  # Anki writes no header row (the names, if any, are in "#columns:")
    chosen = delimiter or sniff_delimiter("".join(lines), hint)
    records, problems = _records(lines, chosen)
    if anki is not None:
        shift = anki.lines - (1 if anki.names is not None and header else 0)
        records = [(line + shift, cells) for line, cells in records]
        problems = [RowProblem(problem.line + shift, problem.reason) for problem in problems]
    if not records:
        raise InterchangeError(_unreadable("No readable rows were found in the file", problems))
    markup = signs = False
    if anki is None and chosen == "\t" and not header and (header is False or not _looks_like_header(records[0][1])):
        rows = [cells for _, cells in records]
        markup = looks_like_anki_html(cell for cells in rows for cell in cells)
        if as_anki or (as_anki is None and markup):  # older Anki's export: no header lines, HTML
            anki = older_export(rows, sure=bool(as_anki))
            header = False if anki is not None else header
        signs = anki is None and markup and holds_anki_signs(rows)
    if header is None:  # named in words it knows, or text above a column of numbers (in any language)
        header = _looks_like_header(records[0][1]) or heads_numbers(records[0][1], [c for _, c in records[1:201]])
    has_header = header
    width = max(len(cells) for _, cells in records)
    if has_header:
        names = [cell.strip() or column_name(i) for i, cell in enumerate(records[0][1])]
        headers = names + [column_name(i) for i in range(len(names), width)]
        records = records[1:]
        if not records:
            raise InterchangeError(_unreadable("The file has only its header row: there are no words to import",
                                               problems))
    else:
        headers = [column_name(i) for i in range(width)]
    return WordTable(headers, records, chosen, used, has_header, problems, named=len(names) if has_header else None,
                     anki=anki, usual=_usual_width(records), anki_markup=markup, anki_signs=signs)


def _usual_width(records: list[tuple[int, list[str]]]) -> int:
    """How many cells most rows have (the larger on a tie): a column only a few rows fill is more likely an
    unquoted comma splitting a meaning ("run,to move fast, on foot") than a column of its own, unless it
    reads as an occasional category."""
    counts = Counter(len(cells) for _, cells in records)
    usual = max(counts, key=lambda width: (counts[width], width)) if counts else 0
    return usual + 1 if usual == 2 and _occasional_category(records) else usual


_PROSE = re.compile(r"[.,;:!?。、，]")
_CATEGORY_CHARS = 30
_CATEGORY_VALUES = 12


def _occasional_category(records: list[tuple[int, list[str]]]) -> bool:
    """Whether the third cell a few rows of a two-column list have is a category ("apple,りんご,fruit"): short,
    a handful of values that repeat, no space after the delimiter, nothing a sentence has. The end of a
    meaning cut at an unquoted comma (" on foot") starts with a space and reads as prose; it stays a bad row."""
    values = [cells[2] for _, cells in records if len(cells) > 2 and cells[2].strip()]
    if len(values) < 2 or any(len(cells) > 3 or _cut_number(cells) for _, cells in records):
        return False
    if any(value != value.strip() or len(value) > _CATEGORY_CHARS or len(value.split()) > 3 or _PROSE.search(value)
           for value in values):
        return False
    distinct = len(set(values))  # a category names several words: some value repeats, and there are few
    return distinct < len(values) and distinct <= _CATEGORY_VALUES


_DIGITS = re.compile(r"[0-9]+")


def _cut_number(cells: list[str]) -> bool:
    """Whether the third cell is the tail of a number cut at an unquoted comma: a thousands separator
    ("千,1,000": digits, then three digits) or a decimal comma ("anderthalb,1,5": digits, then digits)."""
    if len(cells) < 3 or not _DIGITS.fullmatch(cells[2]):
        return False
    return bool(_DIGITS.fullmatch(cells[1])) or (cells[1][-1:].isdigit() and len(cells[2]) == 3)


def _unreadable(nothing: str, problems: list[RowProblem]) -> str:
    """Why no row is left: the rows the reader refused, if there were any (a file whose one word
    has a cell too long is not "only its header row"), else `nothing`."""
    if not problems:
        return f"{nothing}."
    more = f" (and {counted(len(problems) - 1, 'other line')} that cannot be read)" if len(problems) > 1 else ""
    return f"No row of the file can be imported: {problems[0]}{more}."


def delimiter_join(cells: list[str], delimiter: str) -> str:
    """One CSV line of these cells (quoted where needed)."""
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerow(cells)
    return out.getvalue()


def column_name(index: int) -> str:
    """The name of a column the file does not name (the CLI's `--map` accepts it; the GUI translates it)."""
    return f"Column {index + 1}"


def sniff_delimiter(text: str, hint: str = "\t") -> str:
    """The delimiter that splits the first lines into the same number (>1) of columns most often.

    `hint` (tab unless the file is named .csv) wins a tie, and a line that another delimiter splits with a
    tab left inside an unquoted cell does not vote for it: a tab-separated list whose meanings hold one comma
    each ("run<TAB>to move fast, on foot") split as well at the comma, and came in as the word "run<TAB>to
    move fast" meaning "on foot". A tab in a quoted cell is the cell's own (a CSV's "りんご<TAB>(fruit)")."""
    head = file_lines(text[:_SNIFF_CHARS])
    if len(head) <= 50:  # fewer lines in the head than the sample needs: split the whole text
        head = file_lines(text)
    lines = [line[:4096] for line in head[:50] if line.strip()]  # (past 50, the head's lines are whole)
    best, best_score = ",", -1
    for candidate in (hint, *(d for d in DELIMITERS if d != hint)):
        counts = [_column_count(line, candidate) for line in lines
                  if candidate == "\t" or not _tab_in_a_cell(line, candidate)]
        usable = [c for c in counts if c > 1]
        if not usable:
            continue
        common = max(set(usable), key=usable.count)
        score = usable.count(common) * 10 + common
        if score > best_score:
            best, best_score = candidate, score
    return best


def _tab_in_a_cell(line: str, delimiter: str) -> bool:
    """Whether the delimiter leaves a tab inside an unquoted cell (a quoted cell may hold one as its text)."""
    try:
        cells = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return False
    return any("\t" in cell and f'"{cell.replace(chr(34), chr(34) * 2)}"' not in line for cell in cells)


def _column_count(line: str, delimiter: str) -> int:
    try:
        return len(next(csv.reader([line], delimiter=delimiter), []))
    except csv.Error:  # an unclosed quote in a clipped line: no vote
        return 0


def _records(lines: list[str], delimiter: str) -> tuple[list[tuple[int, list[str]]], list[RowProblem]]:
    """The non-blank records with their first line's number (the reader counts the lines it takes)."""
    reader = csv.reader(lines, delimiter=delimiter)
    records: list[tuple[int, list[str]]] = []
    problems: list[RowProblem] = []
    old_limit = csv.field_size_limit(MAX_FIELD)
    try:
        while True:
            start = reader.line_num + 1
            try:
                for cells in reader:  # the fast path; a record the reader refuses resumes the loop
                    if reader.line_num > start and (stray := _stray_quote(lines, start, reader.line_num,
                                                                           delimiter, records)):
                        problems.append(RowProblem(start, stray))
                    elif "".join(cells).strip():  # some cell is not blank
                        records.append((start, cells))
                    start = reader.line_num + 1
                break
            except csv.Error as error:
                reason = (f"a cell is longer than {MAX_FIELD:,} characters" if "field larger" in str(error)
                          else f"the line could not be split into columns ({error})")
                problems.append(RowProblem(start, reason))
    finally:
        csv.field_size_limit(old_limit)
    return records, problems


def _stray_quote(lines: list[str], first: int, last: int, delimiter: str,
                 before: list[tuple[int, list[str]]]) -> str | None:
    """Why a record over lines first..last is a quote gone wrong, or None for a real multi-line cell.

    A quote that is never closed takes every line after it into one cell; one left open until a
    later quote takes the lines between. Either way rows vanished into a cell without a word said
    (an import reported "1 bad row" and left out seven). A cell may hold line breaks (spreadsheets
    write them so), but not the rest of the file, nor lines that split like the rows around them."""
    taken = lines[first - 1:last]
    if last == len(lines):
        try:
            for _ in csv.reader(taken, delimiter=delimiter, strict=True):
                pass
        except csv.Error:
            return (f"a quote (\") opens a cell here that is never closed, so the {counted(last - first, 'line')} "
                    "after it were read into that one cell; close the quote or remove it")
    width = len(before[-1][1]) if before else 0
    if width > 1:
        alike = sum(1 for line in taken[1:] if _column_count(line, delimiter) == width)
        if alike >= 2:
            return (f"a quote (\") opens a cell here that runs on to line {last}, taking in "
                    f"{counted(alike, 'line')} that look like rows of their own; a quote is missing or one "
                    "too many")
    return None


def _header_field(cell: str) -> str | None:
    name = _name(cell)
    for field_name, names in _HEADER_NAMES.items():
        if name in names or name == field_name:
            return field_name
    return None


def _name(cell: str) -> str:
    return unicodedata.normalize("NFKC", cell).strip().casefold()


def _language(cell: str) -> str | None:
    name = _name(cell)
    return next((code for code, names in _LANGUAGES.items() if name in names), None)


def _header_fields(cells: list[str]) -> list[str | None]:
    """The field each cell names, languages included: the first language column is the word's and the
    next the meaning's, unless another cell names them ("word,日本語": 日本語 is the meaning)."""
    fields = [_header_field(cell) for cell in cells]
    languages = [index for index, cell in enumerate(cells) if fields[index] is None and _language(cell)]
    if len({_language(cells[index]) for index in languages}) < len(languages):
        return fields  # "English,英語": one language named twice is a word and its translation, not a header
    free = [name for name in ("text", "meaning") if name not in fields]
    for index, name in zip(languages, free, strict=False):
        fields[index] = name
    readings = [index for index, cell in enumerate(cells) if fields[index] is None and _name(cell) in _READINGS]
    if readings and "text" in fields and "meaning" not in fields:
        fields[readings[0]] = "meaning"
    return fields


def _looks_like_header(cells: list[str]) -> bool:
    """A first row names the columns when it names the word's and the meaning's, or names every column it
    fills with at least two fields; one cell that happens to be a field's name ("back,背中") is a word."""
    if any(c.strip().isdigit() for c in cells):
        return False
    named = [field_name for cell, field_name in zip(cells, _header_fields(cells), strict=True) if cell.strip()]
    fields = set(named) - {None}
    return {"text", "meaning"} <= fields or (len(fields) >= 2 and None not in named)


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
        named = _header_fields(table.headers[:table.named])
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
    return [word_text(cell) if mapping.get(index) == "text" else html_to_text(cell)
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
    if anki.html:
        if isinstance(values.get("text"), str):
            values["text"] = word_text(values["text"])
        if isinstance(values.get("meaning"), str):
            values["meaning"] = html_to_text(values["meaning"])
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
            parsed.problems.append(RowProblem(line, f"{counted(len(cells), 'column')}; the mapping needs {needed}"
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
