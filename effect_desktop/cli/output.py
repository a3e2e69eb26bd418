"""Printing results: tables for people, JSON for scripts."""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TextIO

from pydantic_core import to_jsonable_python


def _as_written() -> bool:
    """Whether JSON may hold its text as written: only into UTF-8. Into another encoding (Latin-1, a
    Windows code page) it is written with \\u escapes, still JSON, and readable whatever the encoding."""
    encoding = (getattr(sys.stdout, "encoding", None) or "").replace("_", "-").lower()
    return encoding in ("utf-8", "utf8")


def print_json(value: Any) -> None:
    """One write: json.dump wrote each token on its own, 2.1 million writes through the guarded output
    for 50,000 words (4.9 s where the table took 2.3)."""
    sys.stdout.write(json.dumps(to_jsonable_python(value), ensure_ascii=not _as_written(), indent=2) + "\n")


def print_json_array(items: Iterable[Any]) -> None:
    """A JSON array written an element at a time, laid out as `print_json` lays out a list."""
    out = sys.stdout
    first = True
    ascii_only = not _as_written()
    for item in items:
        out.write("[\n  " if first else ",\n  ")
        out.write(json.dumps(to_jsonable_python(item), ensure_ascii=ascii_only, indent=2).replace("\n", "\n  "))
        first = False
    out.write("[]\n" if first else "\n]\n")


def _char_width(character: str) -> int:
    """Columns a terminal gives a character: two for East Asian wide ones, none for a combining mark
    or an invisible format character (an "é" typed as e + U+0301, a zero-width joiner)."""
    if unicodedata.east_asian_width(character) in "WF":
        return 2
    return 0 if unicodedata.combining(character) or unicodedata.category(character) in ("Me", "Cf") else 1


def _width(text: str) -> int:
    """Display width of a line of text."""
    return len(text) if text.isascii() else sum(_char_width(ch) for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int = 40) -> None:
    cells = [[_clip(str(v), max_width) for v in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    print("  ".join(_pad(h, w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row in cells:
        print("  ".join(_pad(v, w) for v, w in zip(row, widths, strict=True)).rstrip())


def _clip(text: str, limit: int) -> str:
    """At most `limit` columns, ending in "…" when cut. (Cutting a character at a time and measuring
    again made `events` on 100,000 events take 100 s: a long DATA cell cost a millisecond.)"""
    text = text.replace("\n", " ").replace("\t", " ")  # a tab in a word pushed its row's columns along
    if _width(text) <= limit:
        return text
    used = cut = 0
    for index, character in enumerate(text):
        used += _char_width(character)
        if used + 1 > limit:  # the "…" takes one column
            break
        cut = index + 1
    return text[:min(cut, len(text) - 2)] + "…"


def rebuild_progress(total: int) -> Callable[[int, int], bool]:
    """A rebuild's progress (PhaseLines); on a terminal, print a newline after."""
    lines = PhaseLines()

    def progress(done: int, _total: int) -> bool:
        lines("rebuilding events", done, total)
        return True
    return progress


_line_open = [False]  # a progress line on stderr waits for its newline (PhaseLines, the sync's counts)


def progress_line(open_: bool) -> None:
    """Say whether a progress line is left open on stderr, without its newline."""
    _line_open[0] = open_


def end_progress_line() -> None:
    """Before a message that ends a command (Ctrl+C): it went on the end of "rebuilding events: 40,000/…"."""
    if _line_open[0]:
        print(file=sys.stderr, flush=True)
        _line_open[0] = False


class PhaseLines:
    """A long command's progress on a terminal's stderr, so minutes of silence never look like a hang.

    Each phase has its own line, its count rewritten in place. Nothing goes to a log
    file or a pipe (as git does): there a failure stays the one line scripts read."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.terminal = self.stream.isatty()
        self.current: str | None = None

    def __call__(self, phase: str, done: int = 0, total: int = 0) -> None:
        counted = f"{phase}: {done:,}/{total:,}" if total else f"{phase}…"
        if not self.terminal:
            return
        if phase != self.current:
            self.end()
            self.current = phase
        print(f"\r{counted}", end="", file=self.stream, flush=True)
        progress_line(self.stream is sys.stderr)

    def end(self) -> None:
        if self.current is not None and self.terminal:
            print(file=self.stream, flush=True)
            progress_line(False)
        self.current = None
