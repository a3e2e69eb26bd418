"""Shortcuts that keep the keys the README and the Help list promise on every platform.

Qt's standard keys differ by platform and are sometimes none at all: Quit has no key on Windows, and
Help is Cmd+? on macOS, where our F1 was promised.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence


def with_key(standard: QKeySequence.StandardKey, key: str) -> list[QKeySequence]:
    """The platform's bindings of `standard`, then `key` if it is not among them."""
    bindings = list(QKeySequence.keyBindings(standard))
    extra = QKeySequence(key)
    return bindings if extra in bindings else [*bindings, extra]
