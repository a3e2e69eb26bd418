"""What to say when a word filter names a category or tag no word has: an empty result then is a slip
(`--category fod`), not an empty category, and the names that do exist show the way."""

from __future__ import annotations

from collections.abc import Iterable

from ..domain.text_fold import search_fold, tag_key

NAMED_AT_MOST = 10  # a profile imported from Anki may hold hundreds of categories: a line names a few


def named(names: Iterable[str]) -> str:
    """Names as a person reads them in one line: quoted, the first few, and how many more."""
    shown = [repr(name) for name in names if name]
    if len(shown) > NAMED_AT_MOST:
        return f"{', '.join(shown[:NAMED_AT_MOST])} and {len(shown) - NAMED_AT_MOST:,} more"
    return ", ".join(shown)


def none_has(category: str | None, tag: str | None, categories: list[str], tags: list[str],
             words: str = "word") -> str | None:
    """Why a filter can match nothing, or None when some word has its category and tag.
    `categories` holds "" when a word has none (the filter `--category ''` asks for those)."""
    if category is not None and category not in categories:
        there = named(categories)
        return (f"every {words} has a category" if category == "" else f"no {words} has the category {category!r}"
                ) + (f"; the categories are {there}" if there else f"; no {words} has a category")
    if tag is not None and tag_key(tag) not in {tag_key(t) for t in tags}:
        there = named(tags)
        return (f"no {words} has the tag {tag!r}; "
                + (f"the tags are {there}" if there else f"no {words} has a tag"))
    return None


def spelled_category(category: str | None, categories: list[str]) -> str | None:
    """The category as the words spell it, for one typed otherwise ("éducation", "EDUCATION" for
    "Éducation": case and accents ignored, as `--tag` and `--search` ignore them): the one category that
    reads alike; else as typed (none, or several: the note names them)."""
    if category is None or category in categories:
        return category
    alike = [name for name in categories if name and search_fold(name) == search_fold(category)]
    return alike[0] if len(alike) == 1 else category
