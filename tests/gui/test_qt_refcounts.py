"""The installed PySide6 keeps Python's reference counts: a window lives for hours of signals.

PySide6 6.12.0's `Signal.emit()` dropped a reference to `True` on every call. On
Python 3.11, where `True` is not immortal, the window aborted ("Fatal Python
error: bool_dealloc") after a few thousand emits: roughly a thousand answers in
one sitting. pyproject.toml keeps that version out; this checks the one installed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    counted = Signal(int, int)
    carrying = Signal(object)


def test_emitting_signals_leaves_the_reference_counts_of_true_false_and_none_alone(qtbot) -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.carrying.connect(received.append)
    before = [sys.getrefcount(value) for value in (True, False, None)]
    for _ in range(100):
        emitter.plain.emit()
        emitter.counted.emit(1, 2)
        emitter.carrying.emit(True)
    received.clear()
    after = [sys.getrefcount(value) for value in (True, False, None)]
    version = __import__("PySide6").__version__
    assert after == before, f"PySide6 {version} leaks or drops references: {before} -> {after}"
