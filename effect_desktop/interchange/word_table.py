"""Reading a CSV or TSV word list into rows: encoding, delimiter, header, and the records with their
line numbers (shown in the GUI's preview; a bad row is reported by its line).

Nothing here says which column is which (csv_import.py) or writes to a profile.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..gc_pause import without_gc
from ..wording import counted
from .anki_text import AnkiText, holds_anki_signs, looks_like_anki_html, older_export
from .anki_text import read_header as read_anki_header
from .candidates import RowProblem
from .column_values import heads_numbers
from .encodings import decode, file_lines
from .errors import InterchangeError
from .header_names import looks_like_header
from .workbooks import refuse_a_workbook

DELIMITERS = {",": "comma", "\t": "tab", ";": "semicolon", "|": "vertical bar"}
MAX_FIELD = 64 * 1024  # a longer cell is not a word or a meaning: reported, not loaded
MAX_FILE = 512 * 1024 * 1024
_SNIFF_CHARS = 64 * 1024  # usually holds the 50 lines the delimiter is guessed from


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
                 "is brought back with File → Backups… → From a history export… (from a terminal, into an "
                 "empty profile: effect-desktop import FILE --format jsonl).")


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
    if anki is None and chosen == "\t" and not header and (header is False or not looks_like_header(records[0][1])):
        rows = [cells for _, cells in records]
        markup = looks_like_anki_html(cell for cells in rows for cell in cells)
        if as_anki or (as_anki is None and markup):  # older Anki's export: no header lines, HTML
            anki = older_export(rows, sure=bool(as_anki))
            header = False if anki is not None else header
        signs = anki is None and markup and holds_anki_signs(rows)
    if header is None:  # named in words it knows, or text above a column of numbers (in any language)
        header = looks_like_header(records[0][1]) or heads_numbers(records[0][1], [c for _, c in records[1:201]])
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
                    # (the last record too: a quote never closed on the file's last line read it as one cell)
                    if ((reader.line_num > start or reader.line_num == len(lines))
                            and (stray := _stray_quote(lines, start, reader.line_num, delimiter, records))):
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
        except csv.Error as error:
            if "end of data" not in str(error):  # a quote inside a cell ('"red" fruit'), read as written
                return None
            if last == first:
                return ("a quote (\") opens a cell here that is never closed, so the rest of the line was read as "
                        "that one cell; close the quote or remove it")
            taken_in = last - first
            return (f"a quote (\") opens a cell here that is never closed, so the {counted(taken_in, 'line')} "
                    f"after it {'was' if taken_in == 1 else 'were'} read into that one cell; close the quote or "
                    "remove it")
    width = len(before[-1][1]) if before else 0
    if width > 1:
        alike = sum(1 for line in taken[1:] if _column_count(line, delimiter) == width)
        if alike >= 2:
            return (f"a quote (\") opens a cell here that runs on to line {last}, taking in "
                    f"{counted(alike, 'line')} that look like rows of their own; a quote is missing or one "
                    "too many")
    return None
