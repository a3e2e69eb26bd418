"""What every importer produces: words to bring in, and the lines it could not use.

A `Candidate` is one row or note already checked by the domain's own field
rules, so the import command never fails half-way on bad input; a
`RowProblem` names the line (or note) and the reason, for the user to fix.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..domain.errors import ValidationFailed
from ..domain.scheduling.base import Review
from ..domain.text_fold import without_invisible
from ..domain.word import CheckedFields, validate_fields
from ..stopping import StoppedAsAsked
from .errors import InterchangeError

FIELDS = ("text", "meaning", "category", "tags", "difficulty")
_WHOLE_WITH_ZEROS = re.compile(r"([+-]?\d+)[.,]0{1,2}")  # 2.0, 3,0: a number-formatted spreadsheet column
Progress = Callable[[int, int], bool]  # (done, total) -> keep going?


@dataclass(frozen=True)
class RowProblem:
    line: int  # the file's line number (or the note's number in a deck)
    reason: str
    unit: str = "line"
    # A note Anki itself made that cannot be a word (cloze, pictures only): nothing in the file to fix, so it
    # is left out and listed without asking; a word list's bad rows are typos to fix, so they stop the import.
    left_out: bool = False
    # What the learner can find the row by where its number is not shown anywhere else: Anki's browser
    # numbers no note, so "note 8" alone could not be looked up and fixed.
    label: str = ""

    def __str__(self) -> str:
        named = f" ({self.label})" if self.label else ""
        return f"{self.unit} {self.line}{named}: {self.reason}"


@dataclass
class Candidate:
    line: int
    fields: CheckedFields  # only the fields the file gave, cleaned by the domain's rules (once)
    history: list[Review] = field(default_factory=list)  # an Anki note's reviews: answers given there


@dataclass(frozen=True)
class FieldChoice:
    """Which fields of an Anki note type became the word and the meaning, said when not the first two."""

    note_type: str
    word: str
    meaning: str
    reading: str = ""  # the field whose reading is kept after the meaning, if any
    # fields with text in some note that no word keeps (an example sentence, a picture, a sound): said, as
    # they vanished without a word
    left: tuple[str, ...] = ()
    chosen: bool = True  # False: the first two fields, said only for what is left

    def __str__(self) -> str:
        read = f", the reading from “{self.reading}” (after the meaning)" if self.reading else ""
        said = (f"note type “{self.note_type}”: the word from its field “{self.word}”, the meaning from "
                f"“{self.meaning}”{read}") if self.chosen else f"note type “{self.note_type}”"
        if self.left:
            said += f"; not imported: its field{'s' if len(self.left) > 1 else ''} {self.left_named()}"
        return said

    def left_named(self, quoted: str = "“{0}”", separator: str = ", ") -> str:
        return separator.join(quoted.format(name) for name in self.left)


@dataclass
class Parsed:
    candidates: list[Candidate] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    chosen_fields: list[FieldChoice] = field(default_factory=list)  # a deck's note types read by their names


class ImportCancelled(InterchangeError, StoppedAsAsked):
    """The user cancelled; nothing was written."""

    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was changed.")


def check_row(line: int, values: dict[str, Any], parsed: Parsed, unit: str = "line") -> None:
    """Add a candidate, or a problem naming each bad field."""
    values = {name: without_invisible(value) if isinstance(value, str) and name != "difficulty" else value
              for name, value in values.items()}
    if isinstance(values.get("tags"), list):
        values["tags"] = [without_invisible(tag) if isinstance(tag, str) else tag for tag in values["tags"]]
    given = values.get("difficulty")
    if isinstance(given, str) and (whole := _WHOLE_WITH_ZEROS.fullmatch(unicodedata.normalize("NFKC", given).strip())):
        values["difficulty"] = whole[1]  # "2.0": a spreadsheet's number format, not another difficulty
    try:
        cleaned = validate_fields(values)
    except ValidationFailed as error:
        errors = dict(error.errors)
        if "difficulty" in errors and isinstance(given, str) and given.strip():
            # which value: "line 7: Difficulty must be…" left the learner to guess what line 7 held
            shown = given.strip() if len(given.strip()) <= 20 else given.strip()[:20] + "…"
            errors["difficulty"] = f"Difficulty must be a whole number from 1 to 5, not “{shown}”."
        parsed.problems.append(RowProblem(line, " ".join(errors.values()), unit))
        return
    parsed.candidates.append(Candidate(line, cleaned))



def tick(progress: Progress | None, done: int, total: int) -> None:
    """Report progress every so often; raise ImportCancelled when the user asked to stop."""
    if progress is not None and progress(done, total) is False:
        raise ImportCancelled()
