"""A choice box whose choice does something heavy (switch the language, move the study day's start):
acted on once the choice settles, not on every arrow key.

On a closed QComboBox each Up or Down picks the next item at once, and Qt says so as loudly as a
pick from the list: each key press switched the whole window's language (passing through English
on the way from "Follow the system" to 日本語) or asked to move the study day again. A pick from the
open list, or with the mouse, is acted on at once; arrow keys on the closed box act once they rest.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QComboBox

KEYS_REST_MS = 600


class SettledChoice(QObject):
    def __init__(self, combo: QComboBox, act: Callable[[], object], rest_ms: int = KEYS_REST_MS) -> None:
        super().__init__(combo)
        self.combo = combo
        self.act = act
        self._keyed = False
        self.rest = QTimer(self)
        self.rest.setSingleShot(True)
        self.rest.setInterval(rest_ms)
        self.rest.timeout.connect(self._settled)
        combo.installEventFilter(self)
        combo.activated.connect(self._picked)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.combo and event.type() == QEvent.Type.KeyPress and not self.combo.view().isVisible():
            self._keyed = True  # this key may change the choice: the box is closed
        elif watched is self.combo and event.type() == QEvent.Type.FocusOut and self.rest.isActive():
            self.rest.stop()
            self._settled()  # leaving the box settles the choice
        return False

    def _picked(self, _index: int) -> None:
        if self._keyed:
            self._keyed = False
            self.rest.start()
            return
        self.rest.stop()
        self.act()

    def _settled(self) -> None:
        self.act()
