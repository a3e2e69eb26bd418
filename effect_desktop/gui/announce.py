"""Saying a change to a screen reader that happens away from the focus.

The status bar says what an undo, an import, a sync or a deletion did, and the
line above a study card says whether the answer was right; a screen reader
reads neither unless asked, since the focus stays where the learner is (on
the card, in the list). An announcement (Qt 6.8) is read out as it happens,
politely, after what is being read. Each window's `Announcer` also emits what
it said, the one trace of it a program can see (the platform's bridge gives
none back).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QStatusBar, QWidget


class Announcer(QObject):
    said = Signal(str)

    def say(self, widget: QWidget, text: str) -> None:
        if not text.strip():
            return
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))
        self.said.emit(text)


def announce(widget: QWidget, text: str) -> None:
    """`text` read out, through the announcer of `widget`'s window (or straight to the platform)."""
    announcer = widget.window().findChild(Announcer, "announcer")
    if announcer is not None:
        announcer.say(widget, text)
    elif text.strip():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


class AnnouncingStatusBar(QStatusBar):
    """A status bar whose every message is read out, the same one again too ("Nothing to undo." twice:
    Qt's messageChanged tells only a change, and the second Ctrl+Z was silent)."""

    def __init__(self, announcer: Announcer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._announcer = announcer

    def showMessage(self, text: str, /, timeout: int | None = None) -> None:  # noqa: N802
        super().showMessage(text, timeout or 0)
        self._announcer.say(self, text)
