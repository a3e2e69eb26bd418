"""A disk that runs out of room at a chosen file size, for tests of what the learner is told then.

The process's own file-size limit (RLIMIT_FSIZE) stands in for a full disk: a write that would make a
file larger fails as SQLite meets a full disk (SIGXFSZ is ignored, so the write fails instead of
killing the process). SQLite's `max_page_count` cannot stand in where the file is opened by the code
under test in another thread or after a restore replaced it.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def files_no_larger_than(size: int) -> Iterator[None]:
    if sys.platform == "win32":  # (the tests run on Linux in CI; a file-size limit is a Unix thing)
        pytest.skip("needs a process file-size limit (RLIMIT_FSIZE), which Windows has not")
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
