"""A wheel turned over a choice in a scrolling page scrolls the page, unless the choice was clicked.

Scrolling down Settings or Statistics with the wheel, the pointer passed over a spin box or a list
and changed it on the way: "Reviews per day" went from 100 to 97, and the Statistics period from a
year to all time (and a reading of five years began). A choice the learner has clicked into (it has
the focus) still takes the wheel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget


class _WheelScrollsThePage(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # filtered and not accepted: Qt hands it on to the parents, the scroll area's too
            return True
        return False


def wheel_scrolls_past(owner: QObject, *controls: QWidget) -> None:
    """Guard `controls` (owned by `owner`, which keeps the filter alive): the wheel gives them no
    focus, and changes them only once they have it."""
    guard = owner.findChild(_WheelScrollsThePage) or _WheelScrollsThePage(owner)
    for control in controls:
        control.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        control.installEventFilter(guard)
