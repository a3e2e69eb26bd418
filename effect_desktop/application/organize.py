"""Organising many words at once: one category for all, a tag added to or taken from each.

Each gives the per-word changes for `StudyService.update_words` (one action:
one correlation id, one undo); words the change would not alter are left out,
so the history records only real edits. A tag typed with a separator
("JLPT;N5", "名詞、動詞") is the tags it names, as everywhere else: the command
would split it anyway, and the undo then looked for a tag "JLPT;N5" no word had.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from ..domain.word import split_tags
from ..projections.handlers import tag_key
from ..projections.views import WordView

Changes = list[tuple[UUID, dict[str, Any]]]


def set_category(words: list[WordView], category: str) -> Changes:
    category = category.strip()
    return [(w.word_id, {"category": category}) for w in words if w.category != category]


def remove_tag(words: list[WordView], tag: str) -> Changes:
    """The tag as the Words list matches it (case and width do not matter)."""
    key = tag_key(tag)
    return [(w.word_id, {"tags": [t for t in w.tags if tag_key(t) != key]}) for w in words
            if key in {tag_key(t) for t in w.tags}]


FieldsChange = Callable[[dict[str, Any]], dict[str, Any] | None]


def category_set(category: str) -> FieldsChange:
    """For `StudyService.change_words`: the same changes, judged on each word's fields as they are now."""
    category = category.strip()
    return lambda fields: {"category": category} if fields.get("category") != category else None


def tag_added(tag: str) -> FieldsChange:
    wanted = split_tags(tag)

    def change(fields: dict[str, Any]) -> dict[str, Any] | None:
        tags = list(fields.get("tags") or [])
        keys = {tag_key(t) for t in tags}
        added = [t for t in wanted if tag_key(t) not in keys]
        return {"tags": [*tags, *added]} if added else None
    return change


def tag_removed(tag: str) -> FieldsChange:
    return _removing({tag_key(t) for t in split_tags(tag)})


def _removing(keys: set[str]) -> FieldsChange:
    def change(fields: dict[str, Any]) -> dict[str, Any] | None:
        tags = list(fields.get("tags") or [])
        if not keys & {tag_key(t) for t in tags}:
            return None
        return {"tags": [t for t in tags if tag_key(t) not in keys]}
    return change


def tags_taken_back(old_tags: list[str], tag: str) -> FieldsChange:
    """The inverse of `tag_added(tag)` for a word whose tags were `old_tags`: only the tags it added
    come off (a word that had "N5" keeps it when "JLPT;N5" is taken back), wherever the others stand now."""
    return _removing({tag_key(t) for t in split_tags(tag)} - {tag_key(t) for t in old_tags})


def tags_put_back(old_tags: list[str], tag: str) -> FieldsChange:
    """The inverse of `tag_removed(tag)` for a word whose tags were `old_tags`: each tag with the spelling
    it had ("food", whatever was typed to remove it), back where it stood (after the tags before it then
    that are still there), wherever the others stand now."""
    had = {tag_key(t) for t in old_tags}
    each = [_put_back(old_tags, one) for one in split_tags(tag) if tag_key(one) in had]  # what it took off

    def change(fields: dict[str, Any]) -> dict[str, Any] | None:
        tags, changed = list(fields.get("tags") or []), False
        for put_back in each:
            done = put_back({"tags": tags})
            if done is not None:
                tags, changed = done["tags"], True
        return {"tags": tags} if changed else None
    return change


def _put_back(old_tags: list[str], tag: str) -> FieldsChange:
    key = tag_key(tag)
    index = next(i for i, t in enumerate(old_tags) if tag_key(t) == key)
    spelling, earlier = old_tags[index], {tag_key(t) for t in old_tags[:index]}

    def change(fields: dict[str, Any]) -> dict[str, Any] | None:
        tags = list(fields.get("tags") or [])
        if key in {tag_key(t) for t in tags}:
            return None
        at = max((i + 1 for i, t in enumerate(tags) if tag_key(t) in earlier), default=0)
        return {"tags": [*tags[:at], spelling, *tags[at:]]}
    return change


def tags_of(words: list[WordView]) -> list[str]:
    """The tags the words have, each once (as the Words list matches them), in that order."""
    found: dict[str, str] = {}
    for word in words:
        for tag in word.tags:
            found.setdefault(tag_key(tag), tag)
    return [found[key] for key in sorted(found)]
