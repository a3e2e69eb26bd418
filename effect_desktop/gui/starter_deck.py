"""Reading the shipped starter deck into entries for one `create_words` command."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from ..domain.word import split_tags
from .paths import starter_deck_path


class StarterDeckMissing(Exception):
    """The starter deck file is not where the app expects it."""


def read_starter_deck(path: Path | None = None) -> list[dict[str, Any]]:
    path = path or starter_deck_path()
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as error:
        raise StarterDeckMissing(
            f"The starter deck could not be read ({error}). You can add words yourself on the "
            "Words page.") from error
    return [
        {"text": row["text"], "meaning": row["meaning"], "category": row.get("category") or "",
         "tags": split_tags(row.get("tags") or ""),
         "difficulty": int(row.get("difficulty") or 1)}
        for row in rows
    ]
