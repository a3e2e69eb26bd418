"""The navigation entries of the main window: a small registry.

To replace a placeholder (Timeline, Statistics) with the real page, change
its factory here — one line — to a callable taking the `AppContext` and
returning a QWidget. A `Page` subclass also refreshes itself after changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from .context import AppContext
from .placeholder import statistics_placeholder, timeline_placeholder
from .sessions_page import SessionsPage
from .settings_page import SettingsPage
from .study.page import StudyPage
from .words.page import WordsPage

PageFactory = Callable[[AppContext], QWidget]


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: Callable[[], str]  # called at build time, so it follows the current language
    factory: PageFactory
    # Built when first shown (start-up builds only the page on screen); False for a page that
    # other parts extend as soon as the window exists (Settings gets the Sync section).
    lazy: bool = True


# Literal translate() calls, so lupdate finds the titles.
STUDY = lambda: QCoreApplication.translate("Pages", "Study")  # noqa: E731
WORDS = lambda: QCoreApplication.translate("Pages", "Words")  # noqa: E731
SESSIONS = lambda: QCoreApplication.translate("Pages", "Sessions")  # noqa: E731
TIMELINE = lambda: QCoreApplication.translate("Pages", "Timeline")  # noqa: E731
STATISTICS = lambda: QCoreApplication.translate("Pages", "Statistics")  # noqa: E731
SETTINGS = lambda: QCoreApplication.translate("Pages", "Settings")  # noqa: E731


def default_pages() -> list[PageSpec]:
    return [
        PageSpec("study", STUDY, StudyPage),
        PageSpec("words", WORDS, WordsPage),
        PageSpec("sessions", SESSIONS, SessionsPage),
        PageSpec("timeline", TIMELINE, timeline_placeholder),  # replace with the Timeline page
        PageSpec("statistics", STATISTICS, statistics_placeholder),  # replace with Statistics
        PageSpec("settings", SETTINGS, SettingsPage, lazy=False),
    ]
