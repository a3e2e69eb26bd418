"""What every page is given: the profile, the operations helper and the undo history.

Passed in explicitly (no global main window): a page can be built and tested
on its own with a real profile.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from ..bootstrap import Profile
from .operations import Operations
from .undo import UndoHistory


@dataclass
class AppContext:
    profile: Profile
    operations: Operations
    undo: UndoHistory


class Page(QWidget):
    """A navigation page: refreshes from the read models when shown after a change."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._stale = True
        context.operations.changed.connect(self.mark_stale)

    @property
    def profile(self) -> Profile:
        return self.context.profile

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh_now()

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.refresh_now()

    def refresh_now(self) -> None:
        self._stale = False
        self.refresh()

    def refresh(self) -> None:
        """Re-read what the page shows (override)."""
