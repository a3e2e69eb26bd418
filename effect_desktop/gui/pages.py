"""The navigation entries of the main window: a small registry.

Each page is a factory taking the `AppContext` and returning a QWidget; a
`Page` subclass also refreshes itself after changes. The Timeline and
Statistics pages import their modules only when first shown, which keeps
start-up short.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from .context import AppContext
from .sessions_page import SessionsPage
from .settings_page import SettingsPage
from .study.page import StudyPage
from .words.page import WordsPage

PageFactory = Callable[[AppContext], QWidget]


def timeline_page(context: AppContext) -> QWidget:
    from .timeline import timeline_page as build  # Qt Charts and the timeline load when first shown

    return build(context)


def statistics_page(context: AppContext) -> QWidget:
    from .statistics import StatisticsPage
    from .timeline import open_word_history

    page = StatisticsPage(context.profile,  # `page` is bound by the time a word is clicked
                          on_open_word=lambda word_id: open_word_history(
                              page.window(), context.profile, word_id, operations=context.operations))
    context.operations.changed.connect(page.mark_stale)
    return page


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: Callable[[], str]  # called at build time, so it follows the current language
    factory: PageFactory
    # Built when first shown (start-up builds only the page on screen); False for a page that
    # other parts extend as soon as the window exists (Settings gets the Sync section).
    lazy: bool = True
    menu_title: Callable[[], str] | None = None  # the Go menu's entry, with its access key ("&Study")


# Literal translate() calls, so lupdate finds the titles.
STUDY = lambda: QCoreApplication.translate("Pages", "Study")  # noqa: E731
WORDS = lambda: QCoreApplication.translate("Pages", "Words")  # noqa: E731
SESSIONS = lambda: QCoreApplication.translate("Pages", "Sessions")  # noqa: E731
TIMELINE = lambda: QCoreApplication.translate("Pages", "Timeline")  # noqa: E731
STATISTICS = lambda: QCoreApplication.translate("Pages", "Statistics")  # noqa: E731
SETTINGS = lambda: QCoreApplication.translate("Pages", "Settings")  # noqa: E731
# In the Go menu, with an access key each, as in every other menu (Alt+G, then S for Study)
STUDY_MENU = lambda: QCoreApplication.translate("Pages", "&Study")  # noqa: E731
WORDS_MENU = lambda: QCoreApplication.translate("Pages", "&Words")  # noqa: E731
SESSIONS_MENU = lambda: QCoreApplication.translate("Pages", "S&essions")  # noqa: E731
TIMELINE_MENU = lambda: QCoreApplication.translate("Pages", "&Timeline")  # noqa: E731
STATISTICS_MENU = lambda: QCoreApplication.translate("Pages", "St&atistics")  # noqa: E731
SETTINGS_MENU = lambda: QCoreApplication.translate("Pages", "Setti&ngs")  # noqa: E731


def default_pages() -> list[PageSpec]:
    return [
        PageSpec("study", STUDY, StudyPage, menu_title=STUDY_MENU),
        PageSpec("words", WORDS, WordsPage, menu_title=WORDS_MENU),
        PageSpec("sessions", SESSIONS, SessionsPage, menu_title=SESSIONS_MENU),
        PageSpec("timeline", TIMELINE, timeline_page, menu_title=TIMELINE_MENU),
        PageSpec("statistics", STATISTICS, statistics_page, menu_title=STATISTICS_MENU),
        PageSpec("settings", SETTINGS, SettingsPage, lazy=False, menu_title=SETTINGS_MENU),
    ]
