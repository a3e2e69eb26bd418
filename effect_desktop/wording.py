"""English counts for the command line and the core's messages: "1 word", "3 words"; field values.

The window counts through Qt's plural forms (gui/i18n.py); text printed by
the CLI or carried in an exception is plain English and counts here. A
field's value is written the same way by both ("“りんご”", "noun, food", "—").
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

NOTHING = "—"


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """`n` with its noun, singular for exactly one ("1 day", "0 days", "12,000 events")."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


QUOTES = {"en": ("“", "”"), "ja": ("「", "」")}  # a text value, as each language quotes it


def value_text(value: Any, language: str = "en") -> str:
    """A word's field value as a learner reads it, not as Python prints it ('りんご', ['noun'], None)."""
    if value is None or value == "" or value == []:
        return NOTHING
    if isinstance(value, str):
        opening, closing = QUOTES.get(language, QUOTES["en"])
        return f"{opening}{value}{closing}"
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
