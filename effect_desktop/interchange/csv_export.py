"""The word list as CSV: the columns an import reads back (a round trip), UTF-8 with a BOM for Excel;
a cell Excel would run as a formula starts with an apostrophe (see formula_cells.py)."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from typing import IO

from ..domain.scheduling.studyday import DEFAULT_DAY_START_HOUR, offset_minutes
from ..projections.queries import Queries
from ..projections.views import WordFilter
from .candidates import Progress, tick
from .files import replacing
from .formula_cells import defused

COLUMNS = ("text", "meaning", "category", "tags", "difficulty", "next_review")


def export_words(queries: Queries, out: IO[str], progress: Progress | None = None,
                 day_start_hour: int = DEFAULT_DAY_START_HOUR) -> int:
    """`next_review` is the study day the review names (as the study queue counts it), not the
    instant's UTC date, which read a day early for a learner east of Greenwich."""
    words = queries.words(WordFilter())
    days = queries.due_days(day_start_hour, offset_minutes(datetime.now().astimezone()))
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for done, word in enumerate(words, start=1):
        day = days.get(word.word_id)
        review = day.isoformat() if day is not None else ""
        cells = [defused(cell) for cell in (word.text, word.meaning, word.category, ",".join(word.tags))]
        writer.writerow([*cells, word.difficulty, review])
        if done % 5000 == 0:
            tick(progress, done, len(words))
    tick(progress, len(words), len(words))
    return len(words)


def export_words_to(queries: Queries, path: Path, progress: Progress | None = None,
                    day_start_hour: int = DEFAULT_DAY_START_HOUR) -> int:
    with replacing(path, "w", encoding="utf-8-sig", newline="") as out:
        return export_words(queries, out, progress, day_start_hour)
