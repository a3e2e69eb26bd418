"""Small shared look helpers: palette-aware, no fixed pixel fonts.

Colours come from the current palette (so light and dark system themes both
work) and sizes are relative to the application font (so high-DPI and
large-font settings scale).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font


def is_dark() -> bool:
    palette = QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_color() -> QColor:
    return QColor("#ff7b72") if is_dark() else QColor("#b3261e")


def success_color() -> QColor:
    return QColor("#7ee787") if is_dark() else QColor("#1a7f37")


def accent_color() -> QColor:
    return QApplication.palette().color(QPalette.ColorRole.Highlight)


def error_label() -> QLabel:
    """A hidden, wrapping label in the error colour, for messages beside a field."""
    label = QLabel()
    label.setWordWrap(True)
    label.setVisible(False)
    label.setStyleSheet(f"color: {error_color().name()};")
    return label


def heading(text: str, widget: QWidget, factor: float = 1.5) -> QLabel:
    label = QLabel(text)
    label.setFont(scaled_font(widget, factor, bold=True))
    return label
