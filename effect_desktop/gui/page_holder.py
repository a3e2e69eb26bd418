"""A page as the main window holds it: filling the window, scrolled when the window is smaller.

Held directly in the window's stack, every page's least size was the window's:
at a 16 pt font the window could not be made smaller than 961×594 (its least
size grew with the font so that the Study page was not squeezed), and below
what a page needs its buttons were cut ("単語を編集 (Ctrl+E" on the Study page).

The page is sized here rather than by `QScrollArea.setWidgetResizable`: for a
page with wrapped labels that takes the page's preferred height as its least,
and Statistics scrolled at 720×480 for room it did not need.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QScrollArea, QStyle, QWidget


class PageHolder(QScrollArea):
    def __init__(self, page: QWidget, key: str) -> None:
        super().__init__()
        self.page = page
        self.setProperty("pageKey", key)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes on into the page
        self.setWidget(page)
        page.installEventFilter(self)

    def page_size(self) -> QSize:
        """The room the window gives, or the page's least size where that is more (the other way then
        less a scroll bar's width)."""
        least = self.page.minimumSizeHint().expandedTo(self.page.minimumSize())
        room = self.maximumViewportSize()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        width, height = max(room.width(), least.width()), max(room.height(), least.height())
        if width > room.width():
            height = max(room.height() - bar, least.height())
        if height > room.height():
            width = max(room.width() - bar, least.width())
        return QSize(width, height)

    def fit(self) -> None:
        size = self.page_size()
        if self.page.size() != size:
            self.page.resize(size)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.page and event.type() == QEvent.Type.LayoutRequest:
            self.fit()  # its least size may have changed (a longer text, another panel)
        return super().eventFilter(watched, event)
