"""Why a file's lines did not split into a word and its meaning, said so the learner can fix it.

Quizlet's export lets the learner choose what separates a term from its definition and one card from
the next. With a separator the reader does not know (" - ", ":"), every line was one column and the
message was "No column is mapped to the meaning; choose a column…", which no choice could fix; with ";"
between cards the whole file was one row of seven columns and the message "line 1: Difficulty must be a
whole number from 1 to 5". A definition on two lines (Quizlet writes its line break as it is) left
"line 3: 1 column; the mapping needs 2". These are not read another way: they are said.
"""

from __future__ import annotations

import re

from .errors import InterchangeError

_QUIZLET = ("export it again with Tab between the word and its meaning and a new line between cards (in Quizlet: "
            "\"Between term and definition: Tab\", \"Between rows: New line\")")
ONE_COLUMN = ("No column separator was found: every line of the file is a single column (“{0}”). Name the "
              f"separator the file uses (--delimiter), or {_QUIZLET}.")
ONE_LINE = ("The whole file is one line: the cards run on without a line break between them (“{0}”). Save it "
            f"with each word on a line of its own, or {_QUIZLET}.")
_CARD_ENDS = ";|"  # what a Quizlet export may put between cards, other than a new line
_ENTITY = re.compile(r"&#?\w+;")


def refuse_unsplit(rows: list[tuple[int, list[str]]], columns: int, delimiter: str) -> None:
    """Refuse a file of one column, or of one line whose middle cells each hold the end of one card and
    the start of the next ("りんご;to run"). `rows`: the first rows (two tell a file of one line)."""
    if columns == 1 and rows:
        raise InterchangeError(ONE_COLUMN.format(rows[0][1][0].strip()[:40]))
    if len(rows) != 1 or len(rows[0][1]) < 4:  # three cards at least: one row of three cells is a word
        return
    middle = [_ENTITY.sub("", cell) for cell in rows[0][1][1:-1]]  # Anki's "&nbsp;" holds a semicolon
    for end in _CARD_ENDS:
        if end != delimiter and all(end in cell for cell in middle):
            raise InterchangeError(ONE_LINE.format(delimiter.join(rows[0][1][:3])[:40]))


def continued_meaning(line: int, cells: list[str], before: tuple[int, list[str]] | None, meaning: int | None) -> str:
    """What to say of a row that is one cell right below a whole row whose last cell is the meaning:
    the meaning went on past a line break. Empty when it does not look so."""
    if before is None or meaning is None or len(cells) != 1:
        return ""
    line_before, cells_before = before
    if line_before != line - 1 or len(cells_before) != meaning + 1 or not cells_before[meaning].strip():
        return ""
    return (f"; it looks like the rest of line {line_before}'s meaning, broken onto a line of its own: join it to "
            f"line {line_before} (or put that meaning in quotes)")
