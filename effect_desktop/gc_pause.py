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
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def without_gc(function: F) -> F:
    @functools.wraps(function)
    def paused(*args: Any, **kwargs: Any) -> Any:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return paused  # type: ignore[return-value]
