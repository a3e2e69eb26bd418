"""Cyclic garbage is collected on the GUI thread, never in a worker (where freeing a Qt object crashes)."""

from __future__ import annotations

import gc
import threading
import weakref

from effect_desktop.gui.gc_thread import collect_on_gui_thread
from effect_desktop.gui.operations import BackgroundJob


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_once_work_can_leave_the_gui_thread_cycles_are_freed_on_it(qtbot) -> None:
    BackgroundJob(lambda _progress: None)  # what any background read does first
    collect_on_gui_thread()
    assert not gc.isenabled(), "no automatic collection: it would run in whichever thread allocates"
    freed_in: list[str] = []
    for _ in range(3):
        cycle = _Cycle()
        weakref.finalize(cycle, lambda: freed_in.append(threading.current_thread().name))
        del cycle
    garbage = [_Cycle() for _ in range(gc.get_threshold()[0] + 10)]  # past the first threshold
    del garbage
    qtbot.waitUntil(lambda: len(freed_in) == 3, timeout=3000)
    assert set(freed_in) == {threading.main_thread().name}
