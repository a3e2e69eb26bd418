"""A search field that leaves Ctrl+Z and Ctrl+Shift+Z to the window when it has nothing of its own
to undo or redo.

A filter often has the focus (the Words page opens with it; the timeline's is where one looks
after an undo), and Qt's line edit claims both keys for its own text: with nothing typed to undo,
Ctrl+Z did nothing, while Edit → Undo offered the last answer, and Redo the same.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit


class SearchField(QLineEdit):
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
                (event.matches(QKeySequence.StandardKey.Undo) and not self.isUndoAvailable())
                or (event.matches(QKeySequence.StandardKey.Redo) and not self.isRedoAvailable())):
            event.ignore()  # not ours: the window's Undo or Redo action takes it
            return True
        return super().event(event)
