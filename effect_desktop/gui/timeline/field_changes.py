"""A word's changed fields as a learner reads them: "meaning: “りんご” → “林檎”; tags: — → noun, food".

The past view's comparison and a word's history listed the raw field names and
Python's own spelling of the values ('りんご', ['noun'], None): English keys in
the Japanese interface and quotes, brackets and "None" that mean nothing to a
learner. Field names are translated here and values written as they are shown
elsewhere in the window.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QObject

from ...wording import value_text
from .language import ui_language


class FieldChanges(QObject):
    """A QObject for `self.tr`: lupdate reads the field names from here."""

    def label(self, name: str) -> str:
        labels = {"text": self.tr("word"), "meaning": self.tr("meaning"), "category": self.tr("category"),
                  "tags": self.tr("tags"), "difficulty": self.tr("difficulty")}
        return labels.get(name, name)

    def say(self, changes: Iterable[tuple[str, Any, Any]]) -> str:
        """(field, before, after) triples, in the order given; text quoted as the interface's language
        quotes it (「りんご」 in Japanese)."""
        language = ui_language()
        return "; ".join(f"{self.label(name)}: {value_text(before, language)} → {value_text(after, language)}"
                         for name, before, after in changes)
