"""Test configuration shared by every suite.

Qt renders offscreen (no display needed); the PostgreSQL fixtures start a
throwaway server themselves (see tests/support/postgres.py).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from tests.support.postgres import pg_database, pg_url  # noqa: E402,F401


@pytest.fixture(scope="session", autouse=True)
def _garbage_collected_on_the_gui_thread(qapp):  # type: ignore[no-untyped-def]
    """As the app does at start (gui/app.py): cyclic garbage collected by a timer on the GUI thread,
    never automatically in whichever thread allocates. The suite used to switch to that only once a
    test built its first page, and a test run before one (a partial run, e.g. tests/statistics alone)
    crashed in a heatmap's paint now and then."""
    from effect_desktop.gui.gc_thread import collect_on_gui_thread

    collect_on_gui_thread()
    yield


@pytest.fixture(autouse=True)
def _no_modifier_key_left_held(qapp):  # type: ignore[no-untyped-def]
    """Qt's idea of the keys held is that of the last key event it handled. A Ctrl+Z whose undo opened
    a dialog had its key release go to the blocked window, so Ctrl stayed "held" into the next test,
    and a row chosen there with selectRow toggled instead of selecting: a failure far from its cause."""
    yield
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    spare = QWidget()
    QTest.keyRelease(spare, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)
    spare.deleteLater()
