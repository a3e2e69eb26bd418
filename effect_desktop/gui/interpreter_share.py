"""The interpreter lock handed to the GUI thread within a millisecond, not five.

Every Qt event the window handles in Python (a paint, a timer, the size of one of our widgets) takes
the interpreter lock. While a background thread runs Python (an import checking 50,000 rows, a
statistics reading, a sync's pages), CPython hands the lock over only once its switch interval has
passed, 5 ms by default, and a repaint that calls into Python some seventy times waited that long each
time: the Import dialog stood still for 0.3-0.4 s while it checked a 50,000-row file. At 1 ms the
longest wait was 0.07 s, and the check took as long as before (a thread alone never switches).
"""

from __future__ import annotations

import sys

SWITCH_INTERVAL_S = 0.001


def share_with_the_gui_thread() -> None:
    """For the window's process (the CLI keeps CPython's default: it has no thread waiting to paint)."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)
