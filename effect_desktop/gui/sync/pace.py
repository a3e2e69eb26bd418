"""How fast a running pull takes events in, to tell whether it can end within the close wait.

With "Sync when the app closes" on, closing during a large pull waited the whole wait (8 s, frozen)
for a pull that could not end in it, and then left it running. What it would still take is known as
soon as two of its pages are in: the events still to come at the pace so far.
"""

from __future__ import annotations

import threading
import time


class PullPace:
    """Fed from the sync thread (`note`), asked from the window's (`ends_by`)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._first: tuple[float, int] | None = None  # (when, events in) at the first page
        self._last: tuple[float, int, int] | None = None  # (when, events in, events in all)

    def note(self, phase: str, done: int, total: int) -> None:
        if phase != "pull":
            return
        now = time.monotonic()
        with self._lock:
            if self._first is None:
                self._first = (now, done)
            self._last = (now, done, total)

    def ends_by(self, deadline: float) -> bool:
        """False only when the pull, at its pace so far, is still taking events in at `deadline` (a
        `time.monotonic()` moment); True while its pace is not known yet (fewer than two pages)."""
        with self._lock:
            first, last = self._first, self._last
        if first is None or last is None or last[1] >= last[2] or last[0] <= first[0] or last[1] <= first[1]:
            return True
        seconds_per_event = (last[0] - first[0]) / (last[1] - first[1])
        return last[0] + (last[2] - last[1]) * seconds_per_event <= deadline
