"""Folders the system refuses to write into, for tests of what the learner is told then."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def unwritable(folder: Path) -> Iterator[None]:
    """`folder` refuses new files (immutable: the tests run as root, whom permissions do not stop)."""
    if os.geteuid() != 0 or subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode:
        pytest.skip("needs root and a file system with immutable files")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
