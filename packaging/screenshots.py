"""Regenerate the README screenshots offscreen: `python packaging/screenshots.py [--dark]`.

Builds a throwaway profile with the starter deck and a little study history,
opens the real main window on it, and saves each main screen with
`widget.grab()` into docs/screenshots/. Needs no display (QT_QPA_PLATFORM is
set to offscreen unless already set). With `--dark`, the Fusion style with a
dark palette, saved as docs/screenshots/dark-*.png (Study, Words, Sessions).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView, QWidget  # noqa: E402

from effect_desktop.bootstrap import Profile, open_profile  # noqa: E402
from effect_desktop.gui import i18n  # noqa: E402
from effect_desktop.gui.app import create_application  # noqa: E402
from effect_desktop.gui.main_window import STATUS_SETTLE_MS, MainWindow  # noqa: E402
from effect_desktop.gui.preferences import Preferences  # noqa: E402
from effect_desktop.gui.starter_deck import read_starter_deck  # noqa: E402
from effect_desktop.gui.style import use_dark_fusion  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZE = (1100, 720)


def settle(seconds: float = 0.0) -> None:
    deadline = time.monotonic() + seconds
    while True:
        for _ in range(5):
            QApplication.processEvents()
        if time.monotonic() >= deadline:
            return
        time.sleep(0.02)


def save(widget: QWidget, name: str) -> None:
    # the status bar's due count and streak are read a moment after a change (in the background)
    settle(STATUS_SETTLE_MS / 1000 + 0.4)
    path = OUT / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path.relative_to(ROOT)}")


# The profile's clock: set while seeding a past month of study, then the real time.
_SEED_TIME: list[datetime | None] = [None]


def clock() -> datetime:
    return _SEED_TIME[0] or datetime.now().astimezone()


def open_screenshot_profile(folder: str) -> Profile:
    return open_profile(Path(folder) / "screenshots.effect.sqlite3", clock=clock)


def seed(profile: Profile) -> None:
    """The starter deck and four weeks of study, so the timeline, the statistics and the due
    counts show something; today's session is the one the Sessions page shows first."""
    ids = profile.service.create_words(read_starter_deck())
    Preferences(profile.settings).first_run_choice = "starter"
    Preferences(profile.settings).new_per_day = 100
    now = datetime.now().astimezone() - timedelta(hours=1)  # the last session an hour ago
    for day in range(27, -1, -1):
        if day % 7 == 3:
            continue  # a missed day now and then
        _SEED_TIME[0] = now - timedelta(days=day)
        first = (27 - day) * 9 % (len(ids) - 12)
        words = ids[first:first + 12]
        session = profile.service.start_session("multiple_choice" if day % 2 else "flashcard", words)
        for number, word_id in enumerate(words):
            _SEED_TIME[0] += timedelta(seconds=20)
            profile.service.answer(session, word_id, (number + day) % 5 != 1, 1500 + 170 * number)
        profile.service.complete_session(session)
    _SEED_TIME[0] = None


def new_window(profile: Profile) -> MainWindow:
    window = MainWindow(profile)
    window.resize(*SIZE)
    window.show()
    settle()
    return window


def words_shown(window: QWidget) -> bool:
    """The Words page loads off the GUI thread: its table has rows once the load is in."""
    table = window.findChild(QTableView)
    return table is not None and table.isVisible() and table.model() is not None and table.model().rowCount() > 0


def wait_until(condition: Callable[[], bool], seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("a page did not finish loading in time")
        settle()
        time.sleep(0.02)


def key(widget: QWidget, k: Qt.Key) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClick(widget, k)
    settle()


def dark_screens(profile: Profile) -> None:
    """The main screens in the dark palette, as a learner with a dark desktop sees them."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    use_dark_fusion(app)
    i18n.install("en")
    window = new_window(profile)
    study = window.show_page("study")
    save(window, "dark-study-start")
    study.start_session("flashcard")
    card = study.session_panel.flashcard
    key(card, Qt.Key.Key_Space)
    save(window, "dark-study-flashcard")
    study.leave_session()
    study.start_session("multiple_choice")
    choice = study.session_panel.choice
    wrong = next(i for i, o in enumerate(choice.options) if o != choice.word.meaning)
    key(choice, (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4)[wrong])
    save(window, "dark-study-multiple-choice-mistake")
    study.leave_session()
    study.show_start()
    words = window.show_page("words")
    wait_until(lambda: words_shown(window))
    save(window, "dark-words")
    dialog = words.add_word()
    dialog.text_edit.setText("ocean")
    dialog.accept()
    save(dialog, "dark-word-dialog-validation")
    dialog.reject()
    window.show_page("sessions")
    save(window, "dark-sessions")
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dark", action="store_true", help="the dark palette: dark-*.png")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    create_application([])
    if args.dark:
        with tempfile.TemporaryDirectory() as folder:
            profile = open_screenshot_profile(folder)
            try:
                seed(profile)
                dark_screens(profile)
            finally:
                profile.close()
        return 0
    with tempfile.TemporaryDirectory() as folder:
        profile = open_screenshot_profile(folder)
        try:
            seed(profile)
            i18n.install("en")
            window = new_window(profile)
            # the pages first: they show the seeded weeks, whose answers took seconds (the scripted
            # session below answers at once)
            words = window.show_page("words")
            wait_until(lambda: words_shown(window))
            save(window, "words")
            dialog = words.add_word()
            dialog.text_edit.setText("ocean")
            dialog.accept()  # empty meaning: the core's message appears under the field
            save(dialog, "word-dialog-validation")
            dialog.reject()
            window.show_page("sessions")
            save(window, "sessions")
            window.show_page("timeline")
            save(window, "timeline")
            statistics = window.show_page("statistics")
            wait_until(lambda: statistics.report is not None)
            save(window, "statistics")
            window.show_page("settings")
            save(window, "settings")
            study = window.show_page("study")
            save(window, "study-start")
            study.start_session("flashcard")
            card = study.session_panel.flashcard
            key(card, Qt.Key.Key_3)
            key(card, Qt.Key.Key_Space)
            save(window, "study-flashcard")
            study.leave_session()
            study.start_session("multiple_choice")
            save(window, "study-multiple-choice")
            choice = study.session_panel.choice
            wrong = next(i for i, o in enumerate(choice.options) if o != choice.word.meaning)
            key(choice, (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4)[wrong])
            save(window, "study-multiple-choice-mistake")
            while study.in_session:
                if choice.waiting_to_proceed:
                    key(choice, Qt.Key.Key_Return)
                    continue
                right = choice.options.index(choice.word.meaning)
                key(choice, (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4)[right])
            save(window, "study-summary")
            study.show_start()
            window.close()

            i18n.install("ja")
            window = new_window(profile)
            study = window.show_page("study")
            study.start_session("typing")
            save(window, "study-typing-ja")
            study.leave_session()
            window.show_page("words")
            wait_until(lambda: words_shown(window))
            save(window, "words-ja")
            window.close()
        finally:
            profile.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
