"""A clearly labelled stand-in for a page another piece of work will provide."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .context import AppContext
from .style import heading


class PlaceholderPage(QWidget):
    def __init__(self, title: str, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placeholderPage")
        title_label = heading(title, self, 1.6)
        title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        badge = QLabel(self.tr("Coming soon"))
        badge.setObjectName("placeholderBadge")
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        badge.setEnabled(False)
        text = QLabel(explanation)
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 32, 64, 32)
        layout.addStretch(1)
        layout.addWidget(title_label)
        layout.addWidget(badge)
        layout.addWidget(text)
        layout.addStretch(2)


def timeline_placeholder(_context: AppContext) -> QWidget:
    return PlaceholderPage(QCoreApplication.translate("Pages", "Timeline"), QCoreApplication.translate(
        "Pages", "The history timeline — what you studied when, how each word's schedule changed, "
        "and undo entries — will appear here."))


def statistics_placeholder(_context: AppContext) -> QWidget:
    return PlaceholderPage(QCoreApplication.translate("Pages", "Statistics"), QCoreApplication.translate(
        "Pages", "Charts of answers, accuracy and study time per day will appear here."))
