"""Reading the shipped starter deck into entries for one `create_words` command."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from ..domain.word import split_tags
from .paths import starter_deck_path


class StarterDeckMissing(Exception):
    """The starter deck file is not where the app expects it."""


def read_starter_deck(path: Path | None = None, language: str = "en") -> list[dict[str, Any]]:
    """The deck's words, with its categories and tags named in `language` where the deck has a
    labels file for it (they become the learner's own data: a Japanese window listed "body &
    health" and "noun" among its filters)."""
    path = path or starter_deck_path()
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as error:
        raise StarterDeckMissing(
            f"The starter deck could not be read ({error}). You can add words yourself on the "
            "Words page.") from error
    categories, tags = _labels(path.parent / f"labels_{language}.csv", language)
    return [
        {"text": row["text"], "meaning": row["meaning"],
         "category": categories.get(row.get("category") or "", row.get("category") or ""),
         "tags": [tags.get(tag, tag) for tag in split_tags(row.get("tags") or "")],
         "difficulty": int(row.get("difficulty") or 1)}
        for row in rows
    ]


def _labels(path: Path, language: str) -> tuple[dict[str, str], dict[str, str]]:
    """English category and tag names to `language`'s; none (the English kept) if there is no such
    file or it cannot be read: the deck is still worth loading."""
    categories: dict[str, str] = {}
    tags: dict[str, str] = {}
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row.get("en") and row.get(language):
                    (categories if row.get("kind") == "category" else tags)[row["en"]] = row[language]
    except (OSError, UnicodeDecodeError, csv.Error):
        return {}, {}
    return categories, tags
