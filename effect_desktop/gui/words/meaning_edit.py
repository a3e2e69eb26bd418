"""The word dialog's Meaning: a few lines, where a single line edit held one.

A meaning may run over lines (an Anki note's back, a spreadsheet cell), and the domain keeps its line
breaks; a one-line field showed such a meaning joined and no break could be typed. It still behaves
as the dialog's other fields do: Enter saves and Tab moves on; Shift+Enter starts a new line.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QSizePolicy, QWidget

LINES_SHOWN = 3


class MeaningEdit(QPlainTextEdit):
    """`text()` and `setText()` as QLineEdit has them, so the dialog reads every field alike."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setPlainText(text)

    def text(self) -> str:
        """The text as typed: `toPlainText` turns a no-break space into a space (French "salut !" from
        Anki changed when one letter was added) and a line separator into a line break."""
        return self.document().toRawText().replace("\u2029", "\n")  # its blocks end in U+2029

    def setText(self, text: str) -> None:  # noqa: N802
        self.setPlainText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
                return
            dialog = self.window()
            if isinstance(dialog, QDialog):  # Enter saves, as in the line edits beside it
                dialog.accept()
                return
        super().keyPressEvent(event)

    def sizeHint(self) -> QSize:
        """Tall enough for LINES_SHOWN lines at the font in use (a large system font included)."""
        hint = super().sizeHint()
        margins = self.contentsMargins()
        document_margin = 2 * int(self.document().documentMargin())
        lines = self.fontMetrics().lineSpacing() * LINES_SHOWN
        return QSize(hint.width(), lines + document_margin + margins.top() + margins.bottom())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()
