"""Cyclic garbage is collected on the GUI thread, never in a worker (where freeing a Qt object crashes)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QThreadPool

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

    def past_the_first_threshold() -> bool:
        """New garbage until the collector has run: another test's late background work freeing its
        objects here lowers the allocation count, and one batch could stay below the threshold."""
        garbage = [_Cycle() for _ in range(gc.get_threshold()[0] + 10)]
        del garbage
        return len(freed_in) == 3

    qtbot.waitUntil(past_the_first_threshold, timeout=5000)
    assert set(freed_in) == {threading.main_thread().name}


def test_a_result_whose_receiver_is_gone_is_dropped_quietly(qtbot, capfd) -> None:
    """A background read can outlive what asked for it (a closed page); its result has nobody to go
    to, and the worker must not print "Signal source has been deleted" with a traceback."""
    import shiboken6

    release = threading.Event()
    job = BackgroundJob(lambda _progress: release.wait(2))
    pool = QThreadPool()
    pool.start(job)
    shiboken6.delete(job.signals)  # its C++ side is gone while the work runs
    release.set()
    assert pool.waitForDone(3000)
    err = capfd.readouterr().err
    assert "Signal source has been deleted" not in err and "Traceback" not in err


def test_no_collection_on_the_gui_thread_while_a_worker_does_bulk_work(qtbot) -> None:
    """A worker's bulk work (the timeline's preparation, a rebuild) allocates past the thresholds; each
    full collection the GUI thread then ran rescanned all its objects: 0.1-0.2 s frozen, many times over."""
    from effect_desktop.gc_pause import without_gc

    BackgroundJob(lambda _progress: None)
    collect_on_gui_thread()
    started, release = threading.Event(), threading.Event()

    @without_gc
    def bulk() -> None:
        started.set()
        release.wait(10)

    worker = threading.Thread(target=bulk)
    worker.start()
    try:
        assert started.wait(5)
        freed: list[int] = []
        cycle = _Cycle()
        weakref.finalize(cycle, lambda: freed.append(1))
        del cycle
        garbage = [_Cycle() for _ in range(gc.get_threshold()[0] * 3)]
        del garbage
        qtbot.wait(1500)  # three of the collector's turns
        assert freed == []
    finally:
        release.set()
        worker.join()

    def collected() -> bool:
        garbage = [_Cycle() for _ in range(gc.get_threshold()[0] + 10)]
        del garbage
        return freed == [1]

    qtbot.waitUntil(collected, timeout=5000)  # once the work ends, as before


def test_no_collection_on_the_gui_thread_while_a_worker_holds_a_profile_connection(qtbot, tmp_path) -> None:
    """A pooled connection keeps its prepared statements; a cursor an earlier user left in a cycle, collected
    on the GUI thread while a worker ran that statement again, reset it under the worker, and the redo of
    an Organize on 18,000 words failed with "bad parameter or other API misuse" (found by a power user)."""
    from effect_desktop.bootstrap import open_profile

    BackgroundJob(lambda _progress: None)
    collect_on_gui_thread()
    profile = open_profile(tmp_path / "p.effect.sqlite3")
    started, release = threading.Event(), threading.Event()

    def write_in_a_worker() -> None:
        with profile.store.transaction():
            started.set()
            release.wait(10)

    worker = threading.Thread(target=write_in_a_worker)
    worker.start()
    freed: list[int] = []
    try:
        assert started.wait(5)
        cycle = _Cycle()
        weakref.finalize(cycle, lambda: freed.append(1))
        del cycle
        garbage = [_Cycle() for _ in range(gc.get_threshold()[0] * 3)]
        del garbage
        qtbot.wait(1500)  # three of the collector's turns
        assert freed == []
    finally:
        release.set()
        worker.join()
    with profile.store.reading():  # the GUI thread's own reads hold nothing back: it collects between them
        pass

    def collected() -> bool:
        garbage = [_Cycle() for _ in range(gc.get_threshold()[0] + 10)]
        del garbage
        return freed == [1]

    qtbot.waitUntil(collected, timeout=5000)
    profile.close()


def test_the_oldest_generation_is_collected_as_rarely_as_cpython_does(qtbot) -> None:
    """Every tenth collection of the middle generation was a full one, which rescanned every object of
    the app on the GUI thread: 0.3-0.4 s frozen each time on five years' words and timeline. CPython
    itself waits until what was promoted since the last full collection is a quarter of what it left."""
    from PySide6.QtWidgets import QApplication

    from effect_desktop.gui.gc_thread import _GuiThreadCollector

    kept = [[index] for index in range(200_000)]  # the app's long-lived objects (rows, caches)
    gc.collect()
    collector = _GuiThreadCollector(QApplication.instance())
    collector.timer.stop()  # turned by hand here
    full: list[int] = []

    def note(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(1)

    gc.callbacks.append(note)
    try:
        for _ in range(300):  # short-lived garbage, as reading pages makes: thirty middle collections
            garbage = [_Cycle() for _ in range(gc.get_threshold()[0] + 10)]
            del garbage
            collector.collect()
        assert full == [], "nothing much outlived them: no full collection"
        survivors = []
        for _ in range(300):  # now much stays alive (a page of 60,000 rows read)
            survivors.append([[i] for i in range(gc.get_threshold()[0] + 10)])
            collector.collect()
        assert full, "a quarter more long-lived objects: collected in full, as CPython would"
    finally:
        gc.callbacks.remove(note)
        collector.deleteLater()
    assert len(kept) == 200_000 and survivors
