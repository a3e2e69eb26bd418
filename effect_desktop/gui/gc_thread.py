"""Python's cyclic garbage collection on the GUI thread only.

Python collects in whichever thread allocates when a threshold is passed. In
a background read (the status bar's counts, a statistics query) that is a
worker thread, and collecting a cycle that holds a Qt object there destroys
it off the GUI thread: a segmentation fault, caught in the tests as
"Garbage-collecting" in a worker. So once work can leave the GUI thread,
automatic collection is off and a timer on the GUI thread collects, each
generation when the automatic collector would (the recipe of pyqtgraph and
calibre).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

from ..gc_pause import pausing

INTERVAL_MS = 500

_collector: list[QObject] = []


LONG_LIVED_SHARE = 4  # CPython's rule: a full collection once the objects promoted since the last
                      # one are a quarter of those it left


class _GuiThreadCollector(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.long_lived = len(gc.get_objects(2))  # the oldest generation's size after its last collection
        self.promoted = 0  # objects that reached it since
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(INTERVAL_MS)

    def collect(self) -> None:
        """Each generation when its threshold is passed; the oldest only when CPython's own collector
        would also: once what was promoted into it since its last collection is a quarter of what that
        collection left. Without that rule every tenth collection of the middle generation rescanned
        every object of the app: 0.3-0.4 s frozen each time with five years' words and timeline shown,
        every few seconds while pages were read."""
        first, second, third = gc.get_count()
        if pausing():  # a worker's bulk work (gc_pause): its objects stay alive anyway, and an older
            return     # generation's collection rescanned them all on this thread, the window frozen
        if first > self.thresholds[0]:
            gc.collect(0)
            if second > self.thresholds[1]:
                young = len(gc.get_objects(1))  # the youngest's survivors are here now
                self.promoted += max(0, young - gc.collect(1))  # what survives goes to the oldest
                if third > self.thresholds[2] and self.promoted > self.long_lived / LONG_LIVED_SHARE:
                    gc.collect(2)
                    self.long_lived, self.promoted = len(gc.get_objects(2)), 0


def collect_on_gui_thread() -> None:
    """Call before handing work to another thread (idempotent; from the GUI thread, with an app)."""
    app = QCoreApplication.instance()
    if _collector or app is None or QThread.currentThread() is not app.thread():
        return
    _collector.append(_GuiThreadCollector(app))
