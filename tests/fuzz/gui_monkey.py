"""Drive the real window with random input and report what raised (a "monkey" run).

    python3 tests/fuzz/gui_monkey.py [SEED] [SECONDS]

On a throwaway profile with a fortnight of study, for SECONDS (default 60) it
clicks random visible buttons, picks random combo entries, types into random
fields and presses study and Ctrl shortcuts, on every page and in the dialogs
they open (answering or closing them at random); then it prints how many
steps ran, the exceptions that reached the event loop, and whether `verify`
finds the read models equal to a replay of the log. Buttons that leave the
app or the profile (Quit, Backups, Import, Export, Restore, sync) are not
pressed. A seed reproduces a run. Not part of the test suite: it is a search,
run by hand (it found a crash of the Statistics page's "All time", and dialogs that were never
freed: it prints the top-level widgets left and the peak memory).
"""

from __future__ import annotations

import os
import random
import resource
import sys
import tempfile
import time
import traceback
from datetime import datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QDialog, QLineEdit, QWidget  # noqa: E402

LEAVES = ("Quit", "Backups", "Import", "Export", "Restore", "Sync", "Open the", "Save as", "Choose file",
          "Test connection")
KEYS = [Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4,
        Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_A, Qt.Key.Key_Delete]
CTRL_KEYS = [Qt.Key.Key_Z, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6,
             Qt.Key.Key_E, Qt.Key.Key_H]
TEXTS = ["a", "りんご", "", "x" * 50, "apple"]


def studied_profile(folder: Path, rng: random.Random) -> Path:
    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui.starter_deck import read_starter_deck
    from tests.integration.profile_helpers import SettableClock

    clock = SettableClock(datetime.now(timezone(timedelta(hours=9))) - timedelta(days=15))
    profile = open_profile(folder / "default.effect.sqlite3", clock=clock)
    words = profile.service.create_words(read_starter_deck()[:80])
    for _day in range(15):
        clock.advance(days=1)
        chosen = rng.sample(words, 10)
        session = profile.service.start_session("flashcard", chosen)
        for word in chosen:
            clock.advance(seconds=5)
            profile.service.answer(session, word, rng.random() < 0.7, rng.randint(500, 9000))
        profile.service.complete_session(session)
    profile.close()
    return folder / "default.effect.sqlite3"


def step(rng: random.Random, root: QWidget) -> None:
    modal = QApplication.activeModalWidget()
    if modal is not None and rng.random() < 0.5 and isinstance(modal, QDialog):
        (modal.reject if rng.random() < 0.7 else modal.accept)()
        return
    root = modal or root
    roll = rng.random()
    if roll < 0.35:
        buttons = [b for b in root.findChildren(QAbstractButton) if b.isVisible() and b.isEnabled()
                   and not any(word in b.text().replace("&", "") for word in LEAVES)  # ("Choose &file…")
                   and getattr(b, "menu", lambda: None)() is None]
        if buttons:
            rng.choice(buttons).click()
    elif roll < 0.45:
        combos = [c for c in root.findChildren(QComboBox) if c.isVisible() and c.isEnabled() and c.count()]
        if combos:
            combo = rng.choice(combos)
            index = rng.randrange(combo.count())
            combo.setCurrentIndex(index)
            combo.activated.emit(index)
    elif roll < 0.55:
        fields = [f for f in root.findChildren(QLineEdit) if f.isVisible() and f.isEnabled()]
        if fields:
            field, text = rng.choice(fields), rng.choice(TEXTS)
            field.insert(text) if not text.isascii() else QTest.keyClicks(field, text)  # keyClicks: ASCII only
    elif roll < 0.65:
        QTest.keyClick(QApplication.focusWidget() or root, rng.choice(CTRL_KEYS), Qt.KeyboardModifier.ControlModifier)
    else:
        QTest.keyClick(QApplication.focusWidget() or root, rng.choice(KEYS))


def _close_blocking_dialog(last_step: float) -> None:
    modal = QApplication.activeModalWidget()
    if time.monotonic() - last_step > 1.0 and isinstance(modal, QDialog):
        modal.reject()


def main() -> int:
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 60.0
    rng = random.Random(seed)
    app = QApplication([])
    from effect_desktop.bootstrap import open_profile
    from effect_desktop.gui import i18n
    from effect_desktop.gui.features import current_window
    from effect_desktop.gui.main_window import MainWindow
    from effect_desktop.projections.verify import verify

    errors: list[str] = []
    sys.excepthook = lambda kind, value, tb: errors.append("".join(traceback.format_exception(kind, value, tb)))
    i18n.install("en")
    window = MainWindow(open_profile(studied_profile(Path(tempfile.mkdtemp()), rng)))
    window.resize(1000, 680)
    window.show()
    steps, start = 0, time.monotonic()
    stepped = [start]
    # A dialog opened with exec() (Backups…) runs its own event loop, where this loop cannot step:
    # one left open stopped the run for good. A timer fires in that loop too, and closes it.
    unblock = QTimer()
    unblock.setInterval(500)
    unblock.timeout.connect(lambda: _close_blocking_dialog(stepped[0]))
    unblock.start()
    while time.monotonic() - start < seconds:
        stepped[0] = time.monotonic()
        try:
            step(rng, current_window(window))
        except Exception:  # noqa: BLE001  (what the run is looking for)
            errors.append(traceback.format_exc())
        for _ in range(3):
            app.processEvents()
        # What the running event loop does and processEvents() outside one does not: without it
        # every deleteLater() waited for ever, and the run looked like a leak of every chart.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        steps += 1
    shown = current_window(window)
    shown.operations.wait()
    agrees = verify(shown.profile.projector).ok
    print(f"seed {seed}: {steps} steps, {len(errors)} exception(s), read models agree with a replay: {agrees}")
    # A dialog closed but never freed piles up here (the Scheduler… dialog did, with its charts).
    print(f"top-level widgets left: {len(QApplication.topLevelWidgets())}; "
          f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
    for error in errors[:3]:
        print(error)
    return 0 if not errors and agrees else 1


if __name__ == "__main__":
    sys.exit(main())
