"""English counts for the command line and the core's messages: "1 word", "3 words".

The window counts through Qt's plural forms (gui/i18n.py); text printed by
the CLI or carried in an exception is plain English and counts here.
"""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """`n` with its noun, singular for exactly one ("1 day", "0 days", "12,000 events")."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
