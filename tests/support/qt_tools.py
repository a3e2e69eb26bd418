"""PySide6's command-line tools (lupdate) for the translation tests.

A venv's `bin/` is not on PATH when its python is run directly (as `.ci/run`
does), so the tool installed beside this interpreter is looked for first; on
a machine without it the test is skipped, but never under CI=true.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest


def pyside_tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is not installed beside {sys.executable} nor on PATH (it comes with PySide6)")
        pytest.skip(f"{name} is not installed")
    return found


def tip_text(tip: str) -> str:
    """What a tooltip shows, as Qt reads it: rich text (tags obeyed) when it looks like markup."""
    from PySide6.QtGui import Qt, QTextDocument

    if not Qt.mightBeRichText(tip):
        return tip
    document = QTextDocument()
    document.setHtml(tip)
    return document.toPlainText().replace("\u00a0", " ")  # a kept run of spaces
