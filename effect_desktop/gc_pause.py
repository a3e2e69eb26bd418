"""Pausing Python's cyclic garbage collector around work that allocates many objects at once.

A replay or an aggregate load creates hundreds of thousands (or thousands) of
small objects that all stay alive until it ends; each automatic collection
meanwhile rescans every tracked object of the process (the read-model cache,
the GUI's), which was measured at 40% of a rebuild and half of an aggregate
load. Such work creates no cycles that must be freed before it ends; the
collector resumes afterwards and reference counting frees everything as usual.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


_under_way = [0]  # such work running now, in any thread (the window's collector asks: `pausing`)
_count = threading.Lock()


def pausing() -> bool:
    """Whether such work is under way in some thread. In the window, where automatic collection is off and
    a timer collects on the GUI thread (gui/gc_thread.py), a worker's allocations still passed the
    thresholds, and each full collection froze the window for 0.1-0.2 s, many times over a timeline's
    preparation."""
    return _under_way[0] > 0


def without_gc(function: F) -> F:
    @functools.wraps(function)
    def paused(*args: Any, **kwargs: Any) -> Any:
        was_enabled = gc.isenabled()
        gc.disable()
        with _count:
            _under_way[0] += 1
        try:
            return function(*args, **kwargs)
        finally:
            with _count:
                _under_way[0] -= 1
            if was_enabled:
                gc.enable()

    return paused  # type: ignore[return-value]


@contextmanager
def using_a_connection() -> Iterator[None]:
    """Around a worker thread's use of a database connection: no collection on the window's thread
    meanwhile. A pooled connection keeps the statements it prepared, and a cursor an earlier user of
    it left in a reference cycle still holds one; collected on the GUI thread while a worker ran that
    statement again, the cursor reset it under the worker ("bad parameter or other API misuse"), and
    the redo of an Organize on 18,000 words failed one time in three. (The main thread's own use
    needs nothing: the collector runs there, between its statements.)"""
    if threading.current_thread() is threading.main_thread():
        yield
        return
    with _count:
        _under_way[0] += 1
    try:
        yield
    finally:
        with _count:
            _under_way[0] -= 1
