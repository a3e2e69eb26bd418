"""Organising many words at once: one category for all, a tag added to or taken from each.

Each gives the per-word changes for `StudyService.update_words` (one action:
one correlation id, one undo); words the change would not alter are left out,
so the history records only real edits.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from ..projections.handlers import tag_key
from ..projections.views import WordView

Changes = list[tuple[UUID, dict[str, Any]]]


def set_category(words: list[WordView], category: str) -> Changes:
    category = category.strip()
    return [(w.word_id, {"category": category}) for w in words if w.category != category]


def add_tag(words: list[WordView], tag: str) -> Changes:
    key = tag_key(tag)
    return [(w.word_id, {"tags": [*w.tags, tag.strip()]}) for w in words
            if key and key not in {tag_key(t) for t in w.tags}]


def remove_tag(words: list[WordView], tag: str) -> Changes:
    """The tag as the Words list matches it (case and width do not matter)."""
    key = tag_key(tag)
    return [(w.word_id, {"tags": [t for t in w.tags if tag_key(t) != key]}) for w in words
            if key in {tag_key(t) for t in w.tags}]


def tags_of(words: list[WordView]) -> list[str]:
    """The tags the words have, each once (as the Words list matches them), in that order."""
    found: dict[str, str] = {}
    for word in words:
        for tag in word.tags:
            found.setdefault(tag_key(tag), tag)
    return [found[key] for key in sorted(found)]
