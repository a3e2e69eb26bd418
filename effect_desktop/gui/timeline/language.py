"""The language the timeline's sentences are written in: the interface's (set by gui/i18n.py)."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def ui_language() -> str:
    return "ja" if QLocale().language() == QLocale.Language.Japanese else "en"
