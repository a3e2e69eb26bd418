"""The word list as CSV: the columns an import reads back (a round trip), UTF-8 with a BOM for Excel."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import IO

from ..projections.queries import Queries
from ..projections.views import WordFilter
from .candidates import Progress, tick
from .files import replacing

COLUMNS = ("text", "meaning", "category", "tags", "difficulty", "next_review")


def export_words(queries: Queries, out: IO[str], progress: Progress | None = None) -> int:
    words = queries.words(WordFilter())
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for done, word in enumerate(words, start=1):
        review = word.progress.next_review_date.date().isoformat() if word.progress else ""
        writer.writerow([word.text, word.meaning, word.category, ",".join(word.tags), word.difficulty, review])
        if done % 5000 == 0:
            tick(progress, done, len(words))
    tick(progress, len(words), len(words))
    return len(words)


def export_words_to(queries: Queries, path: Path, progress: Progress | None = None) -> int:
    with replacing(path, "w", encoding="utf-8-sig", newline="") as out:
        return export_words(queries, out, progress)
